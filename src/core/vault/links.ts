/**
 * Links as Obsidian sees them: wikilink entries, resolution like
 * `metadataCache.getFirstLinkpathDest`, and link text like `fileToLinktext` (docs/reference.md §5).
 */
import { linkpathOf } from "../markdown/link-extraction";

/** The link path of a `[[target#heading|alias]]` string, or null when it is not one wikilink. */
export function wikilinkTarget(entry: unknown): string | null {
	if (typeof entry !== "string") return null;
	const m = /^\s*!?\[\[([^\]]*)\]\]\s*$/.exec(entry);
	if (!m) return null;
	const inner = m[1] as string;
	const path = inner.split("|")[0]?.split("#")[0]?.trim() ?? "";
	return path === "" ? null : path;
}

/** `Folder/Note.md` → `Note` */
export function basenameOf(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	const dot = name.lastIndexOf(".");
	return dot > 0 ? name.slice(0, dot) : name;
}

function nameOf(path: string): string {
	return path.slice(path.lastIndexOf("/") + 1);
}

function folderOf(path: string): string {
	const i = path.lastIndexOf("/");
	return i === -1 ? "" : path.slice(0, i);
}

/** Shorter path first; equal lengths in path order (Obsidian keeps its own load order there). */
function isShorter(a: string, b: string): boolean {
	return a.length < b.length || (a.length === b.length && a < b);
}

/**
 * Resolves link paths over the set of vault files, as Obsidian does: an exact path
 * (with `.md` added when the link has no extension), then a path relative to the
 * linking note, then by file name — preferring the one in the linking note's folder,
 * then the shortest path. Case-insensitive. Aliases are never used.
 */
export class LinkResolver {
	private byPath = new Map<string, string>();
	private byName = new Map<string, string[]>();
	/** Bare note names already answered (they do not depend on the linking note); cleared on add/remove. */
	private bare = new Map<string, string | null>();

	constructor(paths: Iterable<string> = []) {
		for (const p of paths) this.add(p);
	}

	add(path: string): void {
		const lower = path.toLowerCase();
		if (this.byPath.has(lower)) return;
		if (this.bare.size) this.bare.clear();
		this.byPath.set(lower, path);
		const name = nameOf(lower);
		const list = this.byName.get(name);
		if (list) list.push(path);
		else this.byName.set(name, [path]);
	}

	remove(path: string): void {
		const lower = path.toLowerCase();
		if (!this.byPath.delete(lower)) return;
		if (this.bare.size) this.bare.clear();
		const name = nameOf(lower);
		const list = this.byName.get(name)?.filter((p) => p !== path) ?? [];
		if (list.length) this.byName.set(name, list);
		else this.byName.delete(name);
	}

	has(path: string): boolean {
		return this.byPath.has(path.toLowerCase());
	}

	/**
	 * `getFirstLinkpathDest(linkpath, sourcePath)`, step for step as Obsidian's resolver:
	 * the files named like the link (as written when that name has a dot, else with `.md`);
	 * a bare name held by one file is that file; `./` and `../` paths are joined onto the
	 * linking note's folder (`..` stops at the vault root) and tried as exact paths; a
	 * leading `/` is dropped and the path tried exactly — and then nothing else for it;
	 * otherwise every named file whose path ends with the link path (a plain suffix, not
	 * only whole folders), those whose path starts with the linking note's folder first
	 * (any path starting with that text), each group shortest path first.
	 */
	resolve(linkpath: string, sourcePath: string): string | null {
		const known = this.bare.get(linkpath);
		if (known !== undefined) return known;
		const link = linkpath.trim();
		// `[[#heading]]`: the empty link path is the linking note itself.
		if (link === "") return this.byPath.get(sourcePath.toLowerCase()) ?? null;
		let n = link.toLowerCase();
		let name = nameOf(n);
		let files = name.includes(".") ? this.byName.get(name) : undefined;
		if (!files) {
			n = (link + ".md").toLowerCase();
			name = nameOf(n);
			files = this.byName.get(name);
		}
		if (!files) return null;
		if (name === n) {
			// A bare name: the one file so named, or the one at the vault root (neither depends on the linking note).
			const answer = files.length === 1 ? (files[0] as string) : this.byPath.get(n);
			if (answer !== undefined) {
				if (this.bare.size >= 200_000) this.bare.clear();
				this.bare.set(linkpath, answer);
				return answer;
			}
		}
		const folder = folderOf(sourcePath).toLowerCase();
		if (n.startsWith("./") || n.startsWith("../")) {
			if (n.startsWith("./../")) n = n.slice(2);
			if (n.startsWith("./")) n = (folder === "" ? "" : folder + "/") + n.slice(2);
			else {
				let up = folder;
				while (n.startsWith("../")) {
					n = n.slice(3);
					up = folderOf(up);
				}
				n = (up === "" ? "" : up + "/") + n;
			}
			const exact = files.find((f) => f.toLowerCase() === n);
			if (exact !== undefined) return exact;
		}
		if (n.startsWith("/")) n = n.slice(1);
		const exact = files.find((f) => f.toLowerCase() === n);
		if (exact !== undefined) return exact;
		if (link.startsWith("/")) return null;
		let best: string | null = null;
		let bestNear = false;
		for (const f of files) {
			const lower = f.toLowerCase();
			if (!lower.endsWith(n)) continue;
			const near = lower.startsWith(folder);
			if (best === null || (near && !bestNear) || (near === bestNear && isShorter(f, best))) {
				best = f;
				bestNear = near;
			}
		}
		return best;
	}

	/** `fileToLinktext(file, sourcePath, omitMdExtension = true)`: basename when unique, else the path. */
	linkText(path: string): string {
		const name = nameOf(path.toLowerCase());
		const unique = (this.byName.get(name)?.length ?? 0) <= 1;
		const withoutMd = path.endsWith(".md") ? path.slice(0, -3) : path;
		if (unique) return path.endsWith(".md") ? basenameOf(path) : nameOf(path);
		return withoutMd;
	}
}

export { extractLinks, extractLinkTargets, frontmatterLinks, linkpathOf, defaultDisplayText, parseWikilinkInner } from "../markdown/link-extraction";
export type { ExtractedLinks, LinkEntry, FrontmatterLinkEntry, LinkPosition, ExtractOptions } from "../markdown/link-extraction";

/** One note's entries in Obsidian's `resolvedLinks` / `unresolvedLinks` maps. */
export interface LinkCounts {
	/** Destination path → number of links (`resolvedLinks[source]`). */
	resolved: Record<string, number>;
	/** Unresolved link path → number of links (`unresolvedLinks[source]`). */
	unresolved: Record<string, number>;
}

/**
 * Count a note's links, embeds and frontmatter links the way Obsidian fills
 * `resolvedLinks` and `unresolvedLinks`: each link's path (before `#`) resolved like
 * `getFirstLinkpathDest`; `[[#heading]]` is a link to the note itself.
 */
export function countLinks(
	extracted: { links: readonly { link: string }[]; embeds: readonly { link: string }[]; frontmatterLinks: readonly { link: string }[] },
	sourcePath: string,
	resolver: LinkResolver,
): LinkCounts {
	return countLinkTargets(
		{ links: extracted.links.map((l) => l.link), embeds: extracted.embeds.map((l) => l.link), frontmatterLinks: extracted.frontmatterLinks.map((l) => l.link) },
		sourcePath,
		resolver,
	);
}

/** The link texts of a note, before resolution (what `extractLinkTargets` gives). */
export interface LinkTargets {
	links: readonly string[];
	embeds: readonly string[];
	frontmatterLinks: readonly string[];
}

/** `countLinks` over the links alone (what `extractLinkTargets` gives). */
export function countLinkTargets(
	targets: LinkTargets,
	sourcePath: string,
	resolver: LinkResolver,
): LinkCounts {
	const resolved: Record<string, number> = Object.create(null) as Record<string, number>;
	const unresolved: Record<string, number> = Object.create(null) as Record<string, number>;
	for (const list of [targets.links, targets.embeds, targets.frontmatterLinks]) {
		for (const link of list) {
			const linkpath = linkpathOf(link);
			const dest = resolver.resolve(linkpath, sourcePath);
			if (dest !== null) resolved[dest] = (resolved[dest] ?? 0) + 1;
			else {
				// Obsidian keys an unresolved link without a `.md` it was written with (`[x](missing.md)` → `missing`).
				const key = linkpath.length > 3 && linkpath.endsWith(".md") ? linkpath.slice(0, -3) : linkpath;
				unresolved[key] = (unresolved[key] ?? 0) + 1;
			}
		}
	}
	return { resolved, unresolved };
}
