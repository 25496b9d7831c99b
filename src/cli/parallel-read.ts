/**
 * Reading a large vault on two cores: a worker thread makes the file system calls (open,
 * fstat, read, close) into 1 MB buffers that it hands over without copying, while the
 * main thread decodes and parses what has already arrived. Notes come out in the order
 * asked, with the same results (and messages) as `FolderVault.readListedNote`.
 */
import { Worker } from "worker_threads";
import { decodeNote, overLimitMessage, type FolderVault, type ReadNote } from "./folder-vault";

/** Below this many notes a worker's start-up costs more than it saves. */
export const PARALLEL_READ_MIN_NOTES = 400;

/** The worker: plain CommonJS, evaluated from this string so it loads nothing else. */
const READER = `
const { parentPort, workerData } = require("worker_threads");
const { openSync, fstatSync, readSync, closeSync } = require("fs");
const { root, paths, maxBytes } = workerData;
const CHUNK = 1 << 20;
let arena = null, used = 0, entries = [], errors = [];
const flush = () => {
	if (entries.length === 0) return;
	const buffer = arena ? arena.buffer : null;
	parentPort.postMessage({ buffer, entries, errors }, buffer ? [buffer] : []);
	arena = null; used = 0; entries = []; errors = [];
};
for (let i = 0; i < paths.length; i++) {
	let fd = -1;
	try {
		fd = openSync(root + "/" + paths[i], "r");
		const size = fstatSync(fd).size;
		if (size > maxBytes) entries.push(i, -1, size);
		else {
			if (arena === null || used + size > arena.length) {
				if (arena !== null) flush();
				arena = Buffer.allocUnsafeSlow(Math.max(CHUNK, size));
			}
			let off = 0;
			while (off < size) {
				const n = readSync(fd, arena, used + off, size - off, off);
				if (n === 0) break;
				off += n;
			}
			entries.push(i, used, off);
			used += off;
		}
	} catch (e) {
		entries.push(i, -2, errors.length);
		errors.push(String(e && e.message));
	} finally {
		if (fd !== -1) try { closeSync(fd); } catch {}
	}
	if (entries.length >= 3 * 512) flush();
}
flush();
parentPort.postMessage(null);
`;

interface Batch {
	buffer: ArrayBuffer | null;
	/** Triples: path index, then offset and length in `buffer`; offset -1: over the limit (length = size); -2: error (length = index in `errors`). */
	entries: number[];
	errors: string[];
}

/** Every note of `paths` (vault-relative, from `listFiles`) read, in order, a batch at a time. */
export async function* readNotesInParallel(vault: FolderVault, paths: readonly string[], maxBytes: number): AsyncGenerator<[string, ReadNote][]> {
	const queue: (Batch | null | Error)[] = [];
	let wake: (() => void) | null = null;
	const push = (m: Batch | null | Error) => {
		queue.push(m);
		wake?.();
		wake = null;
	};
	const worker = new Worker(READER, { eval: true, workerData: { root: vault.root, paths, maxBytes } });
	worker.on("message", (m: Batch | null) => push(m));
	worker.on("error", (e) => push(e));
	worker.on("exit", () => push(new Error("reader stopped")));
	let next = 0;
	try {
		for (;;) {
			if (queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
			const m = queue.shift();
			if (m === null || m === undefined || m instanceof Error) break;
			const bytes = m.buffer ? Buffer.from(m.buffer) : Buffer.alloc(0);
			const e = m.entries;
			const batch: [string, ReadNote][] = [];
			for (let k = 0; k < e.length; k += 3) {
				const i = e[k] as number;
				const a = e[k + 1] as number;
				const b = e[k + 2] as number;
				const path = paths[i] as string;
				if (a === -1) batch.push([path, { ok: false, message: overLimitMessage(b, maxBytes) }]);
				else if (a === -2) batch.push([path, { ok: false, message: `cannot read file (${m.errors[b] ?? "unknown error"})` }]);
				else batch.push([path, decodeNote(bytes.subarray(a, a + b))]);
				next = i + 1;
			}
			yield batch;
		}
	} finally {
		void worker.terminate();
	}
	// The worker failed or stopped early: read the rest here.
	for (let i = next; i < paths.length; i++) {
		const path = paths[i] as string;
		yield [[path, vault.readListedNote(path, maxBytes)]];
	}
}
