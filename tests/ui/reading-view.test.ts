/** @jest-environment jsdom */
import MarkdownIt from "markdown-it";
import { linkTimestamps, startsLine, timestampPostProcessor } from "../../src/ui/reading-view";
import { App } from "../__mocks__/obsidian";
import { seedNote } from "../helpers/fixtures";

const VIDEO = "3x0jhpEj_6o";
const seek = (s: number) => `https://www.youtube.com/watch?v=${VIDEO}&t=${s}s`;
const md = new MarkdownIt({ linkify: true });

/** A rendered section, as Obsidian hands it to a post-processor. */
function rendered(markdown: string): HTMLElement {
	const el = document.createElement("div");
	const doc = new DOMParser().parseFromString(md.render(markdown), "text/html");
	el.append(...Array.from(doc.body.childNodes));
	return el;
}
const links = (el: HTMLElement) => Array.from(el.querySelectorAll<HTMLAnchorElement>("a.source-lifecycle-seek"));
const body = (note: string) => note.slice(note.indexOf("\n---\n", 4) + 5);

describe("reading view post-processor", () => {
	it("links the seed note's 12 timestamps with seek URLs and the token as text", () => {
		const el = rendered(body(seedNote()));
		expect(linkTimestamps(el, VIDEO)).toBe(12);
		const a = links(el);
		expect(a.map((x) => x.textContent)).toEqual(["00:00", "8:36", "12:18", "15:11", "17:30", "20:10", "24:44", "28:06", "31:55", "36:46", "42:57", "45:47"]);
		expect(a[1]!.getAttribute("href")).toBe(seek(516));
		expect(a[1]!.className).toBe("external-link source-lifecycle-seek");
		expect(a[1]!.getAttribute("target")).toBe("_blank");
		expect(el.textContent).toBe(rendered(body(seedNote())).textContent);
	});

	it.each<[string, string, string[]]>([
		["list items", "* 2:05 - Setup\n1. 59:59 – Wrap up\n- [ ] 4:00 Todo", ["2:05", "59:59", "4:00"]],
		["bracketed and parenthesised", "[00:00] Intro\n\n(12:34) Questions", ["00:00", "12:34"]],
		["inline [3:07] after emphasis", "The **demo** [3:07] is great", ["3:07"]],
		["a line start after a <br> (hard break)", "first line  \n1:02:03 Deep dive", ["1:02:03"]],
		["inline code and code blocks", "`3:07` x\n\n```\n4:00 x\n```\n\n    5:00 indented code", []],
		["existing links and autolinks", "[8:36](https://example.com) x\n\nhttps://example.com/(3:07)", []],
		["time of day in prose", "We met at 10:30 and left at (11:45)", ["11:45"]],
		["a token inside bold, italics or a highlight (the line starts with markup, as the CLI reads it)", "**0:00** Intro\n\n*1:00* Next\n\n- **2:00** Item", []],
		["a wrapped token inside bold still counts", "**(0:30)** Intro", ["0:30"]],
		["invalid times", "1:75:00 x\n\n99:99 x", []],
		["a heading or a table cell: only wrapped tokens, as in the source", "## 3:07 Heading (4:00)\n\n| a | b |\n| - | - |\n| 5:00 | (6:00) |", ["4:00", "6:00"]],
	])("%s", (_name, markdown, expected) => {
		const el = rendered(markdown);
		linkTimestamps(el, VIDEO);
		expect(links(el).map((a) => a.textContent)).toEqual(expected);
	});

	it("puts note text in as text, never as HTML", () => {
		const el = rendered("0:10 <img src=x onerror=alert(1)>");
		const before = el.querySelectorAll("img").length;
		linkTimestamps(el, VIDEO);
		expect(el.querySelectorAll("img").length).toBe(before);
		expect(links(el).map((a) => a.getAttribute("href"))).toEqual([seek(10)]);
	});

	it("is idempotent: a second pass adds no links", () => {
		const el = rendered(body(seedNote()));
		linkTimestamps(el, VIDEO);
		expect(linkTimestamps(el, VIDEO)).toBe(0);
		expect(links(el)).toHaveLength(12);
	});

	it("knows when a text node starts a line", () => {
		const el = rendered("a **b** c\n\n- x");
		const p = el.querySelector("p")!;
		expect(startsLine(p.firstChild!, el)).toBe(true);
		expect(startsLine(p.lastChild!, el)).toBe(false);
		expect(startsLine(el.querySelector("li")!.firstChild!, el)).toBe(true);
	});

	describe("as registered", () => {
		const app = new App();
		const ctx = (frontmatter: unknown, sourcePath = "s.md") => ({ frontmatter, sourcePath, docId: "", getSectionInfo: () => null, addChild: () => undefined }) as any;

		it.each<[string, unknown, number]>([
			["a watch URL", { url: `https://www.youtube.com/watch?v=${VIDEO}` }, 1],
			["a youtu.be URL", { url: `https://youtu.be/${VIDEO}?si=x` }, 1],
			["a podcast URL", { url: "https://open.spotify.com/show/5bC65RDvs3oxnLyqqvkUYX" }, 0],
			["a javascript: URL", { url: `javascript:alert('https://youtu.be/${VIDEO}')` }, 0],
			["no url", { id: "SOURCE-1" }, 0],
		])("reads the video from ctx.frontmatter: %s", (_name, fm, count) => {
			const el = rendered("0:10 Intro");
			timestampPostProcessor(app as any, () => true)(el, ctx(fm));
			expect(links(el)).toHaveLength(count);
		});

		it("falls back to the metadata cache for ctx.sourcePath", () => {
			app.vault.addFile("cached.md", `---\nurl: https://youtu.be/${VIDEO}\n---\n0:10 x`);
			app.metadataCache.indexFile("cached.md", false);
			const el = rendered("0:10 Intro");
			timestampPostProcessor(app as any, () => true)(el, ctx(undefined, "cached.md"));
			expect(links(el).map((a) => a.getAttribute("href"))).toEqual([seek(10)]);
		});

		it("does nothing when the setting is off", () => {
			const el = rendered("0:10 Intro");
			timestampPostProcessor(app as any, () => false)(el, ctx({ url: `https://youtu.be/${VIDEO}` }));
			expect(links(el)).toHaveLength(0);
		});
	});

	it("does not take a callout's title for the start of a line (the source line starts with > [!note])", () => {
		const el = document.createElement("div");
		const html = '<div class="callout" data-callout="note"><div class="callout-title"><div class="callout-title-inner">2:00 Callout title</div></div><div class="callout-content"><p>3:00 In the callout</p></div></div>';
		el.append(...Array.from(new DOMParser().parseFromString(html, "text/html").body.childNodes));
		expect(linkTimestamps(el, VIDEO)).toBe(1);
		expect(links(el).map((a) => a.textContent)).toEqual(["3:00"]);
	});
});
