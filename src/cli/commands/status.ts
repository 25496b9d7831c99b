/**
 * `status <vault> <path|id> <status> [--today YYYY-MM-DD] [--json]`: one lifecycle
 * transition (docs/reference.md §3, §9). Exit 0 with what changed; exit 2 and no write for an
 * unknown status, a refused transition, an unknown note or a path outside the vault; exit 1
 * for a problem of the note itself (malformed frontmatter, an edit it cannot take, a failed
 * write), named on stderr — as `sync` reports the same problem.
 */
import { localToday, transitionNote, type NoteTransitionResult } from "../../core/sources/lifecycle";
import type { CliArgs } from "../args";
import { UsageError } from "../folder-vault";
import { brokenNoteWithId, findSource, type FileError, type LoadedVault } from "../load";
import { editNote } from "../note-edit";
import type { CommandResult } from "../output";

export function status(loaded: LoadedVault, args: CliArgs): CommandResult {
	const [target, wanted, ...extra] = args.rest;
	if (target === undefined || wanted === undefined) throw new UsageError("status: usage: status <vault> <path|id> <status>");
	if (extra.length) throw new UsageError(`status: unexpected arguments: ${extra.join(" ")}`);
	const today = args.today ?? localToday();
	const noteError = (error: FileError): CommandResult => ({ json: { path: error.path, errors: [error] }, text: `${error.path}: not changed`, errors: [error] });
	const refused = (path: string | null, message: string): CommandResult => ({
		json: { path, errors: [{ path: path ?? target, message }] },
		text: `${path ?? target}: not changed`,
		errors: [{ path: path ?? target, message: `${message}; nothing written` }],
		exit: 2,
	});

	const source = findSource(loaded, target);
	if (!source) {
		const path = loaded.vault.normalise(target);
		const broken = loaded.errors.find((e) => e.path === path) ?? brokenNoteWithId(loaded, target);
		if (broken) return noteError(broken);
		return refused(null, `no SOURCE note with this path or id`);
	}
	// Computed from the note as it is when written (docs/safety.md): a change made meanwhile is kept.
	const outcome = editNote<NoteTransitionResult>(
		loaded.vault,
		source.path,
		loaded.settings.maxNoteBytes,
		(text) => {
			const r = transitionNote(text, wanted, loaded.settings, today);
			return r.ok ? { ok: true, text: r.changed ? r.text : text, value: r } : { ok: false, message: r.reason, value: r };
		},
		args.dryRun,
	);
	if (!outcome.ok) {
		if (outcome.value && !outcome.value.ok && outcome.value.request) return refused(source.path, outcome.value.reason);
		return noteError({ path: source.path, message: outcome.message });
	}
	const r = outcome.value;
	if (!r.ok) return noteError({ path: source.path, message: r.reason });
	const changes = Object.fromEntries(r.edits.map((e) => [e.key, e.value]));
	const what = r.edits.map((e) => `${e.key}: ${e.value === null ? "null" : String(e.value)}`).join(", ");
	const text = r.changed
		? `${source.path}: ${r.from ?? "(no status)"} → ${r.to} (${what})${args.dryRun ? " [dry run, nothing written]" : ""}`
		: `${source.path}: already ${r.to}, nothing changed`;
	return { json: { path: source.path, from: r.from, to: r.to, changes }, text, errors: [] };
}
