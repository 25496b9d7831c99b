/** @jest-environment jsdom */
/**
 * The maximum note size (setting, default 20 MB) in the plugin: "Validate sources" does not
 * read a note over the limit whose frontmatter Obsidian could not parse, and says so,
 * naming the file, instead of skipping it silently.
 */
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
