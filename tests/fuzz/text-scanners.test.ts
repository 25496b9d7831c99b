/**
 * Random Markdown → the timestamp scanner (docs/reference.md §6) and the link extractor (§5): they
 * never throw, their positions are consistent, linkify only ever writes seek URLs and is
 * idempotent, and both stay linear on inputs built to trip a scanner into quadratic work
 * (unclosed brackets, backtick runs, `://` chains, `[[` floods…): 16× the input may cost
 * at most 128× the time (a quadratic scan would cost 256×; the slack is for a loaded machine, where caches and GC make a linear scan look up to ~70×). Timing lives only in this suite.
 */
import fc from "fast-check";
import { extractLinks } from "../../src/core/vault/links";
import { findTimestamps, findTimestampsInFragment, linkifyNote, parseTimestamp } from "../../src/core/markdown/timestamps";
import { isSeekUrl } from "../../src/core/sources/youtube";
import { codePoint } from "./yaml-gen";
import { fuzz } from "./config";

const SNIPPETS = [
	"1:23", "12:34", "1:02:03", "99:99", "1:75:00", "[", "]", "(", ")", "[[", "]]", "![[", "`", "```", "~~~", "\n", "\r\n", " ", "  ", "\t",
	"- ", "* ", "1. ", "+ ", ":", " - ", " – ", "|", "#", "^", "\\", "<", ">", "https://", "http://x.y/", "<https://a.b>", "[a](b)", "[[Note]]",
	"[[Note#h|alias]]", "[8:36](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=516s)", "(1:00)", "[2:00]", "`3:00`", "%%", "$$", "<!--", "-->",
	"---", "\u00a0", "\u3000", "\uFEFF", "é", "😀",
];
const markdown = fc.array(fc.oneof({ arbitrary: fc.constantFrom(...SNIPPETS), weight: 8 }, { arbitrary: codePoint, weight: 1 }, { arbitrary: fc.string({ maxLength: 5 }), weight: 1 }), { maxLength: 60 }).map((p) => p.join(""));
const note = fc.tuple(fc.constantFrom("", "---\nid: SOURCE-x\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n", "---\r\nurl: \"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"\r\n---\r\n", "---\nurl: javascript:alert('https://youtu.be/dQw4w9WgXcQ')\n---\n", "---\nurl: [\n---\n"), markdown).map(([fm, body]) => fm + body);

describe("timestamp scanner and link extractor (property)", () => {
	it("timestamps: never throw, and every token is where it says, with its seconds", () => {
		fc.assert(
			fc.property(note, (text) => {
				const found = findTimestamps(text);
				let last = -1;
				for (const t of found) {
					expect(text.slice(t.from, t.to)).toBe(t.text);
					expect(parseTimestamp(t.text)).toBe(t.seconds);
					expect(t.from).toBeGreaterThan(last);
					last = t.from;
					expect(text.split("\n")[t.line - 1]?.includes(t.text)).toBe(true);
				}
				findTimestampsInFragment(text, false);
				findTimestampsInFragment(text, true);
			}),
			fuzz(2),
		);
	});

	it("linkify: never throws, writes only seek URLs, changes nothing but the tokens, and is idempotent", () => {
		fc.assert(
			fc.property(note, (text) => {
				const r = linkifyNote(text);
				if (!r.ok) return;
				if (r.videoId === null) {
					expect(r.text).toBe(text);
					return;
				}
				const added = [...r.text.matchAll(/\]\((https?:[^)\s]*)\)/g)].map((m) => m[1] as string);
				const before = new Set([...text.matchAll(/\]\((https?:[^)\s]*)\)/g)].map((m) => m[1] as string));
				for (const url of added) if (!before.has(url)) expect(isSeekUrl(url)).toBe(true);
				const again = linkifyNote(r.text);
				expect(again.ok && again.text).toBe(r.text);
				expect(again.ok && again.linked).toBe(0);
			}),
			fuzz(2),
		);
	});

	it("links: never throw, and every link's original text is at its position", () => {
		fc.assert(
			fc.property(note, (text) => {
				const r = extractLinks(text);
				for (const l of [...r.links, ...r.embeds]) {
					expect(text.slice(l.position.start.offset, l.position.end.offset)).toBe(l.original);
				}
			}),
			fuzz(2),
		);
	});
});

/** Fastest wall time of `runs` calls (the least disturbed by GC and a shared machine). */
function fastest(f: () => void, runs = 5): number {
	const times: number[] = [];
	for (let i = 0; i < runs; i++) {
		const t0 = process.hrtime.bigint();
		f();
		times.push(Number(process.hrtime.bigint() - t0));
	}
	return Math.min(...times);
}

const PATHOLOGICAL: [string, string][] = [
	["unclosed [", "["],
	["unclosed [[", "[["],
	["unclosed ![[", "![["],
	["unclosed (", "("],
	["[ then ]( chains", "[a]("],
	["backtick runs", "`"],
	["alternating backtick lengths", "` `` "],
	["fence markers", "```\n"],
	["://", "a://"],
	["< autolink starts", "<a:"],
	["timestamps on one line", "1:23 "],
	["bracketed timestamps", "[1:23]("],
	["list markers", "- [ "],
	["%% comments", "%%"],
	["pipes and escapes", "\\|[[a\\|"],
	["one long line of digits and colons", "1:2:3:"],
];

describe("linear time on pathological input (16× input ≤ 128× time)", () => {
	it.each(PATHOLOGICAL)("%s", (_name, unit) => {
		const small = "---\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n" + unit.repeat(Math.ceil(40_000 / unit.length));
		const big = "---\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n" + unit.repeat(Math.ceil(640_000 / unit.length));
		for (const [name, f] of [
			["timestamps", (t: string) => findTimestamps(t)],
			["linkify", (t: string) => linkifyNote(t)],
			["links", (t: string) => extractLinks(t)],
		] as const) {
			f(small); // warm up
			// Sub-millisecond times are noise: the small input counts as at least 0.5 ms.
			const ratio = fastest(() => f(big)) / Math.max(fastest(() => f(small)), 500_000);
			if (ratio > 128) throw new Error(`${name} on "${unit}": 16× the input took ${ratio.toFixed(1)}× the time`);
		}
	});
});
