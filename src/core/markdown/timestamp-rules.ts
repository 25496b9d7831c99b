/**
 * The rules that decide, for a candidate timestamp on a line, whether it is a time in this
 * note's video (docs/timestamps.md). The scan (timestamps.ts) finds candidates where
 * docs/reference.md §6 says a token counts; these functions add the places readers write
 * times that rule does not reach (after a speaker label, in escaped brackets, `[@0:10]`,
 * `[7:23][12:38]`) and take out the times that are not seek points in this video (a chat
 * log's clock, a clock time, another video's length, a hard-wrapped sentence, a time past
 * the note's `duration`). Pure functions over the text and offsets; no allocation on the
 * common path, so the scan keeps its speed.
 */

/** What the note says about its video: the scan needs it as an input on every surface. */
export interface TimestampContext {
	/** The note's YouTube video (its `url`), or null/absent when it has none. */
	videoId?: string | null;
	/** The video's length in seconds (the note's `duration`), or null/absent when unknown. */
	duration?: number | null;
}

const COLON = 58;
const BACKSLASH = 92;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

function isDigit(c: number): boolean {
	return c >= 48 && c <= 57;
}

function isBlank(c: number): boolean {
	return c === 32 || c === 9;
}

function isAsciiLetter(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isUpper(c: number): boolean {
	return (c >= 65 && c <= 90) || (c >= 0xc0 && c <= 0xde && c !== 0xd7);
}

function isLower(c: number): boolean {
	return (c >= 97 && c <= 122) || (c >= 0xdf && c <= 0xff && c !== 0xf7);
}

// ── duration ───────────────────────────────────────────────────────────────────

const CLOCK_DURATION = /^(?:(\d+):)?(\d{1,3}):([0-5]\d)$/;
const ISO_DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i;
const WORDS_DURATION = /^(?:(\d+)\s*h(?:ours?|rs?)?)?[\s,]*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?[\s,]*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/i;

/**
 * Seconds of a note's `duration` value, or null when it is none of the forms people write:
 * `53m 23s`, `1h 2m`, `1:02:03`, `53:23`, `PT53M23S`, or seconds (`3203`, as a number too).
 */
export function parseDuration(value: unknown): number | null {
	if (typeof value === "number") return Number.isFinite(value) && value > 0 ? value : null;
	if (typeof value !== "string") return null;
	const text = value.trim();
	if (text === "") return null;
	if (/^\d+(?:\.\d+)?$/.test(text)) return Number(text) > 0 ? Number(text) : null;
	const clock = CLOCK_DURATION.exec(text);
	if (clock) return Number(clock[1] ?? 0) * 3600 + Number(clock[2]) * 60 + Number(clock[3]);
	const iso = ISO_DURATION.exec(text);
	if (iso && text.length > 1 && !/T$/i.test(text)) return Number(iso[1] ?? 0) * 86400 + Number(iso[2] ?? 0) * 3600 + Number(iso[3] ?? 0) * 60 + Number(iso[4] ?? 0);
	const words = WORDS_DURATION.exec(text);
	if (words && (words[1] ?? words[2] ?? words[3]) !== undefined) return Number(words[1] ?? 0) * 3600 + Number(words[2] ?? 0) * 60 + Number(words[3] ?? 0);
	return null;
}

// ── tokens the line-start rule does not reach ─────────────────────────────────────

/**
 * True when the token `[s, e)` stands where a reader writes a time, though neither at the
 * line's start nor wrapped in […] or (…): in escaped brackets `\[05:47\]` (as exporters
 * write them), after a sign in brackets `[@00:10]`, or after a speaker label at the line's
 * start (`ls`; -1 when the line's start is not known to start a line).
 */
export function countsByRule(text: string, s: number, e: number, ls: number, le: number): boolean {
	const b = text.charCodeAt(s - 1);
	const a = text.charCodeAt(e);
	if (b === OPEN_BRACKET && text.charCodeAt(s - 2) === BACKSLASH && a === BACKSLASH && text.charCodeAt(e + 1) === CLOSE_BRACKET) return true;
	if (b === 64 /* @ */ && text.charCodeAt(s - 2) === OPEN_BRACKET && a === CLOSE_BRACKET) return true;
	return ls >= 0 && afterSpeakerLabel(text, s, e, ls, le);
}

/** Words of a speaker label: letters (any script), digits, `.`, `'`, `’`, `-`, `_` and spaces. */
const SPEAKER_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'’_-]{0,39}$/u;
/** A diarised transcript's speaker: `Speaker 0`, `SPEAKER_01`, `Speaker A`. */
const NUMBERED_SPEAKER = /^speaker[ _]?(?:\d{1,2}|[A-Z])$/i;
/** Capitalised words, one to four: a name as a transcription app writes it (`Ana Lima`). */
const CAPITALISED_NAME = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3}$/u;

/**
 * The token follows a speaker label that opens its line (after `>` and a list marker):
 * `**Name**  06:24`, `**Name:** 06:24`, `**Name 01:16**`, `Speaker 0: 00:00:01`,
 * `SPEAKER_00 00:12:40`, or capitalised words, two blanks, and a token that ends the line
 * (`Ana Lima  0:21`). Prose such as `Call: 10:30 tomorrow` is no speaker label.
 */
function afterSpeakerLabel(text: string, s: number, e: number, ls: number, le: number): boolean {
	let i = ls;
	while (i < s && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 62)) i++;
	const m = text.charCodeAt(i);
	if ((m === 45 || m === 42 || m === 43) && isBlank(text.charCodeAt(i + 1))) {
		i += 2;
		while (i < s && isBlank(text.charCodeAt(i))) i++;
	}
	if (i >= s) return false;
	const c = text.charCodeAt(i);
	if ((c === 42 || c === 95) && text.charCodeAt(i + 1) === c) {
		// Bold: the name, then the token inside the bold (`**Name 01:16**`) or after it.
		const close = text.indexOf(c === 42 ? "**" : "__", i + 2);
		if (close === -1 || close > le) return false;
		if (close === e) return text.charCodeAt(s - 1) === 32 && isName(text, i + 2, s - 1, false);
		if (close > s || !isName(text, i + 2, close, false)) return false;
		let j = close + 2;
		if (text.charCodeAt(j) === COLON) j++;
		if (j === s || !isBlank(text.charCodeAt(j))) return false;
		while (j < s && isBlank(text.charCodeAt(j))) j++;
		return j === s;
	}
	// Plain: the name, an optional colon, blanks, the token.
	let j = s;
	while (j > i && isBlank(text.charCodeAt(j - 1))) j--;
	if (j === s) return false;
	const blanks = s - j;
	const colon = text.charCodeAt(j - 1) === COLON;
	const nameEnd = colon ? j - 1 : j;
	const name = text.slice(i, nameEnd);
	if (NUMBERED_SPEAKER.test(name)) return true;
	if (colon || blanks < 2 || !CAPITALISED_NAME.test(name)) return false;
	// `Ana Lima  0:21`: nothing after the token but blanks.
	let k = e;
	while (k < le && isBlank(text.charCodeAt(k))) k++;
	if (k !== le) return false;
	// A transcript's turn is a paragraph of its own; a chat export runs its messages on
	// (`Mia Chen  14:02`, the message, `Omar Haddad  14:05`): those times are clocks.
	return isBlankLineBefore(text, ls) && !nameTimeLineFollows(text, le);
}

/** Lines looked at below a `Name  0:21` line for another one in its paragraph. */
const CHAT_LOOKAHEAD = 10;
/** A chat export's sender line: capitalised words, two blanks, a time (and AM/PM), nothing else. */
const NAME_TIME_LINE = /^\p{Lu}[\p{L}.'’-]*(?: \p{Lu}[\p{L}.'’-]*){0,3} {2,}\d{1,2}(?::\d\d){1,2}(?: ?[AaPp]\.?[Mm]\.?)?[ \t]*\r?$/u;

/** The line starting at `ls` is the text's first, or the line above it is blank (after `>`). */
function isBlankLineBefore(text: string, ls: number): boolean {
	let i = ls - 1;
	if (i < 0) return true;
	while (i > 0 && (isBlank(text.charCodeAt(i - 1)) || text.charCodeAt(i - 1) === 62 || text.charCodeAt(i - 1) === 13)) i--;
	return i === 0 || text.charCodeAt(i - 1) === 10;
}

/** Another `Name  14:05` line follows the line ending at `le` in its paragraph (within CHAT_LOOKAHEAD lines). */
function nameTimeLineFollows(text: string, le: number): boolean {
	let ls = text.indexOf("\n", le) + 1;
	for (let n = 0; ls > 0 && n < CHAT_LOOKAHEAD; n++) {
		let end = text.indexOf("\n", ls);
		if (end === -1) end = text.length;
		const line = text.slice(ls, end);
		if (line.trim() === "") return false;
		if (NAME_TIME_LINE.test(line)) return true;
		ls = end + 1;
	}
	return false;
}

/** `[from, to)` is a speaker's name (a trailing colon allowed when `colon` is false: `**Name:**`). */
function isName(text: string, from: number, to: number, colon: boolean): boolean {
	let end = to;
	if (!colon && text.charCodeAt(end - 1) === COLON) end--;
	return end > from && SPEAKER_NAME.test(text.slice(from, end));
}

/**
 * `[7:23][12:38]`: the token is one of two bracketed times side by side. Returns the offset
 * of the pair's first `[` (where a reference link would start, which the pair is not), or -1.
 */
export function timePairStart(text: string, s: number, e: number): number {
	if (text.charCodeAt(s - 1) !== OPEN_BRACKET || text.charCodeAt(e) !== CLOSE_BRACKET) return -1;
	// This token first: `]` then `[time]`.
	if (text.charCodeAt(e + 1) === OPEN_BRACKET && bracketedTimeAt(text, e + 2) !== -1) return s - 1;
	// This token second: `[time]` right before.
	if (text.charCodeAt(s - 2) === CLOSE_BRACKET) {
		let k = s - 3;
		while (k >= 0 && s - 3 - k < 8 && (isDigit(text.charCodeAt(k)) || text.charCodeAt(k) === COLON)) k--;
		if (k >= 0 && text.charCodeAt(k) === OPEN_BRACKET && bracketedTimeAt(text, k + 1) === s - 2) return k;
	}
	return -1;
}

/** The offset of the `]` closing a time (`7:23`, `1:02:03`) that starts at `i`, or -1. */
function bracketedTimeAt(text: string, i: number): number {
	let j = i;
	while (j - i < 8 && (isDigit(text.charCodeAt(j)) || text.charCodeAt(j) === COLON)) j++;
	if (text.charCodeAt(j) !== CLOSE_BRACKET) return -1;
	return /^(?:\d{1,2}:[0-5]\d:[0-5]\d|\d{1,3}:[0-5]\d)$/.test(text.slice(i, j)) ? j : -1;
}

// ── times that are not seek points in this video ──────────────────────────────────

/** Time zones people write after a clock time (upper case, as a word). */
const ZONES = new Set(["UTC", "GMT", "ET", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PT", "PST", "PDT", "AKST", "HST", "BST", "IST", "CET", "CEST", "EET", "EEST", "WET", "WEST", "MSK", "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "AWST", "NZST", "NZDT"]);

/**
 * A clock time: the token followed (after at most one blank) by AM/PM in any of its
 * spellings (`AM`, `a.m.`, `pm`) or by a time zone (`UTC`, `ET`, `CEST`…), as a word.
 */
export function isClockTime(text: string, e: number, le: number): boolean {
	let i = e;
	if (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0xa0) i++;
	const c = text.charCodeAt(i) | 0x20;
	if (c === 97 /* a */ || c === 112 /* p */) {
		let j = i + 1;
		if (text.charCodeAt(j) === 46) j++;
		if ((text.charCodeAt(j) | 0x20) === 109 /* m */) {
			j++;
			if (text.charCodeAt(j) === 46) j++;
			if (j >= le || !isAsciiLetter(text.charCodeAt(j))) return true;
		}
	}
	let j = i;
	while (j < le && j - i < 5 && text.charCodeAt(j) >= 65 && text.charCodeAt(j) <= 90) j++;
	if (j === i || (j < le && isAsciiLetter(text.charCodeAt(j)))) return false;
	return ZONES.has(text.slice(i, j));
}

/** A meeting app's saved chat: `From Jane Doe to Everyone:` (to Everyone, to Me, or to someone in a direct message, then a colon) or `From  Maria : hi`. */
const CHAT_SENDER = /^From(?: +\S[^:]*? to (?:Everyone|everyone|Me|me|[^:]+? \((?:Direct Message|[Pp]rivately)\)) ?:| {2,}\S[^:]*? : )/;

/**
 * A chat log's line: a clock time with hours (`08:55:44`, as meeting apps write every line
 * of a saved chat), then the sender (`From Jane Doe to Everyone:`, `From  Maria : hi`).
 */
export function isChatLogLine(text: string, s: number, e: number, le: number): boolean {
	if (e - s < 7) return false;
	let i = e;
	while (i < le && isBlank(text.charCodeAt(i))) i++;
	if (!text.startsWith("From ", i)) return false;
	return CHAT_SENDER.test(text.slice(i, le));
}

/**
 * A hard-wrapped sentence that happens to put a time first on a line: the token starts a
 * line (no list marker or bracket), the words after it carry on in lower case
 * (`2:01:00 and 2:02:00. For…`), and the line above is prose wrapped mid-sentence. Inside a
 * run of timestamp lines a line counts: after `Timestamps:` (as the seed's list is), or when
 * the line is short and the next line starts with a time too (`00:00 intro` then `04:12 …`).
 */
export function isProseContinuation(text: string, s: number, e: number, ls: number, le: number): boolean {
	// Only a bare token first on its line (after blanks and `>`).
	let i = ls;
	while (i < s && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 62)) i++;
	if (i !== s || ls === 0) return false;
	// The words after it: lower case first.
	let j = e;
	while (j < le && (isBlank(text.charCodeAt(j)) || text.charCodeAt(j) === 44)) j++;
	if (j >= le || !isLower(text.charCodeAt(j))) return false;
	// The line above: prose wrapped mid-sentence.
	let start = ls - 1;
	while (start > 0 && text.charCodeAt(start - 1) !== 10) start--;
	if (!isWrappedProse(text, start, ls - 1)) return false;
	// A short line with a time first on the next line: a run of timestamp lines.
	return isWrappedProse(text, ls, le) || !startsWithTime(text, le + 1);
}

/**
 * The line `[start, end)` (its line break excluded) is prose wrapped mid-sentence: 40
 * characters or more after blanks and `>`, not a heading, ending in a letter, digit or comma.
 */
function isWrappedProse(text: string, start: number, end: number): boolean {
	let to = end;
	if (to > start && text.charCodeAt(to - 1) === 13) to--;
	while (to > start && isBlank(text.charCodeAt(to - 1))) to--;
	let from = start;
	while (from < to && (isBlank(text.charCodeAt(from)) || text.charCodeAt(from) === 62)) from++;
	if (to - from < 40 || text.charCodeAt(from) === 35 /* # */) return false;
	const last = text.charCodeAt(to - 1);
	return isAsciiLetter(last) || isDigit(last) || last === 44 || isLower(last) || isUpper(last);
}

/** The line starting at `ls` starts (after blanks and `>`) with a time: `d:dd`, `dd:dd`, `ddd:dd` or with hours. */
function startsWithTime(text: string, ls: number): boolean {
	let i = ls;
	while (i < text.length && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 62)) i++;
	const d = i;
	while (i - d < 3 && isDigit(text.charCodeAt(i))) i++;
	return i > d && text.charCodeAt(i) === COLON && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2));
}

/**
 * A link before the token, on its line, to a video other than the note's: a time after it
 * is that video's (its length in a list of talks), never ours. A link after the time (a
 * chapter that mentions another video) leaves it ours. Videos: YouTube URLs (`watch?v=`,
 * `youtu.be/`, `/shorts/`, `/live/`, `/embed/`) with another id, and Vimeo URLs. When the
 * note's video is not known, every video link is another video's.
 *
 * Asked about tokens in text order, it keeps its place: the next `youtu` and `vimeo.com/`
 * in the text are searched for once each, and a line's first other-video link is
 * remembered, so a scan reads the text at most once more however many tokens a line holds.
 */
export class OtherVideoLinks {
	private text = "";
	private videoId: string | null = null;
	/** The next `youtu` / `vimeo.com/` at or after the last position looked at (-1: none left; -2: not searched yet). */
	private nextYoutube = -2;
	private nextVimeo = -2;
	/** The line looked at last, and the start of its first link to another video (-1: none found before `checkedTo`). */
	private line = -1;
	private other = -1;

	reset(text: string, videoId: string | null | undefined): this {
		this.text = text;
		this.videoId = videoId ?? null;
		this.nextYoutube = -2;
		this.nextVimeo = -2;
		this.line = -1;
		this.other = -1;
		return this;
	}

	release(): void {
		this.text = "";
	}

	/** True when a link to another video starts in `[ls, s)` (the line starting at `ls`, before the token at `s`). */
	before(ls: number, s: number): boolean {
		if (ls !== this.line) {
			this.line = ls;
			this.other = -1;
		}
		if (this.other !== -1) return this.other < s;
		const text = this.text;
		if (this.nextVimeo !== -1 && this.nextVimeo < ls) this.nextVimeo = text.indexOf("vimeo.com/", ls);
		if (this.nextVimeo !== -1 && this.nextVimeo < s) {
			this.other = this.nextVimeo;
			return true;
		}
		if (this.nextYoutube !== -1 && this.nextYoutube < ls) this.nextYoutube = text.indexOf("youtu", ls);
		while (this.nextYoutube !== -1 && this.nextYoutube < s) {
			const at = this.nextYoutube;
			const id = youtubeIdAt(text, at);
			if (id !== null && id !== this.videoId) {
				this.other = at;
				return true;
			}
			this.nextYoutube = text.indexOf("youtu", at + 5);
		}
		return false;
	}
}

/** The one OtherVideoLinks, reset for each scan (as the scan's block context is). */
export const OTHER_VIDEOS = new OtherVideoLinks();

const YOUTUBE_PATHS = ["youtube.com/watch?v=", "youtu.be/", "youtube.com/shorts/", "youtube.com/live/", "youtube.com/embed/", "youtube-nocookie.com/embed/"];

/** The 11-character video id of the YouTube URL in `text` whose host starts at `at`, or null. */
function youtubeIdAt(text: string, at: number): string | null {
	for (const path of YOUTUBE_PATHS) {
		if (!text.startsWith(path, at)) continue;
		const from = at + path.length;
		if (from + 11 > text.length) return null;
		const id = text.slice(from, from + 11);
		return /^[A-Za-z0-9_-]{11}$/.test(id) && !/[A-Za-z0-9_-]/.test(text.charAt(from + 11)) ? id : null;
	}
	// `m.youtube.com`, `www.youtube.com` and `music.youtube.com` all contain `youtube.com/…`.
	return null;
}

/**
 * A token that stands where a time counts but is not a seek point in this note's video:
 * past its `duration`, a clock time, a chat log's line, a hard-wrapped sentence's time, or
 * after a link to another video (asked only when `mayLink`: something before the token on
 * its line may open a link or URL).
 */
export function rejectsToken(text: string, s: number, e: number, seconds: number, ls: number, le: number, context: TimestampContext, mayLink: boolean): boolean {
	if (context.duration != null && seconds > context.duration) return true;
	if (mayLink && OTHER_VIDEOS.before(ls, s)) return true;
	// The rest turn on the first letter after the token: read it once, and ask only the rules it can start.
	let i = e;
	while (i < le && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === 0xa0)) i++;
	const c = text.charCodeAt(i);
	if (c >= 97 && c <= 122) return ((c === 97 || c === 112) && i - e <= 1 && isClockTime(text, e, le)) || isProseContinuation(text, s, e, ls, le);
	if (c >= 65 && c <= 90) {
		const d = text.charCodeAt(i + 1);
		// A capitalised word: `From` may start a chat log's sender; AM, A.M. and zones are all capitals.
		if (d >= 97 && d <= 122) return c === 70 && isChatLogLine(text, s, e, le);
		return i - e <= 1 && isClockTime(text, e, le);
	}
	return c > 0x7f && isProseContinuation(text, s, e, ls, le);
}
