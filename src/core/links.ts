/**
 * Links as Obsidian sees them: wikilink entries, resolution like
 * `metadataCache.getFirstLinkpathDest`, and link text like `fileToLinktext` (SPEC §5).
 */
import { linkpathOf } from "./link-extraction";

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

/** The file name (after the last `/`) has a dot that is neither its first nor its last character. */
function hasExtension(linkpath: string): boolean {
	const dot = linkpath.lastIndexOf(".");
	return dot > linkpath.lastIndexOf("/") + 1 && dot < linkpath.length - 1;
}

/** Join a relative link path onto a folder, resolving `.` and `..`. */
function joinPath(folder: string, rel: string): string | null {
	const out = folder === "" ? [] : folder.split("/");
	for (const part of rel.split("/")) {
		if (part === "" || part === ".") continue;
		if (part === "..") {
			if (out.length === 0) return null;
			out.pop();
		} else out.push(part);
	}
	return out.join("/");
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

	/** `getFirstLinkpathDest(linkpath, sourcePath)` */
	resolve(linkpath: string, sourcePath: string): string | null {
		const known = this.bare.get(linkpath);
		if (known !== undefined) return known;
		let target = linkpath.trim();
		// `[[#heading]]`: the empty link path is the linking note itself.
		if (target === "") return this.byPath.get(sourcePath.toLowerCase()) ?? null;
		if (target.startsWith("/")) target = target.slice(1);
		const withExtension = hasExtension(target);
		if (!withExtension && !target.includes("/") && !target.startsWith(".")) {
			// A bare note name (most links): the root note of that name, else the one file so named.
			const lower = target.toLowerCase() + ".md";
			const list = this.byName.get(lower);
			const answer = this.byPath.get(lower) ?? (!list ? null : list.length === 1 ? list[0] : undefined);
			if (answer !== undefined) {
				if (this.bare.size >= 200_000) this.bare.clear();
				this.bare.set(linkpath, answer);
				return answer;
			}
		}
		const candidates = withExtension ? [target, target + ".md"] : [target + ".md"];
		for (const c of candidates) {
			const exact = this.byPath.get(c.toLowerCase());
			if (exact) return exact;
		}
		const folder = folderOf(sourcePath);
		if (target.includes("/") || target.startsWith(".")) {
			for (const c of candidates) {
				const rel = joinPath(folder, c);
				const hit = rel !== null ? this.byPath.get(rel.toLowerCase()) : undefined;
				if (hit) return hit;
			}
		}
		for (const c of candidates) {
			const lower = c.toLowerCase();
			const list = this.byName.get(nameOf(lower));
			if (!list) continue;
			// A bare name held by one file (the common case): that file, with no filtering or sorting.
			if (list.length === 1 && !lower.includes("/")) return list[0] as string;
			const matching = list.filter((p) => p.toLowerCase().endsWith(lower) && (p.length === lower.length || p[p.length - lower.length - 1] === "/"));
			if (matching.length === 0) continue;
			const sameFolder = matching.find((p) => folderOf(p) === folder);
			if (sameFolder) return sameFolder;
			return [...matching].sort((a, b) => a.length - b.length || (a < b ? -1 : 1))[0] ?? null;
		}
		return null;
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

export { extractLinks, extractLinkTargets, frontmatterLinks, linkpathOf, defaultDisplayText, parseWikilinkInner } from "./link-extraction";
export type { ExtractedLinks, LinkEntry, FrontmatterLinkEntry, LinkPosition, ExtractOptions } from "./link-extraction";

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

/** `countLinks` over the links alone (what `extractLinkTargets` gives). */
export function countLinkTargets(
	targets: { links: readonly string[]; embeds: readonly string[]; frontmatterLinks: readonly string[] },
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
			else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
		}
	}
	return { resolved, unresolved };
}
