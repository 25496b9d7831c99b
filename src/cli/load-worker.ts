/**
 * The load worker: the CLI bundle started as a worker thread by `loadVault` on a large
 * vault. It claims chunks of notes from the counter it shares with the main thread, reads
 * and parses each note (`noteRecord`, the same code the main thread runs) and posts the
 * records; `null` when no chunk is left.
 */
import { isMainThread, parentPort, workerData } from "worker_threads";
import { LinkResolver } from "../core/vault/links";
import type { SourceSettings } from "../core/sources/settings";
import { FolderVault } from "./folder-vault";
import { noteRecord, type NoteRecord, type RecordContext } from "./note-record";

export const LOAD_WORKER = "source-lifecycle-load";
/** Indexes into `LoadJob.shared`. */
export const NEXT = 0;
export const BACKLOG = 1;
/**
 * SOURCE notes the worker leaves to the main thread while fewer than this many wait there:
 * the main thread reads them for less than the parsed data would cost to post, and when it
 * falls behind the worker reads them itself.
 */
const MAX_BACKLOG = 256;

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
	/** Int32s over shared memory: at NEXT the next unclaimed index of `paths`, at BACKLOG the `head` records posted and not yet read by the main thread. */
	shared: SharedArrayBuffer;
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
		const shared = new Int32Array(job.shared);
		const defer = (): boolean => {
			if (Atomics.load(shared, BACKLOG) >= MAX_BACKLOG) return false;
			Atomics.add(shared, BACKLOG, 1);
			return true;
		};
		for (;;) {
			const start = Atomics.add(shared, NEXT, job.chunk);
			if (start >= job.paths.length) break;
			const end = Math.min(job.paths.length, start + job.chunk);
			const records: NoteRecord[] = [];
			for (let i = start; i < end; i++) {
				const path = job.paths[i] as string;
				records.push(noteRecord(path, vault.readListedNote(path, job.settings.maxNoteBytes), ctx, defer));
			}
			const batch: LoadBatch = { start, records };
			port.postMessage(batch);
		}
		port.postMessage(null);
	});
}
