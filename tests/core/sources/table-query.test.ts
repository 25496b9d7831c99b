import { blockOptions, readTableOptions, tableMarkdown, tableRows, tableVocabulary, escapeCell } from "../../../src/core/sources/table-query";
import { toSourceNote, type SourceNote } from "../../../src/core/sources/source";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";

const source = (path: string, fm: Record<string, unknown>): SourceNote => toSourceNote(path, { id: `SOURCE-${path}`, ...fm }, DEFAULT_SETTINGS) as SourceNote;
const SOURCES = [
	source("a.md", { title: "Alpha", status: "raw", signal_tier: "high", platform: "youtube", notebooklm_category: "ai", date_published: "2025-02-01", rating: 9 }),
	source("b.md", { title: "Beta", status: "integrated", signal_tier: "paradigm", platform: "podcast", date_published: "2025-03-01", rating: 10 }),
	source("c.md", { title: "Gamma", status: "raw", platform: "youtube", notebooklm_category: "ai" }),
];
const vocabulary = tableVocabulary(SOURCES, DEFAULT_SETTINGS);
const read = (block: string) => {
	const lines = blockOptions(block);
	const result = readTableOptions(lines.entries, vocabulary);
	return { lineErrors: lines.errors, result };
};
const errorsOf = (block: string) => {
	const { lineErrors, result } = read(block);
	return [...lineErrors, ...(result.ok ? [] : result.errors)];
};

describe("source table options", () => {
	it("default to every source, title and status, in queue order", () => {
		const { result } = read("");
		expect(result).toEqual({ ok: true, query: { filters: {}, columns: ["title", "status"], sort: null, limit: null } });
	});

	it("read one option per line: comma lists, a sort key and direction, a limit", () => {
		const { result } = read("status: raw, integrated\ncategory: ai\n\ntier: high\nplatform: youtube\ncolumns: title, rating, path\nsort: rating desc\nlimit: 2\n");
		expect(result).toEqual({
			ok: true,
			query: { filters: { status: ["raw", "integrated"], category: ["ai"], tier: ["high"], platform: ["youtube"] }, columns: ["title", "rating", "path"], sort: { key: "rating", descending: true }, limit: 2 },
		});
	});

	it("accept a configured status or tier that no source has yet", () => {
		expect(read("status: archived\ntier: low").result.ok).toBe(true);
	});

	it.each([
		["colour: red", 'unknown option "colour" (options: status, category, tier, platform, columns, sort, limit)'],
		["just words", 'line 1 "just words" is not "option: value"'],
		["status: done", 'unknown status "done" (known: raw, in_progress, integrated, archived)'],
		["category: cooking", 'unknown category "cooking" (known: ai)'],
		["tier: gold", 'unknown tier "gold" (known: paradigm, high, medium, low)'],
		["platform: vhs", 'unknown platform "vhs" (known: podcast, youtube)'],
		["columns: title, colour", 'unknown column "colour" (no source has that key)'],
		["columns: ,", 'option "columns" names no column'],
		["sort: colour", 'unknown sort key "colour" (no source has that key)'],
		["sort: title up", 'sort direction "up" is not asc or desc'],
		["sort: title asc now", 'sort takes a key and asc or desc, not "title asc now"'],
		["limit: ten", 'limit "ten" is not a whole number above 0'],
		["limit: 0", 'limit "0" is not a whole number above 0'],
		["limit: -3", 'limit "-3" is not a whole number above 0'],
		["status:", 'option "status" has no value'],
		["limit: 1\nlimit: 2", 'option "limit" is given twice'],
	])("name what is wrong in %j", (block, message) => {
		expect(errorsOf(block)).toEqual([message]);
	});

	it("report every error of a block, not only the first", () => {
		expect(errorsOf("status: done\nsort: title sideways\nwhat")).toHaveLength(3);
	});
});

describe("source table rows", () => {
	const rows = (block: string) => {
		const r = read(block).result;
		if (!r.ok) throw new Error(r.errors.join("; "));
		return tableRows(SOURCES, r.query, DEFAULT_SETTINGS);
	};

	it("come in queue order by default (tier, then newest, then title)", () => {
		expect(rows("").map((r) => r.title)).toEqual(["Beta", "Alpha", "Gamma"]);
	});

	it("sort numbers by value and leave empty cells last in both directions", () => {
		expect(rows("columns: title, rating\nsort: rating asc").map((r) => r.cells)).toEqual([["Alpha", "9"], ["Beta", "10"], ["Gamma", ""]]);
		expect(rows("sort: date_published desc").map((r) => r.title)).toEqual(["Beta", "Alpha", "Gamma"]);
	});

	it("filter on every option given and keep the first `limit` rows", () => {
		expect(rows("status: raw\ncategory: ai").map((r) => r.title)).toEqual(["Alpha", "Gamma"]);
		expect(rows("platform: youtube\nlimit: 1").map((r) => r.title)).toEqual(["Alpha"]);
	});
});

describe("source tables as Markdown", () => {
	it("escape pipes and line breaks in cells, and link titles to their notes", () => {
		const md = tableMarkdown([{ path: "x/a b.md", title: "A | [b]", cells: ["A | [b]", "one\ntwo | three"] }], ["title", "creator"], () => "a b");
		expect(md).toBe("| Title | Creator |\n| --- | --- |\n| [[a b\\|A b]] | one two \\| three |\n");
	});

	it("keep a backslash before a pipe from escaping the escape", () => {
		expect(escapeCell("a\\|b")).toBe("a\\\\\\|b");
	});
});
