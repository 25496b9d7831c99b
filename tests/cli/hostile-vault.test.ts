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

describe("a path argument is the note at that path", () => {
	it("takes the note at an existing path over another note whose id is that text", async () => {
		vault = new TempVault({ "SOURCE-2.md": note("SOURCE-2"), "x.md": note("SOURCE-2.md.x") });
		const r = await cli("status", vault.root, "SOURCE-2.md", "archived");
		expect(r.code).toBe(0);
		expect(vault.read("SOURCE-2.md")).toContain("status: archived");
	});

	it("refuses an argument that is both a path and another note's id, naming both (exit 2, nothing written)", async () => {
		vault = new TempVault({ "SOURCE-2.md": note("SOURCE-2"), "other.md": note("SOURCE-2.md") });
		const before = vault.snapshot();
		for (const argv of [["status", "SOURCE-2.md", "archived"], ["linkify", "SOURCE-2.md"], ["timestamps", "SOURCE-2.md"]]) {
			const r = await cli(argv[0] as string, vault.root, ...argv.slice(1));
			expect(r.code).toBe(2);
			expect(r.stderr).toContain("SOURCE-2.md");
			expect(r.stderr).toContain("other.md");
		}
		expect(vault.snapshot()).toEqual(before);
	});

	it("still finds a note by an id that is no path of the vault", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-2.md") });
		const r = await cli("status", vault.root, "SOURCE-2.md", "archived");
		expect(r.code).toBe(0);
		expect(vault.read("a.md")).toContain("status: archived");
	});
});

describe("note data named like Object's own properties", () => {
	it("queue --json counts a status 'constructor' and a configured status '__proto__' like any other", async () => {
		vault = new TempVault({
			[SETTINGS]: JSON.stringify({ statuses: ["raw", "__proto__"] }),
			"a.md": note("SOURCE-a", "constructor"),
			"b.md": note("SOURCE-b", "toString"),
			"c.md": note("SOURCE-c", "__proto__"),
		});
		const r = await cli("queue", vault.root, "--json");
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('"counts":{"raw":0,"__proto__":1,"constructor":1,"toString":1}');
	});

	it("links --json keys unresolved links named constructor and __proto__ as themselves", async () => {
		vault = new TempVault({ "n.md": "[[constructor]] [[__proto__]] [[__proto__]]\n" });
		const r = await cli("links", vault.root, "--json");
		expect(r.code).toBe(0);
		expect(r.stdout).toContain('"unresolvedLinks":{"n.md":{"constructor":1,"__proto__":2}}');
	});
});

describe("exit codes and arguments keep to the CLI contract", () => {
	it("gives exit 1 from status, as from sync, for a note whose frontmatter the edit cannot take", async () => {
		const odd = "---\nid: SOURCE-a\ntitle: A\nstatus: !!str raw\naliases: [x]\n---\n";
		vault = new TempVault({ "a.md": odd, "Note.md": "[[a]]\n" });
		const status = await cli("status", vault.root, "a.md", "archived");
		expect(status.code).toBe(1);
		expect(status.stderr).toContain("a.md: ");
		const sync = await cli("sync", vault.root);
		expect(sync.code).toBe(1);
		expect(vault.read("a.md")).toBe(odd);
	});

	it("keeps exit 2 for a refused request (a status that is not configured)", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a") });
		expect((await cli("status", vault.root, "a.md", "done")).code).toBe(2);
	});

	it("names an invalid-UTF-8 SOURCE note asked for by its id, with its error (exit 1), not 'no SOURCE note'", async () => {
		vault = new TempVault({ "bad.md": Buffer.concat([Buffer.from("---\nid: SOURCE-bad\ntitle: T\xff"), Buffer.from([0xff]), Buffer.from("\nstatus: raw\n---\n")]) });
		const r = await cli("status", vault.root, "SOURCE-bad", "archived");
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("bad.md: file is not valid UTF-8");
		expect(r.stderr).not.toContain("no SOURCE note");
	});

	it.each([
		["scan", "--dry-run"],
		["scan", "--today"],
		["queue", "--dry-run"],
		["queue", "--today"],
		["links", "--dry-run"],
		["links", "--today"],
		["timestamps", "--today"],
		["linkify", "--today"],
	])("refuses %s %s, an option it has no use for (exit 2)", async (command, option) => {
		vault = new TempVault({ "a.md": note("SOURCE-a") });
		const rest = command === "timestamps" || command === "linkify" ? ["a.md"] : [];
		const r = await cli(command, vault.root, ...rest, ...(option === "--today" ? [option, "2026-01-02"] : [option]));
		expect(r.code).toBe(2);
		expect(r.stderr).toContain(`unexpected option ${option}`);
	});

	it("reads a complex key (? [a, b]) without a Node warning", async () => {
		vault = new TempVault({ "a.md": "---\n? [a, b]\n: x\nid: SOURCE-a\ntitle: T\nstatus: raw\n---\n" });
		const warn = jest.spyOn(process, "emitWarning").mockImplementation(() => undefined);
		try {
			const r = await cli("scan", vault.root, "--json");
			expect(r.json.sources.map((s: { id: string }) => s.id)).toEqual(["SOURCE-a"]);
			expect(warn).not.toHaveBeenCalled();
		} finally {
			warn.mockRestore();
		}
	});
});

describe("sync writes only integrated_into entries that resolve back to their note", () => {
	const source = "---\nid: SOURCE-s\ntitle: s\nstatus: integrated\nintegrated_into: []\n---\n";

	it("reports a note no wikilink can name on stderr and in --json warnings, and writes the others", async () => {
		vault = new TempVault({ "s.md": source, "Hash#tag.md": "[[s]]\n", "Pipe|bar.md": "[[s]]\n", "Brack[1].md": "[[s]]\n", "dbl.md": "", "dbl.md.md": "[[s]]\n", "Case.md": "[[s]]\n", "case.md": "[[s]]\n" });
		const r = await cli("sync", vault.root, "--json");
		expect(r.code).toBe(0);
		for (const name of ["Hash#tag.md", "Pipe|bar.md", "Brack[1].md"]) {
			expect(r.stderr).toContain(`warning: s.md: ${name} links to this source but no wikilink can name it`);
			expect(r.json.warnings).toContainEqual(expect.stringContaining(`s.md: ${name} links to this source`));
		}
		expect(vault.read("s.md")).toBe('---\nid: SOURCE-s\ntitle: s\nstatus: integrated\nintegrated_into:\n  - "[[Case]]"\n  - "[[case]]"\n  - "[[dbl.md.md]]"\n---\n');
		// The next run finds every entry resolving: nothing stale, nothing to add.
		const again = await cli("sync", vault.root, "--json");
		expect(again.json.changed).toEqual([]);
		expect(again.stderr).not.toContain("stale-integrated-into");
		const scan = await cli("scan", vault.root, "--json");
		expect(scan.json.sources[0].problems).toEqual([]);
	});
});
