/**
 * The triage queue (docs/reference.md §7): which SOURCE notes need a decision, counts per status,
 * filters and sort orders. Pure: the CLI `queue` command and the sidebar view both
 * call these functions on items built once per source (`toQueueItem`), so filtering
 * and sorting 100k sources compares precomputed keys and never re-reads frontmatter.
 *
 * Decisions (docs/reference.md §7):
 * - A source *needs a decision* when its status is a configured status other than
 *   `integrated` and `archived` (the two statuses docs/reference.md §3 gives a role by name), so the
 *   default list gives `raw` and `in_progress`, and a user's extra working step (say
 *   `reviewing`) joins the queue too. Missing or unconfigured statuses are not in the
 *   default queue (validation reports them); the "all" status filter shows them.
 * - The default order is signal tier (`settings.tierOrder`, most important first,
 *   unknown or missing tiers last), then newest `date_published` first, then title,
 *   then path — a total order, so the queue is stable.
 * - Sorting by date is newest first (what arrived last is freshest to decide on);
 *   `date-oldest` is offered for working through a backlog. Missing or invalid dates
 *   sort last in both directions.
 */
import { isCalendarDate, listOfText, scalarText, type SourceNote } from "./source";
import type { SourceSettings } from "./settings";

const TERMINAL = new Set(["integrated", "archived"]);

/** Status filter values besides a literal status. */
export const STATUS_NEEDS_DECISION = "";
export const STATUS_ANY = "*";
/** The counts key of sources that have no status at all. */
export const NO_STATUS = "(none)";

export type QueueSort = "tier" | "date" | "date-oldest" | "title";
export const QUEUE_SORTS: readonly QueueSort[] = ["tier", "date", "date-oldest", "title"];

/** One source as the queue shows it, with the keys filters and sorts compare. */
export interface QueueItem {
	path: string;
	id: string;
	/** The frontmatter title, or the file's basename when there is none. */
	title: string;
	status: string | null;
	platform: string | null;
	creator: string | null;
	duration: string | null;
	datePublished: string | null;
	signalTier: string | null;
	teleology: string | null;
	notebooklmCategory: string | null;
	topics: string[];
	/** Lower-cased title, creator and topics, for the text filter. */
	readonly haystack: string;
	/** Lower-cased title, for the title sort. */
	readonly titleKey: string;
	/** `YYYY-MM-DD` when the date is one, else "" (sorts last). */
	readonly dateKey: string;
}

export interface QueueFilter {
	/** STATUS_NEEDS_DECISION (default), STATUS_ANY, or one status value. */
	status?: string;
	platform?: string | null;
	signalTier?: string | null;
	teleology?: string | null;
	notebooklmCategory?: string | null;
	/** Words that must all occur (case-insensitive) in title, creator or topics. */
	text?: string;
}

export interface QueueQuery {
	filter?: QueueFilter;
	sort?: QueueSort;
}


function dateText(v: unknown): string | null {
	if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
	return scalarText(v);
}

function basename(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return name.toLowerCase().endsWith(".md") ? name.slice(0, -3) : name;
}

/** The queue's view of one source; built once per source change. */
export function toQueueItem(source: SourceNote): QueueItem {
	const fm = source.frontmatter;
	const title = source.title !== null && source.title.trim() !== "" ? source.title : basename(source.path);
	const creator = scalarText(fm.creator);
	const topics = listOfText(fm.topics);
	const datePublished = dateText(fm.date_published);
	return {
		path: source.path,
		id: source.id,
		title,
		status: source.status,
		platform: source.platform,
		creator,
		duration: scalarText(fm.duration),
		datePublished,
		signalTier: scalarText(fm.signal_tier),
		teleology: scalarText(fm.teleology),
		notebooklmCategory: scalarText(fm.notebooklm_category),
		topics,
		haystack: [title, creator ?? "", ...topics].join("\n").toLowerCase(),
		titleKey: title.toLowerCase(),
		dateKey: datePublished !== null && isCalendarDate(datePublished) ? datePublished : "",
	};
}

/** The configured statuses that need a decision (all but `integrated` and `archived`). */
export function decisionStatuses(settings: Pick<SourceSettings, "statuses">): string[] {
	const out: string[] = [];
	for (const s of settings.statuses) {
		const t = s.trim();
		if (t !== "" && !TERMINAL.has(t) && !out.includes(t)) out.push(t);
	}
	return out;
}

/** Sources per status: every configured status (0 when none), then other values found. */
export function countByStatus(items: Iterable<QueueItem>, settings: Pick<SourceSettings, "statuses">): Record<string, number> {
	const counts: Record<string, number> = {};
	for (const s of settings.statuses) if (s.trim() !== "") counts[s.trim()] = 0;
	const others = new Map<string, number>();
	for (const item of items) {
		const key = item.status ?? NO_STATUS;
		if (key in counts) counts[key] = (counts[key] ?? 0) + 1;
		else others.set(key, (others.get(key) ?? 0) + 1);
	}
	for (const key of [...others.keys()].sort()) counts[key] = others.get(key) ?? 0;
	return counts;
}

/** The distinct values of a field among the items, sorted case-insensitively (for dropdowns). */
export function facetValues(items: Iterable<QueueItem>, field: "status" | "platform" | "signalTier" | "teleology" | "notebooklmCategory"): string[] {
	const seen = new Set<string>();
	for (const item of items) {
		const v = item[field];
		if (v !== null && v !== "") seen.add(v);
	}
	return [...seen].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase()) || (a < b ? -1 : a > b ? 1 : 0));
}

/** A predicate for one filter, built once so testing 100k items does no setup per item. */
export function itemMatcher(filter: QueueFilter, settings: Pick<SourceSettings, "statuses">): (item: QueueItem) => boolean {
	const status = filter.status ?? STATUS_NEEDS_DECISION;
	const open = new Set(decisionStatuses(settings));
	const words = (filter.text ?? "").toLowerCase().split(/\s+/).filter((w) => w !== "");
	const fields: [keyof QueueItem, string][] = [];
	if (filter.platform) fields.push(["platform", filter.platform]);
	if (filter.signalTier) fields.push(["signalTier", filter.signalTier]);
	if (filter.teleology) fields.push(["teleology", filter.teleology]);
	if (filter.notebooklmCategory) fields.push(["notebooklmCategory", filter.notebooklmCategory]);
	return (item) => {
		if (status === STATUS_NEEDS_DECISION) {
			if (item.status === null || !open.has(item.status)) return false;
		} else if (status !== STATUS_ANY && (item.status ?? NO_STATUS) !== status) return false;
		for (const [key, value] of fields) if (item[key] !== value) return false;
		for (const w of words) if (!item.haystack.includes(w)) return false;
		return true;
	};
}

function byText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** Rank of an item's signal tier in `settings.tierOrder` (case-insensitive); unknown tiers, then none, last. */
export function tierRanker(settings: Pick<SourceSettings, "tierOrder">): (item: QueueItem) => number {
	const rank = new Map<string, number>();
	settings.tierOrder.forEach((t, i) => {
		const key = t.trim().toLowerCase();
		if (key !== "" && !rank.has(key)) rank.set(key, i);
	});
	const unknown = settings.tierOrder.length + 1;
	return (item) => (item.signalTier === null ? unknown + 1 : (rank.get(item.signalTier) ?? rank.get(item.signalTier.trim().toLowerCase()) ?? unknown));
}

const newest = (a: QueueItem, b: QueueItem) => (a.dateKey === b.dateKey ? 0 : a.dateKey === "" ? 1 : b.dateKey === "" ? -1 : byText(b.dateKey, a.dateKey));
const oldest = (a: QueueItem, b: QueueItem) => (a.dateKey === b.dateKey ? 0 : a.dateKey === "" ? 1 : b.dateKey === "" ? -1 : byText(a.dateKey, b.dateKey));
const byTitle = (a: QueueItem, b: QueueItem) => byText(a.titleKey, b.titleKey) || byText(a.path, b.path);

/** A comparator for one sort order; every order ends in title then path (a total order). */
export function itemComparator(sort: QueueSort, settings: Pick<SourceSettings, "tierOrder">): (a: QueueItem, b: QueueItem) => number {
	switch (sort) {
		case "date":
			return (a, b) => newest(a, b) || byTitle(a, b);
		case "date-oldest":
			return (a, b) => oldest(a, b) || byTitle(a, b);
		case "title":
			return byTitle;
		case "tier":
		default: {
			const tierOf = tierRanker(settings);
			return (a, b) => tierOf(a) - tierOf(b) || newest(a, b) || byTitle(a, b);
		}
	}
}

/** The queue: the items matching the filter, in the sort order (default: needs a decision, by tier). */
export function queueOf(items: Iterable<QueueItem>, query: QueueQuery, settings: Pick<SourceSettings, "statuses" | "tierOrder">): QueueItem[] {
	const matches = itemMatcher(query.filter ?? {}, settings);
	const out: QueueItem[] = [];
	for (const item of items) if (matches(item)) out.push(item);
	return out.sort(itemComparator(query.sort ?? "tier", settings));
}

/**
 * All items kept in one sort order and updated per change: removing or inserting an
 * item is a binary search plus one array splice, so a live update of a 100k-source
 * queue never re-sorts it. Filters then take one linear pass over `items`.
 */
export class OrderedItems {
	private list: QueueItem[] = [];

	constructor(private readonly compare: (a: QueueItem, b: QueueItem) => number) {}

	reset(items: Iterable<QueueItem>): void {
		this.list = [...items].sort(this.compare);
	}

	get items(): readonly QueueItem[] {
		return this.list;
	}

	/** Replace `before` (the item as it was, or undefined) with `after` (or nothing). */
	update(before: QueueItem | undefined, after: QueueItem | undefined): void {
		if (before) {
			const i = this.lowerBound(before);
			const at = this.list[i] === before ? i : this.list.indexOf(before);
			if (at >= 0) this.list.splice(at, 1);
		}
		if (after) this.list.splice(this.lowerBound(after), 0, after);
	}

	private lowerBound(item: QueueItem): number {
		let lo = 0;
		let hi = this.list.length;
		while (lo < hi) {
			const mid = (lo + hi) >>> 1;
			if (this.compare(this.list[mid] as QueueItem, item) < 0) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}
}

export function isQueueSort(s: string): s is QueueSort {
	return (QUEUE_SORTS as readonly string[]).includes(s);
}
