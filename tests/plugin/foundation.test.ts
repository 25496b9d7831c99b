/** @jest-environment jsdom */
import { MarkdownView, Modal, Notice, TFile, TFolder } from "../__mocks__/obsidian";
import { validateVault, ValidationModal } from "../../src/plugin/validate";
import { loadPlugin } from "../helpers/plugin";
import { seedNote } from "../helpers/fixtures";

const src = (fields: string) => `---\n${fields}\n---\nBody\n`;

describe("plugin foundation on the obsidian mock", () => {
	beforeEach(() => {
		Modal.opened.length = 0;
		Notice.shown.length = 0;
	});

	it("builds the source index from the metadata cache on layout ready, without reading files", async () => {
		const { app, plugin } = await loadPlugin({
			"Sources/seed.md": seedNote(),
			"Notes/uses seed.md": "See [[seed]].",
			"plain.md": "# plain",
		});
		const readSpy = jest.spyOn(app.vault, "read");
		const cachedSpy = jest.spyOn(app.vault, "cachedRead");
		plugin.sourceIndex.rebuild();
		expect(readSpy).not.toHaveBeenCalled();
		expect(cachedSpy).not.toHaveBeenCalled();
		const index = plugin.sourceIndex.index;
		expect([...index.sources()].map((s) => s.path)).toEqual(["Sources/seed.md"]);
		expect(index.integratingNotes("Sources/seed.md")).toEqual(["Notes/uses seed.md"]);
	});

	it("keeps the index current on changed, resolve, deleted and rename events", async () => {
		const { app, plugin } = await loadPlugin({ "a.md": src("id: SOURCE-a\ntitle: A\nstatus: raw"), "n.md": "nothing yet" });
		const index = plugin.sourceIndex.index;
		const seen: string[][] = [];
		index.onChange((paths) => seen.push([...paths]));

		app.vault.contents.set("n.md", "now links [[a]]");
		app.metadataCache.indexFile("n.md");
		expect(index.integratingNotes("a.md")).toEqual(["n.md"]);

		app.vault.contents.set("a.md", src("id: SOURCE-a\ntitle: A2\nstatus: in_progress"));
		app.metadataCache.indexFile("a.md");
		expect(index.getSource("a.md")?.status).toBe("in_progress");

		const a = app.vault.getFileByPath("a.md") as TFile;
		await app.vault.rename(a, "Sources/a.md");
		expect(index.getSource("a.md")).toBeUndefined();
		expect(index.getSource("Sources/a.md")?.title).toBe("A2");
		expect(index.integratingNotes("Sources/a.md")).toEqual(["n.md"]);

		app.metadataCache.trigger("deleted", app.vault.getFileByPath("n.md"), null);
		expect(index.integratingNotes("Sources/a.md")).toEqual([]);
		expect(seen.length).toBeGreaterThanOrEqual(4);
	});

	it("validate sources reports problems and malformed source notes, and names the files", async () => {
		const { app, plugin } = await loadPlugin({
			"good.md": seedNote(),
			"bad.md": src("id: SOURCE-b\nstatus: nope\nurl: javascript:alert(1)"),
			"broken.md": src("id: SOURCE-c\ntitle: x\ntitle: y"),
			"other-broken.md": src("title: x\ntitle: y"),
		});
		const report = await validateVault(app as any, plugin.sourceIndex.index, plugin.settings);
		expect(report.checked).toBe(2);
		expect(report.withProblems.map((p) => [p.path, p.problems.map((x) => x.code)])).toEqual([["bad.md", ["missing-title", "unknown-status", "invalid-url"]]]);
		expect(report.errors).toEqual([{ path: "broken.md", message: expect.stringMatching(/malformed frontmatter: .*unique/i) }]);

		const modal = new ValidationModal(app as any, report);
		modal.open();
		const text = modal.contentEl.textContent ?? "";
		expect(text).toContain("bad.md");
		expect(text).toContain("broken.md");
		expect(text).toContain("unknown-status");
	});

	it("shows note-controlled text as text, never as HTML", async () => {
		const evil = '<img src=x onerror="window.__pwned=1">';
		const { app, plugin } = await loadPlugin({ [`${"x"}.md`]: src(`id: SOURCE-x\ntitle: '${evil}'\nstatus: '${evil}'`) });
		const report = await validateVault(app as any, plugin.sourceIndex.index, plugin.settings);
		const modal = new ValidationModal(app as any, report);
		modal.open();
		expect(modal.contentEl.querySelector("img")).toBeNull();
		expect(modal.contentEl.textContent).toContain(evil);
	});

	it("loads hand-edited settings of the wrong type as their defaults and says which", async () => {
		const { plugin } = await loadPlugin({ "a.md": src("id: SRC-a\ntitle: A") }, { idPrefix: "SRC-", excludedFolders: "Inbox", statuses: null });
		expect(plugin.settings.idPrefix).toBe("SRC-");
		expect(plugin.settings.excludedFolders).toEqual([]);
		expect(plugin.settings.statuses).toEqual(["raw", "in_progress", "integrated", "archived"]);
		expect(plugin.sourceIndex.index.getSource("a.md")?.id).toBe("SRC-a");
		expect(Notice.shown).toHaveLength(1);
		expect(Notice.shown[0]?.message).toContain('"excludedFolders" should be a list of texts');
		expect(Notice.shown[0]?.message).toContain('"statuses" should be a non-empty list of texts');
	});

	it("registers the validate command without a default hotkey", async () => {
		const { plugin } = await loadPlugin({});
		const commands = [...(plugin as any).commands.values()];
		expect(commands.map((c: any) => c.name)).toContain("Validate sources (report)");
		for (const c of commands) expect(c.hotkeys).toBeUndefined();
	});

	it("re-recognises sources when the id prefix setting changes", async () => {
		const { plugin } = await loadPlugin({ "a.md": src("id: SRC-1\ntitle: A\nstatus: raw"), "b.md": seedNote() });
		expect(plugin.sourceIndex.index.size).toBe(1);
		await plugin.updateSettings({ idPrefix: "SRC-" });
		expect([...plugin.sourceIndex.index.sources()].map((s) => s.path)).toEqual(["a.md"]);
		expect((plugin as any).savedData.idPrefix).toBe("SRC-");
	});

	it("renders open reading views again when seek links in reading view are turned off or on", async () => {
		const { app, plugin } = await loadPlugin({ "b.md": seedNote() });
		const leaf = app.workspace.getLeaf(true);
		await leaf.setViewState({ type: "markdown" });
		leaf.view = new MarkdownView(leaf);
		const other = app.workspace.getLeaf(true);
		await other.setViewState({ type: "source-lifecycle-triage-x" });
		await plugin.updateSettings({ autoSync: true });
		expect(leaf.view.previewMode.rerenders).toEqual([]);
		await plugin.updateSettings({ timestampsInReadingView: false });
		expect(leaf.view.previewMode.rerenders).toEqual([true]);
		await plugin.updateSettings({ timestampsInReadingView: true });
		expect(leaf.view.previewMode.rerenders).toEqual([true, true]);
	});

	it("follows a renamed folder that the source folder or excluded folders setting names", async () => {
		const { app, plugin } = await loadPlugin({ "Sources/a.md": src("id: SOURCE-a\ntitle: A\nstatus: raw"), "In/x.md": "[[a]]" }, { sourceFolder: "Sources", excludedFolders: ["In/Sub", "Other"] });
		const folder = (path: string) => Object.assign(new TFolder(), { path, name: path.split("/").pop() });
		app.vault.trigger("rename", folder("Library"), "Sources");
		app.vault.trigger("rename", folder("Inbox"), "In");
		app.vault.trigger("rename", folder("Elsewhere"), "Nothing");
		for (let i = 0; i < 10; i++) await Promise.resolve();
		expect(plugin.settings.sourceFolder).toBe("Library");
		expect(plugin.settings.excludedFolders).toEqual(["Inbox/Sub", "Other"]);
		expect((plugin as any).savedData.sourceFolder).toBe("Library");
	});
});
