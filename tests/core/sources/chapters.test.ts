import { readFileSync } from "fs";
import { join } from "path";
import { chapterAt, formatTimestamp, noteChapters, timestampInsertion } from "../../../src/core/sources/chapters";
import { seekOfUrl } from "../../../src/core/sources/youtube";

const SEED = readFileSync(join(__dirname, "..", "..", "fixtures", "seed-source.md"), "utf8");
const VIDEO = "3x0jhpEj_6o";
const note = (body: string) => `---\nid: SOURCE-1\nurl: https://youtu.be/${VIDEO}\n---\n${body}`;

describe("noteChapters", () => {
	it("reads the seed note's 12 timestamps with their labels, in the note's order", () => {
		const { videoId, chapters } = noteChapters(SEED);
		expect(videoId).toBe(VIDEO);
		expect(chapters).toHaveLength(12);
		expect(chapters[1]).toEqual({ seconds: 516, text: "8:36", label: "Horizontal vs vertical OpenAI", line: expect.any(Number) });
		expect(chapters.map((c) => c.seconds)).toEqual([0, 516, 738, 911, 1050, 1210, 1484, 1686, 1915, 2206, 2577, 2747]);
	});

	it("lists a converted note's seek links as chapters (same video only, not in code)", () => {
		const link = (t: string, s: number, v = VIDEO) => `[${t}](https://www.youtube.com/watch?v=${v}&t=${s}s)`;
		const text = note(`${link("0:00", 0)} Intro\n- ${link("8:36", 516)} - Horizontal\n${link("9:00", 540, "aaaaaaaaaaa")} Other video\n\`\`\`\n${link("9:30", 570)} code\n\`\`\`\n`);
		expect(noteChapters(text).chapters.map((c) => [c.seconds, c.label, c.line])).toEqual([
			[0, "Intro", 5],
			[516, "Horizontal", 6],
		]);
	});

	it("follows the timestamp rules of every surface: no chapter past the note's duration, nor after another video's link", () => {
		const text = `---\nid: SOURCE-1\nurl: https://youtu.be/${VIDEO}\nduration: "10m 00s"\n---\n0:00 Intro\n9:59 End\n12:00 Past the end\n- [Other talk](https://www.youtube.com/watch?v=AAAAAAAAAAA) [5:00]\n`;
		expect(noteChapters(text).chapters.map((c) => c.text)).toEqual(["0:00", "9:59"]);
	});

	it("has no chapters without a video, nor for timestamps in code", () => {
		expect(noteChapters("---\nid: SOURCE-1\nurl: https://example.com\n---\n0:10 Intro\n")).toEqual({ videoId: null, chapters: [] });
		expect(noteChapters(note("```\n0:10 code\n```\n1:00 Real\n")).chapters.map((c) => c.label)).toEqual(["Real"]);
	});
});

describe("chapterAt: the chapter with the latest start at or before the time", () => {
	const sorted = [{ seconds: 0 }, { seconds: 516 }, { seconds: 738 }];
	it.each([
		[0, 0],
		[515.9, 0],
		[516, 1], // a chapter starts exactly at its time
		[737, 1],
		[738, 2],
		[99999, 2],
	])("at %s s → chapter %s", (time, index) => {
		expect(chapterAt(sorted, time)).toBe(index);
	});

	it("is -1 before the first start and with no chapters", () => {
		expect(chapterAt([{ seconds: 30 }], 10)).toBe(-1);
		expect(chapterAt([], 10)).toBe(-1);
	});

	it("reads an unsorted list by time and answers with the index in the list", () => {
		const unsorted = [{ seconds: 738 }, { seconds: 0 }, { seconds: 516 }];
		expect(chapterAt(unsorted, 600)).toBe(2);
		expect(chapterAt(unsorted, 800)).toBe(0);
		expect(chapterAt(unsorted, 5)).toBe(1);
	});

	it("compares H:MM:SS starts as seconds", () => {
		const chapters = noteChapters(note("59:59 Late\n1:00:00 Hour\n1:02:03 Later\n")).chapters;
		expect(chapters.map((c) => c.seconds)).toEqual([3599, 3600, 3723]);
		expect(chapterAt(chapters, 3650)).toBe(1);
		expect(chapterAt(chapters, 3723)).toBe(2);
	});

	it("takes the first in the list of chapters starting at the same second", () => {
		const equal = [{ seconds: 0 }, { seconds: 60 }, { seconds: 60 }, { seconds: 90 }];
		expect(chapterAt(equal, 70)).toBe(1);
		expect(chapterAt([{ seconds: 60 }, { seconds: 0 }, { seconds: 60 }], 61)).toBe(0);
	});
});

describe("formatTimestamp", () => {
	it.each([
		[0, "0:00"],
		[516, "8:36"],
		[516.9, "8:36"],
		[3599, "59:59"],
		[3600, "1:00:00"],
		[3723, "1:02:03"],
	])("%s s → %s", (s, text) => expect(formatTimestamp(s)).toBe(text));
});

describe("timestampInsertion", () => {
	it("adds a line in the style of the note's timestamp list (marker and indentation)", () => {
		const text = note("Chapters:\n  - 0:00 Intro\n  - 1:10 Next\n\n");
		const cursor = text.length - 1;
		expect(timestampInsertion(text, cursor, 516, VIDEO)).toEqual({ at: cursor, insert: "  - 8:36 " });
	});

	it("starts a new line after the cursor's line when that line has text", () => {
		const text = note("0:00 Intro\nsome words");
		expect(timestampInsertion(text, text.length - 3, 3723, VIDEO)).toEqual({ at: text.length, insert: "\n1:02:03 " });
	});

	it("writes a seek link when the note's timestamps are links", () => {
		const text = note(`[0:00](https://www.youtube.com/watch?v=${VIDEO}&t=0s) Intro\n`);
		expect(timestampInsertion(text, text.length, 516, VIDEO).insert).toBe(`[8:36](https://www.youtube.com/watch?v=${VIDEO}&t=516s) `);
	});
});

describe("seekOfUrl", () => {
	it.each([
		[`https://www.youtube.com/watch?v=${VIDEO}&t=516s`, 516],
		[`https://youtu.be/${VIDEO}?t=516`, 516],
		[`https://www.youtube.com/watch?v=${VIDEO}&t=8m36s`, 516],
		[`https://www.youtube.com/watch?v=${VIDEO}&t=1h2m3s`, 3723],
		[`https://www.youtube.com/embed/${VIDEO}?start=516`, 516],
		[`https://www.youtube.com/watch?v=${VIDEO}#t=516`, 516],
	])("%s starts at %s s", (url, seconds) => {
		expect(seekOfUrl(url)).toEqual({ videoId: VIDEO, seconds });
	});

	it.each([[`https://www.youtube.com/watch?v=${VIDEO}`], [`https://example.com/watch?v=${VIDEO}&t=5`], [`https://www.youtube.com/watch?v=${VIDEO}&t=abc`]])("%s has no seek", (url) => {
		expect(seekOfUrl(url)).toBeNull();
	});
});
