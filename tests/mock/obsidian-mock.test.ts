/**
 * @jest-environment jsdom
 *
 * The obsidian mock behaves as Obsidian's API documents it (node_modules/obsidian/obsidian.d.ts,
 * line numbers in each test's comment; docs/obsidian-behaviour.md). Tests of the plugin rely on
 * these behaviours, so they are checked here on their own.
 */
import { App, MarkdownView, MockEditor, Notice, TFile, View, type WorkspaceLeaf } from "../__mocks__/obsidian";

class PaneView extends View {
	state: unknown = null;
	opened = false;
	getViewType(): string {
		return "pane";
	}
	getDisplayText(): string {
		return "Pane";
	}
	override async onOpen(): Promise<void> {
		this.opened = true;
	}
	override async setState(state: unknown): Promise<void> {
		this.state = state;
	}
}

const appWith = (notes: Record<string, string>): App => {
	const app = new App();
	for (const [path, text] of Object.entries(notes)) app.vault.addFile(path, text);
	app.metadataCache.indexAll();
	return app;
};
const fileOf = (app: App, path: string) => app.vault.getFileByPath(path) as TFile;

describe("deferred views", () => {
	// d.ts 5134-5146: `isDeferred` — "A deferred leaf will have a DeferredView as its view, instead of
	// the View that it should normally have"; `loadIfDeferred` loads it. d.ts 4928-4933: `revealLeaf`
	// — "await this function to ensure your view has been fully loaded and is not deferred".
	it("a restored leaf holds no instance of its view class until loaded, and keeps its state readable", async () => {
		const app = new App();
		app.workspace.viewCreators.set("pane", (leaf: WorkspaceLeaf) => new PaneView(leaf));
		const leaf = app.workspace.restoreLeaf("pane", { sort: "title" });
		expect(leaf.isDeferred).toBe(true);
		expect(leaf.view instanceof PaneView).toBe(false);
		expect(leaf.getViewState()).toEqual({ type: "pane", state: { sort: "title" } });
		await leaf.loadIfDeferred();
		expect(leaf.isDeferred).toBe(false);
		expect(leaf.view instanceof PaneView && leaf.view.opened).toBe(true);
		expect((leaf.view as PaneView).state).toEqual({ sort: "title" });
	});

	it("revealLeaf loads a deferred leaf", async () => {
		const app = new App();
		app.workspace.viewCreators.set("pane", (leaf: WorkspaceLeaf) => new PaneView(leaf));
		const leaf = app.workspace.restoreLeaf("pane", {});
		await app.workspace.revealLeaf(leaf);
		expect(leaf.view).toBeInstanceOf(PaneView);
	});
});

describe("tabs and focus", () => {
	// d.ts 4799-4812: getLeaf(false) — "an existing leaf which can be navigated is returned"; `'tab'`
	// or `true` — "a new leaf will be created".
	it("getLeaf(false) reuses the current tab; getLeaf('tab') makes a new one", () => {
		const app = new App();
		const first = app.workspace.getLeaf(false);
		expect(app.workspace.getLeaf(false)).toBe(first);
		expect(app.workspace.getLeaf()).toBe(first);
		const tab = app.workspace.getLeaf("tab");
		expect(tab).not.toBe(first);
	});

	// d.ts 3031-3041 (OpenViewState.active), 5114-5118 (openFile), 4901-4905 (getActiveFile: "the file
	// for the current view … Otherwise, it will return the most recently active file").
	it("openFile moves the focus only when asked ({ active: true })", async () => {
		const app = appWith({ "a.md": "a", "b.md": "b" });
		const sidebar = app.workspace.getRightLeaf(false);
		app.workspace.setActiveLeaf(sidebar);
		const tab = app.workspace.getLeaf(false);
		await tab.openFile(fileOf(app, "a.md"));
		expect(app.workspace.activeLeaf).toBe(sidebar);
		expect(app.workspace.getActiveFile()).toBeNull();
		await tab.openFile(fileOf(app, "b.md"), { active: true });
		expect(app.workspace.activeLeaf).toBe(tab);
		expect(app.workspace.getActiveFile()?.path).toBe("b.md");
	});
});

describe("metadata events", () => {
	// d.ts 2833-2858: `changed` when a file has been indexed; `resolve` "sometimes after a file has
	// been indexed"; `resolved` "when all files has been resolved".
	it("come after the write, in Obsidian's order: changed per file, resolve per file, then resolved", async () => {
		const app = appWith({ "a.md": "a", "b.md": "b" });
		const heard: string[] = [];
		for (const name of ["changed", "resolve"]) app.metadataCache.on(name, (f: TFile) => heard.push(`${name} ${f.path}`));
		app.metadataCache.on("resolved", () => heard.push("resolved"));
		await app.vault.modify(fileOf(app, "a.md"), "---\nk: 1\n---\n[[b]]");
		await app.vault.modify(fileOf(app, "b.md"), "b2");
		expect(heard).toEqual([]);
		expect(app.metadataCache.getFileCache(fileOf(app, "a.md"))?.frontmatter).toBeUndefined();
		await app.metadataCache.settle();
		expect(heard).toEqual(["changed a.md", "changed b.md", "resolve a.md", "resolve b.md", "resolved"]);
		expect(app.metadataCache.resolvedLinks["a.md"]).toEqual({ "b.md": 1 });
	});

	// d.ts 2833-2836: `changed` "is not called when a file is renamed … hook the vault rename event".
	it("a rename moves the cache before rename handlers run; links by the old name end unresolved, with only resolved fired", async () => {
		const app = appWith({ "s.md": "---\nid: 1\n---\n", "n.md": "[[s]]" });
		const seen: unknown[] = [];
		app.vault.on("rename", (f: TFile) => seen.push(app.metadataCache.getFileCache(f)?.frontmatter));
		const heard: string[] = [];
		for (const name of ["changed", "resolve", "resolved"]) app.metadataCache.on(name, () => heard.push(name));
		await app.vault.rename(fileOf(app, "s.md"), "t.md");
		expect(seen).toEqual([{ id: 1 }]);
		await app.metadataCache.settle();
		expect(heard).toEqual(["resolved"]);
		expect(app.metadataCache.resolvedLinks["n.md"]).toEqual({});
		expect(app.metadataCache.unresolvedLinks["n.md"]).toEqual({ s: 1 });
	});
});

describe("an editor with unsaved text", () => {
	// d.ts 1268: transaction(tx: EditorTransaction) — one change set, one undo step in CodeMirror.
	it("one transaction is one undo step; changes are in positions of the text before it; the cursor maps", () => {
		const editor = new MockEditor("ab\ncd");
		editor.setCursor({ line: 1, ch: 1 });
		editor.transaction({ changes: [{ from: { line: 0, ch: 0 }, text: "X" }, { from: { line: 1, ch: 2 }, text: "Y" }] });
		expect(editor.getValue()).toBe("Xab\ncdY");
		expect(editor.getCursor()).toEqual({ line: 1, ch: 1 });
		editor.undo();
		expect(editor.getValue()).toBe("ab\ncd");
	});

	it("a write from outside reloads a clean editor outside its undo history; unsaved typing is kept and saved over it", async () => {
		const app = appWith({ "a.md": "one" });
		const view = MarkdownView.openIn(app, fileOf(app, "a.md"));
		await app.vault.modify(fileOf(app, "a.md"), "two");
		expect(view.editor.getValue()).toBe("two");
		expect(view.editor.undoStack).toEqual([]);
		view.editor.type("typed ");
		await app.vault.modify(fileOf(app, "a.md"), "three");
		expect(view.editor.getValue()).toBe("typed two");
		await view.save();
		expect(app.vault.contents.get("a.md")).toBe("typed two");
		expect(app.workspace.activeEditor).toBe(view);
	});
});

describe("notices", () => {
	// d.ts 2984-3013: a notice of duration 0 stays "until the user manually dismisses it" — a click.
	it("a click anywhere on a notice hides it", () => {
		const notice = new Notice(createFragment((f) => f.createSpan({ text: "Working…" })), 0);
		document.body.appendChild(notice.containerEl);
		(notice.messageEl.querySelector("span") as HTMLElement).click();
		expect(notice.hidden).toBe(true);
		expect(notice.containerEl.isConnected).toBe(false);
	});
});
