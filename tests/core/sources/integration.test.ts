import { appendSourceLink, integrateSourceText, parseHeading, withIntegratedInto } from "../../../src/core/sources/integration";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";
import { seedNote } from "../../helpers/fixtures";

const H = "## Sources";
const TODAY = "2026-11-23";

describe("appendSourceLink", () => {
	// [name, before, after] — the link text is always "Talk"
	const table: [string, string, string][] = [
		["adds the heading at the end of a note without it", "# My note\n\nSome thoughts.\n", "# My note\n\nSome thoughts.\n\n## Sources\n- [[Talk]]\n"],
		["adds a line break first when the note has no final one", "# My note\nthoughts", "# My note\nthoughts\n\n## Sources\n- [[Talk]]\n"],
		["does not add a second blank line", "thoughts\n\n", "thoughts\n\n## Sources\n- [[Talk]]\n"],
		["writes into an empty note", "", "## Sources\n- [[Talk]]\n"],
		["writes after a frontmatter-only note", "---\ntags: [x]\n---\n", "---\ntags: [x]\n---\n## Sources\n- [[Talk]]\n"],
		["writes after a frontmatter-only note without a final line break", "---\ntags: [x]\n---", "---\ntags: [x]\n---\n## Sources\n- [[Talk]]\n"],
		["keeps CRLF", "# N\r\n\r\ntext\r\n", "# N\r\n\r\ntext\r\n\r\n## Sources\r\n- [[Talk]]\r\n"],
		["keeps a BOM", "\uFEFF# N\n", "\uFEFF# N\n\n## Sources\n- [[Talk]]\n"],
		["appends as the last item of an existing section", "# N\n\n## Sources\n- [[A]]\n- [[B]]\n\n## Later\nx\n", "# N\n\n## Sources\n- [[A]]\n- [[B]]\n- [[Talk]]\n\n## Later\nx\n"],
		["appends in a section that ends the note without a final line break", "## Sources\n- [[A]]", "## Sources\n- [[A]]\n- [[Talk]]"],
		["appends right under a heading with no items", "## Sources\n\n## Later\n", "## Sources\n- [[Talk]]\n\n## Later\n"],
		["appends under a heading that is the last line", "# N\n## Sources", "# N\n## Sources\n- [[Talk]]"],
		["keeps CRLF inside the section", "## Sources\r\n- [[A]]\r\n\r\n# End", "## Sources\r\n- [[A]]\r\n- [[Talk]]\r\n\r\n# End"],
		["puts the link after the last line of the section, text included", "## Sources\n- [[A]]\n\nsee also\n", "## Sources\n- [[A]]\n\nsee also\n- [[Talk]]\n"],
		["follows the section's list marker", "## Sources\n* [[A]]\n", "## Sources\n* [[A]]\n* [[Talk]]\n"],
		["continues a numbered list", "## Sources\n1. [[A]]\n2. [[B]]\n", "## Sources\n1. [[A]]\n2. [[B]]\n3. [[Talk]]\n"],
		["includes deeper subsections in the section", "## Sources\n- [[A]]\n### Sub\n- [[C]]\n## Next\n", "## Sources\n- [[A]]\n### Sub\n- [[C]]\n- [[Talk]]\n## Next\n"],
		["matches the heading case-insensitively, with closing hashes", "## sources ##\n- [[A]]\n", "## sources ##\n- [[A]]\n- [[Talk]]\n"],
		["ignores a heading of another level", "### Sources\n- [[A]]\n", "### Sources\n- [[A]]\n\n## Sources\n- [[Talk]]\n"],
		["ignores a heading inside a code block", "```\n## Sources\n```\n", "```\n## Sources\n```\n\n## Sources\n- [[Talk]]\n"],
		["closes a code block left open before adding the heading", "# N\n```js\ncode", "# N\n```js\ncode\n```\n## Sources\n- [[Talk]]\n"],
		["closes a code block left open in the section before the item", "## Sources\n- [[A]]\n~~~~\nx\n", "## Sources\n- [[A]]\n~~~~\nx\n~~~~\n- [[Talk]]\n"],
		["ignores headings in the frontmatter", "---\nx: 1\n---\n", "---\nx: 1\n---\n## Sources\n- [[Talk]]\n"],
		["adds no duplicate when the section links the source", "## Sources\n- [[Talk]]\n", "## Sources\n- [[Talk]]\n"],
		["adds no duplicate for an alias or heading link", "## Sources\n- see [[talk#Intro|the talk]]\n", "## Sources\n- see [[talk#Intro|the talk]]\n"],
		["adds the link when it only appears elsewhere", "[[Talk]] is good\n## Sources\n- [[A]]\n", "[[Talk]] is good\n## Sources\n- [[A]]\n- [[Talk]]\n"],
		// CommonMark: a backtick fence's info string holds no backtick, so ```js`x is text, not a fence.
		["reads ```js`x as text, not a fence, and finds the heading below it", "# N\n```js`x\n## Sources\n- [[Old]]\n", "# N\n```js`x\n## Sources\n- [[Old]]\n- [[Talk]]\n"],
		["never takes a heading in a list item's fence for the section", "- item\n  ```\n  ## Sources\n  ```\n", "- item\n  ```\n  ## Sources\n  ```\n\n## Sources\n- [[Talk]]\n"],
		["never takes a heading in a fence opened on a list item's line", "- ```\n  ## Sources\n  ```\n", "- ```\n  ## Sources\n  ```\n\n## Sources\n- [[Talk]]\n"],
		["never takes a heading in a $$ block, and closes one left open", "$$\n## Sources\n", "$$\n## Sources\n$$\n## Sources\n- [[Talk]]\n"],
		["never takes a heading in indented code", "text\n\n    ## Sources\n", "text\n\n    ## Sources\n\n## Sources\n- [[Talk]]\n"],
		["never takes a heading in an HTML block", "<div>\n## Sources\n</div>\n", "<div>\n## Sources\n</div>\n\n## Sources\n- [[Talk]]\n"],
		["needs no closing line for a quote's open fence", "> ```\n> x\n", "> ```\n> x\n\n## Sources\n- [[Talk]]\n"],
		["counts no link in the section's code as the source's", "## Sources\n```\n[[Talk]]\n```\n", "## Sources\n```\n[[Talk]]\n```\n- [[Talk]]\n"],
	];
	it.each(table)("%s", (_name, before, after) => {
		const r = appendSourceLink(before, H, "Talk");
		if (!r.ok) throw new Error(r.reason);
		expect(r.text).toBe(after);
		expect(r.changed).toBe(before !== after);
	});

	it("keeps every byte before the insertion point and after it", () => {
		const seed = seedNote();
		const r = appendSourceLink(seed, H, "Talk");
		if (!r.ok) throw new Error(r.reason);
		expect(r.text.startsWith(seed)).toBe(true);
	});

	it("is idempotent", () => {
		const once = appendSourceLink("# N\n", H, "Folder/Talk");
		if (!once.ok) throw new Error(once.reason);
		expect(appendSourceLink(once.text, H, "Folder/Talk")).toEqual({ ok: true, text: once.text, changed: false });
	});

	it("uses the resolver given to spot an existing link by path", () => {
		const text = "## Sources\n- [[Sources/Talk]]\n";
		const r = appendSourceLink(text, H, "Talk", (p) => p === "Sources/Talk" || p === "Talk");
		expect(r).toEqual({ ok: true, text, changed: false });
	});

	it.each([["Sources"], ["#"], ["####### Too deep"]])("refuses the heading setting %j", (heading) => {
		expect(appendSourceLink("x", heading, "Talk").ok).toBe(false);
	});

	it("uses another configured heading", () => {
		expect(appendSourceLink("x\n", "### Read", "Talk")).toMatchObject({ text: "x\n\n### Read\n- [[Talk]]\n" });
	});

	it("parses ATX headings", () => {
		expect(parseHeading("## Sources")).toEqual({ level: 2, text: "Sources" });
		expect(parseHeading("#Sources")).toBeNull();
	});
});

describe("withIntegratedInto", () => {
	it.each<[string, unknown, string[] | null | "unsafe"]>([
		["refuses a list with non-text items rather than lose them", [["Note"], "[[A]]"], "unsafe"],
		["appends to a list with a number in it (the number is kept)", ["[[A]]", 3], ["[[A]]", "3", "[[Note]]"]],
		["refuses a list with a null item", ["[[A]]", null], "unsafe"],
		["starts a list from nothing", undefined, ["[[Note]]"]],
		["starts a list from null", null, ["[[Note]]"]],
		["keeps existing entries first", ["[[A]]", "plain"], ["[[A]]", "plain", "[[Note]]"]],
		["turns a lone string into a list", "[[A]]", ["[[A]]", "[[Note]]"]],
		["adds no duplicate", ["[[note]]"], null],
		["adds no duplicate of an aliased link", ["[[Note|my note]]"], null],
	])("%s", (_name, current, expected) => {
		expect(withIntegratedInto(current, "Note")).toEqual(expected);
	});
});

describe("integrateSourceText", () => {
	it("refuses, writing nothing, when integrated_into holds an unquoted wikilink (a nested list in YAML)", () => {
		const text = "---\nid: SOURCE-1\ntitle: T\nstatus: raw\nintegrated_into:\n  - [[Old note]]\n---\n";
		const r = integrateSourceText(text, "New note", { statuses: ["raw", "in_progress", "integrated", "archived"] }, "2026-01-02");
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(/not text/);
	});

	it("adds the entry, the status and the date to the seed, and nothing else", () => {
		const seed = seedNote();
		const r = integrateSourceText(seed, "My note", DEFAULT_SETTINGS, TODAY);
		if (!r.ok) throw new Error(r.reason);
		expect(r.text).toBe(
			seed
				.replace("status: raw", "status: integrated")
				.replace("date_integrated: null", `date_integrated: ${TODAY}`)
				.replace("integrated_into: []", 'integrated_into:\n  - "[[My note]]"'),
		);
	});

	it("keeps the status and date of an already integrated source", () => {
		const text = '---\nid: SOURCE-1\nstatus: integrated\ndate_integrated: 2025-01-01\nintegrated_into:\n  - "[[A]]"\n---\n';
		const r = integrateSourceText(text, "B", DEFAULT_SETTINGS, TODAY);
		expect(r).toMatchObject({ ok: true, text: text.replace('  - "[[A]]"\n', '  - "[[A]]"\n  - "[[B]]"\n') });
	});

	it("changes nothing when the entry is there and the source integrated", () => {
		const text = '---\r\nid: SOURCE-1\r\nstatus: integrated\r\ndate_integrated: 2025-01-01\r\nintegrated_into: ["[[B]]"]\r\n---\r\n';
		expect(integrateSourceText(text, "B", DEFAULT_SETTINGS, TODAY)).toEqual({ ok: true, text, changed: false });
	});

	it("refuses an archived source", () => {
		const r = integrateSourceText("---\nid: SOURCE-1\nstatus: archived\n---\n", "B", DEFAULT_SETTINGS, TODAY);
		expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/archived; reopen/) });
	});

	it("adds the key when integrated_into is missing", () => {
		const r = integrateSourceText("\uFEFF---\r\nid: SOURCE-1\r\nstatus: in_progress\r\n---\r\nbody", "B", DEFAULT_SETTINGS, TODAY);
		expect(r).toMatchObject({
			ok: true,
			text: `\uFEFF---\r\nid: SOURCE-1\r\nstatus: integrated\r\nintegrated_into:\r\n  - "[[B]]"\r\ndate_integrated: ${TODAY}\r\n---\r\nbody`,
		});
	});
});
