/**
 * The triage queue in the right sidebar (docs/reference.md §7): counts per status, filters, a sort,
 * and a virtualised list (`TriageList`) of the sources that need a decision, driven by
 * mouse or keyboard. It reads the plugin's one SourceIndex (never the vault), keeps its
 * queue items per path and updates only the paths an index change names; it re-renders
 * only when the index revision moved and the view is shown. Every action goes through
 * `context.lifecycle` — the one lifecycle implementation.
 */
import { ItemView, Keymap, Notice, TFile, setIcon, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import {
	countByStatus,
	facetValues,
	isQueueSort,
	itemComparator,
	itemMatcher,
	NO_STATUS,
	OrderedItems,
	STATUS_ANY,
	STATUS_NEEDS_DECISION,
	type QueueFilter,
	type QueueItem,
	type QueueSort,
} from "../core/sources/queue";
import { allowedTargets, ARCHIVED, INTEGRATED, reopenStatus } from "../core/sources/lifecycle";
import type { FeatureContext } from "../plugin/context";
import { KEY_HELP, TriageList, type TriageAction } from "./triage-list";
import { FACETS, filterDropdown, isShown, problemCount, refreshItems, SORT_LABELS, TEXT_FILTER_LABEL } from "./queue-view-parts";

export { TriageList, mountTriageList, KEY_HELP, type TriageAction, type TriageListOptions } from "./triage-list";

export const TRIAGE_VIEW_TYPE = "source-lifecycle-triage";

/** How long index changes are gathered before one re-render (a bulk sync fires thousands). */
const RENDER_DELAY_MS = 50;

interface TriageState {
	filter: QueueFilter;
	sort: QueueSort;
}

/** The filter and sort of a saved view state, checked (`setState`; a deferred tab's `getViewState().state`). */
export function savedQuery(state: unknown): Partial<TriageState> {
	const s = (state ?? {}) as Partial<TriageState>;
	const out: Partial<TriageState> = {};
	if (s.filter && typeof s.filter === "object") out.filter = { ...s.filter };
	if (typeof s.sort === "string" && isQueueSort(s.sort)) out.sort = s.sort;
	return out;
}

export class TriageView extends ItemView {
	private filter: QueueFilter = {};
	private sort: QueueSort = "tier";
	private readonly itemsByPath = new Map<string, QueueItem>();
	private list: TriageList | null = null;
	private countsEl: HTMLElement | null = null;
	private filtersEl: HTMLElement | null = null;
	private textInput: HTMLInputElement | null = null;
	private unsubscribe: (() => void) | null = null;
	private renderedRevision = -1;
	private pendingPaths: Set<string> | "all" | null = null;
	private timer: number | null = null;
	private shownItems: QueueItem[] = [];
	/** Every item in the current sort order, updated per change (never re-sorted for one). */
	private order: OrderedItems | null = null;
	private orderKey = "";
	private renderDelay = RENDER_DELAY_MS;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly context: FeatureContext,
	) {
		super(leaf);
		// Deferred-view safe: nothing else here; the work starts in onOpen.
	}

	getViewType(): string {
		return TRIAGE_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Triage queue";
	}

	override getIcon(): string {
		return "list-checks";
	}

	override getState(): Record<string, unknown> {
		return { ...super.getState(), filter: { ...this.filter, text: undefined }, sort: this.sort };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const s = savedQuery(state);
		if (s.filter) this.filter = s.filter;
		if (s.sort) this.sort = s.sort;
		await super.setState(state, result);
		if (this.list) this.render(true);
	}

	override async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("source-lifecycle-triage");
		const header = root.createDiv({ cls: "source-lifecycle-triage-header" });
		const titleRow = header.createDiv({ cls: "source-lifecycle-triage-title-row" });
		this.countsEl = titleRow.createDiv({ cls: "source-lifecycle-triage-counts" });
		const refresh = titleRow.createEl("button", { cls: "clickable-icon source-lifecycle-triage-refresh", attr: { "aria-label": "Refresh", title: "Refresh" } });
		setIcon(refresh, "refresh-cw");
		refresh.addEventListener("click", () => this.refresh());
		this.filtersEl = header.createDiv({ cls: "source-lifecycle-triage-filters" });
		this.textInput = header.createEl("input", {
			cls: "source-lifecycle-triage-search",
			type: "search",
			placeholder: TEXT_FILTER_LABEL,
			attr: { "aria-label": TEXT_FILTER_LABEL },
		});
		this.textInput.value = this.filter.text ?? "";
		this.textInput.addEventListener("input", () => {
			this.filter = { ...this.filter, text: this.textInput?.value ?? "" };
			this.render(false);
			this.app.workspace.requestSaveLayout();
		});
		this.textInput.addEventListener("keydown", (evt) => {
			if (evt.key === "ArrowDown" || evt.key === "Enter") {
				evt.preventDefault();
				this.list?.el.focus();
			}
		});
		this.list = new TriageList(root, {
			onAction: (action, item, evt) => void this.act(action, item, evt),
			actionsFor: (item) => this.actionsFor(item),
			problemsOf: (item) => this.problemsOf(item),
			setIcon,
		});
		this.list.el.addEventListener("keydown", (evt) => {
			if (evt.key !== "/" || evt.ctrlKey || evt.metaKey || evt.altKey) return;
			evt.preventDefault();
			this.textInput?.focus();
		});
		root.createDiv({ cls: "source-lifecycle-triage-help", text: `${KEY_HELP} · / filter` });

		this.unsubscribe = this.context.sourceIndex.index.onChange((paths) => this.onIndexChange(paths));
		this.registerEvent(this.app.workspace.on("layout-change", () => this.flushIfShown()));
		this.registerEvent(this.app.workspace.on("active-leaf-change", () => this.flushIfShown()));
		// A hidden sidebar tab catches up when it is looked at again.
		this.registerDomEvent(this.containerEl, "pointerenter", () => this.flushIfShown());
		this.registerDomEvent(this.containerEl, "focusin", () => this.flushIfShown());
		this.pendingPaths = "all";
		this.flush(true);
	}

	override async onClose(): Promise<void> {
		this.unsubscribe?.();
		this.unsubscribe = null;
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
		this.list?.destroy();
		this.list = null;
		this.contentEl.empty();
	}

	override onResize(): void {
		this.list?.renderRows();
		this.flushIfShown();
	}

	/** Rebuild every item from the index and render (the refresh button). */
	refresh(): void {
		this.pendingPaths = "all";
		this.flush(true);
	}

	/** The queue as currently filtered and sorted ("Open next source in queue" reads it). */
	queueItems(): readonly QueueItem[] {
		if (this.pendingPaths !== null) this.flush(true);
		return this.shownItems;
	}

	/** The list (tests and the next-source command read its selection). */
	get triageList(): TriageList | null {
		return this.list;
	}

	/** Apply gathered index changes and render now, if the view is shown (or `force`). */
	flush(force = false): void {
		if (this.timer !== null) window.clearTimeout(this.timer);
		this.timer = null;
		const pending = this.pendingPaths;
		if (pending === null && this.renderedRevision === this.context.sourceIndex.index.revision) return;
		if (!this.list || (!force && !isShown(this.containerEl))) return;
		this.pendingPaths = null;
		const started = performance.now();
		const index = this.context.sourceIndex.index;
		// A few changes move only their own items; a bulk change re-sorts once.
		this.order = refreshItems(index, pending, this.itemsByPath, this.order);
		this.renderedRevision = index.revision;
		this.render(true);
		// Gather longer when rendering is slow (huge vaults), so a bulk edit never starves the UI.
		this.renderDelay = Math.max(RENDER_DELAY_MS, Math.min(1000, 2 * (performance.now() - started)));
	}

	private flushIfShown(): void {
		if (this.pendingPaths !== null || this.renderedRevision !== this.context.sourceIndex.index.revision) this.flush();
	}

	private onIndexChange(paths: readonly string[]): void {
		if (paths.length === 0) this.pendingPaths = "all";
		else if (this.pendingPaths !== "all") {
			const set = this.pendingPaths ?? new Set<string>();
			for (const p of paths) set.add(p);
			this.pendingPaths = set;
		}
		if (this.timer === null) this.timer = window.setTimeout(() => this.flush(), this.renderDelay);
	}

	/** The items in the current sort order; re-sorted only when the sort or tier order changed. */
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
		const items = this.ordered();
		if (rebuildFilters) {
			this.renderCounts(countByStatus(items, settings));
			this.renderFilters(items);
		}
		this.shownItems = items.filter(itemMatcher(this.filter, settings));
		this.list?.setEmptyText(this.emptyText(items.length));
		this.list?.setItems(this.shownItems);
	}

	private emptyText(total: number): string {
		const prefix = this.context.settings().idPrefix;
		if (total === 0) return `No source notes yet. A note is a source note when its frontmatter id starts with "${prefix}"; new ones appear here with status raw.`;
		const filtered = (this.filter.text ?? "").trim() !== "" || FACETS.some((f) => this.filter[f.field]) || (this.filter.status ?? "") !== STATUS_NEEDS_DECISION;
		if (filtered) return "No source matches these filters. Clear the text or choose another status, platform, tier, teleology or category.";
		return "Nothing needs a decision. Every source is integrated or archived; new sources with status raw appear here.";
	}

	private renderCounts(counts: Record<string, number>): void {
		const el = this.countsEl;
		if (!el) return;
		el.empty();
		for (const [status, n] of Object.entries(counts)) {
			const chip = el.createEl("button", {
				cls: this.filter.status === status ? "source-lifecycle-triage-count is-active" : "source-lifecycle-triage-count",
				attr: { "data-status": status, title: `Show ${status} sources` },
			});
			chip.createSpan({ cls: "source-lifecycle-triage-count-label", text: status });
			chip.createSpan({ cls: "source-lifecycle-triage-count-value", text: String(n) });
			chip.addEventListener("click", () => {
				this.filter = { ...this.filter, status: this.filter.status === status ? STATUS_NEEDS_DECISION : status };
				this.changed("button[data-status]", "data-status", status);
			});
		}
	}

	private renderFilters(items: readonly QueueItem[]): void {
		const el = this.filtersEl;
		if (!el) return;
		el.empty();
		const statuses = [...new Set([...this.context.settings().statuses, ...facetValues(items, "status"), ...(items.some((i) => i.status === null) ? [NO_STATUS] : [])])];
		this.dropdown(el, "status", "Status", [[STATUS_NEEDS_DECISION, "Needs a decision"], [STATUS_ANY, "All statuses"], ...statuses.map((s): [string, string] => [s, s])], this.filter.status ?? STATUS_NEEDS_DECISION, (v) => {
			this.filter = { ...this.filter, status: v };
		});
		for (const f of FACETS) {
			const values = facetValues(items, f.field);
			const current = this.filter[f.field] ?? "";
			if (current && !values.includes(current)) values.push(current);
			this.dropdown(el, f.field, f.label, [["", f.any], ...values.map((v): [string, string] => [v, v])], current, (v) => {
				this.filter = { ...this.filter, [f.field]: v === "" ? null : v };
			});
		}
		this.dropdown(el, "sort", "Sort", Object.entries(SORT_LABELS), this.sort, (v) => {
			if (isQueueSort(v)) this.sort = v;
		});
	}

	private dropdown(parent: HTMLElement, name: string, label: string, options: [string, string][], value: string, set: (v: string) => void): void {
		filterDropdown(parent, name, label, options, value, (v) => {
			set(v);
			this.changed("select[data-filter]", "data-filter", name);
		});
	}

	/**
	 * A filter or sort changed: render again, keep the focus on the control that changed (it
	 * was rebuilt), and have Obsidian save the view's state (filters and sort persist).
	 */
	private changed(selector: string, attribute: string, value: string): void {
		const hadFocus = this.containerEl.contains(this.containerEl.ownerDocument.activeElement);
		this.render(true);
		if (hadFocus) {
			const controls = Array.from(this.containerEl.querySelectorAll<HTMLElement>(selector));
			controls.find((c) => c.getAttribute(attribute) === value)?.focus();
		}
		this.app.workspace.requestSaveLayout();
	}

	private actionsFor(item: QueueItem): TriageAction[] {
		const settings = this.context.settings();
		const targets = allowedTargets(item.status, settings);
		const reopen = reopenStatus(settings);
		const out: TriageAction[] = [];
		if (targets.some((t) => t !== reopen && t !== INTEGRATED && t !== ARCHIVED)) out.push("start");
		if (item.status !== ARCHIVED) out.push("integrate");
		if (targets.includes(ARCHIVED)) out.push("archive");
		if (targets.includes(reopen)) out.push("reopen");
		return out;
	}

	private problemsOf(item: QueueItem): number {
		return problemCount(this.app, this.context.sourceIndex.index, this.context.settings(), item);
	}

	/** Run one action; afterwards the selection moves to the item that followed. */
	private async act(action: TriageAction, item: QueueItem, evt?: MouseEvent | KeyboardEvent): Promise<void> {
		const file = this.app.vault.getAbstractFileByPath(item.path);
		if (!(file instanceof TFile)) {
			new Notice(`Source Lifecycle: ${item.path} no longer exists.`);
			return;
		}
		if (action === "open") {
			// Keymap reads the modifier keys of any event; an `instanceof MouseEvent` check is
			// false for an event from a pop-out window, which has that window's globals.
			await this.app.workspace.getLeaf(Keymap.isModEvent(evt ?? null)).openFile(file);
			return;
		}
		const list = this.list;
		const at = list ? list.indexOf(item.path) : -1;
		const next = list && at >= 0 ? list.itemAt(at + 1) : null;
		const lifecycle = this.context.lifecycle;
		if (action === "integrate") {
			// Only a picker opens here: the source leaves the queue (and the selection moves
			// on to the next one) when the user picks a note, not when the picker opens.
			lifecycle.pickAndIntegrate(file);
			return;
		}
		if (action === "start") await lifecycle.start(file);
		else if (action === "archive") await lifecycle.archive(file);
		else if (action === "reopen") await lifecycle.reopen(file);
		if (!this.list) return;
		this.flush(true);
		const nextAt = next ? this.list.indexOf(next.path) : -1;
		if (nextAt >= 0) this.list.select(nextAt);
		// The row button that was pressed is gone with the re-render: keys go on working in the list.
		this.list.el.focus({ preventScroll: true });
	}
}
