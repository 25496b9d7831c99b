/**
 * One note edited on a vault folder the way Obsidian's `vault.process` edits it
 * (docs/safety.md): the new text is computed from the note as read, and written only if
 * the note still holds that text right before the rename. When another program changed it
 * meanwhile, the edit is computed again from the new text — never written over it, never
 * dropped silently; after MAX_ATTEMPTS changes in a row it fails, naming the note.
 */
import { NoteChangedError, type FolderVault } from "./folder-vault";

/** A computed edit: the note's new text, or why the note cannot be edited. */
export type Computed<T> = { ok: true; text: string; value: T } | { ok: false; message: string; value?: T };

export type EditOutcome<T> =
	/** `changed`: the computed text differs from the note's (written unless a dry run). */
	| { ok: true; changed: boolean; value: T }
	/** `value`: what the refusing computation gave back, if anything; `unread`: the note could not be read. */
	| { ok: false; message: string; value?: T; unread?: true };

/** Tries before an edit of a note another program keeps changing is given up. */
export const MAX_ATTEMPTS = 5;

export function editNote<T>(vault: FolderVault, path: string, maxBytes: number, compute: (text: string) => Computed<T>, dryRun = false): EditOutcome<T> {
	for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
		const read = vault.readNote(path, maxBytes);
		if (!read.ok) return { ok: false, message: read.message, unread: true };
		const computed = compute(read.text);
		if (!computed.ok) return computed;
		const changed = computed.text !== read.text;
		if (!changed || dryRun) return { ok: true, changed, value: computed.value };
		try {
			vault.writeAtomic(path, computed.text, read.text);
			return { ok: true, changed, value: computed.value };
		} catch (e) {
			if (e instanceof NoteChangedError) continue;
			return { ok: false, message: `cannot write: ${(e as Error).message}; the note is unchanged` };
		}
	}
	return { ok: false, message: `the note was changed by another program ${MAX_ATTEMPTS} times while this edit was being written; not changed, run the command again` };
}
