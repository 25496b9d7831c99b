/**
 * The line-level reading every block rule shares (docs/reference.md §6): block-quote markers,
 * list markers, blanks, thematic breaks. CommonMark's container syntax, nothing more.
 */

export const BACKTICK = 96;
export const TILDE = 126;

export function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

export function isBlank(c: number): boolean {
	return c === 32 || c === 9;
}

/** After blanks and `>`: past a list marker (`-`, `*`, `+`, `1.`, `1)`) and the blanks after it, when there is one. */
export function afterListMarker(text: string, i: number, lineTo: number): number {
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
export function quoteMarkers(text: string, lineFrom: number, lineTo: number, max = Infinity): { quotes: number; at: number } {
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

export function skipBlanks(text: string, i: number, lineTo: number): number {
	while (i < lineTo && isBlank(text.charCodeAt(i))) i++;
	return i;
}

/** A setext underline or thematic break: the paragraph above it ends there. */
export const RULE_LINE = /^ {0,3}(?:-+|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|(?:-[ \t]*){3,})[ \t]*$/;

export function isQuoteOrBlank(c: number): boolean {
	return c === 32 || c === 9 || c === 62;
}

/** Column of the first non-blank character of the line `[l, end)`. */
export function leadOf(text: string, l: number, end: number): number {
	let i = l;
	while (i < end && isBlank(text.charCodeAt(i))) i++;
	return i - l;
}

/** The end of the line starting at `l` (before `\r\n` or `\n`; at most `to`). */
export function lineEndAt(text: string, l: number, to: number): number {
	const nl = text.indexOf("\n", l);
	const end = nl === -1 || nl > to ? to : nl;
	return end > l && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}
