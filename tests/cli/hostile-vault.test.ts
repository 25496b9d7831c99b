/**
 * A hostile or unlucky vault on a real folder (docs/safety.md): settings reached through a
 * symlink, a path argument that is also another note's id, note data named like Object's
 * own properties, and exit codes and arguments that keep to the CLI contract.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { cli, TempVault } from "../helpers/vault";

const SETTINGS = ".obsidian/plugins/source-lifecycle/data.json";
const note = (id: string, status = "raw") => `---\nid: ${id}\ntitle: A title\nstatus: ${status}\n---\nBody\n`;

let vault: TempVault;
let outside: string;
beforeEach(() => {
	outside = mkdtempSync(join(tmpdir(), "sl-outside-"));
});
afterEach(() => {
	vault?.remove();
	rmSync(outside, { recursive: true, force: true });
});

describe("the plugin's settings are read only from a regular file inside the vault", () => {
	const secret = "root:x:0:0:root:/root:/bin/bash\n";

	it("refuses a data.json that is a symlink to a file out of the vault, quoting none of it (exit 2)", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a") });
		writeFileSync(join(outside, "passwd"), secret);
		mkdirSync(join(vault.root, ".obsidian/plugins/source-lifecycle"), { recursive: true });
		symlinkSync(join(outside, "passwd"), join(vault.root, SETTINGS));
		const r = await cli("scan", vault.root, "--json");
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(SETTINGS);
		expect(r.stderr).toContain("leads outside the vault");
		expect(r.stderr).not.toContain("root");
		expect(r.stdout).toBe("");
	});

	it("refuses a JSON file out of the vault reached through a symlinked .obsidian, instead of applying it", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a"), "b.md": note("SRC-b") });
		mkdirSync(join(outside, "plugins/source-lifecycle"), { recursive: true });
		writeFileSync(join(outside, "plugins/source-lifecycle/data.json"), JSON.stringify({ idPrefix: "SRC-" }));
		symlinkSync(outside, join(vault.root, ".obsidian"));
		const r = await cli("scan", vault.root, "--json");
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("leads outside the vault");
	});

	it("names a wrong-typed value by its kind, never by its text", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a"), [SETTINGS]: JSON.stringify({ idPrefix: ["secret-token-123"], excludedFolders: "private/folder" }) });
		const r = await cli("scan", vault.root);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain('"idPrefix" should be a non-empty text, not a list of texts');
		expect(r.stderr).toContain('"excludedFolders" should be a list of texts, not a text');
		expect(r.stderr).not.toContain("secret-token-123");
		expect(r.stderr).not.toContain("private/folder");
	});

	it("says a file is not JSON without quoting it", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a"), [SETTINGS]: "root:x:0:0:secret\n" });
		const r = await cli("scan", vault.root);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("not valid JSON");
		expect(r.stderr).not.toContain("root:x");
		expect(r.stderr).not.toContain("secret");
	});

	it("still follows a data.json symlinked to another file inside the vault", async () => {
		vault = new TempVault({ "a.md": note("SRC-a"), "config/settings.json": JSON.stringify({ idPrefix: "SRC-" }) });
		mkdirSync(join(vault.root, ".obsidian/plugins/source-lifecycle"), { recursive: true });
		symlinkSync(join(vault.root, "config/settings.json"), join(vault.root, SETTINGS));
		const r = await cli("scan", vault.root, "--json");
		expect(r.code).toBe(0);
		expect(r.json.sources.map((s: { id: string }) => s.id)).toEqual(["SRC-a"]);
	});
});
