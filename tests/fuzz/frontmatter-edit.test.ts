/**
 * Property tests of the byte-exact editor (docs/reference.md §10): on generated frontmatter with
 * comments, every quoting style, flow and block lists, empty values, nulls, CRLF, BOM and
 * a body, random edits change only the edited keys' lines, read back as intended, can be
 * reverted to the original bytes, and malformed input is refused without a throw.
 */
import fc from "fast-check";
import { editFrontmatter, type FieldEdit, type FieldValue } from "../../src/core/frontmatter/edit";
import { locateFrontmatter, parseYamlStrict } from "../../src/core/frontmatter/frontmatter";
import { codePoint, editValue, keyName, noteModel, render, type KeyEntry, type NoteModel, type RenderedNote } from "./yaml-gen";
import { fuzz } from "./config";

function yamlOf(text: string): string {
	const b = locateFrontmatter(text);
	if (!b) throw new Error("no frontmatter in generated note");
	return text.slice(b.yamlStart, b.yamlEnd);
}

/** Glob match: `pieces[0] * pieces[1] * … * pieces[n]` anchored at both ends. */
function matchesWithHoles(text: string, pieces: string[]): boolean {
	const first = pieces[0] ?? "";
	if (!text.startsWith(first)) return false;
	let at = first.length;
	for (let i = 1; i < pieces.length - 1; i++) {
		const p = pieces[i] as string;
		const found = text.indexOf(p, at);
		if (found === -1) return false;
		at = found + p.length;
	}
	const last = pieces.length > 1 ? (pieces[pieces.length - 1] as string) : "";
	return pieces.length === 1 ? text === first : text.length - last.length >= at && text.endsWith(last);
}

/**
 * The untouched stretches of a note when the given keys are edited and new keys are
 * appended: an edited key keeps its name and colon; the hole runs to the end of its last line.
 */
function untouchedPieces(note: RenderedNote, model: NoteModel, editedKeys: Set<string>, appends: boolean): string[] {
	const pieces: string[] = [];
	let from = 0;
	model.entries.forEach((e, i) => {
		if (e.kind !== "key" || !editedKeys.has(e.key)) return;
		const span = note.spans[i]!;
		const colon = note.text.indexOf(":", span.from + e.key.length);
		pieces.push(note.text.slice(from, colon + 1));
		from = span.to - model.eol.length;
	});
	if (appends) pieces.push(note.text.slice(from, note.yamlEnd), note.text.slice(note.yamlEnd));
	else pieces.push(note.text.slice(from));
	return pieces;
}

const entryKeys = (m: NoteModel) => m.entries.filter((e): e is KeyEntry => e.kind === "key");

/** A note and 1–3 edits of existing or new keys. */
const noteAndEdits = noteModel.chain((model) => {
	const keys = entryKeys(model).map((e) => e.key);
	const editKey = fc.oneof(fc.constantFrom(...keys), keyName);
	return fc.tuple(fc.constant(model), fc.uniqueArray(fc.record({ key: editKey, value: editValue }), { minLength: 1, maxLength: 3, selector: (e) => e.key }));
});

describe("byte-exact editor (property)", () => {
	it("the generator's notes read as their model says (sanity of the generator)", () => {
		fc.assert(
			fc.property(noteModel, (model) => {
				const note = render(model);
				const parsed = parseYamlStrict(yamlOf(note.text));
				expect(parsed).toEqual({ ok: true, data: note.data });
			}),
			fuzz(),
		);
	});

	it("applies any edits (or refuses one that would remove a comment), reads back as intended, and keeps every other byte", () => {
		fc.assert(
			fc.property(noteAndEdits, ([model, edits]) => {
				const note = render(model);
				const r = editFrontmatter(note.text, edits);
				// Comments stay (docs/safety.md): the one refusal allowed names a comment of the note the edit would remove.
				const lost = r.ok ? null : /would remove the comment "(.*)"; edit it by hand$/.exec(r.reason);
				if (lost) {
					expect(note.text).toContain(lost[1]);
					return;
				}
				expect(r.ok).toBe(true);
				if (!r.ok) return;
				const intended = { ...note.data };
				for (const e of edits) intended[e.key] = e.value;
				const after = parseYamlStrict(yamlOf(r.text));
				expect(after.ok && after.data).toEqual(normaliseZero(intended));
				// BOM, opening line, body and every untouched entry are byte-identical.
				const existing = new Set(entryKeys(model).map((e) => e.key));
				const changedKeys = new Set(edits.filter((e) => existing.has(e.key) && !sameData(note.data[e.key], e.value)).map((e) => e.key));
				const appends = edits.some((e) => !existing.has(e.key));
				const pieces = untouchedPieces(note, model, changedKeys, appends);
				if (!matchesWithHoles(r.text, pieces)) {
					throw new Error(`bytes outside the edited keys changed\nbefore: ${JSON.stringify(note.text)}\nafter:  ${JSON.stringify(r.text)}`);
				}
				// Line breaks keep the note's style.
				if (model.eol === "\r\n") expect(/(^|[^\r])\n/.test(yamlOf(r.text))).toBe(false);
				else expect(yamlOf(r.text).includes("\r")).toBe(note.text.slice(0, note.yamlEnd).includes("\r"));
				// Applying the same edits again changes nothing.
				expect(editFrontmatter(r.text, edits as FieldEdit[])).toEqual({ ok: true, text: r.text, changed: false });
			}),
			fuzz(),
		);
	});

	it("edit then revert gives back the original bytes (scalars in their own quoting, null ↔ date, lists)", () => {
		const revertable = noteModel.chain((model) => {
			const candidates = entryKeys(model).filter((e) => e.canonical);
			if (candidates.length === 0) return fc.constant(null);
			return fc.tuple(fc.constant(model), fc.constantFrom(...candidates)).chain(([m, entry]) => {
				let next: fc.Arbitrary<FieldValue>;
				if (entry.form === "null") next = fc.constantFrom("2026-01-02", "2025-12-31");
				else if (entry.form === "block" || entry.form === "flow") {
					const items = entry.style === "plain" ? fc.array(fc.constantFrom("more", "Another one", "x-y"), { minLength: 1, maxLength: 3 }) : fc.array(fc.constantFrom("more", "[[Note]]", "a: b"), { minLength: 1, maxLength: 3 });
					next = items.map((extra) => [...(entry.value as string[]), ...extra]);
				} else if (entry.style === "plain") next = fc.constantFrom("other", "Other value 2", "x");
				else next = fc.constantFrom("other", "with: colon", "it's", "#hash", "");
				return fc.tuple(fc.constant(m), fc.constant(entry), next);
			});
		});
		fc.assert(
			fc.property(revertable, (c) => {
				if (c === null) return;
				const [model, entry, value] = c;
				const note = render(model);
				const there = editFrontmatter(note.text, [{ key: entry.key, value }]);
				expect(there.ok).toBe(true);
				if (!there.ok) return;
				const back = editFrontmatter(there.text, [{ key: entry.key, value: entry.value as FieldValue }]);
				expect(back.ok && back.text).toBe(note.text);
			}),
			fuzz(),
		);
	});

	it("setting a key then setting it again to the same value is a no-op (idempotent)", () => {
		fc.assert(
			fc.property(noteAndEdits, ([model, edits]) => {
				const note = render(model);
				const once = editFrontmatter(note.text, edits);
				if (!once.ok) return;
				for (const e of edits) {
					const again = editFrontmatter(once.text, [e]);
					expect(again).toEqual({ ok: true, text: once.text, changed: false });
				}
			}),
			fuzz(0.5),
		);
	});

	it("malformed or mutated frontmatter is refused with a reason and never throws", () => {
		const mutation = fc.constantFrom(
			(y: string) => "\t" + y,
			(y: string) => y.replace(/^([a-z_][\w-]*)(\s*:.*)$/m, "$1$2\n$1: dup"),
			(y: string) => y + 'broken: "unclosed\n',
			(y: string) => y + "a1: &a [x,x,x,x,x,x,x,x,x]\nb1: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc1: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd1: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
			(y: string) => y + "list: [a, b\n",
			(y: string) => y + "  indented: wrongly\n",
			(y: string) => y + "- stray item\n",
			(y: string) => y + "? complex\n: key\n",
			(y: string) => y + "deep: " + "[".repeat(200) + "\n",
		);
		const text = fc.oneof(
			fc.tuple(noteModel, mutation).map(([m, mut]) => {
				const note = render(m);
				const b = locateFrontmatter(note.text)!;
				const yaml = note.text.slice(b.yamlStart, b.yamlEnd).replace(/\r\n/g, "\n");
				return note.text.slice(0, b.yamlStart) + mut(yaml) + note.text.slice(b.yamlEnd);
			}),
			fc.tuple(noteModel, fc.nat(), fc.string({ maxLength: 3 })).map(([m, at, junk]) => {
				const t = render(m).text;
				const i = at % (t.length + 1);
				return t.slice(0, i) + junk + t.slice(i + 1);
			}),
			fc.string({ unit: fc.oneof(fc.constantFrom(..."-:\n\r\t #'\"[]{}&*!|>"), codePoint), maxLength: 80 }).map((s) => "---\n" + s + "\n---\n"),
			fc.string({ maxLength: 60 }),
		);
		fc.assert(
			fc.property(text, editValue, (t, value) => {
				let r: ReturnType<typeof editFrontmatter>;
				try {
					r = editFrontmatter(t, [{ key: "status", value }]);
				} catch (e) {
					throw new Error(`editFrontmatter threw on ${JSON.stringify(t)}: ${String(e)}`);
				}
				const b = locateFrontmatter(t);
				const before = b ? parseYamlStrict(t.slice(b.yamlStart, b.yamlEnd)) : null;
				if (!b || !before?.ok) {
					expect(r.ok).toBe(false);
					if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
					return;
				}
				if (!r.ok) return; // refused a form it does not rewrite: allowed, nothing written
				// Accepted: only the frontmatter changed, and it reads as intended.
				expect(r.text.slice(0, b.yamlStart)).toBe(t.slice(0, b.yamlStart));
				expect(r.text.endsWith(t.slice(b.yamlEnd))).toBe(true);
				const after = parseYamlStrict(yamlOf(r.text));
				expect(after.ok && after.data?.status).toEqual(normaliseZero(value));
			}),
			fuzz(),
		);
	});
});

function sameData(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b) && (typeof a === typeof b);
}

/** yaml reads `-0` as 0; compare numbers by value. */
function normaliseZero<T>(v: T): T {
	return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === "number" && Object.is(x, -0) ? 0 : x))) as T;
}
