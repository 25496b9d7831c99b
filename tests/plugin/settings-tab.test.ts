/** @jest-environment jsdom */
import { Setting } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { DEFAULT_SETTINGS, type SourceSettings } from "../../src/core/sources/settings";
import { TRIAGE_VIEW_TYPE, TriageView } from "../../src/ui/triage-view";
import { REBUILD_DELAY_MS, SAVE_DELAY_MS } from "../../src/plugin/main";

const src = (fields: string) => `---\n${fields}\n---\n`;

async function openTab(saved: Partial<SourceSettings> | null = null, notes: Record<string, string> = {}) {
	const { app, plugin } = await loadPlugin(notes, saved);
	Setting.all.length = 0;
	const tab = (plugin as any).settingTabs[0];
	tab.display();
	const byName = (name: string) => {
		const s = Setting.all.find((x) => x.name === name && !x.heading);
		if (!s) throw new Error(`no setting named ${name}`);
		return s;
	};
	const saved_ = () => (plugin as any).savedData as SourceSettings;
	return { app, plugin, tab, byName, saved: saved_ };
}

const NAMES: Record<keyof SourceSettings, string> = {
	idPrefix: "Source ID prefix",
	sourceFolder: "Source folder",
	statuses: "Statuses",
	tierOrder: "Signal tier order",
	aliasPrefixWords: "Alias prefix lengths",
	autoIntegrate: "Auto-integrate",
	autoSync: "Sync automatically",
	integrationHeading: "Integration heading",
	excludedFolders: "Excluded folders",
	timestampsInReadingView: "Seek links in reading view",
	timestampsInLivePreview: "Seek links in live preview",
	maxNoteBytes: "Maximum note size in megabytes",
	exportFolder: "Export folder",
	captureTemplate: "Template note for new sources",
};

describe("settings tab", () => {
	it("has one control for every setting, with a sentence-case name and a description", async () => {
		const { byName } = await openTab();
		expect(Object.keys(NAMES).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
		for (const name of Object.values(NAMES)) {
			const s = byName(name);
			expect(s.components).toHaveLength(1);
			expect(s.desc.length).toBeGreaterThan(10);
			expect(name[0]).toBe(name[0]!.toUpperCase());
			expect(name.slice(1)).not.toMatch(/ [A-Z][a-z]/);
		}
	});

	it("shows the current values", async () => {
		const { byName } = await openTab({ statuses: ["inbox", "done"], maxNoteBytes: 5 * 1024 * 1024, autoSync: true });
		expect((byName("Statuses").components[0] as any).getValue()).toBe("inbox, done");
		expect((byName("Signal tier order").components[0] as any).getValue()).toBe("paradigm, high, medium, low");
		expect((byName("Maximum note size in megabytes").components[0] as any).getValue()).toBe("5");
		expect((byName("Sync automatically").components[0] as any).getValue()).toBe(true);
		expect((byName("Auto-integrate").components[0] as any).getValue()).toBe(true);
	});

	it.each<[keyof SourceSettings, unknown, unknown]>([
		["idPrefix", " SRC- ", "SRC-"],
		["sourceFolder", "/Sources/", "Sources"],
		["statuses", "raw, in_progress, reviewing, integrated, archived", ["raw", "in_progress", "reviewing", "integrated", "archived"]],
		["tierOrder", "high, low", ["high", "low"]],
		["aliasPrefixWords", "3, 5", [3, 5]],
		["autoIntegrate", false, false],
		["autoSync", true, true],
		["integrationHeading", "### Used in", "### Used in"],
		["excludedFolders", "Inbox/, Templates", ["Inbox", "Templates"]],
		["timestampsInReadingView", false, false],
		["timestampsInLivePreview", false, false],
		["maxNoteBytes", "2", 2 * 1024 * 1024],
	])("changing %s saves %j as %j", async (key, typed, expected) => {
		const { byName, saved, plugin } = await openTab();
		jest.useFakeTimers();
		try {
			await (byName(NAMES[key]).components[0] as any).change(typed);
			expect(plugin.settings[key]).toEqual(expected);
			// Typed text is saved once typing pauses; a toggle at once.
			jest.advanceTimersByTime(SAVE_DELAY_MS);
			expect(saved()[key]).toEqual(expected);
		} finally {
			jest.useRealTimers();
		}
	});

	it.each<[keyof SourceSettings, string]>([
		["idPrefix", "   "],
		["statuses", " , "],
		["aliasPrefixWords", "four"],
		["integrationHeading", "Sources"],
		["maxNoteBytes", "0"],
		["sourceFolder", "../elsewhere"],
	])("refuses %s = %j: nothing saved, the input marked and the reason shown", async (key, typed) => {
		const { byName, saved, plugin } = await openTab();
		const setting = byName(NAMES[key]);
		const input = (setting.components[0] as any).inputEl as HTMLInputElement;
		await (setting.components[0] as any).change(typed);
		expect(saved()).toBeNull();
		expect(plugin.settings[key]).toEqual(DEFAULT_SETTINGS[key]);
		expect(input.classList.contains("source-lifecycle-invalid")).toBe(true);
		expect(input.getAttribute("aria-invalid")).toBe("true");
		expect(setting.descEl.querySelector(".source-lifecycle-setting-error")?.textContent).not.toBe("");
		await (setting.components[0] as any).change(String(Array.isArray(DEFAULT_SETTINGS[key]) ? (DEFAULT_SETTINGS[key] as unknown[]).join(", ") : key === "maxNoteBytes" ? "20" : DEFAULT_SETTINGS[key]));
		expect(input.classList.contains("source-lifecycle-invalid")).toBe(false);
		expect(setting.descEl.querySelector(".source-lifecycle-setting-error")?.textContent).toBe("");
	});

	it("a new prefix re-reads the sources once typing pauses, not for every key", async () => {
		const { byName, plugin } = await openTab(null, { "a.md": src("id: SRC-a\ntitle: A\nstatus: raw"), "b.md": src("id: SOURCE-b\ntitle: B\nstatus: raw"), "c.md": src("id: S-c\ntitle: C") });
		const ids = () => [...plugin.sourceIndex.index.sources()].map((s) => s.id).sort();
		expect(ids()).toEqual(["SOURCE-b"]);
		const rebuild = jest.spyOn(plugin.sourceIndex, "rebuild");
		jest.useFakeTimers();
		try {
			const input = byName("Source ID prefix").components[0] as any;
			for (const typed of ["S", "SR", "SRC", "SRC-"]) await input.change(typed);
			expect(plugin.settings.idPrefix).toBe("SRC-");
			expect(rebuild).not.toHaveBeenCalled();
			expect(ids()).toEqual(["SOURCE-b"]);
			jest.advanceTimersByTime(REBUILD_DELAY_MS);
			expect(rebuild).toHaveBeenCalledTimes(1);
			expect(ids()).toEqual(["SRC-a"]);
		} finally {
			jest.useRealTimers();
		}
	});

	it("a prefix changed by code (not typed) re-reads the sources at once", async () => {
		const { plugin } = await openTab(null, { "a.md": src("id: SRC-a\ntitle: A\nstatus: raw") });
		await plugin.updateSettings({ idPrefix: "SRC-" });
		expect([...plugin.sourceIndex.index.sources()].map((s) => s.id)).toEqual(["SRC-a"]);
	});

	it("a new tier order re-sorts an open triage queue", async () => {
		const { app, byName, plugin } = await openTab(null, {
			"a.md": src("id: SOURCE-a\ntitle: A\nstatus: raw\nsignal_tier: high"),
			"b.md": src("id: SOURCE-b\ntitle: B\nstatus: raw\nsignal_tier: low"),
		});
		await (plugin as any).commands.get("open-triage-queue").callback();
		const view = app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0]!.view as TriageView;
		expect(view.queueItems().map((i) => i.id)).toEqual(["SOURCE-a", "SOURCE-b"]);
		await (byName("Signal tier order").components[0] as any).change("low, high");
		expect(view.queueItems().map((i) => i.id)).toEqual(["SOURCE-b", "SOURCE-a"]);
	});
});
