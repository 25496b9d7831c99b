/**
 * The source player in the right sidebar (docs/player.md): the YouTube embed of one source
 * on top, its chapter list below. The current chapter is highlighted while the video plays
 * and the list follows it, unless the pointer is over the list. Without a video, with an
 * embed error or a player that does not answer, the view says so in words. Everything is
 * built on this view's own elements and window (a pop-out window works like the main one).
 */
import { ItemView, TFile, type ViewStateResult, type WorkspaceLeaf } from "obsidian";
import { chapterAt, formatTimestamp, noteChapters, type Chapter } from "../core/sources/chapters";
import { seekUrl } from "../core/sources/youtube";
import { EmbedController, PAUSED, type EmbedEndpoint, type EmbedStatus, type PlaybackInfo } from "./player/embed-controller";

export const PLAYER_VIEW_TYPE = "source-lifecycle-player";

/** What the view needs from the plugin: where embeds come from, positions, and the browser. */
export interface PlayerHost {
	endpoint: EmbedEndpoint;
	/** The last position kept for a video (seconds), if any. */
	savedPosition(videoId: string): number | undefined;
	/** The player reported a position; `paused`: it has just been paused. */
	positionChanged(videoId: string, path: string | null, seconds: number, paused: boolean): void;
	/** The view closes (or switches away) at this position. */
	left(videoId: string, path: string | null, seconds: number): void;
	openInBrowser(url: string): void;
}

/** What to play: a video, the note it belongs to (for its chapters), and where to start. */
export interface PlayTarget {
	videoId: string | null;
	path: string | null;
	seconds?: number;
}

/** YouTube's error codes, in words. */
function errorText(code: number | undefined): string {
	if (code === 101 || code === 150) return "The owner of this video does not allow it to be played in other apps.";
	if (code === 100) return "This video was not found: it may be private or removed.";
	if (code === 153) return "YouTube refused to play the video here (no referrer).";
	return `YouTube could not play this video here (error ${code ?? "unknown"}).`;
}

export class PlayerView extends ItemView {
	private controller: EmbedController | null = null;
	private iframe: HTMLIFrameElement | null = null;
	private frameEl!: HTMLElement;
	private titleEl!: HTMLElement;
	private messageEl!: HTMLElement;
	private listEl!: HTMLElement;
	private chapters: Chapter[] = [];
	private buttons: HTMLButtonElement[] = [];
	private current = -1;
	private pointerOverList = false;
	private target: PlayTarget = { videoId: null, path: null };
	private lastState = -1;
	private messageWindow: Window | null = null;

	constructor(
		leaf: WorkspaceLeaf,
		private readonly host: PlayerHost,
	) {
		super(leaf);
		this.icon = "play-circle";
	}

	getViewType(): string {
		return PLAYER_VIEW_TYPE;
	}

	getDisplayText(): string {
		return "Source player";
	}

	/** The video shown (null: none). */
	get videoId(): string | null {
		return this.target.videoId;
	}

	/** The note whose chapters are listed. */
	get notePath(): string | null {
		return this.target.path;
	}

	override async onOpen(): Promise<void> {
		const root = this.contentEl;
		root.empty();
		root.addClass("source-lifecycle-player");
		this.titleEl = root.createDiv({ cls: "source-lifecycle-player-title" });
		this.frameEl = root.createDiv({ cls: "source-lifecycle-player-frame" });
		this.messageEl = root.createDiv({ cls: "source-lifecycle-player-message", attr: { role: "status", "aria-live": "polite" } });
		this.listEl = root.createEl("ol", { cls: "source-lifecycle-chapters", attr: { "aria-label": "Chapters" } });
		this.registerDomEvent(this.listEl, "pointerenter", () => (this.pointerOverList = true));
		this.registerDomEvent(this.listEl, "pointerleave", () => (this.pointerOverList = false));
		this.registerDomEvent(this.listEl, "keydown", (e: KeyboardEvent) => this.onListKey(e));
		this.register(() => this.listenOn(null));
		this.registerEvent(
			this.app.vault.on("modify", (file) => {
				if (file instanceof TFile && file.path === this.target.path) void this.loadChapters();
			}),
		);
		this.render();
	}

	override async onClose(): Promise<void> {
		this.leaveVideo();
		this.controller?.destroy();
		this.controller = null;
	}

	override getState(): Record<string, unknown> {
		return { videoId: this.target.videoId, path: this.target.path };
	}

	override async setState(state: unknown, result: ViewStateResult): Promise<void> {
		const s = (state ?? {}) as { videoId?: unknown; path?: unknown };
		if (typeof s.videoId === "string" || typeof s.path === "string") {
			await this.show({ videoId: typeof s.videoId === "string" ? s.videoId : null, path: typeof s.path === "string" ? s.path : null });
		}
		await super.setState(state, result);
	}

	/**
	 * Show a source: the same video seeks (no reload); another video is loaded at `seconds`,
	 * else where it was left. Without a video the view says so.
	 */
	async show(target: PlayTarget): Promise<void> {
		const sameVideo = target.videoId !== null && target.videoId === this.target.videoId && this.controller !== null;
		const pathChanged = target.path !== this.target.path;
		if (!sameVideo) this.leaveVideo();
		this.target = { videoId: target.videoId, path: target.path ?? (sameVideo ? this.target.path : null) };
		if (target.videoId === null) {
			this.controller?.destroy();
			this.controller = null;
			this.render();
			return;
		}
		if (sameVideo) {
			if (target.seconds !== undefined) this.seek(target.seconds);
		} else {
			const start = target.seconds ?? this.host.savedPosition(target.videoId) ?? 0;
			this.startVideo(target.videoId, start);
			// A click on a time also seeks once the player is ready (the start in the URL is not always kept).
			if (target.seconds !== undefined) this.seek(target.seconds);
		}
		if (pathChanged || !sameVideo) {
			this.render();
			await this.loadChapters();
		}
	}

	/** Seek to `seconds` and play. */
	seek(seconds: number): void {
		if (!this.controller) return;
		this.controller.seekTo(seconds);
		this.controller.play();
		this.highlight(chapterAt(this.chapters, seconds));
	}

	seekBy(delta: number): void {
		if (this.controller) this.seek(Math.max(0, this.controller.position() + delta));
	}

	togglePlay(): void {
		this.controller?.togglePlay();
	}

	/** Where the video is, in seconds (null: no video). */
	position(): number | null {
		return this.controller ? this.controller.position() : null;
	}

	private startVideo(videoId: string, start: number): void {
		this.controller?.destroy();
		this.frameEl.empty();
		const iframe = this.frameEl.createEl("iframe", {
			cls: "source-lifecycle-player-embed",
			attr: {
				title: "YouTube video player",
				referrerpolicy: "strict-origin-when-cross-origin",
				allow: "autoplay; encrypted-media; picture-in-picture; fullscreen",
				allowfullscreen: "",
			},
		});
		this.iframe = iframe;
		const win = this.frameEl.win;
		const controller = new EmbedController({
			endpoint: this.host.endpoint,
			port: {
				frameWindow: () => iframe.contentWindow,
				post: (message, origin) => iframe.contentWindow?.postMessage(message, origin),
				load: (url) => iframe.setAttribute("src", url),
				setTimer: (fn, ms) => win.setTimeout(fn, ms),
				clearTimer: (id) => win.clearTimeout(id),
			},
			listener: {
				status: (status, detail) => this.onStatus(status, detail),
				playback: (info) => this.onPlayback(info),
			},
		});
		this.controller = controller;
		this.listenOn(iframe.win);
		iframe.addEventListener("load", () => {
			if (this.controller !== controller) return;
			// Moved to a pop-out window (or back), the iframe loads again, in another window.
			this.listenOn(iframe.win);
			controller.frameLoaded();
		});
		controller.open(videoId, start);
		this.render();
	}

	/** The player's messages arrive at the window holding the iframe (the main one or a pop-out): listen there only. */
	private listenOn(win: Window | null): void {
		if (win === this.messageWindow) return;
		this.messageWindow?.removeEventListener("message", this.onMessage);
		this.messageWindow = win;
		win?.addEventListener("message", this.onMessage);
	}

	private readonly onMessage = (e: MessageEvent): void => {
		this.controller?.receive(e.data, e.origin, e.source);
	};

	/** Tell the host where the video was left (position kept, watch progress written). */
	private leaveVideo(): void {
		const c = this.controller;
		if (c && this.target.videoId !== null && c.status === "ready") this.host.left(this.target.videoId, this.target.path, c.position());
	}

	private async loadChapters(): Promise<void> {
		const path = this.target.path;
		const file = path === null ? null : this.app.vault.getAbstractFileByPath(path);
		const text = file instanceof TFile ? await this.app.vault.cachedRead(file) : "";
		if (path !== this.target.path) return;
		const read = noteChapters(text);
		this.chapters = read.videoId === this.target.videoId ? read.chapters : [];
		this.renderChapters();
	}

	private onStatus(status: EmbedStatus, detail: { start?: number; errorCode?: number }): void {
		const m = this.messageEl;
		m.empty();
		m.toggleClass("is-error", status === "error" || status === "not-answering");
		if (status === "error") {
			m.createDiv({ text: errorText(detail.errorCode) });
			this.browserButton(m);
		} else if (status === "not-answering") {
			m.createDiv({ text: "The player is not answering. Click a chapter to try again, or watch in the browser." });
			this.browserButton(m);
		} else if (status === "reloading") {
			m.createDiv({ text: `The player did not answer; loading it again at ${formatTimestamp(detail.start ?? 0)}.` });
		}
		this.frameEl.toggleClass("source-lifecycle-hidden", status === "error");
	}

	private browserButton(parent: HTMLElement): void {
		const videoId = this.target.videoId;
		if (videoId === null) return;
		const button = parent.createEl("button", { text: "Open in browser", cls: "mod-cta" });
		button.addEventListener("click", () => this.host.openInBrowser(seekUrl(videoId, this.controller?.position() ?? 0)));
	}

	private onPlayback(info: PlaybackInfo): void {
		this.highlight(chapterAt(this.chapters, info.currentTime));
		const videoId = this.target.videoId;
		if (videoId === null) return;
		const paused = info.playerState === PAUSED && this.lastState !== PAUSED;
		this.lastState = info.playerState;
		this.host.positionChanged(videoId, this.target.path, info.currentTime, paused);
	}

	private render(): void {
		this.titleEl.setText(this.target.path === null ? "" : this.target.path.replace(/^.*\//, "").replace(/\.md$/, ""));
		if (this.target.videoId === null) {
			this.frameEl.empty();
			this.iframe = null;
			this.messageEl.empty();
			this.messageEl.removeClass("is-error");
			this.messageEl.createDiv({
				text: this.target.path === null ? "No video. Click a timestamp in a source note, or open a source and run \"Open source player\"." : "This note has no video: its url property is not a YouTube video.",
			});
			this.chapters = [];
			this.renderChapters();
		}
	}

	private renderChapters(): void {
		this.listEl.empty();
		this.buttons = [];
		this.current = -1;
		this.chapters.forEach((chapter, i) => {
			const item = this.listEl.createEl("li");
			const button = item.createEl("button", { cls: "source-lifecycle-chapter", attr: { "data-seconds": chapter.seconds, tabindex: i === 0 ? 0 : -1 } });
			button.createSpan({ cls: "source-lifecycle-chapter-time", text: formatTimestamp(chapter.seconds) });
			button.createSpan({ cls: "source-lifecycle-chapter-label", text: chapter.label });
			button.addEventListener("click", () => this.seek(chapter.seconds));
			this.buttons.push(button);
		});
		if (this.controller) this.highlight(chapterAt(this.chapters, this.controller.position()));
	}

	/** Mark chapter `index` as current; the list scrolls to it unless the pointer is over the list. */
	private highlight(index: number): void {
		if (index === this.current) return;
		this.buttons[this.current]?.removeClass("is-current");
		this.buttons[this.current]?.removeAttribute("aria-current");
		this.current = index;
		const button = this.buttons[index];
		if (!button) return;
		button.addClass("is-current");
		button.setAttribute("aria-current", "true");
		if (!this.pointerOverList) button.scrollIntoView({ block: "nearest" });
	}

	/** Arrow keys, Home and End move between chapters (Enter or Space plays one: they are buttons). */
	private onListKey(e: KeyboardEvent): void {
		const at = this.buttons.findIndex((b) => b === this.listEl.doc.activeElement);
		if (at === -1) return;
		const to = e.key === "ArrowDown" ? at + 1 : e.key === "ArrowUp" ? at - 1 : e.key === "Home" ? 0 : e.key === "End" ? this.buttons.length - 1 : null;
		if (to === null) return;
		e.preventDefault();
		const next = this.buttons[Math.max(0, Math.min(this.buttons.length - 1, to))];
		if (!next) return;
		for (const b of this.buttons) b.setAttribute("tabindex", b === next ? "0" : "-1");
		next.focus();
	}
}
