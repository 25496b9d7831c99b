/**
 * The board (docs/board.md): every source by status. Pure: columns from the configured
 * statuses, the cards of each column (the triage queue's items, filters and sort orders,
 * docs/reference.md §7), optional swimlanes, and which moves the lifecycle allows
 * (docs/reference.md §3). The view renders what these functions return.
 *
 * Decisions (docs/board.md):
 * - One column per configured status, in the configured order, empty or not; then one per
 *   other status value found (an unconfigured status, `(none)` for no status), so no source
 *   is hidden. Those extra columns take no drops: they are not statuses a source can enter.
 * - The board shows every status, so the queue filter's status is always "all"; the other
 *   filters and the text filter are the queue's own (`itemMatcher`).
 * - A move is the lifecycle's: `refusal` says why one is not allowed, in the words the
 *   commands use; moving a source to the status it has is no move.
 */
import { configuredStatuses, refusal } from "./lifecycle";
import { itemMatcher, NO_STATUS, STATUS_ANY, tierRanker, type QueueFilter, type QueueItem } from "./queue";
import type { SourceSettings } from "./settings";

type BoardSettings = Pick<SourceSettings, "statuses" | "tierOrder">;

/** What swimlanes group each column by. */
export type LaneField = "none" | "signalTier" | "notebooklmCategory";
export const LANE_FIELDS: readonly LaneField[] = ["none", "signalTier", "notebooklmCategory"];

export function isLaneField(s: unknown): s is LaneField {
	return typeof s === "string" && (LANE_FIELDS as readonly string[]).includes(s);
}

/** The lane of a source without a value in the lane field. */
export const NO_LANE = "(none)";

export interface BoardColumn {
	/** The status of the column (`(none)` for sources without one). */
	status: string;
	/** A configured status: cards may be dropped here. */
	configured: boolean;
	/** The cards shown, in the board's sort order. */
	items: QueueItem[];
	/** Sources of this status before the filters. */
	total: number;
}

/** A row of a column: a swimlane heading or a card. */
export type BoardEntry = { kind: "lane"; lane: string; count: number } | { kind: "card"; item: QueueItem };

/**
 * The columns of the board: `ordered` is every item already in the sort order (the view
 * keeps it so with `OrderedItems`); one pass puts each item in its column.
 */
export function boardColumns(ordered: readonly QueueItem[], filter: QueueFilter, settings: BoardSettings): BoardColumn[] {
	const matches = itemMatcher({ ...filter, status: STATUS_ANY }, settings);
	const columns = new Map<string, BoardColumn>();
	for (const status of configuredStatuses(settings)) columns.set(status, { status, configured: true, items: [], total: 0 });
	const others: BoardColumn[] = [];
	for (const item of ordered) {
		const status = item.status ?? NO_STATUS;
		let column = columns.get(status);
		if (!column) {
			column = { status, configured: false, items: [], total: 0 };
			columns.set(status, column);
			others.push(column);
		}
		column.total++;
		if (matches(item)) column.items.push(item);
	}
	// Unconfigured values after the configured ones, by name; sources without a status last.
	others.sort((a, b) => (a.status === NO_STATUS ? 1 : b.status === NO_STATUS ? -1 : a.status < b.status ? -1 : a.status > b.status ? 1 : 0));
	const out = [...columns.values()].filter((c) => c.configured);
	return out.concat(others);
}

/** The rows of a column: its cards, under a heading per lane when swimlanes are on. */
export function columnEntries(items: readonly QueueItem[], lanes: LaneField, settings: Pick<SourceSettings, "tierOrder">): BoardEntry[] {
	if (lanes === "none") return items.map((item) => ({ kind: "card", item }));
	const groups = new Map<string, QueueItem[]>();
	for (const item of items) {
		const lane = laneOf(item, lanes);
		const group = groups.get(lane);
		if (group) group.push(item);
		else groups.set(lane, [item]);
	}
	const out: BoardEntry[] = [];
	for (const lane of laneOrder([...groups.keys()], lanes, settings)) {
		const group = groups.get(lane) ?? [];
		out.push({ kind: "lane", lane, count: group.length });
		for (const item of group) out.push({ kind: "card", item });
	}
	return out;
}

/** The lane of one source. */
export function laneOf(item: QueueItem, lanes: LaneField): string {
	const value = lanes === "signalTier" ? item.signalTier : lanes === "notebooklmCategory" ? item.notebooklmCategory : null;
	return value === null || value.trim() === "" ? NO_LANE : value;
}

/** Signal tiers in the *Signal tier order* setting, categories by name; `(none)` last. */
function laneOrder(lanes: string[], field: LaneField, settings: Pick<SourceSettings, "tierOrder">): string[] {
	const rankTier = tierRanker(settings);
	const rank = (lane: string) => (lane === NO_LANE ? Number.MAX_SAFE_INTEGER : field === "signalTier" ? rankTier({ signalTier: lane } as QueueItem) : 0);
	return lanes.sort((a, b) => rank(a) - rank(b) || a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0));
}

export interface PlannedMove {
	path: string;
	title: string;
	from: string | null;
	to: string;
}

export interface MovePlan {
	/** Sources the lifecycle lets move, in the order given. */
	moves: PlannedMove[];
	/** Sources it does not, each with the rule that refuses it. */
	refused: (PlannedMove & { reason: string })[];
	/** Sources already in the target status. */
	unchanged: PlannedMove[];
}

/** Which of these sources may move to `to` (docs/reference.md §3), and why the others may not. */
export function planMoves(items: readonly QueueItem[], to: string, settings: Pick<SourceSettings, "statuses">): MovePlan {
	const plan: MovePlan = { moves: [], refused: [], unchanged: [] };
	for (const item of items) {
		const move: PlannedMove = { path: item.path, title: item.title, from: item.status, to };
		if (item.status === to) {
			plan.unchanged.push(move);
			continue;
		}
		const why = refusal(item.status, to, settings);
		if (why) plan.refused.push({ ...move, reason: why });
		else plan.moves.push(move);
	}
	return plan;
}

/** The text of a refusal notice: the source and the rule, as the lifecycle commands say it. */
export function refusalText(move: PlannedMove & { reason: string }): string {
	return `${move.title} cannot move to ${move.to}: ${move.reason}.`;
}

/**
 * The status of the column `delta` steps from `status` (keyboard moves): only columns
 * that take drops count; null past either end.
 */
export function neighbourStatus(columns: readonly BoardColumn[], status: string | null, delta: -1 | 1): string | null {
	const targets = columns.filter((c) => c.configured).map((c) => c.status);
	const at = targets.indexOf(status ?? NO_STATUS);
	if (at < 0) return delta > 0 ? (targets[0] ?? null) : null;
	return targets[at + delta] ?? null;
}
