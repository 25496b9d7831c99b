/** @jest-environment jsdom */
import { App, Modal, Notice, TFile, WorkspaceLeaf } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { BOARD_VIEW_TYPE, BoardView } from "../../src/ui/board/board-view";
import { MOVE_BATCH } from "../../src/ui/board/board-moves";
import type SourceLifecyclePlugin from "../../src/plugin/main";

const src = (fields: string) => `---\n${fields}\n---\n\nBody\n`;

const NOTES: Record<string, string> = {
	"Sources/a.md": src("id: SOURCE-a\ntitle: Alpha talk\nstatus: raw\nsignal_tier: high\ncreator: a16z\ndate_published: 2025-01-10\nduration: 12m"),
	"Sources/b.md": src("id: SOURCE-b\ntitle: Beta interview\nstatus: in_progress\nsignal_tier: paradigm\ncreator: Lex"),
	"Sources/c.md": src("id: SOURCE-c\ntitle: Gamma\nstatus: raw\nsignal_tier: low # a comment kept\ndate_published: 2025-03-01"),
	"Sources/d.md": src("id: SOURCE-d\ntitle: Delta\nstatus: raw\nurl: ftp://nope"),
	"Sources/e.md": src("id: SOURCE-e\ntitle: Epsilon\nstatus: archived"),
	"Note.md": "Plain note.\n",
};

interface Opened {
	app: App;
	plugin: SourceLifecyclePlugin;
	view: BoardView;
}

async function open(notes: Record<string, string> = NOTES): Promise<Opened> {
	const { app, plugin } = await loadPlugin(notes);
	// As Obsidian does after a write: the metadata cache re-reads the note and fires its events.
	app.vault.on("modify", (f: TFile) => app.metadataCache.indexFile(f.path));
	await (plugin as any).commands.get("open-source-board").callback();
	const view = app.workspace.getLeavesOfType(BOARD_VIEW_TYPE)[0]!.view as BoardView;
	document.body.appendChild(view.containerEl);
	return { app, plugin, view };
}

const column = (view: BoardView, status: string) => view.containerEl.querySelector(`.source-lifecycle-board-column[data-status="${status}"]`) as HTMLElement;
const cardTitles = (view: BoardView, status: string) => [...column(view, status).querySelectorAll(".source-lifecycle-board-card-title")].map((e) => e.textContent);
const count = (view: BoardView, status: string) => column(view, status).querySelector(".source-lifecycle-board-column-count")?.textContent;
const card = (view: BoardView, path: string) => view.containerEl.querySelector(`.source-lifecycle-board-card[data-path="${path}"]`) as HTMLElement;
const key = (view: BoardView, k: string, init: KeyboardEventInit = {}) => view.boardColumns!.el.dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true, ...init }));
const settle = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

afterEach(() => {
	document.body.empty();
	Notice.shown.length = 0;
	Modal.opened.length = 0;
});

describe("board: registration", () => {
	it("adds the command without a hotkey, opens nothing on load, and reuses the open board", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		const command = (plugin as any).commands.get("open-source-board");
		expect(command.name).toBe("Open source board");
		expect(command.hotkeys).toBeUndefined();
		expect(app.workspace.getLeavesOfType(BOARD_VIEW_TYPE)).toHaveLength(0);
		const deferred = (plugin as any).views.get(BOARD_VIEW_TYPE)(new WorkspaceLeaf(app.workspace)) as BoardView;
		expect(deferred.contentEl.childElementCount).toBe(0);
		await command.callback();
		await command.callback();
		expect(app.workspace.getLeavesOfType(BOARD_VIEW_TYPE)).toHaveLength(1);
	});
});

describe("board: columns and cards", () => {
	it("shows a column per configured status, empty ones too, with counts and card details", async () => {
		const { plugin, view } = await open();
		await plugin.updateSettings({ statuses: ["raw", "in_progress", "reviewing", "integrated", "archived"] });
		// Back from the settings: the board follows when it is looked at again.
		view.containerEl.dispatchEvent(new Event("pointerenter"));
		const statuses = [...view.containerEl.querySelectorAll(".source-lifecycle-board-column")].map((c) => c.getAttribute("data-status"));
		expect(statuses).toEqual(["raw", "in_progress", "reviewing", "integrated", "archived"]);
		expect(["raw", "in_progress", "reviewing", "integrated", "archived"].map((s) => count(view, s))).toEqual(["3", "1", "0", "0", "1"]);
		expect(cardTitles(view, "raw")).toEqual(["Alpha talk", "Gamma", "Delta"]);
		const alpha = card(view, "Sources/a.md");
		expect(alpha.getAttribute("draggable")).toBe("true");
		expect(alpha.querySelector(".source-lifecycle-board-card-creator")?.textContent).toBe("a16z");
		expect([...alpha.querySelectorAll(".source-lifecycle-board-card-meta span")].map((s) => s.textContent)).toEqual(["high", "2025-01-10", "12m"]);
		expect(card(view, "Sources/d.md").querySelector(".source-lifecycle-board-card-problems")?.textContent).toBe("⚠ 1");
	});

	it("filters with the queue's text filter and shows filtered counts", async () => {
		const { view } = await open();
		const input = view.containerEl.querySelector(".source-lifecycle-board-search") as HTMLInputElement;
		input.value = "gamma";
		input.dispatchEvent(new Event("input"));
		expect(cardTitles(view, "raw")).toEqual(["Gamma"]);
		expect(count(view, "raw")).toBe("1 of 3");
		expect(count(view, "in_progress")).toBe("0 of 1");
	});

	it("groups cards into swimlanes by signal tier when chosen, and saves the choice with the layout", async () => {
		const { app, view } = await open();
		const lanes = view.containerEl.querySelector('select[data-filter="lanes"]') as HTMLSelectElement;
		lanes.value = "signalTier";
		lanes.dispatchEvent(new Event("change"));
		const rows = [...column(view, "raw").querySelectorAll(".source-lifecycle-board-lane-title, .source-lifecycle-board-card-title")].map((e) => e.textContent);
		expect(rows).toEqual(["high", "Alpha talk", "low", "Gamma", "(none)", "Delta"]);
		expect(view.getState()).toMatchObject({ lanes: "signalTier" });
		expect(app.workspace.layoutSaves).toBeGreaterThan(0);
	});
});

describe("board: moves through the lifecycle", () => {
	it("a drop on a column moves the source: only its status line changes, and the card moves alone", async () => {
		const { app, view } = await open();
		const before = app.vault.contents.get("Sources/c.md")!;
		await view.moveTo(["Sources/c.md"], "in_progress");
		expect(app.vault.contents.get("Sources/c.md")).toBe(before.replace("status: raw", "status: in_progress"));
		expect(cardTitles(view, "in_progress")).toEqual(["Beta interview", "Gamma"]);
		expect(cardTitles(view, "raw")).toEqual(["Alpha talk", "Delta"]);
	});

	it("a refused move writes nothing and names the rule in a notice", async () => {
		const { app, view } = await open();
		const before = app.vault.contents.get("Sources/e.md");
		const writes = app.vault.writes;
		await view.moveTo(["Sources/e.md"], "in_progress");
		expect(app.vault.contents.get("Sources/e.md")).toBe(before);
		expect(app.vault.writes).toBe(writes);
		expect(Notice.shown.map((n) => n.message)).toEqual(["Epsilon cannot move to in_progress: it is archived; reopen it to raw first."]);
		expect(cardTitles(view, "archived")).toEqual(["Epsilon"]);
	});

	it("selects with click and Ctrl-click, confirms the count, and archives the selection note by note", async () => {
		const { app, view } = await open();
		card(view, "Sources/a.md").dispatchEvent(new MouseEvent("click", { bubbles: true }));
		card(view, "Sources/b.md").dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
		card(view, "Sources/c.md").dispatchEvent(new MouseEvent("click", { bubbles: true, ctrlKey: true }));
		expect(view.selected.paths).toEqual(["Sources/a.md", "Sources/c.md", "Sources/b.md"]);
		expect(view.containerEl.querySelector(".source-lifecycle-board-selection-count")?.textContent).toBe("3 selected");
		const moving = view.moveTo(view.selected.paths, "archived");
		const modal = Modal.opened.at(-1)!;
		expect(modal.titleEl.textContent).toBe("Move 3 sources to archived?");
		expect(app.vault.contents.get("Sources/a.md")).toContain("status: raw");
		(modal.contentEl.querySelector("button.mod-cta") as HTMLButtonElement).click();
		const summary = await moving;
		expect(summary).toMatchObject({ moved: 3, failed: [] });
		for (const p of ["a", "b", "c"]) expect(app.vault.contents.get(`Sources/${p}.md`)).toBe(NOTES[`Sources/${p}.md`]!.replace(/status: \w+/, "status: archived"));
		expect(count(view, "archived")).toBe("4");
		expect(Notice.shown.at(-1)?.message).toBe("Moved 3 sources to archived.");
	});

	it("cancelling the confirm writes nothing", async () => {
		const { app, view } = await open();
		const writes = app.vault.writes;
		const moving = view.moveTo(["Sources/a.md", "Sources/c.md"], "archived");
		Modal.opened.at(-1)!.close();
		expect(await moving).toBeNull();
		expect(app.vault.writes).toBe(writes);
	});

	it("in a bulk move a failure names its note and the others go on", async () => {
		const { app, view } = await open();
		// The note became malformed after the index read it.
		app.vault.contents.set("Sources/c.md", "---\nid: SOURCE-c\nstatus: raw\nstatus: raw\n---\n");
		const moving = view.moveTo(["Sources/a.md", "Sources/c.md", "Sources/d.md", "Sources/e.md"], "integrated");
		const modal = Modal.opened.at(-1)!;
		expect(modal.titleEl.textContent).toBe("Move 3 sources to integrated?");
		(modal.contentEl.querySelector("button.mod-cta") as HTMLButtonElement).click();
		const summary = (await moving)!;
		expect(summary.moved).toBe(2);
		expect(summary.failed.map((f) => f.path)).toEqual(["Sources/e.md", "Sources/c.md"]);
		expect(app.vault.contents.get("Sources/d.md")).toContain("status: integrated");
		const messages = Notice.shown.map((n) => n.message);
		expect(messages.some((m) => m.includes("Sources/c.md was not changed"))).toBe(true);
		expect(messages.at(-1)).toMatch(/^Moved 2 sources to integrated; 2 not moved: Sources\/e\.md \(it is archived/);
	});

	it("shows a cancellable progress notice for long runs", async () => {
		const notes: Record<string, string> = {};
		for (let i = 0; i < MOVE_BATCH * 3; i++) notes[`S/${i}.md`] = src(`id: SOURCE-${i}\ntitle: Source ${i}\nstatus: raw`);
		const { app, view } = await open(notes);
		const moving = view.moveTo(Object.keys(notes), "archived");
		(Modal.opened.at(-1)!.contentEl.querySelector("button.mod-cta") as HTMLButtonElement).click();
		for (let i = 0; i < 200 && !Notice.shown.some((n) => n.duration === 0); i++) await settle();
		const progress = Notice.shown.find((n) => n.duration === 0)!;
		expect(progress.message).toMatch(/^Moving to archived: 25 of 75 sources…/);
		view.mover.cancel();
		const summary = (await moving)!;
		expect(summary.cancelled).toBe(true);
		expect(summary.moved).toBeLessThan(75);
		expect([...app.vault.contents.values()].filter((t) => t.includes("status: archived"))).toHaveLength(summary.moved);
		expect(progress.hidden).toBe(true);
	});
});

describe("board: keyboard", () => {
	it("moves the card under the cursor to the next column with ], reopens it with [, and names the rule of a refused key move", async () => {
		const { app, view } = await open();
		view.boardColumns!.el.focus();
		key(view, "ArrowDown");
		expect(view.selected.cursor).toBe("Sources/c.md");
		key(view, "]");
		await settle();
		expect(app.vault.contents.get("Sources/c.md")).toBe(NOTES["Sources/c.md"]!.replace("status: raw", "status: in_progress"));
		expect(cardTitles(view, "in_progress")).toEqual(["Beta interview", "Gamma"]);
		// The cursor followed its card; [ reopens it to raw, giving back the original bytes.
		key(view, "[");
		await settle();
		expect(app.vault.contents.get("Sources/c.md")).toBe(NOTES["Sources/c.md"]);
		// Right past the empty integrated column to the archived card: [ would skip reopening.
		key(view, "ArrowRight");
		key(view, "ArrowRight");
		expect(view.selected.cursor).toBe("Sources/e.md");
		key(view, "[");
		await settle();
		expect(Notice.shown.at(-1)?.message).toBe("Epsilon cannot move to integrated: it is archived; reopen it to raw first.");
		expect(app.vault.contents.get("Sources/e.md")).toBe(NOTES["Sources/e.md"]);
	});

	it("Space and Shift+arrows select; Escape clears", async () => {
		const { view } = await open();
		key(view, " ");
		key(view, "ArrowDown", { shiftKey: true });
		expect(view.selected.paths).toEqual(["Sources/a.md", "Sources/c.md"]);
		key(view, "Escape");
		expect(view.selected.size).toBe(0);
	});
});

describe("board: live", () => {
	it("follows an edit made elsewhere after the batch delay", async () => {
		jest.useFakeTimers();
		try {
			const { app, view } = await open();
			const file = app.vault.getFileByPath("Sources/a.md")!;
			await app.vault.modify(file, app.vault.contents.get("Sources/a.md")!.replace("status: raw", "status: integrated"));
			expect(cardTitles(view, "raw")).toContain("Alpha talk");
			jest.advanceTimersByTime(60);
			expect(cardTitles(view, "integrated")).toEqual(["Alpha talk"]);
			expect(cardTitles(view, "raw")).not.toContain("Alpha talk");
		} finally {
			jest.useRealTimers();
		}
	});
});
