/**
 * Parts shared by the views over the queue's items, the triage view and the board
 * (docs/reference.md §7, docs/board.md): the facet dropdowns, the sort labels, the text
 * filter's wording, the problem count of a source, and whether a view is on screen.
 * The rules themselves are in src/core/sources/queue.ts.
 */
import type { App } from "obsidian";
import { toQueueItem, type OrderedItems, type QueueItem, type QueueSort } from "../core/sources/queue";
import type { SourceSettings } from "../core/sources/settings";
import { validateSource } from "../core/sources/source";
import type { SourceIndex } from "../core/vault/source-index";

export const SORT_LABELS: Record<QueueSort, string> = {
	tier: "Signal tier",
	date: "Newest first",
	"date-oldest": "Oldest first",
	title: "Title",
};

export type FacetField = "platform" | "signalTier" | "teleology" | "notebooklmCategory";

export const FACETS: { field: FacetField; any: string; label: string }[] = [
	{ field: "platform", any: "All platforms", label: "Platform" },
	{ field: "signalTier", any: "All tiers", label: "Signal tier" },
	{ field: "teleology", any: "All teleologies", label: "Teleology" },
	{ field: "notebooklmCategory", any: "All categories", label: "NotebookLM category" },
];

export const TEXT_FILTER_LABEL = "Filter by title, creator or topic";

/** A labelled `<select>` of `[value, text]` options; `onChange` gets the chosen value. */
export function filterDropdown(parent: HTMLElement, name: string, label: string, options: [string, string][], value: string, onChange: (v: string) => void): HTMLSelectElement {
	const select = parent.createEl("select", { cls: `dropdown source-lifecycle-triage-filter`, attr: { "data-filter": name, "aria-label": label, title: label } });
	for (const [v, text] of options) select.createEl("option", { text, value: v });
	select.value = value;
	select.addEventListener("change", () => onChange(select.value));
	return select;
}

/** True when the element is laid out on screen (Obsidian's `isShown`; attached, in tests). */
export function isShown(el: HTMLElement): boolean {
	const fn = (el as Partial<Pick<HTMLElement, "isShown">>).isShown;
	return typeof fn === "function" ? fn.call(el) : el.isConnected;
}

/** Number of validation problems of a source (docs/reference.md §2), links resolved by Obsidian. */
export function problemCount(app: App, index: SourceIndex, settings: SourceSettings, item: QueueItem): number {
	const source = index.getSource(item.path);
	if (!source) return 0;
	const cache = app.metadataCache;
	return validateSource(source, settings, (linkpath, from) => cache.getFirstLinkpathDest(linkpath, from) !== null).length;
}

/** Above this many changed sources at once, one re-sort costs less than moving each item. */
const RESORT_ABOVE = 2000;

/**
 * Bring a view's items up to date with the index: every item again (`pending` "all" or
 * null), or only the changed sources, each moved alone in `order`. Returns the order to
 * keep (null: re-sort on next use).
 */
export function refreshItems(index: SourceIndex, pending: ReadonlySet<string> | "all" | null, itemsByPath: Map<string, QueueItem>, order: OrderedItems | null): OrderedItems | null {
	if (pending === "all" || pending === null) {
		itemsByPath.clear();
		for (const s of index.sources()) itemsByPath.set(s.path, toQueueItem(s));
		return null;
	}
	const kept = pending.size > RESORT_ABOVE ? null : order;
	for (const path of pending) {
		const s = index.getSource(path);
		const before = itemsByPath.get(path);
		const after = s ? toQueueItem(s) : undefined;
		if (after) itemsByPath.set(path, after);
		else itemsByPath.delete(path);
		kept?.update(before, after);
	}
	return kept;
}
