import { categoryFileName, countWords, EXPORT_MAX_WORDS, exportBody, exportGroupFiles, exportGroups, hasExportMarker, EXPORT_MARKER } from "../../../src/core/sources/export";
import { toSourceNote, type SourceNote } from "../../../src/core/sources/source";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";

const source = (path: string, fm: Record<string, unknown>): SourceNote => toSourceNote(path, { id: `SOURCE-${path}`, title: path, ...fm }, DEFAULT_SETTINGS) as SourceNote;
const words = (n: number) => "word ".repeat(n);

describe("export split rule", () => {
	const group = (sizes: number[]) => {
		const sources = sizes.map((_, i) => source(`s${i}.md`, { status: "raw", notebooklm_category: "big", date_published: `2025-01-${String(10 + i)}` }));
		const bodies = new Map(sources.map((s, i) => [s.path, `---\nid: x\n---\n${words(sizes[i] as number)}\n`]));
		const [g] = exportGroups(sources, { statuses: null, category: null }, DEFAULT_SETTINGS);
		return [...exportGroupFiles(g!, (s) => bodies.get(s.path) ?? null)].sort((a, b) => a.part - b.part);
	};

	it("keeps a category under 400,000 words in one file", () => {
		const files = group([1000, 2000]);
		expect(files.map((f) => [f.file, f.sources])).toEqual([["big.md", 2]]);
	});

	it("splits a file over 400,000 words as name.md, name-2.md, … at source boundaries, each under the limit", () => {
		const files = group([150_000, 150_000, 150_000, 150_000, 150_000]);
		expect(files.map((f) => [f.file, f.sources])).toEqual([
			["big.md", 2],
			["big-2.md", 2],
			["big-3.md", 1],
		]);
		for (const f of files) {
			expect(f.words).toBe(countWords(f.text));
			expect(f.words).toBeLessThanOrEqual(EXPORT_MAX_WORDS);
			expect(hasExportMarker(f.text)).toBe(true);
		}
		expect(files[1]!.text).toContain("# big (part 2)");
	});

	it("gives a single source over the limit a file of its own, never cutting it", () => {
		const files = group([10, 450_000, 10]);
		expect(files.map((f) => [f.file, f.sources])).toEqual([
			["big.md", 1],
			["big-2.md", 1],
			["big-3.md", 1],
		]);
		expect(files[1]!.words).toBeGreaterThan(EXPORT_MAX_WORDS);
	});
});

describe("export groups", () => {
	const sources = [
		source("a.md", { status: "raw", notebooklm_category: "AI/ML" }),
		source("b.md", { status: "archived", notebooklm_category: "ai/ml" }),
		source("c.md", { status: null }),
		source("d.md", { status: "integrated", notebooklm_category: "" }),
	];

	it("leave archived sources out by default and file sources without a category as uncategorized", () => {
		const groups = exportGroups(sources, { statuses: null, category: null }, DEFAULT_SETTINGS);
		expect(groups.map((g) => [g.name, g.sources.map((s) => s.path)])).toEqual([
			["ai-ml", ["a.md"]],
			["uncategorized", ["c.md", "d.md"]],
		]);
	});

	it("take the statuses asked for, archived too", () => {
		const groups = exportGroups(sources, { statuses: ["archived"], category: "AI/ML" }, DEFAULT_SETTINGS);
		expect(groups.map((g) => [g.name, g.sources.map((s) => s.path)])).toEqual([["ai-ml", ["b.md"]]]);
	});

	it("name files safely, one name per category whatever its case", () => {
		expect(categoryFileName("Strategy: Q1 | Notes")).toBe("strategy- q1 - notes");
		expect(categoryFileName("../etc")).toBe("-etc");
		expect(categoryFileName(null)).toBe("uncategorized");
	});
});

describe("export body", () => {
	it("turns timestamps into seek links and links into their text, leaving code alone", () => {
		const text = "---\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n- 1:05 Intro [[Note|the note]] ![[pic.png]]\n`2:00` and\n```\n3:00\n```\n";
		expect(exportBody(text, "dQw4w9WgXcQ")).toBe("- [1:05](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=65s) Intro the note pic.png\n`2:00` and\n```\n3:00\n```\n");
	});

	it("turns Markdown links to notes into their text and keeps web links", () => {
		expect(exportBody("See [the plan](Projects/Plan.md) and [a16z](https://a16z.com).\n", null)).toBe("See the plan and [a16z](https://a16z.com).\n");
	});

	it("leaves timestamps as text when the note has no video", () => {
		expect(exportBody("- 1:05 Intro\r\n", null)).toBe("- 1:05 Intro\n");
	});

	it("knows its own files by the marker line only", () => {
		expect(hasExportMarker(`${EXPORT_MARKER}\n# x`)).toBe(true);
		expect(hasExportMarker(`\ufeff${EXPORT_MARKER}\n`)).toBe(true);
		expect(hasExportMarker(`# x\n${EXPORT_MARKER}\n`)).toBe(false);
	});
});
