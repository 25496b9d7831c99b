/**
 * The source player in a real browser (docs/player.md): Debian's chromium runs the plugin's
 * timestamps and player features (on the obsidian mock), the real CodeMirror 6, and an
 * embed pointed at a fake YouTube player served on 127.0.0.1 by this test, which records
 * every command it received. Screenshots go to test-results/.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Frame, Page } from "playwright-core";
import { bundlePluginPage, launch, openPage, screenshot } from "./browser";
import { startFakePlayer, type FakeMode, type FakePlayer } from "./fake-player";
import type { Player } from "./pages/player-page";

const ROOT = join(__dirname, "..", "..");
const SEED = readFileSync(join(ROOT, "tests", "fixtures", "seed-source.md"), "utf8");
const SEED_BODY = SEED.slice(SEED.indexOf("\n---\n", 4) + 5);
const VIDEO = "3x0jhpEj_6o";
const FRONTMATTER = { id: "SOURCE-20251128-973", url: `https://www.youtube.com/watch?v=${VIDEO}` };

declare const player: Player;

let browser: Browser;
let script: string;
let css: string;
let fake: FakePlayer;

beforeAll(async () => {
	[browser, script, fake] = await Promise.all([launch(), bundlePluginPage("player-page.ts"), startFakePlayer()]);
	css = ["theme.css", "triage-frame.css", "player-frame.css"].map((f) => readFileSync(join(__dirname, "pages", f), "utf8")).join("\n") + readFileSync(join(ROOT, "styles.css"), "utf8");
});

afterAll(async () => {
	await browser?.close();
	await fake?.close();
});

async function playerPage(mode: FakeMode = "normal", expectedOrigin?: string, theme: "light" | "dark" = "light"): Promise<Page> {
	const page = await openPage(browser, script, css, theme);
	await page.setViewportSize({ width: 1100, height: 760 });
	await page.evaluate(([seed, endpoint]) => player.start(seed, endpoint), [SEED, fake.endpoint(mode, expectedOrigin)] as const);
	return page;
}

/** The fake player's frame (the one whose URL is on the fake server, not a foreign frame). */
async function fakeFrame(page: Page): Promise<Frame> {
	for (let i = 0; i < 100; i++) {
		const frame = page.frames().find((f) => f.url().startsWith(fake.origin));
		if (frame) return frame;
		await page.waitForTimeout(50);
	}
	throw new Error("the fake player was never loaded");
}

type Received = { event: string; func?: string; args?: unknown[]; at: number; origin: string };
const received = (frame: Frame): Promise<Received[]> => frame.evaluate(() => (window as unknown as { received: Received[] }).received);
const seeks = async (frame: Frame) => (await received(frame)).filter((m) => m.func === "seekTo").map((m) => m.args);

async function waitForSeek(page: Page, seconds: number): Promise<Frame> {
	const frame = await fakeFrame(page);
	for (let i = 0; i < 100; i++) {
		if ((await seeks(frame)).some((a) => a?.[0] === seconds)) return frame;
		await page.waitForTimeout(50);
	}
	throw new Error(`the fake player never received seekTo(${seconds}); it received ${JSON.stringify(await received(frame))}`);
}

async function clickSeek(page: Page, selector: string, text: string): Promise<void> {
	await page.locator(selector, { hasText: new RegExp(`^${text}$`) }).first().click();
}

describe("source player in Chromium, with a fake YouTube player on 127.0.0.1", () => {
	it("a click on 8:36 in reading view seeks the player to 516 s; nothing opens in the browser", async () => {
		const page = await playerPage();
		expect(await page.evaluate(([md, fm]) => player.renderReading(md, fm), [SEED_BODY, FRONTMATTER] as const)).toBe(12);
		await clickSeek(page, "a.source-lifecycle-seek", "8:36");
		const frame = await waitForSeek(page, 516);
		expect(await seeks(frame)).toEqual([[516, true]]);
		expect((await received(frame)).every((m) => m.origin === "null" || m.origin.length > 0)).toBe(true);
		expect(await page.evaluate(() => player.embedSrc())).toBe(`${fake.origin}/normal/embed/${VIDEO}?enablejsapi=1&start=516`);
		expect(await page.evaluate(() => player.opened)).toEqual([]);
		await page.close();
	});

	it("a click on 8:36 in Live Preview seeks the player to 516 s; nothing opens in the browser", async () => {
		const page = await playerPage();
		await page.evaluate((doc) => player.mountLivePreview(doc), SEED);
		await page.evaluate(() => player.scrollEditorTo("Timestamps:"));
		await page.waitForFunction(() => player.marks() === 12);
		await clickSeek(page, ".cm-content .source-lifecycle-seek", "8:36");
		const frame = await waitForSeek(page, 516);
		expect(await seeks(frame)).toEqual([[516, true]]);
		expect(await page.evaluate(() => player.opened)).toEqual([]);
		await page.close();
	});

	it("a click on a Markdown link to the video with t= in Live Preview seeks the player; Ctrl-click opens the browser", async () => {
		const page = await playerPage();
		const url = `https://www.youtube.com/watch?v=${VIDEO}&t=516s`;
		await page.evaluate((doc) => player.mountLivePreview(doc), `# Reading\n\nSee [the part on horizontal platforms](${url}) first.\n`);
		await page.locator(".cm-content .cm-link").click({ modifiers: ["Control"] });
		expect(await page.evaluate(() => player.opened)).toEqual([url]);
		expect(await page.evaluate(() => player.embedSrc())).toBeNull();
		await page.locator(".cm-content .cm-link").click();
		const frame = await waitForSeek(page, 516);
		expect(await seeks(frame)).toEqual([[516, true]]);
		expect(await page.evaluate(() => player.opened)).toEqual([url]);
		await page.close();
	});

	it("a Ctrl-click on a timestamp opens the seek URL in the browser, as before", async () => {
		const page = await playerPage();
		await page.evaluate(([md, fm]) => player.renderReading(md, fm), [SEED_BODY, FRONTMATTER] as const);
		await page.locator("a.source-lifecycle-seek", { hasText: /^8:36$/ }).click({ modifiers: ["Control"] });
		expect(await page.evaluate(() => player.opened)).toEqual([`https://www.youtube.com/watch?v=${VIDEO}&t=516s`]);
		expect(await page.evaluate(() => player.embedSrc())).toBeNull();
		await page.close();
	});

	it("a click on 8:36 in the chapter list seeks the player to 516 s, and keys move through the list", async () => {
		const page = await playerPage();
		await page.evaluate((v) => player.showSeed(v), VIDEO);
		const chapters = await page.evaluate(() => player.chapters());
		expect(chapters.map((c) => c.time)).toEqual(["0:00", "8:36", "12:18", "15:11", "17:30", "20:10", "24:44", "28:06", "31:55", "36:46", "42:57", "45:47"]);
		expect(chapters[1]?.label).toBe("Horizontal vs vertical OpenAI");
		await waitForReady(page);
		await clickSeek(page, ".source-lifecycle-chapter-time", "8:36");
		const frame = await waitForSeek(page, 516);
		expect(await page.evaluate(() => player.opened)).toEqual([]);
		// Keyboard: focus the first chapter, arrow down twice, Enter plays 12:18.
		await page.locator(".source-lifecycle-chapter").first().focus();
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("Enter");
		for (let i = 0; i < 50 && !(await seeks(frame)).some((a) => a?.[0] === 738); i++) await page.waitForTimeout(50);
		expect((await seeks(frame)).map((a) => a?.[0])).toEqual([0, 516, 738]);
		await page.close();
	});

	it("highlights the chapter the video is in, following currentTime", async () => {
		const page = await playerPage();
		await page.evaluate((v) => player.showSeed(v), VIDEO);
		const frame = await waitForReady(page);
		for (const [time, chapter] of [[600, "8:36"], [738, "12:18"], [30, "0:00"], [2800, "45:47"]] as const) {
			await frame.evaluate((t) => (window as unknown as { setTime: (s: number) => void }).setTime(t), time);
			await page.waitForFunction((c) => player.currentChapter() === c, chapter, { timeout: 5000 });
		}
		expect((await page.evaluate(() => player.chapters())).filter((c) => c.current)).toHaveLength(1);
		await page.close();
	});

	it("scrolls the chapter list to the current chapter, but not while the pointer is over the list", async () => {
		const page = await playerPage();
		await page.setViewportSize({ width: 1100, height: 420 });
		await page.evaluate((v) => player.showSeed(v), VIDEO);
		const frame = await waitForReady(page);
		const list = page.locator(".source-lifecycle-chapters");
		const currentVisible = () =>
			page.evaluate(() => {
				const l = document.querySelector(".source-lifecycle-chapters")!.getBoundingClientRect();
				const c = document.querySelector(".source-lifecycle-chapter.is-current")?.getBoundingClientRect();
				return !!c && c.top >= l.top - 1 && c.bottom <= l.bottom + 1;
			});
		const scrollTop = () => list.evaluate((el) => el.scrollTop);
		expect(await list.evaluate((el) => el.scrollHeight > el.clientHeight)).toBe(true);
		// Pointer over the list: the highlight moves, the list stays where the user has it.
		await list.hover();
		await frame.evaluate(() => (window as unknown as { setTime: (s: number) => void }).setTime(2800));
		await page.waitForFunction(() => player.currentChapter() === "45:47");
		expect(await scrollTop()).toBe(0);
		expect(await currentVisible()).toBe(false);
		// Pointer away: the next chapter change brings the current one into view.
		await page.mouse.move(10, 10);
		await frame.evaluate(() => (window as unknown as { setTime: (s: number) => void }).setTime(2600));
		await page.waitForFunction(() => player.currentChapter() === "42:57");
		expect(await scrollTop()).toBeGreaterThan(0);
		expect(await currentVisible()).toBe(true);
		await page.close();
	});

	it("ignores player messages from another origin: a foreign frame, and the right frame at an unexpected origin", async () => {
		// A frame of another origin posting onReady and currentTime 2000 changes nothing.
		const page = await playerPage();
		await page.evaluate((v) => player.showSeed(v), VIDEO);
		const frame = await waitForReady(page);
		await frame.evaluate(() => (window as unknown as { setTime: (s: number) => void }).setTime(600));
		await page.waitForFunction(() => player.currentChapter() === "8:36");
		await page.evaluate((url) => player.addForeignFrame(url), `${fake.otherOrigin}/chatty/embed/${VIDEO}?enablejsapi=1&start=0`);
		await page.waitForTimeout(600);
		expect(await page.evaluate(() => player.currentChapter())).toBe("8:36");
		const position = await page.evaluate(() => player.position());
		expect(position).toBeGreaterThanOrEqual(600);
		expect(position).toBeLessThan(700);
		await page.close();

		// The embed itself, but the player is expected at another origin: never ready, nothing sent to it.
		const wrong = await playerPage("chatty", fake.otherOrigin);
		await wrong.evaluate((v) => player.showSeed(v), VIDEO);
		const chatty = await fakeFrame(wrong);
		await wrong.waitForTimeout(600);
		expect(await wrong.evaluate(() => player.status())).toBe("loading");
		expect(await wrong.evaluate(() => player.currentChapter())).toBe("0:00");
		expect(await received(chatty)).toEqual([]);
		await wrong.close();
	});

	it("loads the embed again with start=516 when the player does not answer within 5 s, then says so", async () => {
		const page = await playerPage("never-ready");
		await page.evaluate(([md, fm]) => player.renderReading(md, fm), [SEED_BODY, FRONTMATTER] as const);
		const before = fake.requests.length;
		await clickSeek(page, "a.source-lifecycle-seek", "8:36");
		const frame = await fakeFrame(page);
		await page.waitForTimeout(1000);
		expect((await received(frame)).filter((m) => m.event === "listening").length).toBeGreaterThan(1);
		expect(await seeks(frame)).toEqual([]);
		await page.waitForFunction(() => player.status() === "reloading", undefined, { timeout: 6000 });
		// The reload's request reaches the server a moment after the view says it reloads.
		for (let i = 0; i < 100 && fake.requests.length - before < 2; i++) await page.waitForTimeout(20);
		expect(fake.requests.slice(before)).toEqual([`/never-ready/embed/${VIDEO}?enablejsapi=1&start=516`, `/never-ready/embed/${VIDEO}?enablejsapi=1&start=516`]);
		expect(await page.evaluate(() => player.message())).toContain("loading it again at 8:36");
		await page.waitForFunction(() => player.status() === "not-answering", undefined, { timeout: 7000 });
		expect(await page.evaluate(() => player.message())).toContain("The player is not answering");
		await page.locator(".source-lifecycle-player-message button", { hasText: "Open in browser" }).click();
		expect(await page.evaluate(() => player.opened)).toEqual([`https://www.youtube.com/watch?v=${VIDEO}&t=516s`]);
		await page.close();
	});

	it("says when the video may not be embedded (onError 150) and offers Open in browser", async () => {
		const page = await playerPage("error150");
		await page.evaluate((v) => player.showSeed(v), VIDEO);
		await page.waitForFunction(() => player.status() === "error");
		expect(await page.evaluate(() => player.message())).toContain("does not allow it to be played in other apps");
		await page.locator(".source-lifecycle-player-message button", { hasText: "Open in browser" }).click();
		expect(await page.evaluate(() => player.opened)).toEqual([`https://www.youtube.com/watch?v=${VIDEO}&t=0s`]);
		await page.close();
	});

	it("shows the player with the chapter list beside the seed note, in the light and dark themes", async () => {
		const colours: string[] = [];
		for (const theme of ["light", "dark"] as const) {
			const page = await playerPage("normal", undefined, theme);
			await page.evaluate(([md, fm]) => player.renderReading(md, fm), [SEED_BODY, FRONTMATTER] as const);
			await page.evaluate(() => Array.from(document.querySelectorAll(".note-pane p")).find((p) => (p.textContent ?? "").startsWith("Timestamps"))?.scrollIntoView());
			await clickSeek(page, "a.source-lifecycle-seek", "8:36");
			const frame = await waitForSeek(page, 516);
			await frame.evaluate(() => (window as unknown as { setTime: (s: number) => void }).setTime(750));
			await page.waitForFunction(() => player.currentChapter() === "12:18");
			// The current chapter wears the theme's accent colour (Obsidian's variables, no colour of our own).
			const { current, accent } = await page.evaluate(() => {
				const probe = document.body.appendChild(document.createElement("div"));
				probe.style.color = "var(--text-accent)";
				const accent = getComputedStyle(probe).color;
				probe.remove();
				const el = document.querySelector(".source-lifecycle-chapter.is-current");
				return { current: el ? getComputedStyle(el).color : "", accent };
			});
			expect(current).toBe(accent);
			colours.push(current);
			await screenshot(page, `player-${theme}`);
			await page.close();
		}
		expect(colours[0]).not.toBe(colours[1]);
	});
});

async function waitForReady(page: Page): Promise<Frame> {
	await page.waitForFunction(() => player.status() === "ready", undefined, { timeout: 5000 });
	return fakeFrame(page);
}
