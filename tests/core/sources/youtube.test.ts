import { isSeekUrl, seekUrl, videoIdFromUrl } from "../../../src/core/sources/youtube";

describe("videoIdFromUrl", () => {
	it.each([
		["https://www.youtube.com/watch?v=3x0jhpEj_6o", "3x0jhpEj_6o"],
		["http://youtube.com/watch?v=3x0jhpEj_6o", "3x0jhpEj_6o"],
		["https://m.youtube.com/watch?v=3x0jhpEj_6o&t=10s", "3x0jhpEj_6o"],
		["https://music.youtube.com/watch?list=x&v=3x0jhpEj_6o", "3x0jhpEj_6o"],
		["https://youtu.be/3x0jhpEj_6o?si=abcDEF", "3x0jhpEj_6o"],
		["https://www.youtube.com/shorts/3x0jhpEj_6o", "3x0jhpEj_6o"],
		["https://www.youtube.com/live/3x0jhpEj_6o?feature=share", "3x0jhpEj_6o"],
		["https://www.youtube.com/embed/3x0jhpEj_6o", "3x0jhpEj_6o"],
		["https://www.youtube-nocookie.com/embed/3x0jhpEj_6o", "3x0jhpEj_6o"],
		["HTTPS://WWW.YOUTUBE.COM/watch?v=3x0jhpEj_6o", "3x0jhpEj_6o"],
		// Hosts the URL parser lower-cases or decodes, and ports: still YouTube.
		["https://WWW.YouTube.com:443/watch?v=3x0jhpEj_6o", "3x0jhpEj_6o"],
		["https://YOUTU.BE/3x0jhpEj_6o", "3x0jhpEj_6o"],
		["https://www.you%74ube.com/watch?v=3x0jhpEj_6o", "3x0jhpEj_6o"],
		["https://youtube.com:8080/watch?v=3x0jhpEj_6o", "3x0jhpEj_6o"],
	])("%s → %s", (url, id) => {
		expect(videoIdFromUrl(url)).toBe(id);
	});

	it.each([
		["javascript:alert(1)//https://www.youtube.com/watch?v=3x0jhpEj_6o"],
		["data:text/html,https://youtu.be/3x0jhpEj_6o"],
		["vbscript:https://youtu.be/3x0jhpEj_6o"],
		["ftp://www.youtube.com/watch?v=3x0jhpEj_6o"],
		["https://evil.com/?u=https://www.youtube.com/watch?v=3x0jhpEj_6o"],
		["https://www.youtube.com.evil.com/watch?v=3x0jhpEj_6o"],
		["https://www.youtube.com/watch?v=short"],
		["https://www.youtube.com/watch?v=3x0jhpEj_6o1"],
		["https://www.youtube.com/channel/UC123456789"],
		["https://youtu.be/"],
		// Eleven characters, but a playlist's and a channel live stream's embed: no video.
		["https://www.youtube.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"],
		["https://www.youtube-nocookie.com/embed/videoseries?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG"],
		["https://www.youtube.com/embed/live_stream?channel=UC123456789"],
		["https://www.youtube.com/watch?v=videoseries"],
		["https://open.spotify.com/show/5bC65RDvs3oxnLyqqvkUYX"],
		["https://user@www.youtube.com/watch?v=3x0jhpEj_6o"],
		// Plain hosts that are not YouTube's (answered without a URL parse).
		["https://example.com/episodes/3672"],
		["https://example.com:8080/watch?v=3x0jhpEj_6o"],
		["https://www.youtube.com./watch?v=3x0jhpEj_6o"],
		["https://192.168.0.1/watch?v=3x0jhpEj_6o"],
		["https://youtube.com-evil.net/watch?v=3x0jhpEj_6o"],
		[""],
		[null],
		[42],
	])("%s is not a video", (url) => {
		expect(videoIdFromUrl(url)).toBeNull();
	});
});

describe("seekUrl", () => {
	it("has the exact documented form", () => {
		expect(seekUrl("3x0jhpEj_6o", 516)).toBe("https://www.youtube.com/watch?v=3x0jhpEj_6o&t=516s");
		expect(isSeekUrl(seekUrl("3x0jhpEj_6o", 0))).toBe(true);
	});
	it("refuses an id that is not one", () => {
		expect(() => seekUrl('x"><img', 1)).toThrow();
	});
});
