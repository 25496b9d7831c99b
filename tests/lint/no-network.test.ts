/**
 * The plugin's one network request is capture's oEmbed request, through Obsidian's
 * `requestUrl`, and main.js needs nothing from Node (docs/reference.md §1, docs/capture.md,
 * SECURITY.md); the CLI's one is the same request for `new`, through Node's `fetch`. Both
 * bundles are built as `npm run build` builds them and searched for every way JavaScript
 * can reach the network.
 */
import { buildSync } from "esbuild";
import { builtinModules } from "module";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const NETWORK = /\b(?:fetch|requestUrl|XMLHttpRequest|WebSocket|sendBeacon|EventSource|RTCPeerConnection)\b|require\("(?:node:)?(?:https?|http2|net|tls|dgram|dns|child_process)"\)/g;

describe("no network, no Node in main.js", () => {
	const dir = mkdtempSync(join(tmpdir(), "sl-bundle-"));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const build = (entry: string, out: string, node: boolean) => {
		buildSync({
			entryPoints: [join(ROOT, entry)],
			bundle: true,
			format: "cjs",
			platform: node ? "node" : "browser",
			target: node ? "node20" : "es2018",
			minify: !node,
			outfile: join(dir, out),
			logLevel: "silent",
			external: node ? [] : ["obsidian", "electron", "@codemirror/*", "@lezer/*", ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
		});
		return readFileSync(join(dir, out), "utf8");
	};

	it("main.js reaches the network only through requestUrl and requires only obsidian and CodeMirror", () => {
		const main = build("src/plugin/main.ts", "main.js", false);
		expect(new Set(main.match(NETWORK) ?? [])).toEqual(new Set(["requestUrl"]));
		const required = [...new Set([...main.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1] as string))];
		for (const r of required) expect(r).toMatch(/^(?:obsidian|@codemirror\/[a-z]+)$/);
	});

	it("the CLI reaches the network only through fetch, once: the oEmbed request of new", () => {
		const cli = build("src/cli/index.ts", "cli.js", true);
		expect(cli.match(NETWORK) ?? []).toEqual(["fetch"]);
		const call = cli.indexOf("await fetch(");
		expect(cli.slice(call - 400, call)).toContain("SOURCE_LIFECYCLE_OEMBED_URL");
	});
});
