/**
 * Timestamp tokens in Markdown (docs/reference.md §6): where they count, their labels and positions,
 * and the text splices that turn them into seek links. One pass over the text. Shared by
 * the editor, the reading view, the command and the CLI.
 */
import { locateFrontmatter, readFrontmatter } from "../frontmatter/frontmatter";
import { endsHtmlBlock, htmlBlockEnd, isLoneTag } from "./blocks/html";
import { excludedRanges, paragraphRanges } from "./inline-spans";
import { seekUrl, videoIdFromUrl } from "../sources/youtube";

/** A timestamp as the scan finds it: the token, its value and label, and where it is. */
export interface TimestampToken {
	/** The token as written, e.g. `8:36`. */
	text: string;
	/** Total seconds (`8:36` → 516). */
	seconds: number;
	/** Rest of the line after the token and its separators, trimmed. */
	label: string;
	/** Offset of the token's first character. */
	from: number;
	/** Offset just after the token. */
	to: number;
}

/** A timestamp with its line and column (see `locateTimestamps`). */
export interface Timestamp extends TimestampToken {
	/** 1-based line in the scanned text (frontmatter lines count). */
	line: number;
	/** 1-based column of the token's first character (UTF-16 units). */
	column: number;
}

/** An open fenced code block: its marker character (` or ~) and length. */
export interface Fence {
	char: number;
	length: number;
	/** How many `>` quote markers its opening line had: its closing line needs as many. */
	quotes: number;
	/** Columns from after the quote markers to its first character (a list marker counts). */
	indent: number;
	/**
	 * The content column (after the quote markers) of the list item holding it: a non-blank
	 * line indented less ends the item, and the fence with it. 0 or absent: in no list item.
	 * Set by `fenceOpening` when the fence opens on the item's own line; else see `fenceContainer`.
	 */
	container?: number;
}

/** A text splice: replace `[from, to)` with `insert`. */
export interface TextSplice {
	from: number;
	to: number;
	insert: string;
}

const BACKTICK = 96;
const TILDE = 126;
const COLON = 58;

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

/** Whitespace `trim()` removes (other than line breaks): ASCII blanks, NBSP, the Unicode spaces, BOM. */
function isSpace(c: number): boolean {
	if (c < 0x80) return c === 32 || c === 9 || c === 11 || c === 12;
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

function isBlank(c: number): boolean {
	return c === 32 || c === 9;
}

/** ASCII letters, digits and `_`: a token glued to one of these is a word, not a time. */
function isWordChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** Seconds of a token (`M:SS` … `HH:MM:SS`), or null when it is not a valid timestamp. */
export function parseTimestamp(token: string): number | null {
	const m = /^(?:(\d{1,2}):([0-5]\d):([0-5]\d)|(\d{1,3}):([0-5]\d))$/.exec(token);
	if (!m) return null;
	if (m[1] !== undefined) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
	return Number(m[4]) * 60 + Number(m[5]);
}

// ── fenced code ────────────────────────────────────────────────────────────────

/** After blanks and `>`: past a list marker (`-`, `*`, `+`, `1.`, `1)`) and the blanks after it, when there is one. */
function afterListMarker(text: string, i: number, lineTo: number): number {
	const c = text.charCodeAt(i);
	let j = i;
	if (c === 45 || c === 42 || c === 43) j = i + 1;
	else {
		while (j < lineTo && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
		const d = text.charCodeAt(j);
		if (j === i || (d !== 46 && d !== 41)) return i;
		j++;
	}
	if (!isBlank(text.charCodeAt(j))) return i;
	while (j < lineTo && isBlank(text.charCodeAt(j))) j++;
	return j;
}

/** A line's block-quote markers (`>`, each after up to three blanks; at most `max`): how many, and where the text after them (and one blank) starts. */
function quoteMarkers(text: string, lineFrom: number, lineTo: number, max = Infinity): { quotes: number; at: number } {
	let quotes = 0;
	let at = lineFrom;
	while (quotes < max) {
		let j = at;
		while (j < lineTo && j - at < 3 && isBlank(text.charCodeAt(j))) j++;
		if (j >= lineTo || text.charCodeAt(j) !== 62 /* > */) return { quotes, at };
		quotes++;
		at = j + 1;
		if (at < lineTo && isBlank(text.charCodeAt(at))) at++;
	}
	return { quotes, at };
}

function skipBlanks(text: string, i: number, lineTo: number): number {
	while (i < lineTo && isBlank(text.charCodeAt(i))) i++;
	return i;
}

/** The fence a line opens (``` or ~~~, three or more; also as a list item's content), or null. */
export function fenceOpening(text: string, lineFrom: number, lineTo: number): Fence | null {
	const q = quoteMarkers(text, lineFrom, lineTo);
	const i = afterListMarker(text, skipBlanks(text, q.at, lineTo), lineTo);
	const c = text.charCodeAt(i);
	if (c !== BACKTICK && c !== TILDE) return null;
	let j = i;
	while (j < lineTo && text.charCodeAt(j) === c) j++;
	if (j - i < 3) return null;
	// A backtick fence's info string may not contain backticks (CommonMark).
	if (c === BACKTICK) {
		for (let k = j; k < lineTo; k++) if (text.charCodeAt(k) === BACKTICK) return null;
	}
	const fence: Fence = { char: c, length: j - i, quotes: q.quotes, indent: i - q.at };
	// On a list item's own line (the fence right after `- ` or `1. `): the item's content starts where the fence does.
	if (i !== skipBlanks(text, q.at, lineTo)) fence.container = i - q.at;
	return fence;
}

/** Lines looked at, back from an indented fence, for the list item holding it. */
const CONTAINER_LOOKBACK = 200;

/**
 * `fence` (just opened on the line starting at `ls`) with its list item's content column
 * when it is indented and in one: the nearest list item above (same quote depth, blank lines
 * passed over) whose content starts at or before the fence's column. Paragraph text at column
 * 0 is a lazy continuation of the item above it, unless a blank line stands above that text;
 * anything else at column 0 (a heading, rule, quote, HTML) means no list item. Reads at most
 * CONTAINER_LOOKBACK lines back, never before `from`.
 */
export function fenceContainer(text: string, from: number, ls: number, fence: Fence): Fence {
	if (fence.container !== undefined || fence.indent === 0) return fence;
	let container = 0;
	let l = ls;
	// A line at column 0 was passed since the last blank line: text there is a lazy
	// continuation of a list item above, unless a blank line stands above it.
	let columnZero = false;
	for (let n = 0; l > from && n < CONTAINER_LOOKBACK; n++) {
		const start = l - 2 < from ? from : Math.max(from, text.lastIndexOf("\n", l - 2) + 1);
		const nl = text.indexOf("\n", start);
		const end = nl === -1 || nl > l ? l : nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
		l = start;
		// Only the fence's own quote markers: a `>` past them is text (`>>> x` in code).
		const q = quoteMarkers(text, start, end, fence.quotes);
		if (q.quotes < fence.quotes) break;
		const i = skipBlanks(text, q.at, end);
		if (i >= end) {
			if (columnZero) break;
			continue;
		}
		const j = afterListMarker(text, i, end);
		if (j !== i && j - q.at <= fence.indent) {
			container = j - q.at;
			break;
		}
		if (j === i && i === q.at) {
			// Only paragraph text can be lazy: a heading, rule, quote, HTML block or fence at column 0 ends the list.
			const c = text.charCodeAt(i);
			if (c === 35 || c === 62 || c === 60 || c === BACKTICK || c === TILDE || RULE_LINE.test(text.slice(i, end))) break;
			columnZero = true;
		}
	}
	return { ...fence, container };
}

/**
 * A fence just opened on the line starting at `ls`, settled: with its list item's content
 * column (`fenceContainer`), or null when it is no fence but indented code — four columns
 * or more past where its container's content starts (CommonMark).
 */
export function settleFence(text: string, from: number, ls: number, fence: Fence): Fence | null {
	if (fence.indent === 0) return fence;
	const settled = fenceContainer(text, from, ls, fence);
	return settled.indent - (settled.container ?? 0) >= 4 ? null : settled;
}

/** The fence is inside a block quote or a list item, which can end before it closes. */
export function isContained(fence: Fence): boolean {
	return fence.quotes > 0 || (fence.container ?? 0) > 0;
}

/**
 * The start of the first line in `[from, to)` (`from` a line start) that ends the quote or
 * list item holding `fence` — and so the fence (CommonMark: a container's end closes its
 * fenced code) — or -1. A quote ends at a line with fewer `>` (a blank line too); a list
 * item at a non-blank line indented less than its content.
 */
export function containerEndIn(text: string, from: number, to: number, fence: Fence): number {
	const container = fence.container ?? 0;
	for (let ls = from; ls < to; ) {
		const nl = text.indexOf("\n", ls);
		const stop = nl === -1 || nl > to ? to : nl;
		const le = stop > ls && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
		// Only the fence's own quote markers: a `>` past them is code (`>>> x`), not a deeper quote.
		const q = quoteMarkers(text, ls, le, fence.quotes);
		if (q.quotes < fence.quotes) return ls;
		if (container > 0) {
			const i = skipBlanks(text, q.at, le);
			if (i < le && i - q.at < container) return ls;
		}
		if (nl === -1) break;
		ls = nl + 1;
	}
	return -1;
}

/**
 * The fence open after a fence line, given the one open before it: an opening line opens
 * one; inside a fence, only a closing line of the same quote depth, indented at most three
 * columns past the opening, closes it (a quoted or deeper-indented fence line is code);
 * a line with fewer quote markers ends the quote and the fence with it, and may open another.
 */
export function fenceAfterLine(text: string, lineFrom: number, lineTo: number, fence: Fence | null): Fence | null {
	if (fence === null) return fenceOpening(text, lineFrom, lineTo);
	if (quoteMarkers(text, lineFrom, lineTo).quotes < fence.quotes) return fenceOpening(text, lineFrom, lineTo);
	return closesFence(text, lineFrom, lineTo, fence) ? null : fence;
}

/** True when the line closes `fence`: same character, at least as long, nothing after. */
export function closesFence(text: string, lineFrom: number, lineTo: number, fence: Fence): boolean {
	const q = quoteMarkers(text, lineFrom, lineTo);
	if (q.quotes !== fence.quotes) return false;
	const i = skipBlanks(text, q.at, lineTo);
	if (i - q.at > fence.indent + 3) return false;
	let j = i;
	while (j < lineTo && text.charCodeAt(j) === fence.char) j++;
	if (j - i < fence.length) return false;
	while (j < lineTo && isBlank(text.charCodeAt(j))) j++;
	return j === lineTo;
}

// ── paragraphs and HTML blocks ───────────────────────────────────────────────────

/** A setext underline or thematic break: the paragraph above it ends there. */
const RULE_LINE = /^ {0,3}(?:-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$/;

/** What a line is for the paragraph a token stands in. */
const enum LineKind {
	/** Paragraph text (or a line this reader does not tell apart from it). */
	Text,
	/** Blank (after any `>`), or a fence line: no paragraph runs across it. */
	Break,
	/** An ATX heading, setext underline or thematic break: a paragraph ends after it. */
	Heading,
	/** A list item: it starts a paragraph. */
	Item,
	/** The start of an HTML block that may interrupt a paragraph (a block tag, `<!--`): it ends the paragraph above. */
	Html,
}

/**
 * Where a line-start token stands beyond its own line: in an HTML block (CommonMark raw
 * HTML, where Markdown is not read: a link written there would show as text), or in a code
 * span, link or HTML comment that an earlier line of its paragraph opened (docs/reference.md §6: "not in
 * inline code or inside an existing link"). Asked about tokens in text order; each line is
 * looked at about once: back from a token's line to the last token's line or to the blank
 * line above, and a paragraph's spans are read once, only when an earlier line of it (or
 * the token's own, before the token) has a backtick, `[` or `<`.
 *
 * A line is entered (an HTML block ends or starts there, a paragraph starts there) and then
 * left (a heading ends its paragraph). A paragraph starts at the run's first line, a list
 * item, a line after a heading, and wherever the quote depth changes. An HTML block ends at
 * a blank line, at its closing tag (`</pre>`…), or where its quote or list item ends.
 */
const NO_RANGES: number[] = [];
/** The lines above a token line, read back by `toLine` (start, end, kind; reused). */
const ABOVE: number[] = [];

class BlockContext {
	/** The line of the last token asked about (-1: none) and its end and kind (set by the scan too, on its short path). */
	lastLine = -1;
	lastEnd = -1;
	/**
	 * The last token's line was paragraph text, in no HTML block, with no span open before it:
	 * a line right below that starts with its token continues the paragraph, and nothing holds
	 * the token (the scan's short path; `excludes` would answer false and change nothing).
	 */
	continues = false;
	private lastKind = LineKind.Text;
	private runStart = -1;
	private paraStart = -1;
	private dirty = false;
	/** The line entered last was paragraph text (a list item's first line included), and that paragraph's quote depth. */
	private paraOpen = false;
	private paraQuotes = 0;
	/** An open HTML block: how it ends (`""` at a blank line, else its closing tag), where it stands. */
	private html = false;
	private htmlClose = "";
	private htmlQuotes = 0;
	/** Column of the first non-blank character of the HTML block's first line: a line that starts further left is out of its list item. */
	private htmlLead = 0;
	/** The line entered last closed the HTML block (its closing tag was on it). */
	private htmlEndsAfter = false;
	/** The paragraph whose spans were read last, and its spans. */
	private rangesOf = -1;
	private ranges: number[] = NO_RANGES;
	/** Set by `kindOf`: the classified line's quote depth, and where its content starts (after markers and blanks) and the column of that content after the markers. */
	private quotes = 0;
	private contentAt = 0;
	private indent = 0;
	/** The line `kindOf` classified last. */
	private classified = -1;

	private text = "";
	private from = 0;
	private to = 0;

	/** Start over on `[from, to)` of `text` (one context serves every scan: see BLOCKS). */
	reset(text: string, from: number, to: number): this {
		this.text = text;
		this.from = from;
		this.to = to;
		this.lastLine = -1;
		this.lastEnd = -1;
		this.continues = false;
		this.lastKind = LineKind.Text;
		this.runStart = -1;
		this.paraStart = -1;
		this.dirty = false;
		this.paraOpen = false;
		this.paraQuotes = 0;
		this.html = false;
		this.htmlClose = "";
		this.htmlQuotes = 0;
		this.htmlLead = 0;
		this.htmlEndsAfter = false;
		this.rangesOf = -1;
		this.ranges = NO_RANGES;
		this.classified = -1;
		return this;
	}

	/** Let go of the scanned text. */
	release(): void {
		this.text = "";
		this.ranges = NO_RANGES;
	}

	/** True when the token `[s, e)` on the line `[ls, le)` is raw HTML or inside a span opened on an earlier line. */
	excludes(s: number, e: number, ls: number, le: number): boolean {
		if (ls !== this.lastLine) this.toLine(ls, le, s === ls);
		this.continues = this.lastKind === LineKind.Text && this.paraOpen && !this.html && !this.dirty;
		if (this.html) return true;
		// Only a span opened before the token can hold it: on an earlier line, or on this one and running on.
		if (!this.dirty && (s === ls || !hasOpener(this.text, ls, s))) return false;
		const next = this.lineAfter(le);
		if (!this.dirty && (next === -1 || this.kindOf(next, this.lineEnd(next)) !== LineKind.Text || this.quotes !== this.lineQuotes(ls, le))) return false;
		if (this.rangesOf !== this.paraStart) {
			const quotes = this.lineQuotes(ls, le);
			let end = le;
			for (let l = next; l !== -1; l = this.lineAfter(end)) {
				const lEnd = this.lineEnd(l);
				if (this.kindOf(l, lEnd) !== LineKind.Text || this.quotes !== quotes) break;
				end = lEnd;
			}
			this.ranges = paragraphRanges(this.text, this.paraStart, end);
			this.rangesOf = this.paraStart;
		}
		const r = this.ranges;
		for (let i = 0; i < r.length; i += 2) {
			if ((r[i] as number) >= e) break;
			if ((r[i + 1] as number) > s) return true;
		}
		return false;
	}

	/** Bring the state to the token line `ls`: from the last token's line when in the same run, else from the run's start. */
	private toLine(ls: number, le: number, tokenFirst: boolean): void {
		const text = this.text;
		const last = this.lastLine;
		const afterLast = last === -1 ? -1 : text.charCodeAt(this.lastEnd) === 10 ? this.lastEnd + 1 : text.charCodeAt(this.lastEnd + 1) === 10 ? this.lastEnd + 2 : -1;
		if (afterLast === ls) {
			// The line right below the last token's (a list of timestamps): leave that one.
			this.leave(this.lastEnd, this.lastKind);
		} else {
			// The lines above, as start, end, kind (classified once).
			const above = ABOVE;
			let n = 0;
			let joined = false;
			for (let l = ls; l > this.from; ) {
				const start = lineStartBefore(text, this.from, l);
				if (start === last) {
					joined = true;
					break;
				}
				// The line ends at the line break before `l` (and any "\r" before it).
				const end = l - 1 > start && text.charCodeAt(l - 2) === 13 ? l - 2 : l - 1;
				const kind = this.kindOf(start, end);
				if (kind === LineKind.Break) break;
				above[n] = start;
				above[n + 1] = end;
				above[n + 2] = kind;
				n += 3;
				l = start;
			}
			if (joined) this.leave(this.lastEnd, this.lastKind);
			else {
				this.runStart = n > 0 ? (above[n - 3] as number) : ls;
				this.paraStart = this.runStart;
				this.dirty = false;
				this.paraOpen = false;
				this.html = false;
				this.htmlEndsAfter = false;
			}
			for (let k = n - 3; k >= 0; k -= 3) {
				const end = above[k + 1] as number;
				this.leave(end, this.enter(above[k] as number, end, true, above[k + 2]));
			}
		}
		this.lastKind = tokenFirst ? this.enterTokenFirst(ls) : this.enter(ls, le, false);
		this.lastLine = ls;
		this.lastEnd = le;
	}

	/** Enter the line `[l, end)`: HTML blocks end or start, paragraphs start; `read`: look for openers on it. Returns its kind. */
	private enter(l: number, end: number, read: boolean, known?: LineKind): LineKind {
		const text = this.text;
		// `kindOf` also sets `quotes`, `contentAt` and `indent`: classify again unless this line was just classified.
		const kind = known !== undefined && this.classified === l ? known : this.kindOf(l, end);
		const quotes = this.quotes;
		const at = this.contentAt;
		const lead = leadOf(text, l, end);
		// Text right below paragraph text, in no deeper quote, continues that paragraph (lazily
		// when it has fewer `>`): no block can start there but a list item or an HTML block tag.
		const continues = this.paraOpen && kind === LineKind.Text && quotes <= this.paraQuotes;
		// An HTML block ends at its closing tag, or where its quote or list item does.
		if (this.html && (this.htmlEndsAfter || quotes < this.htmlQuotes || lead < this.htmlLead)) this.html = false;
		this.htmlEndsAfter = false;
		if (this.html) {
			if (this.htmlClose !== "" && endsHtmlBlock(text, l, end, this.htmlClose)) this.htmlEndsAfter = true;
		} else if (text.charCodeAt(at) === 60 /* < */ && this.indent <= 3) {
			const close = text.startsWith("<!--", at) ? "-->" : htmlBlockEnd(text, at, end);
			if (close !== null || (!continues && isLoneTag(text, at, end))) {
				this.html = true;
				this.htmlClose = close ?? "";
				this.htmlQuotes = quotes;
				this.htmlLead = lead;
				this.htmlEndsAfter = this.htmlClose !== "" && endsHtmlBlock(text, at + 2, end, this.htmlClose);
			}
		}
		if (!continues) {
			this.paraStart = l;
			this.paraQuotes = quotes;
			this.dirty = read && hasOpener(text, l, end);
		} else if (read && !this.dirty) this.dirty = hasOpener(text, l, end);
		this.paraOpen = !this.html && (kind === LineKind.Text || kind === LineKind.Item);
		return kind;
	}

	/** `enter` for a token line that starts with its token (a digit at column 0): paragraph text, no quote, no HTML. */
	private enterTokenFirst(l: number): LineKind {
		if (this.html && (this.htmlEndsAfter || this.htmlQuotes > 0 || this.htmlLead > 0)) this.html = false;
		this.htmlEndsAfter = false;
		if (!this.paraOpen) {
			this.paraStart = l;
			this.paraQuotes = 0;
			this.dirty = false;
		}
		this.paraOpen = !this.html;
		return LineKind.Text;
	}

	/** Leave a line of this kind ending at `end`: a heading ends its paragraph. */
	private leave(end: number, kind: LineKind): void {
		if (kind !== LineKind.Heading) return;
		this.paraOpen = false;
		const next = this.lineAfter(end);
		this.paraStart = next === -1 ? end : next;
		this.dirty = false;
	}


	/** The quote depth of the line `[l, end)`. */
	private lineQuotes(l: number, end: number): number {
		this.kindOf(l, end);
		return this.quotes;
	}

	/** What the line `[l, end)` is; sets `quotes`, `contentAt` and `indent`. */
	private kindOf(l: number, end: number): LineKind {
		const text = this.text;
		const { quotes, at } = quoteMarkers(text, l, end);
		const i = skipBlanks(text, at, end);
		this.classified = l;
		this.quotes = quotes;
		this.contentAt = i;
		this.indent = i - at;
		if (i >= end) return LineKind.Break;
		const c = text.charCodeAt(i);
		if (c === BACKTICK || c === TILDE) return fenceOpening(text, l, end) !== null ? LineKind.Break : LineKind.Text;
		if (c === 35 /* # */) {
			let h = i;
			while (h < end && text.charCodeAt(h) === 35) h++;
			return h - i <= 6 && (h === end || isBlank(text.charCodeAt(h))) ? LineKind.Heading : LineKind.Text;
		}
		// (A setext `===` underline is read as text: it underlines only what is above it.)
		if (c === 95 /* _ */) return RULE_LINE.test(text.slice(i, end)) ? LineKind.Heading : LineKind.Text;
		if (c === 60 /* < */ && i - at <= 3 && (text.startsWith("<!--", i) || htmlBlockEnd(text, i, end) !== null)) return LineKind.Html;
		if (c === 45 || c === 42 || c === 43 || isDigit(c)) {
			if ((c === 45 || c === 42) && RULE_LINE.test(text.slice(i, end))) return LineKind.Heading;
			const j = afterListMarker(text, i, end);
			if (j === i) return LineKind.Text;
			// A fence as the item's content is a fence line.
			const f = text.charCodeAt(j);
			return (f === BACKTICK || f === TILDE) && fenceOpening(text, l, end) !== null ? LineKind.Break : LineKind.Item;
		}
		return LineKind.Text;
	}

	/** The line's end (before `\r\n` or `\n`; at most `to`). */
	private lineEnd(l: number): number {
		const nl = this.text.indexOf("\n", l);
		const end = nl === -1 || nl > this.to ? this.to : nl;
		return end > l && this.text.charCodeAt(end - 1) === 13 ? end - 1 : end;
	}

	/** The start of the line after the one ending at `end`, or -1 at `to`. */
	private lineAfter(end: number): number {
		const nl = this.text.indexOf("\n", end);
		return nl === -1 || nl + 1 >= this.to ? -1 : nl + 1;
	}
}

/**
 * The one BlockContext, reset for each scan. A context per scan would die with it, and with
 * it the hidden class its fields were added under: optimized scanning code that relies on
 * that class is then thrown away at the next full garbage collection (V8 deoptimizes on
 * "weak objects"), which made a scan after a GC four times slower.
 */
const BLOCKS = new BlockContext();

/**
 * The start of the line before the one starting at `l` (> `from`), not before `from`: a loop
 * back over that line (short), where `lastIndexOf` would cost a call into the runtime.
 */
function lineStartBefore(text: string, from: number, l: number): number {
	let i = l - 1;
	while (i > from && text.charCodeAt(i - 1) !== 10) i--;
	return i;
}

/** Column of the first non-blank character of the line `[l, end)`. */
function leadOf(text: string, l: number, end: number): number {
	let i = l;
	while (i < end && isBlank(text.charCodeAt(i))) i++;
	return i - l;
}

/** A backtick, `[` or `<` in `[from, to)`: something that may open a span running on to the next line. */
function hasOpener(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === BACKTICK || c === 91 || c === 60) return true;
	}
	return false;
}

// ── scanning ───────────────────────────────────────────────────────────────────

export interface ScanOptions {
	/** Offset to start at (a line start). Default 0. */
	from?: number;
	/** Offset to stop at (a line end). Default the text's length. */
	to?: number;
	/** The fence open at `from`, if any. */
	fence?: Fence | null;
	/** Whether the first line starts a line of the document (false for a mid-line fragment). */
	firstLineAtStart?: boolean;
	/** Fenced code counts (false for reading-view fragments, which hold no fences). */
	fences?: boolean;
}

export interface ScanResult {
	/** In text order. Lines and columns: `locateTimestamps`. */
	timestamps: TimestampToken[];
	/** The fence still open at `to`. */
	fence: Fence | null;
}

/**
 * Scan `text` (or `[from, to)`) for timestamps. Two searches run ahead through the text, a
 * stretch at a time: one for candidate colons (`d:dd`, seconds tens 0–5), then one for fence
 * markers (``` and ~~~) over the same stretch; each finds every match once. Lines are not
 * walked: a line matters only when it holds a candidate that could count (its start is
 * found back from the token, never past the line break of the line looked at before; its
 * end forward from the token) or has a marker first on it (a fence line: it opens or closes
 * a fence, and holds no token). A line's code spans and links are read only when one of its
 * candidates would count. Linear in the scanned length. No line numbers: `locateTimestamps`
 * adds them, in one pass, for whoever needs them.
 */
export function scanTimestamps(text: string, options: ScanOptions = {}): ScanResult {
	const from = options.from ?? 0;
	const to = Math.min(options.to ?? text.length, text.length);
	const firstLineAtStart = options.firstLineAtStart !== false;
	const fences = options.fences !== false;
	let fence: Fence | null = fences ? (options.fence ?? null) : null;
	const out: TimestampToken[] = [];
	// Candidates are found a batch at a time (`cands`: the colons of every candidate in a
	// stretch of up to BATCH characters, `ci` the next one; `pending`: the first candidate
	// after them, -1: none), and then the fence markers up to the batch's end (`horizon`),
	// while that text is still in cache (one search of the whole text for each marker costs
	// about as much as the colon search). `markers` holds the start of every marker found by
	// the last marker search, `mi` the first one at or after `at`, where the next marker
	// counts from (a fence line's end, or past a marker in mid-line). `fenceEnd`: the line
	// break (or `to`) ending the last fence line. Markers: a fence line's first characters
	// after blanks and `>` are ``` or ~~~.
	const cands: number[] = [];
	let ci = 0;
	let pending = nextCandidate(text, from + 1);
	let batchEnd = from;
	const markers: number[] = [];
	let mi = 0;
	let horizon = fences ? from : to;
	let at = from;
	let fenceEnd = -1;
	// The next candidate is the first whose colon is at or after `want`: after the last one
	// looked at, as a global regex would search, so one inside a longer token is passed
	// over; after a fence line; past fenced code.
	let want = from + 1;
	// The line of the last candidate that needed one: its start, its line break (or the
	// text's end; -2: not known yet), its end before any "\r" and within `to`, and where a
	// line-start token must begin on it (-2: not found yet).
	let ls = from;
	let nl = -2;
	let le = -1;
	let startPos = -2;
	// A code span, link or URL can only hold a token when it starts before the token's
	// end: at a `, [, < or $ (or a "://" before it), or as a URL whose scheme the token
	// begins. So the line is read up to the token (`checkedTo`, once per line: linear)
	// and its ranges are computed only when such a character is there (`opener`).
	// A token's own characters (digits, and colons before digits) are none of these.
	let excluded: number[] | null = null;
	let exIdx = 0;
	let checkedTo = ls;
	let opener = false;
	let blocks: BlockContext | null = null;
	// Lines before this are known not to end the quote or list item of the open fence.
	let containedTo = from;
	for (;;) {
		let colon = -1;
		for (;;) {
			while (ci < cands.length && (cands[ci] as number) < want) ci++;
			if (ci < cands.length) {
				colon = cands[ci] as number;
				break;
			}
			if (pending !== -1 && pending < want) pending = nextCandidate(text, want);
			if (pending === -1) break;
			cands.length = 0;
			ci = 0;
			batchEnd = pending + BATCH < to ? pending + BATCH : to;
			do {
				cands.push(pending);
				pending = nextCandidate(text, pending + 1);
			} while (pending !== -1 && pending < batchEnd);
		}
		// The fence lines before the candidate (once none is left, all of them before `to`)
		// open or close fences. One loop for both, in locals: no code that only the end of a
		// scan reaches (optimized code would be thrown away there, on every call).
		const limit = colon === -1 || colon > to ? to : colon;
		// The next marker (-1: none before `horizon`, which is at `limit` or past it).
		let nextMarker = -1;
		for (;;) {
			while (mi < markers.length && (markers[mi] as number) < at) mi++;
			if (mi === markers.length) {
				const a = at > horizon ? at : horizon;
				if (a >= limit) {
					nextMarker = -1;
					break;
				}
				horizon = batchEnd < limit ? limit : batchEnd < to ? batchEnd : to;
				markers.length = 0;
				mi = 0;
				fenceMarkers(text, a, horizon, markers);
				continue;
			}
			nextMarker = markers[mi] as number;
			if (nextMarker >= limit) break;
			// A fence line when the marker starts the line's content; then on past the line.
			const k = fenceLineStart(text, from, nextMarker);
			if (k !== -1) {
				let end = text.indexOf("\n", nextMarker);
				if (end === -1 || end > to) end = to;
				// A quote or list item that ended above this line, or on it, closed the fence it held.
				if (fence !== null && isContained(fence) && containerEndIn(text, Math.max(from, fenceEnd + 1, containedTo), end, fence) !== -1) fence = null;
				const before = fence;
				fence = fenceLineEffect(text, k, end, fence);
				if (fence !== null && fence !== before) fence = settleFence(text, from, k, fence);
				fenceEnd = end;
				at = end;
			} else {
				at = nextMarker + 3;
			}
		}
		if (colon === -1) break;
		const c = colon;
		// A fence line holds no token.
		if (c < fenceEnd) {
			want = fenceEnd + 1;
			continue;
		}
		if (fence !== null && isContained(fence)) {
			// Fenced code in a quote or list item ends with it: read the lines up to this one.
			let lineEnd = text.indexOf("\n", c);
			if (lineEnd === -1 || lineEnd > to) lineEnd = to;
			if (containerEndIn(text, Math.max(from, fenceEnd + 1, containedTo), lineEnd, fence) !== -1) fence = null;
			else {
				containedTo = lineEnd + 1;
				want = c + 1;
				continue;
			}
		}
		if (fence !== null) {
			// In fenced code nothing counts before the next marker (none before `horizon`).
			if (nextMarker === -1 && horizon >= to) break;
			want = nextMarker !== -1 ? nextMarker : horizon > c ? horizon : c + 1;
			continue;
		}
		const m = c + 3;
		// The candidate must end by `to` (and so must every later one).
		if (m > to) break;
		// The token's first digits (at most four are read) and their value.
		let s = c - 1;
		let v = text.charCodeAt(s) - 48;
		for (let scale = 10; s > from && c - s < 4; scale *= 10) {
			const d = text.charCodeAt(s - 1);
			if (d < 48 || d > 57) break;
			v += (d - 48) * scale;
			s--;
		}
		const d1 = c - s;
		const mm = twoDigits(text, c + 1);
		// Read whatever `to` is: a ":d" just past `to` still makes `M:SS` part of something longer.
		const x = text.charCodeAt(m);
		let e = m;
		let seconds = -1;
		if (x === COLON && m + 2 < to && isDigit(text.charCodeAt(m + 1)) && isDigit(text.charCodeAt(m + 2))) {
			e = m + 3;
			const ss = twoDigits(text, m + 1);
			if (d1 <= 2 && ss <= 59) seconds = v * 3600 + mm * 60 + ss;
		} else if (d1 <= 3 && !(x === COLON && isDigit(text.charCodeAt(m + 1)))) {
			seconds = v * 60 + mm;
		}
		want = e + 1;
		if (seconds < 0) continue;
		// Glued to a word, or part of a longer number or time: not a token.
		const next = e >= to ? -1 : e === m ? x : text.charCodeAt(e);
		if (isWordChar(next) || ((next === COLON || next === 46 || next === 44) && e + 1 < to && isDigit(text.charCodeAt(e + 1)))) continue;
		// The token's line: the one looked at last, or a later one. A token holds no line break.
		if (c > nl) {
			if (nl === -2) {
				nl = text.indexOf("\n", from);
				if (nl === -1) nl = text.length;
			}
			if (c > nl) {
				// text[nl] is a line break before the token: the search back stops there at the latest.
				ls = text.charCodeAt(s - 1) === 10 ? s : text.lastIndexOf("\n", s - 1) + 1;
				nl = text.indexOf("\n", e);
				if (nl === -1) nl = text.length;
			}
			const end = nl > to ? to : nl;
			le = end > ls && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
			startPos = -2;
			excluded = null;
			exIdx = 0;
			checkedTo = ls;
			opener = false;
		}
		// Where it counts: first on the line (after any list marker, checkbox, `[` or `(`),
		// or wrapped in […] or (…). A token that starts the line is first on it.
		const lineCounts = ls > from || firstLineAtStart;
		if (s !== ls || !lineCounts) {
			if (startPos === -2) startPos = lineCounts ? lineStartTokenPos(text, ls, le) : -1;
			if (s !== startPos && !(s > from && isWrapped(text, s, e))) continue;
		}
		if (excluded === null) {
			while (!opener && checkedTo < s) {
				const ch = text.charCodeAt(checkedTo);
				opener = ch === BACKTICK || ch === 91 || ch === 60 || ch === 36 || (ch === COLON && text.charCodeAt(checkedTo + 1) === 47);
				checkedTo++;
			}
			if (!opener && checkedTo < e) checkedTo = e;
			if (opener || schemeAfter(text, e, le)) excluded = excludedRanges(text, ls, le);
		}
		if (excluded !== null) {
			while (exIdx < excluded.length && (excluded[exIdx + 1] as number) <= s) exIdx += 2;
			if (exIdx < excluded.length && (excluded[exIdx] as number) < e) continue;
		}
		// Raw HTML, or a span an earlier line of the paragraph opened (not for rendered fragments: no blocks there).
		if (fences) {
			blocks ??= BLOCKS.reset(text, from, to);
			// The common case without a call: a line that starts with its token, right below the
			// last token's line of paragraph text, no span open (`BlockContext.continues`).
			const le0 = blocks.lastEnd;
			if (s === ls && blocks.continues && (text.charCodeAt(le0) === 10 ? le0 + 1 : text.charCodeAt(le0 + 1) === 10 ? le0 + 2 : -1) === ls) {
				blocks.lastLine = ls;
				blocks.lastEnd = le;
			} else if (blocks.excludes(s, e, ls, le)) continue;
		}
		out.push({ text: text.slice(s, e), seconds, label: labelAfter(text, e, le), from: s, to: e });
	}
	// The fence still open at `to`, unless its quote or list item ended after its last fence line.
	if (fence !== null && isContained(fence) && containerEndIn(text, Math.max(from, fenceEnd + 1, containedTo), to, fence) !== -1) fence = null;
	blocks?.release();
	return { timestamps: out, fence };
}

/**
 * The tokens of a scan of `text` from `from` (line `line` there; tokens in text order), with
 * their lines and columns: one forward pass over the line breaks up to the last token.
 */
export function locateTimestamps(text: string, tokens: readonly TimestampToken[], from = 0, line = 1): Timestamp[] {
	const out: Timestamp[] = [];
	let ls = from;
	let nl = tokens.length === 0 ? -1 : text.indexOf("\n", from);
	for (const t of tokens) {
		while (nl !== -1 && nl < t.from) {
			line++;
			ls = nl + 1;
			nl = text.indexOf("\n", ls);
		}
		out.push({ text: t.text, seconds: t.seconds, label: t.label, line, column: t.from - ls + 1, from: t.from, to: t.to });
	}
	return out;
}

/** Characters of text searched for candidates, then for fence markers, at a time. */
const BATCH = 32768;

/** Fills `out` (empty) with the start of every ``` and ~~~ that starts in `[a, b)`, in order. */
function fenceMarkers(text: string, a: number, b: number, out: number[]): void {
	if (a >= b) return;
	// A long slice shares the text's characters: nothing is copied.
	const part = text.slice(a, b + 2);
	for (let i = part.indexOf("```"); i !== -1; i = part.indexOf("```", i + 1)) out.push(a + i);
	const ticks = out.length;
	for (let i = part.indexOf("~~~"); i !== -1; i = part.indexOf("~~~", i + 1)) out.push(a + i);
	if (ticks > 0 && out.length > ticks) out.sort((x, y) => x - y);
}

/** The fence open after the fence line `[ls, end)` (end: its line break, or `to`), given the one open before it. */
function fenceLineEffect(text: string, ls: number, end: number, fence: Fence | null): Fence | null {
	const le = end > ls && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
	return fenceAfterLine(text, ls, le, fence);
}

/** The colon of the first candidate `d:dd` (seconds tens 0–5) whose colon is at or after `i`, or -1. */
function nextCandidate(text: string, i: number): number {
	let c = text.indexOf(":", i);
	while (c !== -1) {
		const a = text.charCodeAt(c - 1);
		if (a >= 48 && a <= 57) {
			const b = text.charCodeAt(c + 1);
			if (b >= 48 && b <= 53 && isDigit(text.charCodeAt(c + 2))) return c;
		}
		c = text.indexOf(":", c + 1);
	}
	return -1;
}

/** True when scheme characters then "://" follow `e` on the line: a bare URL would start in the token. */
function schemeAfter(text: string, e: number, le: number): boolean {
	let i = e;
	while (i < le && isSchemeChar(text.charCodeAt(i))) i++;
	return i < le && text.charCodeAt(i) === COLON && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47;
}

function isSchemeChar(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/**
 * The start of the line whose content begins at `marker` (after blanks, `>` and one list
 * marker such as `- ` or `1. `), or -1 when something else comes first. Looks back over
 * those characters only (a few), never along the whole line.
 */
function fenceLineStart(text: string, from: number, marker: number): number {
	let k = marker;
	while (k > from && isQuoteOrBlank(text.charCodeAt(k - 1))) k--;
	if (k === from || text.charCodeAt(k - 1) === 10) return k;
	// A list marker, then at least one blank, before the fence.
	if (k === marker || !isBlank(text.charCodeAt(k))) return -1;
	const c = text.charCodeAt(k - 1);
	if (c === 45 || c === 42 || c === 43) k--;
	else if (c === 46 || c === 41) {
		let d = k - 1;
		while (d > from && isDigit(text.charCodeAt(d - 1)) && k - 1 - d < 9) d--;
		if (d === k - 1) return -1;
		k = d;
	} else return -1;
	while (k > from && isQuoteOrBlank(text.charCodeAt(k - 1))) k--;
	return k === from || text.charCodeAt(k - 1) === 10 ? k : -1;
}

/** Line starts (sorted) of the lines in `[from, to)` that begin, after blanks, `>` and a list marker, with ``` or ~~~. */
export function fenceLineStarts(text: string, from: number, to: number): number[] {
	const lines: number[] = [];
	for (const marker of ["```", "~~~"]) {
		let i = text.indexOf(marker, from);
		while (i !== -1 && i < to) {
			const k = fenceLineStart(text, from, i);
			if (k !== -1) lines.push(k);
			const nl = text.indexOf("\n", i);
			if (nl === -1) break;
			i = text.indexOf(marker, nl + 1);
		}
	}
	return lines.length > 1 ? lines.sort((a, b) => a - b) : lines;
}

function isQuoteOrBlank(c: number): boolean {
	return c === 32 || c === 9 || c === 62;
}

/** Where a line-start token must begin: after indentation, `>`, a list marker, a checkbox and one `[`/`(`. */
function lineStartTokenPos(text: string, ls: number, le: number): number {
	let i = ls;
	while (i < le && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 62)) i++;
	i = afterListMarker(text, i, le);
	// A task checkbox: `- [ ] 1:00`, `- [x] 1:00` (also as rendered text, where the marker is gone).
	if (text.charCodeAt(i) === 91 && text.charCodeAt(i + 2) === 93 && isBlank(text.charCodeAt(i + 3)) && !isDigit(text.charCodeAt(i + 1))) {
		i += 3;
		while (i < le && isBlank(text.charCodeAt(i))) i++;
	}
	const b = text.charCodeAt(i);
	if (b === 91 /* [ */ || b === 40 /* ( */) i++;
	return i;
}

function twoDigits(text: string, at: number): number {
	return (text.charCodeAt(at) - 48) * 10 + (text.charCodeAt(at + 1) - 48);
}

function isWrapped(text: string, s: number, e: number): boolean {
	const before = text.charCodeAt(s - 1);
	const after = text.charCodeAt(e);
	return (before === 91 && after === 93) || (before === 40 && after === 41);
}

/** Separators between a token and its label: spaces, `-`, `–`, `—`, `:` and closing brackets. */
function labelAfter(text: string, e: number, le: number): string {
	let i = e;
	while (i < le) {
		const c = text.charCodeAt(i);
		if (c === 45 || c === 0x2013 || c === 0x2014 || c === COLON || c === 93 || c === 41 || isSpace(c)) i++;
		else break;
	}
	let j = le;
	while (j > i && isSpace(text.charCodeAt(j - 1))) j--;
	return i === j ? "" : text.slice(i, j);
}

// ── notes and fragments ────────────────────────────────────────────────────────

/** Offset and 1-based line where a note's body starts (after the frontmatter and its line break). */
export function bodyStart(text: string): { from: number; line: number } {
	const block = locateFrontmatter(text);
	if (!block) return { from: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1 };
	const nl = text.indexOf("\n", block.end);
	return nl === -1 ? { from: text.length, line: block.endLine + 1 } : { from: nl + 1, line: block.endLine + 2 };
}

/** Every timestamp of a note, outside frontmatter and fenced code; lines are 1-based in the file. */
export function findTimestamps(text: string): Timestamp[] {
	const body = bodyStart(text);
	if (body.from >= text.length) return [];
	return locateTimestamps(text, scanTimestamps(text, { from: body.from }).timestamps, body.from, body.line);
}

/**
 * Timestamps of a rendered text fragment (a reading-view text node): lines split at `\n`,
 * no fences. `atLineStart` says whether the fragment begins a line of its block.
 */
export function findTimestampsInFragment(fragment: string, atLineStart = true): Timestamp[] {
	return locateTimestamps(fragment, scanTimestamps(fragment, { fences: false, firstLineAtStart: atLineStart }).timestamps);
}

/** The YouTube video of a note: its frontmatter `url`, when that is a video URL. */
export function videoIdOfNote(text: string): string | null {
	const video = noteVideo(text);
	return video.ok ? video.videoId : null;
}

/** The note's video (null when its `url` is not a YouTube video), or why its frontmatter cannot be read. */
export function noteVideo(text: string): { ok: true; videoId: string | null } | { ok: false; reason: string } {
	const fm = readFrontmatter(text);
	if (!fm.ok) return { ok: false, reason: fm.reason };
	return { ok: true, videoId: fm.data ? videoIdFromUrl(fm.data.url) : null };
}

// ── linkify ────────────────────────────────────────────────────────────────────

/** Splices rewriting every timestamp as `[8:36](seek URL)`; already-linked ones are not timestamps. */
export function linkifySplices(text: string, videoId: string): TextSplice[] {
	return findTimestamps(text).map((t) => ({ from: t.from, to: t.to, insert: `[${t.text}](${seekUrl(videoId, t.seconds)})` }));
}

/** Apply non-overlapping splices (any order) to a text. */
export function applySplices(text: string, splices: readonly TextSplice[]): string {
	const sorted = [...splices].sort((a, b) => a.from - b.from);
	const parts: string[] = [];
	let at = 0;
	for (const s of sorted) {
		parts.push(text.slice(at, s.from), s.insert);
		at = s.to;
	}
	parts.push(text.slice(at));
	return parts.join("");
}

export type LinkifyResult =
	| { ok: true; text: string; videoId: string | null; linked: number }
	| { ok: false; reason: string };

/**
 * The note with its timestamps as seek links. No video: unchanged (linked 0). Malformed
 * frontmatter: refused. Idempotent: linked tokens are inside links and are skipped.
 */
export function linkifyNote(text: string): LinkifyResult {
	const video = noteVideo(text);
	if (!video.ok) return { ok: false, reason: `malformed frontmatter: ${video.reason}` };
	const videoId = video.videoId;
	if (videoId === null) return { ok: true, text, videoId: null, linked: 0 };
	const splices = linkifySplices(text, videoId);
	return { ok: true, text: applySplices(text, splices), videoId, linked: splices.length };
}
