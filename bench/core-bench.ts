/** Pure-core hot paths: sync planning over the index, and the timestamp scan of a big note. */
import { readFileSync } from "fs";
import { join } from "path";
import { planSync } from "../src/core/vault/backlinks";
import { LinkResolver } from "../src/core/vault/links";
import { DEFAULT_SETTINGS } from "../src/core/sources/settings";
import { SourceIndex } from "../src/core/vault/source-index";
import { scanTimestamps } from "../src/core/markdown/timestamps";
import { feedLinks } from "./index-bench";
import { sideBySide } from "./measure";
import { metadataVault, type MetadataVault } from "./vault";

export interface SyncFigures {
	smallMs: number;
	largeMs: number;
	plansSmall: number;
	plansLarge: number;
}

/**
 * Backlink inversion + sync planning, as a bulk "sync all sources" does it: the index gets
 * every note's resolved links (inverting them into source → integrating notes), then
 * `planSync` plans every source. The notes' frontmatter is fed beforehand, untimed.
 */
export async function benchSync(small: number, large: number, reps: number): Promise<SyncFigures> {
	const prepare = (vault: MetadataVault) => {
		const resolver = new LinkResolver(vault.files.map((f) => f.path));
		return () => {
			const index = new SourceIndex(DEFAULT_SETTINGS);
			for (const f of vault.files) index.setNote(f.path, f.frontmatter, false);
			return { index, resolver, vault };
		};
	};
	const run = (fresh: () => { index: SourceIndex; resolver: LinkResolver; vault: MetadataVault }) => {
		const { index, resolver, vault } = fresh();
		const t0 = performance.now();
		feedLinks(index, vault, false);
		const plans = planSync(index, resolver, DEFAULT_SETTINGS, "2026-03-01");
		const ms = performance.now() - t0;
		counts.set(vault.sources, plans.length);
		return ms;
	};
	const counts = new Map<number, number>();
	const s = prepare(metadataVault(small));
	const l = prepare(metadataVault(large));
	const t = await sideBySide({ small: () => run(s), large: () => run(l) }, reps, 1, true);
	const plansSmall = counts.get(small) ?? 0;
	const plansLarge = counts.get(large) ?? 0;
	if (plansSmall !== small || plansLarge !== large) throw new Error(`sync planned ${plansSmall}/${small} and ${plansLarge}/${large} sources; expected all`);
	return { smallMs: t.small as number, largeMs: t.large as number, plansSmall, plansLarge };
}

export interface TimestampFigures {
	chars: number;
	scanMs: number;
	regexMs: number;
	timestamps: number;
	regexMatches: number;
}

/** The seed note, then its body again and again, to about `chars` characters (as the Live Preview bench). */
export function bigNote(seed: string, chars: number): string {
	const body = seed.slice(seed.indexOf("\n---\n", 4) + 5);
	const parts = [seed];
	for (let n = seed.length; n < chars; n += body.length) parts.push(body);
	return parts.join("");
}

/** Timestamp scan of a whole big note vs one bare regex pass over it, alternating. */
export async function benchTimestamps(root: string, chars: number, reps: number): Promise<TimestampFigures> {
	const text = bigNote(readFileSync(join(root, "tests", "fixtures", "seed-source.md"), "utf8"), chars);
	let timestamps = 0;
	let regexMatches = 0;
	const scan = () => {
		const t0 = performance.now();
		timestamps = scanTimestamps(text).timestamps.length;
		return performance.now() - t0;
	};
	const regex = () => {
		const t0 = performance.now();
		const re = /\d{1,3}:\d\d/g;
		let n = 0;
		while (re.exec(text) !== null) n++;
		regexMatches = n;
		return performance.now() - t0;
	};
	const t = await sideBySide({ scan, regex }, reps, 3, true);
	if (timestamps === 0) throw new Error("the timestamp scan found nothing: nothing measured");
	return { chars: text.length, scanMs: t.scan as number, regexMs: t.regex as number, timestamps, regexMatches };
}
