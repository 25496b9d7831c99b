/**
 * `integrate <vault> <source path|id> <note path> [--create] [--today D] [--dry-run] [--json]`
 * (docs/reference.md §7, §9): what "Integrate into note…" does in Obsidian, on a vault
 * folder. The source link goes under the integration heading of the note (the note is
 * created with `--create`), the note into the source's `integrated_into`, and the source
 * to `integrated`. The source is checked first: a refusal writes nothing anywhere (exit 2).
 * Each note is written atomically, after being read again.
 */
import { appendSourceLink, integrateSourceText, integrationEdits, integrationNotePath } from "../../core/sources/integration";
import { localToday } from "../../core/sources/lifecycle";
import { integratedLinkText, unnameableNote } from "../../core/vault/backlinks";
import type { CliArgs } from "../args";
import { UsageError, type FolderVault } from "../folder-vault";
import { findSource, writeFailure, type LoadedVault } from "../load";
import type { CommandResult } from "../output";

export function integrate(loaded: LoadedVault, args: CliArgs): CommandResult {
	const [sourceArg, noteArg] = args.rest;
	if (sourceArg === undefined || noteArg === undefined) throw new UsageError("integrate: usage: integrate <vault> <source path|id> <note path> [--create]");
	const { vault, settings, resolver } = loaded;
	const today = args.today ?? localToday();
	const refused = (message: string): CommandResult => ({
		json: { source: sourceArg, note: noteArg, errors: [{ path: noteArg, message }] },
		text: `${noteArg}: not integrated`,
		errors: [{ path: sourceArg, message: `${message}; nothing written` }],
		exit: 2,
	});
	const source = findSource(loaded, sourceArg);
	if (!source) return refused("no SOURCE note with this path or id");
	const path = integrationNotePath(noteArg, (p) => vault.normalise(p));
	if (typeof path !== "string") return refused(path.reason);
	if (path === source.path) return refused("a source cannot be integrated into itself");
	if (loaded.index.getSource(path)) return refused(`${path} is a SOURCE note; integrate sources into your own notes`);
	const exists = loaded.files.includes(path);
	if (!exists && !("create" in args.options)) return refused(`${path} does not exist (give --create to create it)`);

	const sourceRead = vault.readNote(source.path, settings.maxNoteBytes);
	if (!sourceRead.ok) return refused(`${source.path}: ${sourceRead.message}`);
	const noteRead = exists ? vault.readNote(path, settings.maxNoteBytes) : ({ ok: true, text: "" } as const);
	if (!noteRead.ok) return refused(`${path}: ${noteRead.message}`);

	// Link texts as Obsidian's fileToLinktext gives them, with a created note in the vault.
	if (!exists) resolver.add(path);
	// Both links must resolve back to their note (docs/reference.md §5), as sync's entries do.
	const entryText = integratedLinkText(path, source.path, resolver);
	if (entryText === null) return refused(unnameableNote(path));
	const linkText = integratedLinkText(source.path, path, resolver);
	if (linkText === null) return refused(unnameableNote(source.path));
	const pointsAt = (target: string, from: string) => (linkpath: string) => resolver.resolve(linkpath, from) === target;
	const planned = integrationEdits(sourceRead.text, entryText, settings, today, pointsAt(path, source.path));
	if (!planned.ok) return refused(planned.reason);
	const sourceEdit = integrateSourceText(sourceRead.text, entryText, settings, today, pointsAt(path, source.path));
	if (!sourceEdit.ok) return refused(sourceEdit.reason);
	const noteEdit = appendSourceLink(noteRead.text, settings.integrationHeading, linkText, pointsAt(source.path, path));
	if (!noteEdit.ok) return refused(noteEdit.reason);

	const noteChanged = noteEdit.changed || !exists;
	if (!args.dryRun) {
		// A created note never replaces a file made meanwhile (createExclusive).
		const notCreated = exists ? null : createNote(vault, path, noteEdit.text);
		if (notCreated !== null) return refused(notCreated);
		const failed = (exists && noteChanged ? writeFailure(vault, path, noteEdit.text) : null) ?? (sourceEdit.changed ? writeFailure(vault, source.path, sourceEdit.text) : null);
		if (failed) return { json: { source: source.path, note: path, errors: [failed] }, text: `${failed.path}: not changed`, errors: [failed] };
	}
	const changes = Object.fromEntries(planned.edits.map((e) => [e.key, e.value]));
	const dry = args.dryRun ? " [dry run, nothing written]" : "";
	const what = [noteChanged ? `${path}: ${exists ? "" : "created, "}linked ${source.path} under ${settings.integrationHeading}` : `${path}: already links ${source.path}`];
	what.push(sourceEdit.changed ? `${source.path}: ${Object.keys(changes).join(", ")}` : `${source.path}: already integrated into ${path}`);
	return { json: { source: source.path, note: path, changes, noteChanged }, text: what.join("\n") + dry, errors: [] };
}

/** Create the note (never replacing a file made meanwhile); why not, or null when created. */
function createNote(vault: FolderVault, path: string, text: string): string | null {
	try {
		return vault.createExclusive(path, text) ? null : `${path} appeared while integrating`;
	} catch (e) {
		return `cannot create ${path}: ${(e as Error).message}`;
	}
}
