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
					this.index.renameNote(oldPath, file.path, cache.getFileCache(file)?.frontmatter);
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
