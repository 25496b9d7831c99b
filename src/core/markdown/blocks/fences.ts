/**
 * Fenced code (CommonMark 4.5, docs/reference.md §6): which line opens a fence, which closes
 * it, and where the quote or list item holding it ends it. The one place these rules live:
 * the block reader, the timestamp scan and Live Preview all read fences through here.
 */
import { BACKTICK, TILDE, afterListMarker, isBlank, quoteMarkers, skipBlanks } from "./lines";

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

/** The fence is inside a block quote or a list item, which can end before it closes. */
export function isContained(fence: Fence): boolean {
	return fence.quotes > 0 || (fence.container ?? 0) > 0;
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
