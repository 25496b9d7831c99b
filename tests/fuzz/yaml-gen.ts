/**
 * Generators of SOURCE-style frontmatter for the property tests: a model (keys, values,
 * the exact text of each key's lines) rendered with LF or CRLF, an optional BOM, comment
 * and blank lines, and a body. The model knows the data each note must read as and which
 * lines belong to which key, so tests can check bytes outside an edit are untouched.
 */
import fc from "fast-check";

export type Style = "plain" | "single" | "double";

export interface KeyEntry {
	kind: "key";
	key: string;
	/** The entry's lines (without line breaks). */
	lines: string[];
	value: unknown;
	form: "scalar" | "null" | "empty" | "flow" | "block";
	/** Scalar style, or the style every list item has. */
	style: Style | null;
	/** True when the editor would render this value exactly so (revert gives the same bytes). */
	canonical: boolean;
	/** Block list indentation. */
	indent?: string;
}

export interface OtherEntry {
	kind: "comment" | "blank";
	lines: string[];
}

export type Entry = KeyEntry | OtherEntry;

export interface NoteModel {
	bom: boolean;
	eol: "\n" | "\r\n";
	entries: Entry[];
	body: string;
}

export interface RenderedNote {
	text: string;
	/** Start offset (in `text`) and end offset of each entry's lines, breaks included. */
	spans: { from: number; to: number }[];
	/** Offset of the closing `---` line (where new keys are appended). */
	yamlEnd: number;
	data: Record<string, unknown>;
}

export function render(model: NoteModel): RenderedNote {
	let text = (model.bom ? "\uFEFF" : "") + "---" + model.eol;
	const spans: RenderedNote["spans"] = [];
	const data: Record<string, unknown> = {};
	for (const e of model.entries) {
		const from = text.length;
		for (const l of e.lines) text += l + model.eol;
		spans.push({ from, to: text.length });
		if (e.kind === "key") data[e.key] = e.value;
	}
	const yamlEnd = text.length;
	text += "---" + model.eol + model.body;
	return { text, spans, yamlEnd, data };
}

/** Any Unicode code point (lone surrogates included) as a string. */
export const codePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));

const LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const RESERVED = /^(?:null|true|false|~|y|n|yes|no|on|off)$/i;

/** Words that read back as the same string when written plain. */
export const plainWord = fc
	.tuple(fc.constantFrom(...LETTERS), fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_-.()"), maxLength: 8 }))
	.map(([a, b]) => a + b)
	.filter((w) => !RESERVED.test(w) && !w.endsWith("."));

export const plainText = fc
	.array(plainWord, { minLength: 1, maxLength: 5 })
	.map((ws) => ws.join(" "));

/** Any string without control characters or line breaks (single-quoted content). */
const lineText = fc
	.string({ unit: fc.oneof(fc.constantFrom(..."ab :#'\"-[]{},&*!|>%@`\\/é€😀 "), codePoint), maxLength: 16 })
	// eslint-disable-next-line no-control-regex -- control characters are replaced on purpose
	.map((s) => s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\uFEFF]/g, "x"));

/** Any string at all (double-quoted with escapes). */
export const anyText = fc.string({ unit: fc.oneof(fc.constantFrom(..."ab :#'\"\\\n\r\t-[]{}é😀"), codePoint), maxLength: 16 });

interface Rendered {
	text: string;
	value: string;
	style: Style;
	canonical: boolean;
}

const scalarString: fc.Arbitrary<Rendered> = fc.oneof(
	plainText.map((v) => ({ text: v, value: v, style: "plain" as const, canonical: true })),
	lineText.map((v) => ({ text: "'" + v.replace(/'/g, "''") + "'", value: v, style: "single" as const, canonical: true })),
	anyText.map((v) => ({ text: JSON.stringify(v), value: v, style: "double" as const, canonical: true })),
	// Non-canonical double quotes: `\x41`-style escapes the editor never writes.
	plainWord.map((v) => ({ text: '"' + v.replace(/a/g, "\\x61") + '"', value: v, style: "double" as const, canonical: !v.includes("a") })),
);

const comment = fc.constantFrom("", " # note", "  # keep: me", " #", " # 'quoted' \"x\"");

export const keyName = fc
	.tuple(fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz_"), fc.string({ unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789_-"), maxLength: 10 }))
	.map(([a, b]) => a + b)
	.filter((k) => !RESERVED.test(k));

const keySep = fc.constantFrom(": ", ": ", ": ", ":  ", " : ");

function keyEntry(key: string): fc.Arbitrary<KeyEntry> {
	const scalar = fc.tuple(keySep, scalarString, comment).map(([sep, s, c]): KeyEntry => ({
		kind: "key", key, lines: [key + sep + s.text + c], value: s.value, form: "scalar", style: s.style, canonical: s.canonical && sep === ": ",
	}));
	const number = fc.tuple(fc.integer({ min: -99999, max: 99999 }), comment).map(([n, c]): KeyEntry => ({
		kind: "key", key, lines: [`${key}: ${n}${c}`], value: n, form: "scalar", style: "plain", canonical: false,
	}));
	const bool = fc.tuple(fc.boolean(), comment).map(([b, c]): KeyEntry => ({
		kind: "key", key, lines: [`${key}: ${b}${c}`], value: b, form: "scalar", style: "plain", canonical: false,
	}));
	const nul = fc.tuple(fc.constantFrom("null", "~", "Null"), comment).map(([n, c]): KeyEntry => ({
		kind: "key", key, lines: [`${key}: ${n}${c}`], value: null, form: "null", style: null, canonical: n === "null",
	}));
	const empty = fc.constantFrom("", " ", " # empty").map((c): KeyEntry => ({
		kind: "key", key, lines: [`${key}:${c}`], value: null, form: "empty", style: null, canonical: false,
	}));
	const item: fc.Arbitrary<{ text: string; value: string; style: Style }> = fc.oneof(
		plainText.map((v) => ({ text: v, value: v, style: "plain" as const })),
		lineText.map((v) => ({ text: "'" + v.replace(/'/g, "''") + "'", value: v, style: "single" as const })),
		anyText.map((v) => ({ text: JSON.stringify(v), value: v, style: "double" as const })),
	);
	const flow = fc.tuple(fc.array(item, { maxLength: 4 }), fc.constantFrom(", ", ",", " , "), comment).map(([items, sep, c]): KeyEntry => ({
		kind: "key", key,
		lines: [`${key}: [${items.map((i) => i.text).join(sep)}]${c}`],
		value: items.map((i) => i.value), form: "flow",
		style: items[0]?.style ?? null,
		canonical: items.length > 0 && sep === ", " && items.every((i) => i.style === items[0]?.style),
	}));
	const block = fc.tuple(fc.array(fc.tuple(item, comment), { minLength: 1, maxLength: 4 }), fc.constantFrom("", "  ", "    "), comment).map(([items, indent, c]): KeyEntry => ({
		kind: "key", key,
		lines: [`${key}:${c}`, ...items.map(([i, ic]) => `${indent}- ${i.text}${ic}`)],
		value: items.map(([i]) => i.value), form: "block",
		style: items[0]?.[0].style ?? null, indent,
		canonical: c === "" && items.every(([i, ic]) => i.style === items[0]?.[0].style && ic === ""),
	}));
	// Block scalars (`|`, `>`, chomping `-`/`+`): their range holds the line break after
	// them, which an edit must keep (found by review: `status: >-` last lost it).
	const blockScalar = fc.tuple(fc.constantFrom("|", "|-", ">", ">-"), fc.array(plainText, { minLength: 1, maxLength: 2 }), comment).map(([head, ls, c]): KeyEntry => {
		const folded = head.startsWith(">");
		const body = ls.join(folded ? " " : "\n");
		return { kind: "key", key, lines: [`${key}: ${head}${c}`, ...ls.map((l) => "  " + l)], value: head.endsWith("-") ? body : body + "\n", form: "scalar", style: "plain", canonical: false };
	});
	return fc.oneof(
		{ arbitrary: scalar, weight: 4 },
		{ arbitrary: blockScalar, weight: 1 },
		{ arbitrary: number, weight: 1 },
		{ arbitrary: bool, weight: 1 },
		{ arbitrary: nul, weight: 1 },
		{ arbitrary: empty, weight: 1 },
		{ arbitrary: flow, weight: 2 },
		{ arbitrary: block, weight: 3 },
	);
}

const other: fc.Arbitrary<OtherEntry> = fc.oneof(
	fc.constantFrom("# a comment", "#", "# key: not a key", "#   - not an item").map((l): OtherEntry => ({ kind: "comment", lines: [l] })),
	fc.constant<OtherEntry>({ kind: "blank", lines: [""] }),
);

const KNOWN = ["id", "title", "status", "url", "aliases", "integrated_into", "date_integrated", "topics", "creator"];

export const noteModel: fc.Arbitrary<NoteModel> = fc
	.uniqueArray(fc.oneof(fc.constantFrom(...KNOWN), keyName), { minLength: 1, maxLength: 8 })
	.chain((keys) =>
		fc.record({
			bom: fc.boolean(),
			eol: fc.constantFrom<"\n" | "\r\n">("\n", "\r\n"),
			keyed: fc.tuple(...keys.map((k) => keyEntry(k))),
			others: fc.array(fc.tuple(fc.nat(keys.length), other), { maxLength: 3 }),
			body: fc.constantFrom("", "Body\n", "# Heading\n\n- 1:23 intro\n", "---\nnot: frontmatter\n---\n", "text\r\nwith CRLF\r\n"),
		}),
	)
	.map(({ bom, eol, keyed, others, body }) => {
		const entries: Entry[] = [...keyed];
		// Insert comment/blank lines between keys (never inside a key's lines).
		for (const [at, o] of others.sort((a, b) => b[0] - a[0])) entries.splice(at, 0, o);
		// A blank line first would still be valid YAML; keep it, it is real-world.
		return { bom, eol, entries, body };
	});

/** Values an edit may set (FieldValue). */
export const editValue: fc.Arbitrary<string | number | boolean | null | string[]> = fc.oneof(
	{ arbitrary: plainText, weight: 2 },
	{ arbitrary: anyText, weight: 2 },
	{ arbitrary: fc.constantFrom("2026-01-02", "integrated", "raw", "Why: yes", "#tag", "[[Note]]", "- dash", "1:23", "null", "true", "12", "'", '"', " lead", "trail ", ""), weight: 2 },
	{ arbitrary: fc.integer({ min: -1e9, max: 1e9 }), weight: 1 },
	{ arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), weight: 1 },
	{ arbitrary: fc.boolean(), weight: 1 },
	{ arbitrary: fc.constant(null), weight: 1 },
	{ arbitrary: fc.array(fc.oneof(plainText, anyText, fc.constantFrom("[[A note]]", "a: b", "#x")), { maxLength: 4 }), weight: 3 },
);
