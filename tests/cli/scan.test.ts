import { run } from "../../src/cli/main";
import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";

const src = (fields: string, eol = "\n") => ["---", ...fields.split("\n"), "---", "", "Body"].join(eol);

describe("cli scan", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("lists the seed note with the fields of docs/reference.md §9", async () => {
		vault = new TempVault({ "Sources/seed.md": seedNote(), "Notes/plain.md": "# not a source\n" });
		const r = await cli("scan", vault.root, "--json");
		expect(r.code).toBe(0);
		expect(r.json.errors).toEqual([]);
		expect(r.json.sources).toHaveLength(1);
		expect(r.json.sources[0]).toEqual({
			path: "Sources/seed.md",
			id: "SOURCE-20251128-973",
			title: "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning",
			status: "raw",
			platform: "youtube",
			url: "https://www.youtube.com/watch?v=3x0jhpEj_6o",
			videoId: "3x0jhpEj_6o",
			aliases: ["How OpenAI Builds for", "How OpenAI Builds for 800 Million"],
			integratedInto: [],
			backlinks: [],
			problems: [],
		});
	});

	it("reads CRLF, BOM and comments, and every YouTube URL form", async () => {
		vault = new TempVault({
			"a.md": "\uFEFF" + src('id: SOURCE-a # the id\ntitle: "A"\nstatus: raw\nurl: https://youtu.be/3x0jhpEj_6o?si=xyz', "\r\n"),
			"b.md": src("id: SOURCE-b\ntitle: B\nstatus: in_progress\nurl: https://www.youtube.com/shorts/abcdefghijk"),
			"c.md": src("id: SOURCE-c\ntitle: C\nstatus: raw\nurl: https://m.youtube.com/watch?v=ABCDEFGHIJK&t=3"),
			"d.md": src("id: SOURCE-d\ntitle: D\nstatus: raw\nurl: javascript:alert('https://www.youtube.com/watch?v=ABCDEFGHIJK')"),
			"e.md": src("id: SOURCE-e\ntitle: E\nstatus: raw\nurl: https://podcasts.apple.com/us/podcast/x/id1"),
		});
		const r = await cli("scan", vault.root, "--json");
		expect(r.code).toBe(0);
		const byId = Object.fromEntries(r.json.sources.map((s: any) => [s.id, s]));
		expect(byId["SOURCE-a"].videoId).toBe("3x0jhpEj_6o");
		expect(byId["SOURCE-a"].title).toBe("A");
		expect(byId["SOURCE-b"].videoId).toBe("abcdefghijk");
		expect(byId["SOURCE-c"].videoId).toBe("ABCDEFGHIJK");
		expect(byId["SOURCE-d"].videoId).toBeNull();
		expect(byId["SOURCE-d"].problems.map((p: any) => p.code)).toEqual(["invalid-url"]);
		expect(byId["SOURCE-e"].videoId).toBeNull();
		expect(byId["SOURCE-e"].problems).toEqual([]);
	});

	it("reports every problem code with a message", async () => {
		vault = new TempVault({
			"p.md": src("id: SOURCE-p\nstatus: integrated\nurl: ftp://x\ndate_published: 2025-13-01\ndate_processed: null\nintegrated_into: []"),
			"q.md": src('id: SOURCE-q\ntitle: Q\nstatus: done\nintegrated_into:\n  - "[[Missing note]]"\n  - plain text\n  - "[[Existing]]"'),
			"Existing.md": "x",
		});
		const r = await cli("scan", vault.root, "--json");
		const byId = Object.fromEntries(r.json.sources.map((s: any) => [s.id, s]));
		expect(byId["SOURCE-p"].problems.map((p: any) => p.code)).toEqual(["missing-title", "invalid-url", "invalid-date", "integrated-without-notes"]);
		expect(byId["SOURCE-q"].problems.map((p: any) => p.code)).toEqual(["unknown-status", "stale-integrated-into", "stale-integrated-into"]);
		for (const s of r.json.sources) for (const p of s.problems) expect(p.message.length).toBeGreaterThan(5);
	});

	it("names malformed SOURCE notes in errors, exits 1, and skips other unparsable notes", async () => {
		vault = new TempVault({
			"ok.md": seedNote(),
			"dup.md": src("id: SOURCE-dup\ntitle: x\ntitle: y"),
			"tabs.md": src("id: SOURCE-tab\ntopics:\n\t- a"),
			"latin1.md": Buffer.concat([Buffer.from("---\nid: SOURCE-l\ntitle: caf"), Buffer.from([0xe9]), Buffer.from("\n---\n")]),
			"other.md": src("title: not a source\ntitle: dup"),
			"unclosed.md": "---\nid: SOURCE-u\ntitle: x\n",
			// Quoted keys and JSON frontmatter: still an id line with the prefix.
			"quoted.md": src('"id": "SOURCE-q"\ntitle: x\ntitle: y'),
			"json.md": src('{\n  "title": "x",\n  "id": "SOURCE-j",\n  "title": "y"\n}'),
		});
		const before = vault.snapshot();
		const r = await cli("scan", vault.root, "--json");
		expect(r.code).toBe(1);
		expect(r.json.sources.map((s: any) => s.id)).toEqual(["SOURCE-20251128-973"]);
		const errors = Object.fromEntries(r.json.errors.map((e: any) => [e.path, e.message]));
		expect(Object.keys(errors).sort()).toEqual(["dup.md", "json.md", "latin1.md", "quoted.md", "tabs.md"]);
		expect(errors["dup.md"]).toMatch(/unique/i);
		expect(errors["latin1.md"]).toMatch(/UTF-8/);
		expect(r.stderr).toContain("dup.md:");
		expect(vault.snapshot()).toEqual(before);
	});

	it("prints a readable table without --json", async () => {
		vault = new TempVault({ "seed.md": seedNote() });
		const r = await cli("scan", vault.root);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/status\s+id\s+title/);
		expect(r.stdout).toContain("SOURCE-20251128-973");
		expect(r.stdout).toContain("1 sources");
	});

	it.each([[[]], [["scan"]], [["nope", "."]], [["scan", "/definitely/not/here"]], [["scan", ".", "--bogus"]]])("refuses bad usage %j with exit 2", async (argv) => {
		const r = await cli(...argv);
		expect(r.code).toBe(2);
	});

	it("does not follow a symlink that leads out of the vault", async () => {
		const outside = new TempVault({ "secret.md": src("id: SOURCE-out\ntitle: Out\nstatus: raw") });
		vault = new TempVault({ "in.md": seedNote() });
		require("fs").symlinkSync(outside.root + "/secret.md", vault.root + "/link.md");
		require("fs").symlinkSync(outside.root, vault.root + "/linkdir");
		const r = await cli("scan", vault.root, "--json");
		outside.remove();
		expect(r.json.sources.map((s: any) => s.path)).toEqual(["in.md"]);
		expect(r.stderr).toMatch(/link\.md: symlink leads out of the vault/);
	});

	it("uses the prefix and folder saved in the plugin's settings", async () => {
		vault = new TempVault({
			".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ idPrefix: "SRC-", sourceFolder: "In" }),
			"In/a.md": src("id: SRC-1\ntitle: A\nstatus: raw"),
			"Out/b.md": src("id: SRC-2\ntitle: B\nstatus: raw"),
			"In/c.md": src("id: SOURCE-3\ntitle: C\nstatus: raw"),
		});
		const r = await cli("scan", vault.root, "--json");
		expect(r.json.sources.map((s: any) => s.path)).toEqual(["In/a.md"]);
	});

	describe("the plugin's settings file", () => {
		const settingsFile = ".obsidian/plugins/source-lifecycle/data.json";
		const note = "---\nid: SRC-a\ntitle: A\nstatus: raw\n---\n";

		it("is followed when valid (a BOM is allowed)", async () => {
			vault = new TempVault({ [settingsFile]: "\uFEFF" + JSON.stringify({ idPrefix: "SRC-" }), "a.md": note });
			const r = await cli("scan", vault.root, "--json");
			expect(r.code).toBe(0);
			expect(r.json.sources.map((s: any) => s.id)).toEqual(["SRC-a"]);
		});

		it.each([
			["not JSON", '{"idPrefix":"SRC-",}', "not valid JSON"],
			["a value of the wrong type", JSON.stringify({ idPrefix: "SRC-", excludedFolders: "Inbox" }), '"excludedFolders" should be a list of texts, not a text'],
			["null where a list belongs", JSON.stringify({ statuses: null }), '"statuses" should be a non-empty list of texts, not null'],
		])("is refused when it is %s: exit 2, the file named, nothing written", async (_what, settings, reason) => {
			vault = new TempVault({ [settingsFile]: settings, "a.md": note, "Note.md": "[[a]]\n" });
			for (const argv of [["scan"], ["sync"], ["status", "a.md", "archived"]]) {
				const r = await cli(argv[0] as string, vault.root, ...argv.slice(1), "--json");
				expect(r.code).toBe(2);
				expect(r.stderr).toContain(settingsFile);
				expect(r.stderr).toContain(reason);
				expect(r.stderr).not.toContain("unexpected error");
			}
			expect(vault.read("a.md")).toBe(note);
		});
	});

	it("prints --json on one line for pipes and files, indented on a terminal", async () => {
		vault = new TempVault({ "a.md": "---\nid: SOURCE-a\ntitle: A\nstatus: raw\n---\n" });
		const out = async (pretty: boolean) => {
			let stdout = "";
			const code = await run(["scan", vault.root, "--json"], { stdout: (s) => (stdout += s), stderr: () => undefined, pretty });
			expect(code).toBe(0);
			return stdout;
		};
		const piped = await out(false);
		const terminal = await out(true);
		expect(piped.split("\n")).toHaveLength(2);
		expect(piped.endsWith("\n")).toBe(true);
		expect(terminal).toContain('\n  "sources": [\n');
		expect(JSON.parse(piped)).toEqual(JSON.parse(terminal));
	});

	it.each([
		["scan", "extra"],
		["queue", "extra"],
		["links", "extra"],
		["sync", "a.md", "--dry-run"],
		["sync", "a.md"],
		["timestamps", "a.md", "b.md"],
		["status", "a.md", "archived", "more"],
	])("refuses an argument the command does not take: %s %s (exit 2, nothing written)", async (command, ...rest) => {
		const note = "---\nid: SOURCE-a\ntitle: A long title with words\nstatus: raw\n---\n";
		vault = new TempVault({ "a.md": note, "n.md": "[[a]]\n" });
		const r = await cli(command, vault.root, ...rest, "--json");
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("unexpected argument");
		expect(vault.read("a.md")).toBe(note);
	});
});
