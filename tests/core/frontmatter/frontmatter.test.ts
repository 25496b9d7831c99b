import { locateFrontmatter, readFrontmatter, readFlatYaml, FALLBACK, parseYamlStrict, looksLikeSource } from "../../../src/core/frontmatter/frontmatter";
import { editFrontmatter } from "../../../src/core/frontmatter/edit";
import { seedNote } from "../../helpers/fixtures";

describe("locateFrontmatter", () => {
	it.each([
		["no frontmatter", "# Title\n", null],
		["empty block is no frontmatter (as Obsidian)", "---\n---\nbody", null],
		["unclosed block is no frontmatter", "---\na: 1\nbody\n", null],
		["not on the first line", "\n---\na: 1\n---\n", null],
	])("%s", (_name, text, expected) => {
		expect(locateFrontmatter(text)).toBe(expected);
	});

	it("finds a LF block and reports Obsidian's end offset", () => {
		const b = locateFrontmatter("---\na: 1\n---\nbody");
		expect(b).toMatchObject({ bom: 0, start: 0, yamlStart: 4, yamlEnd: 9, end: 12, eol: "\n", endLine: 2 });
	});

	it("finds a CRLF block after a BOM", () => {
		const b = locateFrontmatter("\uFEFF---\r\na: 1\r\n---\r\nbody");
		expect(b).toMatchObject({ bom: 1, start: 1, yamlStart: 6, yamlEnd: 12, end: 15, eol: "\r\n" });
	});

	it("accepts a closing --- at the end of the file", () => {
		expect(locateFrontmatter("---\na: 1\n---")?.end).toBe(12);
	});
});

describe("readFrontmatter", () => {
	it("reads the seed note as the yaml package does", () => {
		const text = seedNote();
		const r = readFrontmatter(text);
		expect(r.ok).toBe(true);
		const block = locateFrontmatter(text);
		const ref = parseYamlStrict(text.slice(block!.yamlStart, block!.yamlEnd));
		expect(r.ok && r.data).toEqual(ref.ok && ref.data);
		expect(r.ok && r.data?.id).toBe("SOURCE-20251128-973");
		expect(r.ok && r.data?.date_published).toBe("2025-11-28");
		expect(r.ok && r.data?.has_transcript).toBe("no");
	});

	it("the fast reader handles the seed note without falling back", () => {
		const text = seedNote();
		const b = locateFrontmatter(text)!;
		expect(readFlatYaml(text.slice(b.yamlStart, b.yamlEnd))).not.toBe(FALLBACK);
	});

	it.each([
		["a plain value", "cadence: evergreen # why it lasts\n", { cadence: "evergreen" }],
		["a plain list item", "topics:\n  - ai   # main one\n", { topics: ["ai"] }],
		["a number", "n: 42 # answer\n", { n: 42 }],
		["an empty flow list", "key_insights: [] # later\n", { key_insights: [] }],
	])("the fast reader ends %s at a trailing comment, as yaml does", (_name, yaml, expected) => {
		expect(readFlatYaml(yaml)).toEqual(expected);
		expect(parseYamlStrict(yaml)).toEqual({ ok: true, data: expected });
	});

	it.each([
		["duplicate keys", "---\na: 1\na: 2\n---\n", /unique/i],
		["tab indentation", "---\na:\n\t- x\n---\n", /tab/i],
		["syntax error", '---\na: "unclosed\n---\n', /.+/],
		["alias bomb", "---\na: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n---\n", /alias/i],
	])("refuses %s with the parser's reason", (_name, text, reason) => {
		const r = readFrontmatter(text);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(reason);
	});
});

describe("looksLikeSource", () => {
	it.each([
		["id: SOURCE-1", true],
		['id: "SOURCE-1"', true],
		["id: 'SOURCE-1'", true],
		["id: NOTE-1", false],
		["  id: SOURCE-1", false],
		["meta:\n  id: SOURCE-1", false],
		["xid: SOURCE-1", false],
		['"id": "SOURCE-1"', true],
		["'id': SOURCE-1", true],
		['  "id": "SOURCE-1",', true],
		['{"title": "x", "id": "SOURCE-1"}', true],
		["{id: SOURCE-1, title: x}", true],
		['"xid": "SOURCE-1"', false],
		['"id": "NOTE-1"', false],
	])("%s → %s", (line, expected) => {
		expect(looksLikeSource(`title: x\n${line}\n`, "SOURCE-")).toBe(expected);
	});
});

describe("editFrontmatter on a flow-map (JSON) frontmatter", () => {
	const json = '---\n{\n  "id": "SOURCE-1",\n  "status": "raw",\n  "date_integrated": null,\n  "integrated_into": []\n}\n---\nbody\n';

	it("keeps JSON: values replaced in place, an empty list filled inline, a new key on a line of its own", () => {
		const r = editFrontmatter(json, [
			{ key: "integrated_into", value: ["[[n]]"] },
			{ key: "status", value: "integrated" },
			{ key: "date_integrated", value: "2026-01-01" },
			{ key: "aliases", value: ["Talk, part 1"] },
		]);
		expect(r.ok && r.text).toBe('---\n{\n  "id": "SOURCE-1",\n  "status": "integrated",\n  "date_integrated": "2026-01-01",\n  "integrated_into": ["[[n]]"],\n  "aliases": ["Talk, part 1"]\n}\n---\nbody\n');
		if (r.ok) expect(JSON.parse(r.text.slice(4, r.text.indexOf("\n---", 4)))).toEqual({ id: "SOURCE-1", status: "integrated", date_integrated: "2026-01-01", integrated_into: ["[[n]]"], aliases: ["Talk, part 1"] });
	});

	it("gives the original bytes back when the edit is undone", () => {
		const r = editFrontmatter(json, [{ key: "status", value: "integrated" }, { key: "date_integrated", value: "2026-01-01" }]);
		const back = r.ok ? editFrontmatter(r.text, [{ key: "status", value: "raw" }, { key: "date_integrated", value: null }]) : r;
		expect(back.ok && back.text).toBe(json);
	});

	it.each([
		["{id: S, status: raw}", [{ key: "status", value: "integrated" }, { key: "aliases", value: ["a"] }], '{id: S, status: integrated, aliases: ["a"]}'],
		["{}", [{ key: "aliases", value: ["a"] }], '{aliases: ["a"]}'],
		["{id: S, tags: [x]}", [{ key: "tags", value: ["x", "y, z"] }], '{id: S, tags: [x, "y, z"]}'],
		["{id: S, d:}", [{ key: "d", value: "2026-01-02" }], "{id: S, d: 2026-01-02}"],
		["{id: S, d: }", [{ key: "d", value: "2026-01-02" }], "{id: S, d: 2026-01-02 }"],
	])("edits the one-line flow map %s", (map, edits, after) => {
		const r = editFrontmatter(`---\n${map}\n---\n`, edits);
		expect(r.ok && r.text).toBe(`---\n${after}\n---\n`);
	});

	it("appends JSON strings to a JSON list whose first item is a number", () => {
		const r = editFrontmatter('---\n{"id": "S", "aliases": [2001, true]}\n---\n', [{ key: "aliases", value: ["2001", "true", "Alpha beta"] }]);
		expect(r.ok && r.text).toBe('---\n{"id": "S", "aliases": [2001, true, "Alpha beta"]}\n---\n');
	});

	it("refuses a flow map whose last entry is followed by a comma", () => {
		const r = editFrontmatter("---\n{id: S,}\n---\n", [{ key: "aliases", value: ["a"] }]);
		expect(r.ok).toBe(false);
	});
});

describe("editFrontmatter", () => {
	it.each([
		["aliases:\n  - 2001\n  - true\n", "aliases:\n  - 2001\n  - true\n  - \"new\"\n"],
		["aliases: [2001, 'x']\n", "aliases: [2001, 'x', 'new']\n"],
	])("appends to a list with number and boolean items, keeping their bytes: %j", (before, after) => {
		const value = before.includes("[") ? ["2001", "x", "new"] : ["2001", "true", "new"];
		const r = editFrontmatter(`---\nid: S\n${before}---\n`, [{ key: "aliases", value }]);
		expect(r.ok && r.text).toBe(`---\nid: S\n${after}---\n`);
	});

	it("changes only the status value of the seed note", () => {
		const text = seedNote();
		const r = editFrontmatter(text, [{ key: "status", value: "integrated" }]);
		expect(r.ok && r.text).toBe(text.replace("status: raw", "status: integrated"));
	});

	it("keeps quotes, comments and CRLF, and appends a missing key", () => {
		const text = '\uFEFF---\r\ntitle: "A" # the title\r\nstatus: raw\r\n---\r\nBody\r\n';
		const r = editFrontmatter(text, [{ key: "title", value: "B" }, { key: "date_integrated", value: "2026-01-02" }]);
		expect(r.ok && r.text).toBe('\uFEFF---\r\ntitle: "B" # the title\r\nstatus: raw\r\ndate_integrated: 2026-01-02\r\n---\r\nBody\r\n');
	});

	it.each([
		["LF", "---\nid: SOURCE-9\ntitle: x\n...\n---\nBody\n", "---\nid: SOURCE-9\ntitle: x\nstatus: raw\n...\n---\nBody\n"],
		["CRLF and a comment", "---\r\nid: SOURCE-9\r\n... # end\r\n---\r\n", "---\r\nid: SOURCE-9\r\nstatus: raw\r\n... # end\r\n---\r\n"],
	])("adds a missing key before a document end marker (...), %s", (_what, text, expected) => {
		const r = editFrontmatter(text, [{ key: "status", value: "raw" }]);
		expect(r.ok && r.text).toBe(expected);
	});

	it("appends to a block list in the style of its first item", () => {
		const text = "---\naliases:\n  - 'One'\n  - 'Two' # mine\nx: 1\n---\n";
		const r = editFrontmatter(text, [{ key: "aliases", value: ["One", "Two", "Three"] }]);
		expect(r.ok && r.text).toBe("---\naliases:\n  - 'One'\n  - 'Two' # mine\n  - 'Three'\nx: 1\n---\n");
	});

	it("turns an empty flow list into a quoted block list, as Obsidian writes it", () => {
		const text = "---\nintegrated_into: []\nx: 1\n---\n";
		const r = editFrontmatter(text, [{ key: "integrated_into", value: ["[[Note]]"] }]);
		expect(r.ok && r.text).toBe('---\nintegrated_into:\n  - "[[Note]]"\nx: 1\n---\n');
	});

	it("keeps a non-empty flow list flow", () => {
		const text = "---\ntopics: [a, b]\n---\n";
		const r = editFrontmatter(text, [{ key: "topics", value: ["a", "b", "c d"] }]);
		expect(r.ok && r.text).toBe("---\ntopics: [a, b, c d]\n---\n");
	});

	it("fills an empty value", () => {
		const r = editFrontmatter("---\ndate_integrated:\nx: 1\n---\n", [{ key: "date_integrated", value: "2026-01-02" }]);
		expect(r.ok && r.text).toBe("---\ndate_integrated: 2026-01-02\nx: 1\n---\n");
	});

	it("sets null and back gives the original bytes", () => {
		const text = "---\ndate_integrated: null # when\n---\n";
		const a = editFrontmatter(text, [{ key: "date_integrated", value: "2026-01-02" }]);
		expect(a.ok).toBe(true);
		const b = a.ok ? editFrontmatter(a.text, [{ key: "date_integrated", value: null }]) : a;
		expect(b.ok && b.text).toBe(text);
	});

	it("quotes a plain value that would change meaning", () => {
		const r = editFrontmatter("---\ntitle: x\n---\n", [{ key: "title", value: "Why: yes" }]);
		expect(r.ok && r.text).toBe('---\ntitle: "Why: yes"\n---\n');
	});

	it("reports no change when the value is already there", () => {
		const text = seedNote();
		const r = editFrontmatter(text, [{ key: "status", value: "raw" }]);
		expect(r).toEqual({ ok: true, text, changed: false });
	});

	it.each([
		["malformed YAML", "---\na: [\n---\n"],
		["no frontmatter", "# x\n"],
		["duplicate keys", "---\nstatus: raw\nstatus: raw\n---\n"],
	])("refuses %s", (_n, text) => {
		expect(editFrontmatter(text, [{ key: "status", value: "integrated" }]).ok).toBe(false);
	});
});

describe("fast reader agrees with the yaml package on counterexamples found by fuzzing", () => {
	it.each([
		["a trailing NBSP after a quoted value (yaml: error)", 'a: "" \u00a0\n'],
		["a line holding only a BOM character (yaml: error)", 'id: ""\n\uFEFF\n'],
		["an empty list item (yaml: null)", "A:\n- \n"],
		["an item holding only a comment (yaml: null)", "A:\n- # c\n"],
		["a capitalised boolean key (yaml: key \"true\")", 'True: ""\n'],
		["a null key (yaml: key \"\")", "null: x\n"],
		["a trailing NBSP in a plain value (kept by yaml)", "a: x\u00a0\n"],
		["a value of only an NBSP (a string for yaml)", "a: \u00a0\n"],
		["a lone carriage return inside a value", "a: x\ry\n"],
		["a control character in a value", "a: x\u0007\n"],
	])("%s", (_name, yaml) => {
		const fast = readFlatYaml(yaml);
		const ref = parseYamlStrict(yaml);
		if (fast !== FALLBACK) expect(ref).toEqual({ ok: true, data: fast });
		const r = readFrontmatter(`---\n${yaml}---\n`);
		expect(r.ok).toBe(ref.ok);
		if (r.ok && ref.ok) expect(r.data).toEqual(ref.data);
	});
});

describe("editFrontmatter on an empty value with a comment (found by fuzzing)", () => {
	it.each([
		["a scalar keeps the comment after it", "x", "---\nkey: # note\nz: 1\n---\n", "---\nkey: x # note\nz: 1\n---\n"],
		["a list goes below the key, the comment stays on its line", ["a"], "---\nkey: # note\nz: 1\n---\n", '---\nkey: # note\n  - "a"\nz: 1\n---\n'],
		["an empty list goes before the comment", [], "---\nkey: # note\nz: 1\n---\n", "---\nkey: [] # note\nz: 1\n---\n"],
	])("%s", (_name, value, text, expected) => {
		const r = editFrontmatter(text, [{ key: "key", value: value }]);
		expect(r.ok && r.text).toBe(expected);
	});
});

describe("parseYamlStrict on hostile frontmatter", () => {
	it.each([
		["10,000 nested [", "x: " + "[".repeat(10_000) + "\n", /nests .* deep/],
		["10,000 nested {", "x: " + "{a: ".repeat(10_000) + "1" + "}".repeat(10_000) + "\n", /nests .* deep/],
		["a duplicate key, named in the reason", "a: 1\nb: 2\na: 3\n", /unique: "a"/],
		["a duplicate key in a nested map", "m: {x: 1, x: 2}\n", /unique: "x"/],
	])("refuses %s with a clear reason", (_name, yaml, reason) => {
		const r = parseYamlStrict(yaml);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(reason);
	});

	it("reads 20,000 distinct keys through the yaml fallback (duplicate check is linear, not the parser's quadratic one)", () => {
		const yaml = Array.from({ length: 20_000 }, (_, i) => `k${i}: {v: ${i}}`).join("\n") + "\n";
		const r = parseYamlStrict(yaml);
		expect(r.ok && Object.keys(r.data ?? {}).length).toBe(20_000);
	});
});

describe("editFrontmatter next to block scalars (| and >): the line break after one is kept", () => {
	it.each<[string, string, { key: string; value: string | string[] | null }, string]>([
		["a folded scalar, last key", "---\nid: S\nstatus: >-\n  raw\n---\nbody\n", { key: "status", value: "in_progress" }, "---\nid: S\nstatus: in_progress\n---\nbody\n"],
		["a literal scalar, not last", "---\nstatus: |\n  raw\ntitle: T\n---\n", { key: "status", value: "archived" }, "---\nstatus: archived\ntitle: T\n---\n"],
		["a literal scalar with a blank line after it", "---\nstatus: |\n  raw\n\ntitle: T\n---\n", { key: "status", value: "raw2" }, "---\nstatus: raw2\n\ntitle: T\n---\n"],
		["CRLF", "---\r\nstatus: >-\r\n  raw\r\n---\r\n", { key: "status", value: "done" }, "---\r\nstatus: done\r\n---\r\n"],
		["a block scalar becoming a list", "---\nintegrated_into: >-\n  [[m]]\n---\nb\n", { key: "integrated_into", value: ["[[m]]", "[[n]]"] }, '---\nintegrated_into:\n  - "[[m]]"\n  - "[[n]]"\n---\nb\n'],
		["a list whose last item is a block scalar", "---\naliases:\n  - |\n    text\n---\n", { key: "aliases", value: ["text\n", "n"] }, "---\naliases:\n  - |\n    text\n  - \"n\"\n---\n"],
	])("%s", (_what, text, edit, expected) => {
		const r = editFrontmatter(text, [edit]);
		expect(r.ok && r.text).toBe(expected);
	});
});

describe("editFrontmatter on lists with anchors or tags", () => {
	it("appends after tagged or anchored items, keeping them and the comments byte for byte", () => {
		const text = '---\nintegrated_into:\n  # my sources\n  - "[[X]]" # why\n  - !!str "[[Y]]"\n  - &z "[[Z]]"\n---\n';
		const r = editFrontmatter(text, [{ key: "integrated_into", value: ["[[X]]", "[[Y]]", "[[Z]]", "[[n]]"] }]);
		expect(r.ok && r.text).toBe('---\nintegrated_into:\n  # my sources\n  - "[[X]]" # why\n  - !!str "[[Y]]"\n  - &z "[[Z]]"\n  - "[[n]]"\n---\n');
		const flow = "---\naliases: [a, !!str b] # c\n---\n";
		const f = editFrontmatter(flow, [{ key: "aliases", value: ["a", "b", "c"] }]);
		expect(f.ok && f.text).toBe("---\naliases: [a, !!str b, c] # c\n---\n");
	});

	it.each([
		["a tagged item", "---\naliases:\n  - !!str b\n  - c\n---\n"],
		["an anchored item", "---\naliases: [&x b, c]\n---\n"],
		["a nested map item", "---\naliases:\n  - {a: 1}\n---\n"],
	])("refuses to rewrite a list with %s (nothing changes)", (_what, text) => {
		const r = editFrontmatter(text, [{ key: "aliases", value: ["z"] }]);
		expect(r.ok).toBe(false);
		expect(!r.ok && r.reason).toMatch(/does not rewrite/);
	});
});

describe("editFrontmatter on flow lists", () => {
	it.each([
		["a value with a comma is quoted", "---\nx: [a, b]\n---\n", ["a", "b", "c, d"], '---\nx: [a, b, "c, d"]\n---\n'],
		["mixed quoting of existing items is kept", "---\nx: ['a', \"b\", c]\n---\n", ["a", "b", "c", "d"], "---\nx: ['a', \"b\", c, 'd']\n---\n"],
		["brackets are quoted", "---\nx: [a]\n---\n", ["a", "[[Note]]"], '---\nx: [a, "[[Note]]"]\n---\n'],
	])("%s", (_n, text, value, expected) => {
		const r = editFrontmatter(text, [{ key: "x", value }]);
		expect(r.ok && r.text).toBe(expected);
	});
});

describe("readFlatYaml over notes that share their keys, one after another", () => {
	const read = (yaml: string) => {
		const fast = readFlatYaml(yaml);
		const strict = parseYamlStrict(yaml);
		return { fast, strict: strict.ok ? strict.data : strict.reason };
	};

	it("gives each note its own values and keys, in the order written", () => {
		const sequence = [
			"id: A\ntitle: one\ntags:\n  - x\n",
			"id: B\ntitle: 2\ntags:\n  - y\n  - z\n",
			"id: C\ntitle: three\ntags: []\n",
			"title: swapped\nid: D\ntags: null\n",
			"id: E\ntitle: fewer\n",
			"id: F\ntitle: more\ntags:\n  - w\nextra: true\n",
			"id: G\ntitle: again\ntags:\n  - v\n",
		];
		for (const yaml of sequence) {
			const { fast, strict } = read(yaml);
			expect(fast).toEqual(strict);
			expect(Object.keys(fast as object)).toEqual(Object.keys(strict as object));
		}
	});

	it("still refuses a repeated key after a prefix of the last note's keys", () => {
		readFlatYaml("id: A\ntitle: one\nstatus: raw\n");
		expect(readFlatYaml("id: B\ntitle: two\nid: C\n")).toBe(FALLBACK);
		expect(readFlatYaml("id: B\ntitle: two\nstatus: raw\n")).toEqual({ id: "B", title: "two", status: "raw" });
		expect(readFlatYaml("id: B\nother: 1\nother: 2\n")).toBe(FALLBACK);
	});

	it("does not share values between two notes of the same shape", () => {
		const a = readFlatYaml("id: A\ntags:\n  - x\n") as { tags: string[] };
		const b = readFlatYaml("id: B\ntags:\n  - y\n") as { tags: string[] };
		a.tags.push("changed");
		expect(b).toEqual({ id: "B", tags: ["y"] });
		expect(a).not.toBe(b);
	});
});

describe("editFrontmatter: comments stay, or the edit is refused", () => {
	it.each<[string, string, { key: string; value: string | string[] | null }, string]>([
		["a comment after a folded block scalar's indicator", "---\nstatus: >- # why\n  raw\nz: 1\n---\n", { key: "status", value: "archived" }, "---\nstatus: archived # why\nz: 1\n---\n"],
		["a comment after a literal block scalar's indicator", "---\ndate_integrated: | # keep\n  2020-01-01\nz: 1\n---\n", { key: "date_integrated", value: null }, "---\ndate_integrated: null # keep\nz: 1\n---\n"],
		["comment lines between block-list items, when items are appended", "---\naliases:\n  - a\n  # between\n  - b\n---\n", { key: "aliases", value: ["a", "b", "c"] }, '---\naliases:\n  - a\n  # between\n  - b\n  - c\n---\n'],
		["a comment on a block list's key line, when the list becomes a text", "---\nstatus: # was a list\n  - raw\n---\n", { key: "status", value: "archived" }, "---\nstatus: archived # was a list\n---\n"],
		["a comment after a list's last item, when the list becomes a text", "---\nstatus:\n  - raw # first\n---\n", { key: "status", value: "archived" }, "---\nstatus: archived # first\n---\n"],
	])("keeps %s", (_name, text, edit, expected) => {
		expect(editFrontmatter(text, [edit])).toEqual({ ok: true, text: expected, changed: true });
	});

	it.each<[string, string, { key: string; value: string | string[] | null }, string]>([
		["a comment inside an empty flow list that gets items", "---\naliases: [ # none yet\n]\n---\n", { key: "aliases", value: ["A talk"] }, "# none yet"],
		["comment lines between block-list items, when the list is rewritten", "---\naliases:\n  - a\n  # between\n  - b\n---\n", { key: "aliases", value: ["x"] }, "# between"],
		["a comment line inside a list replaced by a text", "---\nstatus:\n  - raw\n  # why\n  - x\n---\n", { key: "status", value: "archived" }, "# why"],
	])("refuses to lose %s, naming the key and the comment", (_name, text, edit, comment) => {
		const r = editFrontmatter(text, [edit]);
		expect(r.ok).toBe(false);
		expect(r.ok ? "" : r.reason).toBe(`changing "${edit.key}" here would remove the comment "${comment}"; edit it by hand`);
	});
});
