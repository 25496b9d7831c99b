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
	linksOfSources: boolean;
}

/** The work, posted once the vault is listed (the worker starts up meanwhile). */
export interface LoadJob {
	/** Every vault file: what links can resolve to. */
	files: string[];
	/** The Markdown notes to load; records are posted by index in this list. */
	paths: string[];
	settings: SourceSettings;
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
	port.once("message", (job: LoadJob) => {
		const vault = new FolderVault(data.root);
		// Built on first need: a vault of sources alone never resolves a link here.
		let resolver: LinkResolver | null = null;
		const ctx: RecordContext = {
			settings: job.settings,
			get resolver() {
				return (resolver ??= new LinkResolver(job.files));
			},
			linksOfSources: data.linksOfSources,
		};
		const next = new Int32Array(job.next);
		for (;;) {
			const start = Atomics.add(next, 0, job.chunk);
			if (start >= job.paths.length) break;
			const end = Math.min(job.paths.length, start + job.chunk);
			const records: NoteRecord[] = [];
			for (let i = start; i < end; i++) {
				const path = job.paths[i] as string;
				records.push(noteRecord(path, vault.readListedNote(path, job.settings.maxNoteBytes), ctx));
			}
			const batch: LoadBatch = { start, records };
			port.postMessage(batch);
		}
		port.postMessage(null);
	});
}
