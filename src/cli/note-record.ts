/**
 * What one note read from disk contributes to a vault load: its frontmatter (or why it
 * has none) and, for notes that can integrate sources, its link counts. Computed where
 * the note was read — on the main thread or in a load worker — by this one function, and
 * applied to the index by `loadVault`. Plain data, so a worker can post it.
 */
import { locateFrontmatter, looksLikeSource, readFrontmatter, type FrontmatterData } from "../core/frontmatter";
import { countLinkTargets, extractLinkTargets, type LinkCounts, type LinkResolver } from "../core/links";
import type { SourceSettings } from "../core/settings";
import { isSourceFrontmatter } from "../core/source";
import { frontmatterHead, type ReadNote } from "./folder-vault";

export type NoteRecord =
	/** Not read (too big, not UTF-8, an I/O error); `looks`: it may be a SOURCE note, so an error. */
	| { kind: "unread"; message: string; looks: boolean }
	/** Frontmatter YAML the parser refuses; `looks`: it has a SOURCE id line, so an error. */
	| { kind: "malformed"; message: string; looks: boolean; links: LinkCounts | null }
	/** Read: its frontmatter (null when it has none). */
	| { kind: "read"; frontmatter: FrontmatterData | null; links: LinkCounts | null };

export interface RecordContext {
	settings: SourceSettings;
	resolver: LinkResolver;
	/** Count the links of SOURCE notes too (by default only notes that can integrate are scanned). */
	linksOfSources: boolean;
}

export function noteRecord(path: string, read: ReadNote, ctx: RecordContext): NoteRecord {
	const prefix = ctx.settings.idPrefix;
	if (!read.ok) {
		const looks = read.latin1 !== undefined ? rawLooksLikeSource(read.latin1, prefix) : true;
		return { kind: "unread", message: read.message, looks };
	}
	// The frontmatter alone when it can be cut out of the bytes: a source's body is then never decoded.
	const head = read.raw ? frontmatterHead(read.raw) : null;
	const fm = readFrontmatter(head ?? read.text);
	const links = (): LinkCounts =>
		countLinkTargets(extractLinkTargets(read.text, { block: fm.block, frontmatter: fm.ok ? fm.data : null }), path, ctx.resolver);
	if (!fm.ok) {
		const looks = looksLikeSource((head ?? read.text).slice(fm.block.yamlStart, fm.block.yamlEnd), prefix);
		// A broken SOURCE note is still a source: its links (e.g. `chain`) integrate nothing.
		return { kind: "malformed", message: `malformed frontmatter: ${fm.reason}`, looks, links: !looks || ctx.linksOfSources ? links() : null };
	}
	const source = isSourceFrontmatter(path, fm.data, ctx.settings);
	return { kind: "read", frontmatter: fm.data, links: ctx.linksOfSources || !source ? links() : null };
}

function rawLooksLikeSource(text: string, prefix: string): boolean {
	const block = locateFrontmatter(text);
	return block !== null && looksLikeSource(text.slice(block.yamlStart, block.yamlEnd), prefix);
}
