import { EmbedController, embedUrl, readPlayerMessage, type EmbedPort, type EmbedStatus } from "../../../src/ui/player/embed-controller";

const ENDPOINT = { base: "https://www.youtube-nocookie.com/embed/", origin: "https://www.youtube-nocookie.com" };
const VIDEO = "3x0jhpEj_6o";

/** A port over a pretend iframe: records what was posted and loaded; timers run when the test says. */
class FakePort implements EmbedPort {
	readonly frame = { name: "iframe window" };
	posted: { message: unknown; origin: string }[] = [];
	loads: string[] = [];
	private timers = new Map<number, { fn: () => void; at: number }>();
	private next = 1;
	now = 0;
	frameWindow(): unknown {
		return this.frame;
	}
	post(message: string, origin: string): void {
		this.posted.push({ message: JSON.parse(message) as unknown, origin });
	}
	load(url: string): void {
		this.loads.push(url);
	}
	setTimer(fn: () => void, ms: number): number {
		const id = this.next++;
		this.timers.set(id, { fn, at: this.now + ms });
		return id;
	}
	clearTimer(id: number): void {
		this.timers.delete(id);
	}
	/** Let `ms` pass, firing due timers in order. */
	advance(ms: number): void {
		const end = this.now + ms;
		for (;;) {
			let due: [number, { fn: () => void; at: number }] | null = null;
			for (const entry of this.timers) if (entry[1].at <= end && (!due || entry[1].at < due[1].at)) due = entry;
			if (!due) break;
			this.timers.delete(due[0]);
			this.now = due[1].at;
			due[1].fn();
		}
		this.now = end;
	}
	commands(): unknown[] {
		return this.posted.map((p) => p.message).filter((m) => (m as { event: string }).event === "command").map((m) => [(m as { func: string }).func, (m as { args: unknown[] }).args]);
	}
}

function setup() {
	const port = new FakePort();
	const statuses: [EmbedStatus, unknown][] = [];
	const ticks: number[] = [];
	const controller = new EmbedController({
		endpoint: ENDPOINT,
		port,
		listener: { status: (s, d) => statuses.push([s, d]), playback: (p) => ticks.push(p.currentTime) },
	});
	controller.open(VIDEO, 0);
	controller.frameLoaded();
	const fromPlayer = (data: unknown) => controller.receive(data, ENDPOINT.origin, port.frame);
	return { port, controller, statuses, ticks, fromPlayer };
}

describe("embedUrl", () => {
	it("is the nocookie embed with the JS API on and the start second", () => {
		expect(embedUrl(ENDPOINT, VIDEO, 516.7)).toBe(`https://www.youtube-nocookie.com/embed/${VIDEO}?enablejsapi=1&start=516`);
		expect(() => embedUrl(ENDPOINT, "x\"><script>", 0)).toThrow();
	});
});

describe("EmbedController", () => {
	it("loads the embed and says listening to the embed origin until the player answers", () => {
		const { port, fromPlayer } = setup();
		expect(port.loads).toEqual([embedUrl(ENDPOINT, VIDEO, 0)]);
		expect(port.posted[0]).toEqual({ message: { event: "listening", id: 1, channel: "widget" }, origin: ENDPOINT.origin });
		port.advance(600);
		expect(port.posted.filter((p) => (p.message as { event: string }).event === "listening").length).toBe(3);
		fromPlayer('{"event":"onReady","id":1}');
		const before = port.posted.length;
		port.advance(1000);
		expect(port.posted.length).toBe(before);
	});

	it("queues commands until ready, then sends them in order (a later seek replaces an earlier one)", () => {
		const { port, controller, fromPlayer } = setup();
		controller.seekTo(100);
		controller.play();
		controller.seekTo(516);
		expect(port.commands()).toEqual([]);
		fromPlayer({ event: "onReady" });
		expect(port.commands()).toEqual([
			["addEventListener", ["onStateChange"]],
			["addEventListener", ["onError"]],
			["playVideo", []],
			["seekTo", [516, true]],
		]);
		controller.pause();
		expect(port.commands().at(-1)).toEqual(["pauseVideo", []]);
	});

	it("reads string (JSON) and object payloads alike", () => {
		const { controller, fromPlayer, ticks } = setup();
		fromPlayer('{"event":"onReady"}');
		expect(fromPlayer('{"event":"infoDelivery","info":{"currentTime":12.5,"playerState":1,"duration":3203}}')).toBe(true);
		expect(fromPlayer({ event: "infoDelivery", info: { currentTime: 13.5 } })).toBe(true);
		expect(ticks).toEqual([12.5, 13.5]);
		expect(controller.playback).toEqual({ currentTime: 13.5, playerState: 1, duration: 3203 });
		expect(fromPlayer("not json")).toBe(false);
		expect(readPlayerMessage({ info: 1 })).toBeNull();
	});

	it("ignores messages from another origin or another window", () => {
		const { port, controller, fromPlayer } = setup();
		controller.seekTo(516);
		expect(controller.receive('{"event":"onReady"}', "https://evil.example", port.frame)).toBe(false);
		expect(controller.receive('{"event":"onReady"}', ENDPOINT.origin, { other: "window" })).toBe(false);
		expect(controller.receive('{"event":"infoDelivery","info":{"currentTime":999}}', "https://evil.example", port.frame)).toBe(false);
		expect(controller.status).toBe("loading");
		expect(controller.playback.currentTime).toBe(0);
		expect(port.commands()).toEqual([]);
		fromPlayer('{"event":"onReady"}');
		expect(controller.status).toBe("ready");
	});

	it("loads the embed again at the wanted second when nothing answers within 5 s, then says it is not answering", () => {
		const { port, controller, statuses } = setup();
		controller.seekTo(516);
		port.advance(4999);
		expect(port.loads).toHaveLength(1);
		port.advance(1);
		expect(port.loads).toEqual([embedUrl(ENDPOINT, VIDEO, 0), embedUrl(ENDPOINT, VIDEO, 516)]);
		expect(controller.status).toBe("reloading");
		port.advance(5000);
		expect(controller.status).toBe("not-answering");
		expect(statuses.at(-1)).toEqual(["not-answering", { start: 516 }]);
		// A new seek tries once more, from that second.
		controller.seekTo(738);
		expect(port.loads.at(-1)).toBe(embedUrl(ENDPOINT, VIDEO, 738));
	});

	it("keeps a command that was not a seek across the reload and sends it when the new player is ready", () => {
		const { port, controller, fromPlayer } = setup();
		controller.seekTo(516);
		controller.play();
		port.advance(5000);
		controller.frameLoaded();
		fromPlayer('{"event":"onReady"}');
		expect(port.commands().filter((c) => (c as [string])[0] !== "addEventListener")).toEqual([["playVideo", []]]);
	});

	it("reports an embed error (150: embedding disabled) and stops waiting", () => {
		const { port, controller, statuses, fromPlayer } = setup();
		fromPlayer('{"event":"onReady"}');
		fromPlayer('{"event":"onError","info":150}');
		expect(statuses.at(-1)).toEqual(["error", { errorCode: 150 }]);
		port.advance(20000);
		expect(port.loads).toHaveLength(1);
		expect(controller.status).toBe("error");
	});

	it("toggles play and pause from the reported player state", () => {
		const { port, controller, fromPlayer } = setup();
		fromPlayer('{"event":"onReady"}');
		controller.togglePlay();
		fromPlayer('{"event":"onStateChange","info":1}');
		controller.togglePlay();
		expect(port.commands().slice(-2)).toEqual([
			["playVideo", []],
			["pauseVideo", []],
		]);
	});

	it("starts over when a ready player's iframe loads again (moved to a pop-out window): listening, queue, ready", () => {
		const { port, controller, fromPlayer } = setup();
		fromPlayer('{"event":"onReady"}');
		controller.frameLoaded();
		expect(controller.status).toBe("loading");
		expect(port.posted.at(-1)?.message).toEqual({ event: "listening", id: 1, channel: "widget" });
		controller.seekTo(516);
		expect(port.commands().filter((c) => (c as [string])[0] === "seekTo")).toEqual([]);
		fromPlayer('{"event":"onReady"}');
		expect(port.commands().at(-1)).toEqual(["seekTo", [516, true]]);
	});
});
