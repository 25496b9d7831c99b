/**
 * File names of captured sources (docs/capture.md): the title made safe for every OS and
 * for links, at most 100 characters, ` (2)`, ` (3)`… on a clash; the id when the title
 * leaves nothing.
 */

/** Characters no file name may hold: Windows', `/`, and those that break a wikilink. */
const UNSAFE = /[\\/:*?"<>|#^[\]]/g;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
/** Names Windows reserves for devices, with or without an extension. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\..*)?$/i;

export const MAX_NAME_CHARACTERS = 100;
/** Bytes (UTF-8) a name may take before its ` (n).md`: file systems allow 255. */
const MAX_NAME_BYTES = 200;

function utf8Length(codePoint: number): number {
	return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

/** Cut to at most 100 characters (code points, never half a pair) and 200 UTF-8 bytes. */
function cut(name: string): string {
	let out = "";
	let chars = 0;
	let bytes = 0;
	for (const ch of name) {
		const size = utf8Length(ch.codePointAt(0) as number);
		if (chars + 1 > MAX_NAME_CHARACTERS || bytes + size > MAX_NAME_BYTES) break;
		out += ch;
		chars++;
		bytes += size;
	}
	return out;
}

/** Leading dots hide a file (Obsidian lists no dot file); trailing dots and spaces Windows drops. */
function trimEnds(name: string): string {
	return name.replace(/^[\s.]+/u, "").replace(/[\s.]+$/u, "");
}

/** The title as a file name (no extension), or the id when nothing safe is left of it. */
export function safeFileName(title: string | null, id: string): string {
	if (title === null) return id;
	const cleaned = trimEnds(title.normalize("NFC").replace(CONTROL, " ").replace(UNSAFE, " ").replace(/\s+/gu, " "));
	const name = trimEnds(cut(cleaned));
	if (name === "" || RESERVED.test(name)) return name === "" ? id : `${name} ${id}`;
	return name;
}

/**
 * The vault path of a new note named `name` in `folder` ("" = vault root): `name.md`, else
 * `name (2).md`, `name (3).md`… — the first that `taken` (compared case-insensitively, as
 * macOS and Windows compare file names) does not hold.
 */
export function availablePath(folder: string, name: string, taken: (lowerCasePath: string) => boolean): string {
	const dir = folder.replace(/^\/+|\/+$/g, "");
	const at = (n: number) => `${dir === "" ? "" : dir + "/"}${name}${n === 1 ? "" : ` (${n})`}.md`;
	for (let n = 1; ; n++) {
		const path = at(n);
		if (!taken(path.toLowerCase())) return path;
	}
}
