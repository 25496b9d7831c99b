/**
 * Where raw HTML blocks start (CommonMark HTML blocks), for the readers that must not read
 * Markdown inside one: link extraction and the timestamp scan.
 */

/** Block-level HTML tags (CommonMark HTML block kind 6): the block ends at a blank line. */
const HTML_BLOCK_TAGS = new Set(
	"address article aside base basefont blockquote body caption center col colgroup dd details dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup option p param search section summary table tbody td tfoot th thead title tr track ul".split(
		" ",
	),
);
/** Raw-text tags (kind 1): the block ends at the line holding the closing tag. */
const RAW_HTML_TAGS = new Set(["pre", "script", "style", "textarea"]);

/**
 * If an HTML block starts at `i` (a `<`), how it ends: `""` at the next blank line, or the
 * closing tag to look for (`</pre>`…). Null when the line does not start an HTML block.
 */
export function htmlBlockEnd(text: string, i: number, end: number): string | null {
	let j = i + 1;
	const closing = text.charCodeAt(j) === 47; /* / */
	if (closing) j++;
	const nameStart = j;
	while (j < end && j - nameStart < 16) {
		const c = text.charCodeAt(j) | 32;
		if ((c >= 97 && c <= 122) || (j > nameStart && c >= 48 && c <= 57)) j++;
		else break;
	}
	if (j === nameStart) return null;
	const name = text.slice(nameStart, j).toLowerCase();
	const after = j < end ? text.charCodeAt(j) : -1;
	const bounded = after === -1 || after === 32 || after === 9 || after === 62 || (after === 47 && text.charCodeAt(j + 1) === 62);
	if (!bounded) return null;
	if (!closing && RAW_HTML_TAGS.has(name)) return `</${name}>`;
	return HTML_BLOCK_TAGS.has(name) ? "" : null;
}

/** Any end tag of a raw-text block: each of them ends such a block, whichever tag opened it (CommonMark kind 1). */
const RAW_CLOSE = /<\/(?:pre|script|style|textarea)>/i;

/** The line `[from, end)` holds the end of an HTML block that `htmlBlockEnd` said ends at `close` (not `""`). */
export function endsHtmlBlock(text: string, from: number, end: number, close: string): boolean {
	const line = text.slice(from, end);
	return close.startsWith("</") ? RAW_CLOSE.test(line) : line.includes(close);
}

/** A whole line that is one complete open or closing tag (HTML block kind 7, which cannot interrupt a paragraph). */
const LONE_TAG = /^(?:<[A-Za-z][A-Za-z0-9-]*(?:\s+[A-Za-z_:][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/?>|<\/[A-Za-z][A-Za-z0-9-]*\s*>)[ \t]*$/;

/** `[i, end)` (from a `<` to the line's end) is a lone open or closing tag: an HTML block where a paragraph could start. */
export function isLoneTag(text: string, i: number, end: number): boolean {
	const line = text.slice(i, end);
	return LONE_TAG.test(line) && !RAW_TAG_NAME.test(line);
}

/** Kind 7 is for any tag but the raw-text ones (`pre`, `script`, `style`, `textarea`). */
const RAW_TAG_NAME = /^<\/?(?:pre|script|style|textarea)(?![A-Za-z0-9-])/i;
