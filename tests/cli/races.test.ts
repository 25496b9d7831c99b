/**
 * Races on a real vault folder (docs/safety.md), forced at the one moment they matter —
 * between the read an edit is computed from and the rename that writes it — through
 * FolderVault's `beforeRename` seam: another program writing the same note (no change may
 * be lost), and a folder swapped for a symlink out of the vault (nothing written out there).
 */
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FolderVault, TEMP_MARK } from "../../src/cli/folder-vault";
import { MAX_ATTEMPTS } from "../../src/cli/note-edit";
import { cli, TempVault } from "../helpers/vault";

const source = (status = "raw") => `---\nid: SOURCE-s\ntitle: A talk about races in vaults\nstatus: ${status}\n---\nBody\n`;

let vault: TempVault;
let outside: string;
beforeEach(() => {
	outside = mkdtempSync(join(tmpdir(), "sl-outside-"));
});
afterEach(() => {
	jest.restoreAllMocks();
	vault?.remove();
	rmSync(outside, { recursive: true, force: true });
});

/** Run `action` the first time a write of `path` reaches its rename. */
function onceBeforeRename(path: string, action: () => void): jest.SpyInstance {
	let done = false;
	return jest.spyOn(FolderVault.prototype, "beforeRename").mockImplementation((p: string) => {
		if (p !== path || done) return;
		done = true;
		action();
	});
}

describe("another program writes the note between the read and the rename", () => {
	it("sync keeps a status set meanwhile and still adds its own change", async () => {
		vault = new TempVault({ "S.md": source(), "Note.md": "[[S]]\n" });
		const spy = onceBeforeRename("S.md", () => vault.write("S.md", source("archived")));
		const r = await cli("sync", vault.root, "--json", "--today", "2026-01-02");
		expect(spy).toHaveBeenCalled();
		expect(r.code).toBe(0);
		const text = vault.read("S.md");
		expect(text).toContain("status: archived");
		expect(text).toContain('integrated_into:\n  - "[[Note]]"');
		expect(text).toContain("aliases:");
		// Computed again from the archived note: auto-integrate moves only raw and in_progress sources.
		expect(text).not.toContain("date_integrated");
		expect(r.json.changed).toEqual([{ path: "S.md", changes: expect.objectContaining({ integrated_into: ["[[Note]]"] }) }]);
	});

	it("status keeps aliases written meanwhile and still sets the status", async () => {
		vault = new TempVault({ "S.md": source() });
		const synced = source().replace("status: raw\n", "status: raw\naliases:\n  - A talk\n");
		onceBeforeRename("S.md", () => vault.write("S.md", synced));
		const r = await cli("status", vault.root, "SOURCE-s", "archived");
		expect(r.code).toBe(0);
		expect(vault.read("S.md")).toBe(synced.replace("status: raw", "status: archived"));
	});

	it("linkify keeps a line added meanwhile and links its timestamps too", async () => {
		const note = "---\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n0:10 Intro\n";
		vault = new TempVault({ "v.md": note });
		onceBeforeRename("v.md", () => vault.write("v.md", note + "1:20 Added meanwhile\n"));
		const r = await cli("linkify", vault.root, "v.md");
		expect(r.code).toBe(0);
		const text = vault.read("v.md");
		expect(text).toContain("[0:10](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=10s) Intro");
		expect(text).toContain("[1:20](https://www.youtube.com/watch?v=dQw4w9WgXcQ&t=80s) Added meanwhile");
	});

	it("gives up, naming the note (exit 1), when the note changes at every try — the other program's text stays", async () => {
		vault = new TempVault({ "S.md": source() });
		let n = 0;
		jest.spyOn(FolderVault.prototype, "beforeRename").mockImplementation(() => vault.write("S.md", source() + `edit ${++n}\n`));
		const r = await cli("status", vault.root, "S.md", "archived");
		expect(n).toBe(MAX_ATTEMPTS);
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("S.md: the note was changed by another program");
		expect(vault.read("S.md")).toBe(source() + `edit ${MAX_ATTEMPTS}\n`);
		expect(readdirSync(vault.root).filter((f) => f.endsWith(TEMP_MARK))).toEqual([]);
	});
});

describe("a folder is swapped for a symlink out of the vault during a run", () => {
	const setUp = () => {
		vault = new TempVault({ "zzz/S.md": source(), "Note.md": "[[S]]\n" });
		writeFileSync(join(outside, "S.md"), source());
	};
	const swap = () => {
		renameSync(join(vault.root, "zzz"), join(vault.root, "zzz_real"));
		symlinkSync(outside, join(vault.root, "zzz"));
	};

	it("between the read and the rename: nothing is written out of the vault, the note is named (exit 1)", async () => {
		setUp();
		onceBeforeRename("zzz/S.md", swap);
		const r = await cli("sync", vault.root, "--json");
		expect(r.code).toBe(1);
		expect(r.json.errors).toEqual([{ path: "zzz/S.md", message: expect.stringContaining("outside the vault") }]);
		expect(readFileSync(join(outside, "S.md"), "utf8")).toBe(source());
		expect(readdirSync(outside)).toEqual(["S.md"]);
		expect(vault.read("zzz_real/S.md")).toBe(source());
	});

	it("after the load, before the edit reads the note: the note out of the vault is neither read nor written", async () => {
		setUp();
		writeFileSync(join(outside, "S.md"), source("in_progress"));
		const read = FolderVault.prototype.readNote;
		let swapped = false;
		jest.spyOn(FolderVault.prototype, "readNote").mockImplementation(function (this: FolderVault, path: string, max: number) {
			if (!swapped && path === "zzz/S.md") {
				swapped = true;
				swap();
			}
			return read.call(this, path, max);
		});
		const r = await cli("status", vault.root, "zzz/S.md", "archived");
		expect(r.code).toBe(1);
		expect(r.stderr).toContain("zzz/S.md leads outside the vault");
		expect(readFileSync(join(outside, "S.md"), "utf8")).toBe(source("in_progress"));
	});
});
