import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { cli, TempVault } from "../helpers/vault";
import { FIXTURES } from "../helpers/fixtures";
import { TABLE_VAULT } from "../helpers/table-vault";

const GOLDEN = join(FIXTURES, "tables", "export");
const filesIn = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), "utf8")]));

describe("cli export", () => {
	let vault: TempVault;
	let out: TempVault;
	beforeEach(() => {
		vault = new TempVault(TABLE_VAULT);
		out = new TempVault();
	});
	afterEach(() => {
		vault.remove();
		out.remove();
	});

	it("writes one file per NotebookLM category, archived sources left out, as the golden files", async () => {
		const dir = join(out.root, "NotebookLM");
		const r = await cli("export", vault.root, dir, "--json");
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		expect(r.json.files).toEqual([
			{ file: "ai-engineering.md", category: "ai-engineering", sources: 2, words: 509 },
			{ file: "strategy.md", category: "strategy", sources: 1, words: 60 },
			{ file: "uncategorized.md", category: "uncategorized", sources: 1, words: 28 },
		]);
		expect(filesIn(dir)).toEqual(filesIn(GOLDEN));
		expect(readFileSync(join(dir, "strategy.md"), "utf8")).not.toContain("Archived one");
	});

	it("gives the same bytes on a second export", async () => {
		await cli("export", vault.root, out.root);
		const first = out.snapshot();
		const r = await cli("export", vault.root, out.root);
		expect(r.code).toBe(0);
		expect(out.snapshot()).toEqual(first);
	});

	it("exports only the statuses and the category asked for", async () => {
		const r = await cli("export", vault.root, out.root, "--status", "archived,integrated", "--category", "strategy", "--json");
		expect(r.code).toBe(0);
		expect(r.json.files).toEqual([{ file: "strategy.md", category: "strategy", sources: 2, words: expect.any(Number) }]);
		expect(readdirSync(out.root)).toEqual(["strategy.md"]);
		const text = out.read("strategy.md");
		expect(text.indexOf("## Video with timestamps")).toBeLessThan(text.indexOf("## Archived one"));
	});

	it("refuses to overwrite a file it did not write (exit 2, naming it) and writes nothing", async () => {
		out.write("strategy.md", "# My own strategy note\n");
		const r = await cli("export", vault.root, out.root);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(join(out.root, "strategy.md"));
		expect(r.stderr).toContain("was not written by an export");
		expect(out.read("strategy.md")).toBe("# My own strategy note\n");
		expect(readdirSync(out.root)).toEqual(["strategy.md"]);
	});

	it.each(["Strategy.md", "strategy-2.md"])("refuses a user's %s too: a file the export could write on a case-insensitive disk or as a later part", async (name) => {
		out.write(name, "mine\n");
		const r = await cli("export", vault.root, out.root);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(join(out.root, name));
		expect(readdirSync(out.root)).toEqual([name]);
	});

	it("overwrites a file carrying its marker line", async () => {
		await cli("export", vault.root, out.root);
		const marker = out.read("strategy.md").split("\n")[0] as string;
		out.write("strategy.md", `${marker}\n\nan old export\n`);
		expect((await cli("export", vault.root, out.root)).code).toBe(0);
		expect(out.read("strategy.md")).toBe(readFileSync(join(GOLDEN, "strategy.md"), "utf8"));
	});

	it("creates the output folder, and refuses an unknown status or category (exit 2) without creating it", async () => {
		const dir = join(out.root, "a", "b");
		expect((await cli("export", vault.root, dir, "--status", "done")).stderr).toContain('unknown status "done"');
		expect((await cli("export", vault.root, dir, "--category", "cooking")).code).toBe(2);
		expect(existsSync(dir)).toBe(false);
		expect((await cli("export", vault.root, dir)).code).toBe(0);
		expect(readdirSync(dir)).toHaveLength(3);
	});

	it("needs an output folder", async () => {
		const r = await cli("export", vault.root);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("export: no output folder given");
	});

	it("names a source note that cannot be read and still exports the rest (exit 1)", async () => {
		mkdirSync(join(vault.root, "Sources"), { recursive: true });
		writeFileSync(join(vault.root, "Sources", "broken.md"), "---\nid: SOURCE-broken\ntitle: [unclosed\n---\n");
		const r = await cli("export", vault.root, out.root, "--json");
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("Sources/broken.md");
		expect(r.json.files).toHaveLength(3);
	});
});
