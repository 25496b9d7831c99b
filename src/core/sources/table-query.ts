/**
 * Source tables (docs/tables-and-export.md): the options of a `source-lifecycle` code block
 * (and of the CLI `table` flags), the sources they select, and the table as Markdown.
 * Pure: the reading-view block and the CLI both read options here, so both refuse the same
 * unknown option, key or value with the same message.
 */
import { isCalendarDate, listOfText, scalarText, type SourceNote } from "./source";
import { itemComparator, toQueueItem, type QueueItem } from "./queue";
import type { SourceSettings } from "./settings";

/** The options of a table, in the order the docs list them. */
export const TABLE_OPTIONS = ["status", "category", "tier", "platform", "columns", "sort", "limit"] as const;
export type TableOption = (typeof TABLE_OPTIONS)[number];

/** The filters: option → the frontmatter key it compares. */
const FILTER_KEYS = { status: "status", category: "notebooklm_category", tier: "signal_tier", platform: "platform" } as const;
type FilterOption = keyof typeof FILTER_KEYS;
const FILTER_OPTIONS = Object.keys(FILTER_KEYS) as FilterOption[];

/** Keys every SOURCE note may have (docs/reference.md §2), so a column of one no note has yet is still known. */
export const SOURCE_KEYS: readonly string[] = [
	"id", "platform", "format", "cadence", "value_modality", "signal_tier", "status", "chain", "topics", "creator", "guest", "title", "url",
	"date_published", "date_processed", "date_integrated", "processing_function", "integrated_into", "duration", "has_transcript",
	"synopsis", "key_insights", "visual_notes", "teleology", "notebooklm_category", "aliases",
];
/** Columns that are not frontmatter keys: the note's vault path and its file name. */
const NOTE_KEYS = ["path", "file"];

export const DEFAULT_COLUMNS: readonly string[] = ["title", "status"];

export interface TableSort {
	key: string;
	descending: boolean;
}

export interface TableQuery {
	/** Per filter option, the values a source must have one of (absent: no filter). */
	filters: Partial<Record<FilterOption, string[]>>;
	columns: string[];
	/** Null: queue order (docs/reference.md §7). */
	sort: TableSort | null;
	limit: number | null;
}

export type TableQueryResult = { ok: true; query: TableQuery } | { ok: false; errors: string[] };

/** What options may name: the values and keys the vault and settings know. */
export interface TableVocabulary {
	values: Record<FilterOption, ReadonlySet<string>>;
	keys: ReadonlySet<string>;
}

/** The vocabulary of these sources: configured statuses and tiers, and every value and key a source has. */
export function tableVocabulary(sources: Iterable<SourceNote>, settings: Pick<SourceSettings, "statuses" | "tierOrder">): TableVocabulary {
	const values: Record<FilterOption, Set<string>> = { status: new Set(settings.statuses), category: new Set(), tier: new Set(settings.tierOrder), platform: new Set() };
	const keys = new Set<string>([...SOURCE_KEYS, ...NOTE_KEYS]);
	for (const source of sources) {
		for (const option of FILTER_OPTIONS) {
			const v = scalarText(source.frontmatter[FILTER_KEYS[option]]);
			if (v !== null && v !== "") values[option].add(v);
		}
		for (const key in source.frontmatter) keys.add(key);
	}
	return { values, keys };
}

/**
 * The options of a code block, one `option: value` per line; blank lines are skipped.
 * A line without a colon is an error naming it.
 */
export function blockOptions(text: string): { entries: [string, string][]; errors: string[] } {
	const entries: [string, string][] = [];
	const errors: string[] = [];
	text.split(/\r?\n/).forEach((line, i) => {
		if (line.trim() === "") return;
		const colon = line.indexOf(":");
		if (colon === -1) errors.push(`line ${i + 1} "${line.trim()}" is not "option: value"`);
		else entries.push([line.slice(0, colon).trim(), line.slice(colon + 1).trim()]);
	});
	return { entries, errors };
}

const commaList = (value: string) => value.split(",").map((v) => v.trim()).filter((v) => v !== "");

/** Names in a message: quoted, comma-separated, sorted for the open-ended sets. */
const names = (list: Iterable<string>, sort = true) => {
	const all = [...list];
	return (sort ? all.sort() : all).join(", ");
};

/** Read options (block lines or CLI flags) into a query; every unknown option, key or value is an error naming it. */
export function readTableOptions(entries: readonly (readonly [string, string])[], vocabulary: TableVocabulary): TableQueryResult {
	const errors: string[] = [];
	const query: TableQuery = { filters: {}, columns: [...DEFAULT_COLUMNS], sort: null, limit: null };
	const seen = new Set<string>();
	for (const [rawName, value] of entries) {
		const name = rawName.toLowerCase();
		if (!(TABLE_OPTIONS as readonly string[]).includes(name)) {
			errors.push(`unknown option "${rawName}" (options: ${names(TABLE_OPTIONS, false)})`);
			continue;
		}
		if (seen.has(name)) {
			errors.push(`option "${name}" is given twice`);
			continue;
		}
		seen.add(name);
		if (value === "") {
			errors.push(`option "${name}" has no value`);
			continue;
		}
		const option = name as TableOption;
		if (option === "columns") {
			const columns = commaList(value);
			for (const key of columns) if (!vocabulary.keys.has(key)) errors.push(`unknown column "${key}" (no source has that key)`);
			if (columns.length === 0) errors.push(`option "columns" names no column`);
			query.columns = columns;
		} else if (option === "sort") {
			const sort = readSort(value, vocabulary, errors);
			if (sort) query.sort = sort;
		} else if (option === "limit") {
			if (/^\d+$/.test(value) && Number(value) > 0 && Number.isSafeInteger(Number(value))) query.limit = Number(value);
			else errors.push(`limit "${value}" is not a whole number above 0`);
		} else {
			const wanted = commaList(value);
			const known = vocabulary.values[option];
			for (const v of wanted) if (!known.has(v)) errors.push(`unknown ${option} "${v}" (known: ${names(known, option !== "status" && option !== "tier") || "none"})`);
			query.filters[option] = wanted;
		}
	}
	return errors.length ? { ok: false, errors } : { ok: true, query };
}

function readSort(value: string, vocabulary: TableVocabulary, errors: string[]): TableSort | null {
	const [key = "", direction = "asc", ...extra] = value.split(/\s+/);
	let ok = true;
	if (!vocabulary.keys.has(key)) {
		errors.push(`unknown sort key "${key}" (no source has that key)`);
		ok = false;
	}
	if (direction !== "asc" && direction !== "desc") {
		errors.push(`sort direction "${direction}" is not asc or desc`);
		ok = false;
	}
	if (extra.length) {
		errors.push(`sort takes a key and asc or desc, not "${value}"`);
		ok = false;
	}
	return ok ? { key, descending: direction === "desc" } : null;
}

/** One row of a table: the source, and its cells as text, one per column. */
export interface TableRow {
	path: string;
	title: string;
	cells: string[];
}

/** A frontmatter value as a cell's text: lists joined with ", ", nothing for null. */
export function valueText(value: unknown): string {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value.toISOString().slice(0, 10);
	if (Array.isArray(value)) return listOfText(value).join(", ");
	if (value !== null && typeof value === "object") return JSON.stringify(value);
	return scalarText(value) ?? "";
}

/** The text of one column of a source (`title` falls back to the file name, as the queue shows it). */
export function cellText(item: QueueItem, source: SourceNote, key: string): string {
	if (key === "title") return item.title;
	if (key === "path") return source.path;
	if (key === "file") return source.path.slice(source.path.lastIndexOf("/") + 1);
	return valueText(source.frontmatter[key]);
}

/** A predicate: does a source pass the query's filters (status, category, tier, platform)? */
export function sourceMatcher(query: TableQuery): (source: SourceNote) => boolean {
	const filters = FILTER_OPTIONS.filter((o) => query.filters[o] !== undefined).map((o) => [FILTER_KEYS[o], new Set(query.filters[o])] as const);
	return (source) => filters.every(([key, allowed]) => allowed.has(scalarText(source.frontmatter[key]) ?? ""));
}

/** The sources a query selects, in its order (queue order when it names no sort), as rows. */
export function tableRows(sources: Iterable<SourceNote>, query: TableQuery, settings: Pick<SourceSettings, "statuses" | "tierOrder">): TableRow[] {
	const matches = sourceMatcher(query);
	const picked: { item: QueueItem; source: SourceNote }[] = [];
	for (const source of sources) if (matches(source)) picked.push({ item: toQueueItem(source), source });
	const queueOrder = itemComparator("tier", settings);
	const sort = query.sort;
	if (sort) {
		const keyOf = new Map(picked.map((p) => [p, cellText(p.item, p.source, sort.key)] as const));
		picked.sort((a, b) => compareCells(keyOf.get(a) ?? "", keyOf.get(b) ?? "", sort.descending) || queueOrder(a.item, b.item));
	} else picked.sort((a, b) => queueOrder(a.item, b.item));
	const rows = query.limit === null ? picked : picked.slice(0, query.limit);
	return rows.map(({ item, source }) => ({ path: source.path, title: item.title, cells: query.columns.map((c) => cellText(item, source, c)) }));
}

/** Empty cells last in both directions; numbers by value, dates and text by text (case-insensitive first). */
function compareCells(a: string, b: string, descending: boolean): number {
	if (a === b) return 0;
	if (a === "") return 1;
	if (b === "") return -1;
	const numeric = /^-?\d+(\.\d+)?$/;
	let order: number;
	if (numeric.test(a) && numeric.test(b)) order = Number(a) - Number(b);
	else if (isCalendarDate(a) && isCalendarDate(b)) order = a < b ? -1 : 1;
	else {
		const la = a.toLowerCase();
		const lb = b.toLowerCase();
		order = la < lb ? -1 : la > lb ? 1 : a < b ? -1 : 1;
	}
	return descending ? -order : order;
}

/** A column's header: `date_published` → `Date published`. */
export function columnHeader(key: string): string {
	const words = key.replace(/_/g, " ");
	return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A cell's text made safe for one Markdown table cell: pipes escaped, line breaks as spaces. */
export function escapeCell(text: string): string {
	return text.replace(/\r?\n|\r/g, " ").replace(/\\/g, "\\\\").replace(/\|/g, "\\|");
}

/**
 * The table as Markdown. Titles are wikilinks to their notes (`linkText`: how Obsidian would
 * write a link to that path), their display text stripped of the characters that break a link.
 */
export function tableMarkdown(rows: readonly TableRow[], columns: readonly string[], linkText: (path: string) => string): string {
	const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
	const out = [line(columns.map((c) => escapeCell(columnHeader(c)))), line(columns.map(() => "---"))];
	for (const row of rows) {
		out.push(line(columns.map((c, i) => (c === "title" ? titleLink(row, linkText) : escapeCell(row.cells[i] ?? "")))));
	}
	return out.join("\n") + "\n";
}

function titleLink(row: TableRow, linkText: (path: string) => string): string {
	const target = linkText(row.path);
	const shown = row.title.replace(/[[\]|#^]/g, "").replace(/\s+/g, " ").trim();
	return escapeCell(shown === "" || shown === target ? `[[${target}]]` : `[[${target}|${shown}]]`);
}
