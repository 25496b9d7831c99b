/**
 * Random URLs → video ids and seek URLs (docs/reference.md §6): an id comes only from a real YouTube
 * video URL (http/https, the listed hosts and paths, 11 characters), never from another
 * scheme or host that merely contains one; every seek URL has the exact documented form.
 */
import fc from "fast-check";
import { isSeekUrl, seekUrl, videoIdFromUrl } from "../../src/core/sources/youtube";
import { codePoint } from "./yaml-gen";
import { fuzz } from "./config";

const ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
const validId = fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 11, maxLength: 11 });
const badId = fc.oneof(
	fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 0, maxLength: 10 }),
	fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 12, maxLength: 14 }),
	fc.tuple(validId, fc.nat(10), fc.constantFrom("!", ".", "%20", "<", "\"", "'", "/", "+", "=", "é")).map(([id, i, c]) => id.slice(0, i) + c + id.slice(i + 1)),
);
const scheme = fc.constantFrom("https://", "http://", "HTTPS://", "Http://");
const extraParams = fc.array(fc.constantFrom("feature=share", "t=42", "list=PL123", "si=abc", "index=2", "pp=x"), { maxLength: 2 });
const fragment = fc.constantFrom("", "#t=10", "#frag");

/** URLs docs/reference.md §6 names, with the id they must give. */
const videoUrl: fc.Arbitrary<[string, string]> = fc.oneof(
	fc.tuple(scheme, fc.constantFrom("youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "WWW.YouTube.com"), validId, extraParams, fc.boolean(), fragment)
		.map(([s, h, id, extra, vFirst, f]) => {
			const params = vFirst ? [`v=${id}`, ...extra] : [...extra, `v=${id}`];
			return [`${s}${h}/watch?${params.join("&")}${f}`, id] as [string, string];
		}),
	fc.tuple(scheme, validId, extraParams, fragment).map(([s, id, extra, f]) => [`${s}youtu.be/${id}${extra.length ? "?" + extra.join("&") : ""}${f}`, id] as [string, string]),
	fc.tuple(scheme, fc.constantFrom("youtube.com", "www.youtube.com"), fc.constantFrom("shorts", "live", "embed"), validId, extraParams)
		.map(([s, h, p, id, extra]) => [`${s}${h}/${p}/${id}${extra.length ? "?" + extra.join("&") : ""}`, id] as [string, string]),
	fc.tuple(scheme, fc.constantFrom("www.youtube-nocookie.com", "youtube-nocookie.com"), validId).map(([s, h, id]) => [`${s}${h}/embed/${id}`, id] as [string, string]),
	fc.tuple(fc.constantFrom(" ", "\t", ""), validId, fc.constantFrom(" ", "\n", "")).map(([a, id, b]) => [`${a}https://www.youtube.com/watch?v=${id}${b}`, id] as [string, string]),
);

/** Strings that contain a YouTube video URL but are not one. */
const notVideoUrl: fc.Arbitrary<string> = fc.oneof(
	fc.tuple(fc.constantFrom("javascript:", "JavaScript:", "data:text/html,", "vbscript:", "ftp://", "file:///", "about:", "blob:", "ws://", " javascript:"), videoUrl)
		.map(([p, [u]]) => p + (p.startsWith("javascript") || p.startsWith(" javascript") ? `alert(1)//${u}` : u)),
	fc.tuple(scheme, fc.constantFrom("evil.com", "youtube.com.evil.com", "notyoutube.com", "www.youtube.co", "youtu.be.evil.net", "evil.com%2F.youtube.com"), videoUrl)
		.map(([s, h, [u]]) => `${s}${h}/redirect?u=${encodeURIComponent(u)}&raw=${u}`),
	fc.tuple(scheme, validId).map(([s, id]) => `${s}evil.com/www.youtube.com/watch?v=${id}`),
	fc.tuple(scheme, validId).map(([s, id]) => `${s}www.youtube.com.evil.com/watch?v=${id}`),
	fc.tuple(scheme, fc.constantFrom("www.youtube.com/watch?v=", "youtu.be/", "www.youtube.com/shorts/", "www.youtube-nocookie.com/embed/"), badId).map(([s, p, id]) => s + p + id),
	fc.tuple(scheme, validId).map(([s, id]) => `${s}youtu.be/watch?v=${id}`),
	fc.tuple(scheme, validId).map(([s, id]) => `${s}www.youtube.com/channel/${id}`),
	validId.map((id) => `//www.youtube.com/watch?v=${id}`),
	validId.map((id) => `www.youtube.com/watch?v=${id}`),
);

const anyString = fc.oneof(
	fc.string({ unit: fc.oneof(fc.constantFrom(..."hts:/.?&=#%@wyoutube.comv-_ "), codePoint), maxLength: 60 }),
	fc.tuple(videoUrl, fc.nat(80), fc.string({ unit: codePoint, maxLength: 4 })).map(([[u], i, junk]) => u.slice(0, i % (u.length + 1)) + junk + u.slice(i % (u.length + 1))),
);

describe("YouTube URLs (property)", () => {
	it("every URL form docs/reference.md §6 lists gives its id", () => {
		fc.assert(fc.property(videoUrl, ([url, id]) => expect(videoIdFromUrl(url)).toBe(id)), fuzz());
	});

	it("other schemes and hosts give no id, even when they contain a YouTube URL", () => {
		fc.assert(fc.property(notVideoUrl, (url) => expect(videoIdFromUrl(url)).toBeNull()), fuzz());
	});

	it("on any string it never throws, and an id it gives comes from an http(s) YouTube host and builds a seek URL of the exact form", () => {
		const hosts = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtu.be", "www.youtube-nocookie.com", "youtube-nocookie.com"]);
		fc.assert(
			fc.property(anyString, fc.nat(400_000), (url, seconds) => {
				const id = videoIdFromUrl(url);
				if (id === null) return;
				expect(id).toMatch(/^[A-Za-z0-9_-]{11}$/);
				const parsed = new URL(url.trim());
				expect(["http:", "https:"]).toContain(parsed.protocol);
				expect(hosts.has(parsed.hostname)).toBe(true);
				const seek = seekUrl(id, seconds);
				expect(seek).toBe(`https://www.youtube.com/watch?v=${id}&t=${seconds}s`);
				expect(isSeekUrl(seek)).toBe(true);
			}),
			fuzz(2),
		);
	});

	it("isSeekUrl accepts exactly what seekUrl builds", () => {
		fc.assert(
			fc.property(validId, fc.double({ min: 0, max: 1e7, noNaN: true }), (id, seconds) => {
				const url = seekUrl(id, seconds);
				expect(isSeekUrl(url)).toBe(true);
				expect(new URL(url).searchParams.get("v")).toBe(id);
			}),
			fuzz(),
		);
		fc.assert(
			fc.property(fc.oneof(anyString, notVideoUrl, videoUrl.map(([u]) => u)), (s) => {
				if (isSeekUrl(s)) expect(s).toMatch(/^https:\/\/www\.youtube\.com\/watch\?v=[A-Za-z0-9_-]{11}&t=\d+s$/);
				expect(isSeekUrl(s + "\n")).toBe(false);
				expect(isSeekUrl("javascript:" + s)).toBe(false);
			}),
			fuzz(),
		);
	});

	it("agrees with a reference built on WHATWG URL parsing, on near-miss variants of the plain forms (the fast path must not differ)", () => {
		const reference = (url: string): string | null => {
			const text = url.trim();
			if (!/^https?:\/\//i.test(text)) return null;
			let u: URL;
			try {
				u = new URL(text);
			} catch {
				return null;
			}
			if (u.username || u.password) return null;
			const host = u.hostname;
			let id: string | null = null;
			if (host === "youtu.be") id = /^\/([^/]+)\/?$/.exec(u.pathname)?.[1] ?? null;
			else if (["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com"].includes(host)) {
				if (u.pathname === "/watch" || u.pathname === "/watch/") id = u.searchParams.get("v");
				else id = /^\/(?:shorts|live|embed)\/([^/]+)\/?$/.exec(u.pathname)?.[1] ?? null;
			} else if (host === "www.youtube-nocookie.com" || host === "youtube-nocookie.com") id = /^\/embed\/([^/]+)\/?$/.exec(u.pathname)?.[1] ?? null;
			return id !== null && /^[A-Za-z0-9_-]{11}$/.test(id) ? id : null;
		};
		const insert = fc.constantFrom("#", "%41", "%", "\\", " ", "\t", "\n", "@", ":", ":443", ":8080", "&", "?", "/", "v=", "&v=AAAAAAAAAAA", "..", "%2F", "W", "\u00a0", "\u2028", "ß", "。");
		const near = fc.tuple(videoUrl, fc.array(fc.tuple(fc.nat(60), insert), { minLength: 1, maxLength: 3 })).map(([[u], edits]) => {
			let t = u;
			for (const [at, ins] of edits) {
				const i = at % (t.length + 1);
				t = t.slice(0, i) + ins + t.slice(i);
			}
			return t;
		});
		fc.assert(fc.property(fc.oneof(near, videoUrl.map(([u]) => u)), (url) => expect(videoIdFromUrl(url)).toBe(reference(url))), fuzz(3));
	});

	it("seekUrl refuses anything that is not an 11-character id", () => {
		fc.assert(fc.property(badId, (id) => expect(() => seekUrl(id, 1)).toThrow()), fuzz());
	});
});
