/**
 * What on a Markdown line is not plain text for the timestamp scanner (docs/reference.md §6): inline
 * code, links, wikilinks and embeds, autolinks and bare URLs, inline HTML tags and math —
 * as ranges of the line. Pure and linear in the line's length.
 */

const BACKTICK = 96;
const COLON = 58;
const DOLLAR = 36;
const NONE: number[] = [];

function isBlank(c: number): boolean {
	return c === 32 || c === 9;
}

/** A blank or a line break: where a URL ends. */
function isBlankOrBreak(c: number): boolean {
	return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * Ranges of a line (sorted, disjoint, as flat [from, to, from, to…]) where a token does
 * not count: inline code, Markdown links and images (text and destination), reference
 * links, wikilinks and embeds, autolinks and bare URLs, HTML tags (a timestamp in an
 * attribute is no text, and a link written there would break the tag) and inline math
 * (`$…$`, `$$…$$`). Linear in the line's length.
 */
export function excludedRanges(text: string, ls: number, le: number): number[] {
	if (!mayHoldCodeOrLink(text, ls, le)) return NONE;
	// A link reference definition (`[label]: destination`) is a link as a whole line.
	if (isReferenceDefinition(text, ls, le)) return [ls, le];
	return spanRanges(text, ls, le);
}

/**
 * `excludedRanges` of a paragraph of several lines `[from, to)` (docs/reference.md §6): a code span, a
 * link's text, an HTML comment or an `<a>` link's text may run on from one line of a
 * paragraph to the next (CommonMark), and a token on the later line is inside it. A tag
 * itself, a URL and inline math end with their line.
 */
export function paragraphRanges(text: string, from: number, to: number): number[] {
	return mayHoldCodeOrLink(text, from, to) ? spanRanges(text, from, to, true) : NONE;
}

function spanRanges(text: string, ls: number, le: number, multiLine = false): number[] {
	const ranges: number[] = [];
	const code = codeSpans(text, ls, le);
	for (const r of code) ranges.push(r);
	linkRanges(text, ls, le, code, ranges);
	urlRanges(text, ls, le, ranges);
	htmlTagRanges(text, ls, le, code, ranges, multiLine);
	if (multiLine) return mergeRanges(ranges);
	mathRanges(text, ls, le, code, ranges);
	return mergeRanges(ranges);
}

/** `[label]: …` after at most three spaces (CommonMark's link reference definition; `>` quotes allowed before). */
function isReferenceDefinition(text: string, ls: number, le: number): boolean {
	let i = ls;
	while (i < le && text.charCodeAt(i) === 62 /* > */) {
		i++;
		if (text.charCodeAt(i) === 32) i++;
	}
	let spaces = 0;
	while (i < le && text.charCodeAt(i) === 32 && spaces < 4) {
		i++;
		spaces++;
	}
	if (spaces > 3 || text.charCodeAt(i) !== 91 /* [ */ || text.charCodeAt(i + 1) === 93) return false;
	for (let j = i + 1; j < le; j++) {
		const c = text.charCodeAt(j);
		if (c === 92 /* \ */) j++;
		else if (c === 91) return false;
		else if (c === 93) return text.charCodeAt(j + 1) === COLON && looksLikeDestination(text, j + 2, le);
	}
	return false;
}

/**
 * After `[label]:`, blanks then a destination that reads as one: `<…>`, a URL with a
 * scheme, or a path from `/`, `#` or `.`. So `[0:05]: https://…` is a definition, while
 * `[3:00]: Next` stays a timestamp with its label (docs/reference.md §6: `:` separates the label).
 */
function looksLikeDestination(text: string, from: number, le: number): boolean {
	let i = from;
	if (i < le && !isBlank(text.charCodeAt(i))) return false;
	while (i < le && isBlank(text.charCodeAt(i))) i++;
	const c = text.charCodeAt(i);
	if (c === 60 /* < */ || c === 47 /* / */ || c === 35 /* # */ || c === 46 /* . */) return true;
	let j = i;
	while (j < le && isSchemeChar(text.charCodeAt(j))) j++;
	return j > i && text.charCodeAt(j) === COLON && isAsciiLetter(c);
}

/** Quick test (one pass, no allocation): does the line hold a backtick, `[`, `<`, `$` or `://`? */
function mayHoldCodeOrLink(text: string, ls: number, le: number): boolean {
	for (let i = ls; i < le; i++) {
		const c = text.charCodeAt(i);
		if (c === BACKTICK || c === 91 || c === 60 || c === DOLLAR || (c === COLON && text.charCodeAt(i + 1) === 47)) return true;
	}
	return false;
}

/**
 * HTML tags on the line, outside code spans: `<name …>`, `</name>` and `<!-- … -->`, each
 * closed on the same line (a `>` inside a quoted attribute value does not close the tag).
 */
function htmlTagRanges(text: string, ls: number, le: number, code: number[], out: number[], multiLine = false): void {
	const cursor = { i: 0 };
	// Once a tag or comment runs to the end of the line unclosed, later ones are not looked
	// for: each search is then at most one pass over the rest of the line.
	let open = true;
	// Whether a `</a>` may still follow (none after one point: none after any later one).
	let closings = true;
	let lt = indexIn(text, 60, ls, le);
	while (lt !== -1 && open) {
		let end = -1;
		if (!inSpans(code, lt, cursor)) {
			if (text.startsWith("<!--", lt)) {
				const close = text.slice(lt + 4, le).indexOf("-->");
				if (close !== -1) end = lt + 4 + close + 3;
				else open = false;
			} else {
				const n = text.charCodeAt(lt + 1) === 47 /* / */ ? lt + 2 : lt + 1;
				if (isAsciiLetter(text.charCodeAt(n))) {
					end = tagEnd(text, n, le, multiLine);
					if (end === le + 1) {
						end = -1;
						open = false;
					} else if (end !== -1 && n === lt + 1 && isAnchorName(text, n) && closings) {
						// An HTML link: its text is inside an existing link, up to its `</a>`.
						const close = text.slice(end, le).toLowerCase().indexOf("</a>");
						if (close === -1) closings = false;
						else end = end + close + 4;
					}
				}
			}
		}
		if (end !== -1) out.push(lt, end);
		lt = indexIn(text, 60, end !== -1 ? end : lt + 1, le);
	}
}

/** The tag name starting at `n` is `a` (`<a>`, `<a href…>`). */
function isAnchorName(text: string, n: number): boolean {
	const c = text.charCodeAt(n);
	const next = text.charCodeAt(n + 1);
	return (c === 97 || c === 65) && (next === 62 || isBlank(next) || next === 47);
}

/**
 * Offset after the `>` closing a tag whose name starts at `from`; -1 at a `<` first (no
 * tag); `le + 1` when the line ends first.
 */
function tagEnd(text: string, from: number, le: number, multiLine = false): number {
	let quote = 0;
	for (let i = from; i < le; i++) {
		const c = text.charCodeAt(i);
		// Over several lines a tag ends with its line: `a<b` and a later `->` are no tag.
		if (c === 10 && multiLine) return -1;
		if (quote !== 0) {
			if (c === quote) quote = 0;
		} else if (c === 34 || c === 39) quote = c;
		else if (c === 62) return i + 1;
		else if (c === 60) return -1;
	}
	return le + 1;
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/**
 * Inline math outside code spans: `$$…$$`, and `$…$` whose content neither starts nor
 * ends with a space and whose closing `$` is not followed by a digit (so "$5 and $10"
 * is money, not math). An escaped `\$` opens and closes nothing.
 */
function mathRanges(text: string, ls: number, le: number, code: number[], out: number[]): void {
	// The dollars that can open or close: unescaped, outside code spans.
	const cursor = { i: 0 };
	const dollars: number[] = [];
	for (let d = indexIn(text, DOLLAR, ls, le); d !== -1; d = indexIn(text, DOLLAR, d + 1, le)) {
		if ((d > ls && text.charCodeAt(d - 1) === 92) || inSpans(code, d, cursor)) continue;
		dollars.push(d);
	}
	const closesInline = (j: number): boolean => {
		const next = text.charCodeAt(j + 1);
		return !isBlank(text.charCodeAt(j - 1)) && !(j + 1 < le && next >= 48 && next <= 57);
	};
	// A closer that serves one opener serves every earlier one: once a search finds none,
	// no later opener of that kind closes either (so the whole line is one pass).
	let doubles = true;
	let singles = true;
	let k = 0;
	while (k < dollars.length) {
		const d = dollars[k] as number;
		if (dollars[k + 1] === d + 1) {
			let j = k + 2;
			while (doubles && j + 1 < dollars.length && dollars[j + 1] !== (dollars[j] as number) + 1) j++;
			if (doubles && j + 1 < dollars.length) {
				out.push(d, (dollars[j] as number) + 2);
				k = j + 2;
				continue;
			}
			doubles = false;
			k += 2;
			continue;
		}
		if (singles && d + 1 < le && !isBlank(text.charCodeAt(d + 1))) {
			let j = k + 1;
			while (j < dollars.length && !closesInline(dollars[j] as number)) j++;
			if (j < dollars.length) {
				out.push(d, (dollars[j] as number) + 1);
				k = j + 1;
				continue;
			}
			singles = false;
		}
		k++;
	}
}

/** Inline code spans of a line: a run of n backticks closed by the next run of exactly n (flat [from, to, …]). */
export function codeSpans(text: string, ls: number, le: number): number[] {
	const runs: number[] = [];
	// Runs after a backslash: escaped, they open nothing, but one still closes a span (a
	// backslash inside code is literal: `C:\tools\` is a span).
	let escaped: Set<number> | null = null;
	let b = indexIn(text, BACKTICK, ls, le);
	while (b !== -1) {
		let n = b;
		while (n < le && text.charCodeAt(n) === BACKTICK) n++;
		if (b > ls && text.charCodeAt(b - 1) === 92 /* \ */) (escaped ??= new Set()).add(runs.length / 2);
		runs.push(b, n - b);
		b = indexIn(text, BACKTICK, n, le);
	}
	const spans: number[] = [];
	if (runs.length < 4) return spans;
	// nextSame[k]: index of the next run with the same length (one backward pass).
	const count = runs.length / 2;
	const nextSame = new Array<number>(count).fill(-1);
	const lastOfLength = new Map<number, number>();
	for (let k = count - 1; k >= 0; k--) {
		const len = runs[2 * k + 1] as number;
		nextSame[k] = lastOfLength.get(len) ?? -1;
		lastOfLength.set(len, k);
	}
	let k = 0;
	while (k < count) {
		const close = nextSame[k] as number;
		if (close === -1 || escaped?.has(k)) {
			k++;
			continue;
		}
		spans.push(runs[2 * k] as number, (runs[2 * close] as number) + (runs[2 * close + 1] as number));
		k = close + 1;
	}
	return spans;
}

function inSpans(spans: number[], at: number, cursor: { i: number }): boolean {
	while (cursor.i < spans.length && (spans[cursor.i + 1] as number) <= at) cursor.i += 2;
	return cursor.i < spans.length && (spans[cursor.i] as number) <= at;
}

/** Bracket pairs matched with a stack (outside code spans, unescaped), then classified. */
function linkRanges(text: string, ls: number, le: number, code: number[], out: number[]): void {
	const first = indexIn(text, 91, ls, le);
	if (first === -1) return;
	// close[i - first] = offset of the bracket closing the one at i, plus 1 (0: none). Typed
	// arrays, not Maps: a line of 100k brackets stays cheap.
	const close = new Int32Array(le - first + 1);
	const opened: number[] = [];
	const squares: number[] = [];
	const parens: number[] = [];
	const cursor = { i: 0 };
	for (let i = first; i < le; i++) {
		const c = text.charCodeAt(i);
		if (c !== 91 && c !== 93 && c !== 40 && c !== 41) continue;
		if (text.charCodeAt(i - 1) === 92 && i > ls) continue;
		if (inSpans(code, i, cursor)) continue;
		if (c === 91) squares.push(i);
		else if (c === 40) parens.push(i);
		else if (c === 93) {
			const open = squares.pop();
			if (open !== undefined) {
				close[open - first] = i + 1;
				opened.push(open);
			}
		} else {
			const open = parens.pop();
			if (open !== undefined) close[open - first] = i + 1;
		}
	}
	const closeOf = (open: number): number => (open >= first && open < le ? (close[open - first] as number) - 1 : -1);
	for (const open of opened) {
		const end = closeOf(open);
		// Wikilink / embed: `[[…]]` — the outer pair whose inner pair starts and ends right inside.
		if (text.charCodeAt(open + 1) === 91 && text.charCodeAt(end - 1) === 93 && closeOf(open + 1) === end - 1) {
			out.push(open, end + 1);
			continue;
		}
		const next = text.charCodeAt(end + 1);
		if (next === 40 || next === 91) {
			const after = closeOf(end + 1);
			if (after !== -1) out.push(open, after + 1);
		}
	}
}

/** Autolinks `<scheme:…>` and bare URLs `scheme://…` up to the next space. */
function urlRanges(text: string, ls: number, le: number, out: number[]): void {
	let i = indexOfSep(text, ls, le);
	while (i !== -1) {
		let s = i;
		while (s > ls && isSchemeChar(text.charCodeAt(s - 1))) s--;
		let e = i + 3;
		while (e < le && !isBlankOrBreak(text.charCodeAt(e)) && text.charCodeAt(e) !== 62 /* > */) e++;
		if (s < i) out.push(s, e);
		i = indexOfSep(text, e > i + 3 ? e : i + 3, le);
	}
	let lt = indexIn(text, 60, ls, le);
	while (lt !== -1) {
		let j = lt + 1;
		while (j < le && isSchemeChar(text.charCodeAt(j))) j++;
		if (j > lt + 2 && text.charCodeAt(j) === COLON) {
			let e = j + 1;
			while (e < le && text.charCodeAt(e) !== 62 && !isBlankOrBreak(text.charCodeAt(e)) && text.charCodeAt(e) !== 60) e++;
			if (text.charCodeAt(e) === 62) {
				out.push(lt, e + 1);
				lt = indexIn(text, 60, e + 1, le);
				continue;
			}
		}
		lt = indexIn(text, 60, lt + 1, le);
	}
}

/** Offset of the next `://` in [from, to), or -1. */
function indexOfSep(text: string, from: number, to: number): number {
	for (let i = indexIn(text, COLON, from, to); i !== -1; i = indexIn(text, COLON, i + 1, to)) {
		if (text.charCodeAt(i + 1) === 47 && text.charCodeAt(i + 2) === 47) return i;
	}
	return -1;
}

/** indexOf bounded to a line: never looks past `to` (an unbounded search would make scans quadratic). */
function indexIn(text: string, code: number, from: number, to: number): number {
	for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
	return -1;
}

function isSchemeChar(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 43 || c === 45 || c === 46;
}

/** Ranges given as flat [from, to, …] pairs in any order: sorted, overlapping ones merged. */
export function mergeRanges(flat: number[]): number[] {
	if (flat.length <= 2) return flat;
	const pairs: [number, number][] = [];
	for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i] as number, flat[i + 1] as number]);
	pairs.sort((a, b) => a[0] - b[0]);
	const out: number[] = [];
	for (const [f, t] of pairs) {
		const last = out.length - 1;
		if (last > 0 && f <= (out[last] as number)) out[last] = Math.max(out[last] as number, t);
		else out.push(f, t);
	}
	return out;
}
