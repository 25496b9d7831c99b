/** @jest-environment jsdom */
import { format } from "date-fns";
import { Modal, Notice, TFile, type App } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { seedNote } from "../helpers/fixtures";
import { IntegrateTargetModal, StatusSuggestModal } from "../../src/plugin/modals";
import type SourceLifecyclePlugin from "../../src/plugin/main";

const TODAY = format(new Date(), "yyyy-MM-dd");
const note = (fields: string, eol = "\n", bom = "") => bom + ["---", ...fields.split("\n"), "---", "", "# Body"].join(eol);
const file = (app: App, path: string) => app.vault.getFileByPath(path) as TFile;
const text = (app: App, path: string) => app.vault.contents.get(path) as string;
const asReal = (f: TFile) => f as any;

/** Run a palette command as Obsidian does: checkCallback(true) to show it, (false) to run it. */
function command(plugin: SourceLifecyclePlugin, id: string): { shown: boolean; run: () => void } {
	const c = (plugin as any).commands.get(id);
	if (!c) throw new Error(`no command ${id}`);
	return { shown: c.checkCallback(true) === true, run: () => c.checkCallback(false) };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

beforeEach(() => {
	Modal.opened.length = 0;
	Notice.shown.length = 0;
});

describe("LifecycleActions (writer on the obsidian mock)", () => {
	it.each([
		["start", "in_progress", { status: "raw" }],
		["markIntegrated", "integrated", { status: "raw" }],
		["archive", "archived", { status: "in_progress" }],
		["reopen", "raw", { status: "integrated" }],
	] as const)("%s moves the source to %s through vault.process", async (action, to, fm) => {
		const { app, plugin } = await loadPlugin({ "s.md": note(`id: SOURCE-1\nstatus: ${fm.status}\ndate_integrated: null`) });
		const process = jest.spyOn(app.vault, "process");
		const outcome = await plugin.lifecycle[action](asReal(file(app, "s.md")));
		expect(outcome).toBe("written");
		expect(process).toHaveBeenCalledTimes(1);
		expect(text(app, "s.md")).toBe(note(`id: SOURCE-1\nstatus: ${to}\ndate_integrated: ${to === "integrated" ? TODAY : "null"}`));
	});

	it("integrate then reopen restores CRLF + comments + BOM byte for byte", async () => {
		const original = note("id: SOURCE-1 # id\nstatus: raw # new\n# comment\ndate_integrated: null\ntopics: ['a', b]", "\r\n", "\uFEFF");
		const { app, plugin } = await loadPlugin({ "s.md": original });
		expect(await plugin.lifecycle.markIntegrated(asReal(file(app, "s.md")))).toBe("written");
		expect(text(app, "s.md")).toBe(original.replace("status: raw", "status: integrated").replace("date_integrated: null", `date_integrated: ${TODAY}`));
		expect(await plugin.lifecycle.reopen(asReal(file(app, "s.md")))).toBe("written");
		expect(text(app, "s.md")).toBe(original);
	});

	it("edits the text as it is at write time (a concurrent edit is kept)", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": seedNote() });
		app.vault.beforeProcessWrite = (f) => {
			app.vault.contents.set(f.path, app.vault.contents.get(f.path) + "\nTyped meanwhile.\n");
			app.vault.beforeProcessWrite = null;
		};
		await plugin.lifecycle.start(asReal(file(app, "s.md")));
		expect(text(app, "s.md")).toBe(seedNote().replace("status: raw", "status: in_progress") + "\nTyped meanwhile.\n");
	});

	it.each([
		["an unknown status", note("id: SOURCE-1\nstatus: raw"), "done", /not a configured status/],
		["a refused transition", note("id: SOURCE-1\nstatus: archived"), "integrated", /archived; reopen/],
		["malformed YAML", note("id: SOURCE-1\nstatus: raw\nstatus: raw"), "archived", /malformed/],
	])("refuses %s with a Notice naming the file, writing nothing", async (_name, before, to, reason) => {
		const { app, plugin } = await loadPlugin({ "Sources/s.md": before });
		const writes = app.vault.writes;
		expect(await plugin.lifecycle.setStatus(asReal(file(app, "Sources/s.md")), to)).toBe("refused");
		expect(app.vault.writes).toBe(writes);
		expect(text(app, "Sources/s.md")).toBe(before);
		expect(Notice.shown).toHaveLength(1);
		expect(Notice.shown[0]?.message).toContain("Sources/s.md");
		expect(Notice.shown[0]?.message).toMatch(reason);
	});

	it("refuses a note that is not a SOURCE note", async () => {
		const { app, plugin } = await loadPlugin({ "n.md": note("title: mine\nstatus: raw") });
		expect(await plugin.lifecycle.archive(asReal(file(app, "n.md")))).toBe("refused");
		expect(Notice.shown[0]?.message).toMatch(/n\.md.*not a SOURCE note/);
	});

	it("says so when the source already has the status, and writes nothing", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": seedNote() });
		expect(await plugin.lifecycle.reopen(asReal(file(app, "s.md")))).toBe("unchanged");
		expect(app.vault.writes).toBe(0);
		expect(Notice.shown[0]?.message).toMatch(/already raw/);
	});

	it("follows the configured statuses: start goes to the first working status when in_progress was renamed", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": note("id: SOURCE-1\nstatus: inbox") }, { statuses: ["inbox", "doing", "integrated", "archived"] });
		await plugin.lifecycle.start(asReal(file(app, "s.md")));
		expect(text(app, "s.md")).toContain("status: doing");
		await plugin.lifecycle.reopen(asReal(file(app, "s.md")));
		expect(text(app, "s.md")).toContain("status: inbox");
	});

	it("start moves to the next working status when several are configured, then says it is at the last", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": note("id: SOURCE-1\nstatus: raw") }, { statuses: ["raw", "in_progress", "reviewing", "integrated", "archived"] });
		const s = () => asReal(file(app, "s.md"));
		await plugin.lifecycle.start(s());
		expect(text(app, "s.md")).toContain("status: in_progress\n");
		app.metadataCache.indexFile("s.md");
		await plugin.lifecycle.start(s());
		expect(text(app, "s.md")).toContain("status: reviewing\n");
		app.metadataCache.indexFile("s.md");
		Notice.shown.length = 0;
		expect(await plugin.lifecycle.start(s())).toBe("unchanged");
		expect(Notice.shown[0]?.message).toMatch(/already reviewing/);
	});
});

describe("palette commands", () => {
	const ids = ["set-status", "start-source", "mark-integrated", "archive-source", "reopen-source", "integrate-into-note"];

	it("registers sentence-case commands without hotkeys", async () => {
		const { plugin } = await loadPlugin({});
		for (const id of ids) {
			const c = (plugin as any).commands.get(id);
			expect(c).toBeDefined();
			expect(c.hotkeys).toBeUndefined();
			expect(c.name).toMatch(/^[A-Z][^A-Z]*$/);
		}
	});

	it("shows them only on SOURCE notes", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": seedNote(), "n.md": "# mine", "pic.png": "" });
		for (const [active, shown] of [["s.md", true], ["n.md", false], ["pic.png", false], [null, false]] as const) {
			app.workspace.activeFile = active ? file(app, active) : null;
			for (const id of ids) expect([active, id, command(plugin, id).shown]).toEqual([active, id, shown]);
		}
	});

	it.each([
		["start-source", "in_progress"],
		["mark-integrated", "integrated"],
		["archive-source", "archived"],
	])("%s changes the active source to %s", async (id, status) => {
		const { app, plugin } = await loadPlugin({ "s.md": seedNote() });
		app.workspace.activeFile = file(app, "s.md");
		command(plugin, id).run();
		await flush();
		expect(text(app, "s.md")).toContain(`\nstatus: ${status}\n`);
	});

	it("reopen-source goes back to raw and clears the date", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": note("id: SOURCE-1\nstatus: integrated\ndate_integrated: 2025-01-01") });
		app.workspace.activeFile = file(app, "s.md");
		command(plugin, "reopen-source").run();
		await flush();
		expect(text(app, "s.md")).toBe(note("id: SOURCE-1\nstatus: raw\ndate_integrated: null"));
	});

	it("set status offers only the allowed next states and applies the choice", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": note("id: SOURCE-1\nstatus: integrated\ndate_integrated: 2025-01-01") });
		app.workspace.activeFile = file(app, "s.md");
		command(plugin, "set-status").run();
		const modal = Modal.opened.at(-1) as unknown as StatusSuggestModal;
		expect(modal).toBeInstanceOf(StatusSuggestModal);
		expect(modal.getSuggestions("")).toEqual(["raw", "archived"]);
		expect(modal.getSuggestions("arc")).toEqual(["archived"]);
		modal.onChooseSuggestion("archived");
		await flush();
		expect(text(app, "s.md")).toBe(note("id: SOURCE-1\nstatus: archived\ndate_integrated: 2025-01-01"));
	});
});

describe("integrate into note", () => {
	const target = "# My thoughts\r\n\r\nIdeas.\r\n\r\n## Sources\r\n- [[Older]]\r\n\r\n## Later\r\nEnd";

	it("links the source once under the heading, and fills integrated_into, status and date", async () => {
		const { app, plugin } = await loadPlugin({ "Sources/Talk.md": seedNote(), "Notes/Thoughts.md": target, "Older.md": "" });
		const process = jest.spyOn(app.vault, "process");
		const outcome = await plugin.lifecycle.integrateInto(asReal(file(app, "Sources/Talk.md")), asReal(file(app, "Notes/Thoughts.md")));
		expect(outcome).toBe("written");
		expect(process.mock.calls.map((c) => c[0].path)).toEqual(["Notes/Thoughts.md", "Sources/Talk.md"]);
		expect(text(app, "Notes/Thoughts.md")).toBe(target.replace("- [[Older]]\r\n", "- [[Older]]\r\n- [[Talk]]\r\n"));
		expect(text(app, "Sources/Talk.md")).toBe(
			seedNote()
				.replace("status: raw", "status: integrated")
				.replace("date_integrated: null", `date_integrated: ${TODAY}`)
				.replace("integrated_into: []", 'integrated_into:\n  - "[[Thoughts]]"'),
		);
		// A second time changes nothing in either note.
		const again = await plugin.lifecycle.integrateInto(asReal(file(app, "Sources/Talk.md")), asReal(file(app, "Notes/Thoughts.md")));
		expect(again).toBe("unchanged");
		expect(text(app, "Notes/Thoughts.md").match(/\[\[Talk\]\]/g)).toHaveLength(1);
	});

	it("writes path link texts when basenames are ambiguous, as Obsidian would", async () => {
		const { app, plugin } = await loadPlugin({ "Sources/Talk.md": seedNote(), "Archive/Talk.md": "", "A/Idea.md": "x\n", "B/Idea.md": "" });
		await plugin.lifecycle.integrateInto(asReal(file(app, "Sources/Talk.md")), asReal(file(app, "A/Idea.md")));
		expect(text(app, "A/Idea.md")).toBe("x\n\n## Sources\n- [[Sources/Talk]]\n");
		expect(text(app, "Sources/Talk.md")).toContain('integrated_into:\n  - "[[A/Idea]]"\n');
	});

	it("does not add a link when the section already links the source by another spelling", async () => {
		const before = "## Sources\n- [[Sources/Talk|the talk]]\n";
		const { app, plugin } = await loadPlugin({ "Sources/Talk.md": seedNote(), "n.md": before });
		await plugin.lifecycle.integrateInto(asReal(file(app, "Sources/Talk.md")), asReal(file(app, "n.md")));
		expect(text(app, "n.md")).toBe(before);
		expect(text(app, "Sources/Talk.md")).toContain('  - "[[n]]"');
	});

	it("creates a new note (in the folder for new notes) and integrates into it", async () => {
		const { app, plugin } = await loadPlugin({ "Sources/Talk.md": seedNote() });
		(app.fileManager as any).newFileFolder = "Notes";
		const source = asReal(file(app, "Sources/Talk.md"));
		plugin.lifecycle.pickAndIntegrate(source);
		const modal = Modal.opened.at(-1) as unknown as IntegrateTargetModal;
		expect(modal).toBeInstanceOf(IntegrateTargetModal);
		const suggestions = modal.getSuggestions("Fresh idea");
		expect(suggestions.map((s) => s.item)).toEqual([{ create: "Fresh idea" }]);
		const el = document.createElement("div");
		modal.renderSuggestion(suggestions[0] as any, el);
		expect(el.textContent).toBe("Create new note: Fresh idea");
		modal.onChooseSuggestion(suggestions[0] as any, new KeyboardEvent("keydown"));
		await flush();
		expect(text(app, "Notes/Fresh idea.md")).toBe("## Sources\n- [[Talk]]\n");
		expect(text(app, "Sources/Talk.md")).toContain('integrated_into:\n  - "[[Fresh idea]]"');
	});

	it("keeps the create choice among the shown suggestions when many notes match the typed name", async () => {
		const notes: Record<string, string> = { "Sources/Talk.md": seedNote() };
		for (let i = 0; i < 300; i++) notes[`Research/Research log part ${i}.md`] = "x";
		const { app, plugin } = await loadPlugin(notes);
		plugin.lifecycle.pickAndIntegrate(asReal(file(app, "Sources/Talk.md")));
		const modal = Modal.opened.at(-1) as unknown as IntegrateTargetModal;
		const suggestions = modal.getSuggestions("Research log");
		expect(suggestions).toHaveLength(modal.limit);
		expect(suggestions.at(-1)?.item).toEqual({ create: "Research log" });
		expect(suggestions.filter((s) => s.item instanceof TFile)).toHaveLength(modal.limit - 1);
	});

	it.each([
		["Idea", "", "Idea.md"],
		["Idea.md", "", "Idea.md"],
		["Projects/Plan", "Notes", "Projects/Plan.md"],
		["Idea", "Inbox/New", "Inbox/New/Idea.md"],
	])("the picker puts a typed name %j (new-note folder %j) at %s", async (name, folder, path) => {
		const { app, plugin } = await loadPlugin({ "Sources/Talk.md": seedNote() });
		(app.fileManager as any).newFileFolder = folder;
		expect(plugin.lifecycle.newNotePath(name, asReal(file(app, "Sources/Talk.md")))).toBe(path);
	});

	it("creates a typed path at that path", async () => {
		const { app, plugin } = await loadPlugin({ "Talk.md": seedNote() });
		await plugin.lifecycle.integrateInto(asReal(file(app, "Talk.md")), "Projects/Plan");
		expect(text(app, "Projects/Plan.md")).toBe("## Sources\n- [[Talk]]\n");
	});

	it("lists only Markdown notes that are not SOURCE notes, and offers no creation for an existing name", async () => {
		const { app, plugin } = await loadPlugin({ "Talk.md": seedNote(), "Other source.md": note("id: SOURCE-2\nstatus: raw"), "Mine.md": "", "img.png": "" });
		plugin.lifecycle.pickAndIntegrate(asReal(file(app, "Talk.md")));
		const modal = Modal.opened.at(-1) as unknown as IntegrateTargetModal;
		expect(modal.getItems().map((f) => (f as any).path)).toEqual(["Mine.md"]);
		expect(modal.getSuggestions("mine").map((s) => (s.item as any).path)).toEqual(["Mine.md"]);
	});

	it.each([
		["an archived source", note("id: SOURCE-1\nstatus: archived"), "n.md", /archived; reopen/],
		["a SOURCE note as target", note("id: SOURCE-1\nstatus: raw"), "other.md", /is a SOURCE note/],
		["a malformed source", note("id: SOURCE-1\nstatus: raw\nstatus: raw"), "n.md", /malformed/],
	])("refuses %s before writing anything", async (_name, sourceText, targetPath, reason) => {
		const { app, plugin } = await loadPlugin({ "s.md": sourceText, "n.md": "# n\n", "other.md": note("id: SOURCE-2\nstatus: raw") });
		expect(await plugin.lifecycle.integrateInto(asReal(file(app, "s.md")), asReal(file(app, targetPath)))).toBe("refused");
		expect(app.vault.writes).toBe(0);
		expect(Notice.shown[0]?.message).toMatch(/s\.md/);
		expect(Notice.shown[0]?.message).toMatch(reason);
	});

	it("refuses to create a note for an archived source", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": note("id: SOURCE-1\nstatus: archived") });
		expect(await plugin.lifecycle.integrateInto(asReal(file(app, "s.md")), "New")).toBe("refused");
		expect(app.vault.getFileByPath("New.md")).toBeNull();
	});

	it.each([["a/../b"], ["bad|name"], ["  "]])("refuses the note name %j", async (name) => {
		const { app, plugin } = await loadPlugin({ "s.md": seedNote() });
		expect(await plugin.lifecycle.integrateInto(asReal(file(app, "s.md")), name)).toBe("refused");
		expect(app.vault.writes).toBe(0);
	});

	it("the palette command opens the note picker on a SOURCE note", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": seedNote(), "n.md": "" });
		app.workspace.activeFile = file(app, "s.md");
		command(plugin, "integrate-into-note").run();
		expect(Modal.opened.at(-1)).toBeInstanceOf(IntegrateTargetModal);
	});
});
