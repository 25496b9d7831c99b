/**
 * The timestamp scan (docs/reference.md §6): every token that counts in `[from, to)` of a
 * text, in text order. Candidate colons are found with one forward search; the block
 * reader (blocks/reader.ts) reads the lines up to each candidate's, so a token in code,
 * `$$` math, an HTML block or a `%%` comment never counts, by the same rules link
 * extraction, the integration heading search and Live Preview read. A line's code spans
 * and links are read only when one of its candidates would count, a paragraph's only when
 * a span could run onto a later line. Linear in the scanned length.
 */
import { BlockReader, initialBlockState, type BlockState, type LineRole } from "./blocks/reader";
import type { Fence } from "./blocks/fences";
import { excludedRanges, paragraphRanges } from "./inline-spans";
// Timestamp rules (docs/timestamps.md): where else a token counts, and which are not this video's.
import { countsByRule, OTHER_VIDEOS, rejectsToken, timePairStart, type TimestampContext } from "./timestamp-rules";
import { isWrapped, labelAfter, lineStartTokenPos, nextCandidate, schemeAfter, tokenAt, type TimestampToken } from "./timestamp-tokens";

export interface ScanOptions {
	/** Offset to start at (a line start). Default 0. */
	from?: number;
	/** Offset to stop at (a line end). Default the text's length. */
	to?: number;
	/** The block reader's state at `from` (a snapshot); default: the start of a body. */
	state?: BlockState | null;
	/** The fence open at `from`, if any (a shorter way to give `state`). */
	fence?: Fence | null;
	/** Whether the first line starts a line of the document (false for a mid-line fragment). */
	firstLineAtStart?: boolean;
	/** Blocks count (false for reading-view fragments: rendered text, no blocks there). */
	fences?: boolean;
	/** The note's video and duration, for the rules of docs/timestamps.md (default: neither known). */
	context?: TimestampContext;
}

const NO_CONTEXT: TimestampContext = {};

/**
 * Engine tuning, the only one in the scan: the last scan (its reader and block states) is
 * kept until the next one. When every object of these shapes died, V8 dropped the shapes at
 * the next full garbage collection and with them the optimised scan ("weak objects"
 * deopts): on the bench's 10 MB note, with a collection between scans, 38.8 ms per scan
 * without this and 22.9 ms with it (docs/performance.md). The cost: the last note scanned
 * stays in memory until the next scan.
 */
const SHAPES_KEPT_ALIVE: { lastScan: unknown } = { lastScan: null };

export interface ScanResult {
	/** In text order. Lines and columns: `locateTimestamps`. */
	timestamps: TimestampToken[];
	/** The fence still open at `to`. */
	fence: Fence | null;
	/** The block reader's state at `to` (null for a fragment). */
	state: BlockState | null;
}

/** Scan `text` (or `[from, to)`) for timestamps. */
export function scanTimestamps(text: string, options: ScanOptions = {}): ScanResult {
	const from = options.from ?? 0;
	const to = Math.min(options.to ?? text.length, text.length);
	let reader: BlockReader | null = null;
	if (options.fences !== false) {
		const state = options.state ?? initialBlockState();
		reader = new BlockReader(options.fence ? { ...state, fence: options.fence } : state);
	}
	const context = options.context ?? NO_CONTEXT;
	// Timestamp rules (docs/timestamps.md): where the other videos' links are.
	OTHER_VIDEOS.reset(text, context.videoId);
	const scan = new TimestampScan(text, from, to, options.firstLineAtStart !== false, reader, context);
	const timestamps = scan.run();
	const state = scan.finish();
	OTHER_VIDEOS.release();
	SHAPES_KEPT_ALIVE.lastScan = scan;
	return { timestamps, fence: state?.fence ?? null, state };
}

/** One scan: the candidates in order, the line each stands on (read by the block reader), the spans around it. */
class TimestampScan {
	private readonly out: TimestampToken[] = [];
	/** The line read last: its start, its end (before "\r\n"), its line break (or `to`) and role. */
	private ls: number;
	private le = -1;
	private nl = -1;
	private role: LineRole = "text";
	/** The current paragraph's first line, and whose spans were read last. */
	private paragraphFrom: number;
	private rangesOf = -1;
	private ranges: number[] = [];
	/** Per line, found on first need: where a line-start token must begin (-2: not yet), the line's excluded spans. */
	private startPos = -2;
	private excluded: number[] | null = null;
	/** Where the paragraph of the line ends (-2: not read yet). */
	private lineParagraphEnd = -2;
	/** Cursors into `excluded` and `ranges`: tokens come in text order, so each range is passed once. */
	private exIdx = 0;
	private rangeIdx = 0;
	private checkedTo: number;
	private opener = false;
	/** The next `` ` ``, `[` and `<` at or after the offset asked last (-1: none; one forward search each). */
	private nextTick = -2;
	private nextBracket = -2;
	private nextTag = -2;

	constructor(
		private readonly text: string,
		private readonly from: number,
		private readonly to: number,
		private readonly firstLineAtStart: boolean,
		private readonly reader: BlockReader | null,
		private readonly context: TimestampContext,
	) {
		this.ls = from;
		this.paragraphFrom = from;
		this.checkedTo = from;
	}

	run(): TimestampToken[] {
		const { text, from, to } = this;
		const t = { s: 0, e: 0, seconds: -1 };
		for (let c = nextCandidate(text, from + 1); c !== -1; ) {
			if (c + 3 > to) break;
			tokenAt(text, c, from, to, t);
			if (t.seconds >= 0 && this.counts(t.s, t.e, t.seconds)) {
				this.out.push({ text: text.slice(t.s, t.e), seconds: t.seconds, label: labelAfter(text, t.e, this.le), from: t.s, to: t.e });
			}
			c = nextCandidate(text, t.e + 1);
		}
		return this.out;
	}

	/** Read the lines left up to `to`: the state there. */
	finish(): BlockState | null {
		if (this.reader === null) return null;
		if (this.le === -1 && this.from < this.to) this.readLine(this.from);
		while (this.le !== -1 && this.nl !== -1) this.readLine(this.nl + 1);
		return this.reader.snapshot();
	}

	/** True when the token `[s, e)` counts: Markdown text, first on its line or wrapped, in no span. */
	private counts(s: number, e: number, seconds: number): boolean {
		this.toLine(s);
		if (this.role !== "text" && this.role !== "heading") return false;
		const { text, ls, le, from } = this;
		const lineCounts = ls > from || this.firstLineAtStart;
		if (s !== ls || !lineCounts) {
			if (this.startPos === -2) this.startPos = lineCounts ? lineStartTokenPos(text, ls, le) : -1;
			// Timestamp rules (docs/timestamps.md): escaped brackets, `[@0:10]`, after a speaker label.
			if (s !== this.startPos && !(s > from && (isWrapped(text, s, e) || countsByRule(text, s, e, lineCounts ? ls : -1, le)))) return false;
		}
		if (this.inLineSpan(s, e)) return false;
		if (this.reader !== null && this.inParagraphSpan(s, e)) return false;
		// Timestamp rules (docs/timestamps.md): past the video's end, a clock, a chat log, prose, after another video's link.
		return !rejectsToken(text, s, e, seconds, ls, le, this.context, this.excluded !== null);
	}

	/** Bring the line reading to the line holding `s`: the lines between are read for their blocks only. */
	private toLine(s: number): void {
		if (this.le !== -1 && (this.nl === -1 || s <= this.nl)) return;
		const next = this.le === -1 ? this.from : this.nl + 1;
		let ls = s;
		while (ls > next && this.text.charCodeAt(ls - 1) !== 10) ls--;
		if (ls > next && this.reader !== null) {
			const started = this.reader.readLines(this.text, next, ls);
			if (started !== -1) this.paragraphFrom = started;
		}
		this.readLine(ls);
	}

	/** Read the line starting at `l`: its end, its line break (-1: the last line before `to`), its role. */
	private readLine(l: number): void {
		const text = this.text;
		const nl = text.indexOf("\n", l);
		const stop = nl === -1 || nl > this.to ? this.to : nl;
		this.ls = l;
		// -1: no line of the range after this one (a line starting at `to` is not in it).
		this.nl = nl === -1 || nl + 1 >= this.to ? -1 : nl;
		this.le = stop > l && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
		this.startPos = -2;
		this.excluded = null;
		this.lineParagraphEnd = -2;
		this.exIdx = 0;
		this.checkedTo = l;
		this.opener = false;
		if (this.reader === null) return;
		this.role = this.reader.read(text, l, this.le);
		if (this.reader.startsParagraph || (this.role !== "text" && this.role !== "heading")) this.paragraphFrom = l;
	}

	/**
	 * In a code span, link, URL or tag of its own line. Such a span can only hold a token when
	 * it starts before the token's end (at a `` ` ``, `[`, `<`, `$` or a "://" before it), or as
	 * a URL whose scheme the token begins: the line is read up to the token once, and its spans
	 * only when such a character is there.
	 */
	private inLineSpan(s: number, e: number): boolean {
		const { text, ls, le } = this;
		if (this.excluded === null) {
			while (!this.opener && this.checkedTo < s) {
				const ch = text.charCodeAt(this.checkedTo);
				this.opener = ch === 96 || ch === 91 || ch === 60 || ch === 36 || (ch === 58 && text.charCodeAt(this.checkedTo + 1) === 47);
				this.checkedTo++;
			}
			if (!this.opener && this.checkedTo < e) this.checkedTo = e;
			if (!this.opener && !schemeAfter(text, e, le)) return false;
			this.excluded = excludedRanges(text, ls, le);
		}
		this.exIdx = skipRanges(this.excluded, this.exIdx, s);
		// Timestamp rules (docs/timestamps.md): `[7:23][12:38]` is two times, not a reference link.
		return overlaps(this.excluded, this.exIdx, e) && timePairStart(text, s, e) !== this.excluded[this.exIdx];
	}

	/** In a code span, link or HTML comment that an earlier line of the paragraph opened (or this line, running on). */
	private inParagraphSpan(s: number, e: number): boolean {
		const { text, ls, le } = this;
		const earlier = this.paragraphFrom < ls && this.openerAt(this.paragraphFrom) < ls;
		if (!earlier && (s === ls || !hasOpener(text, ls, s))) return false;
		// A span opened on this line and running on needs a line below in the same paragraph.
		if (this.lineParagraphEnd === -2) this.lineParagraphEnd = this.paragraphEnd(le);
		if (!earlier && this.lineParagraphEnd === le) return false;
		if (this.rangesOf !== this.paragraphFrom) {
			this.ranges = paragraphRanges(text, this.paragraphFrom, this.lineParagraphEnd);
			this.rangesOf = this.paragraphFrom;
			this.rangeIdx = 0;
		}
		this.rangeIdx = skipRanges(this.ranges, this.rangeIdx, s);
		return overlaps(this.ranges, this.rangeIdx, e);
	}

	/** The end of the paragraph whose line ends at `le`: read on (on a copy of the reader) while its lines continue it. */
	private paragraphEnd(le: number): number {
		const reader = new BlockReader((this.reader as BlockReader).snapshot());
		const text = this.text;
		let end = le;
		for (let nl = text.indexOf("\n", end); nl !== -1 && nl + 1 < this.to; nl = text.indexOf("\n", end)) {
			const l = nl + 1;
			const n2 = text.indexOf("\n", l);
			const stop = n2 === -1 || n2 > this.to ? this.to : n2;
			const lineEnd = stop > l && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
			if (reader.read(text, l, lineEnd) !== "text" || reader.startsParagraph) break;
			end = lineEnd;
		}
		return end;
	}

	/** The first `` ` ``, `[` or `<` at or after `p` (asked with `p` never decreasing), or the text's length. */
	private openerAt(p: number): number {
		const text = this.text;
		if (this.nextTick !== -1 && this.nextTick < p) this.nextTick = text.indexOf("`", p);
		if (this.nextBracket !== -1 && this.nextBracket < p) this.nextBracket = text.indexOf("[", p);
		if (this.nextTag !== -1 && this.nextTag < p) this.nextTag = text.indexOf("<", p);
		let first = text.length;
		if (this.nextTick !== -1 && this.nextTick < first) first = this.nextTick;
		if (this.nextBracket !== -1 && this.nextBracket < first) first = this.nextBracket;
		if (this.nextTag !== -1 && this.nextTag < first) first = this.nextTag;
		return first;
	}
}

/** Past the ranges of the flat sorted list [from, to, …] that end by `s`, from index `i`. */
function skipRanges(r: readonly number[], i: number, s: number): number {
	while (i < r.length && (r[i + 1] as number) <= s) i += 2;
	return i;
}

/** The range at `i` (the first ending after the token's start) starts before its end `e`. */
function overlaps(r: readonly number[], i: number, e: number): boolean {
	return i < r.length && (r[i] as number) < e;
}

/** A backtick, `[` or `<` in `[from, to)`: something that may open a span running on to the next line. */
function hasOpener(text: string, from: number, to: number): boolean {
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 96 || c === 91 || c === 60) return true;
	}
	return false;
}
