import fc from "fast-check";
import { applyPlan, planSync, syncNoteText, type SourceSyncPlan } from "../../../src/core/vault/backlinks";
import { textItems } from "../../../src/core/sources/source";
import { readFrontmatter } from "../../../src/core/frontmatter/frontmatter";
import { LinkResolver } from "../../../src/core/vault/links";
import { DEFAULT_SETTINGS, type SourceSettings } from "../../../src/core/sources/settings";
import { SourceIndex } from "../../../src/core/vault/source-index";

const TODAY = "2026-03-01";

/** A vault in memory: note texts, and the resolved links of each note (as resolvedLinks). */
interface MemVault {
	texts: Record<string, string>;
	links: Record<string, string[]>;
}

function source(fields: string, eol = "\n"): string {
	return ["---", ...fields.split("\n"), "---", "", "Body"].join(eol);
}

function build(v: MemVault, settings: SourceSettings = DEFAULT_SETTINGS) {
	const resolver = new LinkResolver(Object.keys(v.texts));
	const index = new SourceIndex(settings);
	for (const [path, text] of Object.entries(v.texts)) {
		const fm = readFrontmatter(text);
		index.setNote(path, fm.ok ? fm.data : null, false);
	}
	for (const [path, dests] of Object.entries(v.links)) {
		const counts: Record<string, number> = {};
		for (const d of dests) counts[d] = (counts[d] ?? 0) + 1;
		index.setLinks(path, counts, false);
	}
	index.bump([]);
	return { resolver, index };
}

/** Plan and apply a full sync over the memory vault; returns the plans. */
function syncOnce(v: MemVault, settings: SourceSettings = DEFAULT_SETTINGS): SourceSyncPlan[] {
	const { resolver, index } = build(v, settings);
	const plans = planSync(index, resolver, settings, TODAY);
	for (const p of plans) {
		const r = applyPlan(v.texts[p.path] as string, p.edits);
		if (r.ok) v.texts[p.path] = r.text;
	}
	return plans;
}

const byPath = (plans: SourceSyncPlan[]) => Object.fromEntries(plans.map((p) => [p.path, p]));

describe("sync planning (docs/reference.md §3, §4, §5)", () => {
	it("adds integrating notes as quoted wikilinks and auto-integrates a raw source", () => {
		const v: MemVault = {
			texts: {
				"Sources/s.md": source("id: SOURCE-1\ntitle: Short\nstatus: raw\ndate_integrated: null\nintegrated_into: []"),
				"Notes/A.md": "see [[s]]",
				"Notes/B.md": "see [[s]]",
			},
			links: { "Notes/A.md": ["Sources/s.md"], "Notes/B.md": ["Sources/s.md"] },
		};
		const plans = syncOnce(v);
		expect(plans).toEqual([
			{
				path: "Sources/s.md",
				edits: [
					{ key: "aliases", value: ["Short"] },
					{ key: "integrated_into", value: ["[[A]]", "[[B]]"] },
					{ key: "status", value: "integrated" },
					{ key: "date_integrated", value: TODAY },
				],
				changes: { aliases: ["Short"], integrated_into: ["[[A]]", "[[B]]"], status: "integrated", date_integrated: TODAY },
				errors: [],
				warnings: [],
			},
		]);
		expect(v.texts["Sources/s.md"]).toBe(
			source(`id: SOURCE-1\ntitle: Short\nstatus: integrated\ndate_integrated: ${TODAY}\nintegrated_into:\n  - "[[A]]"\n  - "[[B]]"\naliases:\n  - "Short"`),
		);
	});

	// Every entry sync writes resolves back, with the same resolver, to the note it stands for.
	it.each<[string, string[], string[], string[]]>([
		["a name with # | [ ] that no wikilink can name is reported, not written", ["Hash#tag.md", "Pipe|bar.md", "Brack[1].md", "Fine.md"], ["[[Fine]]"], ["Hash#tag.md", "Pipe|bar.md", "Brack[1].md"]],
		["a ^ in a name is fine: the link names the note", ["Caret^x.md"], ["[[Caret^x]]"], []],
		["dbl.md.md beside an unrelated dbl.md gets its whole path", ["dbl.md.md"], ["[[dbl.md.md]]"], []],
		["case twins each get their own entry", ["Case.md", "case.md"], ["[[Case]]", "[[case]]"], []],
	])("%s", (_name, integrating, entries, unlisted) => {
		const texts: Record<string, string> = { "s.md": source("id: SOURCE-1\ntitle: s\nstatus: integrated\nintegrated_into: []"), "dbl.md": "" };
		for (const p of integrating) texts[p] = "[[s]]";
		const v: MemVault = { texts, links: Object.fromEntries(integrating.map((p) => [p, ["s.md"]])) };
		const plans = syncOnce(v);
		expect(plans.map((p) => p.warnings.map((w) => w.slice(0, w.indexOf(" links to")))).flat().sort()).toEqual([...unlisted].sort());
		const fm = readFrontmatter(v.texts["s.md"] as string);
		const written = (fm.ok ? textItems(fm.data?.integrated_into) : null) ?? [];
		expect([...written].sort()).toEqual([...entries].sort());
		const { resolver } = build(v);
		for (const entry of written) expect(integrating).toContain(resolver.resolve(entry.slice(2, -2), "s.md"));
		// A second sync writes nothing more and reports the same notes.
		expect(syncOnce(v).every((p) => p.edits.length === 0)).toBe(true);
	});

	it("writes the path without .md when the basename is not unique in the vault", () => {
		const v: MemVault = {
			texts: {
				"s.md": source("id: SOURCE-1\ntitle: s\nstatus: integrated\nintegrated_into: []"),
				"Work/Ideas.md": "[[s]]",
				"Home/Ideas.md": "",
				"Unique.md": "[[s]]",
			},
			links: { "Work/Ideas.md": ["s.md"], "Unique.md": ["s.md"] },
		};
		expect(byPath(syncOnce(v))["s.md"]?.changes).toEqual({ integrated_into: ["[[Unique]]", "[[Work/Ideas]]"] });
	});

	it.each([
		["a path form", "[[Notes/A]]"],
		["an alias", "[[A|my alias]]"],
		["a heading", "[[A#Part 2]]"],
		["another case", "[[a]]"],
		["an embed-style entry", "![[A]]"],
		["a path with .md", "[[Notes/A.md]]"],
	])("counts an existing entry in %s as present", (_, entry) => {
		const v: MemVault = {
			texts: {
				"s.md": source(`id: SOURCE-1\ntitle: s\nstatus: integrated\nintegrated_into:\n  - "${entry}"`),
				"Notes/A.md": "[[s]]",
			},
			links: { "Notes/A.md": ["s.md"] },
		};
		expect(syncOnce(v)).toEqual([]);
	});

	it("keeps existing entries, stale ones included, and appends new ones after them", () => {
		const fields = 'id: SOURCE-1\ntitle: s\nstatus: integrated\nintegrated_into:\n  - "[[Gone]]" # deleted note\n  - plain text\n  - "[[A]]"';
		const v: MemVault = {
			texts: { "s.md": source(fields), "A.md": "[[s]]", "B.md": "[[s]]" },
			links: { "A.md": ["s.md"], "B.md": ["s.md"] },
		};
		syncOnce(v);
		expect(v.texts["s.md"]).toBe(source(fields + '\n  - "[[B]]"'));
	});

	it("does not count self-links, links from other source notes (chain) or excluded folders", () => {
		const settings = { ...DEFAULT_SETTINGS, excludedFolders: ["Inbox"] };
		const v: MemVault = {
			texts: {
				"s.md": source("id: SOURCE-1\ntitle: s\nstatus: raw\nintegrated_into: []\nchain: \"[[s]]\""),
				"t.md": source('id: SOURCE-2\ntitle: t\nstatus: raw\nchain: "[[s]]"'),
				"Inbox/list.md": "[[s]]",
				"Inbox2/real.md": "[[s]]",
				"pic.png": "",
			},
			links: { "s.md": ["s.md"], "t.md": ["s.md"], "Inbox/list.md": ["s.md"], "Inbox2/real.md": ["s.md"], "pic.png": ["s.md"] },
		};
		const plans = byPath(syncOnce(v, settings));
		expect(plans["s.md"]?.changes.integrated_into).toEqual(["[[real]]"]);
		expect(plans["t.md"]?.changes.integrated_into).toBeUndefined();
	});

	describe("auto-integrate (docs/reference.md §3)", () => {
		const base = (status: string, extra = "") => ({
			texts: { "s.md": source(`id: SOURCE-1\ntitle: s\nstatus: ${status}\nintegrated_into: []${extra}`), "A.md": "[[s]]" },
			links: { "A.md": ["s.md"] } as Record<string, string[]>,
		});

		it.each([
			["raw", "integrated"],
			["in_progress", "integrated"],
			["integrated", "integrated"],
			["archived", "archived"],
			["someday", "someday"],
		])("a source that is %s when it gains its first integrating note ends %s", (status, after) => {
			const v = base(status);
			syncOnce(v);
			const read = readFrontmatter(v.texts["s.md"] ?? "");
			expect(read.ok ? read.data?.status : read.reason).toBe(after);
		});

		it("keeps a date_integrated that already holds a date", () => {
			const v = base("in_progress", "\ndate_integrated: 2025-01-02");
			expect(byPath(syncOnce(v))["s.md"]?.changes).toEqual({ integrated_into: ["[[A]]"], status: "integrated" });
		});

		it("does nothing to the status when the setting is off", () => {
			const v = base("raw");
			expect(byPath(syncOnce(v, { ...DEFAULT_SETTINGS, autoIntegrate: false }))["s.md"]?.changes).toEqual({ integrated_into: ["[[A]]"] });
		});

		it("leaves a reopened source reopened while the notes it lists still link to it", () => {
			const v: MemVault = {
				texts: { "s.md": source('id: SOURCE-1\ntitle: s\nstatus: raw\ndate_integrated: null\nintegrated_into:\n  - "[[A]]"'), "A.md": "[[s]]", "B.md": "[[s]]" },
				links: { "A.md": ["s.md"], "B.md": ["s.md"] },
			};
			expect(byPath(syncOnce(v))["s.md"]?.changes).toEqual({ integrated_into: ["[[A]]", "[[B]]"] });
		});

		it("integrates when the listed entries are stale or point at notes that no longer link", () => {
			const v: MemVault = {
				texts: { "s.md": source('id: SOURCE-1\ntitle: s\nstatus: raw\nintegrated_into:\n  - "[[Gone]]"\n  - "[[C]]"'), "A.md": "[[s]]", "C.md": "" },
				links: { "A.md": ["s.md"] },
			};
			expect(byPath(syncOnce(v))["s.md"]?.changes).toEqual({
				integrated_into: ["[[Gone]]", "[[C]]", "[[A]]"],
				status: "integrated",
				date_integrated: TODAY,
			});
		});
	});

	it("refuses a list with non-text items, names it, and still does the other field", () => {
		const v: MemVault = {
			texts: { "s.md": source("id: SOURCE-1\ntitle: Some long title of the talk\nstatus: integrated\nintegrated_into:\n  - [[A]]"), "A.md": "[[s]]", "B.md": "[[s]]" },
			links: { "A.md": ["s.md"], "B.md": ["s.md"] },
		};
		const [plan] = syncOnce(v);
		expect(plan?.errors).toEqual([expect.stringMatching(/integrated_into has an item that is not text/)]);
		expect(Object.keys(plan?.changes ?? {})).toEqual(["aliases"]);
	});

	it("plans only the given paths, and only the given scope", () => {
		const v: MemVault = {
			texts: {
				"s.md": source("id: SOURCE-1\ntitle: One two three four five\nstatus: raw"),
				"t.md": source("id: SOURCE-2\ntitle: Other title here\nstatus: raw"),
				"A.md": "[[s]] [[t]]",
			},
			links: { "A.md": ["s.md", "t.md"] },
		};
		const { index, resolver } = build(v);
		const aliasesOnly = planSync(index, resolver, DEFAULT_SETTINGS, TODAY, { paths: ["s.md", "s.md", "A.md", "nope.md"], scope: { aliases: true, integratedInto: false } });
		expect(aliasesOnly.map((p) => [p.path, Object.keys(p.changes)])).toEqual([["s.md", ["aliases"]]]);
		const linksOnly = planSync(index, resolver, DEFAULT_SETTINGS, TODAY, { scope: { aliases: false, integratedInto: true } });
		expect(linksOnly.map((p) => [p.path, Object.keys(p.changes)])).toEqual([
			["s.md", ["integrated_into", "status", "date_integrated"]],
			["t.md", ["integrated_into", "status", "date_integrated"]],
		]);
	});

	it("keeps CRLF, BOM, comments and flow lists byte-exact outside the changed keys", () => {
		const text = "\uFEFF" + source('id: SOURCE-1 # mine\ntitle: "Quoted title with five words"\nstatus: integrated\naliases: ["x", "y"]\nintegrated_into: [] # filled by sync', "\r\n");
		const v: MemVault = { texts: { "s.md": text, "A.md": "[[s]]" }, links: { "A.md": ["s.md"] } };
		syncOnce(v);
		expect(v.texts["s.md"]).toBe(
			"\uFEFF" + source('id: SOURCE-1 # mine\ntitle: "Quoted title with five words"\nstatus: integrated\naliases: ["x", "y", "Quoted title with five", "Quoted title with five words"]\nintegrated_into:\n  - "[[A]]" # filled by sync', "\r\n"),
		);
	});

	it("re-plans from the current text inside the writer, keeping an alias added meanwhile", () => {
		const text = source('id: SOURCE-1\ntitle: One two three four five\nstatus: raw\naliases:\n  - "typed just now"');
		const r = syncNoteText("s.md", text, [], new LinkResolver(["s.md"]), DEFAULT_SETTINGS, TODAY);
		expect(r.ok && r.text).toBe(source('id: SOURCE-1\ntitle: One two three four five\nstatus: raw\naliases:\n  - "typed just now"\n  - "One two three four"\n  - "One two three four five"'));
		expect(syncNoteText("s.md", "---\nid: SOURCE-1\nid: x\n---\n", [], new LinkResolver([]), DEFAULT_SETTINGS, TODAY)).toEqual({ ok: false, reason: expect.stringMatching(/malformed/) });
	});

	it.each([
		[undefined, []],
		[null, []],
		["", []],
		["one", ["one"]],
		[["a", "", "b"], ["a", "", "b"]],
		[[1, "a", true], ["1", "a", "true"]],
		[[null, "a"], null],
		[[["A"]], null],
		[{ a: 1 }, null],
	])("reads list items of %j as %j", (value, items) => {
		expect(textItems(value)).toEqual(items);
	});

	it("is idempotent: a second sync plans nothing (property)", () => {
		const names = ["A", "B", "a", "Notes/A", "Notes/C", "Work/B", "S1", "S2", "Inbox/x"];
		const arb = fc.record({
			statuses: fc.array(fc.constantFrom("raw", "in_progress", "integrated", "archived"), { minLength: 2, maxLength: 2 }),
			titles: fc.array(fc.string({ maxLength: 40 }), { minLength: 2, maxLength: 2 }),
			existing: fc.array(fc.constantFrom('"[[A]]"', '"[[notes/a|x]]"', '"[[Gone]]"', "plain", '"[[B#h]]"'), { maxLength: 3 }),
			links: fc.array(fc.tuple(fc.constantFrom(...names), fc.constantFrom("S1", "S2")), { maxLength: 12 }),
		});
		fc.assert(
			fc.property(arb, ({ statuses, titles, existing, links }) => {
				const texts: Record<string, string> = {};
				for (const n of names) texts[`${n}.md`] = "";
				["S1", "S2"].forEach((s, i) => {
					const list = existing.length ? "\n" + existing.map((e) => `  - ${e}`).join("\n") : " []";
					texts[`${s}.md`] = source(`id: SOURCE-${s}\ntitle: ${JSON.stringify(titles[i])}\nstatus: ${statuses[i]}\nintegrated_into:${list}`);
				});
				const linkMap: Record<string, string[]> = {};
				for (const [from, to] of links) (linkMap[`${from}.md`] ??= []).push(`${to}.md`);
				const v: MemVault = { texts, links: linkMap };
				const first = syncOnce(v, { ...DEFAULT_SETTINGS, excludedFolders: ["Inbox"] });
				expect(first.every((p) => p.errors.length === 0)).toBe(true);
				const snapshot = { ...v.texts };
				expect(syncOnce(v, { ...DEFAULT_SETTINGS, excludedFolders: ["Inbox"] })).toEqual([]);
				expect(v.texts).toEqual(snapshot);
			}),
			{ numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
		);
	});
});
