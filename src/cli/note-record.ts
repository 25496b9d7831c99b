/**
 * What one note read from disk contributes to a vault load: its frontmatter (or why it
 * has none) and, for notes that can integrate sources, its link counts. Computed where
 * the note was read — on the main thread or in a load worker — by this one function, and
 * applied to the index by `loadVault`. Plain data, so a worker can post it.
 */
import { locateFrontmatter, looksLikeSource, readFrontmatter, type FrontmatterData } from "../core/frontmatter/frontmatter";
import { countLinkTargets, extractLinkTargets, type LinkCounts, type LinkResolver } from "../core/vault/links";
import type { SourceSettings } from "../core/sources/settings";
import { isSourceFrontmatter } from "../core/sources/source";
import { frontmatterHead, type ReadNote } from "./folder-vault";

/** What one note contributes to a load. */
export type LoadedRecord =
	/** Not read (too big, not UTF-8, an I/O error); `looks`: it may be a SOURCE note, so an error. */
	| { kind: "unread"; message: string; looks: boolean }
	/** Frontmatter YAML the parser refuses; `looks`: it has a SOURCE id line, so an error. */
	| { kind: "malformed"; message: string; looks: boolean; links: LinkCounts | null }
	/** Read: its frontmatter (null when it has none). */
	| { kind: "read"; frontmatter: FrontmatterData | null; links: LinkCounts | null };

/** A record as a reader hands it over: complete, or a SOURCE note's frontmatter text still to read. */
export type NoteRecord =
	| LoadedRecord
	/**
	 * Read by a load worker and left to the main thread: the frontmatter text of a note with a
	 * SOURCE id line. Parsed where the index lives, it costs less than posting the parsed data.
	 */
	| { kind: "head"; head: string };

export interface RecordContext {
	settings: SourceSettings;
	resolver: LinkResolver;
	/** Count the links of SOURCE notes too (by default only notes that can integrate are scanned). */
	linksOfSources: boolean;
}

/**
 * The record of one note as read. `deferSource` (a load worker): asked for a note whose
 * frontmatter has a SOURCE id line; when it answers true the note is returned as its
 * `head`, for `recordOfHead` on the main thread.
 */
export function noteRecord(path: string, read: ReadNote, ctx: RecordContext, deferSource?: () => boolean): NoteRecord {
	const prefix = ctx.settings.idPrefix;
	if (!read.ok) {
		const lenient = read.lenient;
		const looks = lenient !== undefined ? rawLooksLikeSource(lenient, prefix) : true;
		// Not UTF-8 and not a SOURCE note: Obsidian still reads it (bad bytes as U+FFFD) and
		// counts its links, so it integrates sources here too. It is never written: a command
		// that reads it again gets the UTF-8 error.
		if (lenient !== undefined && !looks) return recordOf(path, lenient, () => lenient, ctx) as LoadedRecord;
		return { kind: "unread", message: read.message, looks };
	}
	// The frontmatter alone when it can be cut out of the bytes: a source's body is then never decoded.
	const head = read.raw ? frontmatterHead(read.raw) : null;
	if (deferSource && head !== null && !ctx.linksOfSources && looksLikeSource(head, prefix) && deferSource()) return { kind: "head", head };
	// With the whole text at hand the record is always complete.
	return recordOf(path, head ?? read.text, () => read.text, ctx) as LoadedRecord;
}

/**
 * Complete a `head` record: the same answer `noteRecord` gives, or null when the note turns
 * out to need its whole text (its links count after all) and must be read again.
 */
export function recordOfHead(path: string, head: string, ctx: RecordContext): LoadedRecord | null {
	return recordOf(path, head, null, ctx);
}

/** `front`: the note's text, or at least up to its closing `---`; `text`: the whole note, when at hand. */
function recordOf(path: string, front: string, text: (() => string) | null, ctx: RecordContext): LoadedRecord | null {
	const fm = readFrontmatter(front);
	const links = (): LinkCounts | undefined =>
		text === null ? undefined : countLinkTargets(extractLinkTargets(text(), { block: fm.block, frontmatter: fm.ok ? fm.data : null }), path, ctx.resolver);
	if (!fm.ok) {
		const looks = looksLikeSource(front.slice(fm.block.yamlStart, fm.block.yamlEnd), ctx.settings.idPrefix);
		// A broken SOURCE note is still a source: its links (e.g. `chain`) integrate nothing.
		if (looks && !ctx.linksOfSources) return { kind: "malformed", message: `malformed frontmatter: ${fm.reason}`, looks, links: null };
		const counts = links();
		return counts === undefined ? null : { kind: "malformed", message: `malformed frontmatter: ${fm.reason}`, looks, links: counts };
	}
	if (isSourceFrontmatter(path, fm.data, ctx.settings) && !ctx.linksOfSources) return { kind: "read", frontmatter: fm.data, links: null };
	const counts = links();
	return counts === undefined ? null : { kind: "read", frontmatter: fm.data, links: counts };
}

function rawLooksLikeSource(text: string, prefix: string): boolean {
	const block = locateFrontmatter(text);
	return block !== null && looksLikeSource(text.slice(block.yamlStart, block.yamlEnd), prefix);
}
