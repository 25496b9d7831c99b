/**
 * The board in Chromium: the real plugin and board view over generated sources. A card
 * dragged (HTML5 drag and drop) from raw to in_progress changes the note by exactly its
 * status line; a refused drag changes nothing; three selected cards are archived in one
 * action after a confirm; screenshots in light and dark.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { bundlePluginPage, launch, openPage, screenshot } from "./browser";

const ROOT = join(__dirname, "..", "..");

const css = () =>
	readFileSync(join(ROOT, "styles.css"), "utf8") +
	"\n" +
	readFileSync(join(__dirname, "pages", "triage-frame.css"), "utf8") +
	"\n" +
	readFileSync(join(__dirname, "pages", "board-frame.css"), "utf8");

type BoardWindow = {
	board: {
		contents: (p: string) => string;
		writes: () => number;
		notices: () => string[];
		column: (s: string) => string[];
	};
};

describe("board in Chromium", () => {
	let browser: Browser;
	let page: Page;
	let script: string;

	beforeAll(async () => {
		[browser, script] = await Promise.all([launch(), bundlePluginPage("board-page.ts")]);
	});
	afterAll(async () => {
		await browser?.close();
	});
	beforeEach(async () => {
		page = await openPage(browser, script, css(), "light");
		await page.setViewportSize({ width: 1280, height: 760 });
		await page.waitForFunction(() => (window as any).boardReady === true);
	});
	afterEach(async () => {
		await page?.close();
	});

	const column = (status: string) => page.evaluate((s) => (window as unknown as BoardWindow).board.column(s), status);
	const contents = (path: string) => page.evaluate((p) => (window as unknown as BoardWindow).board.contents(p), path);
	const cardSel = (path: string) => `.source-lifecycle-board-card[data-path="${path}"]`;
	const columnSel = (status: string) => `.source-lifecycle-board-column[data-status="${status}"] .source-lifecycle-board-list`;

	it("shows every configured status as a column, rendering only the cards in view", async () => {
		const statuses = await page.$$eval(".source-lifecycle-board-column", (els) => els.map((e) => e.getAttribute("data-status")));
		expect(statuses).toEqual(["raw", "in_progress", "integrated", "archived"]);
		const raw = await column("raw");
		expect(raw.length).toBeGreaterThan(40);
		const rendered = await page.$$eval(`${columnSel("raw")} .source-lifecycle-board-card`, (els) => els.length);
		expect(rendered).toBeLessThan(raw.length);
		expect(await page.$eval('.source-lifecycle-board-column[data-status="raw"] .source-lifecycle-board-column-count', (e) => e.textContent)).toBe(String(raw.length));
	});

	it("a card dragged from raw to in_progress changes the note by exactly its status line", async () => {
		const path = (await column("raw"))[1]!;
		const before = await contents(path);
		await page.dragAndDrop(cardSel(path), columnSel("in_progress"));
		await page.waitForFunction((p) => (window as unknown as BoardWindow).board.contents(p).includes("status: in_progress"), path);
		const after = await contents(path);
		expect(after).toBe(before.replace("\nstatus: raw\n", "\nstatus: in_progress\n"));
		expect(after.length - before.length).toBe("in_progress".length - "raw".length);
		await page.waitForSelector(`${columnSel("in_progress")} ${cardSel(path)}`);
		expect(await column("in_progress")).toContain(path);
		expect(await column("raw")).not.toContain(path);
	});

	it("a refused drag (archived → in_progress) changes nothing and names the rule", async () => {
		const path = (await column("archived"))[0]!;
		const before = await contents(path);
		const writes = await page.evaluate(() => (window as unknown as BoardWindow).board.writes());
		await page.dragAndDrop(cardSel(path), columnSel("in_progress"));
		await page.waitForFunction(() => (window as unknown as BoardWindow).board.notices().length > 0);
		const notices = await page.evaluate(() => (window as unknown as BoardWindow).board.notices());
		expect(notices.at(-1)).toMatch(/cannot move to in_progress: it is archived; reopen it to raw first\.$/);
		expect(await contents(path)).toBe(before);
		expect(await page.evaluate(() => (window as unknown as BoardWindow).board.writes())).toBe(writes);
		expect(await column("archived")).toContain(path);
		await page.waitForSelector(`${columnSel("archived")} ${cardSel(path)}`);
	});

	it("archives three selected cards in one action after a confirm naming the count", async () => {
		const raw = await column("raw");
		const inProgress = await column("in_progress");
		const picked = [raw[0]!, raw[2]!, inProgress[0]!];
		const before = await Promise.all(picked.map(contents));
		await page.click(cardSel(picked[0]!));
		await page.click(cardSel(picked[1]!), { modifiers: ["Control"] });
		await page.click(cardSel(picked[2]!), { modifiers: ["Control"] });
		expect(await page.textContent(".source-lifecycle-board-selection-count")).toBe("3 selected");
		await page.selectOption('select[data-filter="move-to"]', "archived");
		await page.waitForSelector(".modal-container");
		expect(await page.textContent(".modal-container > div > div:first-child")).toBe("Move 3 sources to archived?");
		await screenshot(page, "board-confirm-light");
		await page.click(".modal-container button.mod-cta");
		await page.waitForFunction((ps) => ps.every((p) => (window as unknown as BoardWindow).board.contents(p).includes("status: archived")), picked);
		const after = await Promise.all(picked.map(contents));
		after.forEach((text, i) => expect(text).toBe(before[i]!.replace(/\nstatus: (raw|in_progress)\n/, "\nstatus: archived\n")));
		const archived = await column("archived");
		for (const p of picked) expect(archived).toContain(p);
		expect((await page.evaluate(() => (window as unknown as BoardWindow).board.notices())).at(-1)).toBe("Moved 3 sources to archived.");
	});

	it("takes screenshots in light and dark themes", async () => {
		const raw = await column("raw");
		await page.click(cardSel(raw[1]!));
		await page.click(cardSel(raw[3]!), { modifiers: ["Control"] });
		await page.hover(cardSel(raw[5]!));
		await screenshot(page, "board-light");
		await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
		await screenshot(page, "board-dark");
		await page.selectOption('select[data-filter="lanes"]', "signalTier");
		await page.waitForSelector(".source-lifecycle-board-lane");
		await screenshot(page, "board-lanes-dark");
	});
});
