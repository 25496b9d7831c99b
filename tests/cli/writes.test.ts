/**
 * How the CLI writes on a real file system (docs/reference.md §10): a failed write is an error of the
 * run (exit 1, the file named, the note as it was), temporary files are short-named and
 * never left behind, another run's temporary files are left alone, symlinked notes are
 * written through, the owner and mode are kept, and a FIFO never hangs a run.
 */
import { execFileSync } from "child_process";
import { chownSync, lstatSync, readdirSync, realpathSync, statSync, symlinkSync, writeFileSync } from "fs";
import { join } from "path";
import { FolderVault, readRegularFile, TEMP_MARK } from "../../src/cli/folder-vault";
import { cli, TempVault } from "../helpers/vault";

const note = (id: string) => `---\nid: ${id}\ntitle: A title\nstatus: raw\n---\nBody\n`;
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith(TEMP_MARK));

describe("CLI writes", () => {
	let vault: TempVault;
	afterEach(() => {
		jest.restoreAllMocks();
		vault?.remove();
	});

	it.each([
		["status", ["a.md", "archived"]],
		["linkify", ["a.md"]],
	])("%s: a write that fails is exit 1 with the file named, never a crash", async (command, rest) => {
		vault = new TempVault({ "a.md": "---\nid: SOURCE-a\ntitle: A\nstatus: raw\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n0:10 Intro\n" });
		jest.spyOn(FolderVault.prototype, "writeAtomic").mockImplementation(() => {
			throw new Error("EROFS: read-only file system");
		});
		const r = await cli(command, vault.root, ...rest, "--json");
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("a.md: cannot write: EROFS: read-only file system; the note is unchanged");
		expect(r.stderr).not.toContain("unexpected error");
		expect(r.json.errors).toEqual([{ path: "a.md", message: expect.stringContaining("cannot write") }]);
		expect(vault.read("a.md")).toContain("status: raw");
	});

	it("refuses to replace something that is not a regular file, and leaves no temporary file", () => {
		vault = new TempVault({ "a.md": note("SOURCE-a") });
		const folder = new FolderVault(vault.root);
		execFileSync("mkdir", [join(vault.root, "dir.md")]);
		expect(() => folder.writeAtomic("dir.md", "x")).toThrow(/not a regular file/);
		expect(temps(vault.root)).toEqual([]);
	});

	it("writes a note whose name is near the file-system limit (the temporary name is short)", async () => {
		const name = "L".repeat(240) + ".md";
		vault = new TempVault({ [name]: note("SOURCE-long") });
		const r = await cli("status", vault.root, name, "archived");
		expect(r.code).toBe(0);
		expect(vault.read(name)).toContain("status: archived");
		expect(temps(vault.root)).toEqual([]);
	});

	it("writes through a symlinked note: the file it points to changes, the link stays", async () => {
		vault = new TempVault({ "Sources/S.md": note("SOURCE-s") });
		symlinkSync("Sources/S.md", join(vault.root, "A.md"));
		const r = await cli("status", vault.root, "A.md", "archived");
		expect(r.code).toBe(0);
		expect(lstatSync(join(vault.root, "A.md")).isSymbolicLink()).toBe(true);
		expect(vault.read("Sources/S.md")).toContain("status: archived");
		expect(temps(join(vault.root, "Sources"))).toEqual([]);
	});

	it("keeps the note's mode, and its owner when run as root", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a") });
		const path = join(vault.root, "a.md");
		execFileSync("chmod", ["640", path]);
		const root = process.getuid?.() === 0;
		if (root) chownSync(path, 1000, 1000);
		const r = await cli("status", vault.root, "a.md", "archived");
		expect(r.code).toBe(0);
		const st = statSync(path);
		expect(st.mode & 0o777).toBe(0o640);
		// Only root may give a file to another owner; elsewhere the owner is the runner anyway.
		if (root) expect([st.uid, st.gid]).toEqual([1000, 1000]);
	});

	it("removes temporary files of killed runs only when it writes, and never another live run's", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a"), "n.md": "[[a]]\n" });
		const dead = ".999999999.abc.sl-tmp";
		// Process 1 is always alive: a run that is still writing.
		const live = ".1.def.sl-tmp";
		const oldStyle = ".a.md.999999998.xyz.sl-tmp";
		for (const t of [dead, live, oldStyle]) writeFileSync(join(vault.root, t), "partial");
		for (const argv of [["scan"], ["queue"], ["links"], ["sync", "--dry-run"]]) {
			await cli(argv[0] as string, vault.root, ...argv.slice(1));
			expect(temps(vault.root).sort()).toEqual([dead, live, oldStyle].sort());
		}
		const r = await cli("sync", vault.root, "--today", "2026-11-23");
		expect(r.code).toBe(0);
		expect(temps(vault.root)).toEqual([live]);
	});

	it("reads a FIFO as not a regular file instead of waiting for a writer", () => {
		vault = new TempVault({ "a.md": note("SOURCE-a") });
		const fifo = join(vault.root, "pipe.md");
		execFileSync("mkfifo", [fifo]);
		expect(readRegularFile(fifo, 1024)).toBe("not a regular file; not read");
	});

	it("refuses a settings file that is a FIFO at once (exit 2), not hanging", async () => {
		vault = new TempVault({ "a.md": note("SOURCE-a"), ".obsidian/plugins/source-lifecycle/keep": "" });
		execFileSync("mkfifo", [join(realpathSync(vault.root), ".obsidian/plugins/source-lifecycle/data.json")]);
		const r = await cli("scan", vault.root);
		expect(r.code).toBe(2);
		expect(r.stderr).toContain("not a regular file");
	});
});
