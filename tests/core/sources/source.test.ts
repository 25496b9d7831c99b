import { isCalendarDate, listOfText, toSourceNote, validateSource } from "../../../src/core/sources/source";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";
import { readFrontmatter } from "../../../src/core/frontmatter/frontmatter";
import { seedNote } from "../../helpers/fixtures";

const S = DEFAULT_SETTINGS;
const exists = (names: string[]) => (linkpath: string) => names.includes(linkpath.toLowerCase());

describe("recognition", () => {
	it.each([
		["the seed note", { id: "SOURCE-20251128-973" }, "a.md", S, true],
		["another prefix", { id: "NOTE-1" }, "a.md", S, false],
		["id not a string", { id: 12 }, "a.md", S, false],
		["no id", { title: "x" }, "a.md", S, false],
		["configured prefix", { id: "SRC-1" }, "a.md", { ...S, idPrefix: "SRC-" }, true],
		["outside the source folder", { id: "SOURCE-1" }, "Notes/a.md", { ...S, sourceFolder: "Sources" }, false],
		["inside the source folder", { id: "SOURCE-1" }, "Sources/x/a.md", { ...S, sourceFolder: "Sources/" }, true],
		["folder name prefix is not the folder", { id: "SOURCE-1" }, "Sources2/a.md", { ...S, sourceFolder: "Sources" }, false],
	])("%s", (_n, fm, path, settings, expected) => {
		expect(toSourceNote(path, fm, settings) !== null).toBe(expected);
	});

	it("models the seed note", () => {
		const r = readFrontmatter(seedNote());
		const note = toSourceNote("seed.md", r.ok ? r.data : null, S)!;
		expect(note).toMatchObject({
			id: "SOURCE-20251128-973",
			status: "raw",
			platform: "youtube",
			videoId: "3x0jhpEj_6o",
			aliases: ["How OpenAI Builds for", "How OpenAI Builds for 800 Million"],
			integratedInto: [],
		});
		expect(validateSource(note, S, () => true)).toEqual([]);
	});

	it.each([
		[null, []],
		["one", ["one"]],
		[["a", 2, null, "", true], ["a", "2", "true"]],
		[{ a: 1 }, []],
	])("listOfText(%j) = %j", (v, expected) => {
		expect(listOfText(v)).toEqual(expected);
	});
});

describe("validation problems", () => {
	const base = { id: "SOURCE-1", title: "T", status: "raw" };
	const codes = (fm: Record<string, unknown>, existing: string[] = []) =>
		validateSource(toSourceNote("Sources/s.md", { ...base, ...fm }, S)!, S, exists(existing)).map((p) => p.code);

	it.each([
		["valid", {}, []],
		["empty title", { title: "  " }, ["missing-title"]],
		["null title", { title: null }, ["missing-title"]],
		["unknown status", { status: "done" }, ["unknown-status"]],
		["missing status", { status: undefined }, ["unknown-status"]],
		["ftp url", { url: "ftp://x.org/a" }, ["invalid-url"]],
		["javascript url", { url: "javascript:alert(1)" }, ["invalid-url"]],
		["url without host", { url: "https://" }, ["invalid-url"]],
		["http url", { url: "http://example.org" }, []],
		["null url", { url: null }, []],
		["date as text", { date_published: "Nov 28" }, ["invalid-date"]],
		["impossible date", { date_processed: "2025-02-30" }, ["invalid-date"]],
		["date as number", { date_integrated: 20251128 }, ["invalid-date"]],
		["null date", { date_integrated: null }, []],
		["valid date", { date_integrated: "2024-02-29" }, []],
		["entry not a wikilink", { integrated_into: ["Some note"] }, ["stale-integrated-into"]],
		["entry to a missing note", { integrated_into: ["[[Gone]]"] }, ["stale-integrated-into"]],
		["entry to an existing note", { integrated_into: ["[[Here#Part|alias]]"] }, []],
		["integrated without notes", { status: "integrated", integrated_into: [] }, ["integrated-without-notes"]],
		["integrated with notes", { status: "integrated", integrated_into: ["[[Here]]"] }, []],
		["integrated with only empty items", { status: "integrated", integrated_into: [null, ""] }, ["stale-integrated-into", "stale-integrated-into", "integrated-without-notes"]],
		["an empty status is no status", { status: "" }, ["unknown-status"]],
	])("%s", (_n, fm, expected) => {
		const fmClean = Object.fromEntries(Object.entries(fm).filter(([, v]) => v !== undefined));
		const withUndefined = Object.keys(fm).filter((k) => (fm as Record<string, unknown>)[k] === undefined);
		const full: Record<string, unknown> = { ...base, ...fmClean };
		for (const k of withUndefined) delete full[k];
		expect(validateSource(toSourceNote("Sources/s.md", full, S)!, S, exists(["here"])).map((p) => p.code)).toEqual(expected);
	});

	it("every problem has a message", () => {
		for (const p of validateSource(toSourceNote("s.md", { id: "SOURCE-1", status: "x", url: "x", date_a: 1, integrated_into: ["x"] }, S)!, S, () => false)) {
			expect(p.message.length).toBeGreaterThan(5);
		}
		expect(codes({})).toEqual([]);
	});

	it.each([
		["2024-02-29", true],
		["2023-02-29", false],
		["2000-02-29", true],
		["1900-02-29", false],
		["2025-13-01", false],
		["2025-00-10", false],
		["2025-04-31", false],
		["2025-12-31", true],
		["2025-12-00", false],
		["0050-01-01", true],
		["2025-1-01", false],
		["2025-01-01 ", false],
		["2025/01/01", false],
		["２０２５-01-01", false],
		["x", false],
	])("isCalendarDate(%s) = %s", (d, ok) => {
		expect(isCalendarDate(d)).toBe(ok);
	});
});

describe("empty status", () => {
	it("reads as no status: the message says so, and the queue counts it as none", () => {
		const source = toSourceNote("s.md", { id: "SOURCE-1", title: "T", status: "" }, DEFAULT_SETTINGS)!;
		expect(source.status).toBeNull();
		expect(validateSource(source, DEFAULT_SETTINGS, () => true)[0]?.message).toMatch(/^has no status/);
	});
});
