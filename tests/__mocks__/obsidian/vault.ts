/**
 * Files, the in-memory Vault and the MetadataCache of the obsidian mock (obsidian.d.ts `Vault`,
 * `MetadataCache`). The cache computes frontmatter with our reader and resolved links with our
 * resolver — a fake of Obsidian, not a second implementation of our rules.
 */
import { readFrontmatter, locateFrontmatter, positionAt } from "../../../src/core/frontmatter/frontmatter";
import { LinkResolver } from "../../../src/core/vault/links";
import { Events } from "./events";

export class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}

function setPath(file: TFile, path: string): void {
	file.path = path;
	file.name = path.slice(path.lastIndexOf("/") + 1);
	const dot = file.name.lastIndexOf(".");
	file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
	file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
}

export function normalizePath(path: string): string {
	return path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "") || "/";
}

/** In-memory vault: `read`, `cachedRead`, `modify`, `create`, atomic `process`, events. */
export class Vault extends Events {
	files = new Map<string, TFile>();
	contents = new Map<string, string>();
	/** Test hook: runs inside `process` between read and write, as a concurrent edit would. */
	beforeProcessWrite: ((file: TFile) => void) | null = null;
	writes = 0;
	/** The metadata cache's hooks: a file was written; a file is being renamed (before handlers). */
	onWrite: ((file: TFile) => void) | null = null;
	beforeRename: ((file: TFile, oldPath: string) => void) | null = null;

	addFile(path: string, text: string): TFile {
		const f = new TFile();
		setPath(f, path);
		f.vault = this;
		f.stat = { ctime: Date.now(), mtime: Date.now(), size: text.length };
		this.files.set(path, f);
		this.contents.set(path, text);
		return f;
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}
	getFileByPath(path: string): TFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}
	getMarkdownFiles(): TFile[] {
		return [...this.files.values()].filter((f) => f.extension === "md");
	}
	getFiles(): TFile[] {
		return [...this.files.values()];
	}
	async read(file: TFile): Promise<string> {
		return this.text(file);
	}
	async cachedRead(file: TFile): Promise<string> {
		return this.text(file);
	}
	private text(file: TFile): string {
		const t = this.contents.get(file.path);
		if (t === undefined) throw new Error(`ENOENT: ${file.path}`);
		return t;
	}
	async modify(file: TFile, data: string): Promise<void> {
		this.write(file, data);
	}
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const before = this.text(file);
		this.beforeProcessWrite?.(file);
		// Obsidian's process is atomic: the callback sees the current text.
		const current = this.text(file);
		const out = fn(current === before ? before : current);
		if (out !== current) this.write(file, out);
		return out;
	}
	async create(path: string, data: string): Promise<TFile> {
		if (this.files.has(path)) throw new Error("File already exists.");
		const f = this.addFile(path, data);
		this.writes++;
		this.trigger("create", f);
		this.onWrite?.(f);
		return f;
	}
	async createFolder(_path: string): Promise<void> {}
	async rename(file: TFile, newPath: string): Promise<void> {
		const old = file.path;
		const text = this.text(file);
		this.files.delete(old);
		this.contents.delete(old);
		setPath(file, newPath);
		this.files.set(newPath, file);
		this.contents.set(newPath, text);
		this.beforeRename?.(file, old);
		this.trigger("rename", file, old);
	}
	async delete(file: TFile): Promise<void> {
		this.files.delete(file.path);
		this.contents.delete(file.path);
		this.trigger("delete", file);
	}
	private write(file: TFile, data: string): void {
		this.contents.set(file.path, data);
		file.stat = { ...file.stat, mtime: Date.now(), size: data.length };
		this.writes++;
		this.trigger("modify", file);
		this.onWrite?.(file);
	}
}

export interface CachedMetadata {
	frontmatter?: Record<string, any>;
	frontmatterPosition?: { start: any; end: any };
	links?: { link: string; original: string; displayText?: string; position: any }[];
	embeds?: { link: string; original: string; displayText?: string; position: any }[];
	frontmatterLinks?: { key: string; link: string; original: string; displayText?: string }[];
	headings?: { heading: string; level: number; position: any }[];
}

/**
 * Metadata cache over the mock vault. `indexFile(path)` recomputes a file's cache and
 * its resolved links (wikilinks found with a simple pattern) and fires `changed` then
 * `resolve`/`resolved`, as Obsidian does after a modify.
 */
export class MetadataCache extends Events {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	caches = new Map<string, CachedMetadata>();

	/**
	 * Obsidian's timing (`follow`, on unless a test turns it off): after a write, `changed` comes in a later task for
	 * each file, `resolve` for each later still, then one `resolved` (d.ts 2833-2858). A rename
	 * moves the file's cache before rename handlers run, fires no `changed` (d.ts 2836), and
	 * re-resolves every note's links later, firing only `resolved`: links by the old name become
	 * unresolved, as with "Automatically update internal links" off (the mock never rewrites them).
	 */
	follow = true;
	private queued = new Set<string>();
	private relinkAll = false;
	private busy: Promise<void> | null = null;

	constructor(private vault: Vault) {
		super();
		vault.onWrite = (file) => {
			if (!this.follow) return;
			this.queued.add(file.path);
			this.schedule();
		};
		vault.beforeRename = (file, oldPath) => this.moved(file, oldPath);
	}
	/** Test hook: resolves once every pending metadata event has fired. */
	async settle(): Promise<void> {
		while (this.busy) await this.busy;
	}
	private schedule(): void {
		this.busy ??= (async () => {
			await nextTask();
			const paths = [...this.queued];
			this.queued.clear();
			const relink = this.relinkAll;
			this.relinkAll = false;
			const cached = paths.map((p) => this.compute(p)).filter((c) => c !== null);
			for (const c of cached) this.trigger("changed", c.file, c.text, c.cache);
			await nextTask();
			const resolve = new Set(cached.map((c) => c.file));
			// After a rename no file is indexed, so no `resolve` ("sometimes after a file has been
			// indexed", d.ts 2849-2853): the links are re-resolved silently, then `resolved`.
			if (relink) for (const file of this.vault.getFiles()) this.compute(file.path);
			for (const file of resolve) this.trigger("resolve", file);
			this.trigger("resolved");
			this.busy = null;
			if (this.queued.size || this.relinkAll) this.schedule();
		})();
	}
	private moved(file: TFile, oldPath: string): void {
		for (const table of [this.resolvedLinks, this.unresolvedLinks]) {
			if (oldPath in table) {
				table[file.path] = table[oldPath] as Record<string, number>;
				delete table[oldPath];
			}
		}
		const cache = this.caches.get(oldPath);
		this.caches.delete(oldPath);
		if (cache) this.caches.set(file.path, cache);
		if (this.follow) {
			this.relinkAll = true;
			this.schedule();
		}
	}
	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}
	getCache(path: string): CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}
	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const resolver = new LinkResolver(this.vault.files.keys());
		const hit = resolver.resolve(linkpath, sourcePath);
		return hit ? this.vault.getFileByPath(hit) : null;
	}
	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		const resolver = new LinkResolver(this.vault.files.keys());
		const text = resolver.linkText(file.path);
		return omitMdExtension ? text : text + (file.extension === "md" ? ".md" : "");
	}
	/** Recompute one file's cache and links; `events` false for a silent initial load. */
	indexFile(path: string, events = true): void {
		const c = this.compute(path);
		if (c && events) {
			this.trigger("changed", c.file, c.text, c.cache);
			this.trigger("resolve", c.file);
			this.trigger("resolved");
		}
	}
	private compute(path: string): { file: TFile; text: string; cache: CachedMetadata } | null {
		const file = this.vault.getFileByPath(path);
		if (!file) return null;
		const text = this.vault.contents.get(path) ?? "";
		const cache: CachedMetadata = {};
		const fm = readFrontmatter(text);
		const block = locateFrontmatter(text);
		if (block) cache.frontmatterPosition = { start: positionAt(text, block.start), end: positionAt(text, block.end) };
		if (fm.ok && fm.data) cache.frontmatter = fm.data;
		const links: CachedMetadata["links"] = [];
		const resolved: Record<string, number> = {};
		const unresolved: Record<string, number> = {};
		const body = block ? text.slice(block.end) : text;
		const resolver = new LinkResolver(this.vault.files.keys());
		const add = (linkpath: string) => {
			const dest = resolver.resolve(linkpath, path);
			if (dest) resolved[dest] = (resolved[dest] ?? 0) + 1;
			else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
		};
		for (const m of body.matchAll(/!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]/g)) {
			const link = (m[1] ?? "").trim();
			links.push({ link, original: m[0], position: null });
			if (link) add(link);
		}
		for (const v of Object.values(cache.frontmatter ?? {})) {
			for (const item of Array.isArray(v) ? v : [v]) {
				const m = typeof item === "string" ? /^\[\[([^\]|#]*)/.exec(item) : null;
				if (m && m[1]) add(m[1]);
			}
		}
		cache.links = links;
		this.caches.set(path, cache);
		this.resolvedLinks[path] = resolved;
		this.unresolvedLinks[path] = unresolved;
		return { file, text, cache };
	}
	indexAll(): void {
		for (const p of this.vault.files.keys()) this.indexFile(p, false);
	}
}

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
