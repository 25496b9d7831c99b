import { seedDescription, seedNote } from "../../../helpers/fixtures";
import { chapterList, splitDescription } from "../../../../src/core/sources/capture/description";
import { findTimestamps } from "../../../../src/core/markdown/timestamps";

describe("capture: description parsing", () => {
	it("takes the seed's 12 chapter lines, in order, as the timestamp scan reads the seed", () => {
		const split = splitDescription(seedDescription());
		const inSeed = findTimestamps(seedNote());
		expect(split.chapters).toHaveLength(12);
		expect(split.chapters.map((c) => [c.text, c.seconds, c.label])).toEqual(inSeed.map((t) => [t.text, t.seconds, t.label]));
		expect(split.chapters[1]).toEqual({ text: "8:36", seconds: 516, label: "Horizontal vs vertical OpenAI" });
	});

	it("keeps the rest of the seed's description, without the chapter lines and their Timestamps: line", () => {
		const { rest } = splitDescription(seedDescription());
		expect(rest.startsWith("In this episode, a16z GP Martin Casado")).toBe(true);
		expect(rest).toContain("• Why the new agent builder is deterministic, node based, and not free roaming\n\nStay Updated:");
		expect(rest).not.toMatch(/Timestamps:|Introduction|8:36/);
		expect(rest.endsWith("[a16z.com/disclosures](http://a16z.com/disclosures).")).toBe(true);
	});

	it.each([
		["list markers and brackets before the token", "- 0:00 Intro\n* [1:05] Part one\n3. (1:02:03) Late", [["0:00", "Intro"], ["1:05", "Part one"], ["1:02:03", "Late"]], ""],
		["a timestamp in mid-sentence stays in the description", "See (4:20) for the demo\n0:00 Start", [["0:00", "Start"]], "See (4:20) for the demo"],
		["not a timestamp by the rules: 1:75:00 and 99:99", "1:75:00 no\n99:99 no", [], "1:75:00 no\n99:99 no"],
		["chapters in a code fence are code", "```\n0:00 code\n```\n1:00 Real", [["1:00", "Real"]], "```\n0:00 code\n```"],
		["a Chapters: heading goes with its chapters", "Intro text\n\nChapters:\n0:00 A\n0:30 B\n\nOutro", [["0:00", "A"], ["0:30", "B"]], "Intro text\n\nOutro"],
		["a Timestamps: line with no chapters below stays", "Timestamps:\nnone yet", [], "Timestamps:\nnone yet"],
		["CRLF text", "Hello\r\n0:00 A\r\n\r\n\r\nBye\r\n", [["0:00", "A"]], "Hello\n\nBye"],
	])("%s", (_rule, description, chapters, rest) => {
		const split = splitDescription(description);
		expect(split.chapters.map((c) => [c.text, c.label])).toEqual(chapters);
		expect(split.rest).toBe(rest);
	});

	it("gives nothing for no description", () => {
		expect(splitDescription(null)).toEqual({ chapters: [], rest: "" });
		expect(splitDescription("  \n\n ")).toEqual({ chapters: [], rest: "" });
	});

	it("writes chapters as a Markdown list the scan reads back the same", () => {
		const { chapters } = splitDescription(seedDescription());
		const list = chapterList(chapters);
		expect(list.split("\n")[0]).toBe("- 00:00 Introduction");
		expect(splitDescription(list).chapters).toEqual(chapters);
	});
});
