/**
 * Fenced code (CommonMark 4.5, docs/reference.md §6): which line opens a fence, which closes
 * it, and where the quote or list item holding it ends it. The one place these rules live:
 * the block reader, the timestamp scan and Live Preview all read fences through here.
 */
import { BACKTICK, RULE_LINE, TILDE, afterListMarker, isBlank, isDigit, isQuoteOrBlank, quoteMarkers, skipBlanks } from "./lines";

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
	for (let ls = from; ls < to; ) {
		const nl = text.indexOf("\n", ls);
		const stop = nl === -1 || nl > to ? to : nl;
		const le = stop > ls && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
		if (endsContainer(text, ls, le, fence)) return ls;
		if (nl === -1) break;
		ls = nl + 1;
	}
	return -1;
}

/** The line `[ls, le)` ends the quote or list item holding `fence` (see `containerEndIn`). */
export function endsContainer(text: string, ls: number, le: number, fence: Fence): boolean {
	// Only the fence's own quote markers: a `>` past them is code (`>>> x`), not a deeper quote.
	const q = quoteMarkers(text, ls, le, fence.quotes);
	if (q.quotes < fence.quotes) return true;
	const container = fence.container ?? 0;
	if (container === 0) return false;
	const i = skipBlanks(text, q.at, le);
	return i < le && i - q.at < container;
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

