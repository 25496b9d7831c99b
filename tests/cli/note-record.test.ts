/**
 * A load worker leaves notes with a SOURCE id line to the main thread as their frontmatter
 * text (`head` records). Completed there, they give exactly the record the whole note gives,
 * or ask for the note to be read again when its links count after all.
 */
import { decodeNote } from "../../src/cli/folder-vault";
import { noteRecord, recordOfHead, type RecordContext } from "../../src/cli/note-record";
import { LinkResolver } from "../../src/core/vault/links";
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
	return { settings: withDefaults({ sourceFolder }), resolver: new LinkResolver(Object.keys(notes)), linksOfSources };
}

describe("records a load worker leaves to the main thread", () => {
	for (const [folder, linksOfSources] of [["Sources", false], ["", false], ["Sources", true]] as const) {
		it(`complete to the same record as the whole note (source folder "${folder}", links of sources: ${linksOfSources})`, () => {
			const ctx = context(folder, linksOfSources);
			for (const [path, text] of Object.entries(notes)) {
				const read = () => decodeNote(Buffer.from(text, "utf8"));
				const whole = noteRecord(path, read(), ctx);
				const deferred = noteRecord(path, read(), ctx, () => true);
				const completed = deferred.kind === "head" ? (recordOfHead(path, deferred.head, ctx) ?? noteRecord(path, read(), ctx)) : deferred;
				expect({ path, record: completed }).toEqual({ path, record: whole });
			}
		});
	}

	it("defers the notes with a SOURCE id line, and only asks for a re-read when their links count", () => {
		const ctx = context("Sources");
		const kinds = Object.fromEntries(
			Object.entries(notes).map(([path, text]) => {
				const r = noteRecord(path, decodeNote(Buffer.from(text, "utf8")), ctx, () => true);
				return [path, r.kind === "head" ? (recordOfHead(path, r.head, ctx) === null ? "head, read again" : "head") : r.kind];
			}),
		);
		expect(kinds).toEqual({
			"Sources/source.md": "head",
			"Sources/crlf.md": "head",
			"Sources/bom.md": "head",
			"Sources/quoted.md": "head",
			"Notes/outside.md": "head, read again",
			"Sources/broken.md": "head",
			"Notes/broken.md": "head",
			"Sources/plain-broken.md": "malformed",
			"Notes/n.md": "read",
			"Notes/none.md": "read",
			"Sources/not-number.md": "read",
		});
	});

	it("keeps a note when the main thread has enough to read already", () => {
		const ctx = context("Sources");
		const r = noteRecord("Sources/source.md", decodeNote(Buffer.from(notes["Sources/source.md"] as string, "utf8")), ctx, () => false);
		expect(r.kind).toBe("read");
	});

	it("never defers when the links of sources are asked for (the links command)", () => {
		const ctx = context("Sources", true);
		const r = noteRecord("Sources/source.md", decodeNote(Buffer.from(notes["Sources/source.md"] as string, "utf8")), ctx, () => true);
		expect(r.kind).toBe("read");
	});
});
