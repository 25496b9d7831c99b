/** SourceIndex: full build from metadata (as `VaultSourceIndex.rebuild` does) and per-event updates. */
import { SourceIndex } from "../src/core/vault/source-index";
import { DEFAULT_SETTINGS } from "../src/core/sources/settings";
import { gc, sideBySide } from "./measure";
import { LINKS_PER_SOURCE, metadataVault, notePath, rng, sourcePath, type MetadataVault } from "./vault";

/** What `VaultSourceIndex.rebuild` does: per file, its frontmatter and its `resolvedLinks` entry. */
export function buildIndex(vault: MetadataVault): SourceIndex {
	const index = new SourceIndex(DEFAULT_SETTINGS);
	feedLinks(index, vault, true);
	index.bump([]);
	return index;
}

/** Per file of the vault: its frontmatter (`notes`) and its links, looked up as the plugin does. */
export function feedLinks(index: SourceIndex, vault: MetadataVault, notes: boolean): void {
	const resolved = vault.resolvedLinks;
	for (const f of vault.files) {
		if (notes) index.setNote(f.path, f.frontmatter, false);
		const links = Object.prototype.hasOwnProperty.call(resolved, f.path) ? resolved[f.path] : undefined;
		if (links) index.setLinks(f.path, links, false);
	}
}

interface UpdateEvent {
	path: string;
	frontmatter: Record<string, unknown> | undefined;
	links: Record<string, number>;
}

/**
 * Events as Obsidian sends them while a user edits: a note's frontmatter (`changed`)
 * and its resolved links (`resolve`). Each integrating note flips between its links and
 * a variant with one source replaced, so the index stays the same size.
 */
function updateEvents(vault: MetadataVault, count: number): UpdateEvent[] {
	const r = rng(42);
	const out: UpdateEvent[] = [];
	const flipped = new Set<number>();
	for (let e = 0; e < count; e++) {
		if (e % 10 === 9) {
			// a SOURCE note's own frontmatter changed (status edit)
			const i = Math.floor(r() * vault.sources);
			const fm = vault.files[i]?.frontmatter ?? {};
			out.push({ path: sourcePath(i), frontmatter: { ...fm, status: e % 20 === 19 ? "integrated" : "raw" }, links: {} });
			continue;
		}
		const j = Math.floor(r() * vault.notes);
		const path = notePath(j);
		const links = { ...(vault.resolvedLinks[path] ?? {}) };
		if (!flipped.has(j)) {
			const first = Object.keys(links)[0];
			if (first) delete links[first];
			links[sourcePath(Math.floor(r() * vault.sources))] = 1;
			flipped.add(j);
		} else flipped.delete(j);
		out.push({ path, frontmatter: vault.files[vault.sources + j]?.frontmatter, links });
	}
	return out;
}

export interface IndexFigures {
	build10kMs: number;
	build100kMs: number;
	update10kUs: number;
	update100kUs: number;
	bytesPerSource: number;
}

export async function benchIndex(small: number, large: number, reps: number, events: number): Promise<IndexFigures> {
	const vSmall = metadataVault(small);
	const vLarge = metadataVault(large);
	const build = await sideBySide(
		{
			small: () => timed(() => buildIndex(vSmall)),
			large: () => timed(() => buildIndex(vLarge)),
		},
		reps,
		1,
		true,
	);

	const iSmall = buildIndex(vSmall);
	const iLarge = buildIndex(vLarge);
	let notified = 0;
	iSmall.onChange(() => notified++);
	iLarge.onChange(() => notified++);
	const eSmall = updateEvents(vSmall, events);
	const eLarge = updateEvents(vLarge, events);
	const apply = (index: SourceIndex, evs: UpdateEvent[]) => () =>
		timed(() => {
			for (const ev of evs) {
				index.setNote(ev.path, ev.frontmatter);
				index.setLinks(ev.path, ev.links);
			}
		});
	const update = await sideBySide({ small: apply(iSmall, eSmall), large: apply(iLarge, eLarge) }, reps, 2);
	if (notified === 0) throw new Error("index updates notified nobody: the bench measured nothing");

	// Retained heap of the 100k index over the metadata it was built from (which Obsidian holds anyway).
	gc();
	const before = process.memoryUsage().heapUsed;
	const held = buildIndex(vLarge);
	gc();
	const after = process.memoryUsage().heapUsed;
	if (held.size !== large) throw new Error(`index holds ${held.size} sources, expected ${large}`);

	return {
		build10kMs: build.small as number,
		build100kMs: build.large as number,
		update10kUs: ((update.small as number) * 1000) / events,
		update100kUs: ((update.large as number) * 1000) / events,
		bytesPerSource: Math.round((after - before) / large),
	};
}

export function timed(fn: () => unknown): number {
	const t0 = performance.now();
	fn();
	return performance.now() - t0;
}

export { LINKS_PER_SOURCE };
