/**
 * Frontmatter: locate the block as Obsidian does (BOM, CRLF, no closing `---` = no
 * frontmatter) and read it. Reading uses a one-pass reader for the flat subset SOURCE
 * notes use and falls back to the `yaml` package for anything else (docs/performance.md).
 * Byte-exact edits live in `frontmatter-edit.ts`.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";

export type FrontmatterData = Record<string, unknown>;

export interface Position {
	line: number;
	col: number;
	offset: number;
}

export interface FrontmatterBlock {
	/** Length of a leading UTF-8 BOM (0 or 1). */
	bom: number;
	/** Offset of the opening `---`. */
	start: number;
	/** Offset just after the closing `---` (Obsidian's `frontmatterPosition.end`). */
	end: number;
	/** Offset of the first byte of YAML (after the opening line's line break). */
	yamlStart: number;
	/** Offset of the start of the closing `---` line. */
	yamlEnd: number;
	/** Line break used by the block: `\r\n` or `\n`. */
	eol: string;
	/** Line number (0-based) of the closing `---`. */
	endLine: number;
}

export type ReadResult =
	| { ok: true; data: FrontmatterData | null; block: FrontmatterBlock | null }
	| { ok: false; reason: string; block: FrontmatterBlock };

const OPEN = /^---[ \t]*(\r?\n)/;

/**
 * Locate the frontmatter block. Returns null when the note has none: the first line
 * is not `---`, there is no closing `---`, or the block is empty (as in Obsidian).
 */
export function locateFrontmatter(text: string): FrontmatterBlock | null {
	const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const open = OPEN.exec(bom ? text.slice(1, 8) : text.slice(0, 7));
	if (!open) return null;
	const eol = open[1] ?? "\n";
	const yamlStart = bom + open[0].length;
	let lineStart = yamlStart;
	let line = 1;
	while (lineStart <= text.length) {
		let nl = text.indexOf("\n", lineStart);
		if (nl === -1) nl = text.length;
		const lineEnd = nl > lineStart && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
		if (text.startsWith("---", lineStart) && /^---[ \t]*$/.test(text.slice(lineStart, lineEnd))) {
			if (lineStart === yamlStart) return null;
			return { bom, start: bom, end: lineStart + 3, yamlStart, yamlEnd: lineStart, eol, endLine: line };
		}
		if (nl >= text.length) break;
		lineStart = nl + 1;
		line++;
	}
	return null;
}

/** Position of an offset, counted like Obsidian (0-based line and column). */
export function positionAt(text: string, offset: number): Position {
	let line = 0;
	let lineStart = 0;
	for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) {
		line++;
		lineStart = i + 1;
	}
	return { line, col: offset - lineStart, offset };
}

/**
 * True when the raw frontmatter has an `id:` line whose value starts with the prefix: a
 * top-level `id`, `"id"` or `'id'` key at the start of a line, a `"id"` key indented as in
 * JSON frontmatter, or an `id` key right after `{` or `,` (a flow map). An `id` nested under
 * another key (`meta:\n  id: …`) is not the note's id.
 */
export function looksLikeSource(yamlText: string, prefix: string): boolean {
	let re = looksCache.get(prefix);
	if (re === undefined) {
		re = new RegExp(`(?:^(?:id|"id"|'id')|^[ \\t]*"id"|[{,][ \\t]*(?:id|"id"|'id'))[ \\t]*:[ \\t]*["']?${escapeRegExp(prefix)}`, "m");
		looksCache.set(prefix, re);
	}
	return re.test(yamlText);
}

const looksCache = new Map<string, RegExp>();

export function escapeRegExp(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * Read the frontmatter of a note. Never throws: malformed YAML is `{ok: false}`. When
 * `text` is the frontmatter alone (the CLI decodes just that part of a note), the values
 * may point into it: there is no body for them to keep alive, so they are not copied.
 */
export function readFrontmatter(text: string): ReadResult {
	const block = locateFrontmatter(text);
	if (!block) return { ok: true, data: null, block: null };
	// Read in place (no slice: a sliced string's characters are read through its parent).
	const fast = readFlatYamlIn(text, block.yamlStart, block.yamlEnd, text.length > block.end + 2);
	if (fast !== FALLBACK) return { ok: true, data: fast, block };
	const parsed = parseYamlStrict(text.slice(block.yamlStart, block.yamlEnd));
	if (parsed.ok) return { ok: true, data: parsed.data, block };
	return { ok: false, reason: parsed.reason, block };
}

/** Aliases expanded past this count are an alias bomb. */
const MAX_ALIAS_COUNT = 50;
/** Flow collections nested deeper than this are refused before parsing (the parser recurses). */
const MAX_FLOW_DEPTH = 256;

/** The reference parse: the `yaml` package, strict, with alias-bomb protection. */
export function parseYamlStrict(yamlText: string): { ok: true; data: FrontmatterData | null } | { ok: false; reason: string } {
	const parsed = parseYamlDocument(yamlText);
	return parsed.ok ? { ok: true, data: parsed.data } : parsed;
}

/** The strict parse, keeping the `yaml` Document (with node ranges) for byte-exact edits. */
export function parseYamlDocument(
	yamlText: string,
): { ok: true; data: FrontmatterData | null; doc: Document } | { ok: false; reason: string } {
	try {
		if (flowDepthOver(yamlText, MAX_FLOW_DEPTH)) {
			return { ok: false, reason: `frontmatter nests lists or maps more than ${MAX_FLOW_DEPTH} levels deep` };
		}
		// Duplicate keys are checked below in one pass: the parser's own check is quadratic.
		// logLevel "error": a complex key (`? [a, b]`) is read as its text, without a Node process warning.
		const doc = parseDocument(yamlText, { uniqueKeys: false, prettyErrors: false, logLevel: "error" });
		const error = doc.errors[0];
		if (error) return { ok: false, reason: parserReason(error.message) };
		const duplicate = firstDuplicateKey(doc.contents);
		if (duplicate !== null) return { ok: false, reason: `Map keys must be unique: "${duplicate}" appears more than once` };
		const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
		if (data === null || data === undefined) return { ok: true, data: null, doc };
		if (typeof data !== "object" || Array.isArray(data)) {
			return { ok: false, reason: "frontmatter is not a map of properties" };
		}
		return { ok: true, data: data as FrontmatterData, doc };
	} catch (e) {
		return { ok: false, reason: parserReason(e instanceof Error ? e.message : String(e)) };
	}
}

/** What a YAML text reads as: the fast reader when it answers, else the strict parse. */
export function readYamlText(yamlText: string): { ok: true; data: FrontmatterData | null } | { ok: false; reason: string } {
	const fast = readFlatYaml(yamlText);
	return fast !== FALLBACK ? { ok: true, data: fast } : parseYamlStrict(yamlText);
}

function parserReason(message: string): string {
	const reason = oneLine(message);
	return /call stack/i.test(reason) ? "frontmatter is nested too deeply to read" : reason;
}

/** Cheap over-estimate of flow nesting (`[`/`{`, quotes ignored): true when past `max`. */
function flowDepthOver(text: string, max: number): boolean {
	let depth = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 91 /* [ */ || c === 123 /* { */) {
			if (++depth > max) return true;
		} else if ((c === 93 /* ] */ || c === 125 /* } */) && depth > 0) depth--;
	}
	return false;
}

/** The first key that appears twice in one map, anywhere in the document (iterative walk). */
function firstDuplicateKey(root: unknown): string | null {
	const stack: unknown[] = [root];
	while (stack.length > 0) {
		const node = stack.pop();
		if (isMap(node)) {
			const seen = new Set<unknown>();
			for (const pair of node.items) {
				const key: unknown = isScalar(pair.key) ? pair.key.value : pair.key;
				if (key === pair.key || (typeof key === "number" && Number.isNaN(key))) {
					// A collection as key, or NaN: never equal to another key (as in yaml).
				} else if (seen.has(key)) return String(key);
				else seen.add(key);
				stack.push(pair.key, pair.value);
			}
		} else if (isSeq(node)) {
			for (const item of node.items) stack.push(item);
		}
	}
	return null;
}

function oneLine(s: string): string {
	return s.split("\n")[0]?.trim() ?? s;
}

// ---------------------------------------------------------------------------
// The flat reader: one pass over the lines, for `key: scalar` and block lists of
// scalars. Anything it is not sure of returns FALLBACK and the `yaml` package decides.

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

/** `text` has `key` at `at` (what `startsWith(key, at)` answers, without a call into the runtime). */
function keyAt(text: string, key: string, at: number): boolean {
	for (let i = 0; i < key.length; i++) if (text.charCodeAt(at + i) !== key.charCodeAt(i)) return false;
	return true;
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
 * ~35 lines per note, so per-line strings and regexes add up. `copy`: strings are copies
 * that do not keep `yamlText`'s parent alive (false when that parent is small anyway).
 */
export function readFlatYaml(yamlText: string, copy = true): FrontmatterData | null | typeof FALLBACK {
	return readFlatYamlIn(yamlText, 0, yamlText.length, copy);
}

/** `readFlatYaml` of `text.slice(from, to)`, read in place. */
function readFlatYamlIn(text: string, from: number, to: number, copy: boolean): FrontmatterData | null | typeof FALLBACK {
	if (hasUnusual(from === 0 && to === text.length ? text : text.slice(from, to))) return FALLBACK;
	// Keys and values in order; the object is built at the end (see `shaped`).
	const keys: string[] = [];
	const values: unknown[] = [];
	// True while every key so far is the one at the same place in `lastKeys` (then none repeats).
	let asBefore = true;
	let seen: Set<string> | null = null;
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
				const value = readScalar(text.slice(itemStart, end), copy);
				if (value === FALLBACK) return FALLBACK;
				list.push(value);
				continue;
			}
			list = null;
		}
		if (!isKeyStart(text.charCodeAt(lineStart))) return FALLBACK;
		// The same key as the last note's at this place (most notes of a vault share their
		// keys): that string again, already checked, and no repeat so far. Else a new one.
		const cached = asBefore ? lastKeys[keys.length] : undefined;
		let k = lineStart + 1;
		if (cached !== undefined && lineStart + cached.length <= end && keyAt(text, cached, lineStart)) k = lineStart + cached.length;
		while (k < end && isKeyChar(text.charCodeAt(k))) k++;
		const colon = skipSpaces(text, k, end);
		if (colon === end || text.charCodeAt(colon) !== 58 /* : */) return FALLBACK;
		let valueStart = end;
		if (colon + 1 < end) {
			if (text.charCodeAt(colon + 1) !== 32) return FALLBACK;
			valueStart = skipSpaces(text, colon + 1, end);
		}
		let key: string;
		if (cached !== undefined && cached.length === k - lineStart && keyAt(text, cached, lineStart)) key = cached;
		else {
			key = text.slice(lineStart, k);
			if (key === "__proto__" || (k - lineStart <= 5 && SPECIAL_KEY.test(key))) return FALLBACK;
			if (asBefore) {
				asBefore = false;
				seen = new Set(keys);
			}
			if (seen?.has(key)) return FALLBACK;
			seen?.add(key);
		}
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
		const value = readScalar(text.slice(valueStart, end), copy);
		if (value === FALLBACK) return FALLBACK;
		values.push(value);
	}
	return keys.length === 0 ? null : shaped(keys, values, asBefore && keys.length === lastKeys.length);
}

/** The keys of the last frontmatter read, and an object with exactly those keys in that order. */
let lastKeys: readonly string[] = [];
let lastShape: FrontmatterData = {};

/**
 * The frontmatter object. With the same keys as the last one, a copy of its shape with the
 * values stored in place: properties added one by one by computed key turn an object into
 * a hash table past 16 of them (V8), four times the memory of a fast object and slower to
 * build. Otherwise built key by key, copied into a fast object, and kept as the shape.
 */
function shaped(keys: string[], values: unknown[], sameKeys: boolean): FrontmatterData {
	if (sameKeys) {
		const data: FrontmatterData = { ...lastShape };
		for (let i = 0; i < keys.length; i++) data[keys[i] as string] = values[i];
		return data;
	}
	const slow: FrontmatterData = {};
	for (let i = 0; i < keys.length; i++) slow[keys[i] as string] = values[i];
	const data: FrontmatterData = { ...slow };
	lastKeys = keys;
	lastShape = { ...data };
	for (const key of keys) lastShape[key] = null;
	return data;
}

const INT = /^[-+]?[0-9]+$/;
/** Plain scalars the YAML 1.2 core schema reads as numbers (other than plain ints). */
const NUMBERISH = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0x[0-9a-fA-F]+|0o[0-7]+)$/;

/**
 * One scalar on one line (after `key: ` or `- `), or FALLBACK when unsure. `copy`: return
 * strings that do not point into `rawValue`'s parent (see `ownString`).
 */
export function readScalar(rawValue: string, copy = true): unknown {
	let end = rawValue.length;
	while (end > 0 && rawValue.charCodeAt(end - 1) === 32) end--;
	let raw = end === rawValue.length ? rawValue : rawValue.slice(0, end);
	const c = raw.charCodeAt(0);
	if (c === 34 /* " */) return readDoubleQuoted(raw, copy);
	if (c === 39 /* ' */) return readSingleQuoted(raw, copy);
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
		return copy ? ownString(raw) : raw;
	}
	if (isUnsafePlainStart(first)) return FALLBACK;
	switch (raw) {
		case "null": case "Null": case "NULL": case "~": return null;
		case "true": case "True": case "TRUE": return true;
		case "false": case "False": case "FALSE": return false;
	}
	return copy ? ownString(raw) : raw;
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

/**
 * A copy of a value that does not keep the note it was sliced from alive: a V8 slice
 * points into its parent string, so 20k titles would hold 20k whole notes in memory.
 */
export function ownString(s: string): string {
	return s.length < 13 ? s : (" " + s).slice(1);
}

/** Whole runs between quotes and escapes are sliced at once: no per-character string building. */
function readDoubleQuoted(raw: string, copy: boolean): unknown {
	let out = "";
	let from = 1;
	let escape = raw.indexOf("\\", from);
	for (;;) {
		const quote = raw.indexOf('"', from);
		if (quote === -1) return FALLBACK; // not closed on this line: multi-line scalar
		if (escape === -1 || quote < escape) {
			if (!trailingOk(raw, quote + 1)) return FALLBACK;
			// No escape at all (most values): one slice.
			if (from === 1) return copy ? ownString(raw.slice(1, quote)) : raw.slice(1, quote);
			out += raw.slice(from, quote);
			return copy ? ownString(out) : out;
		}
		const next = raw[escape + 1];
		const replacement = next === undefined ? undefined : ESCAPES[next];
		if (replacement === undefined) return FALLBACK;
		out += raw.slice(from, escape) + replacement;
		from = escape + 2;
		escape = raw.indexOf("\\", from);
	}
}

function readSingleQuoted(raw: string, copy: boolean): unknown {
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
		return copy ? ownString(out) : out;
	}
}
