/**
 * Reading and writing one note file for the CLI: a regular file read without blocking, its
 * bytes checked to be UTF-8, its frontmatter cut out of the bytes, a new file written whole
 * and fsynced. `FolderVault` (folder-vault.ts) decides which path may be read or written.
 */
import { closeSync, constants, fstatSync, fsyncSync, openSync, readSync, unlinkSync, writeSync } from "fs";
import { isUtf8 } from "buffer";
import { overLimitMessage } from "../core/sources/settings";

export type ReadNote =
	| { ok: true; text: string; bytes: number; raw?: Buffer }
	/** `lenient`: a note that is not valid UTF-8, decoded as Obsidian shows it (each bad byte as U+FFFD). */
	| { ok: false; message: string; looksBinary?: boolean; lenient?: string };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** A note's bytes decoded at once; invalid UTF-8 is an error, with the text as Obsidian shows it. */
export function decodeWhole(buf: Buffer): ReadNote {
	try {
		return { ok: true, text: decoder.decode(buf), bytes: buf.length };
	} catch {
		return { ok: false, message: "file is not valid UTF-8", lenient: buf.toString("utf8") };
	}
}

/** Opened for reading without blocking: a FIFO in the vault reads as empty, never hangs the run. */
export const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** True when the file at `abs` holds exactly the UTF-8 bytes of `text` (false when it is gone or unreadable). */
export function sameBytes(abs: string, text: string): boolean {
	const expected = Buffer.from(text, "utf8");
	try {
		const now = readRegularFile(abs, expected.length);
		return typeof now !== "string" && now.equals(expected);
	} catch {
		return false;
	}
}

/**
 * The bytes of a regular file of at most `maxBytes`, or why not (a message): opened without
 * blocking and checked on the open descriptor, so a FIFO or device never hangs the run.
 * Throws on I/O errors.
 */
export function readRegularFile(abs: string, maxBytes: number): Buffer | string {
	const fd = openSync(abs, READ_FLAGS);
	try {
		const st = fstatSync(fd);
		if (!st.isFile()) return "not a regular file; not read";
		if (st.size > maxBytes) return overLimitMessage(st.size, maxBytes);
		const buf = Buffer.allocUnsafe(st.size);
		let off = 0;
		while (off < buf.length) {
			const n = readSync(fd, buf, off, buf.length - off, null);
			if (n === 0) break;
			off += n;
		}
		return off === buf.length ? buf : buf.subarray(0, off);
	} finally {
		closeSync(fd);
	}
}

/** Write `buf` to a new file (`flags` "wx": never an existing one), fsync, close; a failed write removes it. */
export function writeWhole(abs: string, flags: string, buf: Buffer): void {
	const fd = openSync(abs, flags, 0o644);
	try {
		let off = 0;
		while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
		fsyncSync(fd);
	} catch (e) {
		closeSync(fd);
		try {
			unlinkSync(abs);
		} catch {
			/* never there */
		}
		throw e;
	}
	closeSync(fd);
}

export function processAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		// EPERM: it exists, owned by someone else.
		return (e as { code?: unknown }).code === "EPERM";
	}
}

/** A valid UTF-8 note whose text is decoded on first use (a scan needs only its frontmatter). */
class LazyText {
	readonly ok = true;
	private decoded: string | null = null;
	constructor(readonly raw: Buffer) {}
	get bytes(): number {
		return this.raw.length;
	}
	get text(): string {
		return (this.decoded ??= this.raw.toString("utf8"));
	}
}

/**
 * A note's bytes, checked to be UTF-8 (invalid UTF-8 is an error, with the text as Obsidian
 * decodes it, bad bytes as U+FFFD); the text itself is decoded only when asked for.
 */
export function decodeNote(buf: Buffer): ReadNote {
	if (isUtf8(buf)) return new LazyText(buf);
	return { ok: false, message: "file is not valid UTF-8", lenient: buf.toString("utf8") };
}

/**
 * The text of a note up to the end of its closing `---` line — all `locateFrontmatter` and
 * `readFrontmatter` look at — decoded alone: found by searching the bytes (`\n---` never
 * occurs inside a multi-byte UTF-8 character). Null when the note opens no block.
 */
export function frontmatterHead(raw: Buffer): string | null {
	const bom = raw[0] === 0xef && raw[1] === 0xbb && raw[2] === 0xbf ? 3 : 0;
	if (raw[bom] !== 0x2d || raw[bom + 1] !== 0x2d || raw[bom + 2] !== 0x2d) return null;
	let at = raw.indexOf("\n---", bom + 3);
	while (at !== -1) {
		let i = at + 4;
		while (raw[i] === 0x20 || raw[i] === 0x09) i++;
		if (i >= raw.length || raw[i] === 0x0a || (raw[i] === 0x0d && (i + 1 >= raw.length || raw[i + 1] === 0x0a))) {
			return raw.toString("utf8", 0, i);
		}
		at = raw.indexOf("\n---", at + 1);
	}
	return null;
}

