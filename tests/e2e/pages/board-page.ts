/**
 * Browser page for tests/e2e/board.e2e.test.ts: the real plugin (main.ts, the board view,
 * LifecycleActions, the writer) on the obsidian *mock* (bundled with `obsidian` aliased to
 * tests/__mocks__/obsidian.ts), over an in-memory vault of generated sources, the board in
 * a main-area frame. The mock's modals are put in the page so the test clicks their buttons.
 * Exposes `window.board` for the test to drive and inspect.
 */
import { App, Modal, Notice } from "../../__mocks__/obsidian";
import { loadPlugin, openView } from "./plugin-harness";
import { BOARD_VIEW_TYPE, type BoardView } from "../../../src/ui/board/board-view";
import { installDomHelpers } from "../../helpers/dom";

installDomHelpers();

const CREATORS = ["a16z", "Lex Fridman", "Two Minute Papers", "Dwarkesh Patel", "Latent Space", "Stratechery"];
const TIERS = ["paradigm", "high", "high", "medium", "medium", "low", "low"];
const STATUSES = ["raw", "raw", "raw", "in_progress", "in_progress", "integrated", "archived"];
const CATEGORY = ["ai-engineering", "strategy", "research"];
const WORDS = ["Scaling", "laws", "for", "agents", "inference", "economics", "of", "open", "models", "fine-tuning", "evaluation", "the", "future", "retrieval", "memory"];

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

function title(i: number): string {
	const n = 3 + (i % 6);
	return Array.from({ length: n }, (_, k) => pick(WORDS, i * 3 + k * 5)).join(" ").replace(/^./, (c) => c.toUpperCase());
}

function sourceNote(i: number): string {
	const day = String(1 + (i % 28)).padStart(2, "0");
	const month = String(1 + (i % 12)).padStart(2, "0");
	return [
		"---",
		`id: SOURCE-2025${month}${day}-${i}`,
		"platform: youtube",
		`signal_tier: ${pick(TIERS, i * 5)}  # kept as written`,
		`status: ${pick(STATUSES, i)}`,
		`creator: "${pick(CREATORS, i * 7)}"`,
		`title: ${JSON.stringify(title(i))}`,
		`date_published: 2025-${month}-${day}`,
		`duration: "${20 + (i % 90)}m ${i % 60}s"`,
		`notebooklm_category: ${pick(CATEGORY, i * 11)}`,
		i % 17 === 0 ? "url: ftp://not-a-web-address" : "url: https://www.youtube.com/watch?v=dQw4w9WgXcQ",
		"integrated_into: []",
		"---",
		"",
		"Notes.",
		"",
	].join("\n");
}

// The mock's modals live outside the page; show them as Obsidian does.
const open = Modal.prototype.open;
Modal.prototype.open = function (this: Modal) {
	this.containerEl.addClass("modal-container");
	document.body.appendChild(this.containerEl);
	open.call(this);
};
const close = Modal.prototype.close;
Modal.prototype.close = function (this: Modal) {
	close.call(this);
	this.containerEl.remove();
};

async function start(): Promise<void> {
	const app = new App();
	for (let i = 0; i < 120; i++) app.vault.addFile(`Sources/source-${i}.md`, sourceNote(i));
	const plugin = await loadPlugin(app);
	const main = document.body.createDiv({ cls: "main-area" });
	const view = await openView<BoardView>(app, plugin, "open-source-board", BOARD_VIEW_TYPE, main);
	view.boardColumns?.el.focus();

	(window as unknown as Record<string, unknown>).board = {
		app,
		view,
		contents: (path: string) => app.vault.contents.get(path),
		writes: () => app.vault.writes,
		notices: () => Notice.shown.map((n) => n.message),
		/** Paths of the cards of a column, in order (every card, not only those in the page). */
		column: (status: string) => view.shownColumns.find((c) => c.status === status)?.items.map((i) => i.path) ?? [],
	};
	(window as unknown as Record<string, unknown>).boardReady = true;
}

void start();
