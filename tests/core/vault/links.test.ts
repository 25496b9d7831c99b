import { countLinks, defaultDisplayText, extractLinks, frontmatterLinks, LinkResolver, linkpathOf, parseWikilinkInner } from "../../../src/core/vault/links";

/** `[original, link, displayText]` of every body link and embed. */
function triples(text: string): { links: string[][]; embeds: string[][] } {
	const ex = extractLinks(text);
	return {
		links: ex.links.map((l) => [l.original, l.link, l.displayText]),
		embeds: ex.embeds.map((l) => [l.original, l.link, l.displayText]),
	};
}

describe("extractLinks: what Obsidian indexes as a link", () => {
	it.each([
		["a wikilink", "see [[Note]] here", [["[[Note]]", "Note", "Note"]]],
		["a wikilink with alias", "[[Note|the note]]", [["[[Note|the note]]", "Note", "the note"]]],
		["a heading link: display text joins with >", "[[Note#Part#Sub]]", [["[[Note#Part#Sub]]", "Note#Part#Sub", "Note > Part > Sub"]]],
		["a same-note heading link", "[[#Part]]", [["[[#Part]]", "#Part", "Part"]]],
		["a block link", "[[Note#^abc-1]]", [["[[Note#^abc-1]]", "Note#^abc-1", "Note > ^abc-1"]]],
		["only the first | splits off the alias", "[[a#b||c]]", [["[[a#b||c]]", "a#b", "|c"]]],
		["a leading | is part of the link", "[[|alias]] [[|]]", [["[[|alias]]", "|alias", "|alias"], ["[[|]]", "|", "|"]]],
		["the table escape \\| is an alias separator", "| [[Note\\|alias]] |", [["[[Note\\|alias]]", "Note", "alias"]]],
		["a single ] does not end a wikilink", "[[Sq]uare]]", [["[[Sq]uare]]", "Sq]uare", "Sq]uare"]]],
		["nested [[ parses the inner link only", "[[Nested [[Inner]] x]]", [["[[Inner]]", "Inner", "Inner"]]],
		["an extra [ before [[ is text", "[[[x]]] ![[[y]]]", [["[[x]]", "x", "x"], ["[[y]]", "y", "y"]]],
		["a schemed wikilink is still a link (to a missing note)", "[[https://example.com]]", [["[[https://example.com]]", "https://example.com", "https://example.com"]]],
		["a Markdown link, URL-decoded", "[My note](Sub/My%20Note.md)", [["[My note](Sub/My%20Note.md)", "Sub/My Note.md", "My note"]]],
		["a Markdown link without .md, with heading", "[x](Note#Part)", [["[x](Note#Part)", "Note#Part", "x"]]],
		["a Markdown link in angle brackets", "[x](<My Note.md>)", [["[x](<My Note.md>)", "My Note.md", "x"]]],
		["a Markdown link with a title", '[x](Note.md "title")', [['[x](Note.md "title")', "Note.md", "x"]]],
		["a Markdown link with nested brackets in its text", "[a [b] c](Note.md)", [["[a [b] c](Note.md)", "Note.md", "a [b] c"]]],
		["a Markdown link with balanced parentheses", "[x](Note%20(1).md)", [["[x](Note%20(1).md)", "Note (1).md", "x"]]],
		["a same-note Markdown heading link", "[h](#Part)", [["[h](#Part)", "#Part", "h"]]],
		["links inside %% comments (Obsidian indexes them)", "%% [[Hidden]] %%\n%%\n[[Hidden2]]\n%%", [["[[Hidden]]", "Hidden", "Hidden"], ["[[Hidden2]]", "Hidden2", "Hidden2"]]],
		// A %% block is one comment section to Obsidian: no fence, math or indented code inside it.
		["a fence line inside a %% block", "%%\n```js\n[[a]]\n%%\n\n[[b]]", [["[[a]]", "a", "a"], ["[[b]]", "b", "b"]]],
		["a $$ line inside a %% block", "%%\n$$\n%%\n[[a]]", [["[[a]]", "a", "a"]]],
		["indented text inside a %% block", "%%\nnote\n\n    [[a]]\n%%", [["[[a]]", "a", "a"]]],
		["a %% block opened mid-line", "text %% start\n```\n[[a]] end %%\n```\n[[no]]\n```", [["[[a]]", "a", "a"]]],
		["%% in inline code opens no comment", "Use `%%` to hide\n```\n[[no]]\n```\n[[b]]", [["[[b]]", "b", "b"]]],
		["%% inside an HTML comment opens no comment", "Draft <!-- 100%% -->\n\n```\n[[no]]\n```\n<!-- %%\n-->\n```\n[[no]]\n```\n[[b]]", [["[[b]]", "b", "b"]]],
		["%% inside fenced code opens no comment", "```\n%%\n```\n```\n[[no]]\n```\n[[b]]", [["[[b]]", "b", "b"]]],
		["links in headings, lists, quotes and callouts", "# [[A]]\n- [[B]]\n> [[C]]\n> [!note] [[D]]", [["[[A]]", "A", "A"], ["[[B]]", "B", "B"], ["[[C]]", "C", "C"], ["[[D]]", "D", "D"]]],
	])("%s", (_name, text, expected) => {
		expect(triples(text).links).toEqual(expected);
	});

	it.each([
		["inside inline code", "`[[Note]]` and ``[[a]] ` b``"],
		["inside a fenced code block", "```\n[[Note]]\n```\n~~~md\n[x](y.md)\n~~~"],
		["inside a fenced code block in a list item", "- item\n  ```sh\n  [[Note]]\n  ```"],
		["inside an unclosed fence (code to the end)", "```\n[[Note]]\n\n[[Other]]"],
		["inside an indented code block", "para\n\n    [[Note]]\n    [[Other]]"],
		["inside an HTML comment, inline or multi-line", "a <!-- [[Note]] --> b\n<!--\n[[Other]]\n-->"],
		["inside a $$ math block", "$$\n[[Note]]\n$$"],
		["inside an unclosed $$ math block", "$$\n[[Note]]\n\n[[Other]]"],
		["inside an HTML block, up to its blank line", "<div>\n[[Note]]\n</div>"],
		["inside a <pre> block, up to its closing tag", "<pre>\n[[Note]]\n\n[[Other]]\n</pre>"],
		["an external Markdown link", "[site](https://example.com/a.md) [m](mailto:a@b.c) [o](obsidian://open?x)"],
		["a Markdown link with a literal space", "[w](Sub/My Note.md)"],
		["a wikilink across lines", "[[Multi\nLine]]"],
		["an escaped bracket", "\\[[Note]] \\[x](y.md)"],
		["an empty wikilink", "[[]]"],
		["an image URL embed", "![pic](https://example.com/a.png)"],
	])("no link %s", (_name, text) => {
		expect(extractLinks(text).links).toEqual([]);
		expect(extractLinks(text).embeds).toEqual([]);
	});

	it.each([
		["after an HTML block's blank line", "<details>\n[[No]]\n\n[[Yes]]", ["Yes"]],
		["after a <pre> block's closing tag", "<pre>\n[[No]]\n</pre>\n[[Yes]]", ["Yes"]],
		["in inline HTML within a paragraph", "text <span>[[Yes]]</span>", ["Yes"]],
		["after one-line math on the same line", "$$x$$ [[Yes]]", ["Yes"]],
		["after a closed fence", "```\n[[No]]\n```\n[[Yes]]", ["Yes"]],
		["after an inline HTML comment", "<!-- [[No]] --> [[Yes]]", ["Yes"]],
	])("keeps links %s", (_name, text, expected) => {
		expect(extractLinks(text).links.map((l) => l.link)).toEqual(expected);
	});

	it("keeps links in an indented list continuation (not code)", () => {
		expect(triples("- item\n\n    [[Note]]").links).toEqual([["[[Note]]", "Note", "Note"]]);
	});

	it("puts ![[…]] and ![…](…) in embeds, with the ! in original and position", () => {
		const ex = extractLinks("x ![[pic.png|100]] ![alt](img%201.png)");
		expect(ex.links).toEqual([]);
		expect(ex.embeds.map((e) => [e.original, e.link, e.displayText, e.position.start.col])).toEqual([
			["![[pic.png|100]]", "pic.png", "100", 2],
			["![alt](img%201.png)", "img 1.png", "alt", 19],
		]);
	});

	it("gives positions as Obsidian does: 0-based line and column, UTF-16 offsets, CRLF counted", () => {
		const text = "---\r\nk: v\r\n---\r\nab [[X]]\r\nçé [y](z.md)";
		const ex = extractLinks(text);
		expect(ex.links.map((l) => l.position)).toEqual([
			{ start: { line: 3, col: 3, offset: 19 }, end: { line: 3, col: 8, offset: 24 } },
			{ start: { line: 4, col: 3, offset: 29 }, end: { line: 4, col: 12, offset: 38 } },
		]);
	});

	it("does not read the frontmatter block as body text", () => {
		const ex = extractLinks('---\nup: "[[Parent]]"\nnote: see [[Not a property link]]\n---\n[[Body]]');
		expect(ex.links.map((l) => l.link)).toEqual(["Body"]);
		expect(ex.frontmatterLinks).toEqual([{ key: "up", original: "[[Parent]]", link: "Parent", displayText: "Parent" }]);
	});

	it("reads a note whose --- block never closes as body text (no frontmatter)", () => {
		expect(extractLinks("---\nup: [[Parent]]\n").links.map((l) => l.link)).toEqual(["Parent"]);
	});

	it("uses frontmatter the caller already parsed", () => {
		const ex = extractLinks("body [[A]]", { frontmatter: { k: "[[B]]" }, block: null });
		expect(ex.frontmatterLinks.map((l) => l.link)).toEqual(["B"]);
	});
});

describe("frontmatterLinks: property values that are one wikilink", () => {
	it("names list items key.index and nested keys key.sub", () => {
		expect(
			frontmatterLinks({ up: "[[A#H|alias]]", list: ["x", "[[B]]", 3, null], nested: { deep: ["[[C]]"] }, text: "see [[D]]", md: "[e](E.md)" }),
		).toEqual([
			{ key: "up", original: "[[A#H|alias]]", link: "A#H", displayText: "alias" },
			{ key: "list.1", original: "[[B]]", link: "B", displayText: "B" },
			{ key: "nested.deep.0", original: "[[C]]", link: "C", displayText: "C" },
		]);
	});

	it("is empty for no frontmatter", () => {
		expect(frontmatterLinks(null)).toEqual([]);
	});
});

describe("link text helpers", () => {
	it.each([
		["Note", "Note"],
		["Note#H", "Note"],
		["#H", ""],
		["pa#th/x", "pa"],
		["|alias", "|alias"],
	])("linkpathOf(%j) is %j", (link, path) => expect(linkpathOf(link)).toBe(path));

	it.each([
		["Note", "Note"],
		["#H", "H"],
		["#H#S", "H > S"],
		["|#alias", "| > alias"],
	])("defaultDisplayText(%j) is %j", (link, text) => expect(defaultDisplayText(link)).toBe(text));

	it("parseWikilinkInner falls back to the link's display text for an empty alias", () => {
		expect(parseWikilinkInner("Note#H|")).toEqual({ link: "Note#H", displayText: "Note > H" });
	});
});

describe("LinkResolver: like getFirstLinkpathDest", () => {
	const files = [
		"Note.md",
		"zzzz/Note.md",
		"a/b/Note.md",
		"Projects/Plan.md",
		"Archive/Plan.md",
		"Archive/Old/Report.md",
		"Sub/My Note.md",
		"img/Pic.PNG",
		"docs/Manual.pdf",
		"Board.canvas",
		"Notes.md.md",
		"y.md",
		"a/x.md",
	];
	const resolver = new LinkResolver(files);

	it.each([
		["an exact vault path wins, even over the source's own folder", "Note", "a/b/src.md", "Note.md"],
		["the exact path with .md written", "Note.md", "x.md", "Note.md"],
		["a path suffix matches when no exact path exists", "b/Note", "x.md", "a/b/Note.md"],
		["the source's own folder wins among name matches", "Plan", "Archive/src.md", "Archive/Plan.md"],
		["an ancestor folder counts for nothing: the shortest path wins", "Plan", "Archive/Old/src.md", "Archive/Plan.md"],
		["the shortest path string wins otherwise", "Plan", "src.md", "Archive/Plan.md"],
		["case-insensitive", "archive/old/REPORT", "x.md", "Archive/Old/Report.md"],
		["case-insensitive by name", "report", "x.md", "Archive/Old/Report.md"],
		["a Markdown destination is looked up vault-wide", "My Note.md", "x.md", "Sub/My Note.md"],
		["a non-Markdown file needs its extension", "Pic.png", "x.md", "img/Pic.PNG"],
		["a PDF", "docs/Manual.pdf", "x.md", "docs/Manual.pdf"],
		["a canvas", "Board.canvas", "x.md", "Board.canvas"],
		["a relative path with ..", "../y", "a/x.md", "y.md"],
		["a relative path with .", "./x", "a/src.md", "a/x.md"],
		["a leading / is the vault root", "/Projects/Plan", "x.md", "Projects/Plan.md"],
		["the empty link path is the source itself ([[#heading]])", "", "Projects/Plan.md", "Projects/Plan.md"],
		["a name with .md is tried as written first", "Notes.md", "x.md", "Notes.md.md"],
	])("%s", (_name, linkpath, source, expected) => {
		expect(resolver.resolve(linkpath, source)).toBe(expected);
	});

	it.each([
		["a non-Markdown file without its extension", "Pic"],
		["an alias is never a link target", "How OpenAI Builds for"],
		["a name that matches no file", "Missing"],
		["a partial name", "ote"],
		["a leading / with no file at that exact path (no suffix match then)", "/Note2"],
		["a leading / naming a file elsewhere", "/Plan"],
	])("does not resolve %s", (_name, linkpath) => {
		expect(resolver.resolve(linkpath, "src.md")).toBeNull();
	});

	// Obsidian's resolver, read from its app.js (getLinkpathDest): a plain suffix match,
	// paths starting with the linking note's folder text first, shortest first; ./ and ../
	// joined (.. stops at the root) and then matched like any path.
	it.each<[string, string[], string, string, string | null]>([
		["a file anywhere under the linking note's folder wins over a shorter one elsewhere", ["x/sub/b.md", "y/b.md"], "b", "x/s.md", "x/sub/b.md"],
		["the folder test is on the path's text: xyz/ counts for x/", ["xyz/b.md", "y/b.md"], "b", "x/s.md", "xyz/b.md"],
		["a suffix that is not a whole folder name still matches", ["ysub/c.md"], "sub/c", "s.md", "ysub/c.md"],
		["./ not found beside the note: matched as a path suffix", ["y/b.md", "z.md"], "./b", "s.md", "y/b.md"],
		["../ not found: matched as a path suffix", ["y/b.md", "z.md"], "../b", "x/t.md", "y/b.md"],
		["../ above the vault root stops at the root", ["a.md", "x/q.md"], "../../a", "x/t.md", "a.md"],
		["./../ is ../", ["a.md", "x/q.md", "x/a2.md"], "./../a", "x/t.md", "a.md"],
		["a leading / is an exact vault path", ["d.md", "y/d.md"], "/y/d", "s.md", "y/d.md"],
		["a leading / gets no suffix fallback", ["y/d.md", "z.md"], "/d", "s.md", null],
		["a file without an extension is never a target", ["Makefile", "z.md"], "Makefile", "s.md", null],
	])("%s", (_name, files, linkpath, source, expected) => {
		expect(new LinkResolver(files).resolve(linkpath, source)).toBe(expected);
	});

	it("resolves a suffix that is not a whole path segment, as Obsidian does", () => {
		expect(resolver.resolve("ub/My Note.md", "src.md")).toBe("Sub/My Note.md");
	});

	it("drops a removed file and finds the next candidate", () => {
		const r = new LinkResolver(["A/Dup.md", "B/C/Dup.md"]);
		expect(r.resolve("Dup", "x.md")).toBe("A/Dup.md");
		r.remove("A/Dup.md");
		expect(r.resolve("Dup", "x.md")).toBe("B/C/Dup.md");
	});

	// Names that differ only by case (`Case.md`, `case.md`) are two notes: the one written
	// exactly as the link wins, the other is found in any other case.
	it.each<[string, string[], string, string, string | null]>([
		["a bare name in the case of the second twin", ["Case.md", "case.md"], "case", "x.md", "case.md"],
		["a bare name in the case of the first twin", ["case.md", "Case.md"], "Case", "x.md", "Case.md"],
		["a bare name in neither case: the first added", ["Case.md", "case.md"], "CASE", "x.md", "Case.md"],
		["an exact path", ["A/Note.md", "A/note.md", "B/x.md"], "A/note", "B/x.md", "A/note.md"],
		["a relative path", ["A/Note.md", "A/note.md"], "./note", "A/s.md", "A/note.md"],
		["a path suffix", ["A/B/Note.md", "A/B/note.md"], "B/note", "s.md", "A/B/note.md"],
		["twins in folders named only by case", ["Dir/n.md", "dir/n.md"], "dir/n", "s.md", "dir/n.md"],
	])("case twins: %s", (_name, files, linkpath, source, expected) => {
		expect(new LinkResolver(files).resolve(linkpath, source)).toBe(expected);
	});

	it("keeps both case twins: removing one leaves the other", () => {
		const r = new LinkResolver(["Case.md", "case.md"]);
		r.remove("Case.md");
		expect(r.resolve("Case", "x.md")).toBe("case.md");
		expect(r.has("CASE.md")).toBe(true);
		r.remove("case.md");
		expect(r.has("case.md")).toBe(false);
	});

	it.each([
		["a unique Markdown name: its basename", ["Folder/Unique.md", "Other.md"], "Folder/Unique.md", "Unique"],
		["a duplicate basename: the path without .md", ["A/Dup.md", "B/Dup.md"], "B/Dup.md", "B/Dup"],
		["a unique non-Markdown file keeps its extension", ["img/Pic.png"], "img/Pic.png", "Pic.png"],
		["names differing only in case are duplicates", ["A/dup.md", "B/Dup.md"], "B/Dup.md", "B/Dup"],
	])("linkText: %s", (_name, paths, path, expected) => {
		expect(new LinkResolver(paths).linkText(path)).toBe(expected);
	});
});

describe("countLinks: a note's resolvedLinks and unresolvedLinks entries", () => {
	const resolver = new LinkResolver(["Notes/Source.md", "Notes/Hub.md", "Other/Source.md", "att/file.pdf"]);

	it("counts links, embeds and frontmatter links per destination; self-links included", () => {
		const text = [
			"---",
			'up: "[[Hub]]"',
			"list:",
			'  - "[[Source#Part]]"',
			"---",
			"[[Source]] [[source|alias]] ![[file.pdf]] [h](#Part) [[#Part]]",
			"[m](Source.md) [[Missing]] [[Missing#x]] [[pa#th]]",
			"`[[Source]]`",
		].join("\n");
		const counts = countLinks(extractLinks(text), "Notes/Hub.md", resolver);
		expect(counts.resolved).toEqual({ "Notes/Source.md": 4, "Notes/Hub.md": 3, "att/file.pdf": 1 });
		expect(counts.unresolved).toEqual({ Missing: 2, pa: 1 });
	});

	it("keys an unresolved link written with .md without it, as Obsidian does", () => {
		const counts = countLinks(extractLinks("[x](missing.md) [[gone.md]] ![[pic.png]] [[Notes.MD]]"), "x.md", resolver);
		expect(counts.unresolved).toEqual({ missing: 1, gone: 1, "pic.png": 1, "Notes.MD": 1 });
	});

	it("resolves a bare duplicate name from the other folder to the shortest path", () => {
		const counts = countLinks(extractLinks("[[Source]]"), "elsewhere.md", resolver);
		expect(counts.resolved).toEqual({ "Notes/Source.md": 1 });
	});

	it("is empty for a note without links, and safe with a __proto__ link", () => {
		expect(countLinks(extractLinks("plain"), "x.md", resolver)).toEqual({ resolved: {}, unresolved: {} });
		const odd = countLinks(extractLinks("[[__proto__]] [[constructor]]"), "x.md", resolver).unresolved;
		expect(Object.entries(odd)).toEqual([
			["__proto__", 1],
			["constructor", 1],
		]);
	});
});
