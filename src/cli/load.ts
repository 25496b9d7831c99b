/**
 * Load a vault folder into the core model: every Markdown note read once (or taken from the
 * warm-scan cache when its stat data is unchanged), frontmatter read with the fast reader,
 * link targets resolved against this run's files, SOURCE notes fed to the one SourceIndex.
 * One thread: a second one bought about 5 % on two cores (docs/performance.md), less than
 * its complexity costs.
 */
import { locateFrontmatter, type FrontmatterData } from "../core/frontmatter/frontmatter";
import { countLinkTargets, LinkResolver, type LinkCounts } from "../core/vault/links";
import { checkSettings, withDefaults, type SourceSettings } from "../core/sources/settings";
import { SourceIndex } from "../core/vault/source-index";
import type { SourceNote } from "../core/sources/source";
import { FolderVault, UsageError, type ReadNote } from "./folder-vault";
import { needsTargets, noteRecord, type LoadedRecord, type RecordContext } from "./note-record";
import { ScanCache } from "./scan-cache";

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
	/** How many notes were taken from the warm-scan cache instead of being read. */
	cachedNotes: number;
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

export interface LoadOptions {
	/**
	 * Also extract the links of SOURCE notes. Backlinks, sync and the queue only need links
	 * from integrating (non-source) notes, so by default a source's body is not scanned;
	 * `links` (Obsidian's full resolvedLinks) asks for them.
	 */
	linksOfSources?: boolean;
	/** Use the warm-scan cache: take unchanged notes from it and write it back (default false: `--no-cache`, every note read, nothing written). */
	cache?: boolean;
	/** Where the cache lives (tests); default `cacheFolder()`. */
	cacheFolder?: string;
}

export async function loadVault(vault: FolderVault, options: LoadOptions = {}): Promise<LoadedVault> {
	const settings = await loadSettings(vault);
	const files = vault.listFiles();
	const resolver = new LinkResolver(files);
	const index = new SourceIndex(settings);
	const markdown = files.filter((path) => path.toLowerCase().endsWith(".md"));
	const ctx: RecordContext = { settings, linksOfSources: options.linksOfSources === true };
	const cache = options.cache === true ? new ScanCache(vault.root, cacheKey(settings), options.cacheFolder) : null;
	// Notes are applied in path order, so the maps and errors are in path order too.
	const notes = new Map<string, LoadedNote>();
	const links = new Map<string, LinkCounts>();
	const errors: FileError[] = [];
	let skipped = 0;
	let cachedNotes = 0;
	for (const path of markdown) {
		let record: LoadedRecord | null = null;
		if (cache !== null) {
			const stat = cache.stat(vault.root + "/" + path);
			record = cache.lookup(path, stat);
			if (record !== null && needsTargets(record, ctx)) record = null;
			if (record !== null) cachedNotes++;
			else {
				record = noteRecord(path, vault.readListedNote(path, settings.maxNoteBytes), ctx);
				cache.store(path, stat, record);
			}
		} else record = noteRecord(path, vault.readListedNote(path, settings.maxNoteBytes), ctx);
		if (record.kind !== "read" && !record.looks) skipped++;
		else if (record.kind !== "read") errors.push({ path, message: record.message });
		if (record.kind === "unread") continue;
		const frontmatter = record.kind === "read" ? record.frontmatter : null;
		notes.set(path, new LoadedNote(path, frontmatter, vault, settings.maxNoteBytes));
		if (record.kind === "read") index.setNote(path, frontmatter, false);
		if (record.targets) {
			const counts = countLinkTargets(record.targets, path, resolver);
			links.set(path, counts);
			index.setLinks(path, counts.resolved, false);
		}
	}
	cache?.save();
	index.bump([]);
	// Folders the walk could not list: their notes are unknown, which is an error of the run.
	if (vault.unlisted.length) {
		errors.push(...vault.unlisted);
		errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	}
	return { vault, settings, files, notes, index, resolver, links, errors, skipped, cachedNotes };
}

/** The settings a cached record depends on: another value makes every record stale. */
function cacheKey(settings: SourceSettings): string {
	return JSON.stringify([settings.idPrefix, settings.sourceFolder, settings.maxNoteBytes]);
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
