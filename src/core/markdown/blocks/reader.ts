/**
 * The block reader (docs/reference.md §5, §6): what each line of a note's body is, read
 * top to bottom the way CommonMark and Obsidian read blocks. Containers (block quotes,
 * list items) and leaf blocks (fenced and indented code, HTML blocks, `$$` math, `%%`
 * comments, ATX headings, paragraphs). Every reader of note text asks it: the timestamp
 * scan, link extraction, the integration heading search and Live Preview, so they agree
 * on what is code. Its state at a line can be kept (`snapshot`) and read on from (`resume`).
 */
import { codeSpans, mergeRanges } from "../inline-spans";
import { closesFence, endsContainer, fenceOpening, isContained, type Fence } from "./fences";
import { endsHtmlBlock, htmlBlockEnd, isLoneTag } from "./html";
import { BACKTICK, RULE_LINE, TILDE, afterListMarker, isBlank, quoteMarkers, skipBlanks } from "./lines";

/**
 * What a line is:
 * - `text`: paragraph text (a list item's or a rule's line too), read for inline Markdown;
 * - `heading`: an ATX heading;
 * - `blank`: nothing but blanks (after any `>`);
 * - `code`: a fence line, a line in fenced code, or indented code;
 * - `math`: in a `$$` block (its opening and closing lines included);
 * - `html`: in a raw HTML block;
 * - `comment`: in a `%%` comment block that an earlier line opened (Obsidian reads no block
 *   structure there; its links still count, its text is not shown).
 */
export type LineRole = "text" | "heading" | "blank" | "code" | "math" | "html" | "comment";

/** The roles in which Markdown is not read (no timestamp, no link, no heading). */
export function isCodeLike(role: LineRole): boolean {
	return role === "code" || role === "math" || role === "html";
}

/** Where the reader stands between two lines: everything the next line's role depends on. */
export interface BlockState {
	/** The open fenced code block. */
	fence: Fence | null;
	/** A `$$` block is open: it ends at the next `$$`. */
	math: boolean;
	/** A `%%` comment block is open: it ends at the next `%%` outside inline code. */
	comment: boolean;
	/** The open HTML block: how it ends (`""` at a blank line, else its closing tag), its quote depth and lead column; null: none. */
	html: { close: string; quotes: number; lead: number; endsAfter: boolean } | null;
	/** The last line was indented code (blank lines inside it keep it open). */
	indented: boolean;
	/** The last line was paragraph text: a line below may continue it lazily; and that paragraph's quote depth. */
	paragraph: boolean;
	paragraphQuotes: number;
	/** Content column (after its quote markers) of the innermost open list item, 0: none; and its quote depth. */
	item: number;
	itemQuotes: number;
}

export function initialBlockState(): BlockState {
	return { fence: null, math: false, comment: false, html: null, indented: false, paragraph: false, paragraphQuotes: 0, item: 0, itemQuotes: 0 };
}

/** Reads lines in order from a state; `snapshot` keeps where it stands, `resume` reads on from a kept state. */
export class BlockReader {
	private state: BlockState;
	/** The next `%%` at or after `percentFrom` in `percentText` (-1: none): one search of the text, not one per line. */
	private percentText = "";
	private percentFrom = 0;
	private percentAt = -1;
	/** The line read last starts a paragraph (a heading line is a paragraph of its own); false when it continues one or is no text. */
	startsParagraph = false;

	constructor(state: BlockState = initialBlockState()) {
		this.state = copyState(state);
	}

	/** The state before the next line (a copy: reading on does not change it). */
	snapshot(): BlockState {
		return copyState(this.state);
	}

	/** Read on from `state` (a snapshot taken at the line about to be read). */
	resume(state: BlockState): this {
		this.state = copyState(state);
		return this;
	}

	/** The open fence, if any (Live Preview and the scan pass it on). */
	get fence(): Fence | null {
		return this.state.fence;
	}

	/**
	 * Read the lines starting in `[from, to)` (`from` a line start, `to` a line start or the
	 * end): for whoever needs only the state after them. Returns the start of the last line
	 * that started a paragraph or block among them (-1: none).
	 */
	readLines(text: string, from: number, to: number): number {
		let started = -1;
		for (let l = from; l < to; ) {
			const nl = text.indexOf("\n", l);
			const stop = nl === -1 || nl > to ? to : nl;
			const role = this.read(text, l, stop > l && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop);
			if (this.startsParagraph || (role !== "text" && role !== "heading")) started = l;
			if (nl === -1) break;
			l = nl + 1;
		}
		return started;
	}

	/** The role of the line `[ls, le)` (le before its line break), and the state after it. */
	read(text: string, ls: number, le: number): LineRole {
		const s = this.state;
		this.startsParagraph = false;
		if (s.comment) {
			if (this.mayToggle(text, ls, le) && togglesComment(text, ls, le)) s.comment = false;
			return "comment";
		}
		if (s.fence !== null) {
			if (isContained(s.fence) && endsContainer(text, ls, le, s.fence)) s.fence = null;
			else {
				if (closesFence(text, ls, le, s.fence)) s.fence = null;
				return "code";
			}
		}
		if (s.math) {
			if (text.slice(ls, le).includes("$$")) s.math = false;
			return "math";
		}
		if (s.html !== null) {
			const role = this.inHtml(text, ls, le);
			if (role !== null) return role;
		} else if (ls === le) {
			s.paragraph = false;
			return "blank";
		} else if (isPlainStart(text, ls, le)) return this.plainText(text, ls, le);
		return this.open(text, ls, le);
	}

	/** A line while an HTML block is open: its role, or null when the block ended before it. */
	private inHtml(text: string, ls: number, le: number): LineRole | null {
		const s = this.state;
		const html = s.html as NonNullable<BlockState["html"]>;
		const q = quoteMarkers(text, ls, le);
		const i = skipBlanks(text, q.at, le);
		const lead = skipBlanks(text, ls, le) - ls;
		if (html.endsAfter || q.quotes < html.quotes || (i < le && lead < html.lead)) {
			s.html = null;
			return null;
		}
		if (html.close === "" && i >= le) {
			s.html = null;
			return null;
		}
		if (html.close !== "" && endsHtmlBlock(text, ls, le, html.close)) html.endsAfter = true;
		return "html";
	}

	/** A line in no open leaf block: what it starts. */
	private open(text: string, ls: number, le: number): LineRole {
		const s = this.state;
		const q = quoteMarkers(text, ls, le);
		const i = skipBlanks(text, q.at, le);
		if (i >= le) {
			s.paragraph = false;
			return "blank";
		}
		const indent = columns(text, q.at, i);
		const lazy = s.paragraph;
		// A non-blank line left of the list item's content ends the item, unless it is paragraph text continuing its paragraph.
		if (s.item > 0 && (q.quotes < s.itemQuotes || (indent < s.item && !(lazy && !startsBlock(text, i, le))))) s.item = 0;
		const inItem = s.item > 0 && q.quotes === s.itemQuotes ? s.item : 0;
		// Indented code cannot interrupt a paragraph.
		if (!lazy && indent - inItem >= 4) {
			s.indented = true;
			return "code";
		}
		s.indented = false;
		const c = text.charCodeAt(i);
		if (c === BACKTICK || c === TILDE || afterListMarker(text, i, le) !== i) {
			const fence = fenceOpening(text, ls, le);
			if (fence !== null) {
				// Indented four columns or more past its list item's content: indented code, handled above, or text.
				const container = fence.container ?? (fence.indent > 0 && q.quotes === s.itemQuotes ? s.item : 0);
				if (fence.container !== undefined || indent - container < 4) {
					if (fence.container !== undefined) this.enterItem(fence.container, q.quotes);
					s.fence = fence.indent === 0 || fence.container !== undefined ? fence : { ...fence, container };
					s.paragraph = false;
					return "code";
				}
			}
		}
		if (c === 36 && text.charCodeAt(i + 1) === 36) {
			// `$$` opens a math block; one closed on its own line is display math among text.
			if (text.slice(i + 2, le).includes("$$")) return this.leaf(text, ls, le, i, q, 0);
			s.paragraph = false;
			s.math = true;
			return "math";
		}
		if (c === 60 && indent <= 3 && this.openHtml(text, i, le, q.quotes, lazy, skipBlanks(text, ls, le) - ls)) return "html";
		return this.leaf(text, ls, le, i, q, indent - inItem);
	}

	/** An HTML block starting at `i` (a `<`), when one does. */
	private openHtml(text: string, i: number, le: number, quotes: number, lazy: boolean, lead: number): boolean {
		const close = text.startsWith("<!--", i) ? "-->" : htmlBlockEnd(text, i, le);
		if (close === null && (lazy || !isLoneTag(text, i, le))) return false;
		const c = close ?? "";
		this.state.html = { close: c, quotes, lead, endsAfter: c !== "" && endsHtmlBlock(text, i + 2, le, c) };
		this.state.paragraph = false;
		return true;
	}

	/** A heading, list item or paragraph line (and a `%%` left open on it opens a comment block). */
	private leaf(text: string, ls: number, le: number, i: number, q: { quotes: number; at: number }, indent: number): LineRole {
		const s = this.state;
		const c = text.charCodeAt(i);
		let role: LineRole = "text";
		// A heading or rule is indented at most three columns past its container's content.
		if (c === 35 && indent <= 3 && isAtxHeading(text, i, le)) {
			role = "heading";
			this.startsParagraph = true;
			s.paragraph = false;
		} else if ((c === 45 || c === 42 || c === 95) && indent <= 3 && RULE_LINE.test(text.slice(i, le))) {
			s.paragraph = false;
		} else {
			const j = afterListMarker(text, i, le);
			if (j !== i) this.enterItem(j - q.at, q.quotes);
			// Text continues the paragraph above unless it is a list item or in a deeper quote.
			this.startsParagraph = j !== i || !s.paragraph || q.quotes > s.paragraphQuotes;
			if (this.startsParagraph) s.paragraphQuotes = q.quotes;
			s.paragraph = true;
		}
		if (this.mayToggle(text, ls, le) && togglesComment(text, ls, le)) {
			s.comment = true;
			s.paragraph = false;
		}
		return role;
	}

	/** Paragraph text at column 0 starting with a letter (most lines of a note): no block starts there. */
	private plainText(text: string, ls: number, le: number): LineRole {
		const s = this.state;
		if (s.item > 0 && !s.paragraph) s.item = 0;
		s.indented = false;
		this.startsParagraph = !s.paragraph;
		if (!s.paragraph) s.paragraphQuotes = 0;
		s.paragraph = true;
		if (this.mayToggle(text, ls, le) && togglesComment(text, ls, le)) {
			s.comment = true;
			s.paragraph = false;
		}
		return "text";
	}

	/** A `%%` on the line `[ls, le)`. */
	private mayToggle(text: string, ls: number, le: number): boolean {
		if (text !== this.percentText || ls < this.percentFrom || (this.percentAt !== -1 && this.percentAt < ls)) {
			this.percentText = text;
			this.percentFrom = ls;
			this.percentAt = text.indexOf("%%", ls);
		}
		return this.percentAt !== -1 && this.percentAt < le;
	}

	private enterItem(column: number, quotes: number): void {
		this.state.item = column;
		this.state.itemQuotes = quotes;
	}
}

/** A first character that starts no block but a paragraph: a letter or a character of none of the block rules. */
function isPlainStart(text: string, ls: number, le: number): boolean {
	const c = text.charCodeAt(ls);
	if (c >= 97 && c <= 122) return true;
	if (c >= 48 && c <= 57) return afterListMarker(text, ls, le) === ls;
	if (c >= 65 && c <= 90) return true;
	return c >= 128 && c !== 0xa0 && c !== 0xfeff && !(c >= 0x2000 && c <= 0x200a) && c !== 0x3000;
}

function copyState(s: BlockState): BlockState {
	return { ...s, fence: s.fence === null ? null : { ...s.fence }, html: s.html === null ? null : { ...s.html } };
}

/** The line's content at `i` starts a block other than paragraph text: a heading, fence, HTML, `$$`, rule or list item. */
function startsBlock(text: string, i: number, le: number): boolean {
	const c = text.charCodeAt(i);
	if (c === 35) return isAtxHeading(text, i, le);
	if (c === BACKTICK || c === TILDE || c === 60 || c === 36) return true;
	if ((c === 45 || c === 42 || c === 95) && RULE_LINE.test(text.slice(i, le))) return true;
	return afterListMarker(text, i, le) !== i;
}

/** `#` to `######` then a blank or the line's end. */
function isAtxHeading(text: string, i: number, le: number): boolean {
	let h = i;
	while (h < le && text.charCodeAt(h) === 35) h++;
	return h - i <= 6 && (h === le || isBlank(text.charCodeAt(h)));
}

/** Columns from `from` to `to` (blanks only), a tab to the next multiple of four. */
function columns(text: string, from: number, to: number): number {
	let w = 0;
	for (let k = from; k < to; k++) w = text.charCodeAt(k) === 9 ? w + 4 - (w % 4) : w + 1;
	return w;
}

/** The line `[ls, le)` holds an odd number of `%%` outside inline code and HTML comments: it opens or closes a comment block. */
export function togglesComment(text: string, ls: number, le: number): boolean {
	let at = text.indexOf("%%", ls);
	if (at === -1 || at >= le) return false;
	const skip = mergeRanges([...codeSpans(text, ls, le), ...htmlCommentSpans(text, ls, le)]);
	let odd = false;
	let k = 0;
	for (; at !== -1 && at < le; at = text.indexOf("%%", at + 2)) {
		while (k < skip.length && (skip[k + 1] as number) <= at) k += 2;
		if (!(k < skip.length && (skip[k] as number) <= at)) odd = !odd;
	}
	return odd;
}

/** HTML comments on the line `[from, end)` as flat [from, to, …]; one left open runs to the line's end. */
export function htmlCommentSpans(text: string, from: number, end: number): number[] {
	const out: number[] = [];
	const line = text.slice(from, end);
	let open = line.indexOf("<!--");
	while (open !== -1) {
		const close = line.indexOf("-->", open + 4);
		if (close === -1) {
			out.push(from + open, end);
			break;
		}
		out.push(from + open, from + close + 3);
		open = line.indexOf("<!--", close + 3);
	}
	return out;
}

/** A line as the block reader read it: its start, end (before the line break), line break (-1: none), role, and the state after it. */
export interface BodyLine {
	start: number;
	end: number;
	nl: number;
	role: LineRole;
	after: BlockState;
}

/** Every line of `text` from `from` (a line start) to its end, read in order from `state`. */
export function bodyLines(text: string, from = 0, state?: BlockState): BodyLine[] {
	const reader = new BlockReader(state);
	const out: BodyLine[] = [];
	for (let ls = from; ls < text.length; ) {
		const nl = text.indexOf("\n", ls);
		const stop = nl === -1 ? text.length : nl;
		const le = stop > ls && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop;
		const role = reader.read(text, ls, le);
		out.push({ start: ls, end: le, nl, role, after: reader.snapshot() });
		if (nl === -1) break;
		ls = nl + 1;
	}
	return out;
}

/**
 * What to write on a line of its own to close the block left open in `state`, so that a
 * line written below is read as Markdown ("" when none is needed): the fence, `$$`, `%%`
 * or the HTML block's closing tag. A fence in a quote or list item needs none: a line
 * outside its container ends it.
 */
export function openBlockCloser(state: BlockState): string {
	if (state.fence !== null) return isContained(state.fence) ? "" : String.fromCharCode(state.fence.char).repeat(state.fence.length);
	if (state.math) return "$$";
	if (state.comment) return "%%";
	if (state.html !== null && state.html.close !== "" && !state.html.endsAfter) return state.html.close;
	return "";
}
