/**
 * Timestamps in a real browser (docs/reference.md §6, §12 layer 4): Debian's chromium runs the real
 * CodeMirror 6 packages with our Live Preview extension, and our reading-view post-processor
 * on the seed note rendered by markdown-it (`breaks: true`, as Obsidian renders soft line breaks). Screenshots go to test-results/.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { bundle, launch, openPage, screenshot } from "./browser";
import type { Sl } from "./pages/timestamps-page";
import { readCorpus } from "../helpers/timestamp-corpus";

const ROOT = join(__dirname, "..", "..");
const SEED = readFileSync(join(ROOT, "tests", "fixtures", "seed-source.md"), "utf8");
const SEED_BODY = SEED.slice(SEED.indexOf("\n---\n", 4) + 5);
const VIDEO = "3x0jhpEj_6o";
const TOKENS = ["00:00", "8:36", "12:18", "15:11", "17:30", "20:10", "24:44", "28:06", "31:55", "36:46", "42:57", "45:47"];
const SECONDS = [0, 516, 738, 911, 1050, 1210, 1484, 1686, 1915, 2206, 2577, 2747];
const seek = (s: number) => `https://www.youtube.com/watch?v=${VIDEO}&t=${s}s`;

// The page's `window.sl`, inside page.evaluate callbacks (a type-only import: nothing runs here).
declare const sl: Sl;

let browser: Browser;
let script: string;
let css: string;

beforeAll(async () => {
	const t0 = Date.now();
	[browser, script] = await Promise.all([launch(), bundle(join(__dirname, "pages", "timestamps-page.ts"))]);
	css = readFileSync(join(__dirname, "pages", "theme.css"), "utf8") + "\n" + readFileSync(join(ROOT, "styles.css"), "utf8");
	console.log(`timestamps e2e: chromium + bundle ready in ${Date.now() - t0} ms`);
});

afterAll(async () => {
	await browser?.close();
});

async function livePreview(theme: "light" | "dark" = "light"): Promise<Page> {
	const page = await openPage(browser, script, css, theme);
	await page.evaluate((doc) => sl.mountLivePreview(doc), SEED);
	await page.evaluate(() => sl.scrollTo("Timestamps:"));
	await page.waitForFunction(() => sl.marks().length === 12);
	return page;
}

/** Wait until the editor shows exactly these marks (keyboard selection changes land asynchronously). */
async function expectMarks(page: Page, expected: string[]): Promise<void> {
	try {
		await page.waitForFunction((want) => JSON.stringify(sl.marks()) === want, JSON.stringify(expected), { timeout: 5000 });
	} finally {
		expect(await page.evaluate(() => sl.marks())).toEqual(expected);
	}
}

async function markBox(page: Page, text: string) {
	const handle = page.locator(".cm-content .source-lifecycle-seek", { hasText: new RegExp(`^${text}$`) });
	const box = await handle.boundingBox();
	if (!box) throw new Error(`no box for ${text}`);
	return box;
}

describe("Live Preview in Chromium", () => {
	it("shows the seed note's 12 timestamps as links, styled with the theme's external-link colour", async () => {
		const page = await livePreview();
		expect(await page.evaluate(() => sl.marks())).toEqual(TOKENS);
		const style = await page.locator(".cm-content .source-lifecycle-seek").first().evaluate((el) => {
			const s = getComputedStyle(el);
			return { color: s.color, line: s.textDecorationLine, cursor: s.cursor };
		});
		expect(style).toEqual({ color: "rgb(138, 92, 245)", line: "underline", cursor: "pointer" });
		await screenshot(page, "live-preview-light");
		await page.close();
	});

	it("opens …&t=516s on a real mouse click on 8:36, without moving the cursor", async () => {
		const page = await livePreview();
		const box = await markBox(page, "8:36");
		const t0 = Date.now();
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		expect(await page.evaluate(() => sl.opened)).toEqual([seek(516)]);
		console.log(`timestamps e2e: click → open in ${Date.now() - t0} ms`);
		expect(await page.evaluate(() => sl.cursor())).toBe(0);
		await page.close();
	});

	it("removes a token's decoration while the cursor is in it and it is being typed in", async () => {
		const page = await livePreview();
		// Click on the label of the 12:18 line (not the token), go to the line start, type.
		const label = page.locator(".cm-line", { hasText: "Why you can’t" });
		const box = await label.boundingBox();
		await page.mouse.click(box!.x + box!.width - 40, box!.y + box!.height / 2);
		expect(await page.evaluate(() => sl.opened)).toEqual([]);
		expect(await page.evaluate(() => sl.marks())).toEqual(TOKENS);
		await page.keyboard.press("Home");
		await expectMarks(page, TOKENS.filter((t) => t !== "12:18"));
		// A leading 0 keeps the time within the seed's duration (53m 23s): 112:18 would be past the end (docs/timestamps.md).
		await page.keyboard.type("0");
		expect(await page.evaluate(() => sl.docText())).toContain("\n012:18  Why you can’t");
		await expectMarks(page, TOKENS.filter((t) => t !== "12:18"));
		await page.keyboard.press("ArrowDown");
		await expectMarks(page, TOKENS.map((t) => (t === "12:18" ? "012:18" : t)).filter((t) => t !== "15:11"));
		await page.close();
	});

	it("is the same in the dark theme", async () => {
		const page = await livePreview("dark");
		expect(await page.evaluate(() => sl.marks())).toEqual(TOKENS);
		const color = await page.locator(".cm-content .source-lifecycle-seek").first().evaluate((el) => getComputedStyle(el).color);
		expect(color).toBe("rgb(166, 138, 249)");
		await screenshot(page, "live-preview-dark");
		await page.close();
	});

	it("stays responsive on a 10 MB note: only the visible ranges are decorated", async () => {
		const page = await openPage(browser, script, css, "light");
		const size = await page.evaluate((seed) => {
			const doc = sl.bigNote(seed, 10 * 1024 * 1024);
			(window as any).bigDoc = doc;
			return doc.length;
		}, SEED);
		expect(size).toBeGreaterThanOrEqual(10 * 1024 * 1024);
		const mountMs = await page.evaluate(() => sl.mountLivePreview((window as any).bigDoc));
		const middle = await page.evaluate(() => sl.scrollToMiddle());
		await page.waitForFunction(() => sl.marks().length > 0);
		const visible = await page.evaluate(() => sl.visibleRanges());
		const visibleChars = visible.reduce((n, r) => n + r.to - r.from, 0);
		const marks = await page.evaluate(() => sl.marks());
		const costBig = await page.evaluate(() => sl.decorationCost());
		const typeMs = await page.evaluate(() => sl.typeAtEnd("\n1:00:00 the end"));
		const t0 = Date.now();
		await page.keyboard.press("End");
		await page.evaluate(() => sl.marks());
		const keyMs = Date.now() - t0;

		const small = await openPage(browser, script, css, "light");
		await small.evaluate((seed) => sl.mountLivePreview(sl.bigNote(seed, 10 * 1024)), SEED);
		await small.evaluate(() => sl.scrollTo("Timestamps:"));
		const costSmall = await small.evaluate(() => sl.decorationCost());
		console.log(
			`timestamps e2e 10 MB: ${(size / 1048576).toFixed(1)} MB, mount ${mountMs.toFixed(0)} ms, ` +
				`${visibleChars} visible chars around offset ${middle}, ${marks.length} marks, ` +
				`decorations per update ${costBig.toFixed(3)} ms (10 KB note: ${costSmall.toFixed(3)} ms), ` +
				`edit at the end ${typeMs.toFixed(1)} ms, key round trip ${keyMs} ms`,
		);
		expect(visibleChars).toBeLessThan(200_000);
		expect(marks.length).toBeGreaterThan(0);
		expect(marks.length).toBeLessThan(200);
		// A generous sanity bound only; speed is measured by `npm run bench`.
		expect(costBig).toBeLessThan(250);
		await small.close();
		await page.close();
	});
});

describe("Live Preview on the timestamp corpus (docs/timestamps.md)", () => {
	it("marks a transcript's times after speaker labels and leaves its clock times and ratios plain", async () => {
		const note = readCorpus().get("speakers")?.find((n) => n.path.endsWith("podcast-bold-names.md"));
		if (!note) throw new Error("the corpus has no podcast-bold-names.md");
		const expected = note.expected.map((e) => e.split(":").slice(2).join(":"));
		const page = await openPage(browser, script, css, "light");
		await page.evaluate((doc) => sl.mountLivePreview(doc), note.text);
		await page.evaluate(() => sl.scrollTo("# Scaling Inference"));
		await page.waitForFunction(() => sl.marks().length > 0);
		const marks = await page.evaluate(() => sl.marks());
		// What is on screen is the start of the corpus's list, in order.
		expect(marks.length).toBeGreaterThanOrEqual(3);
		expect(marks).toEqual(expected.slice(0, marks.length));
		await screenshot(page, "live-preview-transcript");
		await page.close();
	});
});

describe("Reading view in Chromium", () => {
	async function reading(theme: "light" | "dark"): Promise<Page> {
		const page = await openPage(browser, script, css, theme);
		const count = await page.evaluate((md) => sl.renderReading(md, { url: "https://www.youtube.com/watch?v=3x0jhpEj_6o" }), SEED_BODY);
		expect(count).toBe(12);
		await page.evaluate(() => sl.scrollReadingTo("Timestamps:"));
		return page;
	}

	it("links the seed note's 12 timestamps as external links with seek hrefs", async () => {
		const page = await reading("light");
		const links = await page.evaluate(() => sl.readingLinks());
		expect(links.map((l) => l.text)).toEqual(TOKENS);
		expect(links.map((l) => l.href)).toEqual(SECONDS.map(seek));
		expect(new Set(links.map((l) => l.cls))).toEqual(new Set(["external-link source-lifecycle-seek"]));
		const color = await page.locator("a.source-lifecycle-seek").first().evaluate((el) => getComputedStyle(el).color);
		expect(color).toBe("rgb(138, 92, 245)");
		await screenshot(page, "reading-light");
		await page.close();
	});

	it("is the same in the dark theme", async () => {
		const page = await reading("dark");
		expect((await page.evaluate(() => sl.readingLinks())).length).toBe(12);
		await screenshot(page, "reading-dark");
		await page.close();
	});

	it("leaves a note without a video as plain text", async () => {
		const page = await openPage(browser, script, css, "light");
		expect(await page.evaluate((md) => sl.renderReading(md, { url: "https://open.spotify.com/show/5bC65RDvs3oxnLyqqvkUYX" }), SEED_BODY)).toBe(0);
		await page.close();
	});
});
