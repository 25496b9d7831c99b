/**
 * The source player's wiring (docs/player.md): the sidebar view, clicks on timestamps and
 * YouTube links with a time routed to it (setting "Open timestamps in"), its commands
 * (no default hotkeys), the last position per video, and the opt-in `watched_until`
 * written through the one writer — never into the note being typed in. The plugin keeps
 * no reference to the view: each use looks it up.
 */
import { EditorView } from "@codemirror/view";
import { Keymap, MarkdownView, TFile, type App } from "obsidian";
import { formatTimestamp, noteChapters, timestampInsertion } from "../core/sources/chapters";
import { seekOfUrl, videoIdFromUrl } from "../core/sources/youtube";
import { YOUTUBE_EMBED, type EmbedEndpoint } from "../ui/player/embed-controller";
import { markdownLinkAt } from "../ui/player/markdown-link";
import { PLAYER_VIEW_TYPE, PlayerView, type PlayerHost, type PlayTarget } from "../ui/player-view";
import type { FeatureContext } from "./context";

/** Videos whose last position is kept (the oldest is dropped beyond this). */
const KEPT_POSITIONS = 500;
/** Positions are saved at most this often while a video plays (and always on pause). */
const SAVE_EVERY_MS = 15000;

/** `endpoint`: where embeds come from; tests point it at a fake player on 127.0.0.1. */
export function registerPlayer(context: FeatureContext, endpoint: EmbedEndpoint = YOUTUBE_EMBED): void {
	const { plugin, app } = context;
	const progress = new WatchProgress(context);
	plugin.register(() => void progress.flush(true));
	plugin.registerView(PLAYER_VIEW_TYPE, (leaf) => new PlayerView(leaf, playerHost(context, endpoint, progress)));

	// Reading view (and any rendered Markdown) in every window: a click on a timestamp or a
	// YouTube link with a time seeks the player instead of opening the browser.
	const onClick = (event: MouseEvent) => {
		const link = elementOf(event.target)?.closest("a[href]");
		if (!link) return;
		if (playSeekUrl(context, link.getAttribute("href") ?? "", event)) {
			event.preventDefault();
			event.stopPropagation();
		}
	};
	let swallowClick = false;
	// Live Preview shows a Markdown link's text and hides its URL: the URL is read from the
	// line under the pointer, before the editor (or Obsidian) acts on the press.
	const onPress = (event: MouseEvent) => {
		swallowClick = false;
		const link = elementOf(event.target)?.closest(".cm-link, .cm-url");
		if (!link || link.closest(".source-lifecycle-seek")) return;
		const editor = link.closest(".cm-editor");
		const view = editor?.instanceOf(HTMLElement) ? EditorView.findFromDOM(editor) : null;
		if (!view) return;
		const line = view.state.doc.lineAt(view.posAtDOM(link));
		const url = markdownLinkAt(line.text, view.posAtDOM(link) - line.from);
		if (url !== null && playSeekUrl(context, url, event)) {
			event.preventDefault();
			event.stopPropagation();
			swallowClick = true;
		}
	};
	// The click that ends a press the player took opens nothing else.
	const onClickAfterPress = (event: MouseEvent) => {
		if (!swallowClick) return;
		swallowClick = false;
		event.preventDefault();
		event.stopPropagation();
	};
	const listen = (doc: Document) => {
		plugin.registerDomEvent(doc, "click", onClickAfterPress, { capture: true });
		plugin.registerDomEvent(doc, "click", onClick, { capture: true });
		plugin.registerDomEvent(doc, "mousedown", onPress, { capture: true });
	};
	listen(activeDocument);
	plugin.registerEvent(app.workspace.on("window-open", (win) => listen(win.doc)));
	plugin.registerEvent(app.workspace.on("active-leaf-change", () => void progress.flush()));

	plugin.addCommand({ id: "open-source-player", name: "Open source player", callback: () => openPlayerForActiveNote(context) });
	plugin.addCommand({ id: "player-play-pause", name: "Play/pause source player", checkCallback: (checking) => withView(app, checking, (v) => v.togglePlay()) });
	plugin.addCommand({ id: "player-seek-back", name: "Seek source player back 10 s", checkCallback: (checking) => withView(app, checking, (v) => v.seekBy(-10)) });
	plugin.addCommand({ id: "player-seek-forward", name: "Seek source player forward 10 s", checkCallback: (checking) => withView(app, checking, (v) => v.seekBy(10)) });
	plugin.addCommand({
		id: "insert-timestamp",
		name: "Insert timestamp at the current position",
		editorCheckCallback: (checking, editor, ctx) => {
			const view = openView(app);
			const seconds = view?.position();
			if (!view || seconds === null || seconds === undefined || view.videoId === null) return false;
			if (!ctx.file || ctx.file.extension !== "md") return false;
			if (checking) return true;
			const text = editor.getValue();
			const { at, insert } = timestampInsertion(text, editor.posToOffset(editor.getCursor()), seconds, view.videoId);
			const pos = editor.offsetToPos(at);
			editor.replaceRange(insert, pos);
			editor.setCursor(editor.offsetToPos(at + insert.length));
			return true;
		},
	});
}

/** The element an event happened on, in any window (a pop-out's elements are not the main window's `Element`). */
function elementOf(target: EventTarget | null): Element | null {
	const node = target as Node | null;
	return node !== null && typeof node.instanceOf === "function" && node.instanceOf(Element) ? node : null;
}

/**
 * Route a click on `href` to the player. True when the player takes it: the setting is
 * Player, no Ctrl/Cmd (nor the middle button), and `href` is a YouTube video link with a time.
 * Otherwise the caller lets the browser open it, as before.
 */
export function playSeekUrl(context: FeatureContext, href: string, event: MouseEvent | null): boolean {
	if (context.settings().openTimestampsIn !== "player") return false;
	if (event && (Keymap.isModEvent(event) !== false || event.button === 1)) return false;
	const seek = seekOfUrl(href);
	if (!seek) return false;
	// The video is already in the player: seek at once (the click → seek time is what the user feels), then reveal it.
	const shown = openView(context.app);
	if (shown && shown.videoId === seek.videoId) {
		shown.seek(seek.seconds);
		void context.app.workspace.revealLeaf(shown.leaf);
		return true;
	}
	void openPlayer(context, { videoId: seek.videoId, path: noteOfVideo(context, seek.videoId), seconds: seek.seconds });
	return true;
}

/** Reveal the player in the right sidebar (created there when missing) and show `target`. */
export async function openPlayer(context: FeatureContext, target: PlayTarget | null): Promise<PlayerView | null> {
	const workspace = context.app.workspace;
	const leaf = await workspace.ensureSideLeaf(PLAYER_VIEW_TYPE, "right", { active: false, reveal: true });
	await leaf.loadIfDeferred();
	await workspace.revealLeaf(leaf);
	const view = leaf.view;
	if (!(view instanceof PlayerView)) return null;
	if (target) await view.show(target);
	return view;
}

/** "Open source player": the active note's video, where it was left. */
async function openPlayerForActiveNote(context: FeatureContext): Promise<void> {
	const file = context.app.workspace.getActiveFile();
	if (!file || file.extension !== "md") {
		await openPlayer(context, null);
		return;
	}
	const fm: unknown = context.app.metadataCache.getFileCache(file)?.frontmatter;
	let videoId = fm !== null && typeof fm === "object" ? videoIdFromUrl((fm as Record<string, unknown>).url) : null;
	if (videoId === null) videoId = noteChapters(await context.app.vault.cachedRead(file)).videoId;
	await openPlayer(context, { videoId, path: file.path });
}

/** The note a video belongs to: the active note when it is that video's, else a source with that url. */
function noteOfVideo(context: FeatureContext, videoId: string): string | null {
	const active = context.app.workspace.getActiveFile();
	const sources = context.sourceIndex.index;
	if (active && sources.getSource(active.path)?.videoId === videoId) return active.path;
	for (const source of sources.sources()) if (source.videoId === videoId) return source.path;
	return null;
}

function openView(app: App): PlayerView | null {
	for (const leaf of app.workspace.getLeavesOfType(PLAYER_VIEW_TYPE)) if (leaf.view instanceof PlayerView) return leaf.view;
	return null;
}

function withView(app: App, checking: boolean, run: (view: PlayerView) => void): boolean {
	const view = openView(app);
	if (!view || view.videoId === null) return false;
	if (!checking) run(view);
	return true;
}

function playerHost(context: FeatureContext, endpoint: EmbedEndpoint, progress: WatchProgress): PlayerHost {
	return {
		endpoint,
		savedPosition: (videoId) => context.settings().playerPositions[videoId],
		positionChanged: (videoId, path, seconds, paused) => progress.record(videoId, path, seconds, paused),
		left: (videoId, path, seconds) => progress.record(videoId, path, seconds, true),
		openInBrowser: (url) => void activeWindow.open(url),
	};
}

/**
 * Positions per video (saved with the settings) and, when the setting is on,
 * `watched_until` for the source — on pause and when the player closes, and never
 * into the note open in the active editor (it waits until the user leaves that note).
 */
class WatchProgress {
	private positions = new Map<string, number>();
	private pendingNotes = new Map<string, number>();
	private lastSave = 0;

	constructor(private readonly context: FeatureContext) {}

	record(videoId: string, path: string | null, seconds: number, paused: boolean): void {
		this.positions.set(videoId, Math.floor(seconds));
		const now = Date.now();
		if (paused || now - this.lastSave >= SAVE_EVERY_MS) {
			this.lastSave = now;
			void this.savePositions();
		}
		if (paused && path !== null && this.context.settings().writeWatchProgress) {
			this.pendingNotes.set(path, seconds);
			void this.flush();
		}
	}

	/** Write what waits; `closing`: the plugin unloads, positions are saved too. */
	async flush(closing = false): Promise<void> {
		if (closing) await this.savePositions();
		const editing = this.context.app.workspace.getActiveViewOfType(MarkdownView)?.file?.path ?? null;
		for (const [path, seconds] of [...this.pendingNotes]) {
			if (path === editing) continue;
			this.pendingNotes.delete(path);
			const file = this.context.app.vault.getAbstractFileByPath(path);
			if (file instanceof TFile) await this.context.writer.setFields(file, [{ key: "watched_until", value: formatTimestamp(seconds) }]);
		}
	}

	private async savePositions(): Promise<void> {
		if (this.positions.size === 0) return;
		const kept = { ...this.context.settings().playerPositions };
		for (const [videoId, seconds] of this.positions) {
			delete kept[videoId];
			kept[videoId] = seconds;
		}
		this.positions.clear();
		const ids = Object.keys(kept);
		for (const id of ids.slice(0, Math.max(0, ids.length - KEPT_POSITIONS))) delete kept[id];
		await this.context.updateSettings({ playerPositions: kept });
	}
}
