/** @jest-environment jsdom */
import { Notice, TFile } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { TABLE_VAULT } from "../helpers/table-vault";
import { SourceTable } from "../../src/ui/source-table";
import { EXPORT_MARKER } from "../../src/core/sources/export";
import type SourceLifecyclePlugin from "../../src/plugin/main";

async function setUp(extra: Record<string, string> = {}) {
	const { app, plugin } = await loadPlugin({ ...TABLE_VAULT, ...extra });
	// As Obsidian does after a write: the metadata cache re-reads the note and fires its events.
	app.vault.on("modify", (f: TFile) => app.metadataCache.indexFile(f.path));
	return { app, plugin };
}

/** Run the code block processor as the reading view does for a `source-lifecycle` block in `Home.md`. */
function renderBlock(plugin: SourceLifecyclePlugin, options: string): { el: HTMLElement; table: SourceTable } {
	const processor = (plugin as any).codeBlockProcessors.get("source-lifecycle");
	const el = document.body.appendChild(document.createElement("div"));
	let table: SourceTable | null = null;
	processor(options, el, {
		sourcePath: "Home.md",
		addChild: (child: SourceTable) => {
			table = child;
			child.load();
		},
	});
	if (!table) throw new Error("the processor added no render child");
	return { el, table };
}

const cells = (el: HTMLElement) => [...el.querySelectorAll("tbody tr")].map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent));

describe("source-lifecycle code block", () => {
	it("renders the sources its options select, titles as internal links to their notes", async () => {
		const { plugin } = await setUp();
		const { el } = renderBlock(plugin, "status: raw, in_progress\ncolumns: title, status, creator");
		expect([...el.querySelectorAll("th")].map((th) => th.textContent)).toEqual(["Title", "Status", "Creator"]);
		expect(cells(el)).toEqual([
			["How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning", "raw", "a16z"],
			["Pipes | and [brackets]", "in_progress", "Ann | Bo"],
			["No category", "raw", ""],
		]);
		const link = el.querySelector<HTMLAnchorElement>("td a.internal-link");
		expect(link?.getAttribute("data-href")).toBe("seed");
	});

	it("opens the note on a click on its title", async () => {
		const { app, plugin } = await setUp();
		const { el } = renderBlock(plugin, "limit: 1");
		el.querySelector<HTMLAnchorElement>("a.internal-link")?.click();
		expect((app).workspace.openedFiles).toEqual(["seed"]);
	});

	it("shows an error box naming each bad option, never a table or an exception", async () => {
		const { plugin } = await setUp();
		const { el } = renderBlock(plugin, "status: done\ncolour: red\nsort: title upwards");
		expect(el.querySelector("table")).toBeNull();
		expect([...el.querySelectorAll(".source-lifecycle-table-error li")].map((li) => li.textContent)).toEqual([
			'unknown status "done" (known: raw, in_progress, integrated, archived)',
			'unknown option "colour" (options: status, category, tier, platform, columns, sort, limit)',
			'sort direction "upwards" is not asc or desc',
		]);
	});

	it("puts note text in as text: a title with markup stays text", async () => {
		const { plugin } = await setUp({ "Sources/x.md": '---\nid: SOURCE-x\ntitle: "<img src=x onerror=alert(1)>"\nstatus: raw\n---\n' });
		const { el } = renderBlock(plugin, "status: raw");
		expect(el.querySelector("img")).toBeNull();
		expect(cells(el).map((r) => r[0])).toContain("<img src=x onerror=alert(1)>");
	});

	it("renders again when a source it shows changes, or one that now matches; not for others; not once unloaded", async () => {
		const { app, plugin } = await setUp();
		const { el, table } = renderBlock(plugin, "status: raw");
		expect(cells(el)).toHaveLength(2);
		const vault = (app).vault;
		const renders = table.renders;
		await vault.modify(vault.getAbstractFileByPath("Working note.md") as TFile, "No links now.\n");
		const video = vault.getAbstractFileByPath("Sources/video.md") as TFile;
		await vault.modify(video, (await vault.read(video)).replace("status: integrated", "status: raw"));
		expect(table.renders).toBe(renders + 1);
		expect(cells(el).map((r) => r[0])).toContain("Video with timestamps");
		table.unload();
		await vault.modify(video, (await vault.read(video)).replace("status: raw", "status: archived"));
		expect(table.renders).toBe(renders + 1);
	});
});

describe("Export sources for NotebookLM…", () => {
	const runExport = async (plugin: SourceLifecyclePlugin) => {
		Notice.shown = [];
		await (plugin as any).commands.get("export-sources-for-notebooklm").callback();
		return Notice.shown.map((n) => n.message);
	};

	it("writes one file per category into the export folder, each starting with the marker line", async () => {
		const { app, plugin } = await setUp();
		const notices = await runExport(plugin);
		expect(notices).toEqual(["Source Lifecycle: exported 4 sources into 3 files in NotebookLM (3 written, 0 unchanged)."]);
		const vault = (app).vault;
		for (const name of ["ai-engineering", "strategy", "uncategorized"]) {
			const text = await vault.read(vault.getAbstractFileByPath(`NotebookLM/${name}.md`) as TFile);
			expect(text.startsWith(EXPORT_MARKER + "\n")).toBe(true);
		}
		expect(await runExport(plugin)).toEqual(["Source Lifecycle: exported 4 sources into 3 files in NotebookLM (0 written, 3 unchanged)."]);
	});

	it("never overwrites a note of the user's: the clash is named and nothing is written", async () => {
		const { app, plugin } = await setUp({ "NotebookLM/strategy.md": "# My strategy\n" });
		const notices = await runExport(plugin);
		expect(notices).toHaveLength(1);
		expect(notices[0]).toContain("nothing exported. NotebookLM/strategy.md is not a file the export wrote");
		const vault = (app).vault;
		expect(await vault.read(vault.getAbstractFileByPath("NotebookLM/strategy.md") as TFile)).toBe("# My strategy\n");
		expect(vault.getAbstractFileByPath("NotebookLM/ai-engineering.md")).toBeNull();
	});

	it("writes into the folder the setting names", async () => {
		const { app, plugin } = await setUp();
		await plugin.updateSettings({ exportFolder: "Exports/LM" });
		await runExport(plugin);
		expect((app).vault.getAbstractFileByPath("Exports/LM/strategy.md")).not.toBeNull();
	});
});
