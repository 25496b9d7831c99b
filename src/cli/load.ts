/**
 * Load a vault folder into the core model: every Markdown note read once, frontmatter
 * read with the fast reader, SOURCE notes recognised and fed to the one SourceIndex.
 */
import { readFile } from "fs/promises";
import { looksLikeSource, readFrontmatter, locateFrontmatter, type FrontmatterData } from "../core/frontmatter";
import { countLinkTargets, extractLinkTargets, LinkResolver, type LinkCounts } from "../core/links";
import { withDefaults, type SourceSettings } from "../core/settings";
import { SourceIndex } from "../core/source-index";
import type { SourceNote } from "../core/source";
import { FolderVault, frontmatterHead, type ReadNote } from "./folder-vault";
import { PARALLEL_READ_MIN_NOTES, readNotesInParallel } from "./parallel-read";

export interface FileError {
	path: string;
	message: string;
}

export interface LoadedNote {
	readonly path: string;
	readonly text: string;
	readonly frontmatter: FrontmatterData | null;
}

/**
 * A note as read, keeping its bytes (outside the JS heap) rather than its text, and
 * decoding again when a command asks: a 20k-note vault held as strings costs the garbage
 * collector more than the whole scan does.
 */
class ReadNoteBytes implements LoadedNote {
	constructor(
		readonly path: string,
		private readonly raw: Buffer,
		readonly frontmatter: FrontmatterData | null,
	) {}

	get text(): string {
		return this.raw.toString("utf8");
	}
}

function loadedNote(path: string, read: { text: string; raw?: Buffer }, frontmatter: FrontmatterData | null): LoadedNote {
	return read.raw ? new ReadNoteBytes(path, read.raw, frontmatter) : { path, text: read.text, frontmatter };
}

export interface LoadedVault {
	vault: FolderVault;
	settings: SourceSettings;
	files: string[];
	notes: Map<string, LoadedNote>;
	index: SourceIndex;
	resolver: LinkResolver;
	/**
	 * Per Markdown note read: its `resolvedLinks` / `unresolvedLinks` entries, as Obsidian's
	 * (SOURCE notes only with `linksOfSources`).
	 */
	links: Map<string, LinkCounts>;
	errors: FileError[];
	/** Notes that could not be read or parsed and do not look like SOURCE notes. */
	skipped: number;
}

/** The plugin's saved settings, when the vault has them, so CLI and plugin agree. */
export async function loadSettings(vault: FolderVault): Promise<SourceSettings> {
	try {
		const raw = await readFile(`${vault.root}/.obsidian/plugins/source-lifecycle/data.json`, "utf8");
		return withDefaults(JSON.parse(raw) as Partial<SourceSettings>);
	} catch {
		return withDefaults(null);
	}
}

export interface LoadOptions {
	/**
	 * Also extract the links of SOURCE notes. Backlinks, sync and the queue only need links
	 * from integrating (non-source) notes, so by default a source's body is not scanned;
	 * `links` (Obsidian's full resolvedLinks) asks for them.
	 */
	linksOfSources?: boolean;
	/** Read files in a worker thread while parsing; default: for vaults of PARALLEL_READ_MIN_NOTES notes or more. */
	parallelRead?: boolean;
}

/** The vault's notes read in order, in batches, on a second core when it pays. */
function readNotes(vault: FolderVault, paths: string[], maxBytes: number, parallel: boolean): AsyncIterable<[string, ReadNote][]> | Iterable<[string, ReadNote][]> {
	if (parallel) return readNotesInParallel(vault, paths, maxBytes);
	return (function* () {
		for (let i = 0; i < paths.length; i += 64) {
			yield paths.slice(i, i + 64).map((path): [string, ReadNote] => [path, vault.readListedNote(path, maxBytes)]);
		}
	})();
}

export async function loadVault(vault: FolderVault, options: LoadOptions = {}): Promise<LoadedVault> {
	const settings = await loadSettings(vault);
	const files = vault.listFiles();
	const resolver = new LinkResolver(files);
	const index = new SourceIndex(settings);
	const notes = new Map<string, LoadedNote>();
	const links = new Map<string, LinkCounts>();
	const errors: FileError[] = [];
	let skipped = 0;
	const addLinks = (path: string, text: string, fm: ReturnType<typeof readFrontmatter>): void => {
		const counts = countLinkTargets(extractLinkTargets(text, { block: fm.block, frontmatter: fm.ok ? fm.data : null }), path, resolver);
		links.set(path, counts);
		index.setLinks(path, counts.resolved, false);
	};
	const markdown = files.filter((path) => path.toLowerCase().endsWith(".md"));
	const parallel = options.parallelRead ?? markdown.length >= PARALLEL_READ_MIN_NOTES;
	for await (const batch of readNotes(vault, markdown, settings.maxNoteBytes, parallel)) for (const [path, read] of batch) {
		if (!read.ok) {
			const looks = read.latin1 !== undefined ? rawLooksLikeSource(read.latin1, settings.idPrefix) : true;
			if (looks) errors.push({ path, message: read.message });
			else skipped++;
			continue;
		}
		// The frontmatter alone when it can be cut out of the bytes: a source's body is then never decoded.
		const head = read.raw ? frontmatterHead(read.raw) : null;
		const fm = readFrontmatter(head ?? read.text);
		if (!fm.ok) {
			const yamlText = (head ?? read.text).slice(fm.block.yamlStart, fm.block.yamlEnd);
			const looks = looksLikeSource(yamlText, settings.idPrefix);
			if (looks) errors.push({ path, message: `malformed frontmatter: ${fm.reason}` });
			else skipped++;
			notes.set(path, loadedNote(path, read, null));
			// A broken SOURCE note is still a source: its links (e.g. `chain`) integrate nothing.
			if (!looks || options.linksOfSources) addLinks(path, read.text, fm);
			continue;
		}
		notes.set(path, loadedNote(path, read, fm.data));
		index.setNote(path, fm.data, false);
		if (options.linksOfSources || !index.getSource(path)) addLinks(path, read.text, fm);
	}
	index.bump([]);
	return { vault, settings, files, notes, index, resolver, links, errors, skipped };
}

function rawLooksLikeSource(text: string, prefix: string): boolean {
	const block = locateFrontmatter(text);
	return block !== null && looksLikeSource(text.slice(block.yamlStart, block.yamlEnd), prefix);
}

/** Find a SOURCE note by vault path or by id. */
export function findSource(loaded: LoadedVault, pathOrId: string): SourceNote | null {
	const byId = loaded.index.findById(pathOrId);
	if (byId) return byId;
	const path = loaded.vault.normalise(pathOrId);
	return loaded.index.getSource(path) ?? null;
}
