/**
 * The triage queue's list: a virtualised, keyboard-driven list of queue items.
 * Only the rows in view (plus a small overscan) are in the DOM, each at a fixed height
 * over a spacer as tall as the whole list, so mounting 10,000 items costs about what
 * mounting 100 does. Imports nothing from `obsidian` (only the DOM helpers Obsidian
 * installs), so the bench and the browser tests mount it standalone:
 * `new TriageList(container, options).setItems(items)`.
 * Every piece of note data goes in as text (`createEl({text})`), never as HTML.
 */
import type { QueueItem } from "../core/sources/queue";

export type TriageAction = "open" | "start" | "integrate" | "archive" | "reopen";

export interface TriageListOptions {
	/** Row height in pixels (fixed; styles.css uses the same value). */
	rowHeight?: number;
	/** Rows rendered above and below the visible ones. */
	overscan?: number;
	/** Viewport height used when the element has no layout yet (hidden, or jsdom). */
	fallbackHeight?: number;
	/** The user opened or acted on an item (click, button, or key). */
	onAction?: (action: TriageAction, item: QueueItem, evt?: MouseEvent | KeyboardEvent) => void;
	/** Which action buttons an item shows (default: all four). */
	actionsFor?: (item: QueueItem) => readonly TriageAction[];
	/** Number of validation problems of an item, asked only for rendered rows. */
	problemsOf?: (item: QueueItem) => number;
	/** Puts an icon in a button (Obsidian's `setIcon`); without it buttons show text. */
	setIcon?: (el: HTMLElement, icon: string) => void;
}

export const ROW_HEIGHT = 58;

const KEYS: Record<string, TriageAction> = { Enter: "open", s: "start", i: "integrate", a: "archive", r: "reopen" };

const BUTTONS: { action: Exclude<TriageAction, "open">; icon: string; label: string; short: string }[] = [
	{ action: "start", icon: "play", label: "Start (s)", short: "Start" },
	{ action: "integrate", icon: "file-input", label: "Integrate into note… (i)", short: "Integrate" },
	{ action: "archive", icon: "archive", label: "Archive (a)", short: "Archive" },
	{ action: "reopen", icon: "rotate-ccw", label: "Reopen (r)", short: "Reopen" },
];

export const KEY_HELP = "j/k or ↑/↓ move · Enter open · s start · i integrate into note… · a archive · r reopen";

export class TriageList {
	/** The scrolling element; focus it for keyboard navigation. */
	readonly el: HTMLElement;
	private readonly spacer: HTMLElement;
	private readonly emptyEl: HTMLElement;
	private items: readonly QueueItem[] = [];
	private rows: HTMLElement[] = [];
	private selected = -1;
	private rendered = { first: -1, last: -1, revision: -1 };
	private revision = 0;
	private readonly rowHeight: number;
	private readonly overscan: number;
	private readonly fallbackHeight: number;
	private readonly onScroll = () => this.renderRows();
	private readonly onKey = (evt: KeyboardEvent) => this.handleKey(evt);

	constructor(
		container: HTMLElement,
		private readonly options: TriageListOptions = {},
	) {
		this.rowHeight = options.rowHeight ?? ROW_HEIGHT;
		this.overscan = options.overscan ?? 4;
		this.fallbackHeight = options.fallbackHeight ?? 600;
		this.el = container.createDiv({ cls: "source-lifecycle-triage-list", attr: { tabindex: 0, role: "listbox", "aria-label": "Sources that need a decision" } });
		this.spacer = this.el.createDiv({ cls: "source-lifecycle-triage-spacer" });
		this.emptyEl = container.createDiv({ cls: "source-lifecycle-triage-empty" });
		this.emptyEl.toggleClass("source-lifecycle-hidden", true);
		this.el.addEventListener("scroll", this.onScroll, { passive: true });
		this.el.addEventListener("keydown", this.onKey);
	}

	/** Replace the items; the selection follows its item by path, else keeps its place. */
	setItems(items: readonly QueueItem[], selectPath?: string | null): this {
		const before = this.selectedItem?.path ?? null;
		const index = this.selected;
		this.items = items;
		const wanted = selectPath ?? before;
		const at = wanted === null ? -1 : this.indexOf(wanted);
		this.selected = at >= 0 ? at : items.length === 0 ? -1 : Math.min(Math.max(index, 0), items.length - 1);
		this.spacer.style.height = `${items.length * this.rowHeight}px`;
		this.emptyEl.toggleClass("source-lifecycle-hidden", items.length > 0);
		this.el.toggleClass("source-lifecycle-hidden", items.length === 0);
		this.revision++;
		this.renderRows();
		return this;
	}

	/** The text shown when there are no items (say what to do). */
	setEmptyText(text: string): void {
		this.emptyEl.setText(text);
	}

	get size(): number {
		return this.items.length;
	}

	get selectedIndex(): number {
		return this.selected;
	}

	get selectedItem(): QueueItem | null {
		return this.items[this.selected] ?? null;
	}

	itemAt(index: number): QueueItem | null {
		return this.items[index] ?? null;
	}

	indexOf(path: string): number {
		return this.items.findIndex((i) => i.path === path);
	}

	/** Select an item and scroll it into view. */
	select(index: number): void {
		if (this.items.length === 0) return;
		this.selected = Math.min(Math.max(index, 0), this.items.length - 1);
		const top = this.selected * this.rowHeight;
		const height = this.viewportHeight();
		if (top < this.el.scrollTop) this.el.scrollTop = top;
		else if (top + this.rowHeight > this.el.scrollTop + height) this.el.scrollTop = top + this.rowHeight - height;
		this.revision++;
		this.renderRows();
	}

	move(delta: number): void {
		this.select(this.selected < 0 ? 0 : this.selected + delta);
	}

	/** Keyboard: j/k or arrows move, Home/End, PageUp/PageDown, Enter and the action keys. */
	handleKey(evt: KeyboardEvent): boolean {
		if (evt.ctrlKey || evt.metaKey || evt.altKey) return false;
		// A focused button in a row keeps its own keys: Enter or Space presses it (and must not open the selected note).
		if (evt.target !== this.el && isControl(evt.target)) return false;
		const page = Math.max(1, Math.floor(this.viewportHeight() / this.rowHeight) - 1);
		let handled = true;
		switch (evt.key) {
			case "j":
			case "ArrowDown":
				this.move(1);
				break;
			case "k":
			case "ArrowUp":
				this.move(-1);
				break;
			case "Home":
				this.select(0);
				break;
			case "End":
				this.select(this.items.length - 1);
				break;
			case "PageDown":
				this.move(page);
				break;
			case "PageUp":
				this.move(-page);
				break;
			default: {
				const action = KEYS[evt.key];
				const item = this.selectedItem;
				if (action && item) this.options.onAction?.(action, item, evt);
				else handled = false;
			}
		}
		if (handled) evt.preventDefault();
		return handled;
	}

	/** Render the rows in view; cheap to call, does nothing when nothing moved. */
	renderRows(): void {
		const n = this.items.length;
		const height = this.viewportHeight();
		const first = Math.max(0, Math.floor(this.el.scrollTop / this.rowHeight) - this.overscan);
		const last = Math.min(n, Math.ceil((this.el.scrollTop + height) / this.rowHeight) + this.overscan);
		const r = this.rendered;
		if (r.first === first && r.last === last && r.revision === this.revision) return;
		this.rendered = { first, last, revision: this.revision };
		for (const row of this.rows) row.remove();
		this.rows = [];
		for (let i = first; i < last; i++) this.renderRow(i);
	}

	destroy(): void {
		this.el.removeEventListener("scroll", this.onScroll);
		this.el.removeEventListener("keydown", this.onKey);
		this.el.remove();
		this.emptyEl.remove();
	}

	private viewportHeight(): number {
		return this.el.clientHeight || this.fallbackHeight;
	}

	private renderRow(i: number): void {
		const item = this.items[i];
		if (!item) return;
		const selected = i === this.selected;
		const row = this.el.createDiv({
			cls: selected ? "source-lifecycle-triage-row is-selected" : "source-lifecycle-triage-row",
			attr: { role: "option", "aria-selected": selected ? "true" : "false", "data-path": item.path, "data-index": i },
		});
		this.rows.push(row);
		row.style.top = `${i * this.rowHeight}px`;
		row.style.height = `${this.rowHeight}px`;
		const main = row.createDiv({ cls: "source-lifecycle-triage-main" });
		const head = main.createDiv({ cls: "source-lifecycle-triage-head" });
		head.createSpan({ cls: "source-lifecycle-triage-title", text: item.title, attr: { title: item.title } });
		const problems = this.options.problemsOf?.(item) ?? 0;
		if (problems > 0) {
			const label = problems === 1 ? "1 problem" : `${problems} problems`;
			head.createSpan({ cls: "source-lifecycle-triage-problems", text: `⚠ ${problems}`, attr: { title: label, "aria-label": label } });
		}
		const meta = main.createDiv({ cls: "source-lifecycle-triage-meta" });
		const part = (cls: string, text: string | null, title: string) => {
			if (text !== null && text !== "") meta.createSpan({ cls: `source-lifecycle-triage-${cls}`, text, attr: { title } });
		};
		// Fixed-width details first; the creator, the one of any length, last and shortened.
		part("status", item.status, "Status");
		part("tier", item.signalTier, "Signal tier");
		part("date", item.datePublished, "Published");
		part("duration", item.duration, "Duration");
		part("platform", item.platform, "Platform");
		part("creator", item.creator, "Creator");
		const actions = row.createDiv({ cls: "source-lifecycle-triage-actions" });
		const allowed = this.options.actionsFor?.(item);
		for (const b of BUTTONS) {
			if (allowed && !allowed.includes(b.action)) continue;
			const button = actions.createEl("button", { cls: `clickable-icon source-lifecycle-triage-action source-lifecycle-action-${b.action}`, attr: { "aria-label": b.label, title: b.label, "data-action": b.action } });
			if (this.options.setIcon) this.options.setIcon(button, b.icon);
			else button.setText(b.short);
			button.addEventListener("click", (evt) => {
				evt.stopPropagation();
				this.selected = this.indexOf(item.path);
				this.options.onAction?.(b.action, item, evt);
			});
		}
		row.addEventListener("click", (evt) => {
			this.select(this.indexOf(item.path));
			this.options.onAction?.("open", item, evt);
		});
	}
}

/** Mount a list with these items in `container` (bench and browser tests). */
export function mountTriageList(container: HTMLElement, items: readonly QueueItem[], options: TriageListOptions = {}): TriageList {
	return new TriageList(container, options).setItems(items);
}

function isControl(target: EventTarget | null): boolean {
	const tag = (target as { tagName?: unknown } | null)?.tagName;
	return tag === "BUTTON" || tag === "INPUT" || tag === "SELECT" || tag === "TEXTAREA" || tag === "A";
}
