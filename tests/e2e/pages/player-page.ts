/**
 * Browser page for tests/e2e/player.e2e.test.ts and the bench: the plugin's timestamps and
 * player features on the obsidian *mock* (bundled with `obsidian` aliased to
 * tests/__mocks__/obsidian.ts), with the embed pointed at a fake player served by the test.
 * A note pane on the left shows the seed note in reading view (markdown-it's HTML through
 * the plugin's post-processor) or in Live Preview (a real CodeMirror 6 with the plugin's
 * editor extension); the player view sits in a sidebar on the right. Exposes `window.player`.
 */
import { EditorSelection, EditorState } from "@codemirror/state";
import { Decoration, EditorView, MatchDecorator, ViewPlugin, type DecorationSet, type ViewUpdate } from "@codemirror/view";
import { markdown } from "@codemirror/lang-markdown";
import MarkdownIt from "markdown-it";
import { App } from "../../__mocks__/obsidian";
import SourceLifecyclePlugin from "../../../src/plugin/main";
import { VaultSourceIndex } from "../../../src/plugin/index";
import { NoteWriter } from "../../../src/plugin/writer";
import { registerTimestamps } from "../../../src/plugin/timestamps";
import { openPlayer, registerPlayer } from "../../../src/plugin/player";
import { withDefaults } from "../../../src/core/sources/settings";
import type { EmbedEndpoint } from "../../../src/ui/player/embed-controller";
import type { PlayerView } from "../../../src/ui/player-view";
import { installDomHelpers } from "../../helpers/dom";

installDomHelpers();

const SEED_PATH = "Sources/How OpenAI builds for 800 million weekly users.md";
const opened: string[] = [];
// Anything sent to the browser would go through window.open: recorded, never opened.
window.open = ((url?: string | URL) => {
	opened.push(String(url));
	return null;
});

let lastClickAt = 0;
// When the last click happened (the event's own time stamp), for the click → seekTo bench.
window.addEventListener("click", (e) => (lastClickAt = performance.timeOrigin + e.timeStamp), { capture: true });

let app: App;
let plugin: SourceLifecyclePlugin;
let view: PlayerView | null = null;
let editor: EditorView | null = null;

/**
 * Stand-in for Obsidian's Live Preview of a Markdown link: its text marked `cm-link`, and a
 * click on it opening the link's URL in the browser (Obsidian's own handler).
 */
const linkDecorator = new MatchDecorator({ regexp: /\[[^\]]*\]\([^)]*\)/g, decoration: () => Decoration.mark({ class: "cm-link" }) });
const obsidianLinks = [
	ViewPlugin.fromClass(
		class {
			decorations: DecorationSet;
			constructor(view: EditorView) {
				this.decorations = linkDecorator.createDeco(view);
			}
			update(u: ViewUpdate) {
				this.decorations = linkDecorator.updateDeco(u, this.decorations);
			}
		},
		{ decorations: (v) => v.decorations },
	),
	EditorView.domEventHandlers({
		click(event, view) {
			const link = event.target instanceof Element ? event.target.closest(".cm-link") : null;
			if (!link) return false;
			const line = view.state.doc.lineAt(view.posAtDOM(link));
			const url = /\]\(([^)]*)\)/.exec(line.text)?.[1];
			if (url) window.open(url);
			return true;
		},
	}),
];

function notePane(): HTMLElement {
	const pane = document.querySelector<HTMLElement>(".note-pane");
	if (!pane) throw new Error("no note pane");
	editor?.destroy();
	editor = null;
	pane.replaceChildren();
	return pane;
}

const player = {
	opened,
	/** Load the features (as main.ts does, with the embed at `endpoint`) and open the player beside the seed note. */
	async start(seed: string, endpoint: EmbedEndpoint): Promise<void> {
		document.body.replaceChildren();
		const workspace = document.body.createDiv({ cls: "workspace" });
		workspace.createDiv({ cls: "note-pane" });
		const sidebar = workspace.createDiv({ cls: "sidebar" });
		app = new App();
		const file = app.vault.addFile(SEED_PATH, seed);
		app.metadataCache.indexAll();
		app.workspace.activeFile = file;
		const manifest = { id: "source-lifecycle", name: "Source Lifecycle", version: "0.0.0", minAppVersion: "1.7.2", description: "", author: "" };
		plugin = new SourceLifecyclePlugin(app as never, manifest);
		(plugin as unknown as { _loaded: boolean })._loaded = true;
		plugin.settings = withDefaults(null);
		plugin.sourceIndex = plugin.addChild(new VaultSourceIndex(app as never, plugin.settings));
		plugin.writer = new NoteWriter(app as never, () => plugin.settings.maxNoteBytes);
		const context = plugin.featureContext();
		registerTimestamps(context);
		registerPlayer(context, endpoint);
		view = await openPlayer(context, { videoId: null, path: null });
		if (!view) throw new Error("no player view");
		view.containerEl.addClass("view-container");
		view.contentEl.addClass("view-content");
		sidebar.appendChild(view.containerEl);
	},
	/** Show the seed note in the player (its chapters), from 0:00. */
	async showSeed(videoId: string): Promise<void> {
		await view?.show({ videoId, path: SEED_PATH, seconds: 0 });
	},
	renderReading(markdownText: string, frontmatter: Record<string, unknown>): number {
		const pane = notePane();
		const section = pane.createDiv({ cls: "markdown-reading-view markdown-preview-view markdown-rendered" });
		const html = new MarkdownIt({ linkify: true, breaks: true }).render(markdownText);
		section.append(...Array.from(new DOMParser().parseFromString(html, "text/html").body.childNodes));
		const ctx = { frontmatter, sourcePath: SEED_PATH, docId: "1", addChild: () => undefined, getSectionInfo: () => null };
		// Stand-in for Obsidian's own handler of external links in reading view: it opens them in the browser.
		section.addEventListener("click", (e) => {
			const link = e.target instanceof Element ? e.target.closest("a.external-link") : null;
			if (!link) return;
			e.preventDefault();
			window.open(link.getAttribute("href") ?? "");
		});
		for (const pp of (plugin as unknown as { postProcessors: ((el: HTMLElement, c: unknown) => unknown)[] }).postProcessors) void pp(section, ctx);
		return section.querySelectorAll("a.source-lifecycle-seek").length;
	},
	mountLivePreview(doc: string): void {
		const pane = notePane();
		const parent = pane.createDiv({ cls: "markdown-source-view mod-cm6 is-live-preview" });
		const extensions = (plugin as unknown as { editorExtensions: never[] }).editorExtensions;
		editor = new EditorView({ state: EditorState.create({ doc, selection: EditorSelection.cursor(0), extensions: [markdown(), EditorView.lineWrapping, obsidianLinks, ...extensions] }), parent });
	},
	scrollEditorTo(text: string): void {
		if (!editor) throw new Error("no editor");
		editor.scrollDOM.scrollTop = editor.lineBlockAt(editor.state.doc.toString().indexOf(text)).top;
	},
	marks(): number {
		return document.querySelectorAll(".cm-content .source-lifecycle-seek").length;
	},
	/** The chapter buttons: time, label, and whether each is the current one. */
	chapters(): { time: string; label: string; current: boolean }[] {
		return Array.from(document.querySelectorAll<HTMLElement>(".source-lifecycle-chapter")).map((b) => ({
			time: b.querySelector(".source-lifecycle-chapter-time")?.textContent ?? "",
			label: b.querySelector(".source-lifecycle-chapter-label")?.textContent ?? "",
			current: b.classList.contains("is-current"),
		}));
	},
	currentChapter(): string | null {
		return document.querySelector(".source-lifecycle-chapter.is-current .source-lifecycle-chapter-time")?.textContent ?? null;
	},
	message(): string {
		return document.querySelector(".source-lifecycle-player-message")?.textContent ?? "";
	},
	embedSrc(): string | null {
		return document.querySelector("iframe.source-lifecycle-player-embed")?.getAttribute("src") ?? null;
	},
	status(): string | null {
		return (view as unknown as { controller: { status: string } | null } | null)?.controller?.status ?? null;
	},
	position(): number | null {
		return view?.position() ?? null;
	},
	/** Mount a frame of another origin that posts player messages to this window (it should be ignored). */
	addForeignFrame(url: string): void {
		const frame = document.body.createEl("iframe", { cls: "foreign-frame", attr: { src: url } });
		frame.style.display = "none";
	},
	/** When the last click happened, on the clock of `now()`. */
	lastClickAt(): number {
		return lastClickAt;
	},
	/** A wall-clock reading comparable with the fake player's (both epoch-based, sub-millisecond). */
	now(): number {
		return performance.timeOrigin + performance.now();
	},
	setTheme(theme: "light" | "dark"): void {
		document.body.classList.remove("theme-light", "theme-dark");
		document.body.classList.add(`theme-${theme}`);
	},
};

export type Player = typeof player;
(window as unknown as { player: Player }).player = player;
