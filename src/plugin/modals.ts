/** Pickers of the lifecycle: the next status of a source, and the note to integrate it into. */
import { FuzzySuggestModal, SuggestModal, TFile, type App, type FuzzyMatch } from "obsidian";
import type { SourceSettings } from "../core/sources/settings";
import { isSourceFrontmatter } from "../core/sources/source";

/** Suggest modal of the statuses a source may move to. */
export class StatusSuggestModal extends SuggestModal<string> {
	constructor(
		app: App,
		source: TFile,
		current: string | null,
		private choices: readonly string[],
		private onChoose: (status: string) => void,
	) {
		super(app);
		this.setPlaceholder(`Move ${source.basename} from ${current ?? "no status"} to…`);
	}

	getSuggestions(query: string): string[] {
		const q = query.trim().toLowerCase();
		return this.choices.filter((s) => s.toLowerCase().includes(q));
	}

	renderSuggestion(status: string, el: HTMLElement): void {
		el.createDiv({ text: status });
	}

	onChooseSuggestion(status: string): void {
		this.onChoose(status);
	}
}

/** "Create new note: name" — the picker's offer when the typed name is not a note. */
export interface NewNoteChoice {
	create: string;
}

export type TargetChoice = TFile | NewNoteChoice;

/**
 * Fuzzy picker over the vault's Markdown notes that are not SOURCE notes. Typing a
 * name that matches no note offers to create it.
 */
export class IntegrateTargetModal extends FuzzySuggestModal<TargetChoice> {
	/** Listed once per opening: the picker filters the same list on every keystroke. */
	private items: TFile[] | null = null;

	constructor(
		app: App,
		private source: TFile,
		private settings: SourceSettings,
		private onChoose: (choice: TargetChoice) => void,
	) {
		super(app);
		this.setPlaceholder(`Integrate ${source.basename} into note…`);
		this.emptyStateText = "Type a name to create a new note.";
	}

	getItems(): TFile[] {
		if (this.items) return this.items;
		const cache = this.app.metadataCache;
		// Most recently modified first, as the quick switcher lists them.
		this.items = this.app.vault
			.getMarkdownFiles()
			.filter((f) => f.path !== this.source.path && !isSourceFrontmatter(f.path, cache.getFileCache(f)?.frontmatter, this.settings))
			.sort((a, b) => b.stat.mtime - a.stat.mtime);
		return this.items;
	}

	getItemText(item: TargetChoice): string {
		return item instanceof TFile ? item.path.replace(/\.md$/i, "") : item.create;
	}

	override getSuggestions(query: string): FuzzyMatch<TargetChoice>[] {
		const found = super.getSuggestions(query);
		const name = query.trim().replace(/\.md$/i, "");
		if (name === "") return found;
		const lower = name.toLowerCase();
		const exists = this.app.vault.getMarkdownFiles().some((f) => f.basename.toLowerCase() === lower || f.path.toLowerCase() === `${lower}.md`);
		if (exists) return found;
		// Last, but always shown: the picker displays at most `limit` suggestions, and a loose
		// fuzzy match of a new name can fill them all.
		const shown = found.length >= this.limit ? found.slice(0, Math.max(0, this.limit - 1)) : found;
		shown.push({ item: { create: name }, match: { score: -1, matches: [] } });
		return shown;
	}

	override renderSuggestion(value: FuzzyMatch<TargetChoice>, el: HTMLElement): void {
		if (value.item instanceof TFile) super.renderSuggestion(value, el);
		else el.createDiv({ text: `Create new note: ${value.item.create}` });
	}

	onChooseItem(item: TargetChoice): void {
		this.onChoose(item);
	}
}
