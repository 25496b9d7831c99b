/**
 * File names Obsidian would not create but a folder on Linux or macOS can hold: `:` and `\`
 * are file-name characters there, not a drive or a separator. A note listed under such a
 * name is read, shown and written under that very name — never another file's.
 */
import { cli, TempVault } from "../helpers/vault";

const src = (id: string, extra = "") => `---\nid: ${id}\ntitle: ${id}\nstatus: raw\nurl: https://youtu.be/3x0jhpEj_6o\nintegrated_into: []\n---\n${extra}`;

const posix = process.platform === "win32" ? describe.skip : describe;

posix("notes whose names hold ':' or '\\' (POSIX)", () => {
	let vault: TempVault;
	beforeEach(() => {
		vault = new TempVault({
			"a:b.md": src("SOURCE-colon", "- 0:10 Intro\n- 1:02 Point\n"),
			"Sources/x\\y.md": src("SOURCE-backslash"),
			"Sources/x/y.md": src("SOURCE-nested"),
			"Notes/n.md": "[[a:b]] and [[x\\y]]\n",
		});
	});
	afterEach(() => vault.remove());

	it("timestamps and linkify read the note under its own name", async () => {
		const ts = await cli("timestamps", vault.root, "SOURCE-colon", "--json");
		expect(ts.code).toBe(0);
		expect(ts.json.timestamps.map((t: { seconds: number }) => t.seconds)).toEqual([10, 62]);
		const byPath = await cli("timestamps", vault.root, "a:b.md", "--json");
		expect(byPath.code).toBe(0);
		const linkify = await cli("linkify", vault.root, "a:b.md");
		expect(linkify.code).toBe(0);
		expect(vault.read("a:b.md")).toContain("[0:10](https://www.youtube.com/watch?v=3x0jhpEj_6o&t=10s)");
	});

	it("sync writes the note with a backslash in its name, not the one in a folder of that name", async () => {
		const run = await cli("sync", vault.root, "--json", "--today", "2026-03-01");
		expect(run.stderr).toBe("");
		const changes = Object.fromEntries((run.json.changed as { path: string; changes: Record<string, unknown> }[]).map((c) => [c.path, c.changes]));
		expect(changes["Sources/x\\y.md"]).toMatchObject({ integrated_into: ["[[n]]"], status: "integrated" });
		expect(changes["Sources/x/y.md"]).toEqual({ aliases: ["SOURCE-nested"] });
		// Each file got its own edits: the integrated note is the one named with a backslash.
		expect(vault.read("Sources/x\\y.md")).toContain('integrated_into:\n  - "[[n]]"');
		expect(vault.read("Sources/x\\y.md")).toContain("title: SOURCE-backslash");
		expect(vault.read("Sources/x/y.md")).toContain("integrated_into: []");
		expect(vault.read("Sources/x/y.md")).toContain("title: SOURCE-nested");
	});
});
