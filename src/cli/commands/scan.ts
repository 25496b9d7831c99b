/** `scan <vault> [--json]`: every SOURCE note with its problems, and per-file errors (docs/reference.md §9). */
import { validateSource } from "../../core/sources/source";
import type { CliArgs } from "../args";
import type { LoadedVault } from "../load";
import { table, type CommandResult } from "../output";

export function scan(loaded: LoadedVault, _args: CliArgs): CommandResult {
	const { index, resolver, settings } = loaded;
	const sources = [...index.sources()]
		.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
		.map((s) => ({
			path: s.path,
			id: s.id,
			title: s.title,
			status: s.status,
			platform: s.platform,
			url: s.url,
			videoId: s.videoId,
			aliases: s.aliases,
			integratedInto: s.integratedInto,
			backlinks: index.integratingNotes(s.path),
			problems: validateSource(s, settings, (linkpath, from) => resolver.resolve(linkpath, from) !== null),
		}));
	const errors = loaded.errors;
	// Not a problem of either note alone (docs/reference.md §2's codes), but worth knowing: `status <id>` refuses such an id.
	const warnings = index.duplicateIds().map((d) => `${d.id} is the id of ${d.paths.length} notes: ${d.paths.join(", ")}`);
	return {
		warnings,
		json: { sources, errors },
		// Built only when printed (not for --json).
		get text() {
			const rows = sources.map((s) => [s.status ?? "-", s.id, s.title ?? "(no title)", s.path, s.problems.map((p) => p.code).join(", ") || "ok"]);
			const summary = `${sources.length} sources, ${sources.filter((s) => s.problems.length).length} with problems, ${errors.length} files with errors, ${loaded.skipped} unparsable non-source files skipped`;
			return (rows.length ? table(["status", "id", "title", "path", "problems"], rows) + "\n" : "") + summary;
		},
		errors,
	};
}
