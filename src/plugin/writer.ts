/**
 * The one writer of the plugin: applies core edits inside `vault.process`, so the edit
 * is made on the note's current text and a concurrent change is never overwritten.
 * Refusals (malformed YAML, a value it will not rewrite) become a Notice naming the file.
 */
import { Notice, type App, type TFile } from "obsidian";
import { editFrontmatter, type FieldEdit } from "../core/frontmatter/edit";
import { overLimitMessage } from "../core/sources/settings";

export type WriteOutcome = "written" | "unchanged" | "refused";

export class NoteWriter {
	/** `maxBytes`: the maximum note size setting; a larger note is never read or written. */
	constructor(
		private app: App,
		private maxBytes: () => number = () => Number.POSITIVE_INFINITY,
	) {}

	/** Set frontmatter fields, byte-exact; returns what happened. */
	async setFields(file: TFile, edits: readonly FieldEdit[], quiet = false): Promise<WriteOutcome> {
		return this.editText(file, (text) => {
			const r = editFrontmatter(text, edits);
			return r.ok ? { ok: true, text: r.text } : { ok: false, reason: r.reason };
		}, quiet);
	}

	/** Any pure text edit of a note, applied atomically with `vault.process`. */
	async editText(
		file: TFile,
		edit: (text: string) => { ok: true; text: string } | { ok: false; reason: string },
		quiet = false,
	): Promise<WriteOutcome> {
		let outcome: WriteOutcome = "unchanged";
		let reason = "";
		const max = this.maxBytes();
		if (file.stat.size > max) {
			outcome = "refused";
			reason = overLimitMessage(file.stat.size, max);
		} else try {
			await this.app.vault.process(file, (text) => {
				const r = edit(text);
				if (!r.ok) {
					outcome = "refused";
					reason = r.reason;
					return text;
				}
				outcome = r.text === text ? "unchanged" : "written";
				return r.text;
			});
		} catch (e) {
			outcome = "refused";
			reason = e instanceof Error ? e.message : String(e);
		}
		if (outcome === "refused" && !quiet) new Notice(`Source Lifecycle: ${file.path} was not changed: ${reason}`);
		return outcome;
	}
}
