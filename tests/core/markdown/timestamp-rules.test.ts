/** The timestamp rules of docs/timestamps.md, each with an example of each side. */
import { findTimestamps, linkifyNote, noteVideo, type TimestampContext } from "../../../src/core/markdown/timestamps";
import { parseDuration, timePairStart } from "../../../src/core/markdown/timestamp-rules";

const VIDEO = "3x0jhpEj_6o";
const OTHER = "Ab1cD2eF3gH";
/** [token, label] of every timestamp of a body-only text, with the note's video (and duration). */
const tokens = (body: string, context: TimestampContext = { videoId: VIDEO }) => findTimestamps(body, context).map((t) => [t.text, t.label]);
const texts = (body: string, context: TimestampContext = { videoId: VIDEO }) => findTimestamps(body, context).map((t) => t.text);

describe("a time after a speaker label counts", () => {
	it.each<[string, string, [string, string][]]>([
		["bold name, blanks, time", "**Priya Raman**  06:24", [["06:24", ""]]],
		["bold name with a colon", "**Host:** 00:41 Welcome back", [["00:41", "Welcome back"]]],
		["time inside the bold", "**Dev 01:16**", [["01:16", ""]]],
		["time inside the bold, text after", "**Dev 01:16** And you finished?", [["01:16", "And you finished?"]]],
		["a numbered speaker", "Speaker 0: 00:00:01 Okay, we're recording.", [["00:00:01", "Okay, we're recording."]]],
		["a diarised label", "SPEAKER_01 00:13:05", [["00:13:05", ""]]],
		["capitalised name, two blanks, time ending the line", "Ana Lima  0:21", [["0:21", ""]]],
		["bold name with a bracketed time", "**Marta:** [05:47] the first program", [["05:47", "the first program"]]],
		["in a list item and a quote", "> - **Host**  02:15", [["02:15", ""]]],
	])("%s: %j", (_name, body, expected) => {
		expect(tokens(body)).toEqual(expected);
	});

	it("tells a transcript's turns (paragraphs of their own) from a chat export's senders (one after another)", () => {
		const transcript = "Moderator  0:03\nThanks for joining.\n\nAna Lima  0:21\nI maintain a date library.\n";
		expect(texts(transcript)).toEqual(["0:03", "0:21"]);
		const chat = "Thread:\n\nMia Chen  14:02\ncan we move the review?\nOmar Haddad  14:05\nbooked\nMia Chen  16:47\nthanks all\n";
		expect(texts(chat)).toEqual([]);
	});

	it.each<[string, string]>([
		["prose with a colon", "Call: 10:30 tomorrow"],
		["a name and a time with text after it", "Ana Lima  0:21 said hello"],
		["a lower-case phrase", "meet at  10:30"],
		["one blank after a plain name", "Ana Lima 0:21"],
		["a bold time alone (the line starts with markup)", "**0:00** Intro"],
		["bold that is no name", "**[see](https://a.b)** 0:10"],
		["a plain name with a colon and a time", "Ana: 0:21"],
	])("not: %s", (_name, body) => {
		expect(tokens(body)).toEqual([]);
	});
});

describe("escaped and signed brackets count anywhere", () => {
	it.each<[string, string, [string, string][]]>([
		["escaped at the line's start", "\\[05:47\\] text", [["05:47", "text"]]],
		["escaped in prose", "the lease trick at \\[31:10\\] only works", [["31:10", "only works"]]],
		["escaped in a list item", "- \\[1:09:57\\] Questions", [["1:09:57", "Questions"]]],
		["signed", "- [@00:10] - Introduction", [["00:10", "Introduction"]]],
		["signed in prose", "see [@6:20] for the lie", [["6:20", "for the lie"]]],
	])("%s: %j", (_name, body, expected) => {
		expect(tokens(body)).toEqual(expected);
	});

	it.each<[string, string]>([
		["escaped, but in code", "`\\[20:00\\]` placeholder"],
		["escaped brackets that do not match", "see \\[3:07\\) here"],
		["a sign but no bracket", "see @3:07 here"],
		["a mention, not a time", "[@speaker] at 3:07"],
	])("not: %s", (_name, body) => {
		expect(tokens(body)).toEqual([]);
	});
});

describe("two bracketed times side by side are two times", () => {
	it("links both, not a reference link", () => {
		expect(texts("- Arrays (with a demo in C) [7:23][12:38]")).toEqual(["7:23", "12:38"]);
		expect(texts("[1:02:03][1:05:10] hours")).toEqual(["1:02:03", "1:05:10"]);
	});

	it("finds where the pair starts, from either token", () => {
		const line = "x [7:23][12:38]";
		expect(timePairStart(line, 3, 7)).toBe(2);
		expect(timePairStart(line, 9, 14)).toBe(2);
		expect(timePairStart("[3:07][ref]", 1, 5)).toBe(-1);
	});

	it.each<[string, string, string[]]>([
		["a reference link to a label", "[3:07][ref] Intro", []],
		["a pair in code", "`[7:23][12:38]`", []],
		["a linked time beside a bracketed one", "[7:23](https://a.b) [12:38]", ["12:38"]],
	])("not: %s", (_name, body, expected) => {
		expect(texts(body)).toEqual(expected);
	});
});

describe("a chat log's clock is no time in the video", () => {
	it.each<[string, string[]]>([
		["08:55:44 From Jane Doe to Everyone:", []],
		["08:55:44 From Jane Doe to Everyone: good morning", []],
		["09:10:02 From Ravi to Me (Direct Message): hi", []],
		["10:02:33\t From  Maria Gonzalez : morning", []],
		// The other side: chapters that start with "From".
		["00:12:00 From zero to one: the early days", ["00:12:00"]],
		["12:00 From Jane Doe to Everyone:", ["12:00"]],
		["0:45 From the archive", ["0:45"]],
	])("%j → %j", (body, expected) => {
		expect(texts(body)).toEqual(expected);
	});
});

describe("a clock time is no time in the video", () => {
	it.each<[string, string[]]>([
		["5:30 AM IN NEW YORK", []],
		["10:00 A.M. data: consumer sentiment", []],
		["7:15 am: breakfast", []],
		["(11:00 PM) Last ramen", []],
		["01:42:54 UTC. Last trade", []],
		["(10:00 ET) Fed speaker", []],
		["[14:00 CET] Track B", []],
		["- 17:30 CEST Closing", []],
		["[9:02 AM] Jane Doe: seeing 500s", []],
		// The other side.
		["5:30 Amsterdam office tour", ["5:30"]],
		["0:44:10 Opening keynote", ["0:44:10"]],
		["12:00 PTO policy", ["12:00"]],
		["3:00 ETL pipelines", ["3:00"]],
		["4:00 IPA and other beers", ["4:00"]],
	])("%j → %j", (body, expected) => {
		expect(texts(body)).toEqual(expected);
	});
});

describe("a time after a link to another video is that video's", () => {
	it.each<[string, string[]]>([
		[`* [Talk](https://www.youtube.com/watch?v=${OTHER}) [00:45:34] by a maintainer`, []],
		[`- [Primer](https://youtu.be/${OTHER}) (28:55)`, []],
		[`- [Spanner](https://www.youtube.com/watch?v=${OTHER}&t=95s) [52:10]`, []],
		[`Jepsen: https://www.youtube.com/watch?v=${OTHER} [1:02:44]`, []],
		["6. [Lecture 6](https://vimeo.com/123456789) [46:01]", []],
		[`[Short](https://www.youtube.com/shorts/${OTHER}) (0:59)`, []],
		// The other side: our own video, a link after the time, a link to no video.
		[`* [This talk](https://www.youtube.com/watch?v=${VIDEO}&t=1890s) [31:30]`, ["31:30"]],
		[`- 12:30 Mentions [this talk](https://youtu.be/${OTHER})`, ["12:30"]],
		["- [Slides](https://example.org/slides) [5:00] the diagram", ["5:00"]],
		["- [Channel](https://www.youtube.com/@somechannel) [5:00] the diagram", ["5:00"]],
	])("%j → %j", (body, expected) => {
		expect(texts(body)).toEqual(expected);
	});

	it("counts every video link as another's when the note's video is not known", () => {
		expect(texts(`- [Self](https://youtu.be/${VIDEO}) [1:00]`, {})).toEqual([]);
		expect(texts("- [Slides](https://example.org/s) [1:00]", {})).toEqual(["1:00"]);
	});

	it("reads only the line: a time on the next line is ours", () => {
		expect(texts(`Watch [the report](https://youtu.be/${OTHER}?t=60), then\ncome back here at [5:12] for the driver part.`)).toEqual(["5:12"]);
	});
});

describe("a hard-wrapped sentence's time is no chapter; a run of timestamp lines is", () => {
	it.each<[string, string, string[]]>([
		["a continuation line of prose", "The p99 latency of the checkout service jumped twice, between\n2:01:00 and 2:02:00. For the one-minute window", []],
		["two such lines", "It starts around the middle of the long example\n33:15 and the key step, where the entropy is zero, comes at\n36:02 when she erases the heat term.", []],
		["a wrapped line with a comma before", "the best stretch runs from the hiring question, roughly,\n18:20 to 31:00", []],
		// The other side.
		["the seed's list after `Timestamps:`", "Timestamps: \n00:00  Introduction\n8:36  Horizontal vs vertical OpenAI", ["00:00", "8:36"]],
		["a run after a long chapter line", "00:00 Why the industry moved past the idea of one model\n12:18 Disintermediation", ["00:00", "12:18"]],
		["a short line above", "Chapters\n0:00 intro\n1:00 setup", ["0:00", "1:00"]],
		["a sentence ending with a full stop above", "This is a long sentence that ends properly here.\n0:10 intro", ["0:10"]],
		["a list item", "This is long prose that wraps in the middle of a\n- 0:10 intro", ["0:10"]],
		["a heading above", "## A rather long heading that names the section below\n0:10 intro", ["0:10"]],
		["a lower-case run below a long line", "Tracklist for the whole two hour set recorded live in Berlin\n00:00 intro\n04:12 marlo venn - static bloom", ["00:00", "04:12"]],
		["a long wrapped line above another time is no run", "It starts around the middle of the long worked example\n33:15 and the key step, where the entropy is zero, comes at\n36:02 when she erases the term.", []],
	])("%s", (_name, body, expected) => {
		expect(texts(body)).toEqual(expected);
	});
});

describe("a time past the note's duration is not in the video", () => {
	it.each<[unknown, number | null]>([
		["53m 23s", 3203],
		["1h 2m 3s", 3723],
		["1h 03m", 3780],
		["45s", 45],
		["53 min", 3180],
		["1:02:03", 3723],
		["53:23", 3203],
		["PT53M23S", 3203],
		["PT1H2M3S", 3723],
		["pt23m10s", 1390],
		["3203", 3203],
		[312, 312],
		["", null],
		["soon", null],
		["PT", null],
		[0, null],
		[null, null],
		[["53m"], null],
	])("duration %j is %j seconds", (value, seconds) => {
		expect(parseDuration(value)).toBe(seconds);
	});

	it("drops tokens past the end, keeps the one at the end", () => {
		const body = "0:00 Welcome\n53:23 The last second\n53:24 Past the end\n1:12:00 Lunch";
		expect(texts(body, { videoId: VIDEO, duration: 3203 })).toEqual(["0:00", "53:23"]);
		expect(texts(body, { videoId: VIDEO, duration: null })).toEqual(["0:00", "53:23", "53:24", "1:12:00"]);
	});

	it("is read from the note's frontmatter by noteVideo, and linkify leaves a time past the end alone", () => {
		const text = `---\nurl: https://youtu.be/${VIDEO}\nduration: "53m 23s"\n---\n0:00 Welcome\n53:30 Partner announcements\n`;
		expect(noteVideo(text)).toEqual({ ok: true, videoId: VIDEO, duration: 3203 });
		const linked = linkifyNote(text);
		expect(linked).toMatchObject({ ok: true, linked: 1 });
		expect(linked.ok && linked.text.endsWith("\n53:30 Partner announcements\n")).toBe(true);
	});
});
