import { allowedTargets, localToday, refusal, reopenStatus, transition, transitionNote } from "../../../src/core/sources/lifecycle";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";
import { seedNote } from "../../helpers/fixtures";

const S = DEFAULT_SETTINGS;
const TODAY = "2026-11-23";
const note = (fields: string, eol = "\n", bom = "") => bom + ["---", ...fields.split("\n"), "---", "", "# Body", "text"].join(eol);

describe("lifecycle transitions (default statuses)", () => {
	// from → to: allowed?  Forward along raw → in_progress → integrated, archive from anywhere,
	// reopen to raw from anywhere; the same status is a no-op; nothing else.
	const table: [string, string, boolean][] = [
		["raw", "raw", true],
		["raw", "in_progress", true],
		["raw", "integrated", true],
		["raw", "archived", true],
		["in_progress", "raw", true],
		["in_progress", "in_progress", true],
		["in_progress", "integrated", true],
		["in_progress", "archived", true],
		["integrated", "raw", true],
		["integrated", "in_progress", false],
		["integrated", "integrated", true],
		["integrated", "archived", true],
		["archived", "raw", true],
		["archived", "in_progress", false],
		["archived", "integrated", false],
		["archived", "archived", true],
	];

	it.each(table)("%s → %s allowed: %s", (from, to, ok) => {
		expect(refusal(from, to, S) === null).toBe(ok);
		const r = transition({ status: from, date_integrated: null }, to, S, TODAY);
		expect(r.ok).toBe(ok);
		if (!r.ok) expect(r.reason).toMatch(new RegExp(`cannot set status to "${to}"`));
	});

	it.each(table)("%s → %s writes exactly the keys it must", (from, to, ok) => {
		const r = transition({ status: from, date_integrated: null }, to, S, TODAY);
		if (!ok || !r.ok) return expect(r.ok).toBe(false);
		const expected =
			from === to
				? []
				: to === "integrated"
					? [{ key: "status", value: to }, { key: "date_integrated", value: TODAY }]
					: [{ key: "status", value: to }];
		expect(r.edits).toEqual(expected);
	});

	it("lists the allowed next states in configured order", () => {
		expect(allowedTargets("raw", S)).toEqual(["in_progress", "integrated", "archived"]);
		expect(allowedTargets("in_progress", S)).toEqual(["raw", "integrated", "archived"]);
		expect(allowedTargets("integrated", S)).toEqual(["raw", "archived"]);
		expect(allowedTargets("archived", S)).toEqual(["raw"]);
		expect(allowedTargets(null, S)).toEqual(["raw", "archived"]);
		expect(allowedTargets("done", S)).toEqual(["raw", "archived"]);
	});

	it.each([["done"], [""], ["Integrated"], ["RAW"]])("refuses the unknown status %j with a message naming the configured ones", (to) => {
		const r = transition({ status: "raw" }, to, S, TODAY);
		expect(r).toEqual({ ok: false, reason: expect.stringContaining("raw, in_progress, integrated, archived"), request: true });
	});

	it("lets a note with a missing or unknown status be reopened or archived only", () => {
		expect(transition({}, "raw", S, TODAY)).toMatchObject({ ok: true, from: null, edits: [{ key: "status", value: "raw" }] });
		expect(transition({ status: "done" }, "archived", S, TODAY)).toMatchObject({ ok: true, from: "done" });
		expect(transition({ status: "done" }, "integrated", S, TODAY)).toMatchObject({ ok: false, reason: expect.stringMatching(/not configured.*reopened/) });
		expect(transition({}, "in_progress", S, TODAY)).toMatchObject({ ok: false, reason: expect.stringMatching(/no status/) });
	});
});

describe("date_integrated", () => {
	it.each<[string, Record<string, unknown>, string, unknown]>([
		["sets today when entering integrated", { status: "raw", date_integrated: null }, "integrated", TODAY],
		["adds the key when it is missing", { status: "in_progress" }, "integrated", TODAY],
		["keeps a date it already holds", { status: "raw", date_integrated: "2025-01-02" }, "integrated", undefined],
		["replaces a value that is not a date", { status: "raw", date_integrated: "soon" }, "integrated", TODAY],
		["is set to null on reopening", { status: "integrated", date_integrated: "2025-01-02" }, "raw", null],
		["is not added on reopening", { status: "integrated" }, "raw", undefined],
		["is left alone when already null on reopening", { status: "integrated", date_integrated: null }, "raw", undefined],
		["is kept when archiving", { status: "integrated", date_integrated: "2025-01-02" }, "archived", undefined],
		["is not touched when starting", { status: "raw", date_integrated: "2025-01-02" }, "in_progress", undefined],
	])("%s", (_name, fm, to, date) => {
		const r = transition(fm, to, S, TODAY);
		if (!r.ok) throw new Error(r.reason);
		const edit = r.edits.find((e) => e.key === "date_integrated");
		expect(edit?.value).toBe(date);
		expect(edit === undefined).toBe(date === undefined);
	});

	it("refuses a today that is not a date", () => {
		expect(transition({ status: "raw" }, "integrated", S, "23/11/2026").ok).toBe(false);
	});
});

describe("custom status lists (roles by name)", () => {
	const reviewing = { statuses: ["raw", "in_progress", "reviewing", "integrated", "archived"] };
	it.each<[string, string, boolean]>([
		["in_progress", "reviewing", true],
		["raw", "reviewing", true],
		["reviewing", "integrated", true],
		["reviewing", "in_progress", false],
		["integrated", "reviewing", false],
		["reviewing", "raw", true],
		["reviewing", "archived", true],
		["archived", "reviewing", false],
	])("with reviewing added: %s → %s allowed: %s", (from, to, ok) => {
		expect(refusal(from, to, reviewing) === null).toBe(ok);
	});

	it("reopens to raw wherever it sits, else to the first status", () => {
		expect(reopenStatus({ statuses: ["in_progress", "raw", "integrated"] })).toBe("raw");
		expect(reopenStatus({ statuses: ["inbox", "doing", "integrated", "archived"] })).toBe("inbox");
		expect(refusal("doing", "inbox", { statuses: ["inbox", "doing", "integrated", "archived"] })).toBeNull();
	});

	it("clears date_integrated when reopening to a renamed first status", () => {
		const r = transition({ status: "integrated", date_integrated: "2025-01-02" }, "inbox", { statuses: ["inbox", "integrated"] }, TODAY);
		expect(r).toMatchObject({ ok: true, edits: [{ key: "status", value: "inbox" }, { key: "date_integrated", value: null }] });
	});

	it("refuses archiving when archived is not configured", () => {
		expect(refusal("raw", "archived", { statuses: ["raw", "integrated"] })).toMatch(/not a configured status/);
	});
});

describe("transitionNote (byte-exact)", () => {
	const roundTrip = (name: string, text: string) =>
		it(`${name}: integrate then reopen gives back the original bytes`, () => {
			const a = transitionNote(text, "integrated", S, TODAY);
			if (!a.ok) throw new Error(a.reason);
			expect(a.changed).toBe(true);
			const b = transitionNote(a.text, "raw", S, TODAY);
			if (!b.ok) throw new Error(b.reason);
			expect(b.text).toBe(text);
		});

	roundTrip("the seed note", seedNote());
	roundTrip(
		"CRLF with comments",
		note('id: SOURCE-x # my id\n# a comment line\nstatus: raw   # captured today\ntitle: "X"\ndate_integrated: null # set by plugin\ntopics: [a, b]', "\r\n"),
	);
	roundTrip("a BOM note", note("id: SOURCE-b\nstatus: 'raw'\ndate_integrated: null\ntitle: B", "\n", "\uFEFF"));
	roundTrip("BOM + CRLF", note("id: SOURCE-b\nstatus: \"raw\"\ndate_integrated: null", "\r\n", "\uFEFF"));

	it("changes exactly the status and date lines on the seed", () => {
		const seed = seedNote();
		const r = transitionNote(seed, "integrated", S, TODAY);
		if (!r.ok) throw new Error(r.reason);
		const before = seed.split("\n");
		const after = r.text.split("\n");
		expect(after).toHaveLength(before.length);
		const diff = before.flatMap((l, i) => (l === after[i] ? [] : [[l, after[i]]]));
		expect(diff).toEqual([
			["status: raw", "status: integrated"],
			["date_integrated: null", `date_integrated: ${TODAY}`],
		]);
	});

	it("keeps CRLF, comments and quoting on the changed lines", () => {
		const text = note('id: SOURCE-x\nstatus: "raw" # captured\ndate_integrated: null # when', "\r\n");
		const r = transitionNote(text, "integrated", S, TODAY);
		if (!r.ok) throw new Error(r.reason);
		expect(r.text).toBe(note(`id: SOURCE-x\nstatus: "integrated" # captured\ndate_integrated: ${TODAY} # when`, "\r\n"));
	});

	it("appends a missing date_integrated key at the end of the frontmatter on integrate", () => {
		const text = note("id: SOURCE-m\nstatus: in_progress\ntitle: M", "\r\n", "\uFEFF");
		const r = transitionNote(text, "integrated", S, TODAY);
		if (!r.ok) throw new Error(r.reason);
		expect(r.text).toBe(note(`id: SOURCE-m\nstatus: integrated\ntitle: M\ndate_integrated: ${TODAY}`, "\r\n", "\uFEFF"));
		// Reopening keeps the key (set to null): it never removes keys.
		const back = transitionNote(r.text, "raw", S, TODAY);
		if (!back.ok) throw new Error(back.reason);
		expect(back.text).toBe(note("id: SOURCE-m\nstatus: raw\ntitle: M\ndate_integrated: null", "\r\n", "\uFEFF"));
	});

	it("adds no date_integrated key when reopening a note without one", () => {
		const text = note("id: SOURCE-n\nstatus: archived");
		const r = transitionNote(text, "raw", S, TODAY);
		expect(r).toMatchObject({ ok: true, text: note("id: SOURCE-n\nstatus: raw") });
	});

	it("returns the same text for a transition to the current status", () => {
		const text = seedNote();
		expect(transitionNote(text, "raw", S, TODAY)).toMatchObject({ ok: true, text, changed: false, edits: [] });
	});

	it.each([
		["an unknown status", note("id: SOURCE-x\nstatus: raw"), "done", /not a configured status/],
		["a refused transition", note("id: SOURCE-x\nstatus: archived"), "integrated", /archived; reopen/],
		["malformed YAML", note("id: SOURCE-x\nstatus: raw\nstatus: raw"), "integrated", /malformed/],
		["no frontmatter", "# just a note\n", "integrated", /no frontmatter/],
	])("refuses %s with a reason and no text", (_name, text, to, reason) => {
		const r = transitionNote(text, to, S, TODAY);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.reason).toMatch(reason);
		expect(r).not.toHaveProperty("text");
	});
});

describe("localToday", () => {
	it("is the local calendar date as YYYY-MM-DD", () => {
		expect(localToday(new Date(2026, 0, 2, 23, 59))).toBe("2026-01-02");
		expect(localToday(new Date(2024, 1, 29, 0, 0))).toBe("2024-02-29");
	});
});
