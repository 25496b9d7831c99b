/** `timestamps <vault> <path|id> [--json]`: a note's timestamps and seek URLs (docs/reference.md §6, §9). */
import { findTimestamps, noteVideo } from "../../core/markdown/timestamps";
import { seekUrl } from "../../core/sources/youtube";
import type { CliArgs } from "../args";
import { UsageError } from "../folder-vault";
import { findSource, type LoadedNote, type LoadedVault } from "../load";
import { table, type CommandResult } from "../output";

export type NoteLookup = { ok: true; note: LoadedNote; text: string } | { ok: false; path: string; message: string };

/**
 * The note a `<path|id>` argument names: a SOURCE id, or the vault path of any Markdown
 * note. Usage errors (no argument, a path outside the vault, no such note) throw
 * UsageError (exit 2); a note that exists but could not be read is an error value (exit 1).
 */
export function noteArgument(loaded: LoadedVault, args: CliArgs): NoteLookup {
	const arg = args.rest[0];
	if (arg === undefined || arg === "") throw new UsageError(`${args.command}: no note given (a vault path or a SOURCE id)`);
	if (args.rest.length > 1) throw new UsageError(`${args.command}: unexpected argument ${args.rest[1] ?? ""}`);
	const source = findSource(loaded, arg);
	const path = source?.path ?? loaded.vault.normalise(arg);
	const note = loaded.notes.get(path);
	if (note) {
		const read = note.read();
		return read.ok ? { ok: true, note, text: read.text } : { ok: false, path, message: read.message };
	}
	const error = loaded.errors.find((e) => e.path === path);
	if (error) return { ok: false, path, message: error.message };
	throw new UsageError(`${args.command}: no Markdown note or SOURCE id "${arg}" in the vault`);
}

export function timestamps(loaded: LoadedVault, args: CliArgs): CommandResult {
	const found = noteArgument(loaded, args);
	if (!found.ok) {
		const errors = [{ path: found.path, message: found.message }];
		return { json: { videoId: null, timestamps: [], errors }, text: `${found.path}: not read`, errors };
	}
	const { note, text } = found;
	const video = noteVideo(text);
	const errors = video.ok ? [] : [{ path: note.path, message: `malformed frontmatter: ${video.reason}` }];
	const videoId = video.ok ? video.videoId : null;
	const list = findTimestamps(text, { videoId, duration: video.ok ? video.duration : null }).map((t) => ({
		line: t.line,
		text: t.text,
		seconds: t.seconds,
		label: t.label,
		url: videoId === null ? null : seekUrl(videoId, t.seconds),
	}));
	const rows = list.map((t) => [String(t.line), t.text, String(t.seconds), t.label, t.url ?? "-"]);
	const summary = `${note.path}: ${list.length} timestamps, ${videoId === null ? "no YouTube video (url)" : `video ${videoId}`}`;
	return {
		json: { videoId, timestamps: list },
		text: (rows.length ? table(["line", "time", "seconds", "label", "url"], rows) + "\n" : "") + summary,
		errors,
	};
}
