/**
 * The timestamp corpus (docs/timestamps.md): realistic notes of each class a reader pastes
 * into a note — transcripts with speaker labels, exporter-escaped brackets, chat logs,
 * lists of other talks, clock times, hard-wrapped prose, tracklists, chapter lists, notes
 * with a `duration`, and the seed note. Each expected token is marked in the fixture as
 * ⟦8:36⟧; the markers are removed before scanning. Precision and recall are counted token
 * by token (line, column and text must match), per class and overall. The other surfaces
 * (Live Preview, reading view, linkify) are held to the same tokens in
 * tests/ui/timestamp-surfaces.test.ts.
 */
import { findTimestamps, noteVideo } from "../../../src/core/markdown/timestamps";
import { seedNote } from "../../helpers/fixtures";
import { readCorpus, type CorpusNote } from "../../helpers/timestamp-corpus";

/** What the scan finds in a note, with the note's own video and duration (as the CLI reads it). */
function found(text: string): string[] {
	const video = noteVideo(text);
	const context = video.ok ? { videoId: video.videoId, duration: video.duration } : {};
	return findTimestamps(text, context).map((t) => `${t.line}:${t.column}:${t.text}`);
}

interface Score {
	right: number;
	wrong: number;
	missed: number;
}

const precision = (s: Score) => (s.right + s.wrong === 0 ? 1 : s.right / (s.right + s.wrong));
const recall = (s: Score) => (s.right + s.missed === 0 ? 1 : s.right / (s.right + s.missed));

function score(note: CorpusNote): Score & { wrongTokens: string[]; missedTokens: string[] } {
	const got = new Set(found(note.text));
	const want = new Set(note.expected);
	const wrongTokens = [...got].filter((t) => !want.has(t));
	const missedTokens = [...want].filter((t) => !got.has(t));
	return { right: got.size - wrongTokens.length, wrong: wrongTokens.length, missed: missedTokens.length, wrongTokens, missedTokens };
}

describe("timestamp corpus: precision and recall per class", () => {
	const classes = readCorpus();
	const total: Score = { right: 0, wrong: 0, missed: 0 };
	const rows: string[] = [];
	const misses: string[] = [];
	for (const [cls, notes] of classes) {
		const s: Score = { right: 0, wrong: 0, missed: 0 };
		for (const note of notes) {
			const r = score(note);
			s.right += r.right;
			s.wrong += r.wrong;
			s.missed += r.missed;
			for (const t of r.wrongTokens) misses.push(`wrong  ${note.path}:${t}`);
			for (const t of r.missedTokens) misses.push(`missed ${note.path}:${t}`);
		}
		total.right += s.right;
		total.wrong += s.wrong;
		total.missed += s.missed;
		rows.push(`${cls.padEnd(14)} ${String(notes.length).padStart(2)} notes  precision ${precision(s).toFixed(3)}  recall ${recall(s).toFixed(3)}  (${s.right} right, ${s.wrong} wrong, ${s.missed} missed)`);
		it(`${cls}: precision and recall ≥ 0.95`, () => {
			expect(precision(s)).toBeGreaterThanOrEqual(0.95);
			expect(recall(s)).toBeGreaterThanOrEqual(0.95);
		});
	}
	rows.push(`${"overall".padEnd(14)} ${String([...classes.values()].reduce((n, c) => n + c.length, 0)).padStart(2)} notes  precision ${precision(total).toFixed(3)}  recall ${recall(total).toFixed(3)}  (${total.right} right, ${total.wrong} wrong, ${total.missed} missed)`);

	it("overall: precision and recall ≥ 0.95", () => {
		console.log(["timestamp corpus", ...rows, ...misses].join("\n"));
		expect(precision(total)).toBeGreaterThanOrEqual(0.95);
		expect(recall(total)).toBeGreaterThanOrEqual(0.95);
	});

	it("has every class of docs/timestamps.md, each with tokens to find", () => {
		expect([...classes.keys()]).toEqual(["brackets", "chapters", "chat-logs", "clock-times", "duration", "escaped", "other-videos", "seed", "speakers", "tracklists", "wrapped-prose"]);
		for (const notes of classes.values()) expect(notes.reduce((n, note) => n + note.expected.length, 0)).toBeGreaterThan(0);
	});

	it("holds the seed note byte for byte, its 12 timestamps marked", () => {
		const seed = classes.get("seed")?.[0];
		expect(seed?.text).toBe(seedNote());
		expect(seed?.expected).toHaveLength(12);
	});
});
