/** @jest-environment jsdom */
import { App, Modal, Notice, TFile, WorkspaceLeaf } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { TRIAGE_VIEW_TYPE, TriageView, mountTriageList } from "../../src/ui/triage-view";
import { queueOf, toQueueItem } from "../../src/core/sources/queue";
import { toSourceNote } from "../../src/core/sources/source";
import { DEFAULT_SETTINGS } from "../../src/core/sources/settings";
import { currentQueue, openNextSource } from "../../src/plugin/triage";
import type SourceLifecyclePlugin from "../../src/plugin/main";

const src = (fields: string) => `---\n${fields}\n---\n\nBody\n`;

const NOTES: Record<string, string> = {
	"Sources/a.md": src("id: SOURCE-a\ntitle: Alpha talk\nstatus: raw\nplatform: youtube\nsignal_tier: high\ncreator: a16z\ndate_published: 2025-01-10\nduration: 12m\nteleology: implement\nnotebooklm_category: ai"),
	"Sources/b.md": src("id: SOURCE-b\ntitle: Beta interview\nstatus: in_progress\nplatform: podcast\nsignal_tier: paradigm\ncreator: Lex\ndate_published: 2024-06-01\nteleology: understand"),
	"Sources/c.md": src("id: SOURCE-c\ntitle: Gamma\nstatus: raw\nplatform: youtube\nsignal_tier: low\ndate_published: 2025-03-01\ntopics:\n  - robotics"),
	"Sources/d.md": src("id: SOURCE-d\ntitle: Delta\nstatus: integrated\nplatform: youtube\nintegrated_into:\n  - \"[[Note]]\""),
	"Sources/e.md": src("id: SOURCE-e\ntitle: Epsilon\nstatus: archived\nplatform: podcast"),
	"Note.md": "Uses [[d]].\n",
};

interface Opened {
	app: App;
	plugin: SourceLifecyclePlugin;
	view: TriageView;
	leaf: WorkspaceLeaf;
}

async function open(notes: Record<string, string> = NOTES): Promise<Opened> {
	const { app, plugin } = await loadPlugin(notes);
	// As Obsidian does after a write: the metadata cache re-reads the note and fires its events.
	app.vault.on("modify", (f: TFile) => app.metadataCache.indexFile(f.path));
	await (plugin as any).commands.get("open-triage-queue").callback();
	const leaf = app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0] as WorkspaceLeaf;
	const view = leaf.view as TriageView;
	document.body.appendChild(view.containerEl);
	return { app, plugin, view, leaf };
}

const rows = (view: TriageView) => [...view.containerEl.querySelectorAll<HTMLElement>(".source-lifecycle-triage-row")];
const titles = (view: TriageView) => rows(view).map((r) => r.querySelector(".source-lifecycle-triage-title")?.textContent);
const selectedTitle = (view: TriageView) => view.containerEl.querySelector(".source-lifecycle-triage-row.is-selected .source-lifecycle-triage-title")?.textContent;
const counts = (view: TriageView) =>
	Object.fromEntries([...view.containerEl.querySelectorAll(".source-lifecycle-triage-count")].map((c) => [c.getAttribute("data-status"), Number(c.querySelector(".source-lifecycle-triage-count-value")?.textContent)]));
const listEl = (view: TriageView) => view.containerEl.querySelector(".source-lifecycle-triage-list") as HTMLElement;
const key = (view: TriageView, k: string) => listEl(view).dispatchEvent(new KeyboardEvent("keydown", { key: k, bubbles: true, cancelable: true }));
const choose = (view: TriageView, filter: string, value: string) => {
	const select = view.containerEl.querySelector(`select[data-filter="${filter}"]`) as HTMLSelectElement;
	select.value = value;
	select.dispatchEvent(new Event("change"));
};
const options = (view: TriageView, filter: string) => [...view.containerEl.querySelectorAll(`select[data-filter="${filter}"] option`)].map((o) => (o as HTMLOptionElement).value);
const settle = async () => {
	for (let i = 0; i < 5; i++) await Promise.resolve();
};

afterEach(() => {
	document.body.empty();
	Notice.shown.length = 0;
	Modal.opened.length = 0;
});

describe("triage view: registration", () => {
	it("registers the view, a ribbon icon and the two commands, and opens nothing on load", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		const p = plugin as any;
		expect(p.views.has(TRIAGE_VIEW_TYPE)).toBe(true);
		expect(p.ribbonIcons.map((r: any) => r.title)).toContain("Open triage queue");
		expect(p.commands.get("open-triage-queue").name).toBe("Open triage queue");
		expect(p.commands.get("open-next-source").name).toBe("Open next source in queue");
		for (const c of p.commands.values()) expect(c.hotkeys).toBeUndefined();
		expect(app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)).toHaveLength(0);
	});

	it("opens in one side leaf, reused on the second call, and does no work in its constructor", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		const creator = (plugin as any).views.get(TRIAGE_VIEW_TYPE);
		const deferred = creator(new WorkspaceLeaf(app.workspace)) as TriageView;
		expect(deferred.contentEl.childElementCount).toBe(0);
		await (plugin as any).commands.get("open-triage-queue").callback();
		await (plugin as any).ribbonIcons[0].callback(new MouseEvent("click"));
		expect(app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)).toHaveLength(1);
	});
});

describe("triage view: header, filters and sort", () => {
	it("shows counts for every status and the sources that need a decision, by tier", async () => {
		const { view } = await open();
		expect(counts(view)).toEqual({ raw: 2, in_progress: 1, integrated: 1, archived: 1 });
		expect(titles(view)).toEqual(["Beta interview", "Alpha talk", "Gamma"]);
		const first = rows(view)[1] as HTMLElement;
		expect(first.textContent).toContain("a16z");
		expect(first.textContent).toContain("youtube");
		expect(first.textContent).toContain("12m");
		expect(first.textContent).toContain("2025-01-10");
		expect(first.textContent).toContain("high");
		expect(view.containerEl.querySelector(".source-lifecycle-triage-help")?.textContent).toMatch(/j\/k.*Enter open.*s start.*i integrate into note….*a archive.*r reopen.*\/ filter/);
	});

	it("builds each dropdown from the values present", async () => {
		const { view } = await open();
		expect(options(view, "platform")).toEqual(["", "podcast", "youtube"]);
		expect(options(view, "signalTier")).toEqual(["", "high", "low", "paradigm"]);
		expect(options(view, "teleology")).toEqual(["", "implement", "understand"]);
		expect(options(view, "notebooklmCategory")).toEqual(["", "ai"]);
		expect(options(view, "status")).toEqual(["", "*", "raw", "in_progress", "integrated", "archived"]);
		expect(options(view, "sort")).toEqual(["tier", "date", "date-oldest", "title"]);
	});

	it.each([
		["status", "*", ["Beta interview", "Alpha talk", "Gamma", "Delta", "Epsilon"]],
		["status", "archived", ["Epsilon"]],
		["platform", "youtube", ["Alpha talk", "Gamma"]],
		["signalTier", "low", ["Gamma"]],
		["teleology", "understand", ["Beta interview"]],
		["notebooklmCategory", "ai", ["Alpha talk"]],
		["sort", "date", ["Gamma", "Alpha talk", "Beta interview"]],
		["sort", "title", ["Alpha talk", "Beta interview", "Gamma"]],
	])("filter %s = %s", async (filter, value, expected) => {
		const { view } = await open();
		choose(view, filter, value);
		expect(titles(view)).toEqual(expected);
	});

	it("filters by text over title, creator and topics, case-insensitively", async () => {
		const { view } = await open();
		const input = view.containerEl.querySelector(".source-lifecycle-triage-search") as HTMLInputElement;
		for (const [text, expected] of [["ALPHA", ["Alpha talk"]], ["lex", ["Beta interview"]], ["robot", ["Gamma"]], ["", ["Beta interview", "Alpha talk", "Gamma"]]] as const) {
			input.value = text;
			input.dispatchEvent(new Event("input"));
			expect(titles(view)).toEqual(expected);
		}
	});

	it("clicking a status count filters to that status, clicking again goes back", async () => {
		const { view } = await open();
		(view.containerEl.querySelector('.source-lifecycle-triage-count[data-status="integrated"]') as HTMLElement).click();
		expect(titles(view)).toEqual(["Delta"]);
		(view.containerEl.querySelector('.source-lifecycle-triage-count[data-status="integrated"]') as HTMLElement).click();
		expect(titles(view)).toEqual(["Beta interview", "Alpha talk", "Gamma"]);
	});

	it("says what to do when the queue is empty, when filters match nothing, and when there are no sources", async () => {
		const { view } = await open({ "d.md": src("id: SOURCE-d\ntitle: D\nstatus: archived") });
		const empty = () => view.containerEl.querySelector(".source-lifecycle-triage-empty") as HTMLElement;
		expect(rows(view)).toHaveLength(0);
		expect(empty().textContent).toMatch(/Nothing needs a decision/);
		expect(empty().classList.contains("source-lifecycle-hidden")).toBe(false);
		choose(view, "status", "raw");
		expect(empty().textContent).toMatch(/No source matches these filters/);
		const none = await open({ "plain.md": "hi" });
		expect((none.view.containerEl.querySelector(".source-lifecycle-triage-empty") as HTMLElement).textContent).toMatch(/No source notes yet.*SOURCE-/);
	});

	it("shows an HTML title as text, never as markup", async () => {
		const { view } = await open({ "x.md": src('id: SOURCE-x\ntitle: "<img src=x onerror=alert(1)>"\nstatus: raw\ncreator: "<b>bold</b>"') });
		expect(titles(view)).toEqual(["<img src=x onerror=alert(1)>"]);
		expect(view.containerEl.querySelector("img")).toBeNull();
		expect(view.containerEl.querySelector(".source-lifecycle-triage-row b")).toBeNull();
		expect(rows(view)[0]?.textContent).toContain("<b>bold</b>");
	});

	it("counts problems per item", async () => {
		const { view } = await open({ "p.md": src("id: SOURCE-p\nstatus: raw\nurl: ftp://x\ndate_published: 2025-13-01") });
		const badge = view.containerEl.querySelector(".source-lifecycle-triage-problems") as HTMLElement;
		expect(badge.getAttribute("aria-label")).toBe("3 problems");
	});
});

describe("triage view: keyboard and actions", () => {
	it("moves with j/k and the arrows, and opens the selected note with Enter", async () => {
		const { app, view } = await open();
		expect(selectedTitle(view)).toBe("Beta interview");
		key(view, "j");
		expect(selectedTitle(view)).toBe("Alpha talk");
		key(view, "ArrowDown");
		key(view, "ArrowDown");
		expect(selectedTitle(view)).toBe("Gamma");
		key(view, "k");
		expect(selectedTitle(view)).toBe("Alpha talk");
		key(view, "ArrowUp");
		key(view, "ArrowUp");
		expect(selectedTitle(view)).toBe("Beta interview");
		key(view, "End");
		expect(selectedTitle(view)).toBe("Gamma");
		key(view, "Enter");
		await settle();
		expect(app.workspace.openedFiles).toEqual(["Sources/c.md"]);
	});

	it("s starts the selected source through the lifecycle, byte-exact, and selects the next item", async () => {
		const { app, view, plugin } = await open();
		const spy = jest.spyOn(plugin.lifecycle, "start");
		key(view, "j");
		key(view, "s");
		await settle();
		expect(spy).toHaveBeenCalledWith(app.vault.getFileByPath("Sources/a.md"));
		expect(app.vault.contents.get("Sources/a.md")).toBe((NOTES["Sources/a.md"] as string).replace("status: raw", "status: in_progress"));
		expect(selectedTitle(view)).toBe("Gamma");
	});

	it("a archives: the source leaves the queue and the next one is selected", async () => {
		const { app, view } = await open();
		key(view, "a");
		await settle();
		expect(app.vault.contents.get("Sources/b.md")).toBe((NOTES["Sources/b.md"] as string).replace("status: in_progress", "status: archived"));
		view.flush();
		expect(titles(view)).toEqual(["Alpha talk", "Gamma"]);
		expect(selectedTitle(view)).toBe("Alpha talk");
		expect(counts(view)).toEqual({ raw: 2, in_progress: 0, integrated: 1, archived: 2 });
	});

	it("r reopens an in-progress source to raw", async () => {
		const { app, view } = await open();
		key(view, "r");
		await settle();
		expect(app.vault.contents.get("Sources/b.md")).toBe((NOTES["Sources/b.md"] as string).replace("status: in_progress", "status: raw"));
	});

	it("i opens the integrate-into-note picker for the selected source, and the selection stays until a note is picked", async () => {
		const { view, plugin, app } = await open();
		const spy = jest.spyOn(plugin.lifecycle, "pickAndIntegrate");
		const before = selectedTitle(view);
		key(view, "i");
		await settle();
		expect(spy).toHaveBeenCalledWith(app.vault.getFileByPath("Sources/b.md"));
		expect(Modal.opened.length).toBe(1);
		// The picker is open (or was closed with Esc): nothing happened yet.
		expect(selectedTitle(view)).toBe(before);
	});

	it("keeps keys working after a row button is clicked: the list takes the focus back", async () => {
		const { view } = await open();
		listEl(view).focus();
		const row = rows(view).find((r) => r.textContent?.includes("Gamma")) as HTMLElement;
		const button = row.querySelector('button[data-action="archive"]') as HTMLButtonElement;
		button.focus();
		button.click();
		for (let i = 0; i < 20; i++) await settle();
		expect(document.activeElement).toBe(listEl(view));
	});

	it("keeps the focus on a filter changed with the keyboard, and asks Obsidian to save the view's state", async () => {
		const { view, app } = await open();
		const select = () => view.containerEl.querySelector('select[data-filter="platform"]') as HTMLSelectElement;
		select().focus();
		const saves = app.workspace.layoutSaves;
		choose(view, "platform", "podcast");
		expect(document.activeElement).toBe(select());
		expect(select().value).toBe("podcast");
		expect(app.workspace.layoutSaves).toBe(saves + 1);
		const chip = view.containerEl.querySelector('button[data-status="raw"]') as HTMLButtonElement;
		chip.focus();
		chip.click();
		expect((document.activeElement as HTMLElement).getAttribute("data-status")).toBe("raw");
		expect(app.workspace.layoutSaves).toBe(saves + 2);
	});

	it("/ jumps to the text filter, and Enter or ↓ there goes back to the list", async () => {
		const { view } = await open();
		const input = view.containerEl.querySelector(".source-lifecycle-triage-search") as HTMLInputElement;
		key(view, "/");
		expect(document.activeElement).toBe(input);
		input.dispatchEvent(new KeyboardEvent("keydown", { key: "ArrowDown", bubbles: true }));
		expect(document.activeElement).toBe(listEl(view));
	});

	it("ignores keys with modifiers, so Obsidian's hotkeys still work", async () => {
		const { view, plugin } = await open();
		const spy = jest.spyOn(plugin.lifecycle, "archive");
		listEl(view).dispatchEvent(new KeyboardEvent("keydown", { key: "a", ctrlKey: true, bubbles: true }));
		await settle();
		expect(spy).not.toHaveBeenCalled();
	});

	it("Enter on a focused row button presses that button, and does not open the selected note", async () => {
		const { view, plugin } = await open();
		const archive = jest.spyOn(plugin.lifecycle, "archive");
		const openSpy = jest.spyOn(view.app.workspace, "getLeaf");
		key(view, "j");
		const button = rows(view)[0]?.querySelector('button[data-action="archive"]') as HTMLButtonElement;
		const enter = new KeyboardEvent("keydown", { key: "Enter", bubbles: true, cancelable: true });
		button.dispatchEvent(enter);
		expect(enter.defaultPrevented).toBe(false);
		expect(openSpy).not.toHaveBeenCalled();
		// The browser turns that Enter into a click on the button.
		button.click();
		await settle();
		expect(archive).toHaveBeenCalledTimes(1);
	});

	it("shows per-item buttons for the transitions allowed from the item's status", async () => {
		const { view } = await open();
		const actionsOf = (title: string) => {
			const row = rows(view).find((r) => r.querySelector(".source-lifecycle-triage-title")?.textContent === title) as HTMLElement;
			return [...row.querySelectorAll("button")].map((b) => b.getAttribute("data-action"));
		};
		expect(actionsOf("Alpha talk")).toEqual(["start", "integrate", "archive"]);
		expect(actionsOf("Beta interview")).toEqual(["integrate", "archive", "reopen"]);
	});

	it("a click on an item's archive button archives that item", async () => {
		const { app, view } = await open();
		const row = rows(view).find((r) => r.textContent?.includes("Gamma")) as HTMLElement;
		(row.querySelector('button[data-action="archive"]') as HTMLElement).click();
		await settle();
		expect(app.vault.contents.get("Sources/c.md")).toContain("status: archived");
		expect(app.vault.contents.get("Sources/a.md")).toContain("status: raw");
	});

	it("a click on an item opens its note", async () => {
		const { app, view } = await open();
		(rows(view)[2] as HTMLElement).click();
		await settle();
		expect(app.workspace.openedFiles).toEqual(["Sources/c.md"]);
		expect(selectedTitle(view)).toBe("Gamma");
	});
});

describe("triage view: live updates", () => {
	it("follows edits made elsewhere after the index changes, without a manual refresh", async () => {
		const { app, view } = await open();
		app.vault.addFile("Sources/n.md", src("id: SOURCE-n\ntitle: New one\nstatus: raw\nsignal_tier: paradigm"));
		app.metadataCache.indexFile("Sources/n.md");
		app.vault.contents.set("Sources/c.md", (NOTES["Sources/c.md"] as string).replace("status: raw", "status: integrated"));
		app.metadataCache.indexFile("Sources/c.md");
		view.flush();
		expect(titles(view)).toEqual(["Beta interview", "New one", "Alpha talk"]);
		expect(counts(view)).toEqual({ raw: 2, in_progress: 1, integrated: 2, archived: 1 });
		await app.vault.rename(app.vault.getFileByPath("Sources/a.md") as any, "Done/a2.md");
		app.metadataCache.trigger("deleted", app.vault.getFileByPath("Sources/n.md") ?? { path: "Sources/n.md" }, null);
		view.flush();
		expect(rows(view).map((r) => r.getAttribute("data-path"))).toEqual(["Sources/b.md", "Done/a2.md"]);
	});

	it("keeps the queue order through many single changes, as if built from scratch", async () => {
		const notes: Record<string, string> = {};
		const tiers = ["paradigm", "high", "low", "odd"];
		for (let i = 0; i < 40; i++) notes[`S/${i}.md`] = src(`id: SOURCE-${i}\ntitle: T${i % 7}\nstatus: ${i % 3 ? "raw" : "in_progress"}\nsignal_tier: ${tiers[i % 4]}\ndate_published: 2025-0${1 + (i % 9)}-1${i % 10}`);
		const { app, view, plugin } = await open(notes);
		for (let step = 0; step < 60; step++) {
			const i = (step * 17) % 45;
			const path = `S/${i}.md`;
			const text = src(`id: SOURCE-${i}\ntitle: T${step % 5}\nstatus: ${["raw", "in_progress", "archived"][step % 3]}\nsignal_tier: ${tiers[step % 4]}\ndate_published: 2025-0${1 + (step % 9)}-2${step % 10}`);
			if (app.vault.getFileByPath(path)) app.vault.contents.set(path, text);
			else app.vault.addFile(path, text);
			app.metadataCache.indexFile(path);
			if (step % 7 === 0) view.flush();
		}
		view.flush();
		const fresh = queueOf([...plugin.sourceIndex.index.sources()].map(toQueueItem), {}, plugin.settings);
		expect(view.queueItems().map((i) => i.path)).toEqual(fresh.map((i) => i.path));
		choose(view, "sort", "date");
		const byDate = queueOf([...plugin.sourceIndex.index.sources()].map(toQueueItem), { sort: "date" }, plugin.settings);
		expect(view.queueItems().map((i) => i.path)).toEqual(byDate.map((i) => i.path));
	});

	it("renders on its own shortly after a change (changes are gathered, not rendered one by one)", async () => {
		jest.useFakeTimers();
		try {
			const { app, view } = await open();
			const setItems = jest.spyOn(view.triageList!, "setItems");
			for (const p of ["Sources/a.md", "Sources/c.md"]) {
				app.vault.contents.set(p, (app.vault.contents.get(p) as string).replace("status: raw", "status: archived"));
				app.metadataCache.indexFile(p);
			}
			expect(setItems).not.toHaveBeenCalled();
			jest.advanceTimersByTime(100);
			expect(setItems).toHaveBeenCalledTimes(1);
			expect(titles(view)).toEqual(["Beta interview"]);
		} finally {
			jest.useRealTimers();
		}
	});

	it("does not render while hidden, and catches up when shown again", async () => {
		const { app, view } = await open();
		let shown = false;
		(view.containerEl as any).isShown = () => shown;
		const setItems = jest.spyOn(view.triageList!, "setItems");
		app.vault.contents.set("Sources/a.md", (NOTES["Sources/a.md"] as string).replace("status: raw", "status: archived"));
		app.metadataCache.indexFile("Sources/a.md");
		view.flush();
		expect(setItems).not.toHaveBeenCalled();
		shown = true;
		app.workspace.trigger("layout-change");
		expect(setItems).toHaveBeenCalledTimes(1);
		expect(titles(view)).toEqual(["Beta interview", "Gamma"]);
	});

	it("re-renders nothing when the index revision did not move", async () => {
		const { view } = await open();
		const setItems = jest.spyOn(view.triageList!, "setItems");
		view.flush();
		expect(setItems).not.toHaveBeenCalled();
	});

	it("unsubscribes from the index when closed", async () => {
		const { plugin, leaf } = await open();
		const listeners = (plugin.sourceIndex.index as any).listeners as Set<unknown>;
		const before = listeners.size;
		leaf.detach();
		await settle();
		expect(listeners.size).toBe(before - 1);
	});

	it("the refresh button rebuilds from the index", async () => {
		const { view, plugin } = await open();
		const index = plugin.sourceIndex.index;
		index.setNote("Sources/z.md", { id: "SOURCE-z", title: "Zed", status: "raw" }, false);
		expect(titles(view)).not.toContain("Zed");
		(view.containerEl.querySelector(".source-lifecycle-triage-refresh") as HTMLElement).click();
		expect(titles(view)).toContain("Zed");
	});
});

describe("triage view: next source command", () => {
	it("follows the open view's filter and sort, stepping from the active note", async () => {
		const { app, plugin, view } = await open();
		choose(view, "sort", "title");
		expect(currentQueue(plugin.featureContext()).map((i) => i.title)).toEqual(["Alpha talk", "Beta interview", "Gamma"]);
		await openNextSource(plugin.featureContext());
		expect(app.workspace.openedFiles).toEqual(["Sources/a.md"]);
		await openNextSource(plugin.featureContext());
		expect(app.workspace.openedFiles).toEqual(["Sources/a.md", "Sources/b.md"]);
	});

	it("uses the default queue when the view is closed", async () => {
		const { app, plugin } = await loadPlugin(NOTES);
		await (plugin as any).commands.get("open-next-source").callback();
		expect(app.workspace.openedFiles).toEqual(["Sources/b.md"]);
	});

	it("says so when the queue is empty", async () => {
		const { plugin } = await loadPlugin({ "plain.md": "x" });
		expect(await openNextSource(plugin.featureContext())).toBeNull();
		expect(Notice.shown.at(-1)?.message).toMatch(/queue is empty/);
	});
});

describe("triage list: virtualisation", () => {
	const many = (n: number) =>
		Array.from({ length: n }, (_, i) => toQueueItem(toSourceNote(`S/${i}.md`, { id: `SOURCE-${i}`, title: `Source number ${i}`, status: "raw" }, DEFAULT_SETTINGS)!));

	it("puts only the visible rows plus a small overscan in the DOM for 10,000 items", () => {
		const container = document.body.createDiv();
		const list = mountTriageList(container, many(10_000), { rowHeight: 50, overscan: 4, fallbackHeight: 500 });
		const count = () => container.querySelectorAll(".source-lifecycle-triage-row").length;
		expect(count()).toBe(14);
		expect((container.querySelector(".source-lifecycle-triage-spacer") as HTMLElement).style.height).toBe("500000px");
		list.el.scrollTop = 250_000;
		list.el.dispatchEvent(new Event("scroll"));
		expect(count()).toBe(18);
		expect(container.querySelector('[data-index="5000"]')?.textContent).toContain("Source number 5000");
	});

	it("keeps the selected row in view while moving", () => {
		const container = document.body.createDiv();
		const list = mountTriageList(container, many(1000), { rowHeight: 50, fallbackHeight: 500 });
		for (let i = 0; i < 30; i++) list.handleKey(new KeyboardEvent("keydown", { key: "j" }));
		expect(list.selectedIndex).toBe(30);
		expect(list.el.scrollTop).toBe(31 * 50 - 500);
		expect(container.querySelector(".is-selected")?.getAttribute("data-index")).toBe("30");
		list.handleKey(new KeyboardEvent("keydown", { key: "Home" }));
		expect(list.el.scrollTop).toBe(0);
	});
});
