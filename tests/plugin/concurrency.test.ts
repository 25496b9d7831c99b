/** @jest-environment jsdom */
/**
 * Plugin writes under concurrency (docs/reference.md §10, issue 8): every write goes through
 * `vault.process`, so an edit made between our read and our write is never overwritten;
 * a bulk sync yields to the UI between batches, keeps a user's edit made mid-run, and
 * writes nothing more once the plugin unloads.
 */
import { App, Notice, TFile } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { NoteWriter } from "../../src/plugin/writer";
import { BATCH_SIZE } from "../../src/plugin/sync";
import type SourceLifecyclePlugin from "../../src/plugin/main";

const note = (fields: string, body = "# Body\n") => `---\n${fields}\n---\n\n${body}`;
const tick = () => new Promise((r) => setTimeout(r, 0));

function run(plugin: SourceLifecyclePlugin, id: string): void {
	const c = (plugin as any).commands.get(id);
	if (c.checkCallback) c.checkCallback(false);
	else c.callback();
}

beforeEach(() => {
	Notice.shown.length = 0;
});

describe("NoteWriter under a concurrent edit", () => {
	it.each([
		["a body edit", (t: string) => t + "typed while we worked\n"],
		["another key's edit", (t: string) => t.replace("title: Talk", "title: Talk (edited)")],
		["a comment added in the frontmatter", (t: string) => t.replace("status: raw", "status: raw # thinking")],
	])("keeps %s made between read and write, and applies ours on top", async (_name, concurrent) => {
		const app = new App();
		const file = app.vault.addFile("s.md", note("id: SOURCE-1\ntitle: Talk\nstatus: raw"));
		app.vault.beforeProcessWrite = (f: TFile) => app.vault.contents.set(f.path, concurrent(app.vault.contents.get(f.path)!));
		const outcome = await new NoteWriter(app as any).setFields(file as any, [{ key: "date_integrated", value: "2026-01-02" }]);
		expect(outcome).toBe("written");
		const expected = concurrent(note("id: SOURCE-1\ntitle: Talk\nstatus: raw")).replace("\n---\n", "\ndate_integrated: 2026-01-02\n---\n");
		expect(app.vault.contents.get("s.md")).toBe(expected);
	});

	it("refuses, and leaves the user's text, when the concurrent edit broke the frontmatter", async () => {
		const app = new App();
		const file = app.vault.addFile("s.md", note("id: SOURCE-1\nstatus: raw"));
		const broken = note("id: SOURCE-1\nstatus: raw\nstatus: [unclosed");
		app.vault.beforeProcessWrite = (f: TFile) => app.vault.contents.set(f.path, broken);
		const outcome = await new NoteWriter(app as any).setFields(file as any, [{ key: "status", value: "integrated" }]);
		expect(outcome).toBe("refused");
		expect(app.vault.contents.get("s.md")).toBe(broken);
		expect(Notice.shown.map((n) => n.message).join("\n")).toMatch(/s\.md was not changed/);
	});
});

describe("bulk sync on the mock", () => {
	const vaultOf = (n: number) => {
		const notes: Record<string, string> = {};
		for (let i = 0; i < n; i++) {
			notes[`Sources/s${i}.md`] = note(`id: SOURCE-${i}\ntitle: Talk number ${i} about many things\nstatus: raw\nintegrated_into: []`);
			notes[`Notes/n${i}.md`] = `Uses [[s${i}]]`;
		}
		return notes;
	};

	it("yields to the UI between batches, and keeps a user's edit made mid-run", async () => {
		const total = BATCH_SIZE * 4;
		const { app, plugin } = await loadPlugin(vaultOf(total));
		const seen: number[] = [];
		let typed = false;
		app.vault.beforeProcessWrite = (f: TFile) => {
			// The user types in the last source while the bulk run is on its way to it.
			if (f.path === `Sources/s${total - 1}.md` && !typed) {
				typed = true;
				app.vault.contents.set(f.path, app.vault.contents.get(f.path)! + "typed during the sync\n");
			}
		};
		run(plugin, "sync-integrated-all");
		// UI work queued after the start runs while the run is still going.
		for (let i = 0; i < 3; i++) {
			await tick();
			seen.push(app.vault.writes);
		}
		for (let i = 0; i < 500 && !/done/.test(Notice.shown[Notice.shown.length - 1]?.message ?? ""); i++) await tick();
		expect(seen[0]).toBeGreaterThan(0);
		expect(seen[0]).toBeLessThan(total);
		expect(app.vault.contents.get(`Sources/s${total - 1}.md`)).toMatch(/status: integrated[\s\S]*typed during the sync\n$/);
	});

	it("writes nothing after the plugin unloads", async () => {
		const total = BATCH_SIZE * 4;
		const { app, plugin } = await loadPlugin(vaultOf(total));
		run(plugin, "sync-integrated-all");
		await tick();
		plugin.unload();
		const atUnload = app.vault.writes;
		for (let i = 0; i < 50; i++) await tick();
		expect(app.vault.writes).toBeLessThanOrEqual(atUnload + BATCH_SIZE);
		const after = app.vault.writes;
		for (let i = 0; i < 50; i++) await tick();
		expect(app.vault.writes).toBe(after);
		expect(after).toBeLessThan(total);
	});
});
