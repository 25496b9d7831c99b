/**
 * The board's columns: one per status, each a virtualised list of cards (docs/board.md).
 * Only the cards in view (plus a small overscan) are in the page, each at a fixed height
 * over a spacer as tall as the column, so a board of 10,000 sources mounts in about the
 * time of 100. Cards are HTML5-draggable; a drop on a column that takes drops is handed to
 * `onDrop` — the card itself stays where it is until the index says the source moved, so a
 * refused move leaves it in place. Imports nothing from `obsidian` (only the DOM helpers
 * Obsidian installs), so the bench and the browser tests mount it standalone.
 * Every piece of note data goes in as text (`createEl({text})`), never as HTML.
 */
import { columnEntries, type BoardColumn, type BoardEntry, type LaneField } from "../../core/sources/board";
import type { QueueItem } from "../../core/sources/queue";
import type { SourceSettings } from "../../core/sources/settings";

/** Heights in pixels (fixed; styles.css uses the same values). */
export const CARD_HEIGHT = 78;
export const LANE_HEIGHT = 28;

/** The drag data type of board cards: the dragged paths, one a line. */
export const DRAG_TYPE = "application/x-source-lifecycle-paths";

export interface BoardColumnsOptions {
	/** A card was clicked (selection) — with the event, for its modifier keys. */
	onCardClick?: (path: string, evt: MouseEvent) => void;
	/** A card was double-clicked (open the note). */
	onCardOpen?: (path: string, evt: MouseEvent) => void;
	/** Cards were dropped on the column of `status`. */
	onDrop?: (paths: string[], status: string) => void;
	/** The paths a drag of this card carries (the selection when the card is in it). */
	dragPaths?: (path: string) => string[];
	isSelected?: (path: string) => boolean;
	/** The card under the keyboard cursor. */
	cursor?: () => string | null;
	/** Number of validation problems of a card, asked only for rendered cards. */
	problemsOf?: (item: QueueItem) => number;
	/** Viewport height used when a column has no layout yet (hidden, or jsdom). */
	fallbackHeight?: number;
	overscan?: number;
}

interface ColumnView {
	column: BoardColumn;
	el: HTMLElement;
	countEl: HTMLElement;
	list: HTMLElement;
	spacer: HTMLElement;
	entries: BoardEntry[];
	/** Top of each entry; `tops[entries.length]` is the column's height. */
	tops: Float64Array;
	cards: HTMLElement[];
	rendered: { first: number; last: number; revision: number };
}

export class BoardColumns {
	/** The board element; focus it for the keyboard. */
	readonly el: HTMLElement;
	private views = new Map<string, ColumnView>();
	private order: ColumnView[] = [];
	private revision = 0;
	private dragging: string[] | null = null;
	private readonly overscan: number;
	private readonly fallbackHeight: number;

	constructor(
		container: HTMLElement,
		private readonly options: BoardColumnsOptions = {},
	) {
		this.overscan = options.overscan ?? 3;
		this.fallbackHeight = options.fallbackHeight ?? 600;
		this.el = container.createDiv({ cls: "source-lifecycle-board-columns", attr: { tabindex: 0, role: "group", "aria-label": "Sources by status" } });
	}

	/** Show these columns (same status, same element: scroll positions are kept). */
	setColumns(columns: readonly BoardColumn[], lanes: LaneField, settings: Pick<SourceSettings, "tierOrder">): this {
		const next: ColumnView[] = [];
		const keep = new Set(columns.map((c) => c.status));
		for (const [status, view] of this.views) {
			if (!keep.has(status)) {
				view.el.remove();
				this.views.delete(status);
			}
		}
		for (const column of columns) {
			const view = this.views.get(column.status) ?? this.createColumn(column);
			view.column = column;
			view.entries = columnEntries(column.items, lanes, settings);
			view.tops = entryTops(view.entries);
			view.spacer.style.height = `${view.tops[view.entries.length] ?? 0}px`;
			const filtered = column.items.length !== column.total;
			view.countEl.setText(filtered ? `${column.items.length} of ${column.total}` : String(column.total));
			view.el.toggleClass("is-drop-target-allowed", column.configured);
			this.el.appendChild(view.el); // in column order
			next.push(view);
		}
		this.order = next;
		this.revision++;
		this.renderCards();
		return this;
	}

	/** Draw the cards again (selection or cursor changed); cheap, only the visible ones. */
	refresh(): void {
		this.revision++;
		this.renderCards();
	}

	/** Render the cards in view of every column; does nothing for a column where nothing moved. */
	renderCards(): void {
		for (const view of this.order) this.renderColumn(view);
	}

	/** Scroll the card into view in its column (keyboard cursor). */
	scrollToCard(path: string): void {
		for (const view of this.order) {
			const i = view.entries.findIndex((e) => e.kind === "card" && e.item.path === path);
			if (i < 0) continue;
			const top = view.tops[i] ?? 0;
			const height = view.list.clientHeight || this.fallbackHeight;
			if (top < view.list.scrollTop) view.list.scrollTop = top;
			else if (top + CARD_HEIGHT > view.list.scrollTop + height) view.list.scrollTop = top + CARD_HEIGHT - height;
			this.renderColumn(view);
			return;
		}
	}

	/** The card elements in the page (tests, bench). */
	get renderedCards(): number {
		let n = 0;
		for (const view of this.order) n += view.cards.filter((c) => c.hasClass("source-lifecycle-board-card")).length;
		return n;
	}

	destroy(): void {
		this.el.remove();
		this.views.clear();
		this.order = [];
	}

	private createColumn(column: BoardColumn): ColumnView {
		const el = this.el.createDiv({ cls: "source-lifecycle-board-column", attr: { "data-status": column.status } });
		const head = el.createDiv({ cls: "source-lifecycle-board-column-head" });
		head.createSpan({ cls: "source-lifecycle-board-column-title", text: column.status });
		const countEl = head.createSpan({ cls: "source-lifecycle-board-column-count" });
		const list = el.createDiv({ cls: "source-lifecycle-board-list", attr: { role: "listbox", "aria-multiselectable": "true", "aria-label": column.status } });
		const spacer = list.createDiv({ cls: "source-lifecycle-board-spacer" });
		const view: ColumnView = { column, el, countEl, list, spacer, entries: [], tops: new Float64Array(1), cards: [], rendered: { first: -1, last: -1, revision: -1 } };
		list.addEventListener("scroll", () => this.renderColumn(view), { passive: true });
		this.listenForDrops(view);
		this.views.set(column.status, view);
		return view;
	}

	private listenForDrops(view: ColumnView): void {
		const el = view.el;
		el.addEventListener("dragover", (evt) => {
			if (!this.dragging || !view.column.configured) return;
			evt.preventDefault();
			if (evt.dataTransfer) evt.dataTransfer.dropEffect = "move";
			el.addClass("is-drop-target");
		});
		el.addEventListener("dragleave", (evt) => {
			const to = evt.relatedTarget as Node | null;
			if (!to || !el.contains(to)) el.removeClass("is-drop-target");
		});
		el.addEventListener("drop", (evt) => {
			el.removeClass("is-drop-target");
			const paths = this.dragging ?? (evt.dataTransfer?.getData(DRAG_TYPE) ?? "").split("\n").filter((p) => p !== "");
			this.dragging = null;
			if (!view.column.configured || paths.length === 0) return;
			evt.preventDefault();
			this.options.onDrop?.(paths, view.column.status);
		});
	}

	private renderColumn(view: ColumnView): void {
		const n = view.entries.length;
		const height = view.list.clientHeight || this.fallbackHeight;
		const top = view.list.scrollTop;
		const first = Math.max(0, firstAtOrAfter(view.tops, n, top) - 1 - this.overscan);
		const last = Math.min(n, firstAtOrAfter(view.tops, n, top + height) + this.overscan);
		const r = view.rendered;
		if (r.first === first && r.last === last && r.revision === this.revision) return;
		view.rendered = { first, last, revision: this.revision };
		for (const card of view.cards) card.remove();
		view.cards = [];
		for (let i = first; i < last; i++) {
			const entry = view.entries[i];
			if (!entry) continue;
			const el = entry.kind === "lane" ? this.renderLane(view, entry) : this.renderCard(view, entry.item);
			el.style.top = `${view.tops[i] ?? 0}px`;
			view.cards.push(el);
		}
	}

	private renderLane(view: ColumnView, entry: { lane: string; count: number }): HTMLElement {
		const el = view.list.createDiv({ cls: "source-lifecycle-board-lane", attr: { "data-lane": entry.lane } });
		el.style.height = `${LANE_HEIGHT}px`;
		el.createSpan({ cls: "source-lifecycle-board-lane-title", text: entry.lane });
		el.createSpan({ cls: "source-lifecycle-board-lane-count", text: String(entry.count) });
		return el;
	}

	private renderCard(view: ColumnView, item: QueueItem): HTMLElement {
		const selected = this.options.isSelected?.(item.path) ?? false;
		const cursor = this.options.cursor?.() === item.path;
		const cls = ["source-lifecycle-board-card"];
		if (selected) cls.push("is-selected");
		if (cursor) cls.push("is-cursor");
		const card = view.list.createDiv({ cls, attr: { draggable: "true", role: "option", "aria-selected": selected ? "true" : "false", "data-path": item.path } });
		card.style.height = `${CARD_HEIGHT - 6}px`;
		const head = card.createDiv({ cls: "source-lifecycle-board-card-head" });
		head.createSpan({ cls: "source-lifecycle-board-card-title", text: item.title, attr: { title: item.title } });
		const problems = this.options.problemsOf?.(item) ?? 0;
		if (problems > 0) {
			const label = problems === 1 ? "1 problem" : `${problems} problems`;
			head.createSpan({ cls: "source-lifecycle-board-card-problems", text: `⚠ ${problems}`, attr: { title: label, "aria-label": label } });
		}
		if (item.creator) card.createDiv({ cls: "source-lifecycle-board-card-creator", text: item.creator, attr: { title: "Creator" } });
		const meta = card.createDiv({ cls: "source-lifecycle-board-card-meta" });
		const part = (name: string, text: string | null, title: string) => {
			if (text !== null && text !== "") meta.createSpan({ cls: `source-lifecycle-board-card-${name}`, text, attr: { title } });
		};
		part("tier", item.signalTier, "Signal tier");
		part("date", item.datePublished, "Published");
		part("duration", item.duration, "Duration");
		card.addEventListener("click", (evt) => this.options.onCardClick?.(item.path, evt));
		card.addEventListener("dblclick", (evt) => this.options.onCardOpen?.(item.path, evt));
		card.addEventListener("dragstart", (evt) => {
			const paths = this.options.dragPaths?.(item.path) ?? [item.path];
			this.dragging = paths;
			evt.dataTransfer?.setData(DRAG_TYPE, paths.join("\n"));
			evt.dataTransfer?.setData("text/plain", paths.join("\n"));
			if (evt.dataTransfer) evt.dataTransfer.effectAllowed = "move";
			card.addClass("is-dragging");
		});
		card.addEventListener("dragend", () => {
			card.removeClass("is-dragging");
			this.dragging = null;
			for (const v of this.order) v.el.removeClass("is-drop-target");
		});
		return card;
	}
}

/** Top of every entry, and the total height last. */
function entryTops(entries: readonly BoardEntry[]): Float64Array {
	const tops = new Float64Array(entries.length + 1);
	let y = 0;
	for (let i = 0; i < entries.length; i++) {
		tops[i] = y;
		y += entries[i]?.kind === "lane" ? LANE_HEIGHT : CARD_HEIGHT;
	}
	tops[entries.length] = y;
	return tops;
}

/** The first entry whose top is at or below `y` (binary search over the tops). */
function firstAtOrAfter(tops: Float64Array, n: number, y: number): number {
	let lo = 0;
	let hi = n;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if ((tops[mid] ?? 0) < y) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** Mount a board with these columns in `container` (bench and browser tests). */
export function mountBoardColumns(container: HTMLElement, columns: readonly BoardColumn[], lanes: LaneField, settings: Pick<SourceSettings, "tierOrder">, options: BoardColumnsOptions = {}): BoardColumns {
	return new BoardColumns(container, options).setColumns(columns, lanes, settings);
}
