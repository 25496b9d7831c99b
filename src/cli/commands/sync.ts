/**
 * `sync <vault> [--dry-run] [--json] [--today YYYY-MM-DD]` (docs/reference.md §9): fill aliases (§4) and
 * integrated_into (§5), apply auto-integrate (§3). Only the sources that change are
 * written, each atomically; `--dry-run` writes nothing and reports the same changes.
 */
import { planSync, syncNoteText } from "../../core/vault/backlinks";
import { validateSource } from "../../core/sources/source";
import type { FieldValue } from "../../core/frontmatter/edit";
import type { CliArgs } from "../args";
import type { FileError, LoadedVault } from "../load";
import { editNote } from "../note-edit";
import type { CommandResult } from "../output";
import { localToday } from "../../core/sources/lifecycle";

export interface SyncJson {
	changed: { path: string; changes: Record<string, FieldValue> }[];
	unchanged: number;
	errors: FileError[];
	/**
	 * What sync left alone and why, as `path: message` (also on stderr): notes no wikilink
	 * can name, stale entries. Only when there is any: the shape is otherwise the contract's.
	 */
	warnings?: string[];
}

export function sync(loaded: LoadedVault, args: CliArgs): CommandResult {
	const { index, resolver, settings, vault } = loaded;
	const today = args.today ?? localToday();
	const plans = planSync(index, resolver, settings, today);
	const errors: FileError[] = [...loaded.errors];
	const changed: SyncJson["changed"] = [];
	let failed = 0;
	const warnings: string[] = [];
	for (const plan of plans) {
		for (const message of plan.errors) errors.push({ path: plan.path, message });
		for (const message of plan.warnings) warnings.push(`${plan.path}: ${message}`);
		if (plan.edits.length === 0) continue;
		// Planned again from the note as it is when written (as the plugin does inside
		// vault.process): an edit made since the load, or during this write, is kept.
		const outcome = editNote(
			vault,
			plan.path,
			settings.maxNoteBytes,
			(text) => {
				const applied = syncNoteText(plan.path, text, index.integratingNotes(plan.path), resolver, settings, today);
				return applied.ok ? { ok: true, text: applied.text, value: applied.plan } : { ok: false, message: `not changed: ${applied.reason}` };
			},
			args.dryRun,
		);
		if (!outcome.ok) {
			errors.push({ path: plan.path, message: outcome.unread ? `not changed: ${outcome.message}` : outcome.message });
			failed++;
			continue;
		}
		if (outcome.changed) changed.push({ path: plan.path, changes: outcome.value.changes });
	}
	const exists = (linkpath: string, from: string) => resolver.resolve(linkpath, from) !== null;
	for (const source of index.sources()) {
		if (source.integratedInto.length === 0) continue;
		for (const p of validateSource(source, settings, exists)) {
			if (p.code === "stale-integrated-into") warnings.push(`${source.path}: ${p.code}: ${p.message}`);
		}
	}
	warnings.sort();
	errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
	const json: SyncJson = { changed, unchanged: index.size - changed.length - failed, errors, ...(warnings.length ? { warnings } : {}) };
	const verb = args.dryRun ? "would change" : "changed";
	const lines = changed.map((c) => `${verb} ${c.path}: ${Object.keys(c.changes).join(", ")}`);
	lines.push(`${changed.length} sources ${verb}, ${json.unchanged} unchanged, ${errors.length} errors${args.dryRun ? " (dry run: nothing written)" : ""}`);
	return { json, text: lines.join("\n"), errors, warnings };
}
