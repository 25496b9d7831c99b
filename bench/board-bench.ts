/**
 * The board's first render with 10k vs 100 sources (docs/performance.md), in Chromium
 * through playwright-core as the other browser measurements: a fresh pane per render,
 * small and large alternately, median of the repetitions.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { launch, openPage } from "../tests/e2e/browser";
import { bundlePage } from "./browser-bench";
import { median } from "./measure";

export interface BoardFigures {
	smallMs: number;
	largeMs: number;
	cardsSmall: number;
	cardsLarge: number;
}

type BoardBench = { bench: { prepare: (n: number) => number; render: (n: number) => { ms: number; cards: number; items: number; columns: number } } };

export async function benchBoard(root: string, sizes: { boardSmall: number; boardLarge: number; boardReps: number }): Promise<BoardFigures> {
	const browser = await launch();
	try {
		const css =
			readFileSync(join(root, "styles.css"), "utf8") +
			readFileSync(join(root, "tests", "e2e", "pages", "theme.css"), "utf8") +
			// The main area of a usual window.
			".bench-main-pane { height: 800px; width: 1400px; display: flex; flex-direction: column; }\n";
		const page = await openPage(browser, await bundlePage(root, "bench/pages/board-page.ts"), css);
		for (const n of [sizes.boardSmall, sizes.boardLarge]) await page.evaluate((k) => (window as unknown as BoardBench).bench.prepare(k), n);
		const render = async (n: number) => {
			const r = await page.evaluate((k) => (window as unknown as BoardBench).bench.render(k), n);
			if (r.items !== n || r.cards === 0 || r.columns < 4) throw new Error(`board rendered ${r.cards} cards of ${r.items} sources in ${r.columns} columns (expected ${n} sources)`);
			await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
			return r;
		};
		const small: number[] = [];
		const large: number[] = [];
		let cardsSmall = 0;
		let cardsLarge = 0;
		await render(sizes.boardSmall);
		await render(sizes.boardLarge);
		for (let r = 0; r < sizes.boardReps; r++) {
			const order = r % 2 === 0 ? [sizes.boardSmall, sizes.boardLarge] : [sizes.boardLarge, sizes.boardSmall];
			for (const n of order) {
				const x = await render(n);
				if (n === sizes.boardSmall) {
					small.push(x.ms);
					cardsSmall = x.cards;
				} else {
					large.push(x.ms);
					cardsLarge = x.cards;
				}
			}
		}
		await page.close();
		return { smallMs: median(small), largeMs: median(large), cardsSmall, cardsLarge };
	} finally {
		await browser.close();
	}
}
