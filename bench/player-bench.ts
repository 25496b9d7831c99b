/**
 * Click → seek (docs/player.md): a real click on a timestamp in reading
 * view until the embedded player receives `seekTo`, in Chromium, with the embed pointed at
 * the fake YouTube player the e2e tests serve on 127.0.0.1. The player is loaded and ready
 * first (loading a video is YouTube's time, not ours); then the clicks alternate between two
 * timestamps, so each one is a real seek. Both clocks are the browser's (epoch-based).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { bundle, launch, openPage } from "../tests/e2e/browser";
import { startFakePlayer } from "../tests/e2e/fake-player";
import type { Player } from "../tests/e2e/pages/player-page";
import { median } from "./measure";

export interface PlayerFigures {
	clickToSeekMs: number;
	worstMs: number;
	clicks: number;
}

declare const player: Player;

type Received = { func?: string; args?: unknown[]; at: number };

export async function benchPlayer(root: string, clicks: number): Promise<PlayerFigures> {
	const [browser, script, fake] = await Promise.all([
		launch(),
		bundle(join(root, "tests", "e2e", "pages", "player-page.ts"), { obsidian: join(root, "tests", "__mocks__", "obsidian.ts") }),
		startFakePlayer(),
	]);
	try {
		const css = ["theme.css", "triage-frame.css", "player-frame.css"].map((f) => readFileSync(join(root, "tests", "e2e", "pages", f), "utf8")).join("\n") + readFileSync(join(root, "styles.css"), "utf8");
		const seed = readFileSync(join(root, "tests", "fixtures", "seed-source.md"), "utf8");
		const body = seed.slice(seed.indexOf("\n---\n", 4) + 5);
		const page = await openPage(browser, script, css);
		await page.setViewportSize({ width: 1100, height: 760 });
		await page.evaluate(([s, endpoint]) => player.start(s, endpoint), [seed, fake.endpoint("normal")] as const);
		await page.evaluate(([md]) => player.renderReading(md, { url: "https://www.youtube.com/watch?v=3x0jhpEj_6o" }), [body] as const);
		const link = (text: string) => page.locator("a.source-lifecycle-seek", { hasText: new RegExp(`^${text}$`) }).first();
		// Load the embed (first click), wait until it is ready.
		await link("8:36").click();
		await page.waitForFunction(() => player.status() === "ready", undefined, { timeout: 10000 });
		const frame = page.frames().find((f) => f.url().startsWith(fake.origin));
		if (!frame) throw new Error("the fake player was never loaded");
		const seeksTo = async (seconds: number) => (await frame.evaluate<Received[]>(() => (window as unknown as { received: Received[] }).received)).filter((m) => m.func === "seekTo" && m.args?.[0] === seconds);
		const times: number[] = [];
		for (let i = 0; i < clicks + 2; i++) {
			const [text, seconds] = i % 2 === 0 ? (["12:18", 738] as const) : (["8:36", 516] as const);
			const before = (await seeksTo(seconds)).length;
			await link(text).click();
			let got: Received[] = [];
			for (let k = 0; k < 200 && (got = await seeksTo(seconds)).length === before; k++) await page.waitForTimeout(5);
			const arrived = got[before];
			if (!arrived) throw new Error(`seekTo(${seconds}) never arrived`);
			const clickedAt = await page.evaluate(() => player.lastClickAt());
			if (i >= 2) times.push(arrived.at - clickedAt);
		}
		if ((await page.evaluate(() => player.opened)).length !== 0) throw new Error("a click opened the browser");
		await page.close();
		return { clickToSeekMs: median(times), worstMs: Math.max(...times), clicks: times.length };
	} finally {
		await browser.close();
		await fake.close();
	}
}
