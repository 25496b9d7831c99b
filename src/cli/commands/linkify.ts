/** `linkify <vault> <path|id> [--dry-run] [--json]`: timestamps become seek links, atomically (docs/reference.md §6, §9). */
import { linkifyNote } from "../../core/markdown/timestamps";
import type { CliArgs } from "../args";
import type { LoadedVault } from "../load";
import { editNote } from "../note-edit";
import type { CommandResult } from "../output";
import { noteArgument } from "./timestamps";

type Linkified = { videoId: string | null; linked: number };

export function linkify(loaded: LoadedVault, args: CliArgs): CommandResult {
	const found = noteArgument(loaded, args);
	const notChanged = (path: string, message: string, videoId: string | null = null): CommandResult => {
		const errors = [{ path, message }];
		return { json: { path, videoId, linked: 0, changed: false, dryRun: args.dryRun, errors }, text: `${path}: not changed`, errors };
	};
	if (!found.ok) return notChanged(found.path, found.message);
	const path = found.note.path;
	// Computed from the note as it is when written (docs/safety.md): a change made meanwhile is kept.
	const outcome = editNote<Linkified>(
		loaded.vault,
		path,
		loaded.settings.maxNoteBytes,
		(text) => {
			const r = linkifyNote(text);
			return r.ok ? { ok: true, text: r.text, value: { videoId: r.videoId, linked: r.linked } } : { ok: false, message: `${r.reason}; not changed` };
		},
		args.dryRun,
	);
	if (!outcome.ok) return notChanged(path, outcome.message);
	const { videoId, linked } = outcome.value;
	const what =
		videoId === null
			? "no YouTube video (url), nothing to link"
			: linked === 0
				? "no plain timestamps, nothing to link"
				: `${linked} timestamps ${args.dryRun ? "would be linked (dry run, nothing written)" : "linked"}`;
	return {
		json: { path, videoId, linked, changed: outcome.changed, dryRun: args.dryRun },
		text: `${path}: ${what}`,
		errors: [],
		warnings: videoId === null ? [`${path}: no YouTube video in its url property; timestamps stay plain text`] : [],
	};
}
