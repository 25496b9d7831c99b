/**
 * The board in the main area (docs/board.md): a column per configured status, a card per
 * source, the triage queue's filters, text filter and sorts, optional swimlanes. Drag a card
 * (or the selection) to a column, or press `[` / `]`, and the lifecycle moves it
 * (`BoardMover`: the lifecycle actions and the one writer). It reads the one SourceIndex,
 * keeps its items per path in `OrderedItems`, gathers index changes for 50 ms and renders
 * once, and only when shown — as the triage view does. Pop-out safe: timers and the
 * document come from the view's own element, events are checked with `instanceOf`.
 */
import { ItemView, Keymap, Notice, TFile, setIcon, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { boardColumns, isLaneField, neighbourStatus, type BoardColumn, type LaneField } from "../../core/sources/board";
import { BoardSelection } from "../../core/sources/board-selection";
import { facetValues, isQueueSort, itemComparator, OrderedItems, type QueueFilter, type QueueItem, type QueueSort } from "../../core/sources/queue";
import type { FeatureContext } from "../../plugin/context";
import { FACETS, filterDropdown, isShown, problemCount, refreshItems, SORT_LABELS, TEXT_FILTER_LABEL } from "../queue-view-parts";
import { BoardColumns } from "./board-columns";
import { BoardMover, type MoveSummary } from "./board-moves";

export const BOARD_VIEW_TYPE = "source-lifecycle-board";

const RENDER_DELAY_MS = 50;

const LANE_LABELS: Record<LaneField, string> = { none: "No swimlanes", signalTier: "Lanes by signal tier", notebooklmCategory: "Lanes by NotebookLM category" };

export const BOARD_KEY_HELP = "←/→ column · ↑/↓ card (Shift extends) · Space select · [ / ] move to previous / next column · Enter open · Esc clear · / filter";

interface BoardState {
	filter: QueueFilter;
	sort: QueueSort;
	lanes: LaneField;
}

export class BoardView extends ItemView {
	private filter: QueueFilter = {};
	private sort: QueueSort = "tier";
	private lanes: LaneField = "none";
	private readonly itemsByPath = new Map<string, QueueItem>();
	private order: OrderedItems | null = null;
	private orderKey = "";
	private columns: BoardColumn[] = [];
	private board: BoardColumns | null = null;
	private readonly selection = new BoardSelection();
	readonly mover: BoardMover;
	private filtersEl: HTMLElement | null = null;
	private selectionEl: HTMLElement | null = null;
	private textInput: HTMLInputElement | null = null;
	private unsubscribe: (() => void) | null = null;
	private pendingPaths: Set<string> | "all" | null = null;
	private renderedRevision = -1;
	private timer: number | null = null;
	private renderedSettings = "";

	constructor(
		leaf: WorkspaceLeaf,
		private readonly context: FeatureContext,
	) {
		super(leaf);
		this.mover = new BoardMover(context);
		// Deferred-view safe: nothing else here; the work starts in onOpen.
	}

	getViewType(): string {
		return BOARD_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Source board";
	}

	override getIcon(): string {
		return "square-kanban";
	}

	override getState(): Record<string, unknown> {
		return { ...super.getState(), filter: { ...this.filter, text: undefined }, sort: this.sort, lanes: this.lanes };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const s = (state ?? {}) as Partial<BoardState>;
		if (s.filter && typeof s.filter === "object") this.filter = { ...s.filter };
		if (typeof s.sort === "string" && isQueueSort(s.sort)) this.sort = s.sort;
		if (isLaneField(s.lanes)) this.lanes = s.lanes;
		await super.setState(state, result);
		if (this.board) this.render(true);
	}

	override async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("source-lifecycle-board");
		const header = root.createDiv({ cls: "source-lifecycle-board-header" });
		this.filtersEl = header.createDiv({ cls: "source-lifecycle-triage-filters source-lifecycle-board-filters" });
		this.textInput = header.createEl("input", { cls: "source-lifecycle-triage-search source-lifecycle-board-search", type: "search", placeholder: TEXT_FILTER_LABEL, attr: { "aria-label": TEXT_FILTER_LABEL } });
		this.textInput.value = this.filter.text ?? "";
		this.textInput.addEventListener("input", () => {
			this.filter = { ...this.filter, text: this.textInput?.value ?? "" };
			this.render(false);
		});
		this.textInput.addEventListener("keydown", (evt) => {
			if (evt.key === "ArrowDown" || evt.key === "Enter") {
				evt.preventDefault();
				this.board?.el.focus();
			}
		});
		const refresh = header.createEl("button", { cls: "clickable-icon source-lifecycle-board-refresh", attr: { "aria-label": "Refresh", title: "Refresh" } });
		setIcon(refresh, "refresh-cw");
		refresh.addEventListener("click", () => this.refresh());
		this.selectionEl = root.createDiv({ cls: "source-lifecycle-board-selection" });
		this.board = new BoardColumns(root, {
			onCardClick: (path, evt) => this.clickCard(path, evt),
			onCardOpen: (path, evt) => void this.openNote(path, Boolean(Keymap.isModEvent(evt))),
			onDrop: (paths, status) => void this.moveTo(paths, status),
			dragPaths: (path) => (this.selection.isSelected(path) ? this.selection.paths : [path]),
			isSelected: (path) => this.selection.isSelected(path),
			cursor: () => this.selection.cursor,
			problemsOf: (item) => problemCount(this.app, this.context.sourceIndex.index, this.context.settings(), item),
		});
		this.registerDomEvent(this.board.el, "keydown", (evt) => this.handleKey(evt));
		root.createDiv({ cls: "source-lifecycle-triage-help source-lifecycle-board-help", text: BOARD_KEY_HELP });

		this.unsubscribe = this.context.sourceIndex.index.onChange((paths) => this.onIndexChange(paths));
		this.registerEvent(this.app.workspace.on("layout-change", () => this.flushIfShown()));
		this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.flushIfShown()));
		this.registerDomEvent(this.containerEl, "pointerenter", () => this.flushIfShown());
		this.registerDomEvent(this.containerEl, "focusin", () => this.flushIfShown());
		this.pendingPaths = "all";
		this.flush(true);
	}

	override async onClose(): Promise<void> {
		this.unsubscribe?.();
		this.unsubscribe = null;
		this.mover.cancel();
		if (this.timer !== null) this.containerEl.win.clearTimeout(this.timer);
		this.timer = null;
		this.board?.destroy();
		this.board = null;
		this.contentEl.empty();
	}

	override onResize(): void {
		this.board?.renderCards();
		this.flushIfShown();
	}

	/** Rebuild every card from the index and render (the refresh button). */
	refresh(): void {
		this.pendingPaths = "all";
		this.flush(true);
	}

	/** The columns as shown (tests read them). */
	get shownColumns(): readonly BoardColumn[] {
		return this.columns;
	}

	get boardColumns(): BoardColumns | null {
		return this.board;
	}

	get selected(): BoardSelection {
		return this.selection;
	}

	/** Apply gathered index changes and render now, if the view is shown (or `force`). */
	flush(force = false): void {
		if (this.timer !== null) this.containerEl.win.clearTimeout(this.timer);
		this.timer = null;
		const index = this.context.sourceIndex.index;
		const pending = this.pendingPaths;
		if (pending === null && this.renderedRevision === index.revision) return;
		if (!this.board || (!force && !isShown(this.containerEl))) return;
		this.pendingPaths = null;
		// A few changes move only their own items; a bulk change re-sorts once.
		this.order = refreshItems(index, pending, this.itemsByPath, this.order);
		this.renderedRevision = index.revision;
		this.render(true);
	}

	private flushIfShown(): void {
		// Statuses or tier order changed in the settings: columns and order follow when the board is next looked at.
		if (this.settingsKey() !== this.renderedSettings && this.board && isShown(this.containerEl)) this.render(true);
		if (this.pendingPaths !== null || this.renderedRevision !== this.context.sourceIndex.index.revision) this.flush();
	}

	private settingsKey(): string {
		const s = this.context.settings();
		return `${s.statuses.join("\n")}\u0000${s.tierOrder.join("\n")}`;
	}

	private onIndexChange(paths: readonly string[]): void {
		if (paths.length === 0) this.pendingPaths = "all";
		else if (this.pendingPaths !== "all") {
			const set = this.pendingPaths ?? new Set<string>();
			for (const p of paths) set.add(p);
			this.pendingPaths = set;
		}
		if (this.timer === null) this.timer = this.containerEl.win.setTimeout(() => this.flush(), RENDER_DELAY_MS);
	}

	private ordered(): readonly QueueItem[] {
		const settings = this.context.settings();
		const key = `${this.sort}\n${settings.tierOrder.join("\n")}`;
		if (!this.order || key !== this.orderKey) {
			this.order = new OrderedItems(itemComparator(this.sort, settings));
			this.order.reset(this.itemsByPath.values());
			this.orderKey = key;
		}
		return this.order.items;
	}

	private render(rebuildFilters: boolean): void {
		const settings = this.context.settings();
		this.renderedSettings = this.settingsKey();
		const items = this.ordered();
		if (rebuildFilters) this.renderFilters(items);
		this.columns = boardColumns(items, this.filter, settings);
		this.selection.setLayout(this.columns.map((c) => c.items.map((i) => i.path)));
		this.board?.setColumns(this.columns, this.lanes, settings);
		this.renderSelectionBar();
	}

	private renderFilters(items: readonly QueueItem[]): void {
		const el = this.filtersEl;
		if (!el) return;
		const hadFocus = el.contains(el.doc.activeElement);
		const focused = el.doc.activeElement?.getAttribute("data-filter") ?? null;
		el.empty();
		for (const f of FACETS) {
			const values = facetValues(items, f.field);
			const current = this.filter[f.field] ?? "";
			if (current && !values.includes(current)) values.push(current);
			filterDropdown(el, f.field, f.label, [["", f.any], ...values.map((v): [string, string] => [v, v])], current, (v) => {
				this.filter = { ...this.filter, [f.field]: v === "" ? null : v };
				this.changed();
			});
		}
		filterDropdown(el, "sort", "Sort", Object.entries(SORT_LABELS), this.sort, (v) => {
			if (isQueueSort(v)) this.sort = v;
			this.changed();
		});
		filterDropdown(el, "lanes", "Swimlanes", Object.entries(LANE_LABELS), this.lanes, (v) => {
			if (isLaneField(v)) this.lanes = v;
			this.changed();
		});
		if (hadFocus && focused) el.querySelector<HTMLElement>(`[data-filter="${focused}"]`)?.focus();
	}

	/** A filter, sort or lane choice changed: render, and have Obsidian save the view's state. */
	private changed(): void {
		this.render(true);
		this.app.workspace.requestSaveLayout();
	}

	private renderSelectionBar(): void {
		const el = this.selectionEl;
		if (!el) return;
		el.empty();
		const n = this.selection.size;
		el.toggleClass("is-empty", n === 0);
		if (n === 0) return;
		el.createSpan({ cls: "source-lifecycle-board-selection-count", text: `${n} selected` });
		const statuses = this.columns.filter((c) => c.configured).map((c): [string, string] => [c.status, c.status]);
		const select = filterDropdown(el, "move-to", "Move selection to", [["", "Move to…"], ...statuses], "", (to) => {
			if (to !== "") void this.moveTo(this.selection.paths, to);
			select.value = "";
		});
		const clear = el.createEl("button", { cls: "source-lifecycle-board-clear", text: "Clear selection" });
		clear.addEventListener("click", () => {
			this.selection.clear();
			this.selectionChanged();
		});
	}

	private selectionChanged(): void {
		this.board?.refresh();
		const cursor = this.selection.cursor;
		if (cursor !== null) this.board?.scrollToCard(cursor);
		this.renderSelectionBar();
	}

	private clickCard(path: string, evt: MouseEvent): void {
		this.selection.click(path, { range: evt.shiftKey, toggle: Boolean(Keymap.isModEvent(evt)) });
		this.selectionChanged();
		this.board?.el.focus({ preventScroll: true });
	}

	/** Keyboard on the board: the cursor, the selection, moves; every drag has a key. */
	handleKey(evt: KeyboardEvent): void {
		const mod = evt.ctrlKey || evt.metaKey;
		if (evt.altKey || (mod && evt.key !== "a")) return;
		// A focused control keeps its keys.
		const tag = (evt.target as { tagName?: unknown } | null)?.tagName;
		if (tag === "INPUT" || tag === "SELECT" || tag === "BUTTON" || tag === "TEXTAREA") return;
		let handled = true;
		switch (evt.key) {
			case "ArrowLeft":
			case "h":
				this.selection.moveCursor(-1, 0);
				break;
			case "ArrowRight":
			case "l":
				this.selection.moveCursor(1, 0);
				break;
			case "ArrowUp":
			case "k":
				this.selection.moveCursor(0, -1, evt.shiftKey);
				break;
			case "ArrowDown":
			case "j":
				this.selection.moveCursor(0, 1, evt.shiftKey);
				break;
			case "Home":
				this.selection.moveToEnd("first", evt.shiftKey);
				break;
			case "End":
				this.selection.moveToEnd("last", evt.shiftKey);
				break;
			case " ":
				this.selection.toggleCursor();
				break;
			case "Escape":
				this.selection.clear();
				break;
			case "a":
				if (mod) this.selection.selectColumn();
				else handled = false;
				break;
			case "[":
			case "]":
				void this.moveByKey(evt.key === "]" ? 1 : -1);
				break;
			case "Enter": {
				const cursor = this.selection.cursor;
				if (cursor !== null) void this.openNote(cursor, Boolean(Keymap.isModEvent(evt)));
				break;
			}
			case "/":
				this.textInput?.focus();
				break;
			default:
				handled = false;
		}
		if (!handled) return;
		evt.preventDefault();
		this.selectionChanged();
	}

	/** `[` / `]`: the selection (or the card under the cursor) to the previous / next column. */
	private moveByKey(delta: -1 | 1): Promise<MoveSummary | null> {
		const paths = this.selection.targets();
		const cursor = this.selection.cursor;
		const from = this.itemsByPath.get(cursor ?? paths[0] ?? "")?.status ?? null;
		const to = neighbourStatus(this.columns, from, delta);
		if (paths.length === 0) return Promise.resolve(null);
		if (to === null) {
			new Notice(`There is no column ${delta > 0 ? "after" : "before"} ${from ?? "this one"}.`);
			return Promise.resolve(null);
		}
		return this.moveTo(paths, to);
	}

	/** Move these sources to `to` through the lifecycle (one at once; several after a confirm). */
	async moveTo(paths: readonly string[], to: string): Promise<MoveSummary | null> {
		const items = paths.map((p) => this.itemsByPath.get(p)).filter((i): i is QueueItem => i !== undefined);
		if (items.length === 0) return null;
		const summary = await this.mover.request(items, to);
		// The index reports the writes; render them now rather than after the batch delay.
		if (summary) this.flush(true);
		this.board?.el.focus({ preventScroll: true });
		return summary;
	}

	private async openNote(path: string, newTab: boolean): Promise<void> {
		const file = this.app.vault.getAbstractFileByPath(path);
		if (!(file instanceof TFile)) {
			new Notice(`Source Lifecycle: ${path} no longer exists.`);
			return;
		}
		await this.app.workspace.getLeaf(newTab).openFile(file);
	}
}
