/**
 * Link extraction from Markdown the way Obsidian's metadataCache indexes it (docs/reference.md §5):
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
import { readFrontmatter, type FrontmatterBlock, type FrontmatterData, type Position } from "../frontmatter/frontmatter";
import { BlockReader } from "./blocks/reader";
import { decodeLink, destinationStops, frontmatterLinks, parseWikilinkInner, wikilinkLinkOf, type ExtractedLinks, type ExtractOptions, type LinkEntry } from "./link-syntax";

export { defaultDisplayText, frontmatterLinks, linkpathOf, parseWikilinkInner } from "./link-syntax";
export type { ExtractedLinks, ExtractOptions, FrontmatterLinkEntry, LinkEntry, LinkPosition } from "./link-syntax";

/** The note's frontmatter block and data: the ones passed in, else read here. */
function frontmatterOf(text: string, options: ExtractOptions): { block: FrontmatterBlock | null; data: FrontmatterData | null } {
	let block = options.block;
	let data = options.frontmatter;
	if (block === undefined || data === undefined) {
		const read = readFrontmatter(text);
		if (block === undefined) block = read.block;
		if (data === undefined) data = read.ok ? read.data : null;
	}
	return { block, data };
}

/**
 * Only the `link` of every link, embed and frontmatter link, in the order `extractLinks`
 * gives them: the same scan without the entries' text slices, positions and display texts
 * (what counting `resolvedLinks` needs; a vault scan does it for thousands of notes).
 */
export function extractLinkTargets(text: string, options: ExtractOptions = {}): { links: string[]; embeds: string[]; frontmatterLinks: string[] } {
	const { block, data } = frontmatterOf(text, options);
	const fmLinks = frontmatterLinks(data);
	const targets = { links: [] as string[], embeds: [] as string[], frontmatterLinks: fmLinks.map((l) => l.link) };
	const out: ExtractedLinks = { links: [], embeds: [], frontmatterLinks: fmLinks };
	scanBody(text, block ? block.end : 0, block ? block.endLine : 0, out, targets);
	return targets;
}

/**
 * Every link, embed and frontmatter link of a note. Pass the parsed frontmatter and
 * block when you have them; otherwise the note's frontmatter is read here.
 */
export function extractLinks(text: string, options: ExtractOptions = {}): ExtractedLinks {
	const { block, data } = frontmatterOf(text, options);
	const out: ExtractedLinks = { links: [], embeds: [], frontmatterLinks: frontmatterLinks(data) };
	scanBody(text, block ? block.end : 0, block ? block.endLine : 0, out);
	return out;
}

// ---------------------------------------------------------------------------
// Body scanner: block structure per line (fences, indented code, math blocks, HTML
// comments), then inline constructs within each line. Every search is bounded or
// cached so the whole scan stays linear in the length of the note.

const SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
/** Characters that can start an inline construct: `\`, `` ` ``, `<`, `!`, `[`. */
const SPECIAL = /[\\`<![]/g;

interface Scan {
	text: string;
	line: number;
	lineStart: number;
	out: ExtractedLinks;
	/** Cached offset of the next `]]` (-1: none left; -2: not looked yet). */
	nextClose: number;
	/** False once no `-->` is left in the text. */
	commentCloseLeft: boolean;
	/** Per line, built on first need: `[` offset → matching `]` offset. */
	brackets: Map<number, number> | null;
	/** Per line, built on first need: backtick runs by length, and a cursor per length. */
	ticks: Map<number, { at: number[]; next: number }> | null;
	/** Per line, built on first need: where a link destination starting at each offset stops. */
	destStop: Int32Array | null;
	/** Characters the line may still spend on direct destination scans before the table pays. */
	destBudget: number;
	/** Cached next unescaped `"`, `'`, `)`, `<`, `>` (by char code) at or after the offset asked. */
	nextChar: Map<number, { from: number; at: number }>;
	/** When set, only each link's `link` is collected here (no entries in `out`). */
	targets: LinkTargets | null;
}

interface LinkTargets {
	links: string[];
	embeds: string[];
}

/** Skip blockquote markers and spaces: the offset where the line's content starts. */
function afterContainers(text: string, from: number, end: number): number {
	let i = from;
	for (;;) {
		while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
		if (i < end && text.charCodeAt(i) === 62 /* > */) i++;
		else return i;
	}
}

/**
 * The body's lines in order: the block reader (blocks/reader.ts) says what each line is;
 * code, `$$` math and HTML blocks hold no links; text, headings and `%%` comments are read
 * for them (Obsidian indexes the links in a comment). An HTML comment running over lines
 * (opened inline) is passed over to its end.
 */
function scanBody(text: string, from: number, firstLine: number, out: ExtractedLinks, targets: LinkTargets | null = null): void {
	const n = text.length;
	let lineStart = from;
	let line = firstLine;
	if (from > 0) {
		// The body starts on the line after the frontmatter's closing `---`.
		const nl = text.indexOf("\n", from);
		if (nl === -1) return;
		lineStart = nl + 1;
		line = firstLine + 1;
	}
	const reader = new BlockReader();
	/** End of an HTML comment that runs past the line it started on. */
	let commentEnd = -1;
	/** Next `[` and `<!--` in the text (cached; lines with neither need no inline scan). */
	let nextBracket = -2;
	let nextComment = -2;
	const scan: Scan = { text, line, lineStart, out, nextClose: -2, commentCloseLeft: true, brackets: null, ticks: null, destStop: null, destBudget: 0, nextChar: new Map(), targets };
	const scanLinks = (lineStart: number, lineEnd: number, contentStart: number): number => {
		if (nextBracket !== -1 && nextBracket < lineStart) nextBracket = text.indexOf("[", lineStart);
		if (nextComment !== -1 && nextComment < lineStart) nextComment = text.indexOf("<!--", lineStart);
		const bracketHere = nextBracket !== -1 && nextBracket < lineEnd;
		const commentHere = nextComment !== -1 && nextComment < lineEnd;
		return bracketHere || commentHere ? scanInline(scan, lineStart, lineEnd, contentStart) : -1;
	};
	while (lineStart <= n) {
		let nl = text.indexOf("\n", lineStart);
		if (nl === -1) nl = n;
		let lineEnd = nl;
		if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
		scan.line = line;
		scan.lineStart = lineStart;
		scan.brackets = null;
		scan.ticks = null;
		scan.destStop = null;
		scan.destBudget = 2 * (lineEnd - lineStart) + 64;
		const role = reader.read(text, lineStart, lineEnd);
		if (commentEnd > lineStart) {
			// Inside a multi-line HTML comment.
			if (commentEnd < lineEnd) commentEnd = scanInline(scan, commentEnd, lineEnd);
		} else if (role === "text" || role === "heading" || role === "comment" || (role === "html" && startsComment(text, lineStart, lineEnd))) {
			// (An HTML comment is read inline, as Obsidian reads it: links after its end count.)
			const contentStart = afterContainers(text, lineStart, lineEnd);
			// Display math on one line (`$$…$$`) holds no links; the rest of its line is text.
			const math = role === "text" && text.startsWith("$$", contentStart) ? text.indexOf("$$", contentStart + 2) : -1;
			// In a %% comment no block starts (an unclosed `<!--` there is text).
			commentEnd = math !== -1 && math < lineEnd ? scanInline(scan, math + 2, lineEnd) : scanLinks(lineStart, lineEnd, role === "comment" ? -1 : contentStart);
		}
		if (nl >= n) break;
		lineStart = nl + 1;
		line++;
	}
}

/** The line's content starts with `<!--`. */
function startsComment(text: string, lineStart: number, lineEnd: number): boolean {
	return text.startsWith("<!--", afterContainers(text, lineStart, lineEnd));
}

/**
 * Inline constructs of one line from `from` to `end`. Returns the end offset of an HTML
 * comment that continues past the line (so the caller skips to it), else -1.
 * `blockStart` is where the line's content starts, when an HTML block may open there.
 */
function scanInline(scan: Scan, from: number, end: number, blockStart = -1): number {
	const { text } = scan;
	let i = from;
	while (i < end) {
		const c = text.charCodeAt(i);
		if (c !== 92 && c !== 96 && c !== 60 && c !== 33 && c !== 91) {
			// Jump to the next character that can start something (native scan).
			SPECIAL.lastIndex = i;
			i = SPECIAL.exec(text) ? SPECIAL.lastIndex - 1 : end;
			continue;
		}
		if (c === 92 /* \ */) {
			i += 2;
			continue;
		}
		if (c === 96 /* ` */) {
			let run = 1;
			while (i + run < end && text.charCodeAt(i + run) === 96) run++;
			const close = closingTicks(scan, i + run, end, run);
			i = close === -1 ? i + run : close + run;
			continue;
		}
		if (c === 60 /* < */ && text.startsWith("<!--", i)) {
			const close = scan.commentCloseLeft ? text.indexOf("-->", i + 4) : -1;
			if (close === -1) {
				scan.commentCloseLeft = false;
				// An unclosed comment opening a block hides the rest of the note; inline, it is text.
				if (i === blockStart) return text.length + 1;
				i += 4;
				continue;
			}
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
			i = wikilink(scan, i, at, end, embed);
			continue;
		}
		const next = markdownLink(scan, i, at, end, embed);
		i = next !== -1 ? next : at + 1;
	}
	return -1;
}

/** The next run of exactly `run` backticks in [from, end) of the current line, or -1. */
function closingTicks(scan: Scan, from: number, end: number, run: number): number {
	if (!scan.ticks) {
		const ticks = new Map<number, { at: number[]; next: number }>();
		const { text } = scan;
		let i = text.indexOf("`", from);
		while (i !== -1 && i < end) {
			let r = 1;
			while (i + r < end && text.charCodeAt(i + r) === 96) r++;
			let list = ticks.get(r);
			if (!list) ticks.set(r, (list = { at: [], next: 0 }));
			list.at.push(i);
			i = text.indexOf("`", i + r);
		}
		scan.ticks = ticks;
	}
	const list = scan.ticks.get(run);
	if (!list) return -1;
	while (list.next < list.at.length && (list.at[list.next] as number) < from) list.next++;
	return list.next < list.at.length ? (list.at[list.next] as number) : -1;
}

/** The matching `]` of the `[` at `at` on the current line (escapes skipped), or -1. */
function closingBracket(scan: Scan, at: number, end: number): number {
	if (!scan.brackets) {
		const brackets = new Map<number, number>();
		const stack: number[] = [];
		const { text } = scan;
		for (let j = at; j < end; j++) {
			const c = text.charCodeAt(j);
			if (c === 92) j++;
			else if (c === 91) stack.push(j);
			else if (c === 93) {
				const open = stack.pop();
				if (open !== undefined) brackets.set(open, j);
			}
		}
		scan.brackets = brackets;
	}
	return scan.brackets.get(at) ?? -1;
}

function pos(scan: Scan, offset: number): Position {
	return { line: scan.line, col: offset - scan.lineStart, offset };
}

function push(scan: Scan, embed: boolean, start: number, endOffset: number, link: string, displayText: string): void {
	if (scan.targets) {
		(embed ? scan.targets.embeds : scan.targets.links).push(link);
		return;
	}
	const entry: LinkEntry = {
		original: scan.text.slice(start, endOffset),
		link,
		displayText,
		position: { start: pos(scan, start), end: pos(scan, endOffset) },
	};
	(embed ? scan.out.embeds : scan.out.links).push(entry);
}

/** `[[…]]` at `at` (embed: `!` at `start`). Returns where scanning goes on. */
function wikilink(scan: Scan, start: number, at: number, end: number, embed: boolean): number {
	const { text } = scan;
	if (scan.nextClose === -2 || (scan.nextClose !== -1 && scan.nextClose < at + 2)) scan.nextClose = text.indexOf("]]", at + 2);
	const close = scan.nextClose;
	if (close === -1 || close + 2 > end) return at + 2;
	// `[[a [[b]]`: the innermost `[[` before the `]]` starts the link.
	const inner = text.lastIndexOf("[[", close - 1);
	if (inner > at) return text.charCodeAt(inner - 1) === 33 && inner - 1 > at + 1 ? inner - 1 : inner;
	if (close === at + 2) return at + 4; // `[[]]`
	if (scan.targets) {
		push(scan, embed, start, close + 2, wikilinkLinkOf(text.slice(at + 2, close)), "");
		return close + 2;
	}
	const { link, displayText } = parseWikilinkInner(text.slice(at + 2, close));
	push(scan, embed, start, close + 2, link, displayText);
	return close + 2;
}

/** Where the plain destination starting at `k` stops (see destinationStops). */
function destinationStop(scan: Scan, k: number, end: number): number {
	if (!scan.destStop) {
		// Most destinations are short: scan directly while the line's budget lasts.
		const { text } = scan;
		let parens = 0;
		let j = k;
		const limit = Math.min(end, k + scan.destBudget);
		for (; j < limit; j++) {
			const c = text.charCodeAt(j);
			if (c === 92 && j + 1 < end) {
				j++;
				continue;
			}
			if (c <= 32) break;
			if (c === 40) parens++;
			else if (c === 41) {
				if (parens === 0) break;
				parens--;
			}
		}
		scan.destBudget -= j - k + 1;
		if (j < limit || limit === end) return Math.min(j, end);
		scan.destStop = destinationStops(scan.text, scan.lineStart, end);
	}
	return scan.destStop[k - scan.lineStart] ?? end;
}

/** The next `ch` at or after `from` not escaped by `\\`, or -1; cached so scans stay linear. */
function nextUnescaped(scan: Scan, ch: number, from: number): number {
	const cached = scan.nextChar.get(ch);
	if (cached && cached.from <= from && (cached.at === -1 || cached.at >= from)) return cached.at;
	const { text } = scan;
	const s = String.fromCharCode(ch);
	let at = text.indexOf(s, from);
	while (at > 0 && text.charCodeAt(at - 1) === 92) at = text.indexOf(s, at + 1);
	scan.nextChar.set(ch, { from, at });
	return at;
}

/** `[text](destination "title")` at `at`. Returns the offset after it, or -1. */
function markdownLink(scan: Scan, start: number, at: number, end: number, embed: boolean): number {
	const { text } = scan;
	const j = closingBracket(scan, at, end);
	if (j === -1 || text.charCodeAt(j + 1) !== 40 /* ( */) return -1;
	const label = text.slice(at + 1, j);
	let k = j + 2;
	while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
	let dest: string;
	if (text.charCodeAt(k) === 60 /* < */) {
		const gt = nextUnescaped(scan, 62, k + 1);
		const lt = nextUnescaped(scan, 60, k + 1);
		if (gt === -1 || gt >= end || (lt !== -1 && lt < gt)) return -1;
		dest = text.slice(k + 1, gt);
		k = gt + 1;
	} else {
		const stop = destinationStop(scan, k, end);
		dest = text.slice(k, stop);
		k = stop;
	}
	// Optional title, then `)`.
	while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
	const q = text.charCodeAt(k);
	if (k < end && dest !== "" && (q === 34 || q === 39 || q === 40)) {
		const qe = nextUnescaped(scan, q === 40 ? 41 : q, k + 1);
		if (qe === -1 || qe >= end) return -1;
		k = qe + 1;
		while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
	}
	if (k >= end || text.charCodeAt(k) !== 41 /* ) */) return -1;
	const after = k + 1;
	if (dest === "" || SCHEME.test(dest)) return after;
	push(scan, embed, start, after, decodeLink(dest), label);
	return after;
}
