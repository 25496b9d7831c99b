/**
 * "Integrate into note…" as pure text edits (docs/reference.md §3, §5, §7): append a link to the
 * source under a heading of the target note, and add the target to the source's
 * `integrated_into`. Every other byte of both notes is kept.
 */
import { editFrontmatter, type FieldEdit } from "../frontmatter/edit";
import { locateFrontmatter, readFrontmatter } from "../frontmatter/frontmatter";
import { ARCHIVED, INTEGRATED, configuredStatuses, refusal, transition } from "./lifecycle";
import { wikilinkTarget } from "../vault/links";
import type { SourceSettings } from "./settings";
import { scalarText, textItems } from "./source";
import { bodyLines, isCodeLike, openBlockCloser, type BodyLine } from "../markdown/blocks/reader";

export type AppendResult = { ok: true; text: string; changed: boolean } | { ok: false; reason: string };

/** Does this link path (from a `[[…]]`) point at the source? Default: same text, any case. */
export type SameTarget = (linkpath: string) => boolean;

interface Heading {
	level: number;
	text: string;
}

/** `## Sources` → level 2, text `Sources`; null when it is not an ATX heading. */
export function parseHeading(line: string): Heading | null {
	const m = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/.exec(line);
	if (!m) return null;
	return { level: (m[1] as string).length, text: (m[2] ?? "").trim() };
}

function eolOf(text: string): string {
	const nl = text.indexOf("\n");
	return nl > 0 && text.charCodeAt(nl - 1) === 13 ? "\r\n" : "\n";
}

const LIST_ITEM = /^([ \t]*)([-*+]|(\d+)([.)]))[ \t]+/;
const WIKILINK = /!?\[\[([^\]|#^]*)(?:[#^][^\]|]*)?(?:\|[^\]]*)?\]\]/g;

/** A body line as the block reader reads it, with the text after it and the block left open after it. */
interface Line extends BodyLine {
	/** After the line break (= end when the line is the last and has none). */
	next: number;
	text: string;
	/** What closes the block still open after this line, when writing below it would land inside (see `openBlockCloser`). */
	closer: string;
}

function linesOf(text: string, from: number): Line[] {
	return bodyLines(text, from).map((l) => {
		const next = l.nl === -1 ? text.length : l.nl + 1;
		return { ...l, next, text: text.slice(l.start, l.end), closer: openBlockCloser(l.after) };
	});
}

/**
 * Append `- [[linkText]]` as the last item of the section under `heading` (e.g.
 * `## Sources`; matched by level and text, case-insensitively, on heading lines as the
 * block reader reads them: never in code, math, HTML or a comment). The heading is added
 * at the end of the note when missing. Nothing changes when the section already links to
 * the source. Keeps the note's line endings and every other byte; a note without a final
 * line break still has none when the item goes last.
 */
export function appendSourceLink(text: string, heading: string, linkText: string, sameTarget?: SameTarget): AppendResult {
	const wanted = parseHeading(heading.trim());
	if (!wanted || wanted.text === "") return { ok: false, reason: `"${heading}" is not a Markdown heading like "## Sources"` };
	if (linkText.trim() === "" || /[[\]|]/.test(linkText)) return { ok: false, reason: `"${linkText}" cannot be written as a wikilink` };
	const isSource: SameTarget = sameTarget ?? ((p) => p.trim().toLowerCase() === linkText.toLowerCase());
	const eol = eolOf(text);
	const fm = locateFrontmatter(text);
	const bodyStart = fm ? lineAfter(text, fm.end) : text.charCodeAt(0) === 0xfeff ? 1 : 0;
	const lines = linesOf(text, bodyStart);
	const { at, sectionEnd } = findSection(lines, wanted);
	const item = (marker: string, indent: string) => `${indent}${marker} [[${linkText}]]`;
	if (at === -1) {
		// No such heading: add it, and the item, at the end of the note, after closing a
		// block left open there (which renders the same), or the heading would be code.
		const last = lines[lines.length - 1];
		const close = last ? last.closer : "";
		let prefix = "";
		if (text.length > bodyStart || fm) {
			if (!text.endsWith("\n")) prefix += eol;
			if (close) prefix += close + eol;
			else if (last && last.text.trim() !== "") prefix += eol;
		}
		return { ok: true, changed: true, text: text + prefix + heading.trim() + eol + item("-", "") + eol };
	}
	const section = lines.slice(at + 1, sectionEnd);
	for (const line of section) {
		if (isCodeLike(line.role)) continue;
		for (const m of line.text.matchAll(WIKILINK)) if (isSource(m[1] as string)) return { ok: true, text, changed: false };
	}
	let lastIdx = at;
	for (let i = sectionEnd - 1; i > at; i--) {
		if ((lines[i] as Line).text.trim() !== "") {
			lastIdx = i;
			break;
		}
	}
	const { marker, indent } = itemStyle(lines, at, lastIdx);
	const after = lines[lastIdx] as Line;
	const close = after.closer ? after.closer + eol : "";
	const insert = after.next === after.end ? eol + close + item(marker, indent) : close + item(marker, indent) + eol;
	const pos = after.next === after.end ? after.end : after.next;
	return { ok: true, changed: true, text: text.slice(0, pos) + insert + text.slice(pos) };
}

/** The heading's line (-1: none) and where its section ends: the next heading of the same or a higher level. */
function findSection(lines: readonly Line[], wanted: Heading): { at: number; sectionEnd: number } {
	let at = -1;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i] as Line;
		// A heading of the note itself: not in code, and in no list item (nor quote: parseHeading).
		if (line.role !== "heading" || line.after.item > 0) continue;
		const h = parseHeading(line.text);
		if (!h) continue;
		if (at === -1) {
			if (h.level === wanted.level && h.text.toLowerCase() === wanted.text.toLowerCase()) at = i;
		} else if (h.level <= wanted.level) return { at, sectionEnd: i };
	}
	return { at, sectionEnd: lines.length };
}

/** The style of the section's last list item (marker, numbering, indentation), for the next one. */
function itemStyle(lines: readonly Line[], at: number, lastIdx: number): { marker: string; indent: string } {
	for (let i = lastIdx; i > at; i--) {
		const line = lines[i] as Line;
		if (isCodeLike(line.role)) continue;
		const m = LIST_ITEM.exec(line.text);
		if (!m) continue;
		return { indent: m[1] as string, marker: m[3] !== undefined ? `${Number(m[3]) + 1}${m[4] as string}` : (m[2] as string) };
	}
	return { marker: "-", indent: "" };
}

function lineAfter(text: string, offset: number): number {
	const nl = text.indexOf("\n", offset);
	return nl === -1 ? text.length : nl + 1;
}

/**
 * The `integrated_into` list with `"[[linkText]]"` added (existing entries kept, in
 * order), or null when an entry already points at the target.
 */
export function withIntegratedInto(current: unknown, linkText: string, sameTarget?: SameTarget): string[] | null | "unsafe" {
	// Rebuilding a list with non-text items (e.g. an unquoted `- [[Note]]`) would lose them.
	const entries = textItems(current);
	if (entries === null) return "unsafe";
	const isTarget: SameTarget = sameTarget ?? ((p) => p.trim().toLowerCase() === linkText.toLowerCase());
	for (const e of entries) {
		const target = wikilinkTarget(e);
		if (target !== null && isTarget(target)) return null;
	}
	return [...entries, `[[${linkText}]]`];
}

/** The frontmatter edits of the source's side of an integration (see `integrateSourceText`), or why it is refused. */
export function integrationEdits(
	text: string,
	targetLinkText: string,
	settings: Pick<SourceSettings, "statuses">,
	today: string,
	sameTarget?: SameTarget,
): { ok: true; edits: FieldEdit[] } | { ok: false; reason: string } {
	const read = readFrontmatter(text);
	if (!read.ok) return { ok: false, reason: `malformed frontmatter: ${read.reason}` };
	if (!read.data) return { ok: false, reason: "the note has no frontmatter" };
	const fm = read.data;
	const status = scalarText(fm.status);
	if (status === ARCHIVED) return { ok: false, reason: "the source is archived; reopen it before integrating it" };
	const edits: FieldEdit[] = [];
	const list = withIntegratedInto(fm.integrated_into, targetLinkText, sameTarget);
	if (list === "unsafe") {
		return { ok: false, reason: "integrated_into has entries that are not text (quote wikilinks as \"[[Note]]\"); nothing written" };
	}
	if (list) edits.push({ key: "integrated_into", value: list });
	if (configuredStatuses(settings).includes(INTEGRATED) && refusal(status, INTEGRATED, settings) === null) {
		const t = transition(fm, INTEGRATED, settings, today);
		if (!t.ok) return t;
		edits.push(...t.edits);
	}
	return { ok: true, edits };
}

/**
 * The source's side of "Integrate into note…": `integrated_into` gains the target's
 * link, and the source moves to `integrated` (with its date) when that is a forward
 * move. An already integrated (or later) source keeps its status; an archived one is
 * refused — reopen it first — so nothing is half-done.
 */
export function integrateSourceText(
	text: string,
	targetLinkText: string,
	settings: Pick<SourceSettings, "statuses">,
	today: string,
	sameTarget?: SameTarget,
): AppendResult {
	const planned = integrationEdits(text, targetLinkText, settings, today, sameTarget);
	if (!planned.ok) return planned;
	if (planned.edits.length === 0) return { ok: true, text, changed: false };
	const r = editFrontmatter(text, planned.edits);
	return r.ok ? { ok: true, text: r.text, changed: r.changed } : r;
}

/**
 * The vault path of the note to integrate into, from what the user typed: `.md` added when
 * missing; a path out of the vault or a name with a character Obsidian forbids is refused.
 * `normalise` is the platform's path normaliser (Obsidian's `normalizePath`, the CLI's own).
 */
export function integrationNotePath(input: string, normalise: (path: string) => string): string | { reason: string } {
	const trimmed = input.trim().replace(/^\/+/, "");
	if (trimmed === "") return { reason: "no note name given" };
	const path = normalise(/\.md$/i.test(trimmed) ? trimmed : trimmed + ".md");
	const parts = path.split("/");
	if (parts.some((p) => p === ".." || p === "." || p === "")) return { reason: `"${input}" is not a path inside the vault` };
	const bad = /[\\:*?"<>|#^[\]]/.exec(path);
	if (bad) return { reason: `a note name cannot contain "${bad[0]}"` };
	return path;
}
