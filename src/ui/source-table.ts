/**
 * The `source-lifecycle` code block in reading view (docs/tables-and-export.md): a live table
 * of the sources its options select. Built with createEl only (note text is always a text
 * node); titles are internal links as Obsidian renders them (`a.internal-link`, `data-href`).
 * Options it cannot read show an error box naming each problem. The table subscribes to the
 * one SourceIndex and renders again when a source it shows, or one that now matches, changes;
 * as a MarkdownRenderChild it unsubscribes when its section is unloaded.
 */
import { MarkdownRenderChild } from "obsidian";
import type { SourceIndex } from "../core/vault/source-index";
import type { SourceSettings } from "../core/sources/settings";
import { blockOptions, columnHeader, readTableOptions, sourceMatcher, tableRows, tableVocabulary, type TableQuery } from "../core/sources/table-query";

export const TABLE_CLASS = "source-lifecycle-table";
export const TABLE_ERROR_CLASS = "source-lifecycle-table-error";

/** What a table needs from the plugin: the index, the settings, and Obsidian's link text and navigation. */
export interface SourceTableHost {
	index: SourceIndex;
	settings(): SourceSettings;
	/** How Obsidian writes a link from the note holding the block to this path (`fileToLinktext`). */
	linkText(path: string, fromPath: string): string;
	/** Open a link as a click on an internal link does (`openLinkText`); `newLeaf` for a modifier click. */
	openLink(linkText: string, fromPath: string, newLeaf: boolean): void;
}

export class SourceTable extends MarkdownRenderChild {
	/** Paths of the rows shown, to know which changes concern this table. */
	private shown = new Set<string>();
	private query: TableQuery | null = null;
	/** How many times the table was drawn (tests and the bench read it). */
	renders = 0;

	constructor(
		containerEl: HTMLElement,
		private readonly options: string,
		private readonly host: SourceTableHost,
		private readonly notePath: string,
	) {
		super(containerEl);
	}

	override onload(): void {
		this.render();
		this.register(this.host.index.onChange((paths) => {
			if (this.concerns(paths)) this.render();
		}));
	}

	/** A rebuild (no paths), a source shown, or a source that now passes the filters: draw again. */
	private concerns(paths: readonly string[]): boolean {
		// Options in error may become valid when a source brings a new value; a rebuild changes everything.
		if (this.query === null || paths.length === 0) return true;
		const matches = sourceMatcher(this.query);
		for (const path of paths) {
			if (this.shown.has(path)) return true;
			const source = this.host.index.getSource(path);
			if (source && matches(source)) return true;
		}
		return false;
	}

	render(): void {
		this.renders++;
		const el = this.containerEl;
		el.empty();
		el.addClass("source-lifecycle-table-block");
		const settings = this.host.settings();
		const index = this.host.index;
		const lines = blockOptions(this.options);
		const read = readTableOptions(lines.entries, tableVocabulary(index.sources(), settings));
		const errors = [...lines.errors, ...(read.ok ? [] : read.errors)];
		if (!read.ok || errors.length) {
			this.query = null;
			this.shown.clear();
			this.renderErrors(errors);
			return;
		}
		this.query = read.query;
		const rows = tableRows(index.sources(), read.query, settings);
		this.shown = new Set(rows.map((r) => r.path));
		if (rows.length === 0) {
			el.createEl("p", { cls: "source-lifecycle-table-empty", text: "No sources match these options." });
			return;
		}
		const table = el.createEl("table", { cls: TABLE_CLASS });
		const head = table.createEl("thead").createEl("tr");
		for (const column of read.query.columns) head.createEl("th", { text: columnHeader(column) });
		const body = table.createEl("tbody");
		for (const row of rows) {
			const tr = body.createEl("tr");
			read.query.columns.forEach((column, i) => {
				const td = tr.createEl("td");
				if (column === "title") this.renderLink(td, row.path, row.title);
				else td.setText(row.cells[i] ?? "");
			});
		}
	}

	private renderLink(td: HTMLElement, path: string, title: string): void {
		const linkText = this.host.linkText(path, this.notePath);
		const a = td.createEl("a", { cls: "internal-link", text: title, href: linkText, attr: { "data-href": linkText, target: "_blank", rel: "noopener" } });
		a.addEventListener("click", (evt) => {
			evt.preventDefault();
			this.host.openLink(linkText, this.notePath, evt.ctrlKey || evt.metaKey);
		});
	}

	private renderErrors(errors: readonly string[]): void {
		const box = this.containerEl.createDiv({ cls: TABLE_ERROR_CLASS });
		box.createEl("p", { cls: "source-lifecycle-table-error-title", text: "This source table cannot be shown:" });
		const list = box.createEl("ul");
		for (const e of errors) list.createEl("li", { text: e });
	}
}
