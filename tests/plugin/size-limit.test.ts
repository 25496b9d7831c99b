/** @jest-environment jsdom */
/**
 * The maximum note size (setting, default 20 MB) in the plugin: "Validate sources" does not
 * read a note over the limit whose frontmatter Obsidian could not parse, and says so,
 * naming the file, instead of skipping it silently.
 */
import { Notice } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { validateVault } from "../../src/plugin/validate";

describe("maximum note size in Validate sources", () => {
	it("names a malformed note over the limit with a clear message, and still reads the ones under it", async () => {
		const big = "---\nid: SOURCE-big\ntitle: x\ntitle: y\n---\n" + "z".repeat(3 * 1024 * 1024);
		const small = "---\nid: SOURCE-small\ntitle: x\ntitle: y\n---\n";
		const { app, plugin } = await loadPlugin({ "big.md": big, "small.md": small }, { maxNoteBytes: 2 * 1024 * 1024 });
		const report = await validateVault(app as any, (plugin as any).sourceIndex.index, (plugin as any).settings);
		expect(report.errors).toEqual([
			{ path: "big.md", message: "note is 3.0 MB, over the 2.0 MB limit set in settings; not read" },
			{ path: "small.md", message: expect.stringMatching(/^malformed frontmatter: .*unique/) },
		]);
	});
});

describe("maximum note size for the plugin's writes", () => {
	it("refuses to change a note over the limit, with a notice naming it, and changes one under it", async () => {
		const big = "---\nid: SOURCE-big\ntitle: Big\nstatus: raw\n---\n" + "z".repeat(3 * 1024 * 1024);
		const small = "---\nid: SOURCE-small\ntitle: Small\nstatus: raw\n---\n";
		const { app, plugin } = await loadPlugin({ "big.md": big, "small.md": small, "n.md": "note\n" }, { maxNoteBytes: 2 * 1024 * 1024 });
		Notice.shown.length = 0;
		const file = (path: string) => app.vault.getFileByPath(path) as any;
		expect(await plugin.writer.setFields(file("big.md"), [{ key: "status", value: "archived" }])).toBe("refused");
		expect(await app.vault.read(file("big.md"))).toBe(big);
		expect(Notice.shown.map((n) => n.message)).toEqual(["Source Lifecycle: big.md was not changed: note is 3.0 MB, over the 2.0 MB limit; not read"]);
		expect(await plugin.lifecycle.integrateInto(file("big.md"), file("n.md"))).toBe("refused");
		expect(await app.vault.read(file("n.md"))).toBe("note\n");
		expect(Notice.shown.at(-1)?.message).toContain("big.md was not integrated: note is 3.0 MB");
		expect(await plugin.writer.setFields(file("small.md"), [{ key: "status", value: "archived" }])).toBe("written");
		expect(await app.vault.read(file("small.md"))).toContain("status: archived");
	});
});
