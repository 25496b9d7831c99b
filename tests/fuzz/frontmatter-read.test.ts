/**
 * The fast flat reader (the CLI's hot path, docs/performance.md) against the reference `yaml`
 * parse: on random flat frontmatter built from YAML's sharp edges, `readFlatYaml` either
 * gives up (FALLBACK) or returns exactly what the `yaml` package returns, and
 * `readFrontmatter` always agrees with the reference (same data, or both errors).
 */
import fc from "fast-check";
import { parseDocument } from "yaml";
import { FALLBACK, locateFrontmatter, parseYamlStrict, readFlatYaml, readFrontmatter } from "../../src/core/frontmatter/frontmatter";
import { codePoint } from "./yaml-gen";
import { fuzz } from "./config";

const TOKENS = [
	"x", "word", "Two words", "1", "0", "42", "-", "+", ".", "e", "E", "_", ":", ": ", " ", "  ", "#", " #", "'", "''", '"', "\\", "\\n", "\\x41",
	"[", "]", "[]", "{", "}", "{}", ",", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~", "=", "<<", "/",
	"\u00a0", "\u2028", "\r", "\u0085", "\uFEFF", "\u3000", "\u000b", "\u000c", "\u0000", "\u0007", "\u007f",
	"null", "Null", "NULL", "nULL", "true", "True", "FALSE", "yes", "no", "on", "0x1F", "0o17", "0b1", ".5", "1.", "1e3", "-0", "+12", "012",
	"1_000", "123456789012345678", ".inf", "-.Inf", ".nan", "2025-01-01", "12:30", "1:23:45", "é", "😀", "\ud800", "http://x.y/?a=1#f",
];

const token = fc.oneof({ arbitrary: fc.constantFrom(...TOKENS), weight: 6 }, { arbitrary: codePoint, weight: 1 });
const value = fc.array(token, { maxLength: 6 }).map((ts) => ts.join(""));

const KEYS = ["id", "title", "status", "aliases", "null", "Null", "NULL", "true", "True", "false", "y", "n", "yes", "on", "_", "a-b", "__proto__", "constructor", "toString", "hasOwnProperty", "k1", "K1", "x"];
const key = fc.oneof(fc.constantFrom(...KEYS), fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_-]{0,6}$/));
const sep = fc.constantFrom(": ", ": ", ":  ", " : ", ":", ":\u00a0", ": \u00a0");
const quoted = fc.oneof(
	value.map((v) => "'" + v.replace(/'/g, "''") + "'"),
	value.map((v) => '"' + v.replace(/"/g, '\\"') + '"'),
	value.map((v) => JSON.stringify(v)),
);
const scalarText = fc.oneof({ arbitrary: value, weight: 3 }, { arbitrary: quoted, weight: 2 });
const trailing = fc.constantFrom("", "", " # c", "# c", "  ", " \u00a0");

const line: fc.Arbitrary<string[]> = fc.oneof(
	{ arbitrary: fc.tuple(key, sep, scalarText, trailing).map(([k, s, v, t]) => [k + s + v + t]), weight: 6 },
	{
		arbitrary: fc.tuple(key, trailing, fc.constantFrom("", "  ", "    ", " "), fc.array(fc.tuple(fc.constantFrom("- ", "-  ", "-", "-\u00a0"), scalarText, trailing), { minLength: 1, maxLength: 3 }))
			.map(([k, t, ind, items]) => [k + ":" + t, ...items.map(([d, v, it]) => ind + d + v + it)]),
		weight: 3,
	},
	{ arbitrary: fc.constantFrom("# comment", "  # indented comment", "", "   ", "\u00a0", "\uFEFF", "...", "- stray", "  continued", "%YAML 1.2", "? x").map((l) => [l]), weight: 1 },
	{ arbitrary: fc.tuple(key, sep).map(([k, s]) => [k + s.trimEnd()]), weight: 1 },
);

const flatYaml = fc
	.tuple(fc.array(line, { maxLength: 8 }), fc.constantFrom("\n", "\r\n", "\r"))
	.map(([lines, eol]) => lines.flat().map((l) => l + eol).join(""));

/** A string with every non-ASCII or control character escaped, for readable counterexamples. */
function show(s: string): string {
	return JSON.stringify(s).replace(/[^\x20-\x7e]/g, (c) => "\\u" + c.charCodeAt(0).toString(16).padStart(4, "0"));
}

describe("fast frontmatter reader (property)", () => {
	it("either falls back or returns exactly what the yaml package returns", () => {
		fc.assert(
			fc.property(flatYaml, (yaml) => {
				const fast = readFlatYaml(yaml);
				if (fast === FALLBACK) return;
				const ref = parseYamlStrict(yaml);
				if (!ref.ok) throw new Error(`fast reader accepted what yaml refuses (${ref.reason}): ${show(yaml)} → ${show(JSON.stringify(fast))}`);
				if (!equals(fast, ref.data)) throw new Error(`fast reader differs from yaml on ${show(yaml)}: ${show(JSON.stringify(fast))} vs ${show(JSON.stringify(ref.data))}`);
			}),
			fuzz(3),
		);
	});

	it("parseYamlStrict's linear duplicate-key check agrees with the yaml package's own (quadratic) one", () => {
		const nestedLine = fc.constantFrom(
			"m: {a: 1, a: 2}", "m: {a: 1, b: 2}", "m: {\"a\": 1, a: 2}", "m: {'a': 1, \"a\": 2}", "m: {1: x, \"1\": y}", "m: {1: x, 1: y}",
			"m: [{x: 1}, {x: 1, x: 2}]", "m: [{x: 1}, {x: 1}]", "m:\n  a: 1\n  a: 2", "m:\n  a: 1\n  b: {c: 1, c: 1}", "? [a]\n: 1", "? [a]\n: 2",
			"null: 1", "~: 2", "\"\": 3", "true: 1", "True: 2", "'true': 3", "0x10: a", "16: b", "1.0: a", "1: b", ".nan: 1", ".NaN: 2",
			"m: &anchor {a: 1}", "n: *anchor", "<<: {a: 1}", "<<: {b: 2}",
		);
		const doc = fc.array(fc.oneof(nestedLine, line.map((l) => l.join("\n"))), { maxLength: 8 }).map((ls) => ls.map((l) => l + "\n").join(""));
		fc.assert(
			fc.property(doc, (yaml) => {
				const ours = parseYamlStrict(yaml);
				const d = parseDocument(yaml, { uniqueKeys: true, prettyErrors: false });
				let theirs: { ok: boolean; data?: unknown } = { ok: d.errors.length === 0 };
				if (theirs.ok) {
					try {
						const data: unknown = d.toJS({ maxAliasCount: 50 });
						theirs = typeof data === "object" && !Array.isArray(data) ? { ok: true, data: data ?? null } : data === undefined ? { ok: true, data: null } : { ok: false };
					} catch {
						theirs = { ok: false };
					}
				}
				if (ours.ok !== theirs.ok) throw new Error(`parseYamlStrict ${ours.ok ? "accepts" : "refuses"} ${show(yaml)}, yaml with uniqueKeys ${theirs.ok ? "accepts" : "refuses"} it${ours.ok ? "" : ": " + ours.reason}`);
				if (ours.ok && !equals(ours.data, theirs.data)) throw new Error(`parseYamlStrict differs on ${show(yaml)}`);
			}),
			fuzz(2),
		);
	});

	// readFrontmatter reads the block in place, so the body after the closing `---` (lines that look like
	// keys or items, tabs, an open quote) must change nothing.
	it("readFrontmatter equals the yaml package's reading of the whole note, or both are errors", () => {
		const note = fc.tuple(fc.boolean(), fc.constantFrom("\n", "\r\n"), flatYaml, fc.constantFrom("", "body\n", "---\nx: 1\n---\n", "  - item\nkey: 1\n", "\tx: \"open\r\n", "\n\n")).map(([bom, eol, yaml, body]) => (bom ? "\uFEFF" : "") + "---" + eol + yaml + "---" + eol + body);
		fc.assert(
			fc.property(note, (text) => {
				const r = readFrontmatter(text);
				const b = locateFrontmatter(text);
				if (!b) {
					expect(r).toEqual({ ok: true, data: null, block: null });
					return;
				}
				const ref = parseYamlStrict(text.slice(b.yamlStart, b.yamlEnd));
				if (r.ok !== ref.ok) throw new Error(`readFrontmatter ${r.ok ? "accepted" : "refused"} ${show(text)}, yaml ${ref.ok ? "accepts" : "refuses"} it`);
				if (r.ok && ref.ok && !equals(r.data, ref.data)) throw new Error(`readFrontmatter differs on ${show(text)}`);
			}),
			fuzz(3),
		);
	});
});

/** Strict structural equality: same keys, same prototypes, numbers by Object.is (so -0 ≠ 0). */
function equals(a: unknown, b: unknown): boolean {
	if (Object.is(a, b)) return true;
	if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
	if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
	if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equals(x, b[i]));
	const ka = Object.keys(a);
	const kb = Object.keys(b);
	return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equals((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
