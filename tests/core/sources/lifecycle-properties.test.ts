/** Properties of the lifecycle edits over generated notes (fast-check, fixed seed). */
import fc from "fast-check";
import { appendSourceLink } from "../../../src/core/sources/integration";
import { transitionNote } from "../../../src/core/sources/lifecycle";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";

const params = { numRuns: Number(process.env.FUZZ_RUNS ?? 300) || 300, seed: 20261123 };

const bodyLine = fc.constantFrom(
	"## Sources",
	"## sources",
	"### Sources",
	"# Title",
	"## Other",
	"- [[A]]",
	"* [[B|b]]",
	"1. [[C#h]]",
	"- [[Talk]]",
	"```",
	"~~~",
	"text with [[Talk]] inside",
	"plain text",
	"",
	"   ",
	"---",
);

/** A note: optional BOM, optional frontmatter, body lines, one line ending, maybe no final break. */
const noteArb = fc
	.record({
		bom: fc.boolean(),
		eol: fc.constantFrom("\n", "\r\n"),
		fm: fc.option(fc.constantFrom("tags: [x]", "id: SOURCE-1\nstatus: raw", "a: 1 # c"), { nil: undefined }),
		lines: fc.array(bodyLine, { maxLength: 14 }),
		finalBreak: fc.boolean(),
	})
	.map(({ bom, eol, fm, lines, finalBreak }) => {
		const all = fm !== undefined ? ["---", ...fm.split("\n"), "---", ...lines] : lines;
		const text = all.join(eol) + (finalBreak && all.length ? eol : "");
		return { text: (bom ? "\uFEFF" : "") + text, eol };
	});

describe("appendSourceLink properties", () => {
	it("only inserts: removing one inserted run gives back the original bytes", () => {
		fc.assert(
			fc.property(noteArb, ({ text }) => {
				const r = appendSourceLink(text, "## Sources", "Talk");
				if (!r.ok) return false;
				if (!r.changed) return r.text === text;
				let i = 0;
				while (i < text.length && text[i] === r.text[i]) i++;
				const inserted = r.text.length - text.length;
				return r.text.slice(i + inserted) === text.slice(i) && r.text.slice(i, i + inserted).includes("[[Talk]]");
			}),
			params,
		);
	});

	it("is idempotent and never adds a second link to the section", () => {
		fc.assert(
			fc.property(noteArb, ({ text }) => {
				const once = appendSourceLink(text, "## Sources", "Talk");
				if (!once.ok) return false;
				const twice = appendSourceLink(once.text, "## Sources", "Talk");
				return twice.ok && !twice.changed && twice.text === once.text;
			}),
			params,
		);
	});

	it("never mixes line endings: inserted breaks are the note's own", () => {
		fc.assert(
			fc.property(noteArb, ({ text, eol }) => {
				const r = appendSourceLink(text, "## Sources", "Talk");
				if (!r.ok || !text.includes("\n")) return true;
				const lone = (s: string) => (s.match(/(?<!\r)\n/g) ?? []).length;
				return eol === "\r\n" ? lone(r.text) === lone(text) : !r.text.includes("\r");
			}),
			params,
		);
	});
});

describe("transitionNote properties", () => {
	const fmLine = fc.constantFrom("title: T", "topics: [a, b]", "# comment", "aliases:\n  - 'x'", "url: \"https://x\" # u", "chain: null");
	const sourceArb = fc
		.record({
			bom: fc.boolean(),
			eol: fc.constantFrom("\n", "\r\n"),
			keys: fc.uniqueArray(fmLine, { maxLength: 6 }),
			split: fc.nat(6),
			status: fc.constantFrom("raw", "'raw'", '"raw"', "raw # c"),
			date: fc.constantFrom("date_integrated: null", "date_integrated: null # d", "date_integrated: 'null'"),
			body: fc.constantFrom("", "\nBody\n", "Body"),
		})
		.map(({ bom, eol, keys, split, status, date, body }) => {
			const before = keys.slice(0, split);
			const after = keys.slice(split);
			const lines = ["---", "id: SOURCE-1", ...before, `status: ${status}`, ...after, date, "---"].join("\n").split("\n");
			return (bom ? "\uFEFF" : "") + lines.join(eol) + (body ? eol + body.replace(/\n/g, eol) : "");
		});

	it("integrate then reopen gives back the original bytes when date_integrated is null", () => {
		fc.assert(
			fc.property(sourceArb, (text) => {
				if (text.includes("date_integrated: 'null'")) return true;
				const a = transitionNote(text, "integrated", DEFAULT_SETTINGS, "2026-11-23");
				if (!a.ok || !a.changed) return false;
				const b = transitionNote(a.text, "raw", DEFAULT_SETTINGS, "2026-11-23");
				return b.ok && b.text === text;
			}),
			params,
		);
	});

	it("changes only the status and date_integrated lines", () => {
		fc.assert(
			fc.property(sourceArb, (text) => {
				const a = transitionNote(text, "integrated", DEFAULT_SETTINGS, "2026-11-23");
				if (!a.ok) return false;
				const before = text.split("\n");
				const after = a.text.split("\n");
				if (before.length !== after.length) return false;
				return before.every((l, i) => l === after[i] || (/^(status|date_integrated):/.test(l) && /^(status|date_integrated):/.test(after[i] ?? "")));
			}),
			params,
		);
	});
});
