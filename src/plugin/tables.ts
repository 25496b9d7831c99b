/**
 * Tables and export (docs/tables-and-export.md): the `source-lifecycle` code block and the
 * command "Export sources for NotebookLM…", which writes one file per category into the
 * export folder setting. The export overwrites only files whose first line is its marker
 * (checked again inside the one writer's `vault.process`); a clash is a Notice naming the
 * file, and then nothing is written.
 */
import { Notice, TFile, TFolder, normalizePath } from "obsidian";
import { exportGroupFiles, exportGroups, hasExportMarker, type ExportFile } from "../core/sources/export";
import type { SourceNote } from "../core/sources/source";
import { SourceTable } from "../ui/source-table";
import type { FeatureContext } from "./context";

export const TABLE_BLOCK = "source-lifecycle";

export function registerTables(context: FeatureContext): void {
	const { app, plugin } = context;
	plugin.registerMarkdownCodeBlockProcessor(TABLE_BLOCK, (source, el, ctx) => {
		ctx.addChild(
			new SourceTable(el, source, {
				index: context.sourceIndex.index,
				settings: () => context.settings(),
				linkText: (path, from) => {
					const file = app.vault.getAbstractFileByPath(path);
					return file instanceof TFile ? app.metadataCache.fileToLinktext(file, from) : path.replace(/\.md$/i, "");
				},
				openLink: (linkText, from, newLeaf) => void app.workspace.openLinkText(linkText, from, newLeaf),
			}, ctx.sourcePath),
		);
	});
	plugin.addCommand({
		id: "export-sources-for-notebooklm",
		name: "Export sources for NotebookLM…",
		callback: async () => {
			new Notice(await exportForNotebookLm(context));
		},
	});
}

/** Export every source but archived ones into the export folder; returns what happened, for a Notice. */
export async function exportForNotebookLm(context: FeatureContext): Promise<string> {
	const { app } = context;
	const settings = context.settings();
	const folder = normalizePath(settings.exportFolder);
	const groups = exportGroups(context.sourceIndex.index.sources(), { statuses: null, category: null }, settings);
	const texts = new Map<string, string>();
	const unread: string[] = [];
	for (const group of groups) {
		for (const source of group.sources) {
			const file = app.vault.getAbstractFileByPath(source.path);
			if (!(file instanceof TFile) || file.stat.size > settings.maxNoteBytes) {
				unread.push(source.path);
				continue;
			}
			texts.set(source.path, await app.vault.cachedRead(file));
		}
	}
	const textOf = (s: SourceNote) => texts.get(s.path) ?? null;
	const files: ExportFile[] = groups.flatMap((g) => [...exportGroupFiles(g, textOf)]);
	// Every file is checked before any is written: a clash leaves the folder as it was.
	for (const f of files) {
		const existing = app.vault.getAbstractFileByPath(`${folder}/${f.file}`);
		if (existing === null) continue;
		if (!(existing instanceof TFile) || !hasExportMarker(await app.vault.cachedRead(existing))) {
			return `Source Lifecycle: nothing exported. ${existing.path} is not a file the export wrote (it has no marker line); move it or choose another export folder in settings.`;
		}
	}
	if (!(app.vault.getAbstractFileByPath(folder) instanceof TFolder)) await app.vault.createFolder(folder);
	let written = 0;
	const refused: string[] = [];
	for (const f of files) {
		const path = `${folder}/${f.file}`;
		const existing = app.vault.getAbstractFileByPath(path);
		if (existing instanceof TFile) {
			const outcome = await context.writer.editText(existing, (text) =>
				hasExportMarker(text) ? { ok: true, text: f.text } : { ok: false, reason: "it is not a file the export wrote (no marker line)" },
			);
			if (outcome === "written") written++;
			if (outcome === "refused") refused.push(path);
		} else {
			await app.vault.create(path, f.text);
			written++;
		}
	}
	const sources = files.reduce((n, f) => n + f.sources, 0);
	const parts = [`Source Lifecycle: exported ${sources} ${sources === 1 ? "source" : "sources"} into ${files.length} ${files.length === 1 ? "file" : "files"} in ${folder} (${written} written, ${files.length - written - refused.length} unchanged).`];
	if (refused.length) parts.push(`Not written: ${refused.join(", ")}.`);
	if (unread.length) parts.push(`Exported without their text (not readable or over the size limit): ${unread.join(", ")}.`);
	return parts.join(" ");
}
