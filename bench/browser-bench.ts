/**
 * The two measurements that need a real browser (Debian's chromium via playwright-core,
 * as the e2e tests): Live Preview decoration cost per update on a 10 MB vs a 10 KB note,
 * and the triage list's first render with 10k vs 100 items.
 */
import { build } from "esbuild";
import { readFileSync } from "fs";
import { join } from "path";
import type { Page } from "playwright-core";
import { launch, openPage } from "../tests/e2e/browser";
import { median } from "./measure";

export async function bundlePage(root: string, entry: string): Promise<string> {
	const result = await build({
		entryPoints: [join(root, entry)],
		bundle: true,
		write: false,
		format: "iife",
		platform: "browser",
		target: "es2020",
		alias: { obsidian: join(root, "tests", "e2e", "pages", "obsidian-shim.ts") },
		logLevel: "silent",
	});
	const file = result.outputFiles[0];
	if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
	return file.text;
}

export interface LivePreviewFigures {
	smallChars: number;
	largeChars: number;
	smallMs: number;
	largeMs: number;
	visibleSmall: number;
	visibleLarge: number;
}

export interface TriageFigures {
	smallMs: number;
	largeMs: number;
	rowsSmall: number;
	rowsLarge: number;
	queueLargeMs: number;
}


export async function benchBrowser(
	root: string,
	sizes: { lpSmall: number; lpLarge: number; lpReps: number; triageSmall: number; triageLarge: number; triageReps: number },
): Promise<{ livePreview: LivePreviewFigures; triage: TriageFigures }> {
	const browser = await launch();
	try {
		const seed = readFileSync(join(root, "tests", "fixtures", "seed-source.md"), "utf8");
		const css =
			readFileSync(join(root, "styles.css"), "utf8") +
			readFileSync(join(root, "tests", "e2e", "pages", "theme.css"), "utf8") +
			// An editor pane and a right sidebar of the usual sizes.
			".bench-editor-pane { height: 600px; overflow: auto; }\n.bench-sidebar-pane { height: 800px; width: 360px; display: flex; flex-direction: column; }\n";

		// Live Preview: two pages, one per note, measured alternately.
		const lpScript = await bundlePage(root, "bench/pages/live-preview-page.ts");
		const small = await openPage(browser, lpScript, css);
		const large = await openPage(browser, lpScript, css);
		const mount = async (page: Page, chars: number) => {
			const r = await page.evaluate(([s, n]) => (window as unknown as { bench: { mount: (s: string, n: number) => { length: number } } }).bench.mount(s, n), [seed, chars] as const);
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
			const st = await page.evaluate(() => (window as unknown as { bench: { state: () => { visible: number; marks: number } } }).bench.state());
			if (st.marks === 0) throw new Error(`Live Preview drew no seek links on the ${chars}-char note`);
			return { length: r.length, visible: st.visible };
		};
		const ms = await mount(small, sizes.lpSmall);
		const ml = await mount(large, sizes.lpLarge);
		const cost = (page: Page) => page.evaluate(() => (window as unknown as { bench: { cost: (m: number) => number } }).bench.cost(100));
		const lpS: number[] = [];
		const lpL: number[] = [];
		await cost(small);
		await cost(large);
		for (let r = 0; r < sizes.lpReps; r++) {
			if (r % 2 === 0) {
				lpS.push(await cost(small));
				lpL.push(await cost(large));
			} else {
				lpL.push(await cost(large));
				lpS.push(await cost(small));
			}
		}
		await small.close();
		await large.close();

		// Triage list: a fresh pane per render, small and large alternately, in one page.
		const trScript = await bundlePage(root, "bench/pages/triage-page.ts");
		const page = await openPage(browser, trScript, css);
		type TriageBench = { bench: { prepare: (n: number) => number; render: (n: number) => { ms: number; rows: number; items: number } } };
		await page.evaluate((n) => (window as unknown as TriageBench).bench.prepare(n), sizes.triageSmall);
		const queueLargeMs = await page.evaluate((n) => (window as unknown as TriageBench).bench.prepare(n), sizes.triageLarge);
		const render = async (n: number) => {
			const r = await page.evaluate((k) => (window as unknown as TriageBench).bench.render(k), n);
			if (r.items !== n || r.rows === 0) throw new Error(`triage list rendered ${r.rows} rows of ${r.items} items (expected ${n} items)`);
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
			return r;
		};
		const trS: number[] = [];
		const trL: number[] = [];
		let rowsSmall = 0;
		let rowsLarge = 0;
		await render(sizes.triageSmall);
		await render(sizes.triageLarge);
		for (let r = 0; r < sizes.triageReps; r++) {
			const order = r % 2 === 0 ? [sizes.triageSmall, sizes.triageLarge] : [sizes.triageLarge, sizes.triageSmall];
			for (const n of order) {
				const x = await render(n);
				if (n === sizes.triageSmall) {
					trS.push(x.ms);
					rowsSmall = x.rows;
				} else {
					trL.push(x.ms);
					rowsLarge = x.rows;
				}
			}
		}
		await page.close();
		return {
			livePreview: { smallChars: ms.length, largeChars: ml.length, smallMs: median(lpS), largeMs: median(lpL), visibleSmall: ms.visible, visibleLarge: ml.visible },
			triage: { smallMs: median(trS), largeMs: median(trL), rowsSmall, rowsLarge, queueLargeMs },
		};
	} finally {
		await browser.close();
	}
}
