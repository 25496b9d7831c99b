import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";

const src = (fields: string, eol = "\n") => ["---", ...fields.split("\n"), "---", "", "Body"].join(eol);

describe("cli queue", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("lists raw and in_progress sources in queue order with counts for every status", async () => {
		vault = new TempVault({
			"Sources/seed.md": seedNote(),
			"Sources/b.md": src("id: SOURCE-b\ntitle: B talk\nstatus: in_progress\nsignal_tier: high\ndate_published: 2025-01-01"),
			"Sources/c.md": src("id: SOURCE-c\ntitle: C talk\nstatus: raw\nsignal_tier: high\ndate_published: 2025-06-01", "\r\n"),
			"Sources/d.md": src("id: SOURCE-d\ntitle: D\nstatus: integrated\nsignal_tier: paradigm\nintegrated_into:\n  - \"[[Note]]\""),
			"Sources/e.md": src("id: SOURCE-e\ntitle: E\nstatus: archived"),
			"Sources/f.md": src("id: SOURCE-f\ntitle: F\nstatus: raw"),
			"Note.md": "[[seed]]\n",
			"plain.md": "# not a source\n",
		});
		const r = await cli("queue", vault.root, "--json");
		expect(r.code).toBe(0);
		expect(r.json.counts).toEqual({ raw: 3, in_progress: 1, integrated: 1, archived: 1 });
		// paradigm first, then high newest first, then no tier
		expect(r.json.items.map((i: any) => i.id)).toEqual(["SOURCE-20251128-973", "SOURCE-c", "SOURCE-b", "SOURCE-f"]);
		expect(r.json.items[0]).toEqual({
			path: "Sources/seed.md",
			id: "SOURCE-20251128-973",
			title: "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning",
			status: "raw",
			platform: "youtube",
			creator: "a16z",
			signalTier: "paradigm",
			datePublished: "2025-11-28",
			duration: "53m 23s",
			teleology: "implement",
			notebooklmCategory: "ai-engineering",
			topics: ["openai", "builds", "800", "million", "weekly"],
			url: "https://www.youtube.com/watch?v=3x0jhpEj_6o",
			problems: [],
		});
	});

	it("follows the plugin's saved statuses and tier order", async () => {
		vault = new TempVault({
			".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ statuses: ["inbox", "reviewing", "integrated", "archived"], tierOrder: ["low", "high"] }),
			"a.md": src("id: SOURCE-a\ntitle: A\nstatus: inbox\nsignal_tier: high"),
			"b.md": src("id: SOURCE-b\ntitle: B\nstatus: reviewing\nsignal_tier: low"),
			"c.md": src("id: SOURCE-c\ntitle: C\nstatus: raw\nsignal_tier: low"),
		});
		const r = await cli("queue", vault.root, "--json");
		expect(r.json.counts).toEqual({ inbox: 1, reviewing: 1, integrated: 0, archived: 0, raw: 1 });
		expect(r.json.items.map((i: any) => i.id)).toEqual(["SOURCE-b", "SOURCE-a"]);
	});

	it("reports problems per item and malformed source notes as errors (exit 1)", async () => {
		vault = new TempVault({
			"a.md": src("id: SOURCE-a\nstatus: raw\nurl: ftp://x"),
			"bad.md": src("id: SOURCE-bad\ntitle: [unclosed\nstatus: raw"),
		});
		const r = await cli("queue", vault.root, "--json");
		expect(r.code).toBe(1);
		expect(r.json.items).toHaveLength(1);
		expect(r.json.items[0].title).toBe("a");
		expect(r.json.items[0].problems.map((p: any) => p.code)).toEqual(["missing-title", "invalid-url"]);
		expect(r.stderr).toContain("bad.md");
		// Exit 1 names each file in `errors` with --json too (docs/reference.md §9).
		expect(r.json.errors).toEqual([{ path: "bad.md", message: expect.stringContaining("malformed frontmatter") }]);
	});

	it("prints a readable table without --json, titles as they are", async () => {
		vault = new TempVault({ "x.md": src('id: SOURCE-x\ntitle: "<img src=x onerror=alert(1)>"\nstatus: raw') });
		const r = await cli("queue", vault.root);
		expect(r.code).toBe(0);
		expect(r.stdout).toMatch(/^status\s+tier\s+published\s+title\s+path/);
		expect(r.stdout).toContain("<img src=x onerror=alert(1)>");
		expect(r.stdout).toContain("1 source needs a decision (raw: 1, in_progress: 0, integrated: 0, archived: 0)");
	});

	it("gives an empty queue and zero counts for a vault without sources", async () => {
		vault = new TempVault({ "plain.md": "hello\n" });
		const r = await cli("queue", vault.root, "--json");
		expect(r.code).toBe(0);
		expect(r.json).toEqual({ counts: { raw: 0, in_progress: 0, integrated: 0, archived: 0 }, items: [] });
	});
});
