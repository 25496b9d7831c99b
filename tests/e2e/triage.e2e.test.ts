/**
 * The triage queue in Chromium: the real plugin and view over 200 generated sources
 * (keyboard walk, an archive written through the lifecycle, HTML titles as text,
 * screenshots in light and dark), and the virtualised list with 10,000 items.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { bundlePluginPage, launch, openPage, screenshot } from "./browser";

const ROOT = join(__dirname, "..", "..");

const css = () => readFileSync(join(ROOT, "styles.css"), "utf8") + "\n" + readFileSync(join(__dirname, "pages", "triage-frame.css"), "utf8");

describe("triage queue in Chromium", () => {
	let browser: Browser;
	let page: Page;
	let script: string;

	beforeAll(async () => {
		[browser, script] = await Promise.all([launch(), bundlePluginPage("triage-page.ts")]);
	});
	afterAll(async () => {
		await browser?.close();
	});
	beforeEach(async () => {
		page = await openPage(browser, script, css(), "light");
		await page.waitForFunction(() => (window as any).triageReady === true);
	});
	afterEach(async () => {
		await page?.close();
	});

	const selectedTitle = () => page.$eval(".sidebar .source-lifecycle-triage-row.is-selected .source-lifecycle-triage-title", (e) => e.textContent);

	it("walks the queue from the keyboard and archives through the lifecycle; the next item is selected", async () => {
		const queue: { path: string; title: string; status: string }[] = await page.evaluate(() => (window as any).triage.queue());
		expect(queue.length).toBeGreaterThan(100);
		expect(queue.every((q) => q.status === "raw" || q.status === "in_progress")).toBe(true);
		expect(await selectedTitle()).toBe(queue[0]!.title);

		await page.keyboard.press("j");
		await page.keyboard.press("ArrowDown");
		await page.keyboard.press("j");
		await page.keyboard.press("k");
		expect(await selectedTitle()).toBe(queue[2]!.title);

		const target = queue[2]!;
		const before: string = await page.evaluate((p) => (window as any).triage.contents(p), target.path);
		await page.keyboard.press("a");
		await page.waitForFunction((p) => (window as any).triage.contents(p).includes("status: archived"), target.path);
		const after: string = await page.evaluate((p) => (window as any).triage.contents(p), target.path);
		expect(after).toBe(before.replace(/status: (raw|in_progress)/, "status: archived"));
		// The view follows the index on its own, without a refresh.
		await page.waitForFunction((p) => !document.querySelector(`.sidebar [data-path="${p}"]`), target.path);
		expect(await selectedTitle()).toBe(queue[3]!.title);
		const archived = await page.$eval('.source-lifecycle-triage-count[data-status="archived"] .source-lifecycle-triage-count-value', (e) => Number(e.textContent));
		const archivedInVault: number = await page.evaluate(() => [...(window as any).triage.app.vault.contents.values()].filter((t: string) => t.includes("status: archived")).length);
		expect(archived).toBe(archivedInVault);
	});

	it("shows HTML in titles as text, and takes screenshots in light and dark themes", async () => {
		await page.selectOption('.sidebar select[data-filter="status"]', "*");
		await page.fill(".sidebar .source-lifecycle-triage-search", "<img");
		await page.waitForSelector(".sidebar .source-lifecycle-triage-row");
		expect(await page.$$eval(".sidebar .source-lifecycle-triage-title", (els) => els.map((e) => e.textContent))).toEqual(["<img src=x onerror=alert(1)> is a title, not markup"]);
		expect(await page.$$(".sidebar img")).toHaveLength(0);
		await page.fill(".sidebar .source-lifecycle-triage-search", "");
		await page.selectOption('.sidebar select[data-filter="status"]', "");
		await page.focus(".sidebar .source-lifecycle-triage-list");
		await page.keyboard.press("j");
		await page.keyboard.press("j");
		await page.hover(".sidebar .source-lifecycle-triage-row[data-index='4']");
		await screenshot(page, "triage-light");
		await screenshot(page, "triage-sidebar-light", ".sidebar");
		await page.evaluate(() => document.body.classList.replace("theme-light", "theme-dark"));
		await screenshot(page, "triage-dark");
	});

	it("virtualises 10,000 items: a handful of rows in the DOM, scrolling and keys move through all of them", async () => {
		const ms: number = await page.evaluate(() => (window as any).triage.mountStandalone(10_000));
		expect(ms).toBeGreaterThan(0);
		const rows: number = await page.evaluate(() => (window as any).triage.standaloneRows());
		expect(rows).toBeGreaterThan(5);
		expect(rows).toBeLessThan(30);
		await page.$eval(".standalone .source-lifecycle-triage-list", (el) => {
			el.scrollTop = 58 * 7000;
			el.dispatchEvent(new Event("scroll"));
		});
		await page.waitForSelector('.standalone [data-index="7000"]');
		expect(await page.evaluate(() => (window as any).triage.standaloneRows())).toBeLessThan(30);
		await page.focus(".standalone .source-lifecycle-triage-list");
		await page.keyboard.press("End");
		await page.waitForSelector('.standalone [data-index="9999"].is-selected');
		for (let i = 0; i < 3; i++) await page.keyboard.press("k");
		await page.waitForSelector('.standalone [data-index="9996"].is-selected');
	});

	it("mounts 10,000 items in about the time of 100 (figures for the closing note; the bench asserts)", async () => {
		const figures: { n100: number; n10k: number } = await page.evaluate(() => {
			const t = (window as any).triage;
			const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
			for (let i = 0; i < 3; i++) {
				t.mountStandalone(100);
				t.mountStandalone(10_000);
			}
			const a: number[] = [];
			const b: number[] = [];
			for (let i = 0; i < 9; i++) {
				a.push(t.mountStandalone(100));
				b.push(t.mountStandalone(10_000));
			}
			return { n100: median(a), n10k: median(b) };
		});
		console.log(`triage list mount in Chromium (median of 9): 100 items ${figures.n100.toFixed(2)} ms, 10,000 items ${figures.n10k.toFixed(2)} ms, ratio ${(figures.n10k / figures.n100).toFixed(2)}`);
		expect(figures.n10k).toBeGreaterThan(0);
	});
});
