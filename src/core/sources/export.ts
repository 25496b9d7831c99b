/**
 * Export for NotebookLM (docs/tables-and-export.md): one Markdown file per
 * `notebooklm_category`, sources in queue order, each with its fields, its timestamps as
 * seek links and its body. Pure and deterministic: the same vault gives the same bytes (no
 * date of export, a total order everywhere). The plugin and the CLI only read notes and
 * write the files this returns.
 */
import { extractLinks } from "../markdown/link-extraction";
import { locateFrontmatter } from "../frontmatter/frontmatter";
import { applySplices, bodyStart, findTimestamps, type TextSplice } from "../markdown/timestamps";
import { itemComparator, toQueueItem, type QueueItem } from "./queue";
import { listOfText, scalarText, type SourceNote } from "./source";
import type { SourceSettings } from "./settings";
import { valueText } from "./table-query";
import { seekUrl } from "./youtube";
import { wikilinkTarget } from "../vault/links";

/** The first line of every file the export writes; only files starting with it are ever overwritten. */
export const EXPORT_MARKER = "<!-- source-lifecycle:export · written by Source Lifecycle, rewritten by every export: edits here are lost -->";

/** A file over this many words is split (`name-2.md`, …): NotebookLM's limit per source. */
export const EXPORT_MAX_WORDS = 400_000;

export const UNCATEGORIZED = "uncategorized";

/** True when a file's text is one this export wrote (its first line is the marker). */
export function hasExportMarker(text: string): boolean {
	const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
	return t.startsWith(EXPORT_MARKER);
}

export interface ExportFilter {
	/** Statuses to export; null: every status but `archived` (sources without a status too). */
	statuses: readonly string[] | null;
	/** Only this category (`uncategorized` for none); null: every category. */
	category: string | null;
}

/** One category's sources, in queue order, and the file name its files take. */
export interface ExportGroup {
	/** File name without `.md`, from the category. */
	name: string;
	/** The category as written in the notes (the first one met, when several map to one name). */
	category: string;
	sources: SourceNote[];
	/** Each source's title as the queue shows it (the file name when it has none), in the same order. */
	titles: string[];
}

/**
 * A category as a file name: the characters no file system or vault takes (`/ \ : * ? " < > |`,
 * link characters `# ^ [ ]`, control characters) become `-`; lower case, so two spellings of
 * one category never make two files that clash on a case-insensitive disk.
 */
export function categoryFileName(category: string | null): string {
	// eslint-disable-next-line no-control-regex -- control characters are exactly what a file name must not hold
	const name = (category ?? "").replace(/[/\\:*?"<>|#^[\]\u0000-\u001f]/g, "-").replace(/\s+/g, " ").trim().replace(/^\.+/, "").toLowerCase();
	return name === "" ? UNCATEGORIZED : name;
}

/** The sources to export, grouped by category file name (sorted), each group in queue order. */
export function exportGroups(sources: Iterable<SourceNote>, filter: ExportFilter, settings: Pick<SourceSettings, "statuses" | "tierOrder">): ExportGroup[] {
	const statuses = filter.statuses === null ? null : new Set(filter.statuses);
	const wantedName = filter.category === null ? null : categoryFileName(filter.category);
	const groups = new Map<string, { category: string; items: { item: QueueItem; source: SourceNote }[] }>();
	for (const source of sources) {
		if (statuses === null ? source.status === "archived" : !statuses.has(source.status ?? "")) continue;
		const category = scalarText(source.frontmatter.notebooklm_category)?.trim() || UNCATEGORIZED;
		const name = categoryFileName(category);
		if (wantedName !== null && name !== wantedName) continue;
		const group = groups.get(name) ?? { category, items: [] };
		group.items.push({ item: toQueueItem(source), source });
		groups.set(name, group);
	}
	const queueOrder = itemComparator("tier", settings);
	return [...groups.entries()]
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		.map(([name, g]) => {
			const items = g.items.sort((a, b) => queueOrder(a.item, b.item));
			return { name, category: g.category, sources: items.map((x) => x.source), titles: items.map((x) => x.item.title) };
		});
}

export interface ExportFile {
	/** File name, `name.md` or `name-2.md`, … */
	file: string;
	/** 1 for `name.md`, 2 for `name-2.md`, … */
	part: number;
	text: string;
	sources: number;
	words: number;
}

/**
 * Words as NotebookLM counts them, near enough: runs of characters that are not white space
 * (as `\s` reads it). A loop over character codes, not `match(/\S+/g)`: an export counts
 * millions of words, and the match's array of strings cost the bench vault's export a
 * third of its time (docs/tables-and-export.md, Performance).
 */
export function countWords(text: string): number {
	let words = 0;
	let inWord = false;
	for (let i = 0; i < text.length; i++) {
		const space = isSpace(text.charCodeAt(i));
		if (!space && !inWord) words++;
		inWord = !space;
	}
	return words;
}

function isSpace(c: number): boolean {
	if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
	if (c < 160) return false;
	return c === 160 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/**
 * The files of one group, as each is complete. `textOf` gives a source's note text (null
 * when it could not be read: the source is exported from its fields alone, and the caller
 * reports the file). Sources are packed in order into files of at most EXPORT_MAX_WORDS
 * words; a source is never cut, so one source over the limit makes a file of its own.
 * Parts 2, 3, … come as they fill up and the first part last (its heading says "part 1"
 * only once a second part exists), so a caller writing them holds one part at a time.
 */
export function* exportGroupFiles(group: ExportGroup, textOf: (source: SourceNote) => string | null): Generator<ExportFile> {
	const headerWords = countWords(fileHeader(group, 99));
	let first: Part | null = null;
	let current: Part | null = null;
	let parts = 0;
	for (const [i, source] of group.sources.entries()) {
		const section = sourceSection(source, textOf(source), group.titles[i]);
		const words = countWords(section);
		if (current === null || (current.sections.length > 0 && current.words + words > EXPORT_MAX_WORDS)) {
			if (current !== null && parts >= 2) yield partFile(group, current, parts, true, headerWords);
			current = { sections: [], words: headerWords };
			parts++;
			if (parts === 1) first = current;
		}
		current.sections.push(section);
		current.words += words;
	}
	if (current !== null && parts >= 2) yield partFile(group, current, parts, true, headerWords);
	if (first !== null) yield partFile(group, first, 1, parts > 1, headerWords);
}

interface Part {
	sections: string[];
	words: number;
}

function partFile(group: ExportGroup, part: Part, n: number, split: boolean, headerWords: number): ExportFile {
	const header = fileHeader(group, split ? n : 0);
	// Every section ends in a line break, so the words of the file are the header's and its sections'.
	return { file: n === 1 ? `${group.name}.md` : `${group.name}-${n}.md`, part: n, text: header + part.sections.join("\n"), sources: part.sections.length, words: part.words - headerWords + countWords(header) };
}

function fileHeader(group: ExportGroup, part: number): string {
	return `${EXPORT_MARKER}\n\n# ${group.category}${part > 0 ? ` (part ${part})` : ""}\n\n`;
}

/** The date fields shown, in the order a reader follows a source's life. */
const DATES: readonly [string, string][] = [
	["date_published", "Published"],
	["date_processed", "Processed"],
	["date_integrated", "Integrated"],
];

/** One source: title, fields, synopsis, key insights, then the body with seek links. */
export function sourceSection(source: SourceNote, text: string | null, title = toQueueItem(source).title): string {
	const fm = source.frontmatter;
	const fields: string[] = [];
	const field = (label: string, value: string) => {
		if (value.trim() !== "") fields.push(`- ${label}: ${oneLine(value)}`);
	};
	field("URL", source.url ?? "");
	field("Creator", valueText(fm.creator));
	for (const [key, label] of DATES) field(label, valueText(fm[key]));
	field("Duration", valueText(fm.duration));
	field("Status", source.status ?? "");
	field("Integrated into", integratedIntoTitles(source).join("; "));
	const out = [`## ${oneLine(title)}`, "", ...fields, ""];
	const synopsis = valueText(fm.synopsis).trim();
	if (synopsis !== "") out.push("### Synopsis", "", synopsis, "");
	const insights = listOfText(fm.key_insights);
	if (insights.length) out.push("### Key insights", "", ...insights.map((k) => `- ${oneLine(k)}`), "");
	const body = text === null ? "" : exportBody(text, source.videoId).trim();
	if (body !== "") out.push("### Notes", "", body, "");
	return out.join("\n");
}

/** The titles of the notes a source is integrated into: each `integrated_into` link's display text or note name. */
export function integratedIntoTitles(source: SourceNote): string[] {
	const out: string[] = [];
	for (const entry of source.integratedInto) {
		const target = wikilinkTarget(entry);
		if (target === null) continue;
		const alias = /\|([^\]]+)\]\]/.exec(entry)?.[1];
		const title = alias ?? target.slice(target.lastIndexOf("/") + 1).replace(/\.md$/i, "");
		if (!out.includes(title)) out.push(title);
	}
	return out;
}

/**
 * A note's body for the export: its timestamps as seek links (the one timestamp scan), and
 * its links and embeds as their text — NotebookLM follows no wikilink, and an exported file
 * inside the vault must not become an integrating note of the sources it names.
 */
export function exportBody(text: string, videoId: string | null): string {
	const from = bodyStart(text).from;
	const splices: TextSplice[] = [];
	if (videoId !== null) for (const t of findTimestamps(text)) splices.push({ from: t.from, to: t.to, insert: `[${t.text}](${seekUrl(videoId, t.seconds)})` });
	if (mayLinkToNotes(text, from)) {
		// The block located, no frontmatter parsed: only the body's links are wanted here.
		const links = extractLinks(text, { block: locateFrontmatter(text), frontmatter: null });
		for (const link of [...links.links, ...links.embeds]) {
			if (link.position.start.offset < from) continue;
			splices.push({ from: link.position.start.offset, to: link.position.end.offset, insert: link.displayText });
		}
	}
	// A timestamp never lies inside a link (docs/reference.md §6); should one touch, the link wins.
	splices.sort((a, b) => a.from - b.from || b.to - a.to);
	const apart: TextSplice[] = [];
	for (const s of splices) if (apart.length === 0 || s.from >= (apart[apart.length - 1] as TextSplice).to) apart.push(s);
	return applySplices(text, apart).slice(from).replace(/\r\n?/g, "\n");
}

/**
 * False when the body can hold no link to a note: no `[[` and no `](` other than before a URL
 * with a scheme (external links are not links to notes). Most bodies are like the seed's,
 * with web links only, and skip the link scan (a fifth of the export's time).
 */
function mayLinkToNotes(text: string, from: number): boolean {
	if (text.indexOf("[[", from) !== -1) return true;
	for (let at = text.indexOf("](", from); at !== -1; at = text.indexOf("](", at + 2)) {
		if (!/^<?[A-Za-z][A-Za-z0-9+.-]*:/.test(text.slice(at + 2, at + 40))) return true;
	}
	return false;
}

function oneLine(s: string): string {
	return s.replace(/\s+/g, " ").trim();
}
