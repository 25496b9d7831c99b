/**
 * The load worker: the CLI bundle started as a worker thread by `loadVault` on a large
 * vault. It claims chunks of notes from the counter it shares with the main thread, reads
 * and parses each note (`noteRecord`, the same code the main thread runs) and posts the
 * records; `null` when no chunk is left.
 */
import { isMainThread, parentPort, workerData } from "worker_threads";
import { LinkResolver } from "../core/links";
import type { SourceSettings } from "../core/settings";
import { FolderVault } from "./folder-vault";
import { noteRecord, type NoteRecord, type RecordContext } from "./note-record";

export const LOAD_WORKER = "source-lifecycle-load";

export interface LoadWorkerData {
	kind: typeof LOAD_WORKER;
	/** The vault's real path. */
	root: string;
	/** Every vault file: what links can resolve to. */
	files: string[];
	/** The Markdown notes to load; records are posted by index in this list. */
	paths: string[];
	settings: SourceSettings;
	linksOfSources: boolean;
	/** One Int32 over shared memory: the next unclaimed index of `paths`. */
	next: SharedArrayBuffer;
	/** Notes per claimed chunk. */
	chunk: number;
}

/** The records of `paths[start]`, `paths[start + 1]`, … */
export interface LoadBatch {
	start: number;
	records: NoteRecord[];
}

/** True when this thread was started by `loadVault` to load notes. */
export function isLoadWorker(): boolean {
	return !isMainThread && parentPort !== null && (workerData as Partial<LoadWorkerData> | null)?.kind === LOAD_WORKER;
}

export function runLoadWorker(): void {
	const data = workerData as LoadWorkerData;
	const port = parentPort;
	if (port === null) return;
	const vault = new FolderVault(data.root);
	const ctx: RecordContext = { settings: data.settings, resolver: new LinkResolver(data.files), linksOfSources: data.linksOfSources };
	const next = new Int32Array(data.next);
	for (;;) {
		const start = Atomics.add(next, 0, data.chunk);
		if (start >= data.paths.length) break;
		const end = Math.min(data.paths.length, start + data.chunk);
		const records: NoteRecord[] = [];
		for (let i = start; i < end; i++) {
			const path = data.paths[i] as string;
			records.push(noteRecord(path, vault.readListedNote(path, data.settings.maxNoteBytes), ctx));
		}
		const batch: LoadBatch = { start, records };
		port.postMessage(batch);
	}
	port.postMessage(null);
}
