/**
 * Shared browser harness for the e2e tests: Debian's chromium through playwright-core
 * (never a downloaded browser), pages bundled with esbuild from TypeScript entries, and
 * screenshots under test-results/.
 */
import { build } from "esbuild";
import { mkdirSync } from "fs";
import { join } from "path";
import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const RESULTS = join(__dirname, "..", "..", "test-results");

export async function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: [
			"--headless",
			"--no-sandbox",
			"--disable-gpu",
			"--no-first-run",
			"--disable-background-networking",
			"--disable-component-update",
			"--disable-sync",
			"--disable-quic",
		],
	});
}

/**
 * Bundle a page entry (TypeScript, may import src/ and @codemirror/*) into one script.
 * `obsidian` is aliased to the browser stand-in in tests/e2e/pages/obsidian-shim.ts, unless
 * `alias` says otherwise (e.g. the Jest mock, to run the real plugin in the page).
 */
export async function bundle(entry: string, alias: Record<string, string> = {}): Promise<string> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		write: false,
		format: "iife",
		platform: "browser",
		target: "es2020",
		alias: { obsidian: join(__dirname, "pages", "obsidian-shim.ts"), ...alias },
		logLevel: "silent",
	});
	const file = result.outputFiles[0];
	if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
	return file.text;
}

/** A page of tests/e2e/pages/ bundled with `obsidian` aliased to the Jest mock: the real plugin runs on the mock in the browser. */
export function bundlePluginPage(page: string): Promise<string> {
	return bundle(join(__dirname, "pages", page), { obsidian: join(__dirname, "..", "__mocks__", "obsidian.ts") });
}

/** Open a page running the bundled entry, with optional CSS (e.g. styles.css + theme variables). */
export async function openPage(browser: Browser, script: string, css = "", theme: "light" | "dark" = "light"): Promise<Page> {
	const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
	const errors: string[] = [];
	page.on("pageerror", (e) => errors.push(String(e)));
	await page.setContent(`<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body class="theme-${theme}"></body></html>`);
	await page.addScriptTag({ content: script });
	if (errors.length) throw new Error(`page errors: ${errors.join("; ")}`);
	return page;
}

/** Save `test-results/<name>.png`: the viewport, or only the element `selector` matches. */
export async function screenshot(page: Page, name: string, selector?: string): Promise<string> {
	mkdirSync(RESULTS, { recursive: true });
	const path = join(RESULTS, `${name}.png`);
	if (selector) await page.locator(selector).screenshot({ path });
	else await page.screenshot({ path, fullPage: false });
	return path;
}
