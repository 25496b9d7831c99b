/**
 * Timestamps in notes (docs/reference.md §6): every token of a note's body with its line and
 * column, the tokens of a rendered fragment, and the text splices that turn them into seek
 * links. Shared by the editor, the reading view, the command and the CLI. The token grammar
 * is timestamp-tokens.ts, the scan timestamp-scan.ts, the blocks blocks/.
 */
import { locateFrontmatter, readFrontmatter } from "../frontmatter/frontmatter";
import { seekUrl, videoIdFromUrl } from "../sources/youtube";
import { scanTimestamps } from "./timestamp-scan";
// Timestamp rules (docs/timestamps.md): the note's duration.
import { parseDuration, type TimestampContext } from "./timestamp-rules";
import type { TimestampToken } from "./timestamp-tokens";

export { parseTimestamp, type TimestampToken } from "./timestamp-tokens";
export type { TimestampContext } from "./timestamp-rules";
export { scanTimestamps, type ScanOptions, type ScanResult } from "./timestamp-scan";
export type { Fence } from "./blocks/fences";

/** A timestamp with its line and column (see `locateTimestamps`). */
export interface Timestamp extends TimestampToken {
	/** 1-based line in the scanned text (frontmatter lines count). */
	line: number;
	/** 1-based column of the token's first character (UTF-16 units). */
	column: number;
}

/** A text splice: replace `[from, to)` with `insert`. */
export interface TextSplice {
	from: number;
	to: number;
	insert: string;
}

/**
 * The tokens of a scan of `text` from `from` (line `line` there; tokens in text order), with
 * their lines and columns: one forward pass over the line breaks up to the last token.
 */
export function locateTimestamps(text: string, tokens: readonly TimestampToken[], from = 0, line = 1): Timestamp[] {
	const out: Timestamp[] = [];
	let ls = from;
	let nl = tokens.length === 0 ? -1 : text.indexOf("\n", from);
	for (const t of tokens) {
		while (nl !== -1 && nl < t.from) {
			line++;
			ls = nl + 1;
			nl = text.indexOf("\n", ls);
		}
		out.push({ text: t.text, seconds: t.seconds, label: t.label, line, column: t.from - ls + 1, from: t.from, to: t.to });
	}
	return out;
}

// ── notes and fragments ────────────────────────────────────────────────────────

/** Offset and 1-based line where a note's body starts (after the frontmatter and its line break). */
export function bodyStart(text: string): { from: number; line: number } {
	const block = locateFrontmatter(text);
	if (!block) return { from: text.charCodeAt(0) === 0xfeff ? 1 : 0, line: 1 };
	const nl = text.indexOf("\n", block.end);
	return nl === -1 ? { from: text.length, line: block.endLine + 1 } : { from: nl + 1, line: block.endLine + 2 };
}

const NO_CONTEXT: TimestampContext = {};

/**
 * Every timestamp of a note, outside frontmatter and code; lines are 1-based in the
 * file. `context`: the note's video and duration (`noteVideo`), for the rules of docs/timestamps.md.
 */
export function findTimestamps(text: string, context: TimestampContext = NO_CONTEXT): Timestamp[] {
	const body = bodyStart(text);
	if (body.from >= text.length) return [];
	return locateTimestamps(text, scanTimestamps(text, { from: body.from, context }).timestamps, body.from, body.line);
}

/**
 * Timestamps of a rendered text fragment (a reading-view text node): lines split at `\n`,
 * no blocks. `atLineStart` says whether the fragment begins a line of its block.
 */
export function findTimestampsInFragment(fragment: string, atLineStart = true, context: TimestampContext = NO_CONTEXT): Timestamp[] {
	return locateTimestamps(fragment, scanTimestamps(fragment, { fences: false, firstLineAtStart: atLineStart, context }).timestamps);
}

/** The YouTube video of a note: its frontmatter `url`, when that is a video URL. */
export function videoIdOfNote(text: string): string | null {
	const video = noteVideo(text);
	return video.ok ? video.videoId : null;
}

/**
 * The note's video (null when its `url` is not a YouTube video) and its length in seconds
 * (`duration`, docs/timestamps.md; null when absent or unreadable), or why its frontmatter
 * cannot be read.
 */
export function noteVideo(text: string): { ok: true; videoId: string | null; duration: number | null } | { ok: false; reason: string } {
	const fm = readFrontmatter(text);
	if (!fm.ok) return { ok: false, reason: fm.reason };
	return { ok: true, videoId: fm.data ? videoIdFromUrl(fm.data.url) : null, duration: fm.data ? parseDuration(fm.data.duration) : null };
}

// ── linkify ────────────────────────────────────────────────────────────────────

/** Splices rewriting every timestamp as `[8:36](seek URL)`; already-linked ones are not timestamps. `duration`: the note's, in seconds. */
export function linkifySplices(text: string, videoId: string, duration: number | null = null): TextSplice[] {
	return findTimestamps(text, { videoId, duration }).map((t) => ({ from: t.from, to: t.to, insert: `[${t.text}](${seekUrl(videoId, t.seconds)})` }));
}

/** Apply non-overlapping splices (any order) to a text. */
export function applySplices(text: string, splices: readonly TextSplice[]): string {
	const sorted = [...splices].sort((a, b) => a.from - b.from);
	const parts: string[] = [];
	let at = 0;
	for (const s of sorted) {
		parts.push(text.slice(at, s.from), s.insert);
		at = s.to;
	}
	parts.push(text.slice(at));
	return parts.join("");
}

export type LinkifyResult =
	| { ok: true; text: string; videoId: string | null; linked: number }
	| { ok: false; reason: string };

/**
 * The note with its timestamps as seek links. No video: unchanged (linked 0). Malformed
 * frontmatter: refused. Idempotent: linked tokens are inside links and are skipped.
 */
export function linkifyNote(text: string): LinkifyResult {
	const video = noteVideo(text);
	if (!video.ok) return { ok: false, reason: `malformed frontmatter: ${video.reason}` };
	const videoId = video.videoId;
	if (videoId === null) return { ok: true, text, videoId: null, linked: 0 };
	const splices = linkifySplices(text, videoId, video.duration);
	return { ok: true, text: applySplices(text, splices), videoId, linked: splices.length };
}
