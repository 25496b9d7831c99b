/**
 * Frontmatter: locate the block as Obsidian does (BOM, CRLF, no closing `---` = no
 * frontmatter) and read it. Reading uses a one-pass reader for the flat subset SOURCE
 * notes use and falls back to the `yaml` package for anything else (docs/performance.md).
 * Byte-exact edits live in `frontmatter-edit.ts`.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { FALLBACK, readFlatYaml, readFlatYamlIn, type FrontmatterData } from "./flat-yaml";

export { FALLBACK, readFlatYaml, readScalar } from "./flat-yaml";

export type { FrontmatterData } from "./flat-yaml";

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
	const fast = readFlatYamlIn(text, block.yamlStart, block.yamlEnd);
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
