/**
 * `status <vault> <path|id> <status> [--today YYYY-MM-DD] [--json]`: one lifecycle
 * transition (docs/reference.md §3, §9). Exit 0 with what changed; exit 2 and no write for an unknown
 * status, a refused transition, an unknown note or a path outside the vault; exit 1
 * when the note's frontmatter is malformed (named on stderr).
 */
import { localToday, transitionNote } from "../../core/sources/lifecycle";
import type { CliArgs } from "../args";
import { UsageError } from "../folder-vault";
import { findSource, writeFailure, type LoadedVault } from "../load";
import type { CommandResult } from "../output";

export function status(loaded: LoadedVault, args: CliArgs): CommandResult {
	const [target, wanted, ...extra] = args.rest;
	if (target === undefined || wanted === undefined) throw new UsageError("status: usage: status <vault> <path|id> <status>");
	if (extra.length) throw new UsageError(`status: unexpected arguments: ${extra.join(" ")}`);
	const today = args.today ?? localToday();
	const refused = (path: string | null, message: string): CommandResult => ({
		json: { path, errors: [{ path: path ?? target, message }] },
		text: `${path ?? target}: not changed`,
		errors: [{ path: path ?? target, message: `${message}; nothing written` }],
		exit: 2,
	});

	const source = findSource(loaded, target);
	if (!source) {
		const path = loaded.vault.normalise(target);
		const broken = loaded.errors.find((e) => e.path === path);
		if (broken) return { json: { path, errors: [broken] }, text: `${path}: not changed`, errors: [broken] };
		return refused(null, `no SOURCE note with this path or id`);
	}
	// Re-read right before writing, so the edit is made on the file as it is now.
	const read = loaded.vault.readNote(source.path, loaded.settings.maxNoteBytes);
	if (!read.ok) {
		const error = { path: source.path, message: read.message };
		return { json: { path: source.path, errors: [error] }, text: `${source.path}: not changed`, errors: [error] };
	}
	const r = transitionNote(read.text, wanted, loaded.settings, today);
	if (!r.ok) {
		if (r.reason.startsWith("malformed")) {
			const error = { path: source.path, message: r.reason };
			return { json: { path: source.path, errors: [error] }, text: `${source.path}: not changed`, errors: [error] };
		}
		return refused(source.path, r.reason);
	}
	const changes = Object.fromEntries(r.edits.map((e) => [e.key, e.value]));
	if (r.changed && !args.dryRun) {
		const failed = writeFailure(loaded.vault, source.path, r.text);
		if (failed) return { json: { path: source.path, errors: [failed] }, text: `${source.path}: not changed`, errors: [failed] };
	}
	const what = r.edits.map((e) => `${e.key}: ${e.value === null ? "null" : String(e.value)}`).join(", ");
	const text = r.changed
		? `${source.path}: ${r.from ?? "(no status)"} → ${r.to} (${what})${args.dryRun ? " [dry run, nothing written]" : ""}`
		: `${source.path}: already ${r.to}, nothing changed`;
	return { json: { path: source.path, from: r.from, to: r.to, changes }, text, errors: [] };
}
