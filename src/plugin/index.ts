/**
 * The plugin's side of the one SourceIndex: built once from `metadataCache` when the
 * layout is ready (no file reads), then kept current per event — `changed` for
 * frontmatter, `resolve` for a note's links, `deleted`, and vault `rename` (renames
 * fire no metadata event). Views and commands read it; they never scan the vault.
 */
import { Component, TFile, type App } from "obsidian";
import { SourceIndex } from "../core/vault/source-index";
import type { SourceSettings } from "../core/sources/settings";
import { readFrontmatter } from "../core/frontmatter/frontmatter";

export class VaultSourceIndex extends Component {
	readonly index: SourceIndex;
	private built = false;
	/** Notes whose links a rename may have changed, re-read on the next `resolved`. */
	private readonly relink = new Set<string>();

	constructor(
		private app: App,
		settings: SourceSettings,
	) {
		super();
		this.index = new SourceIndex(settings);
	}

	override onload(): void {
		this.app.workspace.onLayoutReady(() => {
			this.rebuild();
			const cache = this.app.metadataCache;
			this.registerEvent(
				cache.on("changed", (file, _data, meta) => {
					if (file.extension === "md") this.index.setNote(file.path, meta.frontmatter);
				}),
			);
			this.registerEvent(
				cache.on("resolve", (file) => {
					this.index.setLinks(file.path, cache.resolvedLinks[file.path] ?? {});
				}),
			);
			this.registerEvent(cache.on("deleted", (file) => this.index.deleteNote(file.path)));
			this.registerEvent(
				this.app.vault.on("rename", (file, oldPath) => {
					if (!(file instanceof TFile)) return;
					for (const p of this.index.linkingNotes(oldPath)) this.relink.add(p);
					this.relink.add(file.path);
					this.index.renameNote(oldPath, file.path, cache.getFileCache(file)?.frontmatter);
				}),
			);
			// The rename above assumed links follow the note ("Automatically update internal
			// links" on). With it off, links by the old name become unresolved, and no note is
			// re-indexed (no `changed` or `resolve` for them): once Obsidian has resolved every
			// link again, the notes concerned are re-read from `resolvedLinks`.
			this.registerEvent(
				cache.on("resolved", () => {
					for (const p of this.relink) this.index.setLinks(p, cache.resolvedLinks[p] ?? {});
					this.relink.clear();
				}),
			);
		});
	}

	/**
	 * Our own write, read at once: Obsidian's `changed` for it comes later (the metadata
	 * cache parses in the background), and until then the triage view and the next action
	 * would see the old status. `changed` then reconciles with Obsidian's own reading.
	 */
	noteWritten(path: string, text: string): void {
		if (!path.endsWith(".md")) return;
		const read = readFrontmatter(text);
		if (read.ok) this.index.setNote(path, read.data);
	}

	get ready(): boolean {
		return this.built;
	}

	/**
	 * Full build from the metadata cache: O(notes + links). Each file's links are looked up
	 * in `resolvedLinks` (Markdown and canvas files link): enumerating that object's keys
	 * instead would sort them all, a quarter of the build for a 100k-note vault.
	 */
	rebuild(settings?: SourceSettings): void {
		if (settings) this.index.updateSettings(settings);
		const cache = this.app.metadataCache;
		const resolved = cache.resolvedLinks;
		for (const file of this.app.vault.getFiles()) {
			if (file.extension === "md") this.index.setNote(file.path, cache.getFileCache(file)?.frontmatter, false);
			const links = Object.prototype.hasOwnProperty.call(resolved, file.path) ? resolved[file.path] : undefined;
			if (links) this.index.setLinks(file.path, links, false);
		}
		this.built = true;
		this.index.bump([]);
	}
}
