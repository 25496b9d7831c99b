/** YouTube video ids from note URLs, and seek URLs (docs/reference.md §6). */

const ID = /^[A-Za-z0-9_-]{11}$/;
const WATCH_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"]);
const PATH_FORMS = /^\/(?:shorts|live|embed)\/([^/]+)\/?$/;
/** Eleven characters long, but YouTube's embeds of a playlist and of a channel's live stream: no video. */
const NOT_VIDEOS = new Set(["videoseries", "live_stream"]);

/**
 * The two forms nearly every note uses, exactly as `new URL` would read them (lower-case
 * host, no port/user/fragment/whitespace, `v` first): answered without building a URL,
 * which costs more than the rest of reading a note. Anything else takes the full path.
 */
const PLAIN_WATCH = /^https?:\/\/(?:www\.|m\.|music\.)?youtube\.com\/watch\?v=([A-Za-z0-9_-]{11})(?:&[^#\s\\]*)?$/;
const PLAIN_SHORT = /^https?:\/\/youtu\.be\/([A-Za-z0-9_-]{11})(?:\?[^#\s\\]*)?$/;
/**
 * An http(s) URL whose host is plain ASCII (letters, digits, dots, hyphens; no user, no
 * percent-escape, no IP literal in brackets): `new URL` would only lower-case that host,
 * so when it is none of YouTube's the answer is no video, without building a URL.
 */
const PLAIN_HOST = /^https?:\/\/([A-Za-z0-9.-]+)(?::[0-9]*)?(?:[/?#]|$)/;
const YOUTUBE_HOSTS = new Set([...WATCH_HOSTS, "youtu.be", "www.youtube-nocookie.com", "youtube-nocookie.com"]);

/** The 11-character video id of a YouTube video URL, or null for anything else. */
export function videoIdFromUrl(url: unknown): string | null {
	if (typeof url !== "string") return null;
	const text = url.trim();
	const plain = PLAIN_WATCH.exec(text) ?? PLAIN_SHORT.exec(text);
	if (plain) return NOT_VIDEOS.has(plain[1] as string) ? null : (plain[1] as string);
	const plainHost = PLAIN_HOST.exec(text)?.[1];
	if (plainHost !== undefined && !YOUTUBE_HOSTS.has(plainHost.toLowerCase())) return null;
	if (!/^https?:\/\//i.test(text)) return null;
	let parsed: URL;
	try {
		parsed = new URL(text);
	} catch {
		return null;
	}
	if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
	if (parsed.username || parsed.password) return null;
	const host = parsed.hostname.toLowerCase();
	let id: string | null = null;
	if (host === "youtu.be") {
		id = /^\/([^/]+)\/?$/.exec(parsed.pathname)?.[1] ?? null;
	} else if (WATCH_HOSTS.has(host)) {
		if (parsed.pathname === "/watch" || parsed.pathname === "/watch/") id = parsed.searchParams.get("v");
		else id = PATH_FORMS.exec(parsed.pathname)?.[1] ?? null;
	} else if (host === "www.youtube-nocookie.com" || host === "youtube-nocookie.com") {
		id = /^\/embed\/([^/]+)\/?$/.exec(parsed.pathname)?.[1] ?? null;
	}
	return id !== null && ID.test(id) && !NOT_VIDEOS.has(id) ? id : null;
}

/** `https://www.youtube.com/watch?v=ID&t=Ns` — the only URL this plugin puts in an href. */
export function seekUrl(videoId: string, seconds: number): string {
	if (!ID.test(videoId)) throw new Error(`not a YouTube video id: ${videoId}`);
	const s = Math.max(0, Math.floor(seconds));
	return `https://www.youtube.com/watch?v=${videoId}&t=${s}s`;
}

/** True for exactly the URLs `seekUrl` produces. */
export function isSeekUrl(href: string): boolean {
	return /^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}&t=\d+s$/.test(href);
}

/** A YouTube start time: `516`, `516s`, `8m36s`, `1h2m3s` (the forms of `t=` and `start=`). */
const START_TIME = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s?)?$/;

/**
 * The video and start second of a YouTube link with a time (`t=` or `start=` in the query
 * or the fragment), e.g. a seek link; null without a time or for anything but a video
 * (docs/player.md: such links open in the player).
 */
export function seekOfUrl(href: string): { videoId: string; seconds: number } | null {
	const videoId = videoIdFromUrl(href);
	if (videoId === null) return null;
	let parsed: URL;
	try {
		parsed = new URL(href.trim());
	} catch {
		return null;
	}
	const fragment = new URLSearchParams(parsed.hash.slice(1));
	const raw = parsed.searchParams.get("t") ?? parsed.searchParams.get("start") ?? fragment.get("t");
	if (raw === null || raw === "") return null;
	const m = START_TIME.exec(raw);
	if (!m) return null;
	const seconds = Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
	return { videoId, seconds };
}
