/**
 * YouTube oEmbed (docs/capture.md): the request URL for a video, and the answer read
 * defensively — any status, body or shape that is not an oEmbed answer with text fields is
 * a reason, never an exception, so a failed fetch never blocks a capture.
 */

export const DEFAULT_OEMBED_URL = "https://www.youtube.com/oembed";
/** How long a capture waits for oEmbed before making the note with what it has. */
export const OEMBED_TIMEOUT_MS = 5000;

export interface VideoMetadata {
	title: string | null;
	creator: string | null;
}

export type OembedResult = { ok: true; metadata: VideoMetadata } | { ok: false; reason: string };

/** `<base>?url=<video URL>&format=json`; a base that already has a query gets `&`. */
export function oembedRequestUrl(videoUrl: string, base: string = DEFAULT_OEMBED_URL): string {
	const sep = base.includes("?") ? "&" : "?";
	return `${base}${sep}url=${encodeURIComponent(videoUrl)}&format=json`;
}

/** A text field of the answer: one line, spaces folded, control characters out; null when empty. */
function field(value: unknown): string | null {
	if (typeof value !== "string") return null;
	// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
	const text = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").replace(/\s+/gu, " ").trim();
	return text === "" ? null : text;
}

/** What an HTTP status means for the user, in a few words. */
export function statusReason(status: number): string {
	if (status === 401 || status === 403) return `YouTube refused (HTTP ${status}: the video is private or does not allow embedding)`;
	if (status === 404) return "YouTube does not know this video (HTTP 404)";
	return `YouTube answered HTTP ${status}`;
}

/** Read an oEmbed answer: its status and body text. */
export function parseOembedAnswer(status: number, body: string): OembedResult {
	if (status < 200 || status >= 300) return { ok: false, reason: statusReason(status) };
	let json: unknown;
	try {
		json = JSON.parse(body);
	} catch {
		return { ok: false, reason: "YouTube's answer was not JSON" };
	}
	if (json === null || typeof json !== "object" || Array.isArray(json)) return { ok: false, reason: "YouTube's answer was not an oEmbed object" };
	const record = json as Record<string, unknown>;
	const metadata = { title: field(record.title), creator: field(record.author_name) };
	if (metadata.title === null && metadata.creator === null) return { ok: false, reason: "YouTube's answer had no title or author" };
	return { ok: true, metadata };
}

/** The sentence a notice or a warning shows when YouTube did not give title or creator. */
export function fetchFailureMessage(reason: string, missing: readonly string[]): string {
	const what = missing.length ? missing.join(" and ") : "metadata";
	return `Could not get the ${what} from YouTube: ${reason}. The note was made with what was given.`;
}
