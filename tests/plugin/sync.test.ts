/** @jest-environment jsdom */
import { format } from "date-fns";
import { App, MarkdownView, Notice, WorkspaceLeaf } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { seedNote } from "../helpers/fixtures";
import SourceLifecyclePlugin from "../../src/plugin/main";
import { AUTO_SYNC_DELAY_MS, BATCH_SIZE } from "../../src/plugin/sync";
import manifestJson from "../../manifest.json";

const TODAY = format(new Date(), "yyyy-MM-dd");
const note = (fields: string) => ["---", ...fields.split("\n"), "---", "", "# Body"].join("\n");
const SEED = "Sources/seed.md";
const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";

function command(plugin: SourceLifecyclePlugin, id: string): { shown: () => boolean; run: () => void } {
	const c = (plugin as any).commands.get(id);
	if (!c) throw new Error(`no command ${id}`);
	return {
		shown: () => (c.checkCallback ? c.checkCallback(true) === true : true),
		run: () => (c.checkCallback ? c.checkCallback(false) : c.callback()),
	};
}

const tick = () => new Promise((r) => setTimeout(r, 0));
async function until(cond: () => boolean, what: string): Promise<void> {
	for (let i = 0; i < 2000; i++) {
		if (cond()) return;
		await tick();
	}
	throw new Error(`timed out waiting for ${what}`);
}
const lastNotice = () => Notice.shown[Notice.shown.length - 1]?.message ?? "";

/** Load the plugin like tests/helpers/plugin, but with control over layout readiness. */
async function loadWith(notes: Record<string, string>, saved: unknown, opts: { layoutReady: boolean; unindexed?: string[] }) {
	const app = new App();
	app.workspace.layoutReady = opts.layoutReady;
	for (const [path, text] of Object.entries(notes)) app.vault.addFile(path, text);
	for (const path of Object.keys(notes)) if (!opts.unindexed?.includes(path)) app.metadataCache.indexFile(path, false);
	const plugin = new SourceLifecyclePlugin(app as any, manifestJson);
	(plugin as any).savedData = saved;
	(plugin as any)._loaded = true;
	await plugin.onload();
	return { app, plugin };
}

/** Change a note's text and let the mock metadata cache index it (changed, resolve, resolved). */
function edit(app: App, path: string, text: string): void {
	if (app.vault.getFileByPath(path)) app.vault.contents.set(path, text);
	else app.vault.addFile(path, text);
	app.metadataCache.indexFile(path);
}

beforeEach(() => {
	Notice.shown.length = 0;
});

describe("sync commands (docs/reference.md §8)", () => {
	it("registers four commands in sentence case, without default hotkeys", async () => {
		const { plugin } = await loadPlugin({});
		const names = ["fill-aliases-current", "fill-aliases-all", "sync-integrated-current", "sync-integrated-all"].map((id) => (plugin as any).commands.get(id));
		expect(names.map((c) => c.name)).toEqual([
			"Fill aliases of current source",
			"Fill aliases of all sources",
			"Sync integrated notes of current source",
			"Sync integrated notes of all sources",
		]);
		for (const c of names) {
			expect(c.hotkeys).toBeUndefined();
			expect(`${c.id} ${c.name}`).not.toMatch(/command/i);
		}
	});

	it("fill aliases of current source adds the missing aliases of the seed, byte-exact", async () => {
		const { app, plugin } = await loadPlugin({ [SEED]: seedNote(), "n.md": "[[seed]]" });
		const c = command(plugin, "fill-aliases-current");
		expect(c.shown()).toBe(false);
		app.workspace.activeFile = app.vault.getFileByPath(SEED);
		expect(c.shown()).toBe(true);
		c.run();
		await until(() => Notice.shown.length > 0, "a notice");
		expect(app.vault.contents.get(SEED)).toBe(
			seedNote().replace('  - "How OpenAI Builds for 800 Million"\n', `  - "How OpenAI Builds for 800 Million"\n  - "${SEED_TITLE}"\n  - "How OpenAI Builds for 800 Million Weekly Users"\n`),
		);
		expect(lastNotice()).toMatch(/aliases filled/);
		c.run();
		await until(() => /already complete/.test(lastNotice()), "the nothing-to-do notice");
	});

	it("sync integrated notes of current source writes Obsidian's link text and auto-integrates", async () => {
		const others = { "Work/Ideas.md": "[[seed]]", "Home/Ideas.md": "no link", "Essay.md": "![[Sources/seed#Timestamps]]" };
		const { app, plugin } = await loadPlugin({ [SEED]: seedNote(), ...others });
		app.workspace.activeFile = app.vault.getFileByPath(SEED);
		command(plugin, "sync-integrated-current").run();
		await until(() => Notice.shown.length > 0, "a notice");
		expect(app.vault.contents.get(SEED)).toBe(
			seedNote()
				.replace("status: raw", "status: integrated")
				.replace("date_integrated: null", `date_integrated: ${TODAY}`)
				.replace("integrated_into: []", 'integrated_into:\n  - "[[Essay]]"\n  - "[[Work/Ideas]]"'),
		);
		expect(lastNotice()).toMatch(/integrated notes added, status set to integrated/);
		expect(app.vault.writes).toBe(1);
		for (const [p, t] of Object.entries(others)) expect(app.vault.contents.get(p)).toBe(t);
	});

	it("names a source it refuses to change", async () => {
		const { app, plugin } = await loadPlugin({ "s.md": note("id: SOURCE-1\ntitle: S\nstatus: raw\nintegrated_into:\n  - [[n]]"), "n.md": "[[s]]" });
		app.workspace.activeFile = app.vault.getFileByPath("s.md");
		command(plugin, "sync-integrated-current").run();
		await until(() => Notice.shown.length > 0, "a notice");
		expect(Notice.shown.map((n) => n.message).join("\n")).toMatch(/s\.md: integrated_into has an item that is not text/);
		expect(app.vault.writes).toBe(0);
	});
});

describe("bulk sync runs", () => {
	const vaultOf = (n: number) => {
		const notes: Record<string, string> = {};
		for (let i = 0; i < n; i++) {
			notes[`Sources/s${i}.md`] = note(`id: SOURCE-${i}\ntitle: Talk number ${i} about many things\nstatus: raw\nintegrated_into: []`);
			notes[`Notes/n${i}.md`] = `Uses [[s${i}]]`;
		}
		return notes;
	};

	it("syncs every source in batches with a progress notice, touching no other note", async () => {
		const total = BATCH_SIZE * 2 + 3;
		const notes = vaultOf(total);
		const { app, plugin } = await loadPlugin(notes);
		command(plugin, "sync-integrated-all").run();
		expect(Notice.shown[0]?.message).toMatch(new RegExp(`Syncing integrated notes: 0 of ${total} sources`));
		await until(() => /done/.test(lastNotice()), "the summary");
		expect(lastNotice()).toBe(`Syncing integrated notes done: ${total} sources updated.`);
		expect(Notice.shown[0]?.hidden).toBe(true);
		for (let i = 0; i < total; i++) {
			expect(app.vault.contents.get(`Sources/s${i}.md`)).toBe(
				note(`id: SOURCE-${i}\ntitle: Talk number ${i} about many things\nstatus: integrated\nintegrated_into:\n  - "[[n${i}]]"\ndate_integrated: ${TODAY}`),
			);
			expect(app.vault.contents.get(`Notes/n${i}.md`)).toBe(notes[`Notes/n${i}.md`]);
		}
	});

	it("fill aliases of all sources touches only aliases", async () => {
		const { app, plugin } = await loadPlugin(vaultOf(3));
		command(plugin, "fill-aliases-all").run();
		await until(() => /done/.test(lastNotice()), "the summary");
		expect(app.vault.contents.get("Sources/s1.md")).toBe(
			note('id: SOURCE-1\ntitle: Talk number 1 about many things\nstatus: raw\nintegrated_into: []\naliases:\n  - "Talk number 1 about"\n  - "Talk number 1 about many things"'),
		);
	});

	it("stops at the Cancel button of the progress notice", async () => {
		const total = BATCH_SIZE * 4;
		const { app, plugin } = await loadPlugin(vaultOf(total));
		command(plugin, "sync-integrated-all").run();
		const button = Notice.shown[0]?.containerEl.querySelector("button");
		expect(button?.textContent).toBe("Cancel");
		button?.click();
		await until(() => /cancelled/.test(lastNotice()), "the cancelled summary");
		expect(app.vault.writes).toBeLessThan(total);
		expect(lastNotice()).toMatch(/^Syncing integrated notes cancelled: \d+ sources updated\.$/);
	});

	it("a second invocation cancels the running one", async () => {
		const total = BATCH_SIZE * 4;
		const { app, plugin } = await loadPlugin(vaultOf(total));
		const c = command(plugin, "sync-integrated-all");
		c.run();
		c.run();
		await until(() => /cancelled/.test(lastNotice()), "the cancelled summary");
		expect(app.vault.writes).toBeLessThan(total);
	});

	it("stops cleanly when the plugin unloads", async () => {
		const total = BATCH_SIZE * 4;
		const { app, plugin } = await loadPlugin(vaultOf(total));
		command(plugin, "sync-integrated-all").run();
		plugin.unload();
		for (let i = 0; i < 20; i++) await tick();
		expect(app.vault.writes).toBeLessThan(total);
		expect(Notice.shown.some((n) => /done|cancelled/.test(n.message))).toBe(false);
		// The progress notice (with its Cancel button) does not outlive the run.
		expect(Notice.shown.filter((n) => n.duration === 0 && !n.hidden)).toEqual([]);
	});
});

describe("auto-sync (setting)", () => {
	beforeEach(() => jest.useFakeTimers({ doNotFake: ["nextTick", "queueMicrotask"] }));
	afterEach(() => jest.useRealTimers());
	const settle = async () => {
		jest.advanceTimersByTime(AUTO_SYNC_DELAY_MS + 10);
		for (let i = 0; i < 50; i++) await Promise.resolve();
	};
	const notes = () => ({
		"a.md": note("id: SOURCE-a\ntitle: A\nstatus: raw\nintegrated_into: []"),
		"b.md": note("id: SOURCE-b\ntitle: B has five words here\nstatus: raw\nintegrated_into: []"),
	});

	it("syncs only the sources a link change touched, once the quiet time has passed", async () => {
		const { app } = await loadWith(notes(), { autoSync: true }, { layoutReady: true });
		const before = app.vault.contents.get("b.md");
		edit(app, "n.md", "now [[a]]");
		edit(app, "m.md", "and [[a|again]]");
		jest.advanceTimersByTime(AUTO_SYNC_DELAY_MS / 2);
		expect(app.vault.writes).toBe(0);
		await settle();
		expect(app.vault.contents.get("a.md")).toBe(note(`id: SOURCE-a\ntitle: A\nstatus: integrated\nintegrated_into:\n  - "[[m]]"\n  - "[[n]]"\ndate_integrated: ${TODAY}`));
		expect(app.vault.contents.get("b.md")).toBe(before);
		expect(app.vault.writes).toBe(1);
		// The write comes back as a change of the source: syncing it again writes nothing.
		app.metadataCache.indexFile("a.md");
		await settle();
		expect(app.vault.writes).toBe(1);
	});

	it("does nothing when the setting is off (the default)", async () => {
		const { app } = await loadWith(notes(), null, { layoutReady: true });
		edit(app, "n.md", "now [[a]]");
		await settle();
		expect(app.vault.writes).toBe(0);
	});

	it("ignores changes until the layout is ready and the index built", async () => {
		const { app } = await loadWith(notes(), { autoSync: true }, { layoutReady: false });
		edit(app, "n.md", "now [[a]]");
		await settle();
		expect(app.vault.writes).toBe(0);
		app.workspace.finishLayout();
		edit(app, "m.md", "[[b]]");
		await settle();
		expect(app.vault.contents.get("a.md")).toBe(notes()["a.md"]);
		expect(app.vault.contents.get("b.md")).toMatch(/integrated_into:\n {2}- "\[\[m\]\]"/);
	});

	it("stays off while Obsidian is still indexing, until its resolved event", async () => {
		const { app } = await loadWith({ ...notes(), "late.md": "[[b]]" }, { autoSync: true }, { layoutReady: true, unindexed: ["late.md"] });
		app.metadataCache.indexFile("late.md");
		// indexFile fires changed, resolve, then resolved: the change itself came while indexing.
		await settle();
		expect(app.vault.writes).toBe(0);
		edit(app, "n.md", "[[a]]");
		await settle();
		expect(app.vault.contents.get("a.md")).toMatch(/status: integrated/);
	});

	it("fills aliases when a source's title changes", async () => {
		const { app } = await loadWith(notes(), { autoSync: true }, { layoutReady: true });
		edit(app, "a.md", note("id: SOURCE-a\ntitle: A title with more words now\nstatus: raw\nintegrated_into: []"));
		await settle();
		expect(app.vault.contents.get("a.md")).toBe(
			note('id: SOURCE-a\ntitle: A title with more words now\nstatus: raw\nintegrated_into: []\naliases:\n  - "A title with more"\n  - "A title with more words now"'),
		);
	});

	it("leaves the source open in the active editor alone until the user leaves it (no aliases from a half-typed title)", async () => {
		const { app } = await loadWith(notes(), { autoSync: true }, { layoutReady: true });
		const view = new MarkdownView(new WorkspaceLeaf(app.workspace));
		view.file = app.vault.getFileByPath("a.md");
		app.workspace.activeEditor = view;
		edit(app, "a.md", note("id: SOURCE-a\ntitle: A title with mo\nstatus: raw\nintegrated_into: []"));
		edit(app, "n.md", "[[b]]");
		await settle();
		// b (not being edited) is synced; a waits.
		expect(app.vault.contents.get("b.md")).toContain('  - "[[n]]"');
		expect(app.vault.contents.get("a.md")).not.toContain("aliases");
		edit(app, "a.md", note("id: SOURCE-a\ntitle: A title with more words now\nstatus: raw\nintegrated_into: []"));
		await settle();
		expect(app.vault.contents.get("a.md")).not.toContain("aliases");
		// The user switches to another note: a is synced with the title as it is now.
		app.workspace.activeEditor = null;
		app.workspace.trigger("active-leaf-change", null);
		await settle();
		expect(app.vault.contents.get("a.md")).toBe(
			note('id: SOURCE-a\ntitle: A title with more words now\nstatus: raw\nintegrated_into: []\naliases:\n  - "A title with more"\n  - "A title with more words now"'),
		);
	});

	it("cancels pending work when the plugin unloads", async () => {
		const { app, plugin } = await loadWith(notes(), { autoSync: true }, { layoutReady: true });
		edit(app, "n.md", "now [[a]]");
		plugin.unload();
		await settle();
		expect(app.vault.writes).toBe(0);
	});
});
