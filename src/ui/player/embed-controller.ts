/**
 * The embedded YouTube player, driven by the IFrame API's postMessage protocol without
 * loading any remote script (docs/player.md): we say `listening`, the player answers
 * `onReady`, then reports `infoDelivery` (currentTime, playerState, duration) and
 * `onError`; we send `command` messages (`seekTo`, `playVideo`, `pauseVideo`). Messages
 * count only from the iframe's own window and the embed origin. Commands wait in a queue
 * until the player is ready; when it does not answer within 5 s, the embed is loaded again
 * at the position wanted (`start=N`). No DOM here: the view gives a port to its iframe.
 */

/** Where embeds come from. Tests point it at a fake player on 127.0.0.1; users never change it. */
export interface EmbedEndpoint {
	/** Prefix of the embed URL, the video id follows. */
	base: string;
	/** The origin the player's messages must come from (and ours are sent to). */
	origin: string;
}

export const YOUTUBE_EMBED: EmbedEndpoint = {
	base: "https://www.youtube-nocookie.com/embed/",
	origin: "https://www.youtube-nocookie.com",
};

/** How long the player may stay silent after loading before it is loaded again. */
export const ANSWER_TIMEOUT_MS = 5000;
/** `listening` is repeated at this pace until the player answers (it may not be listening yet). */
export const LISTEN_EVERY_MS = 250;

/** YouTube's player states (infoDelivery `playerState`). */
export const PLAYING = 1;
export const PAUSED = 2;

/** The embed URL of a video starting at `start` seconds. */
export function embedUrl(endpoint: EmbedEndpoint, videoId: string, start: number): string {
	if (!/^[A-Za-z0-9_-]{11}$/.test(videoId)) throw new Error(`not a YouTube video id: ${videoId}`);
	return `${endpoint.base}${videoId}?enablejsapi=1&start=${Math.max(0, Math.floor(start))}`;
}

/** What the controller needs from the page: the iframe's window, a way to post to it, to load it, and a clock. */
export interface EmbedPort {
	/** The iframe's window now (messages from any other source are ignored). */
	frameWindow(): unknown;
	/** Post a message to the iframe's window, addressed to `targetOrigin`. */
	post(message: string, targetOrigin: string): void;
	/** Load (or load again) the iframe at `url`. */
	load(url: string): void;
	setTimer(fn: () => void, ms: number): number;
	clearTimer(id: number): void;
}

export type EmbedStatus = "loading" | "ready" | "reloading" | "not-answering" | "error";

export interface PlaybackInfo {
	currentTime: number;
	playerState: number;
	duration: number;
}

export interface EmbedListener {
	status?(status: EmbedStatus, detail: { start?: number; errorCode?: number }): void;
	playback?(info: PlaybackInfo): void;
}

export interface EmbedOptions {
	endpoint: EmbedEndpoint;
	port: EmbedPort;
	listener: EmbedListener;
	answerTimeoutMs?: number;
	listenEveryMs?: number;
}

/** A player message read from a string (JSON, as YouTube sends it) or an object payload; null when it is not one. */
export function readPlayerMessage(data: unknown): { event: string; info: unknown } | null {
	let value: unknown = data;
	if (typeof data === "string") {
		try {
			value = JSON.parse(data);
		} catch {
			return null;
		}
	}
	if (value === null || typeof value !== "object") return null;
	const record = value as Record<string, unknown>;
	return typeof record.event === "string" ? { event: record.event, info: record.info } : null;
}

function finite(v: unknown): number | null {
	return typeof v === "number" && Number.isFinite(v) ? v : null;
}

interface Command {
	func: string;
	args: unknown[];
}

export class EmbedController {
	status: EmbedStatus = "loading";
	readonly playback: PlaybackInfo = { currentTime: 0, playerState: -1, duration: 0 };
	private queue: Command[] = [];
	private answerTimer: number | null = null;
	private listenTimer: number | null = null;
	private reloaded = false;
	private videoIdValue = "";
	/** Where a seek asked the player to be, until the player reports a time. */
	private wanted: number | null = null;
	private readonly answerTimeoutMs: number;
	private readonly listenEveryMs: number;

	constructor(private readonly options: EmbedOptions) {
		this.answerTimeoutMs = options.answerTimeoutMs ?? ANSWER_TIMEOUT_MS;
		this.listenEveryMs = options.listenEveryMs ?? LISTEN_EVERY_MS;
	}

	get videoId(): string {
		return this.videoIdValue;
	}

	/** Load `videoId` at `start` seconds (a new video, or the same one again). */
	open(videoId: string, start: number): void {
		this.videoIdValue = videoId;
		this.queue = [];
		this.reloaded = false;
		this.playback.currentTime = start;
		this.playback.playerState = -1;
		this.wanted = null;
		this.load(start, "loading");
	}

	/**
	 * The iframe finished loading a page: say `listening` until the player answers. A player
	 * that was ready and loads again (its iframe moved to another window) starts over.
	 */
	frameLoaded(): void {
		if (this.status === "error") return;
		if (this.status === "ready") {
			this.setStatus("loading", {});
			this.answerTimer = this.options.port.setTimer(() => this.noAnswer(), this.answerTimeoutMs);
		}
		this.stopListening();
		const listen = () => {
			this.send({ event: "listening", id: 1, channel: "widget" });
			this.listenTimer = this.options.port.setTimer(listen, this.listenEveryMs);
		};
		listen();
	}

	/**
	 * A `message` event of the window holding the iframe. Returns true when it was the
	 * player's and was read; anything from another window or origin is ignored.
	 */
	receive(data: unknown, origin: string, source: unknown): boolean {
		if (origin !== this.options.endpoint.origin) return false;
		const frame = this.options.port.frameWindow();
		if (frame === null || frame === undefined || source !== frame) return false;
		const message = readPlayerMessage(data);
		if (!message) return false;
		switch (message.event) {
			case "onReady":
				this.ready();
				break;
			case "infoDelivery":
				this.deliver(message.info);
				break;
			case "onStateChange": {
				const state = finite(message.info);
				if (state !== null) this.deliver({ playerState: state });
				break;
			}
			case "onError":
				this.failed(finite(message.info) ?? 0);
				break;
			default:
				return false;
		}
		return true;
	}

	seekTo(seconds: number): void {
		const s = Math.max(0, seconds);
		this.wanted = s;
		// A player that stopped answering gets another chance, loaded where the user wants to be.
		if (this.status === "not-answering") {
			this.reloaded = false;
			this.load(s, "reloading");
			return;
		}
		this.queue = this.queue.filter((c) => c.func !== "seekTo");
		this.command("seekTo", [s, true]);
	}

	play(): void {
		this.command("playVideo", []);
	}

	pause(): void {
		this.command("pauseVideo", []);
	}

	togglePlay(): void {
		if (this.playback.playerState === PLAYING) this.pause();
		else this.play();
	}

	/** Where the video is (or is about to be, right after a seek), in seconds. */
	position(): number {
		return this.wanted ?? this.playback.currentTime;
	}

	destroy(): void {
		this.clearTimers();
		this.queue = [];
	}

	private load(start: number, status: EmbedStatus): void {
		this.clearTimers();
		this.setStatus(status, { start: Math.floor(start) });
		this.options.port.load(embedUrl(this.options.endpoint, this.videoIdValue, start));
		this.answerTimer = this.options.port.setTimer(() => this.noAnswer(), this.answerTimeoutMs);
	}

	/** Nothing answered in time: load the embed again at the wanted position, once; then say so. */
	private noAnswer(): void {
		this.answerTimer = null;
		if (this.status === "ready" || this.status === "error") return;
		if (!this.reloaded) {
			this.reloaded = true;
			// The seek is in the URL now; other commands wait for the new player.
			this.queue = this.queue.filter((c) => c.func !== "seekTo");
			this.load(this.position(), "reloading");
			return;
		}
		this.stopListening();
		this.setStatus("not-answering", { start: Math.floor(this.position()) });
	}

	private ready(): void {
		if (this.status === "ready") return;
		this.clearTimers();
		this.setStatus("ready", {});
		for (const name of ["onStateChange", "onError"]) this.post({ func: "addEventListener", args: [name] });
		for (const c of this.queue.splice(0)) this.post(c);
	}

	private deliver(info: unknown): void {
		if (info === null || typeof info !== "object") return;
		const record = info as Record<string, unknown>;
		const time = finite(record.currentTime);
		const state = finite(record.playerState);
		const duration = finite(record.duration);
		if (time !== null) {
			this.playback.currentTime = time;
			this.wanted = null;
		}
		if (state !== null) this.playback.playerState = state;
		if (duration !== null) this.playback.duration = duration;
		this.options.listener.playback?.({ ...this.playback });
	}

	private failed(code: number): void {
		this.clearTimers();
		this.queue = [];
		this.setStatus("error", { errorCode: code });
	}

	private command(func: string, args: unknown[]): void {
		const c = { func, args };
		if (this.status === "ready") this.post(c);
		else this.queue.push(c);
	}

	private post(c: Command): void {
		this.send({ event: "command", func: c.func, args: c.args, id: 1, channel: "widget" });
	}

	private send(message: Record<string, unknown>): void {
		this.options.port.post(JSON.stringify(message), this.options.endpoint.origin);
	}

	private setStatus(status: EmbedStatus, detail: { start?: number; errorCode?: number }): void {
		this.status = status;
		this.options.listener.status?.(status, detail);
	}

	private stopListening(): void {
		if (this.listenTimer !== null) this.options.port.clearTimer(this.listenTimer);
		this.listenTimer = null;
	}

	private clearTimers(): void {
		this.stopListening();
		if (this.answerTimer !== null) this.options.port.clearTimer(this.answerTimer);
		this.answerTimer = null;
	}
}
