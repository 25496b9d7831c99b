/**
 * Load a vault folder into the core model: every Markdown note read once, frontmatter
 * read with the fast reader, SOURCE notes recognised and fed to the one SourceIndex.
 * Large vaults are loaded on two cores: a worker thread and the main thread take chunks of
 * notes from one shared counter, each reads and parses its chunks (`noteRecord`), and the
 * main thread applies every record to the index as it arrives.
 */
import { Worker } from "worker_threads";
import { locateFrontmatter, type FrontmatterData } from "../core/frontmatter/frontmatter";
import { LinkResolver, type LinkCounts } from "../core/vault/links";
import { checkSettings, withDefaults, type SourceSettings } from "../core/sources/settings";
import { SourceIndex } from "../core/vault/source-index";
import type { SourceNote } from "../core/sources/source";
import { FolderVault, UsageError, type ReadNote } from "./folder-vault";
import { BACKLOG, LOAD_WORKER, NEXT, type LoadBatch, type LoadJob, type LoadWorkerData } from "./load-worker";
import { noteRecord, recordOfHead, type LoadedRecord, type NoteRecord, type RecordContext } from "./note-record";

export interface FileError {
	path: string;
	message: string;
}

/**
 * A Markdown note of the loaded vault: its frontmatter as loaded. Its text is not kept (a
 * 20k-note vault held as strings costs the garbage collector more than the whole scan):
 * `read()` reads the note again, as it is now, for the commands that edit or scan a note.
 */
export class LoadedNote {
	constructor(
		readonly path: string,
		readonly frontmatter: FrontmatterData | null,
		private readonly vault: FolderVault,
		private readonly maxBytes: number,
	) {}

	read(): ReadNote {
		return this.vault.readListedNoteAgain(this.path, this.maxBytes);
	}
}

export interface LoadedVault {
	vault: FolderVault;
	settings: SourceSettings;
	files: string[];
	/** Every Markdown note read whose frontmatter could be located, by path (sorted). */
	notes: Map<string, LoadedNote>;
	index: SourceIndex;
	resolver: LinkResolver;
	/**
	 * Per Markdown note read: its `resolvedLinks` / `unresolvedLinks` entries, as Obsidian's
	 * (SOURCE notes only with `linksOfSources`), by path (sorted).
	 */
	links: Map<string, LinkCounts>;
	/** Per-file errors, by path (sorted). */
	errors: FileError[];
	/** Notes that could not be read or parsed and do not look like SOURCE notes. */
	skipped: number;
	/** How many notes the load worker read (0: loaded on the main thread alone). */
	workerNotes: number;
}

/** A settings file larger than this is not the plugin's. */
const SETTINGS_MAX_BYTES = 1024 * 1024;

/** Where the plugin saves its settings, vault-relative. */
export const SETTINGS_PATH = ".obsidian/plugins/source-lifecycle/data.json";

/**
 * The plugin's saved settings, when the vault has them, so CLI and plugin agree. A settings
 * file that cannot be read, is not JSON, or holds a value of the wrong type is refused
 * (exit 2, nothing read or written): running with other settings than the user's (another
 * id prefix, no excluded folders) could change notes they meant to leave alone.
 */
export async function loadSettings(vault: FolderVault): Promise<SourceSettings> {
	// Only a regular file really inside the vault (no symlinked `.obsidian` or data.json
	// leading out), and no error quotes its text (docs/safety.md).
	const read = vault.readInsideFile(SETTINGS_PATH, SETTINGS_MAX_BYTES);
	if (read === null) return withDefaults(null);
	if (typeof read === "string") throw new UsageError(`${SETTINGS_PATH}: the plugin's settings could not be read (${read}); nothing was done`);
	const raw = read.toString("utf8");
	let saved: unknown;
	try {
		saved = JSON.parse(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
	} catch {
		throw new UsageError(`${SETTINGS_PATH}: the plugin's settings are not valid JSON; fix or delete the file; nothing was done`);
	}
	const checked = checkSettings(saved);
	if (checked.problems.length) throw new UsageError(`${SETTINGS_PATH}: ${checked.problems.join("; ")}; fix or delete the file; nothing was done`);
	return checked.settings;
}

/** Below this many notes a worker's start-up costs more than it saves. */
export const PARALLEL_LOAD_MIN_NOTES = 400;
/** Notes per chunk claimed from the shared counter. */
const CHUNK = 128;

export interface LoadOptions {
	/**
	 * Also extract the links of SOURCE notes. Backlinks, sync and the queue only need links
	 * from integrating (non-source) notes, so by default a source's body is not scanned;
	 * `links` (Obsidian's full resolvedLinks) asks for them.
	 */
	linksOfSources?: boolean;
	/** Load on two threads; default: for vaults of PARALLEL_LOAD_MIN_NOTES notes or more. */
	parallel?: boolean;
	/**
	 * The script a load worker runs: the CLI bundle itself (it starts as a worker when asked).
	 * Default: this file when it is the bundle (`dist/cli.js`); none when running from source.
	 */
	workerScript?: string | null;
	/** With a worker: false leaves every note to it, the main thread only applying records (tests). Default true. */
	mainThreadReads?: boolean;
}

function defaultWorkerScript(): string | null {
	return typeof __filename === "string" && __filename.endsWith(".js") ? __filename : null;
}

export async function loadVault(vault: FolderVault, options: LoadOptions = {}): Promise<LoadedVault> {
	const script = options.workerScript === undefined ? defaultWorkerScript() : options.workerScript;
	// The worker starts up while the vault is listed; it is let go if the vault is small.
	const worker = options.parallel !== false && script !== null ? new LoadWorker(script, vault.root, options.linksOfSources === true) : null;
	let settings: SourceSettings;
	try {
		settings = await loadSettings(vault);
	} catch (e) {
		worker?.stop();
		throw e;
	}
	const files = vault.listFiles();
	const resolver = new LinkResolver(files);
	const index = new SourceIndex(settings);
	const markdown = files.filter((path) => path.toLowerCase().endsWith(".md"));
	const ctx: RecordContext = { settings, resolver, linksOfSources: options.linksOfSources === true };
	// Records are applied in path order (on two threads too), so the maps and errors are too.
	const notes = new Map<string, LoadedNote>();
	const links = new Map<string, LinkCounts>();
	const errors: FileError[] = [];
	let skipped = 0;
	const apply = (i: number, record: LoadedRecord): void => {
		const path = markdown[i] as string;
		if (record.kind !== "read" && !record.looks) skipped++;
		else if (record.kind !== "read") errors.push({ path, message: record.message });
		if (record.kind === "unread") return;
		const frontmatter = record.kind === "read" ? record.frontmatter : null;
		notes.set(path, new LoadedNote(path, frontmatter, vault, settings.maxNoteBytes));
		if (record.kind === "read") index.setNote(path, frontmatter, false);
		if (record.links) {
			links.set(path, record.links);
			index.setLinks(path, record.links.resolved, false);
		}
	};
	const parallel = options.parallel ?? markdown.length >= PARALLEL_LOAD_MIN_NOTES;
	let workerNotes = 0;
	if (parallel && worker !== null) workerNotes = await loadOnTwoThreads(vault, files, markdown, ctx, worker, apply, options.mainThreadReads !== false);
	else {
		worker?.stop();
		for (let i = 0; i < markdown.length; i++) apply(i, readRecord(vault, markdown, i, ctx));
	}
	index.bump([]);
	// Folders the walk could not list: their notes are unknown, which is an error of the run.
	if (vault.unlisted.length) {
		errors.push(...vault.unlisted);
		errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}
	return { vault, settings, files, notes, index, resolver, links, errors, skipped, workerNotes };
}

function readRecord(vault: FolderVault, paths: readonly string[], i: number, ctx: RecordContext): LoadedRecord {
	const path = paths[i] as string;
	return noteRecord(path, vault.readListedNote(path, ctx.settings.maxNoteBytes), ctx) as LoadedRecord;
}

/** A load worker thread, started before the notes to load are known. */
class LoadWorker {
	private readonly worker: Worker;
	/** Settles when the worker has posted its last batch, failed or stopped. */
	readonly finished: Promise<void>;
	private onBatch: ((batch: LoadBatch) => void) | null = null;

	constructor(script: string, root: string, linksOfSources: boolean) {
		const data: LoadWorkerData = { kind: LOAD_WORKER, root, linksOfSources };
		this.worker = new Worker(script, { workerData: data });
		// Not holding the process open until it is given work.
		this.worker.unref();
		this.finished = new Promise<void>((resolve) => {
			this.worker.on("message", (batch: LoadBatch | null) => {
				if (batch === null) resolve();
				else this.onBatch?.(batch);
			});
			this.worker.on("error", () => resolve());
			this.worker.on("exit", () => resolve());
		});
	}

	start(job: LoadJob, onBatch: (batch: LoadBatch) => void): void {
		this.onBatch = onBatch;
		this.worker.ref();
		this.worker.postMessage(job);
	}

	stop(): void {
		this.onBatch = null;
		void this.worker.terminate();
	}
}

/**
 * Both threads claim chunks of `paths` from one shared counter until none is left, so
 * neither waits for the other whatever the notes cost. The main thread yields between its
 * chunks to take in the worker's records, and applies records in path order (as a load on
 * one thread does: the index then iterates the same way). If the worker fails, what it
 * claimed and never delivered is read here. Returns how many notes the worker loaded.
 */
async function loadOnTwoThreads(
	vault: FolderVault,
	files: string[],
	paths: string[],
	ctx: RecordContext,
	worker: LoadWorker,
	apply: (i: number, record: LoadedRecord) => void,
	mainThreadReads: boolean,
): Promise<number> {
	const shared = new SharedArrayBuffer(8);
	const counters = new Int32Array(shared);
	const done = new Uint8Array(paths.length);
	const pending: (LoadedRecord | undefined)[] = new Array<LoadedRecord | undefined>(paths.length);
	let applied = 0;
	let fromWorker = 0;
	const take = (i: number, record: NoteRecord) => {
		if (done[i] === 1) return;
		done[i] = 1;
		if (record.kind === "head") {
			// A SOURCE note's frontmatter text from the worker is read here; one whose links count after all is read again whole.
			pending[i] = recordOfHead(paths[i] as string, record.head, ctx) ?? readRecord(vault, paths, i, ctx);
			Atomics.sub(counters, BACKLOG, 1);
		} else pending[i] = record;
		for (let r = pending[applied]; r !== undefined; r = pending[applied]) {
			pending[applied] = undefined;
			apply(applied++, r);
		}
	};
	worker.start({ files, paths, settings: ctx.settings, shared, chunk: CHUNK }, (batch) => {
		batch.records.forEach((record, k) => take(batch.start + k, record));
		fromWorker += batch.records.length;
	});
	try {
		while (mainThreadReads) {
			const start = Atomics.add(counters, NEXT, CHUNK);
			if (start >= paths.length) break;
			const end = Math.min(paths.length, start + CHUNK);
			for (let i = start; i < end; i++) take(i, readRecord(vault, paths, i, ctx));
			await new Promise<void>((resolve) => setImmediate(resolve));
		}
		await worker.finished;
	} finally {
		worker.stop();
	}
	for (let i = 0; i < paths.length; i++) if (done[i] === 0) take(i, readRecord(vault, paths, i, ctx));
	return fromWorker;
}

/** Write a note atomically; the error to report when that fails (the note is then as it was), else null. */
export function writeFailure(vault: FolderVault, path: string, text: string): FileError | null {
	try {
		vault.writeAtomic(path, text);
		return null;
	} catch (e) {
		return { path, message: `cannot write: ${(e as Error).message}; the note is unchanged` };
	}
}

/**
 * Find a SOURCE note by vault path or by id. A vault path that exists is that note (null
 * when it is no SOURCE note); an argument that is both a path and another note's id, or an
 * id that more than one note holds, names no note: refused (exit 2), the notes named.
 */
export function findSource(loaded: LoadedVault, pathOrId: string): SourceNote | null {
	const byId = loaded.index.sourcesWithId(pathOrId);
	let path: string | null = null;
	try {
		path = loaded.vault.normalise(pathOrId);
	} catch (e) {
		// An id may look like no vault path at all (`../x`): then it is only an id.
		if (byId.length === 0) throw e;
	}
	if (path !== null && (loaded.notes.has(path) || loaded.files.includes(path))) {
		const others = byId.filter((s) => s.path !== path).map((s) => s.path);
		if (others.length) {
			throw new UsageError(`"${pathOrId}" is both the note ${path} and the id of ${others.sort().join(", ")}; name the note by another path or id; nothing was done`);
		}
		return loaded.index.getSource(path) ?? null;
	}
	if (byId.length > 1) {
		throw new UsageError(`"${pathOrId}" is the id of ${byId.length} notes (${byId.map((s) => s.path).sort().join(", ")}); name the note by its path; nothing was done`);
	}
	return byId[0] ?? null;
}

/**
 * A note with errors (not read, or its frontmatter refused) whose frontmatter has an
 * `id: <id>` line: what `status <id>` names when the index could not take the note in.
 */
export function brokenNoteWithId(loaded: LoadedVault, id: string): FileError | null {
	for (const error of loaded.errors) {
		const read = loaded.vault.readNote(error.path, loaded.settings.maxNoteBytes);
		const text = read.ok ? read.text : read.lenient;
		const block = text === undefined ? null : locateFrontmatter(text);
		if (text === undefined || block === null) continue;
		for (const line of text.slice(block.yamlStart, block.yamlEnd).split(/\r?\n/)) {
			const m = /^id:[ \t]*(["']?)(.*?)\1[ \t]*(?:#.*)?$/.exec(line);
			if (m && m[2] === id) return error;
		}
	}
	return null;
}
