/**
 * The one index of SOURCE notes and the links into them. Fed per note — by the plugin
 * from `metadataCache` events, by the CLI from files it read — and updated per change
 * in O(links of that note), never by rescanning the vault.
 */
import type { FrontmatterData } from "../frontmatter/frontmatter";
import { isInFolder, type SourceSettings } from "../sources/settings";
import { toSourceNote, type SourceNote } from "../sources/source";

export type IndexListener = (changedPaths: readonly string[]) => void;

export class SourceIndex {
	/** Moves on every change; views re-render only when it moved. */
	revision = 0;
	private readonly sourcesByPath = new Map<string, SourceNote>();
	private readonly outgoing = new Map<string, ReadonlyMap<string, number>>();
	/** Destination → the notes linking to it (see `LinkSet`). */
	private readonly incoming = new Map<string, LinkSet>();
	private readonly listeners = new Set<IndexListener>();
	/** The excluded folders that name one (blank entries exclude nothing). */
	private excluded: string[];

	constructor(private settings: SourceSettings) {
		this.excluded = excludedFolders(settings);
	}

	/** Settings changed (prefix, folder…): callers re-feed notes with `setNote`. */
	updateSettings(settings: SourceSettings): void {
		this.settings = settings;
		this.excluded = excludedFolders(settings);
		this.sourcesByPath.clear();
		this.bump([]);
	}

	/** A note's frontmatter is known or changed. */
	setNote(path: string, frontmatter: FrontmatterData | null | undefined, notify = true): void {
		const source = toSourceNote(path, frontmatter, this.settings);
		// A silent batch (a rebuild) skips the lookup only listeners need: one Map operation per note.
		const had = notify && this.sourcesByPath.has(path);
		if (source) this.sourcesByPath.set(path, source);
		else this.sourcesByPath.delete(path);
		if (notify && (source || had)) this.bump([path]);
	}

	/** A note's resolved outgoing links (`resolvedLinks[path]`: destination → count). */
	setLinks(path: string, links: Readonly<Record<string, number>> | ReadonlyMap<string, number>, notify = true): void {
		let next: Map<string, number>;
		if (links instanceof Map) next = new Map<string, number>(links as ReadonlyMap<string, number>);
		else {
			// A copy (the caller's object may change later), without Object.entries' pair arrays.
			next = new Map<string, number>();
			const record = links as Readonly<Record<string, number>>;
			for (const dst in record) if (Object.prototype.hasOwnProperty.call(record, dst)) next.set(dst, record[dst] as number);
		}
		const prev = this.outgoing.get(path);
		// The sources whose backlinks changed, for listeners (not tracked for a silent batch).
		const touched: string[] | null = notify ? [] : null;
		if (prev) {
			for (const dst of prev.keys()) {
				if (next.has(dst)) continue;
				const from = this.incoming.get(dst);
				if (from !== undefined) removeFrom(from, path);
				touched?.push(dst);
			}
		}
		for (const dst of next.keys()) {
			if (prev?.has(dst)) continue;
			const from = this.incoming.get(dst);
			if (from === undefined) this.incoming.set(dst, [path]);
			else {
				const grown = addTo(from, path);
				if (grown !== from) this.incoming.set(dst, grown);
			}
			touched?.push(dst);
		}
		if (next.size) this.outgoing.set(path, next);
		else this.outgoing.delete(path);
		if (touched) {
			const changedSources = touched.filter((p) => this.sourcesByPath.has(p));
			if (changedSources.length) this.bump(changedSources);
		}
	}

	deleteNote(path: string): void {
		const wasSource = this.sourcesByPath.delete(path);
		// Listeners hear of the sources that lost this note as a backlink (setLinks tells them)
		// and of a deleted source; deleting any other note changes nothing they show.
		this.setLinks(path, {}, true);
		if (wasSource) this.bump([path]);
	}

	renameNote(oldPath: string, newPath: string, frontmatter: FrontmatterData | null | undefined): void {
		const links = this.outgoing.get(oldPath) ?? new Map<string, number>();
		// The metadata cache may not have re-keyed the file yet: keep what we knew.
		const known = frontmatter ?? this.sourcesByPath.get(oldPath)?.frontmatter;
		this.setLinks(oldPath, {}, false);
		this.sourcesByPath.delete(oldPath);
		const sources = this.incoming.get(oldPath);
		if (sources) {
			this.incoming.delete(oldPath);
			this.incoming.set(newPath, sources);
			for (const src of sources) {
				const out = this.outgoing.get(src);
				if (!out) continue;
				const copy = new Map(out);
				copy.set(newPath, copy.get(oldPath) ?? 1);
				copy.delete(oldPath);
				this.outgoing.set(src, copy);
			}
		}
		this.setNote(newPath, known, false);
		this.setLinks(newPath, links, false);
		this.bump([oldPath, newPath]);
	}

	getSource(path: string): SourceNote | undefined {
		return this.sourcesByPath.get(path);
	}

	findById(id: string): SourceNote | undefined {
		for (const s of this.sourcesByPath.values()) if (s.id === id) return s;
		return undefined;
	}

	/** Every source with this id (ids are meant to be unique; two notes can still share one). */
	sourcesWithId(id: string): SourceNote[] {
		const out: SourceNote[] = [];
		for (const s of this.sourcesByPath.values()) if (s.id === id) out.push(s);
		return out;
	}

	/** Ids held by more than one source, each with its paths (sorted), in id order. */
	duplicateIds(): { id: string; paths: string[] }[] {
		const paths = new Map<string, string[]>();
		for (const s of this.sourcesByPath.values()) {
			const list = paths.get(s.id);
			if (list) list.push(s.path);
			else paths.set(s.id, [s.path]);
		}
		const out: { id: string; paths: string[] }[] = [];
		for (const [id, list] of paths) if (list.length > 1) out.push({ id, paths: list.sort() });
		return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	}

	sources(): IterableIterator<SourceNote> {
		return this.sourcesByPath.values();
	}

	get size(): number {
		return this.sourcesByPath.size;
	}

	/**
	 * Integrating notes of a source (docs/reference.md §5): notes linking to it that are not SOURCE
	 * notes themselves, not the source, and not in an excluded folder. Sorted by path.
	 */
	integratingNotes(sourcePath: string): string[] {
		const from = this.incoming.get(sourcePath);
		if (!from) return [];
		const out: string[] = [];
		for (const src of from) {
			if (src === sourcePath || this.sourcesByPath.has(src)) continue;
			if (!isMarkdownPath(src)) continue;
			if (this.excluded.length > 0 && this.excluded.some((f) => isInFolder(src, f))) continue;
			out.push(src);
		}
		return out.sort();
	}

	/** Every note with a resolved link to `path` (sources included), unsorted. */
	linkingNotes(path: string): string[] {
		return [...(this.incoming.get(path) ?? [])];
	}

	/** Subscribe to changes; returns the unsubscribe function. */
	onChange(listener: IndexListener): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Tell listeners once after a batch fed with `notify = false`. */
	bump(changedPaths: readonly string[]): void {
		this.revision++;
		for (const l of this.listeners) l(changedPaths);
	}
}

function excludedFolders(settings: SourceSettings): string[] {
	return settings.excludedFolders.filter((f) => f.trim() !== "");
}

/**
 * The notes linking to one destination: an array while they are few (most sources have a
 * handful; a Set per source would be a fifth of the index's memory), a Set past
 * `SMALL_LINK_SET`, so adding and removing stay O(1) for a hub note too.
 */
type LinkSet = string[] | Set<string>;
const SMALL_LINK_SET = 16;

/** Add `path`; returns the set to keep (a Set once the array grows past SMALL_LINK_SET). */
function addTo(set: LinkSet, path: string): LinkSet {
	if (set instanceof Set) return set.add(path);
	if (set.includes(path)) return set;
	if (set.length < SMALL_LINK_SET) {
		set.push(path);
		return set;
	}
	return new Set(set).add(path);
}

function removeFrom(set: LinkSet, path: string): void {
	if (set instanceof Set) {
		set.delete(path);
		return;
	}
	const i = set.indexOf(path);
	if (i !== -1) set.splice(i, 1);
}

/** Ends in `.md`, any case (no lower-cased copy per link: sync asks this for every backlink). */
function isMarkdownPath(path: string): boolean {
	const n = path.length;
	return n >= 3 && path.charCodeAt(n - 3) === 46 && (path.charCodeAt(n - 2) | 32) === 109 && (path.charCodeAt(n - 1) | 32) === 100;
}
