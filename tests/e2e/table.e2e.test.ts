/**
 * The `source-lifecycle` code block in a real browser (docs/tables-and-export.md): Debian's
 * chromium renders a note as the reading view does, our processor (registered by the real
 * registerTables) turns the block into a live table over the one SourceIndex.
 * Screenshot: test-results/table-light.png.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { bundle, launch, openPage, screenshot } from "./browser";
import type { Tables } from "./pages/table-page";
import { readFrontmatter } from "../../src/core/frontmatter/frontmatter";

const ROOT = join(__dirname, "..", "..");
const seed = readFrontmatter(readFileSync(join(ROOT, "tests", "fixtures", "seed-source.md"), "utf8"));
const SEED = seed.ok ? seed.data : null;

declare const tables: Tables;

const SOURCES: [string, Record<string, unknown>][] = [
	["Sources/Scaling laws.md", { id: "SOURCE-2", title: "Scaling laws for agents | a talk", status: "in_progress", signal_tier: "high", date_published: "2025-10-02", platform: "youtube" }],
	["Sources/Inference.md", { id: "SOURCE-3", title: "Inference economics of open models", status: "integrated", signal_tier: "medium", date_published: "2025-07-19", platform: "podcast" }],
	["Sources/Markup.md", { id: "SOURCE-4", title: "<img src=x onerror=alert(1)> is a title, not markup", status: "raw", signal_tier: "low", date_published: "2025-03-08", platform: "article" }],
	["Sources/Old.md", { id: "SOURCE-5", title: "Dropped talk", status: "archived", signal_tier: "low", platform: "youtube" }],
];

const NOTE = [
	"# Episodes",
	"",
	"Every source that is not archived, live:",
	"",
	"```source-lifecycle",
	"status: raw, in_progress, integrated",
	"columns: title, status, signal_tier, date_published",
	"```",
	"",
].join("\n");

let browser: Browser;
let script: string;
let css: string;

beforeAll(async () => {
	[browser, script] = await Promise.all([launch(), bundle(join(__dirname, "pages", "table-page.ts"))]);
	css = readFileSync(join(__dirname, "pages", "theme.css"), "utf8") + "\n" + readFileSync(join(ROOT, "styles.css"), "utf8");
});

afterAll(async () => {
	await browser?.close();
});

async function episodes(note = NOTE): Promise<Page> {
	const page = await openPage(browser, script, css, "light");
	await page.evaluate(
		([seedFm, sources]) => {
			tables.setSource("Sources/How OpenAI Builds.md", seedFm as Record<string, unknown>);
			for (const [path, fm] of sources) tables.setSource(path, fm);
		},
		[SEED, SOURCES] as const,
	);
	await page.evaluate((md) => tables.renderNote(md), note);
	return page;
}

describe("source table in the reading view (Chromium)", () => {
	it("renders the sources the block selects in queue order, titles as internal links, note text as text", async () => {
		const page = await episodes();
		expect(await page.evaluate(() => tables.rows())).toEqual([
			["How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning", "raw", "paradigm", "2025-11-28"],
			["Scaling laws for agents | a talk", "in_progress", "high", "2025-10-02"],
			["Inference economics of open models", "integrated", "medium", "2025-07-19"],
			["<img src=x onerror=alert(1)> is a title, not markup", "raw", "low", "2025-03-08"],
		]);
		const links = await page.evaluate(() => tables.links());
		expect(links.map((l) => [l.dataHref, l.cls])).toEqual([
			["Sources/How OpenAI Builds", "internal-link"],
			["Sources/Scaling laws", "internal-link"],
			["Sources/Inference", "internal-link"],
			["Sources/Markup", "internal-link"],
		]);
		expect(await page.locator(".markdown-rendered img").count()).toBe(0);
		expect(await page.locator(".markdown-rendered th").allTextContents()).toEqual(["Title", "Status", "Signal tier", "Date published"]);
		await screenshot(page, "table-light");
		await page.close();
	});

	it("opens a source's note on a click on its title", async () => {
		const page = await episodes();
		await page.getByText("Scaling laws for agents | a talk").click();
		expect(await page.evaluate(() => tables.opened)).toEqual(["Sources/Scaling laws"]);
		await page.close();
	});

	it("follows the index: a source that changes status leaves or joins the table; after unload it stays as it was", async () => {
		const page = await episodes();
		await page.evaluate(() => tables.setSource("Sources/Inference.md", { id: "SOURCE-3", title: "Inference economics of open models", status: "archived" }));
		expect((await page.evaluate(() => tables.rows())).map((r) => r[0])).not.toContain("Inference economics of open models");
		await page.evaluate(() => tables.setSource("Sources/Old.md", { id: "SOURCE-5", title: "Dropped talk", status: "raw", signal_tier: "paradigm", date_published: "2026-01-05" }));
		expect((await page.evaluate(() => tables.rows()))[0]?.[0]).toBe("Dropped talk");
		await page.evaluate(() => tables.unloadAll());
		await page.evaluate(() => tables.setSource("Sources/Old.md", { id: "SOURCE-5", title: "Dropped talk", status: "archived" }));
		expect((await page.evaluate(() => tables.rows()))[0]?.[0]).toBe("Dropped talk");
		await page.close();
	});

	it("shows an error box naming every bad option instead of a table", async () => {
		const page = await episodes("```source-lifecycle\nstatus: done\ncolumns: title, colour\nlimit: many\n```\n");
		expect(await page.evaluate(() => tables.errors())).toEqual([
			'unknown status "done" (known: raw, in_progress, integrated, archived)',
			'unknown column "colour" (no source has that key)',
			'limit "many" is not a whole number above 0',
		]);
		expect(await page.locator(".source-lifecycle-table").count()).toBe(0);
		await screenshot(page, "table-error-light");
		await page.close();
	});
});
