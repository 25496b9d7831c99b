/**
 * The timestamps of one rendered section, read from the note's Markdown (docs/timestamps.md):
 * what the reading view links is what the editor and the CLI find on those lines. Obsidian
 * hands a post-processor the whole note's text and the section's lines; the line starts of
 * the last note read are kept, so a note of many sections is split into lines once.
 */
import type { MarkdownSectionInformation } from "obsidian";
import { bodyStart, scanTimestamps, type TimestampContext, type TimestampToken } from "../core/markdown/timestamps";

let lastText: string | null = null;
let lastLineStarts: number[] = [];

/** Offsets where each line of `text` starts (kept for the last text asked about). */
function lineStarts(text: string): number[] {
	if (text === lastText) return lastLineStarts;
	const starts = [0];
	for (let nl = text.indexOf("\n"); nl !== -1; nl = text.indexOf("\n", nl + 1)) starts.push(nl + 1);
	lastText = text;
	lastLineStarts = starts;
	return starts;
}

/** The tokens on the section's lines (0-based `lineStart`…`lineEnd` of `section.text`), outside the frontmatter, in order. */
export function sectionTimestamps(section: MarkdownSectionInformation, context: TimestampContext): TimestampToken[] {
	const text = section.text;
	const starts = lineStarts(text);
	const first = starts[section.lineStart];
	if (first === undefined) return [];
	const after = starts[section.lineEnd + 1];
	const to = after === undefined ? text.length : after - 1;
	const from = Math.max(first, bodyStart(text).from);
	if (from > to) return [];
	return scanTimestamps(text, { from, to, context }).timestamps;
}
