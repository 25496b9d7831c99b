import { readFileSync } from "fs";
import { join } from "path";
import { cli, TempVault } from "../helpers/vault";
import { FIXTURES } from "../helpers/fixtures";
import { TABLE_VAULT } from "../helpers/table-vault";

const golden = (name: string) => readFileSync(join(FIXTURES, "tables", name), "utf8");

describe("cli table", () => {
	let vault: TempVault;
	beforeEach(() => (vault = new TempVault(TABLE_VAULT)));
	afterEach(() => vault.remove());

	it("prints every source as a Markdown table of title and status, in queue order, titles linking to their notes", async () => {
		const r = await cli("table", vault.root);
		expect(r.stderr).toBe("");
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(golden("table-default.md"));
	});

	it("filters, picks columns, sorts and limits as the code block does, pipes in cells escaped", async () => {
		const r = await cli("table", vault.root, "--status", "raw,in_progress,integrated", "--columns", "title,creator,date_published,path", "--sort", "date_published desc", "--limit=2");
		expect(r.code).toBe(0);
		expect(r.stdout).toBe(golden("table-options.md"));
	});

	it("filters by category, tier and platform", async () => {
		const r = await cli("table", vault.root, "--category", "strategy", "--platform", "youtube", "--tier", "medium", "--json");
		expect(r.json.rows.map((row: { path: string }) => row.path)).toEqual(["Sources/video.md"]);
	});

	it.each([
		[["--status", "done"], 'unknown status "done"'],
		[["--columns", "title,colour"], 'unknown column "colour"'],
		[["--sort", "title upwards"], 'sort direction "upwards" is not asc or desc'],
		[["--sort", "nope"], 'unknown sort key "nope"'],
		[["--limit", "0"], 'limit "0" is not a whole number above 0'],
		[["--category", "cooking"], 'unknown category "cooking"'],
		[["--colour", "red"], "unknown option --colour"],
		[["--status", "raw", "--status", "raw"], "--status is given twice"],
	])("refuses %j with exit 2, naming it", async (flags, message) => {
		const r = await cli("table", vault.root, ...flags);
		expect(r.code).toBe(2);
		expect(r.stdout).toBe("");
		expect(r.stderr).toContain(message);
	});

	it("is refused options that belong to table only on other commands", async () => {
		const r = await cli("scan", vault.root, "--status", "raw");
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("unknown option --status");
	});
});
