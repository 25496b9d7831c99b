/**
 * Bench page: the triage queue's list (the view's virtualised TriageList) mounted with N
 * items in a sidebar-sized pane; first render = mount + style + layout, as the user sees it.
 */
import { STATUS_ANY, toQueueItem, queueOf, type QueueItem } from "../../src/core/sources/queue";
import { toSourceNote } from "../../src/core/sources/source";
import { DEFAULT_SETTINGS } from "../../src/core/sources/settings";
import { mountTriageList } from "../../src/ui/triage-list";
import { installDomHelpers } from "../../tests/helpers/dom";
import { sourceFrontmatter, sourcePath } from "../vault";

installDomHelpers();

const queues = new Map<number, QueueItem[]>();

const bench = {
	/** Queue items of n generated sources, in the view's default order (ms it took). */
	prepare(n: number): number {
		const items: QueueItem[] = [];
		for (let i = 0; i < n; i++) {
			const s = toSourceNote(sourcePath(i), sourceFrontmatter(i), DEFAULT_SETTINGS);
			if (s) items.push(toQueueItem(s));
		}
		const t0 = performance.now();
		const queue = queueOf(items, { filter: { status: STATUS_ANY }, sort: "tier" }, DEFAULT_SETTINGS);
		const ms = performance.now() - t0;
		queues.set(n, queue);
		return ms;
	},
	/** ms of the first render of the list with the n prepared items; rows in the DOM after it. */
	render(n: number): { ms: number; rows: number; items: number } {
		const items = queues.get(n);
		if (!items) throw new Error(`prepare(${n}) first`);
		document.body.replaceChildren();
		const pane = document.body.appendChild(document.createElement("div"));
		pane.className = "workspace-leaf-content bench-sidebar-pane";
		const t0 = performance.now();
		const list = mountTriageList(pane, items);
		list.el.getBoundingClientRect(); // style and layout, synchronously
		const ms = performance.now() - t0;
		return { ms, rows: pane.querySelectorAll(".source-lifecycle-triage-row").length, items: items.length };
	},
};

(window as unknown as { bench: typeof bench }).bench = bench;
