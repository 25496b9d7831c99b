/** @jest-environment jsdom */
import { MarkdownView, TFile, WorkspaceLeaf, type App } from "../__mocks__/obsidian";
import { openPlayer, playSeekUrl } from "../../src/plugin/player";
import { PLAYER_VIEW_TYPE, PlayerView, type PlayerHost } from "../../src/ui/player-view";
import { seedNote } from "../helpers/fixtures";
import { loadPlugin } from "../helpers/plugin";
import type SourceLifecyclePlugin from "../../src/plugin/main";

const VIDEO = "3x0jhpEj_6o";
const SEED = "Sources/seed.md";
const SEEK = `https://www.youtube.com/watch?v=${VIDEO}&t=516s`;

async function setup(saved: unknown = null) {
	const { app, plugin } = await loadPlugin({ [SEED]: seedNote(), "Notes/Other.md": "# Other\n" }, saved);
	const context = plugin.featureContext();
	return { app, plugin, context };
}

const click = (init: MouseEventInit = {}) => new MouseEvent("click", { button: 0, ...init });
const view = (app: App): PlayerView | null => (app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)[0]?.view as PlayerView | undefined) ?? null;
const host = (v: PlayerView): PlayerHost => (v as unknown as { host: PlayerHost }).host;
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("player wiring", () => {
	it("registers its commands without default hotkeys", async () => {
		const { plugin } = await setup();
		const commands = (plugin as unknown as { commands: Map<string, { name: string; hotkeys?: unknown[] }> }).commands;
		for (const id of ["open-source-player", "player-play-pause", "player-seek-back", "player-seek-forward", "insert-timestamp"]) {
			expect(commands.get(id)).toBeDefined();
			expect(commands.get(id)?.hotkeys).toBeUndefined();
		}
	});

	it("takes a plain click on a YouTube link with a time, opens the player on that video and lists the source's chapters", async () => {
		const { app, context } = await setup();
		expect(playSeekUrl(context, SEEK, click())).toBe(true);
		await flush();
		const v = view(app);
		expect(v?.videoId).toBe(VIDEO);
		expect(v?.notePath).toBe(SEED);
		await flush();
		expect(v?.contentEl.querySelectorAll(".source-lifecycle-chapter")).toHaveLength(12);
		expect(v?.contentEl.querySelector("iframe")?.getAttribute("src")).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO}?enablejsapi=1&start=516`);
		expect(v?.contentEl.querySelector("iframe")?.getAttribute("referrerpolicy")).toBe("strict-origin-when-cross-origin");
	});

	it("leaves Ctrl/Cmd-clicks, middle clicks, links without a time and the Browser setting to the browser", async () => {
		const { app, context, plugin } = await setup();
		expect(playSeekUrl(context, SEEK, click({ ctrlKey: true }))).toBe(false);
		expect(playSeekUrl(context, SEEK, click({ metaKey: true }))).toBe(false);
		expect(playSeekUrl(context, SEEK, click({ button: 1 }))).toBe(false);
		expect(playSeekUrl(context, `https://www.youtube.com/watch?v=${VIDEO}`, click())).toBe(false);
		expect(playSeekUrl(context, "https://example.com/?t=5", click())).toBe(false);
		await plugin.updateSettings({ openTimestampsIn: "browser" });
		expect(playSeekUrl(context, SEEK, click())).toBe(false);
		expect(app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)).toHaveLength(0);
	});

	it("routes a click on a rendered seek link in the document to the player and stops the browser from opening it", async () => {
		const { app } = await setup();
		const a = document.body.createEl("a", { href: SEEK, text: "8:36", cls: "external-link" });
		const opened: string[] = [];
		document.body.addEventListener("click", (e) => {
			if (!e.defaultPrevented) opened.push((e.target as HTMLAnchorElement).href);
		});
		a.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true }));
		await flush();
		expect(opened).toEqual([]);
		expect(view(app)?.videoId).toBe(VIDEO);
		a.remove();
	});

	it("switches to another source's video on a click on its timestamp, and only seeks for the video it shows", async () => {
		const OTHER = "aaaaaaaaaaa";
		const { app, plugin } = await loadPlugin({
			[SEED]: seedNote(),
			"Sources/other.md": `---\nid: SOURCE-2\nurl: https://youtu.be/${OTHER}\n---\n0:00 Start\n1:05 Middle\n`,
		});
		const context = plugin.featureContext();
		playSeekUrl(context, SEEK, click());
		await flush();
		const first = view(app)?.contentEl.querySelector("iframe");
		playSeekUrl(context, `https://www.youtube.com/watch?v=${VIDEO}&t=738s`, click());
		await flush();
		expect(view(app)?.contentEl.querySelector("iframe")).toBe(first);
		playSeekUrl(context, `https://www.youtube.com/watch?v=${OTHER}&t=65s`, click());
		await flush();
		await flush();
		expect(view(app)?.videoId).toBe(OTHER);
		expect(view(app)?.notePath).toBe("Sources/other.md");
		expect(Array.from(view(app)?.contentEl.querySelectorAll(".source-lifecycle-chapter-label") ?? []).map((e) => e.textContent)).toEqual(["Start", "Middle"]);
		expect(view(app)?.contentEl.querySelector("iframe")?.getAttribute("src")).toContain(`${OTHER}?enablejsapi=1&start=65`);
	});

	it("says there is no video for a note without one", async () => {
		const { app, context } = await setup();
		await openPlayer(context, { videoId: null, path: "Notes/Other.md" });
		expect(view(app)?.contentEl.textContent).toContain("This note has no video");
	});

	it("keeps each video's last position in the plugin's data and resumes there", async () => {
		const { app, context, plugin } = await setup();
		await openPlayer(context, { videoId: VIDEO, path: SEED, seconds: 0 });
		host(view(app)!).positionChanged(VIDEO, SEED, 600.4, true);
		await flush();
		expect((plugin as unknown as { savedData: { playerPositions: Record<string, number> } }).savedData.playerPositions).toEqual({ [VIDEO]: 600 });
		app.workspace.detachLeavesOfType(PLAYER_VIEW_TYPE);
		const again = await openPlayer(context, { videoId: VIDEO, path: SEED });
		expect(again?.contentEl.querySelector("iframe")?.getAttribute("src")).toContain("start=600");
	});
});

describe("watched_until (opt-in)", () => {
	async function paused(plugin: SourceLifecyclePlugin, app: App, seconds: number) {
		await openPlayer(plugin.featureContext(), { videoId: VIDEO, path: SEED, seconds: 0 });
		host(view(app)!).positionChanged(VIDEO, SEED, seconds, true);
		await flush();
		await flush();
	}

	it("is not written unless the setting is on", async () => {
		const { app, plugin } = await setup();
		await paused(plugin, app, 516);
		expect(app.vault.contents.get(SEED)).toBe(seedNote());
	});

	it("is written on pause as a quoted M:SS, byte-exact elsewhere", async () => {
		const { app, plugin } = await setup({ writeWatchProgress: true });
		await paused(plugin, app, 516.9);
		const text = app.vault.contents.get(SEED) ?? "";
		expect(text).toContain('watched_until: "8:36"\n');
		expect(text.replace('watched_until: "8:36"\n', "")).toBe(seedNote());
	});

	it("waits while the source is open in the active editor, and is written once the user leaves it", async () => {
		const { app, plugin } = await setup({ writeWatchProgress: true });
		const editing = new MarkdownView(new WorkspaceLeaf(app.workspace));
		editing.file = app.vault.getAbstractFileByPath(SEED) as TFile;
		(app.workspace as unknown as { activeView: unknown }).activeView = editing;
		await paused(plugin, app, 516);
		expect(app.vault.contents.get(SEED)).toBe(seedNote());
		(app.workspace as unknown as { activeView: unknown }).activeView = null;
		app.workspace.trigger("active-leaf-change", null);
		await flush();
		await flush();
		expect(app.vault.contents.get(SEED)).toContain('watched_until: "8:36"');
	});
});

describe("Insert timestamp at the current position", () => {
	/** Enough of Obsidian's Editor over a string: cursor, offsets, replaceRange. */
	class TextEditor {
		cursor = 0;
		constructor(public text: string) {}
		getValue() {
			return this.text;
		}
		getCursor() {
			return this.offsetToPos(this.cursor);
		}
		setCursor(pos: { line: number; ch: number }) {
			this.cursor = this.posToOffset(pos);
		}
		offsetToPos(offset: number) {
			const before = this.text.slice(0, offset).split("\n");
			return { line: before.length - 1, ch: before[before.length - 1]!.length };
		}
		posToOffset(pos: { line: number; ch: number }) {
			return this.text.split("\n").slice(0, pos.line).reduce((n, l) => n + l.length + 1, 0) + pos.ch;
		}
		replaceRange(insert: string, pos: { line: number; ch: number }) {
			const at = this.posToOffset(pos);
			this.text = this.text.slice(0, at) + insert + this.text.slice(at);
		}
	}

	it("adds the player's time as a line of the note's timestamp list, at the cursor", async () => {
		const { app, plugin, context } = await setup();
		const command = (plugin as unknown as { commands: Map<string, { editorCheckCallback: (c: boolean, e: unknown, ctx: unknown) => boolean }> }).commands.get("insert-timestamp")!;
		const file = app.vault.getAbstractFileByPath(SEED);
		const editor = new TextEditor(seedNote());
		editor.cursor = editor.text.indexOf("Stay Updated:");
		expect(command.editorCheckCallback(true, editor, { file })).toBe(false);
		await openPlayer(context, { videoId: VIDEO, path: SEED, seconds: 3723 });
		expect(command.editorCheckCallback(true, editor, { file })).toBe(true);
		command.editorCheckCallback(false, editor, { file });
		expect(editor.text).toBe(seedNote().replace("Stay Updated:", "Stay Updated:\n1:02:03 "));
	});
});
