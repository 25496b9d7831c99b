/**
 * What one note read from disk contributes to a vault load: its frontmatter (or why it
 * has none) and, for notes that can integrate sources, the link targets it names — before
 * resolution, which depends on the set of files and is redone on every run. Plain data, so
 * the warm-scan cache (scan-cache.ts) can keep it.
 */
import { locateFrontmatter, looksLikeSource, readFrontmatter, type FrontmatterData } from "../core/frontmatter/frontmatter";
import { extractLinkTargets, type LinkTargets } from "../core/vault/links";
import type { SourceSettings } from "../core/sources/settings";
import { isSourceFrontmatter } from "../core/sources/source";
import { frontmatterHead, type ReadNote } from "./folder-vault";

/** What one note contributes to a load. */
export type LoadedRecord =
	/** Not read (too big, not UTF-8, an I/O error); `looks`: it may be a SOURCE note, so an error. */
	| { kind: "unread"; message: string; looks: boolean }
	/** Frontmatter YAML the parser refuses; `looks`: it has a SOURCE id line, so an error. */
	| { kind: "malformed"; message: string; looks: boolean; targets: LinkTargets | null }
	/** Read: its frontmatter (null when it has none). */
	| { kind: "read"; frontmatter: FrontmatterData | null; targets: LinkTargets | null };

export interface RecordContext {
	settings: SourceSettings;
	/** Extract the links of SOURCE notes too (by default only notes that can integrate are scanned). */
	linksOfSources: boolean;
}

/** The record of one note as read. */
export function noteRecord(path: string, read: ReadNote, ctx: RecordContext): LoadedRecord {
	const prefix = ctx.settings.idPrefix;
	if (!read.ok) {
		const lenient = read.lenient;
		const looks = lenient !== undefined ? rawLooksLikeSource(lenient, prefix) : true;
		// Not UTF-8 and not a SOURCE note: Obsidian still reads it (bad bytes as U+FFFD) and
		// counts its links, so it integrates sources here too. It is never written: a command
		// that reads it again gets the UTF-8 error.
		if (lenient !== undefined && !looks) return recordOf(path, lenient, () => lenient, ctx);
		return { kind: "unread", message: read.message, looks };
	}
	// The frontmatter alone when it can be cut out of the bytes: a source's body is then never decoded.
	const head = read.raw ? frontmatterHead(read.raw) : null;
	return recordOf(path, head ?? read.text, () => read.text, ctx);
}

/** `front`: the note's text, or at least up to its closing `---`; `text`: the whole note. */
function recordOf(path: string, front: string, text: () => string, ctx: RecordContext): LoadedRecord {
	const fm = readFrontmatter(front);
	const targets = (): LinkTargets => extractLinkTargets(text(), { block: fm.block, frontmatter: fm.ok ? fm.data : null });
	if (!fm.ok) {
		const looks = looksLikeSource(front.slice(fm.block.yamlStart, fm.block.yamlEnd), ctx.settings.idPrefix);
		// A broken SOURCE note is still a source: its links (e.g. `chain`) integrate nothing.
		const counted = !looks || ctx.linksOfSources;
		return { kind: "malformed", message: `malformed frontmatter: ${fm.reason}`, looks, targets: counted ? targets() : null };
	}
	if (isSourceFrontmatter(path, fm.data, ctx.settings) && !ctx.linksOfSources) return { kind: "read", frontmatter: fm.data, targets: null };
	return { kind: "read", frontmatter: fm.data, targets: targets() };
}

/** True when a record lacks link targets that `ctx` needs (a source's, for `links`). */
export function needsTargets(record: LoadedRecord, ctx: RecordContext): boolean {
	return ctx.linksOfSources && record.kind !== "unread" && record.targets === null;
}

function rawLooksLikeSource(text: string, prefix: string): boolean {
	const block = locateFrontmatter(text);
	return block !== null && looksLikeSource(text.slice(block.yamlStart, block.yamlEnd), prefix);
}
