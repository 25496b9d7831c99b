/**
 * Values written into captured frontmatter (docs/capture.md): every text as a YAML
 * double-quoted scalar, so no title — `: "`, `#`, a leading `-`, a newline, a control
 * character — can change the YAML around it.
 */

const HEX = "0123456789ABCDEF";

function unicodeEscape(code: number): string {
	return "\\u" + HEX[(code >> 12) & 15] + HEX[(code >> 8) & 15] + HEX[(code >> 4) & 15] + HEX[code & 15];
}

/** True for a UTF-16 unit YAML does not allow as itself in a document (escaped instead). */
function mustEscape(code: number, text: string, i: number): boolean {
	if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
	if (code === 0x2028 || code === 0x2029 || code === 0xfeff || code === 0xfffe || code === 0xffff) return true;
	if (code >= 0xd800 && code <= 0xdbff) {
		const next = text.charCodeAt(i + 1);
		return !(next >= 0xdc00 && next <= 0xdfff);
	}
	if (code >= 0xdc00 && code <= 0xdfff) {
		const prev = text.charCodeAt(i - 1);
		return !(prev >= 0xd800 && prev <= 0xdbff);
	}
	return false;
}

/** `text` as a YAML double-quoted scalar (also valid JSON for printable text). */
export function yamlQuote(text: string): string {
	let out = '"';
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code === 0x22) out += '\\"';
		else if (code === 0x5c) out += "\\\\";
		else if (code === 0x0a) out += "\\n";
		else if (code === 0x09) out += "\\t";
		else if (mustEscape(code, text, i)) out += unicodeEscape(code);
		else out += text[i];
	}
	return out + '"';
}

/** A text value, or `null` when there is none. */
export function yamlValue(text: string | null): string {
	return text === null ? "null" : yamlQuote(text);
}

/** A block list of quoted texts under its key, or `[]` when empty. */
export function yamlList(key: string, items: readonly string[]): string {
	if (items.length === 0) return `${key}: []`;
	return [`${key}:`, ...items.map((item) => `  - ${yamlQuote(item)}`)].join("\n");
}
