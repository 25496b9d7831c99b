/**
 * A vault folder on disk, for the CLI: lists files as Obsidian would (dot folders
 * skipped, symlinks out of the vault not followed), reads notes with size and UTF-8
 * checks, and writes atomically (temporary file beside the note, fsync, rename).
 */
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Dirent } from "fs";
import { isUtf8 } from "buffer";
import { isAbsolute, join, relative, sep } from "path";
import { overLimitMessage } from "../core/sources/settings";

export class UsageError extends Error {}

const WINDOWS = process.platform === "win32";
/** What separates folders in a vault path: `/`, and `\` on Windows (elsewhere a file-name character). */
const SEPARATOR = WINDOWS ? /[\\/]/ : /\//;

/** Temporary files of an atomic write; never `.md`, and dot-prefixed so no vault lists them. */
export const TEMP_MARK = ".sl-tmp";

export type ReadNote =
	| { ok: true; text: string; bytes: number; raw?: Buffer }
	/** `lenient`: a note that is not valid UTF-8, decoded as Obsidian shows it (each bad byte as U+FFFD). */
	| { ok: false; message: string; looksBinary?: boolean; lenient?: string };

const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Opened for reading without blocking: a FIFO in the vault reads as empty, never hangs the run. */
const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** A temporary file's owning process, from its name (`.<pid>.<n>.sl-tmp`, or `.<note>.<pid>.<n>.sl-tmp` of older runs). */
const TEMP_PID = /\.(\d+)\.[a-z0-9]+\.sl-tmp$/;

export interface FolderVaultOptions {
	/**
	 * Remove temporary files left by runs that were killed (their process is gone) while
	 * listing. Only for a command that writes: a read, or a dry run, writes nothing at all.
	 */
	cleanTemp?: boolean;
}

export class FolderVault {
	readonly root: string;
	readonly warnings: string[] = [];
	/** Folders that could not be listed: their notes are unknown, an error of the run (exit 1). */
	readonly unlisted: { path: string; message: string }[] = [];
	private readonly cleanTemp: boolean;

	constructor(rootArg: string, options: FolderVaultOptions = {}) {
		this.cleanTemp = options.cleanTemp === true;
		let real: string;
		try {
			real = realpathSync(rootArg);
		} catch {
			throw new UsageError(`vault folder not found: ${rootArg}`);
		}
		if (!statSync(real).isDirectory()) throw new UsageError(`not a folder: ${rootArg}`);
		this.root = real;
	}

	/** Every file of the vault, vault-relative with `/`, sorted. */
	listFiles(): string[] {
		const out: string[] = [];
		this.walk(this.root, "", out);
		return out.sort();
	}

	private walk(abs: string, rel: string, out: string[]): void {
		let entries: Dirent[];
		try {
			entries = readdirSync(abs, { withFileTypes: true });
		} catch (e) {
			this.unlisted.push({ path: rel || ".", message: `cannot list folder (${(e as Error).message}); its notes were not read` });
			return;
		}
		for (const entry of entries) {
			const name = entry.name;
			if (name.startsWith(".")) {
				if (this.cleanTemp && name.endsWith(TEMP_MARK)) this.removeStaleTemp(join(abs, name), name);
				continue;
			}
			const childAbs = join(abs, name);
			const childRel = rel ? `${rel}/${name}` : name;
			if (entry.isSymbolicLink()) {
				let target: string;
				try {
					target = realpathSync(childAbs);
				} catch {
					this.warnings.push(`${childRel}: broken symlink, skipped`);
					continue;
				}
				if (!this.contains(target)) {
					this.warnings.push(`${childRel}: symlink leads out of the vault, not followed`);
					continue;
				}
				try {
					const st = statSync(target);
					// A symlinked folder inside the vault is listed where it really is.
					if (st.isFile()) out.push(childRel);
				} catch {
					this.warnings.push(`${childRel}: cannot follow symlink, skipped`);
				}
				continue;
			}
			if (entry.isDirectory()) this.walk(childAbs, childRel, out);
			else if (entry.isFile()) out.push(childRel);
		}
	}

	/** Remove a temporary file whose run is gone (killed mid-write); one another run is still writing is left alone. */
	private removeStaleTemp(abs: string, name: string): void {
		const pid = Number(TEMP_PID.exec(name)?.[1] ?? NaN);
		if (!Number.isInteger(pid) || pid === process.pid || processAlive(pid)) return;
		try {
			unlinkSync(abs);
		} catch {
			/* gone already, or not ours to remove: it never ends in .md, so it is ignored anyway */
		}
	}

	private contains(absReal: string): boolean {
		const r = relative(this.root, absReal);
		return r === "" || (!r.startsWith("..") && !isAbsolute(r));
	}

	/** The absolute path of a vault-relative path; refuses anything outside the vault. */
	absolute(vaultPath: string): string {
		if (vaultPath === "" || isAbsolute(vaultPath) || (WINDOWS && /^[A-Za-z]:/.test(vaultPath)) || vaultPath.includes("\0")) {
			throw new UsageError(`path must be relative to the vault: ${vaultPath}`);
		}
		const parts = vaultPath.split(SEPARATOR);
		if (parts.includes("..")) throw new UsageError(`path leads outside the vault: ${vaultPath}`);
		const abs = join(this.root, ...parts);
		const r = relative(this.root, abs);
		if (r.startsWith("..") || isAbsolute(r)) throw new UsageError(`path leads outside the vault: ${vaultPath}`);
		try {
			if (lstatSync(abs).isSymbolicLink() && !this.contains(realpathSync(abs))) {
				throw new UsageError(`path is a symlink that leads outside the vault: ${vaultPath}`);
			}
		} catch (e) {
			if (e instanceof UsageError) throw e;
		}
		return abs;
	}

	/** Normalise a vault path argument to the vault's `/` form. */
	normalise(vaultPath: string): string {
		this.absolute(vaultPath);
		return vaultPath.split(SEPARATOR).filter((p) => p !== "" && p !== ".").join("/");
	}

	readNote(vaultPath: string, maxBytes: number): ReadNote {
		let buf: Buffer;
		try {
			const read = readRegularFile(this.absolute(vaultPath), maxBytes);
			if (typeof read === "string") return { ok: false, message: read };
			buf = read;
		} catch (e) {
			return { ok: false, message: `cannot read file (${(e as Error).message})` };
		}
		try {
			return { ok: true, text: decoder.decode(buf), bytes: buf.length };
		} catch {
			return { ok: false, message: "file is not valid UTF-8", lenient: buf.toString("utf8") };
		}
	}

	/** Where `readListedNote` reads: grown as notes need, up to the size limit. */
	private scratch: Buffer = Buffer.allocUnsafeSlow(64 * 1024);

	/**
	 * Read a note `listFiles` returned, for a vault load: the walk already checked where it
	 * leads, so this is an open, reads until the end (or past the limit) and a close — no
	 * `stat`, no buffer per note. The bytes live in a scratch buffer: the result (and its
	 * text, until first asked for) is valid only until the next call — unless `keep`.
	 */
	readListedNote(vaultPath: string, maxBytes: number, keep = false): ReadNote {
		let fd = -1;
		let off = 0;
		try {
			fd = openSync(this.root + "/" + vaultPath, READ_FLAGS);
			for (;;) {
				if (off === this.scratch.length) {
					if (off > maxBytes) break;
					const grown = Buffer.allocUnsafeSlow(Math.min(maxBytes + 1, off * 2));
					this.scratch.copy(grown, 0, 0, off);
					this.scratch = grown;
				}
				const n = readSync(fd, this.scratch, off, this.scratch.length - off, null);
				if (n === 0) break;
				off += n;
			}
			if (off > maxBytes) return { ok: false, message: overLimitMessage(fstatSync(fd).size, maxBytes) };
		} catch (e) {
			return { ok: false, message: `cannot read file (${(e as Error).message})` };
		} finally {
			if (fd !== -1) closeSync(fd);
		}
		const bytes = this.scratch.subarray(0, off);
		return decodeNote(keep ? Buffer.from(bytes) : bytes);
	}

	/**
	 * A listed note read again later (a command about to show or edit it): by the path the
	 * walk listed, as the load read it, after checking it has not become a symlink out of the
	 * vault since.
	 */
	readListedNoteAgain(vaultPath: string, maxBytes: number): ReadNote {
		const abs = this.root + "/" + vaultPath;
		try {
			if (lstatSync(abs).isSymbolicLink() && !this.contains(realpathSync(abs))) {
				return { ok: false, message: "note is now a symlink that leads outside the vault; not read" };
			}
		} catch {
			/* gone or unreadable: the read says so */
		}
		return this.readListedNote(vaultPath, maxBytes, true);
	}

	/**
	 * Create a new note, never replacing a file (docs/capture.md): written in full to a
	 * temporary file beside it, then hard-linked to its name, which fails when the name is
	 * taken — so the note appears whole or not at all, and a file made meanwhile by someone
	 * else is never overwritten. Folders on the way are created. False: the name is taken.
	 * Where the file system has no hard links the note is created exclusively (`wx`) instead.
	 */
	createExclusive(vaultPath: string, text: string): boolean {
		const target = this.absolute(vaultPath);
		const dir = target.slice(0, target.lastIndexOf(sep));
		mkdirSync(dir, { recursive: true });
		const tmp = join(dir, `.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${TEMP_MARK}`);
		const buf = Buffer.from(text, "utf8");
		writeWhole(tmp, "wx", buf);
		try {
			linkSync(tmp, target);
			return true;
		} catch (e) {
			const code = (e as { code?: unknown }).code;
			if (code === "EEXIST") return false;
			if (code !== "EPERM" && code !== "ENOTSUP" && code !== "ENOSYS" && code !== "EOPNOTSUPP") throw e;
		} finally {
			try {
				unlinkSync(tmp);
			} catch {
				/* already gone */
			}
		}
		try {
			writeWhole(target, "wx", buf);
		} catch (e) {
			if ((e as { code?: unknown }).code === "EEXIST") return false;
			throw e;
		}
		return true;
	}

	/**
	 * Atomic write: a temporary file beside the note, fsync, then rename over it. A note that
	 * is a symlink (inside the vault) is written through: the file it points to is replaced,
	 * the link stays. The file keeps its mode, and its owner where the process may set it.
	 */
	writeAtomic(vaultPath: string, text: string): void {
		let target = this.absolute(vaultPath);
		let st: ReturnType<typeof statSync> | null = null;
		try {
			if (lstatSync(target).isSymbolicLink()) {
				const real = realpathSync(target);
				if (!this.contains(real)) throw new Error("the note is a symlink that leads outside the vault; not written");
				target = real;
			}
			st = statSync(target);
		} catch (e) {
			if ((e as { code?: unknown }).code !== "ENOENT") throw e;
		}
		if (st !== null && !st.isFile()) throw new Error("the note is not a regular file; not written");
		const dir = target.slice(0, target.lastIndexOf(sep));
		// Short, whatever the note's name: a name near the file-system limit still gets one.
		const tmp = join(dir, `.${process.pid}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}${TEMP_MARK}`);
		const fd = openSync(tmp, "wx", 0o644);
		try {
			if (st !== null) {
				fchmodSync(fd, st.mode & 0o7777);
				try {
					fchownSync(fd, st.uid, st.gid);
				} catch {
					/* not permitted (another owner, not root): the file gets this process's owner */
				}
			}
			const buf = Buffer.from(text, "utf8");
			let off = 0;
			while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
			fsyncSync(fd);
			closeSync(fd);
			renameSync(tmp, target);
		} catch (e) {
			try {
				closeSync(fd);
			} catch {
				/* closed already */
			}
			try {
				unlinkSync(tmp);
			} catch {
				/* never created, or renamed */
			}
			throw e;
		}
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
function writeWhole(abs: string, flags: string, buf: Buffer): void {
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

function processAlive(pid: number): boolean {
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

export { formatBytes, overLimitMessage } from "../core/sources/settings";
