import { SourceIndex } from "../../../src/core/vault/source-index";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";

const source = (id: string) => ({ id: `SOURCE-${id}`, title: id, status: "raw" });

describe("SourceIndex", () => {
	it("inverts links: integrating notes are non-source notes linking to the source, no self-links", () => {
		const index = new SourceIndex(DEFAULT_SETTINGS);
		index.setNote("s.md", source("s"));
		index.setNote("t.md", source("t"));
		index.setNote("n.md", {});
		index.setLinks("n.md", { "s.md": 2 });
		index.setLinks("t.md", { "s.md": 1 }); // a SOURCE note's chain link does not count
		index.setLinks("s.md", { "s.md": 1 }); // self-link
		index.setLinks("canvas.canvas", { "s.md": 1 }); // not a Markdown note
		expect(index.integratingNotes("s.md")).toEqual(["n.md"]);
	});

	it("skips excluded folders", () => {
		const index = new SourceIndex({ ...DEFAULT_SETTINGS, excludedFolders: ["Inbox"] });
		index.setNote("s.md", source("s"));
		index.setLinks("Inbox/list.md", { "s.md": 1 });
		index.setLinks("Notes/real.md", { "s.md": 1 });
		expect(index.integratingNotes("s.md")).toEqual(["Notes/real.md"]);
	});

	it("updates one note's links without touching others and notifies the sources concerned", () => {
		const index = new SourceIndex(DEFAULT_SETTINGS);
		index.setNote("a.md", source("a"));
		index.setNote("b.md", source("b"));
		const seen: string[][] = [];
		index.onChange((p) => seen.push([...p]));
		index.setLinks("n.md", { "a.md": 1 });
		index.setLinks("n.md", { "b.md": 1 });
		expect(index.integratingNotes("a.md")).toEqual([]);
		expect(index.integratingNotes("b.md")).toEqual(["n.md"]);
		expect(seen).toEqual([["a.md"], ["a.md", "b.md"]]);
	});

	it("follows renames of integrating notes and of sources", () => {
		const index = new SourceIndex(DEFAULT_SETTINGS);
		index.setNote("s.md", source("s"));
		index.setLinks("n.md", { "s.md": 1 });
		index.renameNote("n.md", "Notes/n.md", {});
		expect(index.integratingNotes("s.md")).toEqual(["Notes/n.md"]);
		index.renameNote("s.md", "Sources/s.md", undefined);
		expect(index.getSource("Sources/s.md")?.id).toBe("SOURCE-s");
		expect(index.integratingNotes("Sources/s.md")).toEqual(["Notes/n.md"]);
		index.deleteNote("Notes/n.md");
		expect(index.integratingNotes("Sources/s.md")).toEqual([]);
	});

	it("moves its revision on every change and finds sources by id", () => {
		const index = new SourceIndex(DEFAULT_SETTINGS);
		const r0 = index.revision;
		index.setNote("s.md", source("s"));
		expect(index.revision).toBeGreaterThan(r0);
		expect(index.findById("SOURCE-s")?.path).toBe("s.md");
		index.setNote("s.md", { title: "no longer a source" });
		expect(index.size).toBe(0);
	});

	it("lists the sources that share an id, and every id held more than once", () => {
		const index = new SourceIndex(DEFAULT_SETTINGS);
		index.setNote("b.md", source("dup"));
		index.setNote("a.md", source("dup"));
		index.setNote("c.md", source("one"));
		index.setNote("z/x.md", source("also"));
		index.setNote("y.md", source("also"));
		expect(index.sourcesWithId("SOURCE-dup").map((s) => s.path).sort()).toEqual(["a.md", "b.md"]);
		expect(index.sourcesWithId("SOURCE-one").map((s) => s.path)).toEqual(["c.md"]);
		expect(index.sourcesWithId("SOURCE-none")).toEqual([]);
		expect(index.duplicateIds()).toEqual([
			{ id: "SOURCE-also", paths: ["y.md", "z/x.md"] },
			{ id: "SOURCE-dup", paths: ["a.md", "b.md"] },
		]);
		index.setNote("b.md", source("other"));
		expect(index.duplicateIds()).toEqual([{ id: "SOURCE-also", paths: ["y.md", "z/x.md"] }]);
	});

	it("tells listeners of a delete only what it changed: the sources it linked, or the deleted source", () => {
		const index = new SourceIndex(DEFAULT_SETTINGS);
		index.setNote("s.md", source("s"));
		index.setNote("t.md", source("t"));
		index.setNote("n.md", { title: "a note" });
		index.setLinks("n.md", { "s.md": 1 });
		const heard: string[][] = [];
		index.onChange((paths) => heard.push([...paths]));
		index.deleteNote("plain.md");
		expect(heard).toEqual([]);
		index.deleteNote("n.md");
		expect(heard).toEqual([["s.md"]]);
		expect(index.integratingNotes("s.md")).toEqual([]);
		index.deleteNote("t.md");
		expect(heard).toEqual([["s.md"], ["t.md"]]);
		expect(index.getSource("t.md")).toBeUndefined();
	});
});
