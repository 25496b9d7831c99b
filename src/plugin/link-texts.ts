/** Link resolution and link text as Obsidian itself answers them (docs/reference.md §5). */
import type { App } from "obsidian";
import type { LinkTexts } from "../core/vault/backlinks";

export function obsidianLinkTexts(app: App): LinkTexts {
	return {
		resolve: (linkpath, from) => app.metadataCache.getFirstLinkpathDest(linkpath, from)?.path ?? null,
		linkText: (path, from) => {
			const file = app.vault.getFileByPath(path);
			return file ? app.metadataCache.fileToLinktext(file, from) : path.replace(/\.md$/i, "");
		},
	};
}
