/**
 * Chapters of a source (docs/player.md): its timestamps and labels as the one timestamp
 * scan finds them (core/markdown/timestamps.ts), the chapter playing at a given time, and
 * the text the "Insert timestamp" command adds. Pure: plain text in, plain data out.
 */
import { findTimestamps, noteVideo } from "../markdown/timestamps";
import { seekUrl } from "./youtube";

/** One line of a source's chapter list. */
export interface Chapter {
	/** Start, in seconds from the beginning of the video. */
	seconds: number;
	/** The token as the note writes it (`8:36`). */
	text: string;
	/** The rest of its line (may be empty). */
	label: string;
	/** 1-based line of the note. */
	line: number;
}

export interface NoteChapters {
	/** The note's video (its `url`), or null: then there is nothing to play. */
	videoId: string | null;
	/** In the note's order (not sorted: the list shows what the note says). */
	chapters: Chapter[];
}

/** A seek link as "Convert timestamps to links" writes it: `[8:36](https://www.youtube.com/watch?v=…&t=516s)`. */
const SEEK_LINK = /\[((?:\d{1,2}:)?\d{1,3}:[0-5]\d)\]\(https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}&t=\d+s\)/g;
/** The chapters of a note's text; a note whose frontmatter cannot be read has no video. */
export function noteChapters(text: string): NoteChapters {
	const video = noteVideo(text);
	const videoId = video.ok ? video.videoId : null;
	if (videoId === null) return { videoId: null, chapters: [] };
	// A note whose timestamps were converted to seek links lists them too: each link is read
	// as its bare token (same line, so lines and labels stay), through the one scan.
	const unlinked = text.replace(SEEK_LINK, (link: string, token: string) => (link.includes(`v=${videoId}&`) ? token : link));
	// The same rules as every other surface (docs/timestamps.md): this video, its duration.
	const duration = video.ok ? video.duration : null;
	const chapters = findTimestamps(unlinked, { videoId, duration }).map((t) => ({ seconds: t.seconds, text: t.text, label: t.label, line: t.line }));
	return { videoId, chapters };
}

/**
 * The chapter playing at `time` (seconds): the one with the latest start at or before it,
 * whatever the order of the list; of chapters starting at the same second, the first in
 * the list. Returns its index in `chapters`, or -1 before the first start (or no chapters).
 */
export function chapterAt(chapters: readonly Pick<Chapter, "seconds">[], time: number): number {
	let best = -1;
	let bestStart = -Infinity;
	for (let i = 0; i < chapters.length; i++) {
		const start = (chapters[i] as Pick<Chapter, "seconds">).seconds;
		// Strictly later wins, so the first of equal starts stays.
		if (start <= time && start > bestStart) {
			best = i;
			bestStart = start;
		}
	}
	return best;
}

/** `M:SS` under an hour, `H:MM:SS` from an hour on (whole seconds, rounded down). */
export function formatTimestamp(seconds: number): string {
	const s = Math.max(0, Math.floor(seconds));
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const ss = String(s % 60).padStart(2, "0");
	return h > 0 ? `${h}:${String(m).padStart(2, "0")}:${ss}` : `${m}:${ss}`;
}

/** What may stand before a timestamp on its list line: indentation and a list marker. */
const LIST_PREFIX = /^[ \t]*(?:[-*+]|\d{1,9}[.)])?[ \t]*$/;

/**
 * What "Insert timestamp at the current position" adds at `cursor` (an offset into the
 * note `text`): a `M:SS ` line in the style of the note's last timestamp line (its
 * indentation and list marker), or a seek link when the note's timestamps are links.
 * Mid-line, the new line starts after the cursor's line; on an empty line, at the cursor.
 */
export function timestampInsertion(text: string, cursor: number, seconds: number, videoId: string): { at: number; insert: string } {
	const plain = findTimestamps(text);
	const links = text.match(SEEK_LINK)?.length ?? 0;
	const token = formatTimestamp(seconds);
	const lineStart = text.lastIndexOf("\n", cursor - 1) + 1;
	const nl = text.indexOf("\n", cursor);
	const lineEnd = nl === -1 ? text.length : nl;
	const lineBlank = text.slice(lineStart, lineEnd).trim() === "";
	let prefix = "";
	const last = plain[plain.length - 1];
	if (last) {
		const before = text.slice(text.lastIndexOf("\n", last.from - 1) + 1, last.from);
		if (LIST_PREFIX.test(before)) prefix = before;
	}
	const body = links > plain.length ? `${prefix}[${token}](${seekUrl(videoId, seconds)}) ` : `${prefix}${token} `;
	if (lineBlank) return { at: lineStart, insert: body };
	return { at: lineEnd, insert: `\n${body}` };
}
