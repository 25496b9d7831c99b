/**
 * Bench page: the board (the view's BoardColumns) first rendered with N sources in a
 * main-area-sized pane: splitting the ordered items into status columns, mounting the
 * virtualised columns, style and layout — as the user sees the board open.
 */
import { boardColumns } from "../../src/core/sources/board";
import { itemComparator, toQueueItem, type QueueItem } from "../../src/core/sources/queue";
import { toSourceNote } from "../../src/core/sources/source";
import { DEFAULT_SETTINGS } from "../../src/core/sources/settings";
import { mountBoardColumns } from "../../src/ui/board/board-columns";
import { installDomHelpers } from "../../tests/helpers/dom";
import { sourceFrontmatter, sourcePath } from "../vault";

installDomHelpers();

const ordered = new Map<number, QueueItem[]>();

const bench = {
	/** Items of n generated sources in the board's default order (the view keeps them so). */
	prepare(n: number): number {
		const items: QueueItem[] = [];
		for (let i = 0; i < n; i++) {
			const s = toSourceNote(sourcePath(i), sourceFrontmatter(i), DEFAULT_SETTINGS);
			if (s) items.push(toQueueItem(s));
		}
		ordered.set(n, items.sort(itemComparator("tier", DEFAULT_SETTINGS)));
		return items.length;
	},
	/** ms of the first render of the board with the n prepared sources; cards in the page after it. */
	render(n: number): { ms: number; cards: number; items: number; columns: number } {
		const items = ordered.get(n);
		if (!items) throw new Error(`prepare(${n}) first`);
		document.body.replaceChildren();
		const pane = document.body.createDiv({ cls: "workspace-leaf-content bench-main-pane source-lifecycle-board" });
		const t0 = performance.now();
		const columns = boardColumns(items, {}, DEFAULT_SETTINGS);
		const board = mountBoardColumns(pane, columns, "none", DEFAULT_SETTINGS);
		board.el.getBoundingClientRect(); // style and layout, synchronously
		const ms = performance.now() - t0;
		return { ms, cards: board.renderedCards, items: columns.reduce((s, c) => s + c.items.length, 0), columns: columns.length };
	},
};

(window as unknown as { bench: typeof bench }).bench = bench;
