/** `queue <vault> [--json]`: the sources that need a decision, in queue order, with counts per status (docs/reference.md §9). */
import { countByStatus, queueOf, toQueueItem } from "../../core/sources/queue";
import { validateSource } from "../../core/sources/source";
import type { CliArgs } from "../args";
import type { LoadedVault } from "../load";
import { table, type CommandResult } from "../output";

export function queue(loaded: LoadedVault, _args: CliArgs): CommandResult {
	const { index, resolver, settings } = loaded;
	const all = [...index.sources()].map(toQueueItem);
	const counts = countByStatus(all, settings);
	const exists = (linkpath: string, from: string) => resolver.resolve(linkpath, from) !== null;
	const items = queueOf(all, {}, settings).map((q) => {
		const source = index.getSource(q.path);
		return {
			path: q.path,
			id: q.id,
			title: q.title,
			status: q.status,
			platform: q.platform,
			creator: q.creator,
			signalTier: q.signalTier,
			datePublished: q.datePublished,
			duration: q.duration,
			teleology: q.teleology,
			notebooklmCategory: q.notebooklmCategory,
			topics: q.topics,
			url: source?.url ?? null,
			problems: source ? validateSource(source, settings, exists) : [],
		};
	});
	const rows = items.map((i) => [i.status ?? "-", i.signalTier ?? "-", i.datePublished ?? "-", i.title, i.path]);
	const summary = `${items.length} ${items.length === 1 ? "source needs" : "sources need"} a decision (${Object.entries(counts).map(([s, n]) => `${s}: ${n}`).join(", ")})`;
	return {
		json: { counts, items },
		text: (rows.length ? table(["status", "tier", "published", "title", "path"], rows) + "\n" : "") + summary,
		errors: loaded.errors,
	};
}
