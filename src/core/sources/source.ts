/** SOURCE notes: recognition, the model the rest of the plugin reads, validation (docs/reference.md §2). */
import type { FrontmatterData } from "../frontmatter/frontmatter";
import { wikilinkTarget } from "../vault/links";
import { isInFolder, type SourceSettings } from "./settings";
import { videoIdFromUrl } from "./youtube";

export type ProblemCode =
	| "missing-title"
	| "unknown-status"
	| "invalid-url"
	| "invalid-date"
	| "stale-integrated-into"
	| "integrated-without-notes";

export interface Problem {
	code: ProblemCode;
	message: string;
}

export interface SourceNote {
	path: string;
	id: string;
	title: string | null;
	status: string | null;
	platform: string | null;
	url: string | null;
	videoId: string | null;
	aliases: readonly string[];
	integratedInto: readonly string[];
	/** The parsed frontmatter, for filters and fields not modelled here. */
	frontmatter: FrontmatterData;
}

/** True when this frontmatter makes the note at `path` a SOURCE note. */
export function isSourceFrontmatter(path: string, fm: FrontmatterData | null | undefined, settings: SourceSettings): fm is FrontmatterData {
	if (!fm) return false;
	const id = fm.id;
	return typeof id === "string" && id.startsWith(settings.idPrefix) && isInFolder(path, settings.sourceFolder);
}

/** The SOURCE note model of a note, or null when it is not one. */
export function toSourceNote(path: string, fm: FrontmatterData | null | undefined, settings: SourceSettings): SourceNote | null {
	if (!isSourceFrontmatter(path, fm, settings)) return null;
	const url = scalarText(fm.url);
	return {
		path,
		id: fm.id as string,
		title: scalarText(fm.title),
		// An empty status is no status (as an empty title is no title).
		status: scalarText(fm.status) || null,
		platform: scalarText(fm.platform),
		url,
		videoId: videoIdFromUrl(url),
		aliases: textList(fm.aliases),
		integratedInto: textList(fm.integrated_into),
		frontmatter: fm,
	};
}

/** A scalar as text (numbers and booleans as YAML would print them), or null. */
export function scalarText(v: unknown): string | null {
	if (v === null || v === undefined) return null;
	if (typeof v === "string") return v;
	if (typeof v === "number" || typeof v === "boolean") return String(v);
	return null;
}

const NO_TEXT: readonly string[] = Object.freeze([]);

/** `listOfText` for the model: one shared empty list for the many notes with none. */
function textList(v: unknown): readonly string[] {
	if (v === null || v === undefined || v === "") return NO_TEXT;
	const list = listOfText(v);
	return list.length === 0 ? NO_TEXT : list;
}

/** A list property as strings; a lone string is a one-item list, as Obsidian's Properties shows it. */
export function listOfText(v: unknown): string[] {
	if (v === null || v === undefined) return [];
	if (Array.isArray(v)) {
		const out: string[] = [];
		for (const item of v as unknown[]) {
			const s = scalarText(item);
			if (s !== null && s !== "") out.push(s);
		}
		return out;
	}
	const s = scalarText(v);
	return s === null || s === "" ? [] : [s];
}

/**
 * A list property's items as text, to append to: numbers and booleans as YAML prints them
 * (`- 2001` is the alias "2001"; the writer keeps such an item's bytes), or null when an
 * item is not a scalar or is null (such a list is never rewritten).
 */
export function textItems(value: unknown): string[] | null {
	if (value === undefined || value === null || value === "") return [];
	if (typeof value === "string") return [value];
	if (!Array.isArray(value)) return null;
	const out: string[] = [];
	for (const v of value as unknown[]) {
		const s = v === null ? null : scalarText(v);
		if (s === null) return null;
		out.push(s);
	}
	return out;
}

/** `item` (a list item as read) is `text` as `textItems` gives it. */
export function isItemText(item: unknown, text: unknown): boolean {
	return item === text || ((typeof item === "number" || typeof item === "boolean") && String(item) === text);
}

/** `YYYY-MM-DD` naming a real day of the (proleptic Gregorian) calendar. */
export function isCalendarDate(s: string): boolean {
	if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
	const y = digitsAt(s, 0, 4);
	const m = digitsAt(s, 5, 7);
	const d = digitsAt(s, 8, 10);
	if (y < 0 || m < 1 || m > 12 || d < 1) return false;
	const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
	return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** The number written by the ASCII digits of `s[from, to)`, or -1 if one is not a digit. */
function digitsAt(s: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = s.charCodeAt(i) - 48;
		if (c < 0 || c > 9) return -1;
		n = n * 10 + c;
	}
	return n;
}

/** Does this link path resolve to a file, seen from the source note? */
export type TargetExists = (linkpath: string, fromPath: string) => boolean;

/** Problems of one SOURCE note; never throws. */
export function validateSource(note: SourceNote, settings: SourceSettings, targetExists: TargetExists): Problem[] {
	const fm = note.frontmatter;
	const problems: Problem[] = [];
	if (note.title === null || note.title.trim() === "") {
		problems.push({ code: "missing-title", message: "has no title" });
	}
	if (note.status === null) {
		problems.push({ code: "unknown-status", message: `has no status (expected one of ${settings.statuses.join(", ")})` });
	} else if (!settings.statuses.includes(note.status)) {
		problems.push({ code: "unknown-status", message: `status "${note.status}" is not one of ${settings.statuses.join(", ")}` });
	}
	if (fm.url !== undefined && fm.url !== null && fm.url !== "") {
		const url = note.url;
		if (url === null || !/^https?:\/\/[^\s/]+/i.test(url.trim())) {
			problems.push({ code: "invalid-url", message: `url ${JSON.stringify(fm.url)} is not an http(s) URL` });
		}
	}
	for (const key of Object.keys(fm)) {
		if (!key.startsWith("date_")) continue;
		const value = fm[key];
		if (value === null || (typeof value === "string" && isCalendarDate(value))) continue;
		problems.push({ code: "invalid-date", message: `${key} ${JSON.stringify(value)} is not a YYYY-MM-DD date or null` });
	}
	const raw = fm.integrated_into;
	const entries: unknown[] = Array.isArray(raw) ? raw : raw === null || raw === undefined || raw === "" ? [] : [raw];
	for (const entry of entries) {
		const target = wikilinkTarget(entry);
		if (target === null) {
			problems.push({ code: "stale-integrated-into", message: `integrated_into entry ${JSON.stringify(entry)} is not a wikilink` });
		} else if (!targetExists(target, note.path)) {
			problems.push({ code: "stale-integrated-into", message: `integrated_into entry ${JSON.stringify(entry)} links to a note that does not exist` });
		}
	}
	// Empty items (`- ` alone, `""`) name no note: a list of only those is empty.
	if (note.status === "integrated" && entries.every((e) => e === null || e === "")) {
		problems.push({ code: "integrated-without-notes", message: "is integrated but integrated_into is empty" });
	}
	return problems;
}
