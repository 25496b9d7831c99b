/**
 * A fake YouTube embed served on 127.0.0.1 (port 0) for the player's browser tests and the
 * bench: a page that speaks the IFrame API's postMessage protocol as the real embed does
 * (answers `listening` with `onReady`, sends `infoDelivery` ticks, obeys `seekTo`,
 * `playVideo`, `pauseVideo`) and records every message it received, with the time.
 * Modes, from the first part of the path: `normal`; `never-ready` (never answers);
 * `error150` (ready, then `onError` 150: embedding disabled); `chatty` (posts player
 * messages on its own, unasked — the wrong-origin and foreign-frame tests use it).
 * A second server on another port gives a second origin.
 */
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import type { EmbedEndpoint } from "../../src/ui/player/embed-controller";

export type FakeMode = "normal" | "never-ready" | "error150" | "chatty";

/** The script of the fake player page (runs inside the iframe). */
function playerScript(mode: FakeMode, start: number): string {
	return `
const mode = ${JSON.stringify(mode)};
window.received = [];
let ready = false, time = ${start}, state = -1;
const send = (o) => parent.postMessage(JSON.stringify(o), "*");
const info = () => ({ currentTime: time, playerState: state, duration: 3203 });
window.setTime = (s) => { time = s; send({ event: "infoDelivery", info: info() }); };
addEventListener("message", (e) => {
	let m;
	try { m = typeof e.data === "string" ? JSON.parse(e.data) : e.data; } catch { return; }
	window.received.push(Object.assign({ at: performance.timeOrigin + performance.now(), origin: e.origin }, m));
	if (m.event === "listening") {
		if (mode === "never-ready" || ready) return;
		ready = true;
		send({ event: "initialDelivery", info: info() });
		send({ event: "onReady", info: {} });
		if (mode === "error150") send({ event: "onError", info: 150 });
	} else if (m.event === "command") {
		if (m.func === "seekTo") { time = m.args[0]; send({ event: "infoDelivery", info: info() }); }
		if (m.func === "playVideo") { state = 1; send({ event: "onStateChange", info: 1 }); }
		if (m.func === "pauseVideo") { state = 2; send({ event: "onStateChange", info: 2 }); }
	}
});
// Playing: time moves on, reported four times a second.
setInterval(() => { if (state === 1) { time += 0.25; send({ event: "infoDelivery", info: info() }); } }, 250);
if (mode === "chatty") setInterval(() => { send({ event: "onReady", info: {} }); send({ event: "infoDelivery", info: { currentTime: 2000, playerState: 1 } }); }, 100);
`;
}

export interface FakePlayer {
	/** http://127.0.0.1:PORT of the main server. */
	origin: string;
	/** http://127.0.0.1:PORT2 of the second server (another origin). */
	otherOrigin: string;
	/** Every embed URL requested (path and query), in order. */
	requests: string[];
	/** The endpoint of a mode; `origin` overrides the origin the player is expected to have. */
	endpoint(mode: FakeMode, origin?: string): EmbedEndpoint;
	close(): Promise<void>;
}

function serve(requests: string[]): Server {
	return createServer((req, res) => {
		const url = new URL(req.url ?? "/", "http://127.0.0.1");
		const m = /^\/(normal|never-ready|error150|chatty)\/embed\/([A-Za-z0-9_-]{11})$/.exec(url.pathname);
		if (!m) {
			res.writeHead(404).end();
			return;
		}
		requests.push(url.pathname + url.search);
		const start = Number(url.searchParams.get("start") ?? 0) || 0;
		res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
		res.end(`<!doctype html><html><body style="margin:0;background:#000;color:#eee;font:14px sans-serif;display:flex;align-items:center;justify-content:center;height:100vh">fake player · ${m[2]}<script>${playerScript(m[1] as FakeMode, start)}</script></body></html>`);
	});
}

async function listen(server: Server): Promise<string> {
	await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
	return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export async function startFakePlayer(): Promise<FakePlayer> {
	const requests: string[] = [];
	const main = serve(requests);
	const other = serve([]);
	const [origin, otherOrigin] = await Promise.all([listen(main), listen(other)]);
	return {
		origin,
		otherOrigin,
		requests,
		endpoint: (mode, expected) => ({ base: `${origin}/${mode}/embed/`, origin: expected ?? origin }),
		close: async () => {
			await Promise.all(
				[main, other].map((s) => {
					s.closeAllConnections();
					return new Promise<void>((resolve) => s.close(() => resolve()));
				}),
			);
		},
	};
}
