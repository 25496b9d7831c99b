/**
 * What one note contributes to a load: its frontmatter, and the link targets of the notes
 * that can integrate sources (resolution is redone per run, so the warm-scan cache can keep
 * records). A SOURCE note's body is never scanned unless the links of sources are asked for.
 */
import { decodeNote } from "../../src/cli/folder-vault";
import { needsTargets, noteRecord, type RecordContext } from "../../src/cli/note-record";
import { withDefaults } from "../../src/core/sources/settings";
import { seedNote } from "../helpers/fixtures";
const seed = seedNote();
const withId = (id: string, extra = "") => seed.replace("id: SOURCE-20251128-973", `id: ${id}`) + extra;
const notes: Record<string, string> = {
	"Sources/source.md": withId("SOURCE-1", "\n[[Notes/n]]\n"),
	"Sources/crlf.md": withId("SOURCE-2").replace(/\n/g, "\r\n"),
	"Sources/bom.md": "\uFEFF" + withId("SOURCE-3"),
	"Sources/quoted.md": withId('"SOURCE-4"'),
	"Notes/outside.md": withId("SOURCE-5", "\nsee [[Sources/source]] and [[missing]]\n"),
	"Sources/broken.md": "---\nid: SOURCE-6\ntitle: [unclosed\n---\n[[Sources/source]]\n",
	"Notes/broken.md": "---\nid: SOURCE-7\ntitle: [unclosed\n---\n[[Sources/source]]\n",
	"Sources/plain-broken.md": "---\ntitle: [unclosed\n---\n[[Sources/source]]\n",
	"Notes/n.md": "---\ntags: [a]\nrelated: \"[[Sources/crlf]]\"\n---\n[[Sources/source]] [[Sources/bom|b]]\n",
	"Notes/none.md": "no frontmatter, [[Sources/source]]\n",
	"Sources/not-number.md": withId("12345"),
};

function context(sourceFolder: string, linksOfSources = false): RecordContext {
	return { settings: withDefaults({ sourceFolder }), linksOfSources };
}

const record = (path: string, ctx: RecordContext) => noteRecord(path, decodeNote(Buffer.from(notes[path] as string, "utf8")), ctx);

describe("the record of a note", () => {
	it("keeps link targets only for notes that can integrate sources", () => {
		const ctx = context("Sources");
		const kinds = Object.fromEntries(
			Object.keys(notes).map((path) => {
				const r = record(path, ctx);
				return [path, `${r.kind}${r.kind !== "unread" && r.targets !== null ? " with links" : ""}`];
			}),
		);
		expect(kinds).toEqual({
			"Sources/source.md": "read",
			"Sources/crlf.md": "read",
			"Sources/bom.md": "read",
			"Sources/quoted.md": "read",
			"Notes/outside.md": "read with links",
			"Sources/broken.md": "malformed",
			"Notes/broken.md": "malformed",
			"Sources/plain-broken.md": "malformed with links",
			"Notes/n.md": "read with links",
			"Notes/none.md": "read with links",
			"Sources/not-number.md": "read with links",
		});
	});

	it("names link targets before resolution, frontmatter links included", () => {
		const r = record("Notes/n.md", context("Sources"));
		expect(r.kind === "read" && r.targets).toEqual({ links: ["Sources/source", "Sources/bom"], embeds: [], frontmatterLinks: ["Sources/crlf"] });
	});

	it("scans SOURCE notes too when the links of sources are asked for (the links command)", () => {
		const ctx = context("Sources", true);
		const r = record("Sources/source.md", ctx);
		expect(r.kind === "read" && r.targets?.links).toEqual(["Notes/n"]);
		expect(needsTargets({ kind: "read", frontmatter: null, targets: null }, ctx)).toBe(true);
		expect(needsTargets(r, ctx)).toBe(false);
		expect(needsTargets({ kind: "read", frontmatter: null, targets: null }, context("Sources"))).toBe(false);
	});

	it("gives the same record from the frontmatter cut out of the bytes as from the whole text", () => {
		for (const folder of ["Sources", ""]) {
			const ctx = context(folder);
			for (const [path, text] of Object.entries(notes)) {
				const buf = Buffer.from(text, "utf8");
				const cut = decodeNote(buf);
				expect(cut.ok && cut.raw).toBeTruthy();
				expect({ path, r: noteRecord(path, { ok: true, text, bytes: buf.length }, ctx) }).toEqual({ path, r: noteRecord(path, cut, ctx) });
			}
		}
	});
});
