/** @jest-environment jsdom */
import { format } from "date-fns";
import { parse } from "yaml";
import { Modal, Notice, Setting, network, type App } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { seedDescription, seedNote, seedOembed } from "../helpers/fixtures";
import type { CaptureForm } from "../../src/plugin/capture-modal";
import type SourceLifecyclePlugin from "../../src/plugin/main";

const SEED_URL = "https://www.youtube.com/watch?v=3x0jhpEj_6o";
const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";
const SEED_FILE = "Sources/How OpenAI Builds for 800 Million Weekly Users Model Specialization and Fine-Tuning.md";
const TODAY = format(new Date(), "yyyy-MM-dd");
const flush = async () => {
	for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const frontmatterOf = (text: string) => parse(text.slice(4, text.indexOf("\n---\n", 4))) as Record<string, unknown>;

let clipboard: string | Error = "";
beforeAll(() => {
	Object.defineProperty(navigator, "clipboard", {
		configurable: true,
		value: { readText: async () => (clipboard instanceof Error ? Promise.reject(clipboard) : clipboard) },
	});
});
beforeEach(() => {
	Modal.opened.length = 0;
	Notice.shown.length = 0;
	Setting.all.length = 0;
	network.answer = null;
	network.requests.length = 0;
	clipboard = "";
});
afterEach(() => jest.useRealTimers());

/** Run the palette command and give back the modal it opened, with a way to fill its fields. */
async function openCapture(plugin: SourceLifecyclePlugin) {
	const command = (plugin as any).commands.get("new-source-from-url");
	expect(command.name).toBe("New source from URL…");
	command.callback();
	await flush();
	const modal = Modal.opened[Modal.opened.length - 1] as Modal & { form: CaptureForm };
	const field = (name: string) => {
		const s = Setting.all.find((x) => x.name === name);
		if (!s) throw new Error(`no field ${name}`);
		return s.components[0] as any;
	};
	const create = () => (Setting.all.find((x) => x.components[0]?.constructor.name === "ButtonComponent")?.components[0] as any).click();
	return { modal, field, create };
}

const text = (app: App, path: string) => app.vault.contents.get(path) as string;

describe("New source from URL… (plugin, fake requestUrl)", () => {
	it("fills the URL from the clipboard when it holds a video URL, and leaves it empty otherwise", async () => {
		const { plugin } = await loadPlugin({});
		clipboard = "  https://youtu.be/3x0jhpEj_6o?si=share \n";
		expect((await openCapture(plugin)).modal.form.url).toBe("https://youtu.be/3x0jhpEj_6o?si=share");
		clipboard = "https://example.com/page";
		expect((await openCapture(plugin)).modal.form.url).toBe("");
		clipboard = new Error("clipboard denied");
		expect((await openCapture(plugin)).modal.form.url).toBe("");
	});

	it("creates the note from oEmbed's title and author, in the source folder, and opens it", async () => {
		const { app, plugin } = await loadPlugin({}, { sourceFolder: "Sources" });
		network.answer = async () => ({ status: 200, text: seedOembed() });
		clipboard = SEED_URL;
		const { field, create } = await openCapture(plugin);
		await field("Description").change(seedDescription());
		await create();
		await flush();
		expect(network.requests.map((r) => r.url)).toEqual([`https://www.youtube.com/oembed?url=${encodeURIComponent(SEED_URL)}&format=json`]);
		const fm = frontmatterOf(text(app, SEED_FILE));
		expect(fm).toMatchObject({ id: `SOURCE-${TODAY.replace(/-/g, "")}-001`, title: SEED_TITLE, creator: "a16z", url: SEED_URL, status: "raw", date_processed: TODAY });
		expect(text(app, SEED_FILE)).toContain("Timestamps:\n- 00:00 Introduction\n");
		expect(app.workspace.openedFiles).toEqual([SEED_FILE]);
		// While YouTube is asked a notice says so; it is gone once the note is made.
		expect(Notice.shown.map((n) => [n.message, n.hidden])).toEqual([
			["Source Lifecycle: asking YouTube for the title and creator…", true],
			[`Source Lifecycle: created ${SEED_FILE}.`, false],
		]);
		// The index picks the new note up like any other.
		app.metadataCache.indexFile(SEED_FILE);
		expect(plugin.sourceIndex.index.getSource(SEED_FILE)?.videoId).toBe("3x0jhpEj_6o");
	});

	it.each([
		["a 401", async () => ({ status: 401, text: "Unauthorized" }), "private or does not allow embedding"],
		["garbage", async () => ({ status: 200, text: "<!doctype html>" }), "not JSON"],
		["no network", null, "could not be reached"],
	])("still creates the note after %s, saying what YouTube did not give", async (_what, answer, reason) => {
		const { app, plugin } = await loadPlugin({});
		network.answer = answer;
		const { field, create } = await openCapture(plugin);
		await field("YouTube URL").change("https://www.youtube.com/shorts/3x0jhpEj_6o");
		await field("Creator").change("a16z");
		await create();
		await flush();
		const path = `SOURCE-${TODAY.replace(/-/g, "")}-001.md`;
		expect(frontmatterOf(text(app, path))).toMatchObject({ title: null, creator: "a16z", url: SEED_URL });
		const notice = Notice.shown.map((n) => n.message).join("\n");
		expect(notice).toContain(`created ${path}. Could not get the title from YouTube`);
		expect(notice).toContain(reason);
		expect(notice).toContain("missing-title");
		expect(app.workspace.openedFiles).toEqual([path]);
	});

	it("stops waiting for YouTube after 5 s and creates the note with what it has", async () => {
		const { app, plugin } = await loadPlugin({});
		network.answer = () => new Promise(() => undefined);
		const { field, create } = await openCapture(plugin);
		await field("YouTube URL").change(SEED_URL);
		await field("Title").change("My title");
		jest.useFakeTimers();
		void create();
		await jest.advanceTimersByTimeAsync(4999);
		expect(app.vault.getMarkdownFiles()).toHaveLength(0);
		await jest.advanceTimersByTimeAsync(1);
		jest.useRealTimers();
		await flush();
		expect(frontmatterOf(text(app, "My title.md"))).toMatchObject({ title: "My title", creator: null });
		expect(Notice.shown.map((n) => n.message).join("\n")).toContain("Could not get the creator from YouTube: no answer within 5 s");
	});

	it("opens the note that already has the video (any folder, any URL form) instead of making a duplicate", async () => {
		const { app, plugin } = await loadPlugin({ "Archive/2025/seed.md": seedNote() }, { sourceFolder: "Sources" });
		network.answer = async () => ({ status: 200, text: seedOembed() });
		const { field, create } = await openCapture(plugin);
		await field("YouTube URL").change("https://www.youtube-nocookie.com/embed/3x0jhpEj_6o");
		await create();
		await flush();
		expect(app.vault.getMarkdownFiles().map((f) => f.path)).toEqual(["Archive/2025/seed.md"]);
		expect(app.workspace.openedFiles).toEqual(["Archive/2025/seed.md"]);
		expect(Notice.shown.map((n) => n.message)).toEqual(["Source Lifecycle: this video is already in the vault: Archive/2025/seed.md. No new note was created."]);
		expect(network.requests).toEqual([]);
	});

	it("keeps the modal open with a message for a URL that is not a video, or a bad date", async () => {
		const { app, plugin } = await loadPlugin({});
		const { modal, field, create } = await openCapture(plugin);
		await field("YouTube URL").change("https://vimeo.com/123");
		await create();
		expect(modal.isOpen).toBe(true);
		expect(modal.contentEl.textContent).toContain("This is not the URL of a YouTube video.");
		await field("YouTube URL").change(SEED_URL);
		await field("Published").change("28/11/2025");
		await create();
		expect(modal.isOpen).toBe(true);
		expect(modal.contentEl.textContent).toContain("YYYY-MM-DD");
		await field("Published").change("2025-11-28");
		await field("Title").change("T");
		await field("Creator").change("C");
		await create();
		await flush();
		expect(modal.isOpen).toBe(false);
		expect(frontmatterOf(text(app, "T.md"))).toMatchObject({ id: "SOURCE-20251128-001", date_published: "2025-11-28" });
	});

	it("never overwrites: a taken name gets (2), and the next free number is used", async () => {
		const { app, plugin } = await loadPlugin({ "Sources/Talk.md": "mine", "x.md": "---\nid: SOURCE-20251128-001\n---\n" }, { sourceFolder: "Sources" });
		const { field, create } = await openCapture(plugin);
		await field("YouTube URL").change(SEED_URL);
		await field("Title").change("Talk");
		await field("Creator").change("C");
		await field("Published").change("2025-11-28");
		await create();
		await flush();
		expect(text(app, "Sources/Talk.md")).toBe("mine");
		expect(frontmatterOf(text(app, "Sources/Talk (2).md"))).toMatchObject({ id: "SOURCE-20251128-002", title: "Talk" });
	});

	it("fills the template note of the settings", async () => {
		const template = '---\nid: "{{id}}"\nurl: "{{url}}"\ntitle: "{{title}}"\n---\n# {{title}} by {{creator}}\n';
		const { app, plugin } = await loadPlugin({ "Templates/Source.md": template }, { captureTemplate: "Templates/Source.md" });
		const { field, create } = await openCapture(plugin);
		await field("YouTube URL").change(SEED_URL);
		await field("Title").change('He said: "no" #2');
		await field("Creator").change("C");
		await create();
		await flush();
		expect(text(app, "He said no 2.md")).toBe(`---\nid: "SOURCE-${TODAY.replace(/-/g, "")}-001"\nurl: "${SEED_URL}"\ntitle: "He said: \\"no\\" #2"\n---\n# He said: "no" #2 by C\n`);
	});
});
