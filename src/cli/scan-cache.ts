/**
 * The warm-scan cache (docs/performance.md, docs/reference.md §9): what a load learned from
 * each note — its frontmatter and its extracted link targets — kept per vault OUTSIDE the
 * vault, keyed by the note's stat data (size, modification time in nanoseconds, inode), as
 * git keeps its index. A note whose stat data matches is not read again. Link resolution is
 * redone on every run (it depends on the set of files), and so is everything after it.
 *
 * Never needed for correctness: a missing, unreadable, corrupt or foreign cache (another
 * version, other settings) is ignored and the load reads every note; a cache folder that
 * cannot be written only means the next run is cold too.
 */
import { createHash } from "crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from "fs";
import { homedir } from "os";
import { join } from "path";
import { types } from "util";
import { deserialize, serialize } from "v8";
import type { LoadedRecord } from "./note-record";

/** Bump when what a record holds changes: an old cache is then ignored, never misread. */
const FORMAT = 1;

/**
 * The racy window (as git's "racily clean" entries): a note modified this close to the
 * moment the cache was written may have changed again within the same timestamp tick, so its
 * stat data proves nothing and it is read again. 2 s covers the coarsest file systems (FAT).
 */
const RACY_NS = 2_000_000_000n;

/** The stat data that says a note is unchanged. */
export interface NoteStat {
	size: bigint;
	mtimeNs: bigint;
	ino: bigint;
}

interface Entry {
	size: bigint;
	mtimeNs: bigint;
	ino: bigint;
	record: LoadedRecord;
}

interface CacheFile {
	format: number;
	/** The CLI version and the V8 that wrote the file (v8.serialize's format is V8's). */
	writer: string;
	/** The vault's real path: two vaults never share a file, even on a hash collision. */
	root: string;
	/** Settings that change what a record holds; another value means every record is stale. */
	settingsKey: string;
	entries: Map<string, Entry>;
}

/** Where caches live: $XDG_CACHE_HOME, or the OS's cache folder; never inside a vault. */
export function cacheFolder(env: Record<string, string | undefined> = process.env): string {
	if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, "source-lifecycle");
	if (process.platform === "darwin") return join(homedir(), "Library", "Caches", "source-lifecycle");
	if (process.platform === "win32" && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, "source-lifecycle", "Cache");
	return join(homedir(), ".cache", "source-lifecycle");
}

export class ScanCache {
	private readonly file: string;
	private readonly writer = `${CLI_VERSION} v8 ${process.versions.v8}`;
	/** Entries of the previous run (empty when cold). */
	private readonly previous: Map<string, Entry>;
	/** When the previous run wrote its cache; notes modified since are racy. */
	private readonly writtenNs: bigint;
	/** Entries for this run, written back when anything differs from the previous run. */
	private readonly next = new Map<string, Entry>();
	private changed = false;

	/** `root`: the vault's real path. */
	constructor(
		private readonly root: string,
		private readonly settingsKey: string,
		folder: string = cacheFolder(),
	) {
		this.file = join(folder, `${createHash("sha256").update(root).digest("hex").slice(0, 32)}.cache`);
		const loaded = this.readFile();
		this.previous = loaded?.entries ?? new Map<string, Entry>();
		this.writtenNs = loaded?.writtenNs ?? 0n;
		if (!loaded) this.changed = true;
	}

	/** The stat data of a note now (null when it cannot be stat'ed: the read says why). */
	stat(abs: string): NoteStat | null {
		try {
			const st = statSync(abs, { bigint: true });
			return { size: st.size, mtimeNs: st.mtimeNs, ino: st.ino };
		} catch {
			return null;
		}
	}

	/** The record kept for `path` when its stat data still matches and it is not racy. */
	lookup(path: string, now: NoteStat | null): LoadedRecord | null {
		const entry = this.previous.get(path);
		if (entry === undefined || now === null || typeof entry !== "object" || entry.record === undefined) return null;
		if (entry.size !== now.size || entry.mtimeNs !== now.mtimeNs || entry.ino !== now.ino) return null;
		if (entry.mtimeNs + RACY_NS >= this.writtenNs) return null;
		this.next.set(path, entry);
		return entry.record;
	}

	/** Keep what was read for `path`, with the stat data taken before it was read. */
	store(path: string, stat: NoteStat | null, record: LoadedRecord): void {
		this.changed = true;
		if (stat !== null) this.next.set(path, { ...stat, record });
	}

	/**
	 * Write this run's entries when they differ from the previous run's (a note read, added or
	 * gone): atomically, beside the old file. A failure only means a cold next run.
	 */
	save(): void {
		if (!this.changed && this.next.size === this.previous.size) return;
		const data: CacheFile = { format: FORMAT, writer: this.writer, root: this.root, settingsKey: this.settingsKey, entries: this.next };
		const tmp = `${this.file}.${process.pid}.tmp`;
		try {
			mkdirSync(join(this.file, ".."), { recursive: true, mode: 0o700 });
			const fd = openSync(tmp, "w", 0o600);
			try {
				writeSync(fd, serialize(data));
			} finally {
				closeSync(fd);
			}
			renameSync(tmp, this.file);
		} catch {
			try {
				unlinkSync(tmp);
			} catch {
				/* never created */
			}
		}
	}

	private readFile(): { entries: Map<string, Entry>; writtenNs: bigint } | null {
		try {
			const writtenNs = statSync(this.file, { bigint: true }).mtimeNs;
			const data = deserialize(readFileSync(this.file)) as Partial<CacheFile> | null;
			if (data === null || typeof data !== "object") return null;
			if (data.format !== FORMAT || data.writer !== this.writer || data.root !== this.root || data.settingsKey !== this.settingsKey) return null;
			// isMap, not instanceof: a Map deserialised in another realm (a test VM) is a Map too.
			if (!types.isMap(data.entries)) return null;
			return { entries: data.entries, writtenNs };
		} catch {
			return null;
		}
	}
}

/** The CLI build, set by esbuild.config.mjs (version + build time), else "dev": a cache from another build is ignored. */
declare const __CLI_VERSION__: string | undefined;
const CLI_VERSION = typeof __CLI_VERSION__ === "string" ? __CLI_VERSION__ : "dev";
