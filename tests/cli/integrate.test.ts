import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";

const TODAY = "2026-11-23";
describe("cli integrate", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("links the source once after - [[Old]] in a note whose ```js`x line is text (no fence, no second heading)", async () => {
		const note = "# N\n```js`x\n## Sources\n- [[Old]]\n";
		vault = new TempVault({ "Sources/seed.md": seedNote(), "N.md": note, "Old.md": "" });
		const r = await cli("integrate", vault.root, "Sources/seed.md", "N.md", "--today", TODAY, "--json");
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		expect(vault.read("N.md")).toBe("# N\n```js`x\n## Sources\n- [[Old]]\n- [[seed]]\n");
		expect(r.json).toEqual({
			source: "Sources/seed.md",
			note: "N.md",
			changes: { integrated_into: ["[[N]]"], status: "integrated", date_integrated: TODAY },
			noteChanged: true,
		});
		const source = vault.read("Sources/seed.md");
		expect(source).toContain("status: integrated\n");
		expect(source).toContain(`date_integrated: ${TODAY}\n`);
		expect(source).toMatch(/integrated_into:[\s\S]*"\[\[N\]\]"/);
	});

	it("never takes a ## Sources inside a list item's fence for the heading", async () => {
		const note = "- item\n  ```\n  ## Sources\n  - [[Old]]\n  ```\n";
		vault = new TempVault({ "seed.md": seedNote(), "N.md": note });
		const r = await cli("integrate", vault.root, "SOURCE-20251128-973", "N", "--today", TODAY);
		expect(r.code).toBe(0);
		expect(vault.read("N.md")).toBe(note + "\n## Sources\n- [[seed]]\n");
	});

	it("is idempotent: a second run changes neither note", async () => {
		vault = new TempVault({ "seed.md": seedNote(), "N.md": "# N\n" });
		expect((await cli("integrate", vault.root, "seed.md", "N.md", "--today", TODAY)).code).toBe(0);
		const before = vault.snapshot();
		const again = await cli("integrate", vault.root, "seed.md", "N.md", "--today", TODAY, "--json");
		expect(again.code).toBe(0);
		expect(again.json).toEqual({ source: "seed.md", note: "N.md", changes: {}, noteChanged: false });
		expect(vault.snapshot()).toEqual(before);
	});

	it("refuses a note that does not exist without --create (exit 2, nothing written), and creates it with --create", async () => {
		vault = new TempVault({ "seed.md": seedNote() });
		const before = vault.snapshot();
		const r = await cli("integrate", vault.root, "seed.md", "Notes/New.md", "--today", TODAY);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("Notes/New.md does not exist");
		expect(vault.snapshot()).toEqual(before);
		const created = await cli("integrate", vault.root, "seed.md", "Notes/New", "--create", "--today", TODAY, "--json");
		expect(created.code).toBe(0);
		expect(created.json.noteChanged).toBe(true);
		expect(vault.read("Notes/New.md")).toBe("## Sources\n- [[seed]]\n");
		expect(vault.read("seed.md")).toMatch(/"\[\[New\]\]"/);
	});

	it("writes nothing with --dry-run and reports the same changes", async () => {
		vault = new TempVault({ "seed.md": seedNote(), "N.md": "# N\n" });
		const before = vault.snapshot();
		const r = await cli("integrate", vault.root, "seed.md", "N.md", "--today", TODAY, "--dry-run", "--json");
		expect(r.code).toBe(0);
		expect(r.json.noteChanged).toBe(true);
		expect(r.json.changes.status).toBe("integrated");
		expect(vault.snapshot()).toEqual(before);
	});

	it.each([
		["an unknown source", ["nope.md", "N.md"], "no SOURCE note"],
		["a SOURCE note as the target", ["seed.md", "other.md"], "is a SOURCE note"],
		["the source itself", ["seed.md", "seed.md"], "into itself"],
		["a path out of the vault", ["seed.md", "../N.md"], "outside the vault"],
	])("refuses %s (exit 2, nothing written)", async (_name, args, message) => {
		vault = new TempVault({ "seed.md": seedNote(), "other.md": seedNote().replace("SOURCE-20251128-973", "SOURCE-2"), "N.md": "# N\n" });
		const before = vault.snapshot();
		const r = await cli("integrate", vault.root, ...(args), "--today", TODAY);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(message);
		expect(vault.snapshot()).toEqual(before);
	});

	it("refuses an archived source before touching the note", async () => {
		vault = new TempVault({ "seed.md": seedNote().replace("status: raw", "status: archived"), "N.md": "# N\n" });
		const before = vault.snapshot();
		const r = await cli("integrate", vault.root, "seed.md", "N.md");
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("archived");
		expect(vault.snapshot()).toEqual(before);
	});

	it("writes an integrated_into entry that resolves back to the note (dbl.md.md beside dbl.md)", async () => {
		vault = new TempVault({ "seed.md": seedNote(), "dbl.md.md": "# D\n", "dbl.md": "# other\n" });
		const r = await cli("integrate", vault.root, "seed.md", "dbl.md.md", "--today", TODAY, "--json");
		expect(r.code).toBe(0);
		expect(r.json.changes.integrated_into).toEqual(["[[dbl.md.md]]"]);
	});

	it("refuses a note no wikilink can name (a # in its name), writing nothing", async () => {
		vault = new TempVault({ "seed.md": seedNote(), "Hash#tag.md": "# H\n" });
		const before = vault.snapshot();
		const r = await cli("integrate", vault.root, "seed.md", "Hash#tag.md", "--today", TODAY);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/cannot contain "#"|no wikilink can name/);
		expect(vault.snapshot()).toEqual(before);
	});

	it("refuses --create on other commands", async () => {
		vault = new TempVault({ "seed.md": seedNote() });
		const r = await cli("scan", vault.root, "--create");
		expect(r.code).toBe(2);
	});
});
