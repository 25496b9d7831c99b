/**
 * The lifecycle of a SOURCE note (docs/reference.md §3): which status changes are allowed and the
 * frontmatter edits each implies. Pure: callers apply the edits with `editFrontmatter`.
 *
 * Statuses come from settings (order matters). Roles are given by name, so a user may
 * add, rename or reorder statuses and still get what they expect:
 * - the *reopen target* is `raw` when configured, else the first configured status;
 * - `integrated` (by name) is the status that stamps `date_integrated`;
 * - `archived` (by name) is reachable from every status and leaves only by reopening;
 * - every other status is a working step (`in_progress`, a user's `reviewing`, …).
 * A source moves *forward* along the configured order (skipping steps is fine:
 * `raw → integrated` is what auto-integrate does), is archived from anywhere, and goes
 * back only by being reopened to the reopen target. Moving to the current status is a
 * no-op. A note whose status is missing or not configured can be reopened or archived.
 */
import { format } from "date-fns";
import type { FieldEdit } from "../frontmatter/edit";
import { editFrontmatter } from "../frontmatter/edit";
import { readFrontmatter, type FrontmatterData } from "../frontmatter/frontmatter";
import type { SourceSettings } from "./settings";
import { isCalendarDate, scalarText } from "./source";

export const INTEGRATED = "integrated";
export const ARCHIVED = "archived";
export const RAW = "raw";
export const DATE_INTEGRATED = "date_integrated";

/** `request`: the transition itself is refused (an unknown status, a move back); else the note is the problem. */
export type TransitionResult =
	| { ok: true; from: string | null; to: string; edits: FieldEdit[] }
	| { ok: false; reason: string; request?: true };

export type NoteTransitionResult =
	| { ok: true; text: string; changed: boolean; from: string | null; to: string; edits: FieldEdit[] }
	| { ok: false; reason: string; request?: true };

type StatusList = Pick<SourceSettings, "statuses">;

/** The configured statuses, trimmed, empties and duplicates dropped, in order. */
export function configuredStatuses(settings: StatusList): string[] {
	const out: string[] = [];
	for (const s of settings.statuses) {
		const t = s.trim();
		if (t !== "" && !out.includes(t)) out.push(t);
	}
	return out.length ? out : [RAW];
}

/** The status "reopen" goes back to: `raw` when configured, else the first status. */
export function reopenStatus(settings: StatusList): string {
	const list = configuredStatuses(settings);
	return list.includes(RAW) ? RAW : (list[0] as string);
}

/** Why `from → to` is refused, or null when it is allowed (or a no-op). */
export function refusal(from: string | null, to: string, settings: StatusList): string | null {
	const list = configuredStatuses(settings);
	if (!list.includes(to)) return `"${to}" is not a configured status (one of ${list.join(", ")})`;
	if (from === to) return null;
	const reopen = reopenStatus(settings);
	if (to === reopen || to === ARCHIVED) return null;
	if (from === null || !list.includes(from)) {
		const shown = from === null ? "it has no status" : `its status "${from}" is not configured`;
		return `${shown}; it can only be reopened to ${reopen} or archived`;
	}
	if (from === ARCHIVED) return `it is archived; reopen it to ${reopen} first`;
	const order = list.filter((s) => s !== ARCHIVED);
	// The reopen target is always the start, wherever it sits in the list.
	const rank = (s: string) => (s === reopen ? -1 : order.indexOf(s));
	if (rank(to) < rank(from)) return `"${from}" cannot go back to "${to}"; only reopening (to ${reopen}) goes back`;
	return null;
}

/** The statuses a source in `from` may move to, in configured order (current excluded). */
export function allowedTargets(from: string | null, settings: StatusList): string[] {
	return configuredStatuses(settings).filter((s) => s !== from && refusal(from, s, settings) === null);
}

/**
 * The edits of moving a note with this frontmatter to `to`: `status`, plus
 * `date_integrated` = today when entering `integrated` (added if missing, kept when it
 * already holds a date), or null when reopening (only when the key exists).
 */
export function transition(frontmatter: FrontmatterData, to: string, settings: StatusList, today: string): TransitionResult {
	if (!isCalendarDate(today)) return { ok: false, reason: `today "${today}" is not a YYYY-MM-DD date`, request: true };
	const from = scalarText(frontmatter.status);
	const why = refusal(from, to, settings);
	if (why) return { ok: false, reason: `cannot set status to "${to}": ${why}`, request: true };
	if (from === to) return { ok: true, from, to, edits: [] };
	const edits: FieldEdit[] = [{ key: "status", value: to }];
	const date = frontmatter[DATE_INTEGRATED];
	if (to === INTEGRATED) {
		if (!(typeof date === "string" && isCalendarDate(date))) edits.push({ key: DATE_INTEGRATED, value: today });
	} else if (to === reopenStatus(settings) && date !== undefined && date !== null) {
		edits.push({ key: DATE_INTEGRATED, value: null });
	}
	return { ok: true, from, to, edits };
}

/** Move a note's text to `to`, byte-exact outside the keys the transition sets. */
export function transitionNote(text: string, to: string, settings: StatusList, today: string): NoteTransitionResult {
	const read = readFrontmatter(text);
	if (!read.ok) return { ok: false, reason: `malformed frontmatter: ${read.reason}` };
	if (!read.data) return { ok: false, reason: "the note has no frontmatter" };
	const t = transition(read.data, to, settings, today);
	if (!t.ok) return t;
	if (t.edits.length === 0) return { ok: true, text, changed: false, from: t.from, to, edits: [] };
	const edited = editFrontmatter(text, t.edits);
	if (!edited.ok) return { ok: false, reason: edited.reason };
	return { ok: true, text: edited.text, changed: edited.changed, from: t.from, to, edits: t.edits };
}

/** Today's local date as `YYYY-MM-DD`: the date every transition writes unless one is given. */
export function localToday(now: Date = new Date()): string {
	return format(now, "yyyy-MM-dd");
}
