/**
 * Reading view: a Markdown post-processor that turns timestamps in rendered text into
 * seek links (docs/reference.md §6). It walks text nodes only (TreeWalker), never code, pre or links,
 * and builds each link with createEl: the token goes in as text, the href is a seekUrl.
 */
import type { App, MarkdownPostProcessor, MarkdownPostProcessorContext, MarkdownSectionInformation } from "obsidian";
import { findTimestampsInFragment, type TimestampContext } from "../core/markdown/timestamps";
import { parseDuration } from "../core/markdown/timestamp-rules";
import { seekUrl, videoIdFromUrl } from "../core/sources/youtube";
import { sectionTimestamps } from "./section-timestamps";

export const SEEK_CLASS = "source-lifecycle-seek";

/** Elements whose text is never a timestamp: code, links, and what is not prose. */
const SKIP_TAGS = new Set(["CODE", "PRE", "A", "SCRIPT", "STYLE", "TEXTAREA", "BUTTON", "SELECT", "SVG", "MATH", "MJX-CONTAINER", "KBD", "SAMP"]);
/** Obsidian classes of rendered things that are not this note's prose (embeds carry their own note). */
const SKIP_CLASSES = ["internal-embed", "markdown-embed", "frontmatter", "math", "internal-link", "external-link"];
/** Elements that start a new line of text. */
const BLOCK_TAGS = new Set([
	"P", "LI", "DIV", "SECTION", "BLOCKQUOTE", "H1", "H2", "H3", "H4", "H5", "H6", "TD", "TH", "DD", "DT",
	"UL", "OL", "DL", "TABLE", "TR", "HR", "DETAILS", "SUMMARY", "FIGURE", "FIGCAPTION", "HEADER", "FOOTER", "ARTICLE", "ASIDE",
]);

/** Blocks whose source line does not start with the token (`# 3:07`, `| 3:07 |`): only wrapped tokens count there, as in the source. */
const NOT_LINE_START = new Set(["H1", "H2", "H3", "H4", "H5", "H6", "TD", "TH"]);

function skipped(el: Element): boolean {
	if (SKIP_TAGS.has(el.tagName.toUpperCase())) return true;
	for (const c of SKIP_CLASSES) if (el.classList.contains(c)) return true;
	return false;
}

function isBlock(node: Node): boolean {
	return node.nodeType === Node.ELEMENT_NODE && BLOCK_TAGS.has((node as Element).tagName.toUpperCase());
}

/**
 * True when a text node begins a line of its block: nothing but empty inline content or a
 * `<br>` before it, directly in a block (not inside inline markup) whose Markdown line
 * starts with its text (not a heading, a table cell or a callout title).
 */
export function startsLine(node: Node, root: Node): boolean {
	let n: Node = node;
	for (;;) {
		let prev = n.previousSibling;
		while (prev) {
			if (prev.nodeType === Node.TEXT_NODE) {
				const t = prev.textContent ?? "";
				if (t !== "") return t.endsWith("\n");
			} else if (prev.nodeName === "BR" || isBlock(prev)) {
				return true;
			} else if ((prev.textContent ?? "") !== "") {
				return false;
			}
			prev = prev.previousSibling;
		}
		const parent = n.parentNode;
		if (!parent || parent === root) return true;
		if (isBlock(parent)) return !NOT_LINE_START.has((parent as Element).tagName.toUpperCase()) && !(parent as Element).classList.contains("callout-title-inner");
		// Inside inline markup (`**0:00**`, `==0:00==`, `<span>0:00</span>`): in the source the
		// line starts with that markup, not with the token (docs/reference.md §6, as the CLI and Live Preview read it).
		return false;
	}
}

/**
 * Replace the timestamps in `root`'s text with seek links to `videoId`; returns how many.
 * `source`: the tokens the scan found in the section's Markdown (docs/timestamps.md), in
 * order: then exactly those are linked, so the reading view agrees with the editor and the
 * CLI. Without it (no section information: an embed, an export), each text node is scanned
 * on its own with `duration` (seconds) as the only context.
 */
export function linkTimestamps(root: HTMLElement, videoId: string, options: { source?: readonly SourceToken[]; duration?: number | null } = {}): number {
	const doc = root.ownerDocument;
	const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
		acceptNode: (node) => (node.nodeType === Node.ELEMENT_NODE && skipped(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
	});
	const texts: Text[] = [];
	for (let n = walker.nextNode(); n; n = walker.nextNode()) {
		if (n.nodeType === Node.TEXT_NODE && (n.textContent ?? "").includes(":")) texts.push(n as Text);
	}
	let count = 0;
	const context: TimestampContext = { videoId, duration: options.duration ?? null };
	const source = options.source;
	let next = 0;
	for (const node of texts) {
		const text = node.data;
		let found: readonly (SourceToken & { from: number; to: number })[];
		if (source !== undefined) {
			const matched = sourceTokensIn(text, source, next);
			found = matched.found;
			next = matched.next;
		} else found = findTimestampsInFragment(text, startsLine(node, root), context);
		if (found.length === 0) continue;
		const frag = createFragment();
		let at = 0;
		for (const t of found) {
			if (t.from > at) frag.appendChild(doc.createTextNode(text.slice(at, t.from)));
			frag.createEl("a", {
				cls: ["external-link", SEEK_CLASS],
				href: seekUrl(videoId, t.seconds),
				text: t.text,
				attr: { target: "_blank", rel: "noopener nofollow", "data-seconds": t.seconds },
			});
			at = t.to;
			count++;
		}
		if (at < text.length) frag.appendChild(doc.createTextNode(text.slice(at)));
		node.replaceWith(frag);
	}
	return count;
}

/** Every time-shaped run of digits in a text node (`8:36`, `1:02:03`), not part of a longer number or word. */
const CANDIDATE = /(?<![\w:.])(?:\d{1,2}:[0-5]\d:[0-5]\d|\d{1,3}:[0-5]\d)(?![\w]|[:.,]\d)/g;

/** A token the section's scan found: its text and value. */
export interface SourceToken {
	text: string;
	seconds: number;
}

/**
 * The tokens of `source` (from `next` on) that this text node shows, in order: each
 * time-shaped run of digits that is the next expected token's text is that token.
 */
function sourceTokensIn(text: string, source: readonly SourceToken[], next: number): { found: (SourceToken & { from: number; to: number })[]; next: number } {
	const found: (SourceToken & { from: number; to: number })[] = [];
	let k = next;
	for (const m of text.matchAll(CANDIDATE)) {
		const want = source[k];
		if (want === undefined) break;
		if (m[0] !== want.text || m.index === undefined) continue;
		found.push({ text: want.text, seconds: want.seconds, from: m.index, to: m.index + m[0].length });
		k++;
	}
	return { found, next: k };
}

/** The frontmatter of the note being rendered: `ctx.frontmatter`, else the metadata cache. */
function frontmatterOf(app: App, ctx: MarkdownPostProcessorContext): Record<string, unknown> | null {
	const fm: unknown = ctx.frontmatter ?? app.metadataCache.getCache(ctx.sourcePath)?.frontmatter;
	return fm === null || typeof fm !== "object" ? null : (fm as Record<string, unknown>);
}

/** The video of the note being rendered: `ctx.frontmatter`, else the metadata cache. */
export function videoIdOfContext(app: App, ctx: MarkdownPostProcessorContext): string | null {
	const fm = frontmatterOf(app, ctx);
	return fm === null ? null : videoIdFromUrl(fm.url);
}

/** The post-processor; `enabled` is read on every render (setting `timestampsInReadingView`). */
export function timestampPostProcessor(app: App, enabled: () => boolean): MarkdownPostProcessor {
	return (el, ctx) => {
		if (!enabled()) return;
		const fm = frontmatterOf(app, ctx);
		const videoId = fm === null ? null : videoIdFromUrl(fm.url);
		if (videoId === null) return;
		const duration = parseDuration(fm?.duration);
		const section: MarkdownSectionInformation | null = ctx.getSectionInfo(el);
		const source = section === null ? undefined : sectionTimestamps(section, { videoId, duration });
		linkTimestamps(el, videoId, { source, duration });
	};
}
