/**
 * Byte-exact frontmatter edits (docs/reference.md §10): parse with `yaml`'s parseDocument, find the
 * changed key's node range and splice only that text. Every other byte — comments,
 * quoting, flow/block style, key order, line endings, BOM, body — stays as it was.
 * The result is re-parsed and compared with the intended data before it is returned.
 */
import { isMap, isScalar, isSeq, Parser, Scalar, type Document, type Node, type Pair, type YAMLMap, type YAMLSeq } from "yaml";
import { locateFrontmatter, parseYamlDocument, parseYamlStrict, readYamlText, type FrontmatterBlock, type FrontmatterData } from "./frontmatter";
import { isItemText } from "../sources/source";

export type FieldValue = string | number | boolean | null | string[];

export interface FieldEdit {
	key: string;
	value: FieldValue;
}

export type EditResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

interface Splice {
	from: number;
	to: number;
	insert: string;
}

/** Apply field edits to a note's frontmatter; `{ok: false}` (and no text) when refused. */
export function editFrontmatter(text: string, edits: readonly FieldEdit[]): EditResult {
	const block = locateFrontmatter(text);
	if (!block) return { ok: false, reason: "the note has no frontmatter" };
	const yamlText = text.slice(block.yamlStart, block.yamlEnd);
	// One strict parse gives both the data (checked: unique keys, no alias bomb) and the node ranges.
	const before = parseYamlDocument(yamlText);
	if (!before.ok) return { ok: false, reason: before.reason };
	const doc = before.doc;
	const map = doc.contents;
	if (!isMap(map)) return { ok: false, reason: "frontmatter is not a map of properties" };

	const expected: FrontmatterData = { ...(before.data ?? {}) };
	const splices: Splice[] = [];
	const appended: string[] = [];
	// A frontmatter written as one flow map (`{…}`, JSON frontmatter among them) is edited in
	// flow style; with its first key in double quotes (JSON), new strings are double-quoted too.
	const first = map.items[0]?.key;
	const flow: FlowStyle | null = map.flow ? { json: isScalar(first) && first.type === Scalar.QUOTE_DOUBLE } : null;
	// Comments stay (docs/safety.md): an edit that would splice one away is refused, naming it.
	const comments = yamlText.includes("#") ? commentsOf(yamlText) : [];
	const keepsComments = (splice: Splice, key: string): string | null => {
		const lost = comments.find((c) => c.offset >= splice.from && c.offset < splice.to && !splice.insert.includes(c.text));
		return lost ? `changing "${key}" here would remove the comment "${lost.text}"; edit it by hand` : null;
	};
	for (const edit of edits) {
		const old = expected[edit.key];
		if (sameValue(old, edit.value)) continue;
		// A list that keeps its items (a number item given back as text) reads back with them as they were.
		expected[edit.key] = Array.isArray(edit.value)
			? Array.isArray(old) && keepsItems(old as unknown[], edit.value)
				? [...(old as unknown[]), ...edit.value.slice(old.length)]
				: [...edit.value]
			: edit.value;
		const pair = findPair(map, edit.key);
		if (pair) {
			const splice = replaceValue(yamlText, doc, pair, edit.value, block.eol, flow);
			if (typeof splice === "string") return { ok: false, reason: splice };
			const lost = keepsComments(splice, edit.key);
			if (lost !== null) return { ok: false, reason: lost };
			splices.push(splice);
		} else if (flow) {
			const splice = newFlowKey(yamlText, map, edit.key, edit.value, block.eol, flow);
			if (typeof splice === "string") return { ok: false, reason: splice };
			splices.push(splice);
		} else {
			appended.push(renderNewKey(edit.key, edit.value, block.eol));
		}
	}
	if (splices.length === 0 && appended.length === 0) return { ok: true, text, changed: false };

	let newYaml = yamlText;
	if (appended.length > 0) {
		// New keys go last in the map: before a document end marker (`...`) when there is one.
		const end = documentEnd(newYaml);
		const needsBreak = end > 0 && newYaml.charCodeAt(end - 1) !== 10;
		splices.push({ from: end, to: end, insert: (needsBreak ? block.eol : "") + appended.join("") });
	}
	splices.sort((a, b) => b.from - a.from);
	for (const s of splices) newYaml = newYaml.slice(0, s.from) + s.insert + newYaml.slice(s.to);

	// Read back the way every reader of this plugin reads: the whole note must still open the
	// same frontmatter block, ending where the edited YAML ends, and it must read as intended.
	const newText = text.slice(0, block.yamlStart) + newYaml + text.slice(block.yamlEnd);
	const located = locateFrontmatter(newText);
	const after = located && located.yamlEnd === block.yamlStart + newYaml.length ? readYamlText(newYaml) : null;
	if (!after?.ok || !deepEqual(after.data ?? {}, expected)) {
		return { ok: false, reason: "this frontmatter is laid out in a way this edit cannot be made in safely; edit it by hand" };
	}
	return { ok: true, text: newText, changed: true };
}

/** Every comment of a YAML text (`# …`, without its line break) and where it starts. */
function commentsOf(yamlText: string): { offset: number; text: string }[] {
	const out: { offset: number; text: string }[] = [];
	const visit = (token: unknown): void => {
		if (token === null || typeof token !== "object") return;
		if (Array.isArray(token)) {
			for (const t of token) visit(t);
			return;
		}
		const t = token as { type?: unknown; offset?: unknown; source?: unknown };
		if (t.type === "comment" && typeof t.offset === "number" && typeof t.source === "string") out.push({ offset: t.offset, text: t.source });
		for (const [key, value] of Object.entries(token)) if (key !== "source") visit(value);
	};
	for (const token of new Parser().parse(yamlText)) visit(token);
	return out;
}

/** Where the YAML document's content ends: the start of its `...` line, or the end of the text. */
function documentEnd(yamlText: string): number {
	const marker = /^\.\.\.[ \t]*(?:#.*)?\r?$/m.exec(yamlText);
	return marker ? marker.index : yamlText.length;
}

function findPair(map: YAMLMap, key: string): Pair | undefined {
	return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
}

/** How a flow-map frontmatter is written: `json` when its keys are double-quoted. */
interface FlowStyle {
	json: boolean;
}

function replaceValue(yamlText: string, doc: Document, pair: Pair, value: FieldValue, eol: string, flow: FlowStyle | null): Splice | string {
	const keyNode = pair.key as Node;
	const keyEnd = keyNode.range?.[1];
	if (keyEnd === undefined) return "cannot locate the key in the frontmatter";
	const colon = yamlText.indexOf(":", keyEnd);
	const node = pair.value as Node | null;
	const range = node?.range;
	if (!node || !range) {
		return { from: colon + 1, to: colon + 1, insert: renderInline(value, eol, detectIndent(yamlText, doc)) };
	}
	if (node.anchor || (isScalar(node) && node.tag) || (!isScalar(node) && !isSeq(node))) {
		return `the value of this key has a form this plugin does not rewrite (anchor, tag or nested map)`;
	}
	if (isSeq(node) && Array.isArray(value)) {
		const splice = editSeq(yamlText, node, value, colon, eol, flow);
		if (splice) return splice;
	}
	if (flow) {
		// In a flow map every value is written inline, in flow style; an empty value after `key:` gets a space first.
		if (!isScalar(node) && !(isSeq(node) && node.flow)) return "the value of this key has a form this plugin does not rewrite";
		const insert = renderFlowValue(value, flow, isScalar(node) ? node.type : undefined);
		if (range[0] === range[1]) return { from: colon + 1, to: colon + 1, insert: " " + insert };
		return { from: range[0], to: contentEnd(yamlText, range[0], range[1]), insert };
	}
	if (isScalar(node) && Array.isArray(value) && range[0] === range[1] && yamlText.charCodeAt(range[1]) === 35 /* # */) {
		// `key: # note` holding nothing becomes a list; the comment stays on the key's line.
		if (value.length === 0) return { from: range[0], to: range[1], insert: "[] " };
		const at = lineEndAfter(yamlText, range[1]);
		return { from: at, to: at, insert: renderBlockList(value, detectIndent(yamlText, doc), '"', eol) };
	}
	if (isScalar(node) && !Array.isArray(value)) {
		// A block scalar (`>-`, `|`) becomes a one-line value; a comment on its header line stays after it.
		const header = node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? /^[|>][-+0-9]*([ \t]+#[^\r\n]*)/.exec(yamlText.slice(range[0])) : null;
		const insert = renderScalar(value, node.type === Scalar.BLOCK_FOLDED || node.type === Scalar.BLOCK_LITERAL ? Scalar.PLAIN : node.type) + (header?.[1] ?? "");
		const gap = range[0] === colon + 1 ? " " : "";
		// An empty value followed by a comment (`key: # note`): keep a space before the `#`.
		const tail = range[0] === range[1] && yamlText.charCodeAt(range[1]) === 35 /* # */ ? " " : "";
		return { from: range[0], to: contentEnd(yamlText, range[0], range[1]), insert: gap + insert + tail };
	}
	// Change of shape (scalar ↔ list): rewrite from the colon to the end of the value.
	const end = isSeq(node) && !node.flow ? lastItemEnd(yamlText, node) : contentEnd(yamlText, range[0], range[1]);
	// A block list becoming a text keeps the comment on its key's line after the new value.
	const keyLineComment = Array.isArray(value) ? null : /^[ \t]*(#[^\r\n]*)/.exec(yamlText.slice(colon + 1));
	return { from: colon + 1, to: end, insert: renderInline(value, eol, detectIndent(yamlText, doc)) + (keyLineComment ? " " + (keyLineComment[1] as string) : "") };
}

/**
 * Lists: append new items after the old ones when the old ones are kept in order (their
 * bytes, comments, anchors and tags untouched); otherwise rewrite the list, which is
 * refused (a string) when an item is not a plain scalar or carries an anchor or a tag.
 */
function editSeq(yamlText: string, seq: YAMLSeq, value: string[], colon: number, eol: string, flow: FlowStyle | null): Splice | string | null {
	const items = seq.items as Node[];
	const oldValues = items.map((n) => (isScalar(n) ? n.value : undefined));
	if (!items.every((n) => isScalar(n))) return "the list holds nested lists or maps, which this plugin does not rewrite";
	const keepsOld = keepsItems(oldValues, value);
	const decorated = items.some((n) => n.anchor !== undefined || n.tag !== undefined);
	if (decorated && !(keepsOld && value.length > oldValues.length)) return "the list has an item with an anchor or a tag, which this plugin does not rewrite";
	const added = value.slice(oldValues.length);
	const seqRange = seq.range as [number, number, number];
	if (seq.flow) {
		if (items.length === 0 && value.length > 0) {
			// In a flow map it stays a flow list; else `key: []` becomes a block list, as Obsidian's Properties writes it.
			if (flow) return { from: seqRange[0], to: seqRange[1], insert: renderFlowValue(value, flow, undefined) };
			return { from: colon + 1, to: seqRange[1], insert: renderBlockList(value, "  ", '"', eol) };
		}
		const style = flow?.json ? '"' : stringStyle(items);
		const last = items[items.length - 1];
		if (keepsOld && added.length > 0 && last?.range) {
			// Keep the existing items' bytes; add the new ones after the last.
			const insert = added.map((v) => ", " + renderFlowString(v, style)).join("");
			return { from: last.range[1], to: last.range[1], insert };
		}
		const body = value.map((v) => renderFlowString(v, style)).join(", ");
		return { from: seqRange[0], to: seqRange[1], insert: `[${body}]` };
	}
	const first = items[0];
	if (!first?.range) return null;
	const lineStart = yamlText.lastIndexOf("\n", first.range[0]) + 1;
	const dash = yamlText.lastIndexOf("-", first.range[0]);
	const indent = yamlText.slice(lineStart, dash);
	const style = stringStyle(items);
	if (keepsOld && added.length > 0) {
		const at = lineEndAfter(yamlText, lastItemEnd(yamlText, seq));
		const insert = added.map((v) => eol + indent + "- " + renderString(v, style)).join("");
		return { from: at, to: at, insert };
	}
	if (value.length === 0) return { from: colon + 1, to: lastItemEnd(yamlText, seq), insert: " []" };
	return { from: colon + 1, to: lastItemEnd(yamlText, seq), insert: renderBlockList(value, indent, style, eol) };
}

/** `value` starts with the items of `old` (numbers and booleans compared as their text): they are kept as written. */
function keepsItems(old: readonly unknown[], value: readonly string[]): boolean {
	return old.length <= value.length && old.every((v, i) => isItemText(v, value[i]));
}

function lastItemEnd(yamlText: string, seq: YAMLSeq): number {
	const last = seq.items[seq.items.length - 1] as Node | undefined;
	const range: readonly number[] | null | undefined = last?.range ?? seq.range;
	if (!range) return yamlText.length;
	return contentEnd(yamlText, range[0] as number, range[1] as number);
}

/**
 * The end of a node's own text: its range without the line breaks a block scalar (`|`,
 * `>`) or block list counts as its own. Replacing those would join the next line (or the
 * closing `---`) onto the new value; blank lines kept by the block stay in place.
 */
function contentEnd(yamlText: string, from: number, to: number): number {
	let end = to;
	while (end > from) {
		const c = yamlText.charCodeAt(end - 1);
		if (c !== 10 && c !== 13) break;
		end--;
	}
	return end;
}

function lineEndAfter(text: string, offset: number): number {
	let nl = text.indexOf("\n", offset);
	if (nl === -1) nl = text.length;
	return nl > 0 && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
}

function detectIndent(yamlText: string, doc: Document): string {
	const m = /\n([ ]+)-[ ]/.exec(yamlText);
	void doc;
	return m ? (m[1] as string) : "  ";
}

/** The quoting of the list's first text item (a number or boolean item says nothing about it), `"` when none. */
function stringStyle(items: readonly Node[]): string {
	const text = items.find((n) => isScalar(n) && typeof n.value === "string");
	return text ? quoteOf(text as Scalar) : '"';
}

function quoteOf(node: Scalar): string {
	if (node.type === Scalar.QUOTE_SINGLE) return "'";
	if (node.type === Scalar.PLAIN) return "";
	return '"';
}

function renderInline(value: FieldValue, eol: string, indent: string): string {
	if (Array.isArray(value)) return value.length === 0 ? " []" : renderBlockList(value, indent, '"', eol);
	return " " + renderScalar(value, Scalar.PLAIN);
}

function renderBlockList(values: readonly string[], indent: string, quote: string, eol: string): string {
	return values.map((v) => eol + indent + "- " + renderString(v, quote)).join("");
}

/**
 * A key added to a flow-map frontmatter: after its last entry, on a line of its own (indented
 * as that entry) when the map is written one entry per line, else on the same line; in an
 * empty map, inside the braces. Refused when a comma or comment follows the last entry.
 */
function newFlowKey(yamlText: string, map: YAMLMap, key: string, value: FieldValue, eol: string, flow: FlowStyle): Splice | string {
	const close = (map.range as number[] | undefined)?.[1] ?? -1;
	if (close < 1 || yamlText.charCodeAt(close - 1) !== 125 /* } */) return "cannot locate the end of the frontmatter map";
	const entry = `${flow.json || !/^[A-Za-z_][\w-]*$/.test(key) ? JSON.stringify(key) : key}: ${renderFlowValue(value, flow, undefined)}`;
	const last = map.items[map.items.length - 1];
	if (!last) return { from: close - 1, to: close - 1, insert: entry };
	const lastNode = (last.value ?? last.key) as Node | null;
	const lastEnd = lastNode?.range ? contentEnd(yamlText, lastNode.range[0], lastNode.range[1]) : -1;
	if (lastEnd === -1) return "cannot locate the last entry of the frontmatter map";
	const between = yamlText.slice(lastEnd, close - 1);
	if (between.trim() !== "") return "this frontmatter is laid out in a way this edit cannot be made in safely; edit it by hand";
	if (!between.includes("\n")) return { from: lastEnd, to: lastEnd, insert: `, ${entry}` };
	const keyStart = ((last.key as Node).range as number[])[0] as number;
	const indent = yamlText.slice(yamlText.lastIndexOf("\n", keyStart) + 1, keyStart);
	return { from: lastEnd, to: lastEnd, insert: `,${eol}${/^[ \t]*$/.test(indent) ? indent : "  "}${entry}` };
}

/** A value in flow style: lists as `[…]`, strings double-quoted in JSON frontmatter (else in the node's own quoting). */
function renderFlowValue(value: FieldValue, flow: FlowStyle, type: Scalar.Type | undefined): string {
	if (Array.isArray(value)) return `[${value.map((v) => renderFlowString(v, '"')).join(", ")}]`;
	if (typeof value === "string") return renderFlowString(value, flow.json ? '"' : quoteOfType(type));
	return renderScalar(value, type);
}

function quoteOfType(type: Scalar.Type | undefined): string {
	return type === Scalar.QUOTE_SINGLE ? "'" : type === Scalar.PLAIN ? "" : '"';
}

function renderNewKey(key: string, value: FieldValue, eol: string): string {
	return `${key}:${renderInline(value, eol, "  ")}${eol}`;
}

function renderScalar(value: Exclude<FieldValue, string[]>, type: Scalar.Type | undefined): string {
	if (value === null) return "null";
	if (typeof value !== "string") return String(value);
	const quote = type === Scalar.QUOTE_SINGLE ? "'" : type === Scalar.QUOTE_DOUBLE ? '"' : "";
	return renderString(value, quote);
}

/** A string in the requested quoting, or double-quoted when plain would change its meaning. */
export function renderString(value: string, quote: string): string {
	if (quote === "'" && !/[\n\r\t]/.test(value)) return "'" + value.replace(/'/g, "''") + "'";
	if (quote === "" && isSafePlain(value)) return value;
	return JSON.stringify(value);
}

/** Inside `[…]`, a plain item also ends at `,` and brackets: quote such values. */
function renderFlowString(value: string, quote: string): string {
	if (quote === "" && /[,[\]{}]/.test(value)) return JSON.stringify(value);
	return renderString(value, quote);
}

function isSafePlain(value: string): boolean {
	if (!/^[A-Za-z0-9_(][^\n\r\t#:"']*$/.test(value) || value !== value.trim()) return false;
	const parsed = parseYamlStrict(`k: ${value}\n`);
	return parsed.ok && parsed.data?.k === value;
}

function sameValue(a: unknown, b: FieldValue): boolean {
	return deepEqual(a, b);
}

export function deepEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
	if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
		const ka = Object.keys(a);
		const kb = Object.keys(b);
		if (ka.length !== kb.length) return false;
		return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
	}
	return false;
}

export type { FrontmatterBlock };
