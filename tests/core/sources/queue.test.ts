import {
	countByStatus,
	itemComparator,
	OrderedItems,
	decisionStatuses,
	facetValues,
	NO_STATUS,
	queueOf,
	STATUS_ANY,
	toQueueItem,
	type QueueFilter,
	type QueueItem,
	type QueueSort,
} from "../../../src/core/sources/queue";
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/core/sources/settings";
import { toSourceNote } from "../../../src/core/sources/source";
import { readFrontmatter } from "../../../src/core/frontmatter/frontmatter";
import { seedNote } from "../../helpers/fixtures";

function item(name: string, fm: Record<string, unknown>): QueueItem {
	const source = toSourceNote(`Sources/${name}.md`, { id: `SOURCE-${name}`, ...fm }, DEFAULT_SETTINGS);
	if (!source) throw new Error("not a source");
	return toQueueItem(source);
}

const ITEMS: QueueItem[] = [
	item("a", { title: "Alpha talk", status: "raw", platform: "youtube", signal_tier: "high", date_published: "2025-01-10", creator: "a16z", topics: ["ai", "scaling"], teleology: "implement", notebooklm_category: "ai-engineering" }),
	item("b", { title: "beta interview", status: "in_progress", platform: "podcast", signal_tier: "paradigm", date_published: "2024-06-01", creator: "Lex", topics: ["physics"], teleology: "understand" }),
	item("c", { title: "Gamma", status: "raw", platform: "youtube", signal_tier: "low", date_published: "2025-03-01", creator: "Two Minute Papers" }),
	item("d", { title: "Delta", status: "integrated", platform: "youtube", signal_tier: "paradigm", date_published: "2025-05-05" }),
	item("e", { title: "Epsilon", status: "archived", platform: "podcast", signal_tier: "high" }),
	item("f", { title: "Zeta", status: "raw", platform: "youtube", signal_tier: "mystery", date_published: "not a date" }),
	item("g", { title: "Eta", status: "raw", platform: "youtube", date_published: "2025-02-02" }),
	item("h", { title: "Theta", status: "done", platform: "youtube", signal_tier: "high" }),
	item("i", { title: "Iota", platform: "youtube", signal_tier: "high" }),
	item("j", { title: "alpha talk", status: "raw", platform: "youtube", signal_tier: "high", date_published: "2025-01-10" }),
];

const ids = (items: QueueItem[]) => items.map((i) => i.id.slice("SOURCE-".length)).join("");

describe("queue items", () => {
	it("read the seed note's fields for the list and the filters", () => {
		const text = seedNote();
		const fm = readFrontmatter(text);
		if (!fm.ok || !fm.data) throw new Error("seed frontmatter");
		const source = toSourceNote("Sources/seed.md", fm.data, DEFAULT_SETTINGS)!;
		const it = toQueueItem(source);
		expect(it).toMatchObject({
			path: "Sources/seed.md",
			id: "SOURCE-20251128-973",
			status: "raw",
			platform: "youtube",
			creator: "a16z",
			duration: "53m 23s",
			datePublished: "2025-11-28",
			signalTier: "paradigm",
			teleology: "implement",
			notebooklmCategory: "ai-engineering",
			topics: ["openai", "builds", "800", "million", "weekly"],
		});
	});

	it("fall back to the file's basename when the title is missing or blank", () => {
		expect(item("x", { status: "raw" }).title).toBe("x");
		expect(item("y", { status: "raw", title: "   " }).title).toBe("y");
	});

	it("read a date written as a YAML date object", () => {
		expect(item("z", { status: "raw", date_published: new Date(Date.UTC(2025, 10, 28)) }).datePublished).toBe("2025-11-28");
	});
});

describe("statuses that need a decision", () => {
	it.each([
		[["raw", "in_progress", "integrated", "archived"], ["raw", "in_progress"]],
		[["raw", "in_progress", "reviewing", "integrated", "archived"], ["raw", "in_progress", "reviewing"]],
		[["inbox", "integrated"], ["inbox"]],
		[[" raw ", "raw", "", "archived"], ["raw"]],
	])("are the configured statuses %j minus integrated and archived: %j", (statuses, expected) => {
		expect(decisionStatuses({ statuses })).toEqual(expected);
	});
});

describe("counts per status", () => {
	it("list every configured status (0 when none), then other values found, then sources without a status", () => {
		expect(countByStatus(ITEMS, DEFAULT_SETTINGS)).toEqual({ raw: 5, in_progress: 1, integrated: 1, archived: 1, done: 1, [NO_STATUS]: 1 });
	});

	it("count statuses named like Object's own properties as any other (constructor, toString, __proto__)", () => {
		const items = ["constructor", "toString", "valueOf", "hasOwnProperty", "constructor", "__proto__"].map((status, i) => item(`p${i}`, { title: "T", status }));
		const counts = countByStatus(items, withDefaults({ statuses: ["raw", "__proto__"] }));
		expect(Object.entries(counts)).toEqual([
			["raw", 0],
			["__proto__", 1],
			["constructor", 2],
			["hasOwnProperty", 1],
			["toString", 1],
			["valueOf", 1],
		]);
		expect(JSON.stringify(counts)).toBe('{"raw":0,"__proto__":1,"constructor":2,"hasOwnProperty":1,"toString":1,"valueOf":1}');
	});

	it("keep the configured order and zeros", () => {
		const counts = countByStatus([], withDefaults({ statuses: ["b", "a"] }));
		expect(Object.entries(counts)).toEqual([["b", 0], ["a", 0]]);
	});
});

describe("filters", () => {
	it.each<[string, QueueFilter, string]>([
		["default: raw and in_progress only, in default order", {}, "bajcfg"],
		["any status, including unknown and missing", { status: STATUS_ANY }, "dbajeihcfg"],
		["one status", { status: "in_progress" }, "b"],
		["an unconfigured status", { status: "done" }, "h"],
		["sources without a status", { status: NO_STATUS }, "i"],
		["platform", { platform: "podcast" }, "b"],
		["signal tier", { signalTier: "low" }, "c"],
		["teleology", { teleology: "implement" }, "a"],
		["notebooklm category", { notebooklmCategory: "ai-engineering" }, "a"],
		["text in the title, case-insensitive", { text: "ALPHA" }, "aj"],
		["text in the creator", { text: "two minute" }, "c"],
		["text in the topics", { text: "physics" }, "b"],
		["every word must match", { text: "alpha scaling" }, "a"],
		["filters combine", { platform: "youtube", text: "talk" }, "aj"],
		["no match", { text: "nothing like this" }, ""],
	])("%s", (_name, filter, expected) => {
		expect(ids(queueOf(ITEMS, { filter }, DEFAULT_SETTINGS))).toBe(expected);
	});

	it("follow the configured statuses", () => {
		const settings = withDefaults({ statuses: ["raw", "in_progress", "done", "integrated", "archived"] });
		expect(ids(queueOf(ITEMS, {}, settings))).toBe("bajhcfg");
	});
});

describe("sort orders", () => {
	it.each<[QueueSort, string]>([
		// paradigm, high (newest first, then title, then path), low, unknown tier, no tier
		["tier", "bajcfg"],
		// newest first; missing or invalid dates last, by title
		["date", "cgajbf"],
		["date-oldest", "bajgcf"],
		// case-insensitive title, then path
		["title", "ajbgcf"],
	])("%s", (sort, expected) => {
		expect(ids(queueOf(ITEMS, { sort }, DEFAULT_SETTINGS))).toBe(expected);
	});

	it.each(["2099-99-99", "2025-13-45", "2025-02-30", "2025-01-02T05:00"])("puts an invalid date_published (%s) with the missing ones, last", (bad) => {
		const items = [
			item("v", { title: "Valid", status: "raw", signal_tier: "high", date_published: "2025-11-28" }),
			item("x", { title: "Invalid", status: "raw", signal_tier: "high", date_published: bad }),
			item("o", { title: "Old", status: "raw", signal_tier: "high", date_published: "2020-01-01" }),
		];
		for (const sort of ["tier", "date", "date-oldest"] as QueueSort[]) expect(ids(queueOf(items, { sort }, DEFAULT_SETTINGS)).endsWith("x")).toBe(true);
	});

	it("uses the configured tier order, matched case-insensitively", () => {
		const settings = withDefaults({ tierOrder: ["Low", "mystery", "high"] });
		expect(ids(queueOf(ITEMS, { sort: "tier" }, settings))).toBe("cfajbg");
	});

	it("gives the same order whatever the input order (stable queue)", () => {
		const forward = ids(queueOf(ITEMS, { filter: { status: STATUS_ANY } }, DEFAULT_SETTINGS));
		const backward = ids(queueOf([...ITEMS].reverse(), { filter: { status: STATUS_ANY } }, DEFAULT_SETTINGS));
		expect(backward).toBe(forward);
	});
});

describe("facet values", () => {
	it("are the distinct values present, sorted, without empties", () => {
		expect(facetValues(ITEMS, "platform")).toEqual(["podcast", "youtube"]);
		expect(facetValues(ITEMS, "signalTier")).toEqual(["high", "low", "mystery", "paradigm"]);
		expect(facetValues(ITEMS, "status")).toEqual(["archived", "done", "in_progress", "integrated", "raw"]);
	});
});

describe("ordered items", () => {
	it("stay in the queue order through inserts, removals and replacements", () => {
		const compare = itemComparator("tier", DEFAULT_SETTINGS);
		const ordered = new OrderedItems(compare);
		ordered.reset(ITEMS.slice(0, 5));
		const current = new Map(ITEMS.slice(0, 5).map((i) => [i.path, i]));
		const steps: [string, QueueItem | undefined][] = [
			["Sources/f.md", ITEMS[5]],
			["Sources/a.md", undefined],
			["Sources/b.md", item("b", { title: "Beta moved", status: "raw", signal_tier: "low", date_published: "2026-01-01" })],
			["Sources/z.md", item("z", { title: "New", status: "raw", signal_tier: "paradigm" })],
			["Sources/c.md", item("c", { title: "Gamma", status: "raw", platform: "youtube", signal_tier: "low", date_published: "2025-03-01" })],
			["Sources/nope.md", undefined],
		];
		for (const [path, next] of steps) {
			ordered.update(current.get(path), next);
			if (next) current.set(next.path, next);
			else current.delete(path);
			expect(ordered.items.map((i) => i.path)).toEqual([...current.values()].sort(compare).map((i) => i.path));
		}
	});
});
