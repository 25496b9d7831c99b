import { markdownLinkAt } from "../../../src/ui/player/markdown-link";

const URL = "https://www.youtube.com/watch?v=3x0jhpEj_6o&t=516s";

describe("markdownLinkAt", () => {
	const line = `See [the horizontal part](${URL}) and <https://youtu.be/3x0jhpEj_6o?t=738> too`;
	it.each([
		[line.indexOf("[the"), URL],
		[line.indexOf("horizontal"), URL],
		[line.indexOf(")"), URL],
		[line.indexOf("<https") + 3, "https://youtu.be/3x0jhpEj_6o?t=738"],
		[0, null],
		[line.indexOf(" and"), null],
	])("column %s → %s", (column, url) => {
		expect(markdownLinkAt(line, column)).toBe(url);
	});

	it("reads a link with a title and escaped brackets in its text", () => {
		const titled = `[a \\[b\\]](${URL} "Title")`;
		expect(markdownLinkAt(titled, 2)).toBe(URL);
	});
});
