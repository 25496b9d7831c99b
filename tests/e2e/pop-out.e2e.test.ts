/**
 * A pop-out window in Chromium: the real plugin's triage view (on the obsidian mock) moved into
 * a second window, and a Ctrl-click on a row there. The click event is built by the second
 * window, with its own `MouseEvent` (docs/obsidian-behaviour.md, "Pop-out windows"), which jsdom
 * only imitates with an iframe.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { Browser, Page } from "playwright-core";
import { bundlePluginPage, launch, openPage, screenshot } from "./browser";

const ROOT = join(__dirname, "..", "..");

const css = () => readFileSync(join(ROOT, "styles.css"), "utf8") + "\n" + readFileSync(join(__dirname, "pages", "triage-frame.css"), "utf8");

describe("triage queue in a pop-out window (Chromium)", () => {
	let browser: Browser;
	let page: Page;

	beforeAll(async () => {
		const [b, script] = await Promise.all([launch(), bundlePluginPage("triage-page.ts")]);
		browser = b;
		page = await openPage(browser, script, css(), "light");
		await page.waitForFunction(() => (window as any).triageReady === true);
	});
	afterAll(async () => {
		await page?.close();
		await browser?.close();
	});

	it("a Ctrl-click on a row in the second window opens the note in a new tab", async () => {
		const [popout] = await Promise.all([
			page.waitForEvent("popup"),
			page.evaluate((style) => {
				const t = (window as any).triage;
				const win = window.open("", "popout", "width=600,height=700") as Window;
				win.document.head.appendChild(win.document.createElement("style")).textContent = style;
				win.document.body.className = "theme-light";
				const sidebar = win.document.body.appendChild(win.document.createElement("div"));
				sidebar.className = "sidebar";
				sidebar.appendChild(win.document.adoptNode(t.view.containerEl));
				t.view.refresh();
				const workspace = t.app.workspace;
				const getLeaf = workspace.getLeaf.bind(workspace);
				t.leafRequests = [];
				workspace.getLeaf = (newLeaf: unknown) => {
					t.leafRequests.push(newLeaf);
					return getLeaf(newLeaf);
				};
			}, css()),
		]);
		await popout.waitForSelector(".source-lifecycle-triage-row");
		// The event the second window builds is not the main window's MouseEvent.
		const foreign = await page.evaluate(() => {
			const win = window.open("", "popout") as Window & typeof globalThis;
			return new win.MouseEvent("click") instanceof MouseEvent;
		});
		expect(foreign).toBe(false);
		const first = await page.evaluate(() => (window as any).triage.queue()[0].path as string);
		await popout.click(".source-lifecycle-triage-row >> nth=0", { modifiers: ["Control"] });
		await page.waitForFunction(() => (window as any).triage.app.workspace.openedFiles.length > 0);
		expect(await page.evaluate(() => (window as any).triage.leafRequests)).toEqual(["tab"]);
		expect(await page.evaluate(() => (window as any).triage.app.workspace.openedFiles)).toEqual([first]);
		await screenshot(popout, "triage-pop-out");
	});
});
