import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";

const note = (fields: string, eol = "\n", bom = "") => bom + ["---", ...fields.split("\n"), "---", "", "# Body", "00:00 Intro"].join(eol);
const TODAY = "2026-11-23";

describe("cli status", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("integrates the seed by path with --today, changing only status and date", async () => {
		const seed = seedNote();
		vault = new TempVault({ "Sources/seed.md": seed, "other.md": "x" });
		const r = await cli("status", vault.root, "Sources/seed.md", "integrated", "--today", TODAY, "--json");
		expect(r.code).toBe(0);
		expect(r.json).toEqual({ path: "Sources/seed.md", from: "raw", to: "integrated", changes: { status: "integrated", date_integrated: TODAY } });
		expect(vault.read("Sources/seed.md")).toBe(seed.replace("status: raw", "status: integrated").replace("date_integrated: null", `date_integrated: ${TODAY}`));
		expect(vault.read("other.md")).toBe("x");
	});

	it("finds the note by id and prints what changed", async () => {
		vault = new TempVault({ "s.md": seedNote() });
		const r = await cli("status", vault.root, "SOURCE-20251128-973", "in_progress");
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("s.md: raw → in_progress (status: in_progress)");
		expect(vault.read("s.md")).toContain("status: in_progress\n");
	});

	it("changes a status written as a block scalar (>-) and the note stays a source with its frontmatter closed", async () => {
		vault = new TempVault({ "s1.md": "---\nid: SOURCE-1\ntitle: One two three\nstatus: >-\n  raw\n---\nbody text\n" });
		const r = await cli("status", vault.root, "s1.md", "in_progress", "--today", TODAY);
		expect(r.code).toBe(0);
		expect(vault.read("s1.md")).toBe("---\nid: SOURCE-1\ntitle: One two three\nstatus: in_progress\n---\nbody text\n");
		const scan = await cli("scan", vault.root, "--json");
		expect(scan.json.sources.map((s: any) => [s.path, s.status])).toEqual([["s1.md", "in_progress"]]);
	});

	it("refuses an id two notes share (exit 2, both named, neither written); each is reachable by path", async () => {
		const a = note("id: SOURCE-1\ntitle: First\nstatus: raw");
		const b = note("id: SOURCE-1\ntitle: Second\nstatus: raw");
		vault = new TempVault({ "a.md": a, "sub/b.md": b });
		for (const command of [["status", "SOURCE-1", "archived"], ["timestamps", "SOURCE-1"], ["linkify", "SOURCE-1"]]) {
			const r = await cli(command[0] as string, vault.root, ...command.slice(1));
			expect(r.code).toBe(2);
			expect(r.stderr).toContain('"SOURCE-1" is the id of 2 notes (a.md, sub/b.md)');
		}
		expect(vault.read("a.md")).toBe(a);
		expect(vault.read("sub/b.md")).toBe(b);
		const byPath = await cli("status", vault.root, "sub/b.md", "archived");
		expect(byPath.code).toBe(0);
		expect(vault.read("sub/b.md")).toContain("status: archived");
		expect(vault.read("a.md")).toBe(a);
		const scan = await cli("scan", vault.root, "--json");
		expect(scan.code).toBe(0);
		expect(scan.stderr).toContain("warning: SOURCE-1 is the id of 2 notes: a.md, sub/b.md");
		expect(scan.json.sources).toHaveLength(2);
	});

	it.each([
		["CRLF + comments", note("id: SOURCE-c # id\nstatus: raw # captured\n# note\ndate_integrated: null\ntopics: [a, 'b']", "\r\n")],
		["BOM", note("id: SOURCE-c\nstatus: 'raw'\ndate_integrated: null", "\n", "\uFEFF")],
		["BOM + CRLF", note('id: SOURCE-c\nstatus: "raw"\ndate_integrated: null', "\r\n", "\uFEFF")],
		["the seed", seedNote()],
	])("%s: integrate then reopen gives back the original bytes", async (_name, text) => {
		vault = new TempVault({ "n.md": text });
		const before = vault.bytes("n.md");
		const a = await cli("status", vault.root, "n.md", "integrated", "--today", TODAY, "--json");
		expect(a.code).toBe(0);
		const mid = vault.read("n.md");
		expect(mid).toContain(`date_integrated: ${TODAY}`);
		expect(mid.length).toBe(text.length + "integrated".length - "raw".length + TODAY.length - "null".length);
		const b = await cli("status", vault.root, "n.md", "raw", "--json");
		expect(b.code).toBe(0);
		expect(b.json.changes).toEqual({ status: "raw", date_integrated: null });
		expect(vault.bytes("n.md").equals(before)).toBe(true);
	});

	it("adds a missing date_integrated key on integrate, and keeps CRLF", async () => {
		const text = note("id: SOURCE-m # mine\nstatus: in_progress\ntitle: M", "\r\n");
		vault = new TempVault({ "m.md": text });
		const r = await cli("status", vault.root, "m.md", "integrated", "--today", "2025-02-03", "--json");
		expect(r.code).toBe(0);
		expect(r.json.changes).toEqual({ status: "integrated", date_integrated: "2025-02-03" });
		expect(vault.read("m.md")).toBe(note("id: SOURCE-m # mine\nstatus: integrated\ntitle: M\ndate_integrated: 2025-02-03", "\r\n"));
	});

	it("adds no date_integrated key when reopening a note without one", async () => {
		vault = new TempVault({ "a.md": note("id: SOURCE-a\nstatus: archived") });
		const r = await cli("status", vault.root, "a.md", "raw", "--json");
		expect(r.code).toBe(0);
		expect(r.json.changes).toEqual({ status: "raw" });
		expect(vault.read("a.md")).toBe(note("id: SOURCE-a\nstatus: raw"));
	});

	it("uses the local date without --today", async () => {
		vault = new TempVault({ "s.md": seedNote() });
		const r = await cli("status", vault.root, "s.md", "integrated", "--json");
		const d = new Date();
		const local = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
		expect(r.json.changes.date_integrated).toBe(local);
	});

	it("exits 0 and writes nothing for the current status", async () => {
		vault = new TempVault({ "s.md": seedNote() });
		const before = vault.snapshot();
		const r = await cli("status", vault.root, "s.md", "raw", "--json");
		expect(r.code).toBe(0);
		expect(r.json).toEqual({ path: "s.md", from: "raw", to: "raw", changes: {} });
		expect(vault.snapshot()).toEqual(before);
	});

	it.each([
		["an unknown status", ["s.md", "done"], /not a configured status/],
		["a refused transition", ["a.md", "integrated"], /archived; reopen/],
		["a path outside the vault", ["../s.md", "raw"], /outside the vault/],
		["an absolute path", ["/etc/passwd", "raw"], /relative to the vault/],
		["an unknown note", ["nope.md", "raw"], /no SOURCE note/],
		["a note that is not a source", ["plain.md", "raw"], /no SOURCE note/],
		["a missing status argument", ["s.md"], /usage/],
	])("exits 2 and writes nothing for %s", async (_name, args, message) => {
		vault = new TempVault({ "s.md": seedNote(), "a.md": note("id: SOURCE-a\nstatus: archived"), "plain.md": "# plain\n" });
		const before = vault.snapshot();
		const r = await cli("status", vault.root, ...args, "--today", TODAY);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(message);
		expect(vault.snapshot()).toEqual(before);
	});

	it("exits 1 for a malformed note, named on stderr and in errors, and writes nothing", async () => {
		vault = new TempVault({ "bad.md": note("id: SOURCE-bad\nstatus: raw\nstatus: raw"), "s.md": seedNote() });
		const before = vault.snapshot();
		const r = await cli("status", vault.root, "bad.md", "integrated", "--json");
		expect(r.code).toBe(1);
		expect(r.stderr).toMatch(/^bad\.md: malformed frontmatter/m);
		expect(r.json.errors[0].path).toBe("bad.md");
		expect(vault.snapshot()).toEqual(before);
	});

	it("ignores malformed files elsewhere in the vault", async () => {
		vault = new TempVault({ "bad.md": note("id: SOURCE-bad\nstatus: raw\nstatus: raw"), "s.md": seedNote() });
		const r = await cli("status", vault.root, "s.md", "archived");
		expect(r.code).toBe(0);
		expect(vault.read("s.md")).toContain("status: archived\n");
	});

	it("leaves no temporary file behind", async () => {
		vault = new TempVault({ "s.md": seedNote() });
		await cli("status", vault.root, "s.md", "archived");
		expect([...vault.snapshot().keys()]).toEqual(["s.md"]);
	});
});
