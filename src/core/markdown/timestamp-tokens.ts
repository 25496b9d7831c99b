/**
 * The timestamp token (docs/reference.md §6): `M:SS`, `MM:SS`, `MMM:SS`, `H:MM:SS`, `HH:MM:SS`,
 * not glued to a word or part of a longer number; where on a line it counts (first on the
 * line after a list marker, checkbox, `[` or `(`, or wrapped in `[…]`/`(…)`) and its label.
 */
import { afterListMarker, isBlank, isDigit } from "./blocks/lines";

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

const COLON = 58;

/** Seconds of a token (`M:SS` … `HH:MM:SS`), or null when it is not a valid timestamp. */
export function parseTimestamp(token: string): number | null {
	const m = /^(?:(\d{1,2}):([0-5]\d):([0-5]\d)|(\d{1,3}):([0-5]\d))$/.exec(token);
	if (!m) return null;
	if (m[1] !== undefined) return Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
	return Number(m[4]) * 60 + Number(m[5]);
}

/** Whitespace `trim()` removes (other than line breaks): ASCII blanks, NBSP, the Unicode spaces, BOM. */
function isSpace(c: number): boolean {
	if (c < 0x80) return c === 32 || c === 9 || c === 11 || c === 12;
	return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** ASCII letters, digits and `_`: a token glued to one of these is a word, not a time. */
function isWordChar(c: number): boolean {
	return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/** The token around the candidate colon `c` within `[from, to)`, into `out`: its start, end and seconds (-1: no token; `e`: where to search on). */
export function tokenAt(text: string, c: number, from: number, to: number, out: { s: number; e: number; seconds: number }): void {
	const m = c + 3;
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
	// Glued to a word, or part of a longer number or time: not a token.
	const next = e >= to ? -1 : text.charCodeAt(e);
	if (seconds >= 0 && (isWordChar(next) || ((next === COLON || next === 46 || next === 44) && e + 1 < to && isDigit(text.charCodeAt(e + 1))))) seconds = -1;
	out.s = s;
	out.e = e;
	out.seconds = seconds;
}

export function nextCandidate(text: string, i: number): number {
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
export function schemeAfter(text: string, e: number, le: number): boolean {
	let i = e;
	while (i < le && isSchemeChar(text.charCodeAt(i))) i++;
	return i < le && text.charCodeAt(i) === COLON && text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47;
}
function isSchemeChar(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}
export function lineStartTokenPos(text: string, ls: number, le: number): number {
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
export function isWrapped(text: string, s: number, e: number): boolean {
	const before = text.charCodeAt(s - 1);
	const after = text.charCodeAt(e);
	return (before === 91 && after === 93) || (before === 40 && after === 41);
}
export function labelAfter(text: string, e: number, le: number): string {
	let i = e;
	// The bold that closes a speaker label (`**Name 01:16**`): not part of the label.
	while (i < le && (text.charCodeAt(i) === 42 || text.charCodeAt(i) === 95)) i++;
	if (i > e + 2) i = e;
	while (i < le) {
		const c = text.charCodeAt(i);
		// A backslash before `]` is an escaped bracket's (`\[05:47\]`).
		if (c === 45 || c === 0x2013 || c === 0x2014 || c === COLON || c === 93 || c === 41 || isSpace(c) || (c === 92 && text.charCodeAt(i + 1) === 93)) i++;
		else break;
	}
	let j = le;
	while (j > i && isSpace(text.charCodeAt(j - 1))) j--;
	return i === j ? "" : text.slice(i, j);
}
