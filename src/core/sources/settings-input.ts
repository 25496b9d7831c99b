/**
 * What the settings tab accepts: each text a user types, parsed into a setting value or
 * refused with a message (nothing is saved while the text is refused). Pure, so the
 * rules are table-tested and the tab only shows them.
 */
import { parseHeading } from "./integration";

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A comma-separated list (new lines count as commas): trimmed, empties and duplicates dropped. */
export function parseList(text: string): string[] {
	const out: string[] = [];
	for (const part of text.split(/[,\n]/)) {
		const t = part.trim();
		if (t !== "" && !out.includes(t)) out.push(t);
	}
	return out;
}

export function listText(list: readonly (string | number)[]): string {
	return list.join(", ");
}

/** A vault folder: slashes at either end dropped; `..` refused. */
export function parseFolder(text: string): Parsed<string> {
	const f = text.trim().replace(/\\/g, "/").replace(/^\/+|\/+$/g, "").replace(/\/{2,}/g, "/");
	if (f.split("/").some((p) => p === ".." || p === ".")) return { ok: false, message: "Use a folder path inside the vault, without . or .." };
	return { ok: true, value: f };
}

/** The export's folder: a vault folder of its own (the vault root would mix exports with notes). */
export function parseExportFolder(text: string): Parsed<string> {
	const f = parseFolder(text);
	if (f.ok && f.value === "") return { ok: false, message: "Give a folder: the export never writes into the vault root." };
	return f;
}

/** The capture template note: a vault path, `.md` added when left out; empty for the default note. */
export function parseTemplatePath(text: string): Parsed<string> {
	const folder = parseFolder(text);
	if (!folder.ok) return { ok: false, message: "Use a note path inside the vault, without . or .." };
	if (folder.value === "") return folder;
	return { ok: true, value: /\.md$/i.test(folder.value) ? folder.value : `${folder.value}.md` };
}

export function parseIdPrefix(text: string): Parsed<string> {
	const t = text.trim();
	if (t === "") return { ok: false, message: "The prefix cannot be empty: every note with an ID would become a source." };
	if (/\s/.test(t)) return { ok: false, message: "The prefix cannot contain spaces." };
	return { ok: true, value: t };
}

export function parseStatuses(text: string): Parsed<string[]> {
	const list = parseList(text);
	if (list.length === 0) return { ok: false, message: "Give at least one status." };
	return { ok: true, value: list };
}

export function parseTierOrder(text: string): Parsed<string[]> {
	return { ok: true, value: parseList(text) };
}

export function parseFolders(text: string): Parsed<string[]> {
	const out: string[] = [];
	for (const part of parseList(text)) {
		const f = parseFolder(part);
		if (!f.ok) return f;
		if (f.value !== "" && !out.includes(f.value)) out.push(f.value);
	}
	return { ok: true, value: out };
}

export function parseAliasPrefixWords(text: string): Parsed<number[]> {
	const out: number[] = [];
	for (const part of parseList(text)) {
		const n = Number(part);
		if (!Number.isInteger(n) || n < 1 || n > 50) return { ok: false, message: `"${part}" is not a word count from 1 to 50.` };
		if (!out.includes(n)) out.push(n);
	}
	return { ok: true, value: out };
}

export function parseIntegrationHeading(text: string): Parsed<string> {
	const t = text.trim();
	const h = parseHeading(t);
	if (!h || h.text === "") return { ok: false, message: 'Write a Markdown heading, such as "## Sources".' };
	return { ok: true, value: t };
}

const MB = 1024 * 1024;

/** Megabytes (decimals allowed) → bytes; from 0.01 MB to 1024 MB. */
export function parseMaxNoteMegabytes(text: string): Parsed<number> {
	const t = text.trim().replace(",", ".");
	const mb = t === "" ? NaN : Number(t);
	if (!Number.isFinite(mb) || mb < 0.01 || mb > 1024) return { ok: false, message: "Give a size in megabytes from 0.01 to 1024." };
	return { ok: true, value: Math.round(mb * MB) };
}

export function megabytesText(bytes: number): string {
	return String(Math.round((bytes / MB) * 100) / 100);
}
