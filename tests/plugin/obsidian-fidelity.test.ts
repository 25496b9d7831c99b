/**
 * @jest-environment jsdom
 *
 * The plugin where real Obsidian differs from a naive mock (docs/obsidian-behaviour.md):
 * deferred views, pop-out windows, the note open in an editor, metadata that arrives late,
 * renames without link updates, settings synced from another device, and stepping through
 * the queue from the sidebar. Each case runs on the mock's faithful behaviour (tested on
 * its own in tests/mock/obsidian-mock.test.ts).
 */
import { App, MarkdownView, Notice, TFile, WorkspaceLeaf, type MockEditor } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { TRIAGE_VIEW_TYPE, TriageView } from "../../src/ui/triage-view";
import { AUTO_SYNC_DELAY_MS, BATCH_SIZE } from "../../src/plugin/sync";
import { SAVE_DELAY_MS } from "../../src/plugin/main";
import type SourceLifecyclePlugin from "../../src/plugin/main";

const src = (fields: string) => `---\n${fields}\n---\n\nBody\n`;

const NOTES: Record<string, string> = {
	"Sources/a.md": src("id: SOURCE-a\ntitle: Alpha talk\nstatus: raw\nsignal_tier: high"),
	"Sources/b.md": src("id: SOURCE-b\ntitle: Beta interview\nstatus: in_progress\nsignal_tier: paradigm"),
	"Sources/c.md": src("id: SOURCE-c\ntitle: Gamma\nstatus: raw\nsignal_tier: low"),
};

const run = (plugin: SourceLifecyclePlugin, id: string): unknown => {
	const c = (plugin as any).commands.get(id);
	return c.checkCallback ? c.checkCallback(false) : c.callback();
};
const file = (app: App, path: string) => app.vault.getFileByPath(path) as TFile;
const tick = () => new Promise((r) => setTimeout(r, 0));
async function until(cond: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 2000; i++) {
		if (cond()) return;
		await tick();
	}
	throw new Error(`timed out waiting for ${what}`);
}

afterEach(() => {
	document.body.empty();
	Notice.shown.length = 0;
});

describe("1. a triage tab deferred after a restart", () => {
	it("Open next source in queue follows its saved filter and sort, without loading it", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		// The default queue (signal tier) starts with Beta; the tab was left sorted by title.
		const leaf = app.workspace.restoreLeaf(TRIAGE_VIEW_TYPE, { filter: {}, sort: "title" });
		await run(plugin, "open-next-source");
		expect(app.workspace.openedFiles).toEqual(["Sources/a.md"]);
		expect(leaf.isDeferred).toBe(true);
	});
});

describe("2. pop-out windows: events with another window's globals", () => {
	function popOut(): Window & typeof globalThis {
		const frame = document.body.appendChild(document.createElement("iframe"));
		const win = frame.contentWindow as Window & typeof globalThis;
		// What the pop-out guide warns of: the second window's constructors are not the main window's.
		expect(win.MouseEvent).not.toBe(MouseEvent);
		return win;
	}

	it("Ctrl/Cmd-click on a triage row in a pop-out window opens the note in a new tab", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		await run(plugin, "open-triage-queue");
		const view = app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0]?.view as TriageView;
		const win = popOut();
		win.document.body.appendChild(win.document.adoptNode(view.containerEl));
		const getLeaf = jest.spyOn(app.workspace, "getLeaf");
		const row = view.containerEl.querySelector(".source-lifecycle-triage-row") as HTMLElement;
		row.dispatchEvent(new win.MouseEvent("click", { bubbles: true, ctrlKey: true }));
		await until(() => app.workspace.openedFiles.length > 0, "the note to open");
		expect(getLeaf).toHaveBeenCalledWith("tab");
	});
});

describe("3. the note open in an editor", () => {
	it("a lifecycle action is one editor transaction: unsaved typing kept, one undo step, cursor kept", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		const a = file(app, "Sources/a.md");
		const view = MarkdownView.openIn(app, a);
		const editor = view.editor as MockEditor;
		editor.setCursor(editor.offsetToPos(editor.getValue().length));
		editor.type("A thought not saved yet.\n");
		const typed = editor.getValue();
		const steps = editor.undoStack.length;
		const cursor = editor.getCursor();

		await plugin.lifecycle.start(a as any);

		expect(editor.getValue()).toBe(typed.replace("status: raw", "status: in_progress"));
		expect(editor.undoStack.length).toBe(steps + 1);
		expect(editor.getCursor()).toEqual(cursor);
		// Obsidian's autosave writes the editor's text: both the typing and the new status.
		await view.save();
		expect(app.vault.contents.get("Sources/a.md")).toBe(typed.replace("status: raw", "status: in_progress"));
		// One undo takes back the status change only.
		editor.undo();
		expect(editor.getValue()).toBe(typed);
	});

	it("auto-sync leaves alone a note typed in a canvas card (workspace.activeEditor, not a MarkdownView)", async () => {
		const fields = (id: string) => src(`id: SOURCE-${id}\ntitle: Half typed tit\nstatus: raw\nintegrated_into: []`);
		const notes = { "s.md": fields("s"), "t.md": fields("t"), "n.md": "x" };
		const { app } = await loadPlugin(notes, { autoSync: true });
		// A canvas card editing s.md: an active editor whose view is the canvas, not a MarkdownView.
		app.workspace.activeEditor = { file: file(app, "s.md"), editor: null };
		jest.useFakeTimers();
		try {
			app.vault.contents.set("n.md", "Uses [[s]] and [[t]]");
			app.metadataCache.indexFile("n.md");
			jest.advanceTimersByTime(AUTO_SYNC_DELAY_MS);
		} finally {
			jest.useRealTimers();
		}
		await until(() => app.vault.contents.get("t.md") !== notes["t.md"], "t.md to be synced");
		expect(app.vault.contents.get("s.md")).toBe(notes["s.md"]);
	});
});

describe("4. metadata arrives after our own write", () => {
	it("the index and the next action see the new status at once; Obsidian's changed then agrees", async () => {
		const { app, plugin } = await loadPlugin(NOTES, { statuses: ["raw", "in_progress", "reviewing", "integrated", "archived"] });
		const a = file(app, "Sources/a.md");
		await plugin.lifecycle.start(a as any);
		expect(plugin.sourceIndex.index.getSource(a.path)?.status).toBe("in_progress");
		// A quick second press moves on from in_progress, not again from raw.
		await plugin.lifecycle.start(a as any);
		expect(app.vault.contents.get(a.path)).toContain("status: reviewing");
		expect(plugin.sourceIndex.index.getSource(a.path)?.status).toBe("reviewing");
		await app.metadataCache.settle();
		expect(plugin.sourceIndex.index.getSource(a.path)?.status).toBe("reviewing");
	});
});

describe("5. a rename with 'Automatically update internal links' off", () => {
	it("links by the old name no longer count once Obsidian has resolved them", async () => {
		const { app, plugin } = await loadPlugin({ "Sources/s.md": src("id: SOURCE-s\ntitle: S\nstatus: raw"), "n.md": "Uses [[s]]" });
		expect(plugin.sourceIndex.index.integratingNotes("Sources/s.md")).toEqual(["n.md"]);
		await app.vault.rename(file(app, "Sources/s.md"), "Sources/t.md");
		await app.metadataCache.settle();
		expect(app.metadataCache.unresolvedLinks["n.md"]).toEqual({ s: 1 });
		expect(plugin.sourceIndex.index.integratingNotes("Sources/t.md")).toEqual([]);
		expect(plugin.sourceIndex.index.getSource("Sources/t.md")?.id).toBe("SOURCE-s");
	});
});

describe("6. settings", () => {
	it("typed text is saved once typing pauses, not per keystroke", async () => {
		const { plugin } = await loadPlugin({});
		const save = jest.spyOn(plugin, "saveData");
		jest.useFakeTimers();
		try {
			for (const typed of ["#", "##", "## S", "## So"]) await plugin.updateSettings({ integrationHeading: typed }, true);
			expect(save).not.toHaveBeenCalled();
			jest.advanceTimersByTime(SAVE_DELAY_MS);
			expect(save).toHaveBeenCalledTimes(1);
			expect((plugin as any).savedData.integrationHeading).toBe("## So");
		} finally {
			jest.useRealTimers();
		}
	});

	it("settings changed on another device (data.json synced) apply at once", async () => {
		const { plugin } = await loadPlugin({ "a.md": src("id: SRC-a\ntitle: A\nstatus: raw") });
		expect(plugin.sourceIndex.index.size).toBe(0);
		(plugin as any).savedData = { idPrefix: "SRC-" };
		await plugin.onExternalSettingsChange();
		expect(plugin.settings.idPrefix).toBe("SRC-");
		expect([...plugin.sourceIndex.index.sources()].map((s) => s.id)).toEqual(["SRC-a"]);
	});
});

describe("7. stepping through the queue", () => {
	it("from the focused sidebar, each step starts from the note the last one opened", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		await run(plugin, "open-triage-queue");
		const sidebar = app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0] as WorkspaceLeaf;
		app.workspace.setActiveLeaf(sidebar);
		await run(plugin, "open-next-source");
		await run(plugin, "open-next-source");
		expect(app.workspace.openedFiles).toEqual(["Sources/b.md", "Sources/a.md"]);
	});

	it("a click on the bulk progress notice (which hides it) cancels the run", async () => {
		const notes: Record<string, string> = {};
		for (let i = 0; i < BATCH_SIZE * 4; i++) {
			notes[`Sources/s${i}.md`] = src(`id: SOURCE-${i}\ntitle: T${i}\nstatus: raw\nintegrated_into: []`);
			notes[`n${i}.md`] = `[[s${i}]]`;
		}
		const { app, plugin } = await loadPlugin(notes);
		run(plugin, "sync-integrated-all");
		const progress = Notice.shown[0] as Notice;
		(progress.messageEl.firstChild as HTMLElement).click();
		expect(progress.hidden).toBe(true);
		await until(() => /cancelled|done/.test(Notice.shown.at(-1)?.message ?? ""), "the summary");
		expect(Notice.shown.at(-1)?.message).toMatch(/^Syncing integrated notes cancelled/);
		expect(app.vault.writes).toBeLessThan(BATCH_SIZE * 4);
	});
});
