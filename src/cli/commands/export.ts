/**
 * `export <vault> <outdir> [--status s1,s2] [--category C] [--json]`: one Markdown file per
 * NotebookLM category in `outdir` (docs/tables-and-export.md). Every file is checked before
 * any is written: a file there that the export did not write (no marker line) refuses the
 * whole run (exit 2, naming it, nothing written). Writes are atomic.
 */
import { mkdirSync, readFileSync, statSync } from "fs";
import { resolve } from "path";
import { exportGroupFiles, exportGroups, hasExportMarker, UNCATEGORIZED, type ExportFile } from "../../core/sources/export";
import { tableVocabulary } from "../../core/sources/table-query";
import type { SourceNote } from "../../core/sources/source";
import type { CliArgs } from "../args";
import { FolderVault, UsageError } from "../folder-vault";
import type { FileError, LoadedVault } from "../load";
import { table as textTable, type CommandResult } from "../output";

export function exportSources(loaded: LoadedVault, args: CliArgs): CommandResult {
	const outArg = args.rest[0];
	if (outArg === undefined || outArg === "") throw new UsageError("export: no output folder given");
	const { index, settings } = loaded;
	const vocabulary = tableVocabulary(index.sources(), settings);
	const statuses = args.options.status === undefined ? null : args.options.status.split(",").map((s) => s.trim()).filter((s) => s !== "");
	for (const s of statuses ?? []) if (!vocabulary.values.status.has(s)) throw new UsageError(`export: unknown status "${s}" (known: ${[...vocabulary.values.status].join(", ")})`);
	const category = args.options.category?.trim() ?? null;
	if (category !== null && category !== UNCATEGORIZED && !vocabulary.values.category.has(category)) {
		throw new UsageError(`export: unknown category "${category}" (known: ${[...vocabulary.values.category].sort().join(", ") || "none"}, ${UNCATEGORIZED})`);
	}
	const errors: FileError[] = [...loaded.errors];
	const textOf = (source: SourceNote): string | null => {
		const read = loaded.notes.get(source.path)?.read();
		if (read?.ok) return read.text;
		errors.push({ path: source.path, message: `exported without its body: ${read?.message ?? "not read"}` });
		return null;
	};
	const files: (ExportFile & { category: string })[] = [];
	for (const group of exportGroups(index.sources(), { statuses, category }, settings)) {
		for (const f of exportGroupFiles(group, textOf)) files.push({ ...f, category: group.category });
	}
	const outdir = resolve(outArg);
	refuseUserFiles(outdir, files);
	if (!args.dryRun) {
		mkdirSync(outdir, { recursive: true });
		const out = new FolderVault(outdir);
		for (const f of files) out.writeAtomic(f.file, f.text);
	}
	const listed = files.map((f) => ({ file: f.file, category: f.category, sources: f.sources, words: f.words }));
	const rows = listed.map((f) => [f.file, String(f.sources), String(f.words)]);
	const total = listed.reduce((n, f) => n + f.sources, 0);
	const summary = `${args.dryRun ? "would write" : "wrote"} ${listed.length} ${listed.length === 1 ? "file" : "files"} (${total} ${total === 1 ? "source" : "sources"}) to ${outdir}`;
	return {
		json: { outdir, files: listed, errors: errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) },
		text: (rows.length ? textTable(["file", "sources", "words"], rows) + "\n" : "") + summary,
		errors,
	};
}

/** A file of the export's name that the export did not write is the user's: refuse the run, naming it. */
function refuseUserFiles(outdir: string, files: readonly ExportFile[]): void {
	for (const f of files) {
		const abs = `${outdir}/${f.file}`;
		let existing: string;
		try {
			if (!statSync(abs).isFile()) throw new UsageError(`export: ${abs} is not a file; nothing was written`);
			existing = readFileSync(abs, "utf8");
		} catch (e) {
			if (e instanceof UsageError) throw e;
			if ((e as { code?: unknown }).code === "ENOENT") continue;
			throw new UsageError(`export: ${abs} cannot be read (${(e as Error).message}); nothing was written`);
		}
		if (!hasExportMarker(existing)) throw new UsageError(`export: ${abs} exists and was not written by an export (no marker line); move it away or choose another folder; nothing was written`);
	}
}
