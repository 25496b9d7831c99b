/**
 * A pasted video description split for the note (docs/capture.md): its chapter lines —
 * the lines that open with a timestamp, as the one timestamp scan reads them
 * (docs/reference.md §6) — become the `Timestamps:` list, the rest goes under
 * `## Description`.
 */
import { scanTimestamps, type TimestampToken } from "../../markdown/timestamps";

export interface Chapter {
	/** The token as written, e.g. `8:36`. */
	text: string;
	seconds: number;
	label: string;
}

export interface SplitDescription {
	chapters: Chapter[];
	/** The description without its chapter lines (and their `Timestamps:` heading line), trimmed. */
	rest: string;
}

/** What may stand before a chapter's timestamp on its line: indentation, a list marker, a bracket. */
const CHAPTER_LEAD = /^[ \t]*(?:[-*+•][ \t]+|\d{1,9}[.)][ \t]+)?[[(]?$/u;
/** A line that only announces the chapter list: dropped with it, since the note has its own. */
const CHAPTERS_HEADING = /^[ \t]*(?:#{1,6}[ \t]+)?(?:\*\*)?(?:timestamps|chapters|time ?codes)(?:\*\*)?[ \t]*:?(?:\*\*)?[ \t]*$/iu;

interface Line {
	from: number;
	to: number;
}

function linesOf(text: string): Line[] {
	const out: Line[] = [];
	let from = 0;
	for (;;) {
		const nl = text.indexOf("\n", from);
		const end = nl === -1 ? text.length : nl;
		out.push({ from, to: end > from && text.charCodeAt(end - 1) === 13 ? end - 1 : end });
		if (nl === -1) return out;
		from = nl + 1;
	}
}

/** Index of the line holding `offset` (lines in order; a binary search). */
function lineIndexAt(lines: readonly Line[], offset: number): number {
	let lo = 0;
	let hi = lines.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if ((lines[mid] as Line).from <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

export function splitDescription(description: string | null): SplitDescription {
	const text = (description ?? "").replace(/^\uFEFF/, "");
	if (text.trim() === "") return { chapters: [], rest: "" };
	const lines = linesOf(text);
	const chapterLines = new Map<number, TimestampToken>();
	for (const token of scanTimestamps(text).timestamps) {
		const index = lineIndexAt(lines, token.from);
		const line = lines[index] as Line;
		if (chapterLines.has(index) || !CHAPTER_LEAD.test(text.slice(line.from, token.from))) continue;
		chapterLines.set(index, token);
	}
	const chapters: Chapter[] = [];
	const kept: string[] = [];
	lines.forEach((line, index) => {
		const token = chapterLines.get(index);
		if (token) chapters.push({ text: token.text, seconds: token.seconds, label: token.label });
		else kept.push(text.slice(line.from, line.to));
	});
	if (chapters.length > 0) dropChaptersHeading(kept, lines, chapterLines, text);
	return { chapters, rest: tidy(kept) };
}

/**
 * Remove the `Timestamps:` (or `Chapters:`) line right above the first chapter line, blank
 * lines between them allowed: the note writes its own heading for the list.
 */
function dropChaptersHeading(kept: string[], lines: readonly Line[], chapterLines: ReadonlyMap<number, TimestampToken>, text: string): void {
	// Chapter lines were found in text order: the first key is the first chapter line.
	const first = chapterLines.keys().next().value as number;
	for (let i = first - 1; i >= 0; i--) {
		const line = text.slice((lines[i] as Line).from, (lines[i] as Line).to);
		if (line.trim() === "") continue;
		if (!CHAPTERS_HEADING.test(line)) return;
		// Lines before the first chapter line are kept one to one, so `i` is also its index in `kept`.
		kept.splice(i, 1);
		return;
	}
}

/** Lines as pasted, but runs of blank lines folded to one and blank lines at either end dropped. */
function tidy(lines: readonly string[]): string {
	const out: string[] = [];
	const blank = (line: string | undefined) => line !== undefined && line.trim() === "";
	for (const line of lines) {
		if (blank(line) && (out.length === 0 || blank(out[out.length - 1]))) continue;
		out.push(blank(line) ? "" : line);
	}
	while (blank(out[out.length - 1])) out.pop();
	return out.join("\n");
}

/** The chapters as the note's Markdown list: `- 8:36 Label`. */
export function chapterList(chapters: readonly Chapter[]): string {
	return chapters.map((c) => `- ${c.text}${c.label === "" ? "" : " " + c.label}`).join("\n");
}
