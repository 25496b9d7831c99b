/**
 * The one writer of the plugin: applies core edits inside `vault.process`, so the edit
 * is made on the note's current text and a concurrent change is never overwritten.
 * A note open in an editor is edited in the editor instead: one transaction, so the edit
 * is one undo step, the cursor stays, and typing not yet saved is kept (Obsidian saves the
 * editor about 2 s after typing stops; a file write meanwhile lands outside its undo
 * history — docs/obsidian-behaviour.md). Refusals (malformed YAML, a value it will not
 * rewrite) become a Notice naming the file.
 */
import { MarkdownView, Notice, type App, type Editor, type TFile } from "obsidian";
import { editFrontmatter, type FieldEdit } from "../core/frontmatter/edit";
import { overLimitMessage } from "../core/sources/settings";

export type WriteOutcome = "written" | "unchanged" | "refused";

export class NoteWriter {
	/** `maxBytes`: the maximum note size setting; a larger note is never read or written. */
	constructor(
		private app: App,
		private maxBytes: () => number = () => Number.POSITIVE_INFINITY,
		/** Told of each write with the note's new text (the index reads it before Obsidian's `changed`). */
		private written: (file: TFile, text: string) => void = () => undefined,
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
			let after = "";
			const apply = (text: string): string => {
				const r = edit(text);
				if (!r.ok) {
					outcome = "refused";
					reason = r.reason;
					return text;
				}
				outcome = r.text === text ? "unchanged" : "written";
				after = r.text;
				return r.text;
			};
			const editor = this.openEditor(file);
			if (editor) editInEditor(editor, apply);
			else await this.app.vault.process(file, apply);
			// Set inside `apply` (TypeScript does not see the callback assign it).
			if ((outcome as WriteOutcome) === "written") this.written(file, after);
		} catch (e) {
			outcome = "refused";
			reason = e instanceof Error ? e.message : String(e);
		}
		if (outcome === "refused" && !quiet) new Notice(`Source Lifecycle: ${file.path} was not changed: ${reason}`);
		return outcome;
	}

	/** The editor of a Markdown tab showing the note, if one is open. */
	private openEditor(file: TFile): Editor | null {
		for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
			const view = leaf.view;
			if (view instanceof MarkdownView && view.file?.path === file.path) return view.editor;
		}
		return null;
	}
}

/** Apply an edit of the editor's text as one transaction covering only what changed. */
function editInEditor(editor: Editor, apply: (text: string) => string): void {
	const before = editor.getValue();
	const after = apply(before);
	if (after === before) return;
	let start = 0;
	const shorter = Math.min(before.length, after.length);
	while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
	let end = 0;
	while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
	editor.transaction({
		changes: [{ from: editor.offsetToPos(start), to: editor.offsetToPos(before.length - end), text: after.slice(start, after.length - end) }],
	});
}
