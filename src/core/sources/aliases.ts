/**
 * Alias rules (docs/reference.md §4). Existing aliases are always kept, in their order; generated ones
 * are appended when missing, compared case-insensitively:
 * 1. word prefixes of the title of N words for each N in `aliasPrefixWords` (only when
 *    the title has more than N words);
 * 2. the full title, and 3. the main title (before the first `: `, ` | ` or ` - `) —
 *    these two only when they differ from the file's basename.
 * Every generated alias loses the characters that break links (`[ ] | # ^`) and its
 * trailing punctuation; runs of whitespace become one space; empty results are dropped.
 *
 * "Differ from the basename" is compared case-insensitively (and after the same cleaning
 * and whitespace folding), because Obsidian resolves links and matches the quick switcher
 * case-insensitively: an alias that differs from the file name only in case adds nothing.
 */
import { basenameOf } from "../vault/links";

/** Characters that break a wikilink or an alias link. */
const LINK_BREAKING = /[[\]|#^]/g;

/** Separators that end the main title, in no particular order: the first one found wins. */
const MAIN_TITLE_SEPARATORS = [": ", " | ", " - "];

/** Trailing characters removed from a generated alias. */
const TRAILING_ALWAYS = new Set([".", ",", ";", ":", "!", "?", "…", "-", "–", "—", "/", "\\", "(", "{", "«", "“", "‘", "¿", "¡", "&", "+", "*", "=", "~", "_", "<"]);
/** Closing characters removed from the end only when nothing earlier opens them. */
const CLOSERS: Record<string, string> = { ")": "(", "}": "{", "»": "«", "”": "“", "’": "‘", ">": "<" };
/** Symmetric quotes removed from the end only when they are unpaired. */
const QUOTES = new Set(['"', "'", "`"]);

function count(text: string, ch: string): number {
	let n = 0;
	for (const c of text) if (c === ch) n++;
	return n;
}

/** Drop trailing whitespace and punctuation; a balanced closing bracket or quote stays. */
export function stripTrailingPunctuation(text: string): string {
	let s = text;
	for (;;) {
		const trimmed = s.replace(/\s+$/u, "");
		const last = trimmed.slice(-1);
		s = trimmed;
		if (last === "") return s;
		const body = s.slice(0, -1);
		if (TRAILING_ALWAYS.has(last)) s = body;
		else if (last in CLOSERS && count(body, CLOSERS[last] as string) <= count(body, last)) s = body;
		else if (QUOTES.has(last) && count(body, last) % 2 === 0) s = body;
		else return s;
	}
}

/** One generated alias made safe: link-breaking characters out, spaces folded, trailing punctuation off. */
export function cleanAlias(text: string): string {
	const folded = text.replace(LINK_BREAKING, " ").replace(/\s+/gu, " ").trim();
	return stripTrailingPunctuation(folded).trim();
}

/** The title before the first `: `, ` | ` or ` - `; the whole title when it has none. */
export function mainTitle(title: string): string {
	let end = title.length;
	for (const sep of MAIN_TITLE_SEPARATORS) {
		const at = title.indexOf(sep);
		if (at !== -1 && at < end) end = at;
	}
	return title.slice(0, end);
}

/** Words of a title, split on any whitespace. */
function wordsOf(title: string): string[] {
	return title.split(/\s+/u).filter((w) => w !== "");
}

/** Case-insensitive comparison key of an alias. */
export function aliasKey(alias: string): string {
	// NFC only when needed: it is the costly step, and most aliases are ASCII.
	const nfc = /[^\u0020-\u007e]/.test(alias) ? alias.normalize("NFC") : alias;
	return (/\s\s|[^\S ]/.test(nfc) ? nfc.replace(/\s+/gu, " ") : nfc).trim().toLowerCase();
}

/**
 * The generated aliases of a title, cleaned, deduplicated, in rule order (before the
 * comparison with existing aliases).
 */
export function generatedAliases(title: string | null, basename: string, prefixWords: readonly number[]): string[] {
	if (title === null) return [];
	const t = title.trim();
	if (t === "") return [];
	const candidates: string[] = [];
	// A lone `|` or `#` is not a word: words are counted once link-breaking characters are out.
	const words = wordsOf(t.replace(LINK_BREAKING, " "));
	for (const n of prefixWords) {
		if (!Number.isInteger(n) || n <= 0) continue;
		if (words.length > n) candidates.push(cleanAlias(words.slice(0, n).join(" ")));
	}
	const base = aliasKey(cleanAlias(basename));
	const baseRaw = aliasKey(basename);
	for (const whole of [t, mainTitle(t)]) {
		const alias = cleanAlias(whole);
		const key = aliasKey(alias);
		if (key === base || key === baseRaw || aliasKey(whole) === baseRaw) continue;
		candidates.push(alias);
	}
	const seen = new Set<string>();
	const out: string[] = [];
	for (const a of candidates) {
		const key = aliasKey(a);
		if (a === "" || seen.has(key)) continue;
		seen.add(key);
		out.push(a);
	}
	return out;
}

/**
 * The aliases list after filling: every existing alias kept as it is, then the generated
 * ones not already present (case-insensitively). Equal to `existing` when nothing is missing.
 */
export function fillAliases(existing: readonly string[], title: string | null, path: string, prefixWords: readonly number[]): string[] {
	const present = new Set(existing.map(aliasKey));
	const out = [...existing];
	for (const alias of generatedAliases(title, basenameOf(path), prefixWords)) {
		const key = aliasKey(alias);
		if (present.has(key)) continue;
		present.add(key);
		out.push(alias);
	}
	return out;
}
