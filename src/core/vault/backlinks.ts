/**
 * Sync planning (docs/reference.md §3, §4, §5): for each SOURCE note, the aliases to add, the
 * integrating notes to add to `integrated_into`, and auto-integrate — as field edits.
 * The backlinks themselves come from the one SourceIndex (`integratingNotes`); planning
 * costs O(sources + links), never O(sources × notes).
 *
 * Existing entries are never removed nor rewritten: new ones are appended. An existing
 * `integrated_into` entry counts as present when it resolves to the integrating note
 * (`[[Folder/Note]]`, `[[note|alias]]`, `[[Note#Heading]]`, another case), or when it is
 * the very entry sync would write.
 *
 * Auto-integrate (§3: "when a raw or in_progress source gains its first integrating
 * note"): when `integrated_into` lists none of the source's current integrating notes
 * and this sync adds one, the source moves to `integrated` (lifecycle `transition`). A
 * source reopened by its user while a note still links to it — that note is listed —
 * therefore stays reopened; nothing is ever moved backwards.
 */
import { fillAliases } from "../sources/aliases";
import { readFrontmatter } from "../frontmatter/frontmatter";
import { editFrontmatter, type EditResult, type FieldEdit, type FieldValue } from "../frontmatter/edit";
import { INTEGRATED, transition } from "../sources/lifecycle";
import { wikilinkTarget } from "./links";
import type { SourceSettings } from "../sources/settings";
import type { SourceIndex } from "./source-index";
import { textItems, toSourceNote, type SourceNote } from "../sources/source";

/** Link resolution and link text as Obsidian answers them (core `LinkResolver`, or the metadata cache). */
export interface LinkTexts {
	/** `getFirstLinkpathDest(linkpath, fromPath)?.path ?? null` */
	resolve(linkpath: string, fromPath: string): string | null;
	/** `fileToLinktext(file, fromPath)`: basename when unique in the vault, else the path without `.md`. */
	linkText(path: string, fromPath: string): string;
}

/** Which parts of the sync to plan; auto-integrate goes with `integratedInto`. */
export interface SyncScope {
	aliases: boolean;
	integratedInto: boolean;
}

export const FULL_SYNC: SyncScope = { aliases: true, integratedInto: true };

export interface SourceSyncPlan {
	path: string;
	/** Field edits for `editFrontmatter`, in the order aliases, integrated_into, status, date_integrated. */
	edits: FieldEdit[];
	/** The same as `{key: new value}`, for reports (`sync --json`). */
	changes: Record<string, FieldValue>;
	/** Parts refused for this note (e.g. a list with non-text items); the other parts still apply. */
	errors: string[];
	/** Integrating notes left out of `integrated_into` because no wikilink can name them; reported, not written. */
	warnings: string[];
}

/** The statuses auto-integrate moves forward. */
export const AUTO_INTEGRATE_FROM = ["raw", "in_progress"];

const KEYS = { aliases: "aliases", integratedInto: "integrated_into" } as const;

/**
 * A list property's items as written, when every item is text: a missing/null/empty
 * value is an empty list, a lone string a one-item list. Null when some item is not
 * text (a number, or `- [[Note]]` left unquoted, which YAML reads as a nested list).
 */

/**
 * The link text sync writes for an integrating note (docs/reference.md §5): the shortest
 * that resolves back, with the same resolver, to that very note — Obsidian's own link text
 * (the basename when unique), else the path without `.md`, else the whole path (`dbl.md.md`
 * beside `dbl.md`). Null when no wikilink can name the note: a `#`, `|`, `]` in its path
 * cuts the link short (`[[Hash#tag]]` links to `Hash`).
 */
export function integratedLinkText(notePath: string, sourcePath: string, links: LinkTexts): string | null {
	const withoutMd = notePath.toLowerCase().endsWith(".md") ? notePath.slice(0, -3) : notePath;
	for (const text of [links.linkText(notePath, sourcePath), withoutMd, notePath]) {
		const target = wikilinkTarget(`[[${text}]]`);
		if (target !== null && target === text.trim() && links.resolve(target, sourcePath) === notePath) return text;
	}
	return null;
}

/** The quoted-wikilink entry sync writes for a note, `[[Link text]]`; null when no wikilink names it. */
export function integratedEntry(notePath: string, sourcePath: string, links: LinkTexts): string | null {
	const text = integratedLinkText(notePath, sourcePath, links);
	return text === null ? null : `[[${text}]]`;
}

/** Why a note cannot be integrated into, or integrate: no wikilink names it. */
export function unnameableNote(notePath: string): string {
	return `no wikilink can name ${notePath} (a # | [ ] ^ in its path, or a name another note answers to); rename it first`;
}

/** Why a note is left out of `integrated_into`. */
export function unnameableMessage(notePath: string): string {
	return `${notePath} links to this source but no wikilink can name it (a # | [ ] in its path, or a name another note answers to); not added to integrated_into — rename it to list it`;
}

/** Plan one source, given its integrating notes (from `SourceIndex.integratingNotes`). */
export function planSource(
	source: SourceNote,
	integrating: readonly string[],
	links: LinkTexts,
	settings: SourceSettings,
	today: string,
	scope: SyncScope = FULL_SYNC,
): SourceSyncPlan {
	const plan: SourceSyncPlan = { path: source.path, edits: [], changes: {}, errors: [], warnings: [] };
	const fm = source.frontmatter;
	const set = (key: string, value: FieldValue) => {
		plan.edits.push({ key, value });
		plan.changes[key] = value;
	};

	if (scope.aliases) {
		const existing = textItems(fm[KEYS.aliases]);
		if (existing === null) {
			plan.errors.push("aliases has an item that is not text; aliases not changed");
		} else {
			const next = fillAliases(existing, source.title, source.path, settings.aliasPrefixWords);
			if (next.length > existing.length) set(KEYS.aliases, next);
		}
	}

	if (scope.integratedInto && integrating.length > 0) {
		const existing = textItems(fm[KEYS.integratedInto]);
		if (existing === null) {
			plan.errors.push('integrated_into has an item that is not text (write links quoted: "[[Note]]"); integrated_into not changed');
		} else {
			const listed = new Set<string>();
			const listedText = new Set<string>();
			for (const entry of existing) {
				listedText.add(entry.trim());
				const target = wikilinkTarget(entry);
				const dest = target === null ? null : links.resolve(target, source.path);
				if (dest !== null) listed.add(dest);
			}
			const hadIntegrating = integrating.some((n) => listed.has(n));
			const added: string[] = [];
			for (const note of integrating) {
				if (listed.has(note)) continue;
				// Only an entry that resolves back to this note (case twins each get their own).
				const entry = integratedEntry(note, source.path, links);
				if (entry === null) {
					plan.warnings.push(unnameableMessage(note));
					continue;
				}
				if (listedText.has(entry)) continue;
				listedText.add(entry);
				added.push(entry);
			}
			if (added.length > 0) {
				set(KEYS.integratedInto, [...existing, ...added]);
				const status = source.status;
				if (settings.autoIntegrate && !hadIntegrating && status !== null && AUTO_INTEGRATE_FROM.includes(status)) {
					const t = transition(fm, INTEGRATED, settings, today);
					if (t.ok) for (const e of t.edits) set(e.key, e.value);
				}
			}
		}
	}
	return plan;
}

export interface PlanSyncOptions {
	scope?: SyncScope;
	/** Only these sources (e.g. the current note, or the sources a change touched); default all. */
	paths?: Iterable<string>;
}

/**
 * Plan the sync of every source (or of `paths`): one entry per source that needs edits or
 * has a refused part, sorted by path. A second sync after applying these plans plans nothing.
 */
export function planSync(index: SourceIndex, links: LinkTexts, settings: SourceSettings, today: string, options: PlanSyncOptions = {}): SourceSyncPlan[] {
	const scope = options.scope ?? FULL_SYNC;
	const out: SourceSyncPlan[] = [];
	const visit = (source: SourceNote) => {
		const integrating = scope.integratedInto ? index.integratingNotes(source.path) : [];
		const plan = planSource(source, integrating, links, settings, today, scope);
		if (plan.edits.length || plan.errors.length || plan.warnings.length) out.push(plan);
	};
	if (options.paths) {
		const seen = new Set<string>();
		for (const p of options.paths) {
			const s = seen.has(p) ? undefined : index.getSource(p);
			seen.add(p);
			if (s) visit(s);
		}
	} else {
		for (const s of index.sources()) visit(s);
	}
	return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Apply a plan's edits to a note's text, byte-exact (refused on malformed frontmatter). */
export function applyPlan(text: string, edits: readonly FieldEdit[]): EditResult {
	if (edits.length === 0) return { ok: true, text, changed: false };
	return editFrontmatter(text, edits);
}

export type NoteSyncResult = { ok: true; text: string; plan: SourceSyncPlan } | { ok: false; reason: string };

/**
 * Re-plan one source from its current text and apply the plan — what a writer runs
 * inside `vault.process`, so an edit made since the index last saw the note is kept.
 */
export function syncNoteText(
	path: string,
	text: string,
	integrating: readonly string[],
	links: LinkTexts,
	settings: SourceSettings,
	today: string,
	scope: SyncScope = FULL_SYNC,
): NoteSyncResult {
	const read = readFrontmatter(text);
	if (!read.ok) return { ok: false, reason: `malformed frontmatter: ${read.reason}` };
	const source = toSourceNote(path, read.data, settings);
	if (!source) return { ok: false, reason: "the note is no longer a source note" };
	const plan = planSource(source, integrating, links, settings, today, scope);
	const applied = applyPlan(text, plan.edits);
	if (!applied.ok) return { ok: false, reason: applied.reason };
	return { ok: true, text: applied.text, plan };
}
