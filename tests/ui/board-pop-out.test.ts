/**
 * @jest-environment jsdom
 *
 * The board in a pop-out window: its elements live in a second window whose `MouseEvent`,
 * `KeyboardEvent` and timers are not the main window's (docs/obsidian-behaviour.md). jsdom
 * gives an iframe its own globals, as Electron gives a pop-out. Clicks, keys and the
 * batched re-render work there as in the main window.
 */
import type { TFile } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { BOARD_VIEW_TYPE, type BoardView } from "../../src/ui/board/board-view";

const src = (fields: string) => `---\n${fields}\n---\n\nBody\n`;
const NOTES = {
	"S/a.md": src("id: SOURCE-a\ntitle: Alpha\nstatus: raw"),
	"S/b.md": src("id: SOURCE-b\ntitle: Beta\nstatus: raw"),
	"S/c.md": src("id: SOURCE-c\ntitle: Gamma\nstatus: in_progress"),
};

it("selects with Ctrl-click, moves with ] and follows index changes in a pop-out window", async () => {
	const { app, plugin } = await loadPlugin(NOTES);
	app.vault.on("modify", (f: TFile) => app.metadataCache.indexFile(f.path));
	await (plugin as any).commands.get("open-source-board").callback();
	const view = app.workspace.getLeavesOfType(BOARD_VIEW_TYPE)[0]!.view as BoardView;
	const frame = document.body.appendChild(document.createElement("iframe"));
	const win = frame.contentWindow as Window & typeof globalThis;
	try {
		win.document.body.appendChild(win.document.adoptNode(view.containerEl));
		expect(view.containerEl.win).toBe(win);
		const card = (path: string) => view.containerEl.querySelector(`[data-path="${path}"]`) as HTMLElement;
		card("S/a.md").dispatchEvent(new win.MouseEvent("click", { bubbles: true }));
		card("S/b.md").dispatchEvent(new win.MouseEvent("click", { bubbles: true, ctrlKey: true }));
		expect(view.selected.paths).toEqual(["S/a.md", "S/b.md"]);

		view.selected.clear();
		card("S/a.md").dispatchEvent(new win.MouseEvent("click", { bubbles: true }));
		view.boardColumns!.el.dispatchEvent(new win.KeyboardEvent("keydown", { key: "]", bubbles: true, cancelable: true }));
		await new Promise((r) => setTimeout(r, 0));
		expect(app.vault.contents.get("S/a.md")).toContain("status: in_progress");

		// An edit elsewhere: the re-render is timed by the pop-out's own window.
		const b = app.vault.getFileByPath("S/b.md")!;
		await app.vault.modify(b, NOTES["S/b.md"].replace("status: raw", "status: archived"));
		await new Promise((r) => win.setTimeout(r, 80));
		const archived = [...view.containerEl.querySelectorAll('[data-status="archived"] .source-lifecycle-board-card')].map((e) => e.getAttribute("data-path"));
		expect(archived).toEqual(["S/b.md"]);
	} finally {
		frame.remove();
	}
});
