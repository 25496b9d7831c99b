/**
 * Property tests for names and comments a hostile or unlucky vault holds (docs/safety.md):
 * note names with `# | [ ] ^`, names that differ only by case, and comments inside flow
 * lists and after block-scalar indicators.
 */
import fc from "fast-check";
import { planSync, applyPlan } from "../../src/core/vault/backlinks";
import { LinkResolver } from "../../src/core/vault/links";
import { SourceIndex } from "../../src/core/vault/source-index";
import { DEFAULT_SETTINGS } from "../../src/core/sources/settings";
import { readFrontmatter } from "../../src/core/frontmatter/frontmatter";
import { editFrontmatter } from "../../src/core/frontmatter/edit";
import { textItems } from "../../src/core/sources/source";
import { fuzz } from "./config";

/** A name piece: letters in both cases, and the characters links cannot hold (plus `^`, `.`). */
const namePart = fc.string({ unit: fc.constantFrom(..."aAbBcC #|[]^.-"), minLength: 1, maxLength: 6 }).filter((s) => s.trim() === s && s !== "" && !s.startsWith("."));
const notePath = fc.tuple(fc.option(fc.constantFrom("F", "f", "G/h"), { nil: undefined }), namePart).map(([folder, name]) => (folder ? `${folder}/${name}.md` : `${name}.md`));
/** Notes, each sometimes with a case-only twin. */
const notePaths = fc
	.uniqueArray(fc.tuple(notePath, fc.boolean()), { minLength: 1, maxLength: 8, selector: ([p]) => p })
	.map((list) => [...new Set(list.flatMap(([p, twin]) => (twin ? [p, p.replace(/[a-z]/, (c) => c.toUpperCase()).replace(/[A-Z]/, (c) => c.toLowerCase())] : [p])))].filter((p) => p !== "s.md"));

describe("integrated_into entries for hostile names (docs/safety.md)", () => {
	it("every entry sync writes resolves back to its note; every other integrating note is reported; a second sync plans nothing", () => {
		fc.assert(
			fc.property(notePaths, (paths) => {
				let text = "---\nid: SOURCE-s\ntitle: s\nstatus: integrated\nintegrated_into: []\n---\n";
				const resolver = new LinkResolver(["s.md", ...paths]);
				const plan = () => {
					const index = new SourceIndex(DEFAULT_SETTINGS);
					const fm = readFrontmatter(text);
					index.setNote("s.md", fm.ok ? fm.data : null, false);
					for (const p of paths) {
						index.setNote(p, null, false);
						index.setLinks(p, { "s.md": 1 }, false);
					}
					index.bump([]);
					return planSync(index, resolver, DEFAULT_SETTINGS, "2026-01-02");
				};
				const first = plan();
				for (const p of first) {
					const r = applyPlan(text, p.edits);
					if (r.ok) text = r.text;
				}
				const fm = readFrontmatter(text);
				const entries = (fm.ok ? textItems(fm.data?.integrated_into) : null) ?? [];
				const listed = entries.map((e) => resolver.resolve(e.slice(2, -2), "s.md"));
				for (const dest of listed) expect(paths).toContain(dest);
				const warned = first.flatMap((p) => p.warnings).map((w) => w.slice(0, w.indexOf(" links to this source")));
				expect([...listed, ...warned].sort()).toEqual([...paths].sort());
				expect(plan().every((p) => p.edits.length === 0)).toBe(true);
			}),
			fuzz(0.5),
		);
	});
});

describe("comments inside flow lists and after block-scalar indicators (docs/safety.md)", () => {
	const comment = fc.constantFrom("# why", "# keep", "# none yet", "#x");
	const field = fc.oneof(
		fc.tuple(fc.constantFrom("aliases", "integrated_into"), comment, fc.constantFrom("", '"a"', "a, b")).map(([k, c, items]) => `${k}: [ ${c}\n  ${items}]`),
		fc.tuple(fc.constantFrom("aliases", "integrated_into"), comment).map(([k, c]) => `${k}: [${'"x"'}, # ${c.slice(1)}\n  "y"]`),
		fc.tuple(fc.constantFrom("status", "date_integrated"), fc.constantFrom(">-", "|", ">", "|+", "|2"), comment).map(([k, ind, c]) => `${k}: ${ind} ${c}\n  text`),
		fc.tuple(fc.constantFrom("aliases", "integrated_into"), comment).map(([k, c]) => `${k}:\n  - a\n  ${c}\n  - b`),
	);
	const value = fc.oneof(fc.constantFrom("archived", "2026-01-02", null), fc.array(fc.constantFrom("a", "b", "c", "A talk"), { maxLength: 4 }));

	it("an edit keeps every comment of the note, or is refused naming one", () => {
		fc.assert(
			fc.property(fc.uniqueArray(field, { minLength: 1, maxLength: 3, selector: (f) => f.slice(0, f.indexOf(":")) }), fc.constantFrom("status", "date_integrated", "aliases", "integrated_into"), value, (fields, key, v) => {
				const text = `---\nid: SOURCE-x\n${fields.join("\n")}\n---\nBody\n`;
				if (!readFrontmatter(text).ok) return;
				const r = editFrontmatter(text, [{ key, value: v }]);
				const comments = text.match(/#[^\n]*/g) ?? [];
				if (!r.ok) {
					expect(r.reason).not.toMatch(/^TypeError|undefined/);
					return;
				}
				const after = r.text.match(/#[^\n]*/g) ?? [];
				expect(after).toEqual(comments);
			}),
			fuzz(),
		);
	});
});
