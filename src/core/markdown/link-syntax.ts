/**
 * The syntax of links as Obsidian reads it (docs/reference.md §5): the entries of its link
 * cache, a wikilink's link and display text, a Markdown link's destination, and the links in
 * frontmatter values.
 */
import type { FrontmatterBlock, FrontmatterData, Position } from "../frontmatter/frontmatter";

export interface LinkPosition {
	start: Position;
	end: Position;
}

/** Obsidian's `LinkCache` / `EmbedCache`. */
export interface LinkEntry {
	original: string;
	link: string;
	displayText: string;
	position: LinkPosition;
}

/** Obsidian's `FrontmatterLinkCache`: `key` is the property path (`list.0` for items). */
export interface FrontmatterLinkEntry {
	original: string;
	link: string;
	displayText: string;
	key: string;
}

export interface ExtractedLinks {
	links: LinkEntry[];
	embeds: LinkEntry[];
	frontmatterLinks: FrontmatterLinkEntry[];
}

export interface ExtractOptions {
	/** The note's parsed frontmatter, when the caller already has it (saves a parse). */
	frontmatter?: FrontmatterData | null;
	/** The located frontmatter block (its lines are not body text). */
	block?: FrontmatterBlock | null;
}

/** The link path of a link (`Note#Heading` → `Note`): what gets resolved. */
export function linkpathOf(link: string): string {
	const hash = link.indexOf("#");
	return hash === -1 ? link : link.slice(0, hash);
}

/** Obsidian's display text of a link without alias: `a#b#c` → `a > b > c`. */
export function defaultDisplayText(link: string): string {
	if (!link.includes("#")) return link;
	return link
		.split("#")
		.filter((p) => p !== "")
		.join(" > ");
}

/** The link of the inside of `[[…]]` (what `parseWikilinkInner` gives as `link`), without the display text. */
export function wikilinkLinkOf(inner: string): string {
	let pipe = inner.indexOf("|");
	let linkEnd = pipe;
	if (pipe > 0 && inner.charCodeAt(pipe - 1) === 92 /* \ */) linkEnd = pipe - 1;
	if (pipe <= 0 || linkEnd <= 0) pipe = -1;
	return pipe === -1 ? inner : inner.slice(0, linkEnd);
}

/** Split the inside of `[[…]]` into link and display text, as Obsidian does. */
export function parseWikilinkInner(inner: string): { link: string; displayText: string } {
	// In tables the alias pipe is escaped as `\|`.
	let pipe = inner.indexOf("|");
	let linkEnd = pipe;
	if (pipe > 0 && inner.charCodeAt(pipe - 1) === 92 /* \ */) linkEnd = pipe - 1;
	if (pipe <= 0 || linkEnd <= 0) pipe = -1;
	if (pipe === -1) return { link: inner, displayText: defaultDisplayText(inner) };
	const link = inner.slice(0, linkEnd);
	const alias = inner.slice(pipe + 1);
	return { link, displayText: alias === "" ? defaultDisplayText(link) : alias };
}

const WIKILINK_VALUE = /^\[\[([^\]\n]+)\]\]$/;

/** Links in frontmatter property values: strings that are one wikilink, keys joined with `.`. */
export function frontmatterLinks(data: FrontmatterData | null | undefined): FrontmatterLinkEntry[] {
	const out: FrontmatterLinkEntry[] = [];
	if (!data || typeof data !== "object") return out;
	const seen = new Set<unknown>();
	const visit = (value: unknown, key: string, depth: number): void => {
		if (typeof value === "string") {
			const m = WIKILINK_VALUE.exec(value);
			if (!m) return;
			const { link, displayText } = parseWikilinkInner(m[1] as string);
			out.push({ original: value, link, displayText, key });
			return;
		}
		if (value === null || typeof value !== "object" || depth > 32 || seen.has(value)) return;
		seen.add(value);
		if (Array.isArray(value)) {
			for (let i = 0; i < value.length; i++) visit(value[i], `${key}.${i}`, depth + 1);
		} else {
			for (const [k, v] of Object.entries(value as Record<string, unknown>)) visit(v, key === "" ? k : `${key}.${k}`, depth + 1);
		}
	};
	visit(data, "", 0);
	return out;
}

/**
 * Where a plain (not `<…>`) link destination starting at each offset of the line stops:
 * at whitespace or at the first `)` that is not balanced by a `(` after the start.
 * Built in two sweeps so that every destination is found in O(1).
 */
export function destinationStops(text: string, from: number, end: number): Int32Array {
	const len = end - from;
	const depth = new Int32Array(len + 1);
	const kind = new Uint8Array(len + 1);
	let d = 0;
	for (let j = 0; j < len; j++) {
		depth[j] = d;
		const c = text.charCodeAt(from + j);
		if (c === 92 && j + 1 < len) {
			depth[j + 1] = d;
			j++;
		} else if (c <= 32) kind[j] = 3;
		else if (c === 40) {
			kind[j] = 1;
			d++;
		} else if (c === 41) {
			kind[j] = 2;
			d--;
		}
	}
	depth[len] = d;
	const stop = new Int32Array(len + 1);
	// Nearest `)` to the right at each depth; depths lie in [-len, len].
	const closeAtDepth = new Int32Array(2 * len + 1).fill(end);
	let ws = end;
	stop[len] = end;
	for (let j = len - 1; j >= 0; j--) {
		const dj = (depth[j] as number) + len;
		if (kind[j] === 3) ws = from + j;
		else if (kind[j] === 2) closeAtDepth[dj] = from + j;
		stop[j] = Math.min(ws, closeAtDepth[dj] as number);
	}
	return stop;
}

/** A Markdown link destination as Obsidian keys it: backslash escapes removed, URL-decoded. */
export function decodeLink(dest: string): string {
	const unescaped = dest.replace(/\\([!-/:-@[-`{-~])/g, "$1");
	try {
		return decodeURIComponent(unescaped);
	} catch {
		return unescaped;
	}
}
