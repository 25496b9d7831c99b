/**
 * The URL of the Markdown link `[text](url)` or autolink `<url>` that covers a column of a
 * line of source text — what a click in Live Preview landed on, where Obsidian shows the
 * link's text and hides its URL (docs/player.md: a YouTube link with a time opens in the
 * player). Null when no such link covers the column.
 */
const INLINE_LINK = /\[(?:[^\][]|\\[\][])*\]\(\s*<?(https?:\/\/[^\s)>]+)>?(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^\s>]+)>/g;

export function markdownLinkAt(line: string, column: number): string | null {
	INLINE_LINK.lastIndex = 0;
	for (let m = INLINE_LINK.exec(line); m; m = INLINE_LINK.exec(line)) {
		if (column >= m.index && column < m.index + m[0].length) return m[1] ?? m[2] ?? null;
	}
	return null;
}
