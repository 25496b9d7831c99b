/**
 * A vault folder on disk, for the CLI: lists files as Obsidian would (dot folders
 * skipped, symlinks out of the vault not followed), reads notes with size and UTF-8
 * checks, and writes atomically (temporary file beside the note, fsync, rename).
 */
import { closeSync, constants, fchmodSync, fchownSync, fstatSync, fsyncSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, readSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Dirent } from "fs";
import { isAbsolute, join, relative, sep } from "path";
import { overLimitMessage } from "../core/sources/settings";
import { decodeNote, decodeWhole, processAlive, READ_FLAGS, readRegularFile, sameBytes, writeWhole, type ReadNote } from "./note-files";

export class UsageError extends Error {}

const WINDOWS = process.platform === "win32";
/** What separates folders in a vault path: `/`, and `\` on Windows (elsewhere a file-name character). */
const SEPARATOR = WINDOWS ? /[\\/]/ : /\//;

/** Temporary files of an atomic write; never `.md`, and dot-prefixed so no vault lists them. */
export const TEMP_MARK = ".sl-tmp";


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

	/** True when a real (symlink-free) absolute path is the vault folder or inside it. */
	contains(absReal: string): boolean {
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

	/**
	 * The real path of a vault path, checked to be inside the vault — every folder on the way
	 * included, not only the last name: a folder swapped for a symlink out of the vault is
	 * caught here. Throws UsageError when it leads out; fs errors (ENOENT…) pass through.
	 */
	realInside(vaultPath: string): string {
		const real = realpathSync.native(this.absolute(vaultPath));
		if (!this.contains(real)) throw new UsageError(`${vaultPath} leads outside the vault (through a symlinked folder or file); not read or written`);
		return real;
	}

	/**
	 * The bytes of a file of the vault that must be a regular file really inside it (the
	 * plugin's settings, a note about to be edited), or why not, as a message that never
	 * quotes the file. Null when there is no such file.
	 */
	readInsideFile(vaultPath: string, maxBytes: number): Buffer | string | null {
		let real: string;
		try {
			real = this.realInside(vaultPath);
		} catch (e) {
			if (e instanceof UsageError) return e.message;
			if ((e as { code?: unknown }).code === "ENOENT") return null;
			return `cannot read file (${(e as Error).message})`;
		}
		try {
			return readRegularFile(real, maxBytes);
		} catch (e) {
			if ((e as { code?: unknown }).code === "ENOENT") return null;
			return `cannot read file (${(e as Error).message})`;
		}
	}

	readNote(vaultPath: string, maxBytes: number): ReadNote {
		let buf: Buffer;
		try {
			const read = readRegularFile(this.realInside(vaultPath), maxBytes);
			if (typeof read === "string") return { ok: false, message: read };
			buf = read;
		} catch (e) {
			if (e instanceof UsageError) return { ok: false, message: e.message };
			return { ok: false, message: `cannot read file (${(e as Error).message})` };
		}
		return decodeWhole(buf);
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
	 * walk listed, as the load read it, after checking it does not lead out of the vault now
	 * (through the note or any folder on the way).
	 */
	readListedNoteAgain(vaultPath: string, maxBytes: number): ReadNote {
		const abs = this.root + "/" + vaultPath;
		try {
			// The whole path, not only the note's name: a folder on the way may have been swapped for a symlink.
			if (!this.contains(realpathSync.native(abs))) {
				return { ok: false, message: "note now leads outside the vault (a symlinked folder or file); not read" };
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
	 *
	 * Right before the rename (docs/safety.md): the note's folder is checked again to be
	 * really inside the vault (a folder swapped for a symlink out of it meanwhile is refused),
	 * and with `basis` — the text the new one was computed from — the note is read again and
	 * compared: when another program changed it since, NoteChangedError is thrown and nothing
	 * is written, so the caller can compute again from the new text.
	 */
	writeAtomic(vaultPath: string, text: string, basis?: string): void {
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
		const name = target.slice(target.lastIndexOf(sep) + 1);
		const dir = this.realFolder(target.slice(0, target.lastIndexOf(sep)));
		target = join(dir, name);
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
			this.beforeRename(vaultPath);
			if (this.realFolder(dir) !== dir) throw new Error("the note's folder was moved or replaced by a symlink during the write; not written");
			if (basis !== undefined && !sameBytes(target, basis)) throw new NoteChangedError(vaultPath);
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

	/** The real path of a folder, refused (thrown) when it is not inside the vault. */
	private realFolder(abs: string): string {
		const real = realpathSync.native(abs);
		if (!this.contains(real)) throw new Error("the note's folder leads outside the vault (a symlinked folder); not written");
		return real;
	}

	/**
	 * Called after a write's temporary file is complete and before it is renamed over the
	 * note: does nothing. Tests force a race here (another program writing the note, a
	 * folder swapped for a symlink) to check what the rename then does.
	 */
	beforeRename(_vaultPath: string): void {
		/* a seam for tests */
	}
}

/** The note was changed by another program between the read an edit was computed from and its write. */
export class NoteChangedError extends Error {
	constructor(readonly path: string) {
		super("the note was changed by another program while it was being edited");
	}
}

export { decodeNote, frontmatterHead, readRegularFile, type ReadNote } from "./note-files";
export { formatBytes, overLimitMessage } from "../core/sources/settings";
