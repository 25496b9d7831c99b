/**
 * The fast reader of flat frontmatter (docs/reference.md §2): `key: scalar` lines and block
 * lists of scalars, the shape nearly every note has, read without a YAML parser. Anything
 * else is FALLBACK, and the caller parses it with the YAML library.
 */
/** A note's frontmatter as read: keys to values. */
export type FrontmatterData = Record<string, unknown>;

export const FALLBACK: unique symbol = Symbol("fallback");

/**
 * Characters YAML treats differently from a plain line reader: tabs, a lone CR, control
 * characters, BOM and Unicode line separators. Any of them → the `yaml` package decides.
 */
// eslint-disable-next-line no-control-regex -- control characters are exactly what this looks for
const UNUSUAL_CHAR = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028\u2029\ufeff]/;
const LONE_CR = /\r(?!\n)/;
/** One character class scans faster than an alternation; most notes have no CR to check. */
function hasUnusual(text: string): boolean {
	return UNUSUAL_CHAR.test(text) || (text.includes("\r") && LONE_CR.test(text));
}
/** Blank for YAML: spaces only (JS `trim` would also eat NBSP and other Unicode spaces). */
const BLANK = /^ *$/;
/** Keys the YAML core schema reads as null or booleans (`toJS` makes them "" / "true" / "false"). */
const SPECIAL_KEY = /^(?:null|Null|NULL|True|TRUE|False|FALSE)$/;

function isKeyStart(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isKeyChar(c: number): boolean {
	return isKeyStart(c) || (c >= 48 && c <= 57) || c === 45;
}

/** Offset after a run of spaces from `i` (not past `end`). */
function skipSpaces(text: string, i: number, end: number): number {
	while (i < end && text.charCodeAt(i) === 32) i++;
	return i;
}

/** End of the line starting at `from` (before its `\r\n` or `\n`; at most `to`), and where the next one starts. */
function lineEndOf(text: string, from: number, to: number): number {
	const nl = text.indexOf("\n", from);
	const end = nl === -1 || nl > to ? to : nl;
	return end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
}

function nextLineStart(text: string, from: number, to: number): number {
	const nl = text.indexOf("\n", from);
	return nl === -1 || nl >= to ? to + 1 : nl + 1;
}

/** A line YAML skips: only spaces, or a comment (`#` first). */
function isSkipped(text: string, start: number, end: number): boolean {
	return text.charCodeAt(start) === 35 /* # */ || skipSpaces(text, start, end) === end;
}

/** `[ ]*-` then the end or a space: the line is a block-list item (what ITEM_LINE matches). */
function isItemLine(text: string, start: number, end: number): boolean {
	const dash = skipSpaces(text, start, end);
	return text.charCodeAt(dash) === 45 /* - */ && dash < end && (dash + 1 === end || text.charCodeAt(dash + 1) === 32);
}

/**
 * The reader walks the text by offsets — no array of lines, no string per line: only keys
 * and values are sliced out. Same grammar as KEY_LINE / ITEM_LINE: `key[ ]*:` then the end
 * or spaces and the value; `[ ]*-` then the end or spaces and the item. A vault scan reads
 * ~35 lines per note, so per-line strings and regexes add up.
 */
export function readFlatYaml(yamlText: string): FrontmatterData | null | typeof FALLBACK {
	return readFlatYamlIn(yamlText, 0, yamlText.length);
}

/** `readFlatYaml` of `text.slice(from, to)`, read in place. */
export function readFlatYamlIn(text: string, from: number, to: number): FrontmatterData | null | typeof FALLBACK {
	if (hasUnusual(from === 0 && to === text.length ? text : text.slice(from, to))) return FALLBACK;
	// Keys and values in order; the object is built at the end (see `shaped`).
	const keys: string[] = [];
	const values: unknown[] = [];
	const seen = new Set<string>();
	let list: unknown[] | null = null;
	let listIndent = -1;
	for (let start = from; start <= to; ) {
		const end = lineEndOf(text, start, to);
		const lineStart = start;
		start = nextLineStart(text, end, to);
		if (isSkipped(text, lineStart, end)) continue;
		if (list !== null) {
			const dash = skipSpaces(text, lineStart, end);
			const afterDash = dash + 1;
			if (text.charCodeAt(dash) === 45 /* - */ && (afterDash === end || text.charCodeAt(afterDash) === 32)) {
				if (listIndent === -1) listIndent = dash - lineStart;
				if (dash - lineStart !== listIndent || afterDash === end) return FALLBACK;
				const itemStart = skipSpaces(text, afterDash, end);
				if (itemStart === end || text.charCodeAt(itemStart) === 35) return FALLBACK;
				const value = readScalar(text.slice(itemStart, end));
				if (value === FALLBACK) return FALLBACK;
				list.push(value);
				continue;
			}
			list = null;
		}
		if (!isKeyStart(text.charCodeAt(lineStart))) return FALLBACK;
		let k = lineStart + 1;
		while (k < end && isKeyChar(text.charCodeAt(k))) k++;
		const colon = skipSpaces(text, k, end);
		if (colon === end || text.charCodeAt(colon) !== 58 /* : */) return FALLBACK;
		let valueStart = end;
		if (colon + 1 < end) {
			if (text.charCodeAt(colon + 1) !== 32) return FALLBACK;
			valueStart = skipSpaces(text, colon + 1, end);
		}
		const key = text.slice(lineStart, k);
		if (key === "__proto__" || (k - lineStart <= 5 && SPECIAL_KEY.test(key))) return FALLBACK;
		if (seen.has(key)) return FALLBACK;
		seen.add(key);
		keys.push(key);
		if (valueStart === end || text.charCodeAt(valueStart) === 35) {
			// `key:` alone: null, or a block list on the following lines.
			let next = start;
			while (next <= to && isSkipped(text, next, lineEndOf(text, next, to))) next = nextLineStart(text, next, to);
			if (next <= to && isItemLine(text, next, lineEndOf(text, next, to))) {
				list = [];
				listIndent = -1;
				values.push(list);
			} else if (next <= to && text.charCodeAt(next) === 32) {
				return FALLBACK;
			} else {
				values.push(null);
			}
			continue;
		}
		const value = readScalar(text.slice(valueStart, end));
		if (value === FALLBACK) return FALLBACK;
		values.push(value);
	}
	if (keys.length === 0) return null;
	const data: FrontmatterData = {};
	for (let i = 0; i < keys.length; i++) data[keys[i] as string] = values[i];
	return data;
}

const INT = /^[-+]?[0-9]+$/;
/** Plain scalars the YAML 1.2 core schema reads as numbers (other than plain ints). */
const NUMBERISH = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * One scalar on one line (after `key: ` or `- `), or FALLBACK when unsure.
 */
export function readScalar(rawValue: string): unknown {
	let end = rawValue.length;
	while (end > 0 && rawValue.charCodeAt(end - 1) === 32) end--;
	let raw = end === rawValue.length ? rawValue : rawValue.slice(0, end);
	const c = raw.charCodeAt(0);
	if (c === 34 /* " */) return readDoubleQuoted(raw);
	if (c === 39 /* ' */) return readSingleQuoted(raw);
	// A plain scalar ends where ` #` starts a comment (`cadence: evergreen # why`).
	const comment = raw.indexOf(" #");
	if (comment !== -1) raw = raw.slice(0, comment).replace(/ +$/, "");
	if (raw === "[]") return [];
	if (raw === "{}") return {};
	if (raw.includes(": ") || raw.charCodeAt(raw.length - 1) === 58 /* : */) return FALLBACK;
	const first = raw.charCodeAt(0);
	if (isNumericStart(first)) {
		if (INT.test(raw)) return raw.replace(/^[-+]/, "").length <= 15 ? Number(raw) : FALLBACK;
		if (NUMBERISH.test(raw) || !(first >= 48 && first <= 57)) return FALLBACK;
		return raw;
	}
	if (isUnsafePlainStart(first)) return FALLBACK;
	switch (raw) {
		case "null": case "Null": case "NULL": case "~": return null;
		case "true": case "True": case "TRUE": return true;
		case "false": case "False": case "FALSE": return false;
	}
	return raw;
}

/** `[-+.0-9]`: a number, or a plain scalar this reader leaves to `yaml` (`.5`, `-x`, `.inf`…). */
function isNumericStart(c: number): boolean {
	return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46;
}

/** `` [-?:,[\]{}#&*!|>'"%@`] ``: indicators a plain scalar cannot start with here. */
function isUnsafePlainStart(c: number): boolean {
	switch (c) {
		case 45: case 63: case 58: case 44: case 91: case 93: case 123: case 125: case 35: case 38:
		case 42: case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
			return true;
	}
	return false;
}

/** After a closing quote: nothing, spaces, or spaces then a comment. */
function trailingOk(raw: string, from: number): boolean {
	if (from === raw.length) return true;
	const rest = raw.slice(from);
	return BLANK.test(rest) || /^[ ]+#/.test(rest);
}

const ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", n: "\n", t: "\t", r: "\r", "0": "\0" };

/** Whole runs between quotes and escapes are sliced at once: no per-character string building. */
function readDoubleQuoted(raw: string): unknown {
	let out = "";
	let from = 1;
	let escape = raw.indexOf("\\", from);
	for (;;) {
		const quote = raw.indexOf('"', from);
		if (quote === -1) return FALLBACK; // not closed on this line: multi-line scalar
		if (escape === -1 || quote < escape) {
			if (!trailingOk(raw, quote + 1)) return FALLBACK;
			// No escape at all (most values): one slice.
			if (from === 1) return raw.slice(1, quote);
			out += raw.slice(from, quote);
			return out;
		}
		const next = raw[escape + 1];
		const replacement = next === undefined ? undefined : ESCAPES[next];
		if (replacement === undefined) return FALLBACK;
		out += raw.slice(from, escape) + replacement;
		from = escape + 2;
		escape = raw.indexOf("\\", from);
	}
}

function readSingleQuoted(raw: string): unknown {
	let out = "";
	let from = 1;
	for (;;) {
		const quote = raw.indexOf("'", from);
		if (quote === -1) return FALLBACK;
		out += raw.slice(from, quote);
		if (raw.charCodeAt(quote + 1) === 39 /* ' */) {
			out += "'";
			from = quote + 2;
			continue;
		}
		if (!trailingOk(raw, quote + 1)) return FALLBACK;
		return out;
	}
}
