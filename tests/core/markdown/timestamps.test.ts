import {
	applySplices,
	bodyStart,
	findTimestamps,
	findTimestampsInFragment,
	linkifyNote,
	linkifySplices,
	locateTimestamps,
	parseTimestamp,
	scanTimestamps,
	videoIdOfNote,
} from "../../../src/core/markdown/timestamps";
import { bodyLines } from "../../../src/core/markdown/blocks/reader";
import { excludedRanges } from "../../../src/core/markdown/inline-spans";
import { seedNote } from "../../helpers/fixtures";

const VIDEO = "3x0jhpEj_6o";
const note = (body: string, url = `https://www.youtube.com/watch?v=${VIDEO}`) => `---\nid: SOURCE-1\nurl: "${url}"\n---\n${body}`;
/** [token, seconds, label] of every timestamp of a body-only text. */
const tokens = (body: string) => findTimestamps(body).map((t) => [t.text, t.seconds, t.label]);
const texts = (body: string) => findTimestamps(body).map((t) => t.text);

describe("parseTimestamp", () => {
	it.each([
		["0:00", 0],
		["8:36", 516],
		["00:00", 0],
		["59:59", 3599],
		["123:45", 7425],
		["999:59", 59999],
		["1:02:03", 3723],
		["01:02:03", 3723],
		["99:59:59", 359999],
	])("%s is %i seconds", (token, seconds) => {
		expect(parseTimestamp(token)).toBe(seconds);
	});

	it.each(["99:99", "1:75:00", "1:60", "0:60", "1:2", "1234:00", "123:00:00", "1:02:60", "1:2:03", ":30", "12:", "a:30"])("%s is not a timestamp", (token) => {
		expect(parseTimestamp(token)).toBeNull();
	});
});

describe("findTimestamps: the seed note", () => {
	const seed = seedNote();
	const found = findTimestamps(seed);

	it("finds its 12 timestamps, from 0 to 2747 seconds", () => {
		expect(found.map((t) => t.text)).toEqual(["00:00", "8:36", "12:18", "15:11", "17:30", "20:10", "24:44", "28:06", "31:55", "36:46", "42:57", "45:47"]);
		expect(found.map((t) => t.seconds)).toEqual([0, 516, 738, 911, 1050, 1210, 1484, 1686, 1915, 2206, 2577, 2747]);
	});

	it("reads 8:36 as 516 seconds with its label, on its line of the file", () => {
		const t = found[1]!;
		expect(t).toMatchObject({ text: "8:36", seconds: 516, label: "Horizontal vs vertical OpenAI", column: 1 });
		expect(seed.split("\n")[t.line - 1]!.startsWith("8:36  Horizontal")).toBe(true);
		expect(seed.slice(t.from, t.to)).toBe("8:36");
	});

	it("gives labels without separators or trailing spaces", () => {
		expect(found[0]!.label).toBe("Introduction");
		expect(found[2]!.label).toBe("Why you can’t “disintermediate” the model");
		expect(found[11]!.label).toBe("How the agent builder actually works");
	});

	it("counts nothing in the frontmatter, the description or the links at the end", () => {
		const lines = found.map((t) => t.line);
		expect(Math.min(...lines)).toBeGreaterThan(34);
		expect(lines).toEqual([...lines].sort((a, b) => a - b));
	});
});

describe("findTimestamps: where a token counts (docs/reference.md §6)", () => {
	it.each<[string, string, [string, number, string][]]>([
		["bracketed at line start", "[00:00] Intro", [["00:00", 0, "Intro"]]],
		["hours at line start", "1:02:03 Deep dive", [["1:02:03", 3723, "Deep dive"]]],
		["two-digit hours", "01:02:03 - Deep dive", [["01:02:03", 3723, "Deep dive"]]],
		["parenthesised at line start", "(12:34) Questions", [["12:34", 754, "Questions"]]],
		["star list item, hyphen separator", "* 2:05 - Setup", [["2:05", 125, "Setup"]]],
		["dash list item", "- 2:05 Setup", [["2:05", 125, "Setup"]]],
		["plus list item", "+ 2:05 Setup", [["2:05", 125, "Setup"]]],
		["ordered list, en dash", "1. 59:59 – Wrap up", [["59:59", 3599, "Wrap up"]]],
		["ordered list with )", "12) 3:00 Next", [["3:00", 180, "Next"]]],
		["em dash separator", "3:00 — Next", [["3:00", 180, "Next"]]],
		["colon separator", "3:00: Next", [["3:00", 180, "Next"]]],
		["line-start bracket left open", "[3:07 to 4:00] range", [["3:07", 187, "to 4:00] range"]]],
		["bracket then colon", "[3:00]: Next", [["3:00", 180, "Next"]]],
		["list item with a bracketed token", "- [3:00] Next", [["3:00", 180, "Next"]]],
		["list item with a parenthesised token", "- (3:00) Next", [["3:00", 180, "Next"]]],
		["indented list item", "- Parent\n    - 4:00 Nested", [["4:00", 240, "Nested"]]],
		["tab-indented", "Parent\n\t4:00 Tabbed", [["4:00", 240, "Tabbed"]]],
		["task item", "- [ ] 4:00 Todo", [["4:00", 240, "Todo"]]],
		["done task item", "- [x] 4:00 Done", [["4:00", 240, "Done"]]],
		["blockquote / callout line", "> 4:00 Quoted", [["4:00", 240, "Quoted"]]],
		["three-digit minutes", "123:45 Long", [["123:45", 7425, "Long"]]],
		["no label", "4:00", [["4:00", 240, ""]]],
		["token then a full stop", "4:00. Intro", [["4:00", 240, ". Intro"]]],
		["inline [3:07] in prose", "as shown [3:07] in the demo", [["3:07", 187, "in the demo"]]],
		["inline (3:07) in prose", "as shown (3:07) in the demo", [["3:07", 187, "in the demo"]]],
		["two inline tokens", "see [1:00] and [2:00]", [["1:00", 60, "and [2:00]"], ["2:00", 120, ""]]],
		["line-start and inline", "0:30 intro, back at (5:00)", [["0:30", 30, "intro, back at (5:00)"], ["5:00", 300, ""]]],
		["inline hours", "the end [1:02:03]", [["1:02:03", 3723, ""]]],
		["a no-break space before the label", "0:00\u00a0Intro", [["0:00", 0, "Intro"]]],
		["a no-break space then a dash", "1:00 \u00a0\u2013 Next", [["1:00", 60, "Next"]]],
		["an ideographic space and an em space", "2:00\u3000\u2003Part", [["2:00", 120, "Part"]]],
	])("%s: %j", (_name, body, expected) => {
		expect(tokens(body)).toEqual(expected);
	});

	it.each<[string, string]>([
		["time of day in prose", "at 10:30 we met"],
		["prose with a time and a colon", "Call: 10:30 tomorrow"],
		["minutes over 59 with hours", "1:75:00 Nope"],
		["seconds over 59", "99:99 Nope"],
		["seconds 60", "1:60 Nope"],
		["four-digit minutes", "1234:56 Nope"],
		["three-digit hours", "100:00:00 Nope"],
		["four parts", "1:02:03:04 Nope"],
		["one seconds digit", "1:2 Nope"],
		["glued to a word", "10:30am breakfast"],
		["glued decimals", "10:30.5 s"],
		["only opening bracket inline", "see [3:07 and more"],
		["range in brackets inline", "see [3:07 to 4:00] here"],
		["mismatched wrappers", "see [3:07) here"],
		["table cell", "| 3:07 | Intro |"],
		["list marker without a space", "-3:07 Intro"],
		["a year and a ratio", "2025:11 and 16:9 ratio"],
		["a heading", "# 3:07 Heading"],
	])("not: %s", (_name, body) => {
		expect(tokens(body)).toEqual([]);
	});
});

describe("findTimestamps: never in code, links or frontmatter", () => {
	it.each<[string, string, string[]]>([
		["inline code", "`3:07` Intro", []],
		["inline code around a bracketed token", "see `[3:07]` here", []],
		["double-backtick code", "see ``a ` [3:07]`` here", []],
		["backticks that never close", "see ` [3:07] here", ["3:07"]],
		["escaped backtick", "see \\` [3:07] \\` here", ["3:07"]],
		["Markdown link text", "[3:07](https://example.com) Intro", []],
		["Markdown link with a seek URL", `[8:36](https://www.youtube.com/watch?v=${VIDEO}&t=516s) Intro`, []],
		["Markdown link destination", "[intro](https://example.com/(3:07)) x", []],
		["image alt text", "![3:07](pic.png)", []],
		["reference link", "[3:07][ref] Intro", []],
		["wikilink", "[[3:07]] Intro", []],
		["wikilink with display text", "see [[Note|(3:07)]] Intro", []],
		["embed", "![[3:07]]", []],
		["autolink", "<https://example.com/(3:07)>", []],
		["bare URL", "see https://example.com/[3:07] ok", []],
		["a link before and a token after", "[x](https://a.b) and [3:07] ok", ["3:07"]],
		["code before a token", "`x` then (3:07)", ["3:07"]],
		["triple backticks inside a line, then a token", "use ```x``` then (3:07)", ["3:07"]],
		["tildes inside a line, then a token", "a ~~~ b (3:07)", ["3:07"]],
		// Escaped brackets show as [3:07]: exporters write times so (docs/timestamps.md).
		["escaped brackets", "\\[3:07\\] Intro", ["3:07"]],
		["an HTML attribute", '<span title="(18:00)">x</span>', []],
		["an HTML attribute holding >", "<abbr title='a > (18:00)'>x</abbr> (0:10)", ["0:10"]],
		["text between HTML tags", "<b>(18:00)</b> Intro", ["18:00"]],
		["an HTML comment", "x <!-- (18:00) --> (0:10)", ["0:10"]],
		// A line that starts with `<!--` starts an HTML block (CommonMark kind 2): all of it is raw HTML.
		["a line starting an HTML comment block", "<!-- (18:00) --> (0:10)", []],
		["the text of an HTML link", '<a href="https://example.com/chapters">(0:00)</a> Intro (0:10)', ["0:10"]],
		["an HTML link never closed on the line", "<A HREF='x'>(0:00) and <abbr>(0:10)</abbr>", ["0:00", "0:10"]],
		["a tag never closed on the line", "<span title=\"x (18:00)", ["18:00"]],
		["a less-than sign, not a tag", "1 < 2 and (3:07)", ["3:07"]],
		["inline math", "$(20:00)$ and $x$", []],
		["display math on a line", "$$ f(20:00) $$ then (0:10)", ["0:10"]],
		["money, not math", "costs $5 at (3:07) and $10", ["3:07"]],
		["a dollar with a space after", "$ (3:07) $", ["3:07"]],
		["an escaped dollar", "\\$(3:07)$", ["3:07"]],
		["a dollar in code", "`$` (3:07) `$`", ["3:07"]],
		["a link reference definition", "[0:05]: https://example.com/notes", []],
		["an indented reference definition", "   [0:05]: <https://example.com>", []],
		["a bracketed token then a colon in prose", "[0:05]:intro", ["0:05"]],
		["a bracketed token, a colon and a label (not a definition)", "[0:05]: Intro", ["0:05"]],
		["a bracketed token at the start with a label", "[0:05] Intro: the start", ["0:05"]],
	])("%s", (_name, body, expected) => {
		expect(texts(body)).toEqual(expected);
	});

	it.each<[string, string, string[]]>([
		["a code span that runs on to the next line", "Run `ffmpeg -ss\n0:05 -i in.mp4` to cut.\n1:00 Next", ["1:00"]],
		["a code span closed lines later", "a `b\nc\n0:05 d\ne` f\n\n1:00 After", ["1:00"]],
		["a link's text that runs on", "[Watch the part at\n0:10 about pricing](https://example.com/a)\n\n0:20 Later", ["0:20"]],
		["a bracketed token whose link runs on", "[0:10 about\npricing](https://example.com/a)\n0:20 x", ["0:20"]],
		["an HTML comment over lines", "<!--\n0:05 hidden\n-->\n\n0:10 shown", ["0:10"]],
		["a backtick that never closes in the paragraph", "see ` here\n0:05 Intro\n\n0:10 x `", ["0:05", "0:10"]],
		["a blank line ends the span", "a `b\n\n0:05 c` d", ["0:05"]],
		["a new list item ends the span", "- a `b\n- 0:05 c` d", ["0:05"]],
		["a heading ends the paragraph", "# a `b\n0:05 c` d", ["0:05"]],
		["a closed span on the line above", "a `b` c\n0:05 d", ["0:05"]],
		["a list item's continuation line", "- a `b\n  0:05 c` d", []],
		["a <details> HTML block", "<details>\n<summary>Chapters</summary>\n0:00 Intro\n8:36 Pricing\n</details>\n\n9:00 After", ["9:00"]],
		["list items in an HTML block", "<div>\n- 0:00 Intro\n- 8:36 Pricing\n</div>", []],
		["a lone tag opening a block", "<span>\n0:00 Intro\n</span>\n\n0:10 After", ["0:10"]],
		["an HTML block tag after paragraph text", "Chapters:\n<div>\n0:05 Intro", []],
		["a lone inline tag after text is no block", "Chapters:\n<span>\n0:05 Intro", ["0:05"]],
		["a list after a blank line below the block", "<div>\nx\n</div>\n\n- 0:05 Intro", ["0:05"]],
	])("multi-line: %s", (_name, body, expected) => {
		expect(texts(body)).toEqual(expected);
	});

	it("keeps the seed note's timestamps when its paragraph has a URL and a link", () => {
		const body = "**URL**: https://www.youtube.com/watch?v=x\nTimestamps: [see](https://a.b)\n00:00  Introduction\n8:36  Horizontal";
		expect(texts(body)).toEqual(["00:00", "8:36"]);
	});

	it("skips fenced code blocks of backticks and tildes (closed by a fence at least as long), and counts after them", () => {
		const body = ["0:10 before", "````", "0:20 in code", "```", "0:30 still code", "`````", "0:40 after", "~~~js", "0:50 tilde code", "```", "~~~~", "1:00 after tildes"].join("\n");
		expect(texts(body)).toEqual(["0:10", "0:40", "1:00"]);
	});

	it.each([
		["a bullet", "- Setup:\n- ```\n  0:00 in code\n  ```\n- 1:00 Next\n- 2:00 Last"],
		["an ordered item with tildes", "1. Setup\n2. ~~~\n   0:00 in code\n   ~~~\n3. 1:00 Next\n4. 2:00 Last"],
		["a bullet in a quote", "> - ```js\n>   0:00 in code\n>   ```\n> - 1:00 Next\n> - 2:00 Last"],
	])("skips a fenced block that opens on a list item (%s)", (_what, body) => {
		expect(texts(body)).toEqual(["1:00", "2:00"]);
		expect(bodyLines(body).filter((l) => l.role === "code")).toHaveLength(3);
	});

	it.each([
		["a fence line indented four columns inside a code block is code", "```\n    ```\n0:00 still code\n```\n1:00 real", ["1:00"]],
		["a quoted fence line inside a top-level code block is code", "```markdown\n> ```\n0:00 code sample\n> ```\n```\n1:00 Real", ["1:00"]],
		["a quoted fence is closed by a quoted fence line", "> ```\n> 0:00 code\n> ```\n> 1:00 quoted text", ["1:00"]],
		["a quoted fence ends with its quote: an unquoted fence line opens a new one", "> ```\n> 0:00 code\n```\n2:00 new code\n```\n3:00 after", ["3:00"]],
		["a list item's fence closes indented as its content", "- ```\n  0:00 in code\n     ```\n- 1:00 Next", ["1:00"]],
	])("%s", (_what, body, expected) => {
		expect(texts(body)).toEqual(expected);
	});

	it("reports the open fence with its quote depth and indent", () => {
		expect(scanTimestamps("> - ```js\n>   x").fence).toEqual({ char: 96, length: 3, quotes: 1, indent: 2, container: 2 });
		// The item ends at a line indented less than its content: so does its fence.
		expect(scanTimestamps("> - ```js\n> x").fence).toBeNull();
		expect(scanTimestamps("- a\n\n  ```js\n  x").fence).toEqual({ char: 96, length: 3, quotes: 0, indent: 2, container: 2 });
		expect(scanTimestamps("a\n  ```js\n  x").fence).toEqual({ char: 96, length: 3, quotes: 0, indent: 2, container: 0 });
	});

	it.each<[string, string, string[]]>([
		["a list item's fence ends with the item", "- Setup:\n  ```\n  pip install 0:01\n- 0:05 Intro\n\n```\n0:10 not a chapter\n```\n0:20 After", ["0:05", "0:20"]],
		["a fence on the item's own line", "- ```\n  0:01\n0:05 Intro", ["0:05"]],
		["a list item's fence goes on past a blank line", "- a\n  ```\n  0:01\n\n  0:02\n  ```\n- 0:05 x", ["0:05"]],
		["an indented fence in no list item", "Text\n  ```\n0:01 code\n```\n0:05 x", ["0:05"]],
		["a callout's fence ends with the callout", "> [!tip] Download\n> ```\n> yt-dlp 0:01\n\n0:05 Intro\n8:36 Pricing", ["0:05", "8:36"]],
		["a quoted fence closed in the quote", "> ```\n> 0:01\n> ```\n> 0:02 x\n0:05 y", ["0:02", "0:05"]],
		["a fence opened after a quote's fence ended", "> ```\n> a\n\n```\n0:01\n```\n0:05 x", ["0:05"]],
		["a nested list item's fence", "- a\n  - b\n    ```\n    0:01\n  - 0:05 c", ["0:05"]],
	])("fences end with their container: %s", (_name, body, expected) => {
		expect(texts(body)).toEqual(expected);
	});

	// Each checked against commonmark.js and markdown-it: plain text there, so a timestamp here.
	it.each<[string, string, string[]]>([
		["a `>>>` line in a list item's fence", "- Try the REPL:\n  ```python\n  >>> print(1)\n  1\n  ```\n- 0:00 Intro\n- 1:00 Setup\n\n2:00 Outro\n", ["0:00", "1:00", "2:00"]],
		["a `>` diff line in a list item's fence", "- Diff:\n  ```diff\n  > new line\n  ```\n\n0:00 Intro\n", ["0:00"]],
		["a `>>>` line in a callout's list item fence", "> - Try:\n>   ```\n>   >>> x\n>   ```\n> - 0:00 y", ["0:00"]],
		["an iframe in a callout, then text below it", '> [!info] Video\n> <iframe src="https://www.youtube.com/embed/3x0jhpEj_6o"></iframe>\n0:00 Intro\n1:00 Setup\n', ["0:00", "1:00"]],
		["an HTML line in a list item, then the next items", '- 0:00 Intro\n  <p align="center">Hi</p>\n- 1:00 Setup\n- 2:00 Outro\n', ["0:00", "1:00", "2:00"]],
		["an image tag in a list item after a blank line", '- 0:00 Intro\n\n  <img src="thumb.png">\n- 1:00 Setup\n', ["0:00", "1:00"]],
		["a <pre> block ends at </pre>", "<pre>\nraw\n</pre>\n0:00 Intro\n1:00 Setup\n", ["0:00", "1:00"]],
		["a one-line <script> block", '<script async src="https://platform.twitter.com/widgets.js"></script>\n0:00 Intro\n', ["0:00"]],
		["a<b and a later -> are no tag", "In this video we check if a<b for all inputs.\n0:00 Intro\n1:00 Map -> Reduce\n", ["0:00", "1:00"]],
		["an unclosed e-mail autolink and a later =>", "Contact <john@example.com\n0:00 Intro\n1:00 Map => Reduce", ["0:00", "1:00"]],
		["dollars over lines are no math", "Stocks covered: $TSLA\n0:00 Intro\n1:00 Apple ($AAPL)\n", ["0:00", "1:00"]],
		["a callout right under the paragraph", "Don`t miss the bonus at the end\n0:00 Intro\n1:00 Setup\n> [!tip] Run `npm i` first\n", ["0:00", "1:00"]],
		["a deeper quote starts a paragraph", "> text with a `tick\n>> 0:00 Intro `x`\n", ["0:00"]],
		["a backslash before a closing backtick", "Install to `C:\\tools\\`\n0:00 Intro\n1:00 Run `make`\n", ["0:00", "1:00"]],
		["a lone tag after a heading opens an HTML block", "## Chapters\n<br>\n0:00 Intro\n1:00 Setup\n", []],
		["a closing fence at column 0 ends the list item, and opens a fence", "- Install:\n  ```bash\n  npm i\n```\n0:00 Intro\n", []],
		["any raw-text end tag ends a raw-text block", "<pre>\n>> </script>\n- 0:00 x\n<script>\n</pre>\n(3:07) y\n", ["0:00", "3:07"]],
		["a lazy line above a list item's fence", "- ```\n- 0:45: Cost\nSome text with a [bracket\n  ```\n> * 0:00 x\n", ["0:45", "0:00"]],
		["a rule ends the list above a fence", "1. 1:23 - Wrap-up!\n***\n   ~~~not fence\n>     - 1:23 a < b\n", ["1:23"]],
		["four spaces make indented code, not a fence", "    ```\n1:02:03 x\n", ["1:02:03"]],
		["a fence four spaces in, in a list item", "- a\n    ```\n    0:01\n    ```\n- 0:05 b\n", ["0:05"]],
		["a lazy HTML line in a quoted list item is text", "> - [ ] 59:59 a < b\n<span>\n[0:00] end\n", ["59:59", "0:00"]],
		["a lone closing </pre> opens no block", "> Price: $19.99\n</pre>\n1:23\n", ["1:23"]],
		["an HTML block in a nested quote ends with it", "2) 105:00 Topic\n   > <br/>\n> 59:59 x\n", ["105:00", "59:59"]],
		["a paragraph ends at an HTML comment block", "0:45: <!-- note\n[0:45] Why `npm` fails\n<!-- comment -->\n", ["0:45", "0:45"]],
	])("block structure as CommonMark reads it: %s", (_name, body, expected) => {
		expect(texts(body)).toEqual(expected);
	});

	it("does not take inline backticks after a list marker for a fence", () => {
		expect(texts("- ``` not a fence ```\n- 1:00 Next")).toEqual(["1:00"]);
		expect(texts("-```\n1:00 Next")).toEqual(["1:00"]);
	});

	it("treats an unclosed fence as code to the end of the note", () => {
		expect(texts("0:10 a\n```\n0:20 b\n0:30 c")).toEqual(["0:10"]);
	});

	it("does not open a fence with a backtick in the info string", () => {
		expect(texts("``` a ` b\n0:20 b")).toEqual(["0:20"]);
	});

	it("skips fences inside a blockquote or indented", () => {
		expect(texts("> ```\n> 0:20 b\n> ```\n  ~~~\n0:30 c\n  ~~~\n0:40 d")).toEqual(["0:40"]);
	});

	it("never reads the frontmatter, even a timestamp-looking value", () => {
		const text = "---\nduration: 53:23\ntitle: x\n---\n12:00 Body";
		expect(findTimestamps(text).map((t) => [t.text, t.line])).toEqual([["12:00", 5]]);
	});

	it("reads a note without closing --- as having no frontmatter", () => {
		expect(findTimestamps("---\n12:00 a\n13:00 b").map((t) => t.text)).toEqual(["12:00", "13:00"]);
	});
});

describe("findTimestamps: positions", () => {
	it("gives 1-based lines and columns and offsets in the file, frontmatter lines counted", () => {
		const text = note("intro\n  - [3:07] Demo\n");
		const [t] = findTimestamps(text);
		expect(t).toEqual({ text: "3:07", seconds: 187, label: "Demo", line: 6, column: 6, from: text.indexOf("3:07"), to: text.indexOf("3:07") + 4 });
	});

	it("handles CRLF line endings: labels without \\r, offsets in the CRLF text", () => {
		const text = "---\r\nurl: x\r\n---\r\n0:10 a\r\n0:20 b\r\n";
		const found = findTimestamps(text);
		expect(found.map((t) => [t.text, t.label, t.line])).toEqual([
			["0:10", "a", 4],
			["0:20", "b", 5],
		]);
		expect(text.slice(found[1]!.from, found[1]!.to)).toBe("0:20");
	});

	it("handles a BOM with and without frontmatter", () => {
		expect(findTimestamps("\uFEFF0:10 a").map((t) => [t.text, t.column, t.from])).toEqual([["0:10", 1, 1]]);
		expect(findTimestamps("\uFEFF---\nurl: x\n---\n0:10 a").map((t) => [t.text, t.line])).toEqual([["0:10", 4]]);
	});

	it("scans a range with a known open fence (as the editor does for visible ranges)", () => {
		const text = "0:10 a\n```\n0:20 b\n```\n0:30 c";
		const from = text.indexOf("0:20");
		const r = scanTimestamps(text, { from, fence: { char: 96, length: 3, quotes: 0, indent: 0 } });
		expect(locateTimestamps(text, r.timestamps, from, 3).map((t) => [t.text, t.line])).toEqual([["0:30", 5]]);
		expect(r.fence).toBeNull();
		expect(scanTimestamps(text, { to: text.indexOf("0:20") }).fence).toEqual({ char: 96, length: 3, quotes: 0, indent: 0 });
	});

	it("reports the body start after the frontmatter", () => {
		expect(bodyStart("---\na: 1\n---\nbody")).toEqual({ from: 13, line: 4 });
		expect(bodyStart("body")).toEqual({ from: 0, line: 1 });
	});

	it("merges excluded ranges of a line, sorted", () => {
		const line = "`a` [b](c) https://x.y [[z]]";
		expect(excludedRanges(line, 0, line.length)).toEqual([0, 3, 4, 10, 11, 22, 23, 28]);
		const html = "<i>a</i> $b$ <!-- c -->";
		expect(excludedRanges(html, 0, html.length)).toEqual([0, 3, 4, 8, 9, 12, 13, 23]);
	});

	it.each(['<a "', "<!-- ", "$x ", "<a title='x"])("finds nothing to exclude on a long line of %j never closed (one pass)", (unit) => {
		const line = "x " + unit.repeat(50_000) + " (3:07)";
		expect(excludedRanges(line, 0, line.length)).toEqual([]);
		expect(scanTimestamps(line).timestamps.map((t) => t.text)).toEqual(["3:07"]);
	});
});

describe("scanTimestamps: fence lines, blank lines, CRLF, range ends", () => {
	/** [token, label, line] of every timestamp, and the fence open at the end. */
	const scan = (text: string, options: { to?: number } = {}) => {
		const r = scanTimestamps(text, options);
		return { found: locateTimestamps(text, r.timestamps).map((t) => [t.text, t.label, t.line]), fence: r.fence };
	};

	it("never counts a token on a fence line, opening or not, nor inside the fence", () => {
		const body = ["0:10 a", "```js 0:20", "0:30 in", "``` 0:40", "0:50 still in", "```", "1:00 out"].join("\n");
		expect(scan(body).found).toEqual([
			["0:10", "a", 1],
			["1:00", "out", 7],
		]);
		expect(scan("``` a ` 0:20\n0:30 b").found).toEqual([["0:30", "b", 2]]);
	});

	it("closes a fence only with its own character, at least as long", () => {
		expect(scan("~~~\n0:20\n```\n0:30\n~~~~\n0:40").found).toEqual([["0:40", "", 6]]);
	});

	it("reads fence markers after indentation and > , not in the middle of a line", () => {
		expect(scan("\n\n  ~~~\n\n0:20 x\n\n  ~~~\n\n0:30 y").found).toEqual([["0:30", "y", 9]]);
		expect(scan("> ```\n> 0:20\n> ```\n> 0:30 q").found).toEqual([["0:30", "q", 4]]);
		// A tab is four columns (CommonMark): a tab-indented ``` at the top is indented code, and
		// one below paragraph text is that paragraph's text.
		expect(scan("\t```\n0:20\n\t```\n(0:30) and [0:40] x").found).toEqual([
			["0:20", "", 2],
			["0:30", "and [0:40] x", 4],
			["0:40", "x", 4],
		]);
		expect(scan("a ``` b\n0:20 x").found).toEqual([["0:20", "x", 2]]);
	});

	it("counts blank lines, CRLF ones too", () => {
		expect(scan("\n\n\n0:10 a\n\n\n0:20 b").found).toEqual([
			["0:10", "a", 4],
			["0:20", "b", 7],
		]);
		expect(scan("0:10 a\r\n\r\n```\r\n0:20 b\r\n```\r\n\r\n0:30 c\r\n").found).toEqual([
			["0:10", "a", 1],
			["0:30", "c", 7],
		]);
	});

	it("reads a token that ends the text", () => {
		expect(scan("x\n0:10").found).toEqual([["0:10", "", 2]]);
		expect(scan("x\n1:00:00").found).toEqual([["1:00:00", "", 2]]);
		expect(scan("x\n12:34:5").found).toEqual([]);
	});

	it("stops at the end of the range, in a token or in a fence marker", () => {
		expect(scan("0:10 a\n0:20 b", { to: 9 }).found).toEqual([["0:10", "a", 1]]);
		expect(scan("0:10\n```\n0:20", { to: 6 })).toEqual({ found: [["0:10", "", 1]], fence: null });
		expect(scan("0:10\n```\n0:20", { to: 8 })).toEqual({ found: [["0:10", "", 1]], fence: { char: 96, length: 3, quotes: 0, indent: 0 } });
	});

	it("reports the fence open at the end, after the last token", () => {
		expect(scan("0:10 a\n```\ncode\n").fence).toEqual({ char: 96, length: 3, quotes: 0, indent: 0 });
		expect(scan("0:10 a\n```\n```\n~~~\n").fence).toEqual({ char: 126, length: 3, quotes: 0, indent: 0 });
		expect(scan("no tokens\n~~~~\n").fence).toEqual({ char: 126, length: 4, quotes: 0, indent: 0 });
	});
});

describe("scanTimestamps: tokens without lines; locateTimestamps adds them", () => {
	it("gives each token its text, value, label and offsets only", () => {
		const [t] = scanTimestamps("x\n8:36  Horizontal").timestamps;
		expect(t).toEqual({ text: "8:36", seconds: 516, label: "Horizontal", from: 2, to: 6 });
		expect(Object.keys(t!)).toEqual(["text", "seconds", "label", "from", "to"]);
	});

	it("counts lines at \\n only (a \\r stays in the line) and columns from the line start, or from `from` on its line", () => {
		const text = "a\r\n\n0:10 x\r\n  (0:20) y\n\n\n0:30";
		const found = locateTimestamps(text, scanTimestamps(text).timestamps);
		expect(found.map((t) => [t.text, t.line, t.column])).toEqual([
			["0:10", 3, 1],
			["0:20", 4, 4],
			["0:30", 7, 1],
		]);
		const from = text.indexOf("0:10");
		expect(locateTimestamps(text, scanTimestamps(text, { from }).timestamps, from, 10).map((t) => [t.line, t.column])).toEqual([
			[10, 1],
			[11, 4],
			[14, 1],
		]);
		expect(locateTimestamps(text, [])).toEqual([]);
	});

	it("finds fence lines wherever they fall among the batches the text is searched in", () => {
		// Candidates, then fence markers, are searched a stretch of 32768 characters at a time,
		// from the first candidate: put the fence lines at and around such a stretch's end.
		for (let pad = 32750; pad <= 32775; pad++) {
			const filler = "f".repeat(pad - 7 - 1) + "\n";
			const text = `0:10 a\n${filler}\`\`\`\n0:20 in\n~~~\n0:25 in\n\`\`\`\n0:30 out`;
			expect(scanTimestamps(text).timestamps.map((t) => t.text)).toEqual(["0:10", "0:30"]);
			const quoted = `0:10 a\n${filler}> ~~~~ x\n> 0:20 in\n>   ~~~~\n0:30 out\n1:00 ${"z".repeat(pad)}\n\`\`\`\n`;
			const r = scanTimestamps(quoted);
			expect({ timestamps: r.timestamps, fence: r.fence }).toEqual({
				timestamps: [
					{ text: "0:10", seconds: 10, label: "a", from: 0, to: 4 },
					{ text: "0:30", seconds: 30, label: "out", from: quoted.indexOf("0:30"), to: quoted.indexOf("0:30") + 4 },
					{ text: "1:00", seconds: 60, label: "z".repeat(pad), from: quoted.indexOf("1:00"), to: quoted.indexOf("1:00") + 4 },
				],
				fence: { char: 96, length: 3, quotes: 0, indent: 0 },
			});
		}
	});

	it("passes over a long fenced block, tokens and all, to the line that closes it", () => {
		const block = "0:20 in\n`` not a fence\n".repeat(10_000);
		const text = `0:10 a\n\`\`\`\`\n${block}\`\`\`\n${block}\`\`\`\`\n0:30 out\n~~~\n${block}`;
		const r = scanTimestamps(text);
		expect({ timestamps: r.timestamps, fence: r.fence }).toEqual({
			timestamps: [
				{ text: "0:10", seconds: 10, label: "a", from: 0, to: 4 },
				{ text: "0:30", seconds: 30, label: "out", from: text.indexOf("0:30"), to: text.indexOf("0:30") + 4 },
			],
			fence: { char: 126, length: 3, quotes: 0, indent: 0 },
		});
		expect(findTimestamps(text).map((t) => [t.text, t.line])).toEqual([
			["0:10", 1],
			["0:30", 40_005],
		]);
	});
});

describe("findTimestampsInFragment (reading view text nodes)", () => {
	it("applies the line-start rule only when the fragment starts a line", () => {
		expect(findTimestampsInFragment("8:36 Horizontal").map((t) => t.seconds)).toEqual([516]);
		expect(findTimestampsInFragment("8:36 Horizontal", false)).toEqual([]);
		expect(findTimestampsInFragment(" and (8:36) later", false).map((t) => t.text)).toEqual(["8:36"]);
	});

	it("splits lines at line breaks inside one text node", () => {
		const frag = "Timestamps: \n00:00  Introduction\n8:36  Horizontal vs vertical OpenAI  \n";
		expect(findTimestampsInFragment(frag, true).map((t) => [t.text, t.label, t.line])).toEqual([
			["00:00", "Introduction", 2],
			["8:36", "Horizontal vs vertical OpenAI", 3],
		]);
	});

	it("has no fences (code is already its own element)", () => {
		expect(findTimestampsInFragment("```\n0:20 x").map((t) => t.text)).toEqual(["0:20"]);
	});
});

describe("the Done-when note of issue 3", () => {
	const body = [
		"[00:00] Cold open",
		"1:02:03 Deep dive",
		"(12:34) Questions",
		"* 2:05 - Setup",
		"1. 59:59 – Wrap up",
		"The demo [3:07] is the best part.",
		"We met at 10:30 for coffee.",
		"1:75:00 not a time",
		"99:99 not a time",
		"Use `4:44` in code.",
		"```",
		"5:55 in a block",
		"```",
		"~~~",
		"6:06 in a block",
		"~~~",
		`- [7:07](https://www.youtube.com/watch?v=${VIDEO}&t=427s) already linked`,
		"- [[8:08]] a wikilink",
	].join("\n");

	it("gives exactly the timestamps of docs/reference.md §6, with labels and lines", () => {
		const text = note(body);
		expect(findTimestamps(text).map((t) => [t.line, t.text, t.seconds, t.label])).toEqual([
			[5, "00:00", 0, "Cold open"],
			[6, "1:02:03", 3723, "Deep dive"],
			[7, "12:34", 754, "Questions"],
			[8, "2:05", 125, "Setup"],
			[9, "59:59", 3599, "Wrap up"],
			[10, "3:07", 187, "is the best part."],
		]);
	});
});

describe("videoIdOfNote", () => {
	it.each<[string, string | null]>([
		[`https://www.youtube.com/watch?v=${VIDEO}`, VIDEO],
		[`https://youtu.be/${VIDEO}?si=abc`, VIDEO],
		[`https://www.youtube.com/shorts/${VIDEO}`, VIDEO],
		[`https://m.youtube.com/watch?v=${VIDEO}`, VIDEO],
		["https://podcasts.apple.com/us/podcast/x/id1", null],
		[`javascript:alert(1)//https://www.youtube.com/watch?v=${VIDEO}`, null],
	])("url %s → %s", (url, id) => {
		expect(videoIdOfNote(note("0:10 x", url))).toBe(id);
	});

	it("is null without frontmatter or with malformed frontmatter", () => {
		expect(videoIdOfNote("0:10 x")).toBeNull();
		expect(videoIdOfNote("---\nurl: [unclosed\n---\n0:10 x")).toBeNull();
	});
});

describe("linkify: math and indented code are code", () => {
	it.each<[string, string]>([
		["a $$ block", "$$\n1:30 \\times 2\n$$\n2:00 after\n"],
		["a $$ block in a list of timestamps", "0:10 a\n$$\n1:30 \\times 2 = 3:00\n$$\n2:00 after\n"],
		["indented code at the top of the body", "    1:30 code\n\n2:00 after\n"],
		["indented code after a blank line", "Text\n\n    1:30 code\n    1:45 more\n\n2:00 after\n"],
		["a tab-indented code line", "Text\n\n\t1:30 code\n2:00 after\n"],
	])("leaves %s alone and links what follows", (_name, body) => {
		const r = linkifyNote(note(body));
		expect(r).toMatchObject({ ok: true, linked: body.startsWith("0:10") ? 2 : 1 });
		if (!r.ok) return;
		expect(r.text).toContain("1:30 ");
		expect(r.text).not.toContain("[1:30]");
		expect(r.text).toContain(`[2:00](https://www.youtube.com/watch?v=${VIDEO}&t=120s)`);
	});

	it("still links a list item's indented continuation (no code there)", () => {
		const r = linkifyNote(note("- Part one\n\n    1:30 continued\n"));
		expect(r).toMatchObject({ ok: true, linked: 1 });
	});
});

describe("linkify", () => {
	it("rewrites each token as [token](seek URL) and nothing else", () => {
		const text = note("00:00  Intro\n* 2:05 - Setup\nsee [3:07] and (4:00)\nat 10:30 we met\n");
		const r = linkifyNote(text);
		expect(r).toMatchObject({ ok: true, linked: 4, videoId: VIDEO });
		if (!r.ok) return;
		const url = (s: number) => `https://www.youtube.com/watch?v=${VIDEO}&t=${s}s`;
		expect(r.text).toBe(note(`[00:00](${url(0)})  Intro\n* [2:05](${url(125)}) - Setup\nsee [[3:07](${url(187)})] and ([4:00](${url(240)}))\nat 10:30 we met\n`));
	});

	it("is idempotent: linkify twice equals linkify once", () => {
		const once = linkifyNote(seedNote());
		expect(once.ok && once.linked).toBe(12);
		if (!once.ok) return;
		const twice = linkifyNote(once.text);
		expect(twice).toEqual({ ok: true, text: once.text, videoId: VIDEO, linked: 0 });
	});

	it("changes only the tokens: removing the inserted link syntax gives the note back", () => {
		const text = seedNote();
		const r = linkifyNote(text);
		if (!r.ok) throw new Error(r.reason);
		const back = r.text.replace(/\[(\d{1,3}(?::\d\d){1,2})\]\(https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}&t=\d+s\)/g, "$1");
		expect(back).toBe(text);
		expect(r.text.includes("[8:36](https://www.youtube.com/watch?v=3x0jhpEj_6o&t=516s)  Horizontal")).toBe(true);
	});

	it("keeps CRLF and BOM byte for byte", () => {
		const text = `\uFEFF---\r\nurl: https://youtu.be/${VIDEO}\r\n---\r\n0:10 a\r\n`;
		const r = linkifyNote(text);
		expect(r.ok && r.text).toBe(`\uFEFF---\r\nurl: https://youtu.be/${VIDEO}\r\n---\r\n[0:10](https://www.youtube.com/watch?v=${VIDEO}&t=10s) a\r\n`);
	});

	it.each([
		["a podcast URL", note("0:10 a", "https://open.spotify.com/show/5bC65RDvs3oxnLyqqvkUYX")],
		["a javascript: URL", note("0:10 a", `javascript:alert(1)//https://youtu.be/${VIDEO}`)],
		["no frontmatter", "0:10 a"],
	])("changes nothing for %s (no video)", (_name, text) => {
		expect(linkifyNote(text)).toEqual({ ok: true, text, videoId: null, linked: 0 });
	});

	it("refuses a note whose frontmatter is malformed", () => {
		const r = linkifyNote("---\nurl: [x\nurl: y\n---\n0:10 a");
		expect(r.ok).toBe(false);
	});

	it("gives splices that applySplices applies in any order", () => {
		const text = "0:10 a\n0:20 b";
		const splices = linkifySplices(text, VIDEO);
		expect(applySplices(text, [...splices].reverse())).toBe(applySplices(text, splices));
		expect(splices.map((s) => [s.from, s.to])).toEqual([
			[0, 4],
			[7, 11],
		]);
	});
});
