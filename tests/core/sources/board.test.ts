import { boardColumns, columnEntries, laneOf, neighbourStatus, NO_LANE, planMoves, refusalText } from "../../../src/core/sources/board";
import { BoardSelection } from "../../../src/core/sources/board-selection";
import { itemComparator, toQueueItem, type QueueItem } from "../../../src/core/sources/queue";
import { DEFAULT_SETTINGS, withDefaults } from "../../../src/core/sources/settings";
import { toSourceNote } from "../../../src/core/sources/source";

function item(name: string, fm: Record<string, unknown>): QueueItem {
	const source = toSourceNote(`Sources/${name}.md`, { id: `SOURCE-${name}`, ...fm }, DEFAULT_SETTINGS);
	if (!source) throw new Error("not a source");
	return toQueueItem(source);
}

const ITEMS: QueueItem[] = [
	item("a", { title: "Alpha talk", status: "raw", signal_tier: "high", creator: "a16z", notebooklm_category: "ai", date_published: "2025-01-10" }),
	item("b", { title: "Beta interview", status: "in_progress", signal_tier: "paradigm", creator: "Lex" }),
	item("c", { title: "Gamma", status: "raw", signal_tier: "low", date_published: "2025-03-01" }),
	item("d", { title: "Delta", status: "integrated", signal_tier: "paradigm" }),
	item("e", { title: "Epsilon", status: "archived", platform: "podcast" }),
	item("f", { title: "Zeta", status: "done", signal_tier: "high" }),
	item("g", { title: "Eta" }),
	item("h", { title: "Theta", status: "raw", notebooklm_category: "strategy" }),
].sort(itemComparator("tier", DEFAULT_SETTINGS));

const names = (items: readonly QueueItem[]) => items.map((i) => i.id.slice("SOURCE-".length)).join("");

describe("board columns", () => {
	it("has one column per configured status, in the configured order, then other values and (none) last", () => {
		const columns = boardColumns(ITEMS, {}, DEFAULT_SETTINGS);
		expect(columns.map((c) => [c.status, c.configured, names(c.items)])).toEqual([
			["raw", true, "ach"],
			["in_progress", true, "b"],
			["integrated", true, "d"],
			["archived", true, "e"],
			["done", false, "f"],
			["(none)", false, "g"],
		]);
	});

	it("shows every configured status even when no source has it", () => {
		const settings = withDefaults({ statuses: ["raw", "in_progress", "reviewing", "integrated", "archived"] });
		const columns = boardColumns([], {}, settings);
		expect(columns.map((c) => `${c.status}:${c.items.length}:${c.total}`)).toEqual(["raw:0:0", "in_progress:0:0", "reviewing:0:0", "integrated:0:0", "archived:0:0"]);
	});

	it("applies the queue's filters and text filter, keeping each column's total", () => {
		const columns = boardColumns(ITEMS, { text: "alpha", status: "in_progress" }, DEFAULT_SETTINGS);
		// The status filter of the queue is ignored: the columns are the statuses.
		expect(columns.find((c) => c.status === "raw")).toMatchObject({ total: 3 });
		expect(names(columns.find((c) => c.status === "raw")!.items)).toBe("a");
		expect(columns.find((c) => c.status === "in_progress")).toMatchObject({ items: [], total: 1 });
		expect(names(boardColumns(ITEMS, { signalTier: "paradigm" }, DEFAULT_SETTINGS).flatMap((c) => c.items))).toBe("bd");
	});
});

describe("swimlanes", () => {
	const raw = boardColumns(ITEMS, {}, DEFAULT_SETTINGS)[0]!.items;

	it("lists cards as they are when lanes are off", () => {
		expect(columnEntries(raw, "none", DEFAULT_SETTINGS).map((e) => (e.kind === "card" ? e.item.title : e.lane))).toEqual(["Alpha talk", "Gamma", "Theta"]);
	});

	it("groups by signal tier in the tier order setting, sources without a tier last", () => {
		const rows = columnEntries(raw, "signalTier", DEFAULT_SETTINGS).map((e) => (e.kind === "lane" ? `[${e.lane} ${e.count}]` : e.item.title));
		expect(rows).toEqual(["[high 1]", "Alpha talk", "[low 1]", "Gamma", `[${NO_LANE} 1]`, "Theta"]);
	});

	it("groups by NotebookLM category by name", () => {
		const rows = columnEntries(raw, "notebooklmCategory", DEFAULT_SETTINGS).map((e) => (e.kind === "lane" ? `[${e.lane}]` : e.item.title));
		expect(rows).toEqual(["[ai]", "Alpha talk", "[strategy]", "Theta", `[${NO_LANE}]`, "Gamma"]);
		expect(laneOf(ITEMS.find((i) => i.title === "Gamma")!, "notebooklmCategory")).toBe(NO_LANE);
	});
});

describe("moves on the board follow the lifecycle", () => {
	const by = (n: string) => ITEMS.find((i) => i.id === `SOURCE-${n}`)!;

	it("lets raw move forward and refuses archived → in_progress with the rule", () => {
		const plan = planMoves([by("a"), by("e"), by("b")], "in_progress", DEFAULT_SETTINGS);
		expect(plan.moves.map((m) => m.path)).toEqual(["Sources/a.md"]);
		expect(plan.unchanged.map((m) => m.path)).toEqual(["Sources/b.md"]);
		expect(plan.refused).toHaveLength(1);
		expect(refusalText(plan.refused[0]!)).toBe("Epsilon cannot move to in_progress: it is archived; reopen it to raw first.");
	});

	it("refuses going back except by reopening, and archives from anywhere", () => {
		expect(planMoves([by("d")], "in_progress", DEFAULT_SETTINGS).refused[0]?.reason).toMatch(/cannot go back/);
		expect(planMoves([by("d")], "raw", DEFAULT_SETTINGS).moves).toHaveLength(1);
		expect(planMoves([by("a"), by("b"), by("d"), by("f"), by("g")], "archived", DEFAULT_SETTINGS).moves).toHaveLength(5);
	});

	it("finds the previous and next column that takes drops", () => {
		const columns = boardColumns(ITEMS, {}, DEFAULT_SETTINGS);
		expect(neighbourStatus(columns, "raw", 1)).toBe("in_progress");
		expect(neighbourStatus(columns, "raw", -1)).toBeNull();
		expect(neighbourStatus(columns, "archived", 1)).toBeNull();
		expect(neighbourStatus(columns, "integrated", -1)).toBe("in_progress");
	});
});

describe("board selection", () => {
	const layout = [
		["r1", "r2", "r3", "r4"],
		["p1"],
		[],
		["x1", "x2"],
	];
	const make = () => {
		const s = new BoardSelection();
		s.setLayout(layout);
		return s;
	};

	it("click selects one card; Ctrl/Cmd-click adds or removes; Shift-click selects the range in the column", () => {
		const s = make();
		s.click("r2");
		expect(s.paths).toEqual(["r2"]);
		s.click("x1", { toggle: true });
		expect(s.paths).toEqual(["r2", "x1"]);
		s.click("x1", { toggle: true });
		expect(s.paths).toEqual(["r2"]);
		s.click("r2");
		s.click("r4", { range: true });
		expect(s.paths).toEqual(["r2", "r3", "r4"]);
		s.click("p1");
		expect(s.paths).toEqual(["p1"]);
	});

	it("moves the cursor with the keyboard, skipping empty columns; Shift extends; Space toggles", () => {
		const s = make();
		expect(s.cursor).toBe("r1");
		s.moveCursor(0, 1, true);
		s.moveCursor(0, 1, true);
		expect(s.paths).toEqual(["r1", "r2", "r3"]);
		s.moveCursor(1, 0);
		expect(s.cursor).toBe("p1");
		s.moveCursor(1, 0);
		expect(s.cursor).toBe("x1");
		s.toggleCursor();
		expect(s.paths).toEqual(["r1", "r2", "r3", "x1"]);
		s.clear();
		expect(s.targets()).toEqual(["x1"]);
	});

	it("follows the board: moved cards stay selected, deleted ones leave the selection, the cursor follows its card", () => {
		const s = make();
		s.click("r1");
		s.click("r2", { toggle: true });
		s.setLayout([["r3", "r4"], ["r1", "r2", "p1"], [], ["x1", "x2"]]);
		expect(s.paths).toEqual(["r1", "r2"]);
		expect(s.cursorPosition).toEqual({ column: 1, index: 1 });
		s.setLayout([["r3"], [], [], []]);
		expect(s.paths).toEqual([]);
		expect(s.cursor).toBe("r3");
	});

	it("selects a whole column with Ctrl/Cmd+A", () => {
		const s = make();
		s.selectColumn();
		expect(s.paths).toEqual(["r1", "r2", "r3", "r4"]);
	});
});
