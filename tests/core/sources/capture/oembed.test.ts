import { seedOembed } from "../../../helpers/fixtures";
import { oembedRequestUrl, parseOembedAnswer } from "../../../../src/core/sources/capture/oembed";

describe("capture: oEmbed answers", () => {
	it("asks YouTube's endpoint, or another base, for the video as JSON", () => {
		expect(oembedRequestUrl("https://www.youtube.com/watch?v=3x0jhpEj_6o")).toBe("https://www.youtube.com/oembed?url=https%3A%2F%2Fwww.youtube.com%2Fwatch%3Fv%3D3x0jhpEj_6o&format=json");
		expect(oembedRequestUrl("u", "http://127.0.0.1:9/o?k=1")).toBe("http://127.0.0.1:9/o?k=1&url=u&format=json");
	});

	it("takes title and author_name (as creator) from a real answer", () => {
		expect(parseOembedAnswer(200, seedOembed())).toEqual({ ok: true, metadata: { title: "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning", creator: "a16z" } });
	});

	it("folds a title to one line without control characters", () => {
		expect(parseOembedAnswer(200, JSON.stringify({ title: " A\n\tB\u0007 ", author_name: 7 }))).toEqual({ ok: true, metadata: { title: "A B", creator: null } });
	});

	it.each([
		[401, "Unauthorized", "private or does not allow embedding"],
		[404, "Not Found", "HTTP 404"],
		[500, "{}", "HTTP 500"],
		[200, "<html>garbage", "not JSON"],
		[200, "[1,2]", "not an oEmbed object"],
		[200, "null", "not an oEmbed object"],
		[200, '{"title": 5, "author_name": ""}', "no title or author"],
	])("a %s answer %j is a reason, not an exception", (status, body, reason) => {
		const r = parseOembedAnswer(status, body);
		expect(r).toEqual({ ok: false, reason: expect.stringContaining(reason) });
	});
});
