/**
 * Link extraction from Markdown the way Obsidian's metadataCache indexes it (SPEC §5):
 * `links`, `embeds` and `frontmatterLinks` with `original`, `link`, `displayText` and
 * positions. One pass over the text, linear, never throws. Checked file for file against
 * Obsidian's own output in `tests/conformance/`.
 *
 * What the captured data shows (and this follows):
 * - links inside fenced/indented code, inline code and HTML comments are not links;
 * - links inside `%% … %%` comments ARE indexed by Obsidian (comments_markdown_style);
 * - `[[|alias]]`: a `|` at the very start is part of the link, not an alias separator;
 * - Markdown links are URL-decoded; external URLs (with a scheme) are not links.
 */
import { readFrontmatter, type FrontmatterBlock, type FrontmatterData, type Position } from "./frontmatter";

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
 * Every link, embed and frontmatter link of a note. Pass the parsed frontmatter and
 * block when you have them; otherwise the note's frontmatter is read here.
 */
export function extractLinks(text: string, options: ExtractOptions = {}): ExtractedLinks {
	let block = options.block;
	let data = options.frontmatter;
	if (block === undefined || data === undefined) {
		const read = readFrontmatter(text);
		if (block === undefined) block = read.block;
		if (data === undefined) data = read.ok ? read.data : null;
	}
	const out: ExtractedLinks = { links: [], embeds: [], frontmatterLinks: frontmatterLinks(data) };
	scanBody(text, block ? block.end : 0, block ? block.endLine : 0, out);
	return out;
}

// ---------------------------------------------------------------------------
// Body scanner: block structure per line (fences, indented code, math blocks, HTML
// comments), then inline constructs within each line.

const FENCE = /^[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+)*(`{3,}|~{3,})(.*)$/;
const LIST_ITEM = /^[ \t]{0,3}(?:>[ \t]?)*[ \t]*(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const MATH_OPEN = /^[ \t]*(?:>[ \t]?)*[ \t]*\$\$/;
const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;

interface Scan {
	text: string;
	line: number;
	lineStart: number;
	out: ExtractedLinks;
}

function scanBody(text: string, from: number, firstLine: number, out: ExtractedLinks): void {
	const n = text.length;
	// Continue on the line of the frontmatter's closing `---`: skip to the next line.
	let lineStart = from;
	let line = firstLine;
	if (from > 0) {
		const nl = text.indexOf("\n", from);
		if (nl === -1) return;
		lineStart = nl + 1;
		line = firstLine + 1;
	}
	let fenceChar = "";
	let fenceLen = 0;
	let inMath = false;
	let inList = false;
	let prevBlank = true;
	let inIndentedCode = false;
	/** End of an HTML comment that runs past the line it started on. */
	let commentEnd = -1;
	const scan: Scan = { text, line, lineStart, out };
	while (lineStart <= n) {
		let nl = text.indexOf("\n", lineStart);
		if (nl === -1) nl = n;
		let lineEnd = nl;
		if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
		scan.line = line;
		scan.lineStart = lineStart;
		const content = text.slice(lineStart, lineEnd);
		const blank = content.trim() === "";

		if (commentEnd > lineStart) {
			// Inside a multi-line HTML comment.
			if (commentEnd < lineEnd) commentEnd = scanInline(scan, commentEnd, lineEnd);
			prevBlank = blank;
		} else if (fenceChar !== "") {
			const m = FENCE.exec(content);
			if (m && (m[1] as string)[0] === fenceChar && (m[1] as string).length >= fenceLen && (m[2] as string).trim() === "") {
				fenceChar = "";
			}
		} else if (inMath) {
			if (content.includes("$$")) inMath = false;
		} else {
			const fence = FENCE.exec(content);
			const indent = leadingIndent(content);
			if (fence && !(fence[1]?.startsWith("`") && fence[2]?.includes("`"))) {
				fenceChar = (fence[1] as string)[0] as string;
				fenceLen = (fence[1] as string).length;
				inIndentedCode = false;
			} else if (!blank && indent >= 4 && !inList && (prevBlank || inIndentedCode)) {
				inIndentedCode = true;
			} else if (MATH_OPEN.test(content)) {
				// `$$` opens a math block, closed on this line or a later one: no links inside.
				inMath = !content.slice(content.indexOf("$$") + 2).includes("$$");
				inIndentedCode = false;
			} else {
				if (!blank) inIndentedCode = false;
				if (LIST_ITEM.test(content)) inList = true;
				else if (!blank && indent === 0 && prevBlank) inList = false;
				commentEnd = scanInline(scan, lineStart, lineEnd);
			}
			prevBlank = blank;
		}
		if (nl >= n) break;
		lineStart = nl + 1;
		line++;
	}
}

function leadingIndent(s: string): number {
	let w = 0;
	for (let i = 0; i < s.length; i++) {
		const c = s.charCodeAt(i);
		if (c === 32) w++;
		else if (c === 9) w += 4 - (w % 4);
		else break;
	}
	return w;
}

/**
 * Inline constructs of one line from `from` to `end`. Returns the end offset of an HTML
 * comment that continues past the line (so the caller skips to it), else -1.
 */
function scanInline(scan: Scan, from: number, end: number): number {
	const { text } = scan;
	let i = from;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c === 92 /* \ */) {
			i += 2;
			continue;
		}
		if (c === 96 /* ` */) {
			let run = 1;
			while (i + run < end && text.charCodeAt(i + run) === 96) run++;
			const close = findBacktickRun(text, i + run, end, run);
			i = close === -1 ? i + run : close + run;
			continue;
		}
		if (c === 60 /* < */ && text.startsWith("<!--", i)) {
			const close = text.indexOf("-->", i + 4);
			if (close === -1) return text.length + 1;
			const after = close + 3;
			if (after > end) return after;
			i = after;
			continue;
		}
		const embed = c === 33 /* ! */ && text.charCodeAt(i + 1) === 91;
		const at = embed ? i + 1 : i;
		if (text.charCodeAt(at) !== 91 /* [ */) {
			i++;
			continue;
		}
		if (text.charCodeAt(at + 1) === 91) {
			const next = wikilink(scan, i, at, end, embed);
			if (next !== -1) {
				i = next;
				continue;
			}
			i = at + 1;
			continue;
		}
		const next = markdownLink(scan, i, at, end, embed);
		i = next !== -1 ? next : at + 1;
	}
	return -1;
}

function findBacktickRun(text: string, from: number, end: number, run: number): number {
	let i = text.indexOf("`", from);
	while (i !== -1 && i < end) {
		let r = 1;
		while (i + r < end && text.charCodeAt(i + r) === 96) r++;
		if (r === run) return i;
		i = text.indexOf("`", i + r);
	}
	return -1;
}

function pos(scan: Scan, offset: number): Position {
	return { line: scan.line, col: offset - scan.lineStart, offset };
}

function push(scan: Scan, embed: boolean, start: number, endOffset: number, link: string, displayText: string): void {
	const entry: LinkEntry = {
		original: scan.text.slice(start, endOffset),
		link,
		displayText,
		position: { start: pos(scan, start), end: pos(scan, endOffset) },
	};
	(embed ? scan.out.embeds : scan.out.links).push(entry);
}

/** `[[…]]` at `at` (embed: `!` at `start`). Returns the offset after it, or -1. */
function wikilink(scan: Scan, start: number, at: number, end: number, embed: boolean): number {
	const { text } = scan;
	const close = text.indexOf("]]", at + 2);
	if (close === -1 || close + 2 > end) return -1;
	const inner = text.slice(at + 2, close);
	if (inner === "" || inner.includes("[[")) return -1;
	const { link, displayText } = parseWikilinkInner(inner);
	push(scan, embed, start, close + 2, link, displayText);
	return close + 2;
}

/** `[text](destination "title")` at `at`. Returns the offset after it, or -1. */
function markdownLink(scan: Scan, start: number, at: number, end: number, embed: boolean): number {
	const { text } = scan;
	// Link text: balanced brackets, escapes skipped, on this line.
	let depth = 0;
	let j = at;
	for (; j < end; j++) {
		const c = text.charCodeAt(j);
		if (c === 92) {
			j++;
			continue;
		}
		if (c === 91) depth++;
		else if (c === 93) {
			depth--;
			if (depth === 0) break;
		}
	}
	if (j >= end || text.charCodeAt(j + 1) !== 40 /* ( */) return -1;
	const label = text.slice(at + 1, j);
	let k = j + 2;
	while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
	let dest: string;
	if (text.charCodeAt(k) === 60 /* < */) {
		const gt = text.indexOf(">", k + 1);
		if (gt === -1 || gt >= end) return -1;
		dest = text.slice(k + 1, gt);
		if (dest.includes("<")) return -1;
		k = gt + 1;
	} else {
		const d0 = k;
		let parens = 0;
		for (; k < end; k++) {
			const c = text.charCodeAt(k);
			if (c === 92) {
				k++;
				continue;
			}
			if (c <= 32) break;
			if (c === 40) parens++;
			else if (c === 41) {
				if (parens === 0) break;
				parens--;
			}
		}
		dest = text.slice(d0, Math.min(k, end));
	}
	// Optional title, then `)`.
	while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
	const q = text.charCodeAt(k);
	if (q === 34 || q === 39 || q === 40) {
		const closeCh = q === 40 ? ")" : String.fromCharCode(q);
		const qe = text.indexOf(closeCh, k + 1);
		if (qe === -1 || qe >= end) return -1;
		k = qe + 1;
		while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
	}
	if (text.charCodeAt(k) !== 41 /* ) */ || k >= end) return -1;
	const after = k + 1;
	if (dest === "" || SCHEME.test(dest)) return after;
	push(scan, embed, start, after, decodeLink(dest), label);
	return after;
}

function decodeLink(dest: string): string {
	const unescaped = dest.replace(/\\([!-/:-@[-`{-~])/g, "$1");
	try {
		return decodeURIComponent(unescaped);
	} catch {
		return unescaped;
	}
}
