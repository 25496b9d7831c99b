/**
 * `new`: capture from the command line, against a local oEmbed endpoint that serves saved
 * answers (a real one, 401, 404, garbage, one slower than the 5 s timeout).
 */
import { createServer, type Server } from "http";
import type { AddressInfo } from "net";
import { parse } from "yaml";
import { cli, TempVault } from "../helpers/vault";
import { FolderVault } from "../../src/cli/folder-vault";
import { seedNote, seedOembed } from "../helpers/fixtures";

const SEED_URL = "https://www.youtube.com/watch?v=3x0jhpEj_6o";
const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";
const TODAY = "2026-12-08";

let server: Server;
let base = "";
const asked: string[] = [];

beforeAll(async () => {
	server = createServer((req, res) => {
		asked.push(req.url ?? "");
		const path = (req.url ?? "").split("?")[0];
		if (path === "/ok") res.writeHead(200, { "content-type": "application/json" }).end(seedOembed());
		else if (path === "/401") res.writeHead(401).end("Unauthorized");
		else if (path === "/404") res.writeHead(404).end("Not Found");
		else if (path === "/garbage") res.writeHead(200, { "content-type": "application/json" }).end('{"title": "How OpenAI', "utf8");
		else if (path === "/slow") setTimeout(() => res.writeHead(200).end(seedOembed()), 8000).unref();
		else res.writeHead(500).end();
	});
	await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise((r) => server.close(r));
	delete process.env.SOURCE_LIFECYCLE_OEMBED_URL;
});

const frontmatterOf = (text: string) => parse(text.slice(4, text.indexOf("\n---\n", 4))) as Record<string, unknown>;

describe("cli new", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());
	beforeEach(() => {
		asked.length = 0;
	});

	it("takes title and creator from a real oEmbed answer and creates the note in the source folder", async () => {
		process.env.SOURCE_LIFECYCLE_OEMBED_URL = `${base}/ok`;
		vault = new TempVault({ ".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ sourceFolder: "Sources" }) });
		const r = await cli("new", vault.root, "https://youtu.be/3x0jhpEj_6o?si=abc", "--today", TODAY, "--json");
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		const path = "Sources/How OpenAI Builds for 800 Million Weekly Users Model Specialization and Fine-Tuning.md";
		expect(r.json).toEqual({ path, id: "SOURCE-20261208-001", created: true });
		expect(asked).toEqual([`/ok?url=${encodeURIComponent(SEED_URL)}&format=json`]);
		expect(frontmatterOf(vault.read(path))).toMatchObject({ title: SEED_TITLE, creator: "a16z", url: SEED_URL, status: "raw", date_processed: TODAY });
		const scan = await cli("scan", vault.root, "--json");
		expect(scan.json.sources).toEqual([expect.objectContaining({ path, videoId: "3x0jhpEj_6o", problems: [] })]);
	});

	it.each([
		["a 401", "/401", "private or does not allow embedding"],
		["a 404", "/404", "HTTP 404"],
		["garbage", "/garbage", "not JSON"],
		["a refused connection", "closed", "could not be reached"],
	])("creates the note anyway after %s, with a warning and the missing-title problem", async (_what, path, reason) => {
		process.env.SOURCE_LIFECYCLE_OEMBED_URL = path === "closed" ? "http://127.0.0.1:1/oembed" : `${base}${path}`;
		vault = new TempVault();
		const r = await cli("new", vault.root, SEED_URL, "--today", TODAY, "--json");
		expect(r.code).toBe(0);
		expect(r.json).toEqual({ path: "SOURCE-20261208-001.md", id: "SOURCE-20261208-001", created: true });
		expect(r.stderr).toContain("warning: Could not get the title and creator from YouTube");
		expect(r.stderr).toContain(reason);
		expect(r.stderr).toContain("missing-title");
		const scan = await cli("scan", vault.root, "--json");
		expect(scan.json.sources[0].problems.map((p: { code: string }) => p.code)).toEqual(["missing-title"]);
	});

	it("gives up on oEmbed after 5 s and still creates the note with the given title", async () => {
		process.env.SOURCE_LIFECYCLE_OEMBED_URL = `${base}/slow`;
		vault = new TempVault();
		const started = Date.now();
		const r = await cli("new", vault.root, SEED_URL, "--title", "Given title", "--today", TODAY, "--json");
		const took = Date.now() - started;
		expect(r.code).toBe(0);
		expect(r.json).toEqual({ path: "Given title.md", id: "SOURCE-20261208-001", created: true });
		expect(r.stderr).toContain("Could not get the creator from YouTube: no answer within 5 s");
		expect(took).toBeGreaterThanOrEqual(4900);
		expect(frontmatterOf(vault.read("Given title.md"))).toMatchObject({ title: "Given title", creator: null });
	}, 30000);

	it("asks nothing with --offline, or when title and creator are given", async () => {
		process.env.SOURCE_LIFECYCLE_OEMBED_URL = `${base}/ok`;
		vault = new TempVault();
		expect((await cli("new", vault.root, SEED_URL, "--offline", "--today", TODAY)).code).toBe(0);
		expect((await cli("new", vault.root, "https://youtu.be/aaaaaaaaaaa", "--title", "T", "--creator", "C", "--today", TODAY)).code).toBe(0);
		expect(asked).toEqual([]);
	});

	it("refuses the same video in another URL form and folder: exit 2, the existing note named, nothing written", async () => {
		vault = new TempVault({ "Elsewhere/Mine.md": seedNote() });
		const before = vault.snapshot();
		const r = await cli("new", vault.root, "https://m.youtube.com/watch?v=3x0jhpEj_6o&t=30", "--offline", "--json");
		expect(r.code).toBe(2);
		expect(r.json).toMatchObject({ path: "Elsewhere/Mine.md", id: "SOURCE-20251128-973", created: false });
		expect(r.stderr).toContain("Elsewhere/Mine.md: this video is already in the vault as SOURCE-20251128-973; nothing written");
		expect(vault.snapshot()).toEqual(before);
	});

	it.each(["https://example.com/watch?v=3x0jhpEj_6o", "https://www.youtube.com/playlist?list=PL1", "not a url"])("refuses %s, which is no YouTube video (exit 2, nothing written)", async (url) => {
		vault = new TempVault({ "a.md": "x" });
		const before = vault.snapshot();
		const r = await cli("new", vault.root, url, "--offline", "--json");
		expect(r.code).toBe(2);
		expect(r.json).toMatchObject({ path: null, id: null, created: false });
		expect(r.stderr).toContain("not a YouTube video URL; nothing written");
		expect(vault.snapshot()).toEqual(before);
	});

	it("takes the next free number and the next free name; never overwrites", async () => {
		vault = new TempVault({ "Talk.md": "mine", "x.md": "---\nid: SOURCE-20250301-001\n---\n" });
		const r = await cli("new", vault.root, SEED_URL, "--title", "Talk", "--published", "2025-03-01", "--offline", "--json");
		expect(r.json).toEqual({ path: "Talk (2).md", id: "SOURCE-20250301-002", created: true });
		expect(vault.read("Talk.md")).toBe("mine");
	});

	it("creates exclusively: a file that appeared since the vault was read is never replaced, and no temporary file stays", () => {
		vault = new TempVault({ "Sources/Talk.md": "theirs" });
		const folder = new FolderVault(vault.root);
		expect(folder.createExclusive("Sources/Talk.md", "mine")).toBe(false);
		expect(vault.read("Sources/Talk.md")).toBe("theirs");
		expect(folder.createExclusive("New folder/deeper/Talk.md", "mine")).toBe(true);
		expect(vault.read("New folder/deeper/Talk.md")).toBe("mine");
		expect([...vault.snapshot().keys()].sort()).toEqual(["New folder/deeper/Talk.md", "Sources/Talk.md"]);
	});

	it("writes nothing with --dry-run, and says what it would create", async () => {
		vault = new TempVault();
		const r = await cli("new", vault.root, SEED_URL, "--title=T", "--offline", "--dry-run", "--today", TODAY, "--json");
		expect(r.code).toBe(0);
		expect(r.json).toEqual({ path: "T.md", id: "SOURCE-20261208-001", created: false });
		expect(vault.snapshot().size).toBe(0);
	});

	it.each([
		[["--published", "2025-13-01"], "--published needs a date"],
		[["--description-file", "/no/such/file"], "--description-file /no/such/file: cannot read"],
		[["--title"], "--title needs a value"],
	])("refuses %j as a usage error", async (extra, message) => {
		vault = new TempVault();
		const r = await cli("new", vault.root, SEED_URL, "--offline", ...extra);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(message);
		expect(vault.snapshot().size).toBe(0);
	});

	it("takes its options only for new", async () => {
		vault = new TempVault();
		const r = await cli("scan", vault.root, "--title", "x");
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("unknown option --title");
	});

	it("fills the template note of the settings, and refuses one that cannot make a source", async () => {
		const template = "---\nid: \"{{id}}\"\nurl: \"{{url}}\"\ntitle: \"{{title}}\"\nstatus: raw\n---\n# {{title}}\n{{timestamps}}\n";
		vault = new TempVault({ ".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ captureTemplate: "Templates/Source.md" }), "Templates/Source.md": template });
		const r = await cli("new", vault.root, SEED_URL, "--title", 'A "quoted": title #1', "--offline", "--today", TODAY, "--json");
		expect(r.code).toBe(0);
		expect(vault.read(r.json.path)).toBe(`---\nid: "SOURCE-20261208-001"\nurl: "${SEED_URL}"\ntitle: "A \\"quoted\\": title #1"\nstatus: raw\n---\n# A "quoted": title #1\n\n`);
		vault.write("Templates/Source.md", "---\ntitle: \"{{title}}\"\n---\n");
		const bad = await cli("new", vault.root, "https://youtu.be/bbbbbbbbbbb", "--offline");
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain("Templates/Source.md: the template note must have id: {{id}}");
	});
});
