import fc from "fast-check";
import { countLinks, countLinkTargets, extractLinks, extractLinkTargets, LinkResolver } from "../../../src/core/vault/links";

/** What the full extraction gives, reduced to the links alone. */
function linksOf(text: string) {
	const ex = extractLinks(text);
	return { links: ex.links.map((l) => l.link), embeds: ex.embeds.map((l) => l.link), frontmatterLinks: ex.frontmatterLinks.map((l) => l.link) };
}

const NOTES: [string, string][] = [
	["plain, aliased and heading wikilinks", "[[a]] [[b|B]] [[c#h|C]] [[d#h]] [[e\\|x]] [[|f]]\n"],
	["embeds and Markdown links", "![[img.png]] ![x](y.png) [t](Some%20Note.md) [u](https://x.y) [v](<a b.md>)\n"],
	["code, comments and math hide links", "`[[no]]` <!-- [[no]] -->\n```\n[[no]]\n```\n$$\n[[no]]\n$$\n%% [[yes]] %%\n"],
	["frontmatter links and a body", "---\nup: \"[[Parent]]\"\nlist:\n  - \"[[x#y]]\"\n---\n[[Body]]\n"],
	["nested brackets", "[[a [[b]] [[c]]]] [x [y](z)](w)\n"],
	["CRLF and a list", "- [[a]]\r\n  - [[b|c]]\r\n\r\n    [[indented]]\r\n"],
	["a %% comment block over a fence", "%%\n```\n[[in]]\n%%\n[[after]]\n"],
];

describe("extractLinkTargets gives the links of extractLinks, in the same order", () => {
	it.each(NOTES)("%s", (_name, text) => {
		expect(extractLinkTargets(text)).toEqual(linksOf(text));
	});

	it("on any text built from link syntax", () => {
		const piece = fc.constantFrom("[[", "]]", "|", "#", "!", "[", "]", "(", ")", "<", ">", "`", "\n", "\r\n", "a", " ", "---\n", "<!--", "-->", "$$", "    ", "- ", "\\", "%20", "https://", "%%", "```");
		fc.assert(
			fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
				const text = parts.join("");
				expect(extractLinkTargets(text)).toEqual(linksOf(text));
			}),
			{ numRuns: 2000 },
		);
	});

	it("counts like countLinks", () => {
		const resolver = new LinkResolver(["a.md", "B.md", "img.png", "Some Note.md", "Parent.md", "x.md"]);
		for (const [, text] of NOTES) {
			expect(countLinkTargets(extractLinkTargets(text), "n.md", resolver)).toEqual(countLinks(extractLinks(text), "n.md", resolver));
		}
	});
});

describe("LinkResolver remembers bare names only until the files change", () => {
	it.each([
		["a file added at the root wins over the one in a folder", ["Sub/Note.md"], "Note.md", "Note", ["Sub/Note.md", "Note.md"]],
		["a second file of the same name: the linking note's folder decides", ["Y/Note.md"], "X/Note.md", "Note", ["Y/Note.md", "X/Note.md"]],
		["a link to a missing note resolves once the note exists", [], "Late.md", "Late", [null, "Late.md"]],
	] as [string, string[], string, string, (string | null)[]][])("%s", (_name, files, added, link, expected) => {
		const resolver = new LinkResolver(files);
		const first = resolver.resolve(link, "X/from.md");
		resolver.add(added);
		expect([first, resolver.resolve(link, "X/from.md")]).toEqual(expected);
	});

	it("forgets a removed file", () => {
		const resolver = new LinkResolver(["Gone.md"]);
		expect(resolver.resolve("Gone", "a.md")).toBe("Gone.md");
		resolver.remove("Gone.md");
		expect(resolver.resolve("Gone", "a.md")).toBeNull();
	});
});
