import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";

const src = (fields: string, eol = "\n") => ["---", ...fields.split("\n"), "---", "", "Body"].join(eol);
const TODAY = "2026-03-01";
const SEED = "Sources/SOURCE-20251128-973.md";
const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";

/** Every file's bytes after a run equal the expected ones: the given changes, nothing else. */
function expectOnlyChanged(before: Map<string, Buffer>, after: Map<string, Buffer>, changed: Record<string, string>): void {
	expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
	for (const [path, bytes] of after) {
		const expected = changed[path];
		if (expected === undefined) expect({ path, text: bytes.toString("utf8") }).toEqual({ path, text: (before.get(path) as Buffer).toString("utf8") });
		else expect({ path, text: bytes.toString("utf8") }).toEqual({ path, text: expected });
	}
}

/** The seed note with integrated_into, status and date_integrated filled as sync writes them. */
function seedAfter(entries: string[], status = "integrated"): string {
	const list = entries.map((e) => `\n  - "${e}"`).join("");
	return seedNote()
		.replace("status: raw", `status: ${status}`)
		.replace("date_integrated: null", status === "integrated" ? `date_integrated: ${TODAY}` : "date_integrated: null")
		.replace("integrated_into: []", `integrated_into:${list}`)
		.replace('  - "How OpenAI Builds for 800 Million"\n', `  - "How OpenAI Builds for 800 Million"\n  - "${SEED_TITLE}"\n  - "How OpenAI Builds for 800 Million Weekly Users"\n`);
}

describe("cli sync (docs/reference.md §9)", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("fills aliases and integrated_into from every link form Obsidian counts, and auto-integrates", async () => {
		vault = new TempVault({
			[SEED]: seedNote(),
			"Notes/Wikilink.md": "Learned from [[SOURCE-20251128-973]].\n",
			"Notes/Heading.md": "See [[SOURCE-20251128-973#Timestamps|the timestamps]].\n",
			"Notes/Embed.md": "![[Sources/SOURCE-20251128-973]]\n",
			"Notes/Markdown.md": "A [markdown link](../Sources/SOURCE-20251128-973.md) and [encoded](Sources/SOURCE-20251128-973.md).\n",
			"Notes/Property.md": '---\nrelated: "[[SOURCE-20251128-973]]"\n---\nBody\n',
			"Notes/Code.md": "```\n[[SOURCE-20251128-973]]\n```\nand `[[SOURCE-20251128-973]]` inline\n",
			// Obsidian indexes a link inside an inline %% comment (oracle: comments_markdown_style.json).
			"Notes/Comment.md": "%% [[SOURCE-20251128-973]] %%\n",
			"Notes/Alias.md": "Linking by alias is not a link: [[How OpenAI Builds for]]\n",
			"Sources/Other.md": src('id: SOURCE-other\ntitle: Other\nstatus: raw\nchain: "[[SOURCE-20251128-973]]"\naliases: []'),
			"Projects/Ideas.md": "[[SOURCE-20251128-973]]\n",
			"Archive/Ideas.md": "no link here\n",
			"image.png": Buffer.from([0x89, 0x50, 0x4e, 0x47]),
		});
		const before = vault.snapshot();
		const r = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		const entries = ["[[Comment]]", "[[Embed]]", "[[Heading]]", "[[Markdown]]", "[[Property]]", "[[Wikilink]]", "[[Projects/Ideas]]"];
		expect(r.json).toEqual({
			changed: [
				{
					path: SEED,
					changes: {
						aliases: ["How OpenAI Builds for", "How OpenAI Builds for 800 Million", SEED_TITLE, "How OpenAI Builds for 800 Million Weekly Users"],
						integrated_into: entries,
						status: "integrated",
						date_integrated: TODAY,
					},
				},
			],
			unchanged: 1,
			errors: [],
		});
		expectOnlyChanged(before, vault.snapshot(), { [SEED]: seedAfter(entries) });
	});

	it("changes nothing on a second run", async () => {
		vault = new TempVault({ [SEED]: seedNote(), "A.md": "[[SOURCE-20251128-973]]", "B.md": "[[Sources/SOURCE-20251128-973|x]]" });
		const first = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(first.json.changed).toHaveLength(1);
		const between = vault.snapshot();
		const second = await cli("sync", vault.root, "--json", "--today", "2030-01-01");
		expect(second.code).toBe(0);
		expect(second.json).toEqual({ changed: [], unchanged: 1, errors: [] });
		expectOnlyChanged(between, vault.snapshot(), {});
	});

	it("with --dry-run reports the same changes and writes nothing", async () => {
		vault = new TempVault({ [SEED]: seedNote(), "A.md": "[[SOURCE-20251128-973]]" });
		const before = vault.snapshot();
		const dry = await cli("sync", vault.root, "--dry-run", "--json", "--today", TODAY);
		expect(dry.code).toBe(0);
		expectOnlyChanged(before, vault.snapshot(), {});
		const real = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(real.json).toEqual(dry.json);
		expectOnlyChanged(before, vault.snapshot(), { [SEED]: seedAfter(["[[A]]"]) });
	});

	it("exits 1 naming a malformed source it skipped, and still syncs the others", async () => {
		const broken = src("id: SOURCE-bad\ntitle: x\ntitle: y");
		vault = new TempVault({ "bad.md": broken, "good.md": src("id: SOURCE-good\ntitle: Good\nstatus: integrated\naliases: []"), "n.md": "[[good]] [[bad]]" });
		const before = vault.snapshot();
		const r = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/^bad\.md: malformed frontmatter/m);
		expect(r.json.errors).toEqual([{ path: "bad.md", message: expect.stringMatching(/malformed frontmatter/) }]);
		expect(r.json.changed).toEqual([{ path: "good.md", changes: { integrated_into: ["[[n]]"] } }]);
		expectOnlyChanged(before, vault.snapshot(), {
			"good.md": src('id: SOURCE-good\ntitle: Good\nstatus: integrated\naliases: []\nintegrated_into:\n  - "[[n]]"'),
		});
	});

	it("syncs a SOURCE note with JSON frontmatter and keeps it JSON", async () => {
		const text = '---\n{\n  "id": "SOURCE-1",\n  "title": "Talk",\n  "status": "raw",\n  "date_integrated": null,\n  "aliases": [],\n  "integrated_into": []\n}\n---\nbody\n';
		vault = new TempVault({ "Talk.md": text, "n.md": "[[Talk]]\n" });
		const r = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(r.code).toBe(0);
		expect(r.json.changed).toEqual([{ path: "Talk.md", changes: { integrated_into: ["[[n]]"], status: "integrated", date_integrated: TODAY } }]);
		const after = vault.read("Talk.md");
		expect(JSON.parse(after.slice(4, after.indexOf("\n---", 4)))).toEqual({ id: "SOURCE-1", title: "Talk", status: "integrated", date_integrated: TODAY, aliases: [], integrated_into: ["[[n]]"] });
		expect(after.endsWith("\n---\nbody\n")).toBe(true);
	});

	it("appends to an aliases list that has a number item, keeping that item's bytes", async () => {
		const text = src('id: SOURCE-n\ntitle: "2001: A Space Odyssey by Stanley Kubrick"\nstatus: raw\naliases:\n  - 2001\n  - yes', "\r\n");
		vault = new TempVault({ "Odyssey.md": text });
		const r = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(r.code).toBe(0);
		expect(r.json.errors).toEqual([]);
		const added = ["2001: A Space Odyssey", "2001: A Space Odyssey by Stanley", "2001: A Space Odyssey by Stanley Kubrick"];
		expect(r.json.changed).toEqual([{ path: "Odyssey.md", changes: { aliases: ["2001", "yes", ...added] } }]);
		expect(vault.read("Odyssey.md")).toBe(text.replace("  - yes\r\n", `  - yes\r\n${added.map((a) => `  - "${a}"\r\n`).join("")}`));
		// The number item counts as the alias "2001": the main title is not added twice.
		const again = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(again.json.changed).toEqual([]);
	});

	it("names a source whose list it will not rewrite, exits 1, and leaves that list alone", async () => {
		const text = src("id: SOURCE-x\ntitle: X\nstatus: integrated\nintegrated_into:\n  - [[A]]");
		vault = new TempVault({ "x.md": text, "A.md": "[[x]]" });
		const r = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(r.code).toBe(1);
		expect(r.json.errors).toEqual([{ path: "x.md", message: expect.stringMatching(/integrated_into has an item that is not text/) }]);
		expect(vault.read("x.md")).toBe(text);
	});

	it("keeps stale entries, reports them on stderr, and keeps CRLF and BOM", async () => {
		const fields = 'id: SOURCE-s\ntitle: S\nstatus: integrated\nintegrated_into:\n  - "[[Deleted note]]"';
		vault = new TempVault({ "s.md": "\uFEFF" + src(fields, "\r\n"), "N.md": "[[s]]" });
		const r = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(r.code).toBe(0);
		expect(r.stderr).toMatch(/warning: s\.md: stale-integrated-into/);
		expect(vault.bytes("s.md").toString("utf8")).toBe("\uFEFF" + src(fields + '\n  - "[[N]]"', "\r\n"));
	});

	it("skips notes in excluded folders from the plugin's saved settings", async () => {
		vault = new TempVault({
			".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ excludedFolders: ["Inbox"], autoIntegrate: false }),
			"s.md": src("id: SOURCE-s\ntitle: S\nstatus: raw\nintegrated_into: []"),
			"Inbox/reading list.md": "[[s]]",
			"Notes/kept.md": "[[s]]",
		});
		const r = await cli("sync", vault.root, "--json", "--today", TODAY);
		expect(r.json.changed).toEqual([{ path: "s.md", changes: { integrated_into: ["[[kept]]"] } }]);
	});

	it("prints a readable summary without --json", async () => {
		vault = new TempVault({ "s.md": src("id: SOURCE-s\ntitle: S\nstatus: raw"), "N.md": "[[s]]" });
		const r = await cli("sync", vault.root, "--dry-run", "--today", TODAY);
		expect(r.stdout).toBe("would change s.md: integrated_into, status, date_integrated\n1 sources would change, 0 unchanged, 0 errors (dry run: nothing written)\n");
	});
});

describe("cli scan backlinks (docs/reference.md §9)", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("lists the integrating notes of each source, resolved like Obsidian", async () => {
		vault = new TempVault({
			"Sources/s.md": src("id: SOURCE-s\ntitle: S\nstatus: raw"),
			"Sources/t.md": src('id: SOURCE-t\ntitle: T\nstatus: raw\nchain: "[[s]]"'),
			"A/Note.md": "[[s#h]] [[s]]",
			"B/Note.md": "[text](../Sources/s.md)",
			"C.md": "```\n[[s]]\n```",
			"D.md": "[[Sources/t]]",
		});
		const r = await cli("scan", vault.root, "--json");
		const backlinks = Object.fromEntries(r.json.sources.map((s: { path: string; backlinks: string[] }) => [s.path, s.backlinks]));
		expect(backlinks).toEqual({ "Sources/s.md": ["A/Note.md", "B/Note.md"], "Sources/t.md": ["D.md"] });
	});
});

describe("cli sync and an edit made while it runs", () => {
	it("plans each note again from its text as it is when written: an alias added since the load is kept", async () => {
		const { FolderVault } = await import("../../src/cli/folder-vault");
		const { loadVault } = await import("../../src/cli/load");
		const { sync } = await import("../../src/cli/commands/sync");
		const { parseArgs } = await import("../../src/cli/args");
		const vault = new TempVault({
			"s.md": src("id: SOURCE-1\ntitle: The talk\nstatus: raw\naliases:\n  - old"),
			"n.md": "[[s]]\n",
		});
		try {
			const loaded = await loadVault(new FolderVault(vault.root));
			// The user adds an alias after the vault was loaded, before sync writes.
			vault.write("s.md", src("id: SOURCE-1\ntitle: The talk\nstatus: raw\naliases:\n  - old\n  - added meanwhile"));
			const result = sync(loaded, parseArgs(["sync", vault.root, "--today", TODAY]));
			expect(result.errors).toEqual([]);
			const text = vault.read("s.md");
			expect(text).toContain("aliases:\n  - old\n  - added meanwhile\n  - The talk\n");
			expect(text).toContain('integrated_into:\n  - "[[n]]"');
		} finally {
			vault.remove();
		}
	});
});
