/** `linkify <vault> <path|id> [--dry-run] [--json]`: timestamps become seek links, atomically (docs/reference.md §6, §9). */
import { linkifyNote } from "../../core/markdown/timestamps";
import type { CliArgs } from "../args";
import { writeFailure, type LoadedVault } from "../load";
import type { CommandResult } from "../output";
import { noteArgument } from "./timestamps";

export function linkify(loaded: LoadedVault, args: CliArgs): CommandResult {
	const found = noteArgument(loaded, args);
	if (!found.ok) {
		const errors = [{ path: found.path, message: found.message }];
		return { json: { path: found.path, videoId: null, linked: 0, changed: false, dryRun: args.dryRun, errors }, text: `${found.path}: not changed`, errors };
	}
	const { note, text } = found;
	const r = linkifyNote(text);
	if (!r.ok) {
		const errors = [{ path: note.path, message: `${r.reason}; not changed` }];
		return { json: { path: note.path, videoId: null, linked: 0, changed: false, dryRun: args.dryRun, errors }, text: `${note.path}: not changed`, errors };
	}
	const changed = r.text !== text;
	if (changed && !args.dryRun) {
		const failed = writeFailure(loaded.vault, note.path, r.text);
		if (failed) return { json: { path: note.path, videoId: r.videoId, linked: 0, changed: false, dryRun: false, errors: [failed] }, text: `${note.path}: not changed`, errors: [failed] };
	}
	const what =
		r.videoId === null
			? "no YouTube video (url), nothing to link"
			: r.linked === 0
				? "no plain timestamps, nothing to link"
				: `${r.linked} timestamps ${args.dryRun ? "would be linked (dry run, nothing written)" : "linked"}`;
	return {
		json: { path: note.path, videoId: r.videoId, linked: r.linked, changed, dryRun: args.dryRun },
		text: `${note.path}: ${what}`,
		errors: [],
		warnings: r.videoId === null ? [`${note.path}: no YouTube video in its url property; timestamps stay plain text`] : [],
	};
}
