import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";

const VIDEO = "3x0jhpEj_6o";
const seek = (s: number, id = VIDEO) => `https://www.youtube.com/watch?v=${id}&t=${s}s`;
const note = (url: string, body: string, eol = "\n") => ["---", "id: SOURCE-x", `url: ${url}`, "---", ...body.split("\n")].join(eol);

describe("cli timestamps", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("lists the seed note's 12 timestamps with file lines, labels and seek URLs", async () => {
		vault = new TempVault({ "Sources/seed.md": seedNote() });
		const r = await cli("timestamps", vault.root, "Sources/seed.md", "--json");
		expect(r.code).toBe(0);
		expect(r.json.videoId).toBe(VIDEO);
		expect(r.json.timestamps).toHaveLength(12);
		expect(r.json.timestamps[1]).toEqual({ line: 59, text: "8:36", seconds: 516, label: "Horizontal vs vertical OpenAI", url: seek(516) });
		expect(seedNote().split("\n")[58]!.startsWith("8:36")).toBe(true);
		expect(r.json.timestamps.map((t: { seconds: number }) => t.seconds)).toEqual([0, 516, 738, 911, 1050, 1210, 1484, 1686, 1915, 2206, 2577, 2747]);
	});

	it("finds a SOURCE note by id as well as by path", async () => {
		vault = new TempVault({ "deep/folder/seed.md": seedNote() });
		const byId = await cli("timestamps", vault.root, "SOURCE-20251128-973", "--json");
		const byPath = await cli("timestamps", vault.root, "deep/folder/seed.md", "--json");
		expect(byId.code).toBe(0);
		expect(byId.json).toEqual(byPath.json);
	});

	it.each([
		["youtu.be with si=", `https://youtu.be/${VIDEO}?si=abc`, VIDEO],
		["shorts", `https://www.youtube.com/shorts/${VIDEO}`, VIDEO],
		["m.youtube.com watch", `https://m.youtube.com/watch?v=${VIDEO}&t=3`, VIDEO],
		["podcast", "https://podcasts.apple.com/us/podcast/x/id1", null],
		["javascript: URL", `"javascript:alert('https://www.youtube.com/watch?v=${VIDEO}')"`, null],
	])("url %s → video %s, url null without a video", async (_name, url, id) => {
		vault = new TempVault({ "n.md": note(url, "0:10 Intro\n- [2:05] Setup") });
		const r = await cli("timestamps", vault.root, "n.md", "--json");
		expect(r.code).toBe(0);
		expect(r.json).toEqual({
			videoId: id,
			timestamps: [
				{ line: 5, text: "0:10", seconds: 10, label: "Intro", url: id ? seek(10) : null },
				{ line: 6, text: "2:05", seconds: 125, label: "Setup", url: id ? seek(125) : null },
			],
		});
	});

	it("reads the note's duration: times past the end, clocks and other videos' lengths are left out (docs/timestamps.md)", async () => {
		const body = ["0:00 Welcome", "53:30 Partner announcements", "5:30 AM IN NEW YORK", "* [Other talk](https://youtu.be/Ab1cD2eF3gH) [45:34]", "\\[12:00\\] Escaped"].join("\n");
		vault = new TempVault({ "d.md": ["---", "id: SOURCE-d", `url: https://youtu.be/${VIDEO}`, 'duration: "53m 23s"', "---", body].join("\n") });
		const r = await cli("timestamps", vault.root, "d.md", "--json");
		expect(r.code).toBe(0);
		expect(r.json.timestamps.map((t: { line: number; text: string; label: string }) => [t.line, t.text, t.label])).toEqual([
			[6, "0:00", "Welcome"],
			[10, "12:00", "Escaped"],
		]);
		const linked = await cli("linkify", vault.root, "d.md", "--json");
		expect(linked.json).toMatchObject({ linked: 2, changed: true });
	});

	it("works on any Markdown note, with url null when it has no frontmatter", async () => {
		vault = new TempVault({ "plain.md": "(1:00) a\nat 10:30 we met\n" });
		const r = await cli("timestamps", vault.root, "plain.md", "--json");
		expect(r.json).toEqual({ videoId: null, timestamps: [{ line: 1, text: "1:00", seconds: 60, label: "a", url: null }] });
	});

	it("prints a table without --json", async () => {
		vault = new TempVault({ "s.md": seedNote() });
		const r = await cli("timestamps", vault.root, "s.md");
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("8:36");
		expect(r.stdout).toContain(seek(516));
		expect(r.stdout).toContain("12 timestamps");
	});

	it("lists a note with 150,000 timestamps, as JSON and as a table", async () => {
		const lines: string[] = [];
		for (let i = 0; i < 150_000; i++) lines.push(`${Math.floor(i / 3600)}:${String(Math.floor(i / 60) % 60).padStart(2, "0")}:${String(i % 60).padStart(2, "0")} part ${i}`);
		vault = new TempVault({ "long.md": note(`https://youtu.be/${VIDEO}`, lines.join("\n")) });
		const r = await cli("timestamps", vault.root, "long.md", "--json");
		expect(r.code).toBe(0);
		expect(r.json.timestamps).toHaveLength(150_000);
		expect(r.json.timestamps[149_999]).toEqual({ line: 150_004, text: "41:39:59", seconds: 149_999, label: "part 149999", url: seek(149_999) });
		const text = await cli("timestamps", vault.root, "long.md");
		expect(text.code).toBe(0);
		expect(text.stdout).toContain("150000 timestamps");
	});

	it.each([
		["a path outside the vault", "../x.md"],
		["an absolute path", "/etc/passwd"],
		["an unknown note", "nope.md"],
		["an unknown id", "SOURCE-nope"],
	])("refuses %s with exit 2", async (_name, arg) => {
		vault = new TempVault({ "s.md": seedNote() });
		const r = await cli("timestamps", vault.root, arg, "--json");
		expect(r.code).toBe(2);
		expect(r.stderr).not.toBe("");
	});

	it("reports malformed frontmatter with exit 1 and no video", async () => {
		vault = new TempVault({ "bad.md": "---\nid: SOURCE-bad\nurl: [x\n---\n0:10 a\n" });
		const r = await cli("timestamps", vault.root, "bad.md", "--json");
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("bad.md");
		expect(r.json.videoId).toBeNull();
		expect(r.json.errors).toEqual([{ path: "bad.md", message: expect.stringContaining("malformed frontmatter") }]);
	});

	it("keeps the documented shape when nothing went wrong: no errors key", async () => {
		vault = new TempVault({ "ok.md": "---\nid: SOURCE-ok\n---\n0:10 a\n" });
		const r = await cli("timestamps", vault.root, "ok.md", "--json");
		expect(r.code).toBe(0);
		expect(Object.keys(r.json)).toEqual(["videoId", "timestamps"]);
	});
});

describe("cli linkify", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("rewrites the seed's timestamps as seek links, and a second run changes nothing", async () => {
		vault = new TempVault({ "seed.md": seedNote() });
		const r = await cli("linkify", vault.root, "seed.md", "--json");
		expect(r.code).toBe(0);
		expect(r.json).toMatchObject({ path: "seed.md", videoId: VIDEO, linked: 12, changed: true, dryRun: false });
		const once = vault.read("seed.md");
		expect(once).toContain(`[8:36](${seek(516)})  Horizontal vs vertical OpenAI`);
		expect(once.replace(/\[([\d:]+)\]\(https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}&t=\d+s\)/g, "$1")).toBe(seedNote());
		const again = await cli("linkify", vault.root, "SOURCE-20251128-973", "--json");
		expect(again.json).toMatchObject({ linked: 0, changed: false });
		expect(vault.read("seed.md")).toBe(once);
	});

	it("leaves a $$ formula and indented code as they are, and links the timestamps around them", async () => {
		const body = "    0:05 indented code\n\n0:10 Intro\n$$\n1:30 \\times 2\n$$\nText\n\n    1:45 code\n\n2:00 End";
		vault = new TempVault({ "m.md": note(`https://youtu.be/${VIDEO}`, body) });
		const listed = await cli("timestamps", vault.root, "m.md", "--json");
		expect(listed.json.timestamps.map((t: { text: string }) => t.text)).toEqual(["0:10", "2:00"]);
		const r = await cli("linkify", vault.root, "m.md", "--json");
		expect(r.code).toBe(0);
		expect(r.json).toMatchObject({ linked: 2 });
		expect(vault.read("m.md")).toBe(note(`https://youtu.be/${VIDEO}`, body.replace("0:10 Intro", `[0:10](${seek(10)}) Intro`).replace("2:00 End", `[2:00](${seek(120)}) End`)));
	});

	it("writes nothing with --dry-run", async () => {
		vault = new TempVault({ "seed.md": seedNote() });
		const before = vault.snapshot();
		const r = await cli("linkify", vault.root, "seed.md", "--dry-run", "--json");
		expect(r.code).toBe(0);
		expect(r.json).toMatchObject({ linked: 12, changed: true, dryRun: true });
		expect(vault.snapshot()).toEqual(before);
	});

	it("keeps CRLF, BOM and everything but the tokens byte for byte", async () => {
		const text = "\uFEFF" + note(`https://youtu.be/${VIDEO}`, "# T\r\n`0:05` code\r\n0:10 a\r\n```\r\n0:20 b\r\n```\r\n", "\r\n");
		vault = new TempVault({ "n.md": text });
		const r = await cli("linkify", vault.root, "n.md");
		expect(r.code).toBe(0);
		expect(vault.bytes("n.md").toString("utf8")).toBe(text.replace("\r\n0:10 a", `\r\n[0:10](${seek(10)}) a`));
	});

	it("leaves a note without a video untouched and says so", async () => {
		const text = note("https://open.spotify.com/show/5bC65RDvs3oxnLyqqvkUYX", "0:10 a");
		vault = new TempVault({ "p.md": text });
		const r = await cli("linkify", vault.root, "p.md", "--json");
		expect(r.code).toBe(0);
		expect(r.json).toMatchObject({ videoId: null, linked: 0, changed: false });
		expect(r.stderr).toContain("no YouTube video");
		expect(vault.read("p.md")).toBe(text);
	});

	it("refuses a note with malformed frontmatter: exit 1, file unchanged", async () => {
		const text = "---\nid: SOURCE-bad\nurl: https://youtu.be/3x0jhpEj_6o\nurl: twice\n---\n0:10 a\n";
		vault = new TempVault({ "bad.md": text });
		const r = await cli("linkify", vault.root, "bad.md");
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("bad.md");
		expect(vault.read("bad.md")).toBe(text);
	});

	it.each([["../outside.md"], ["missing.md"]])("refuses %s with exit 2 and writes nothing", async (arg) => {
		vault = new TempVault({ "seed.md": seedNote() });
		const before = vault.snapshot();
		const r = await cli("linkify", vault.root, arg);
		expect(r.code).toBe(2);
		expect(vault.snapshot()).toEqual(before);
	});

	it("needs a note argument", async () => {
		vault = new TempVault({ "seed.md": seedNote() });
		expect((await cli("linkify", vault.root)).code).toBe(2);
	});
});
