/**
 * `export <vault> <outdir> [--status s1,s2] [--category C] [--json]`: one Markdown file per
 * NotebookLM category in `outdir` (docs/tables-and-export.md). Before anything is written,
 * every file there that the export could write (`name.md`, `name-N.md` of an exported
 * category, in any case) is checked: one the export did not write (no marker line) refuses
 * the whole run (exit 2, naming it). Then each file is written atomically as it is complete,
 * so the run holds one part of a category in memory, not the whole export.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from "fs";
import { resolve } from "path";
import { exportGroupFiles, exportGroups, hasExportMarker, UNCATEGORIZED, type ExportGroup } from "../../core/sources/export";
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
	// The values sources have, to name an unknown one; only read when the options name some.
	const vocabulary = args.options.status === undefined && args.options.category === undefined ? null : tableVocabulary(index.sources(), settings);
	const statuses = args.options.status === undefined ? null : args.options.status.split(",").map((s) => s.trim()).filter((s) => s !== "");
	for (const s of statuses ?? []) if (vocabulary && !vocabulary.values.status.has(s)) throw new UsageError(`export: unknown status "${s}" (known: ${[...vocabulary.values.status].join(", ")})`);
	const category = args.options.category?.trim() ?? null;
	if (vocabulary && category !== null && category !== UNCATEGORIZED && !vocabulary.values.category.has(category)) {
		throw new UsageError(`export: unknown category "${category}" (known: ${[...vocabulary.values.category].sort().join(", ") || "none"}, ${UNCATEGORIZED})`);
	}
	const groups = exportGroups(index.sources(), { statuses, category }, settings);
	const outdir = resolve(outArg);
	refuseUserFiles(outdir, groups);
	const errors: FileError[] = [...loaded.errors];
	const textOf = (source: SourceNote): string | null => {
		const read = loaded.notes.get(source.path)?.read();
		if (read?.ok) return read.text;
		errors.push({ path: source.path, message: `exported without its body: ${read?.message ?? "not read"}` });
		return null;
	};
	let out: FolderVault | null = null;
	if (!args.dryRun && groups.length) {
		mkdirSync(outdir, { recursive: true });
		out = new FolderVault(outdir);
	}
	const listed: { file: string; category: string; sources: number; words: number }[] = [];
	for (const group of groups) {
		const files: { part: number; file: string; sources: number; words: number }[] = [];
		for (const f of exportGroupFiles(group, textOf)) {
			out?.writeAtomic(f.file, f.text);
			files.push({ part: f.part, file: f.file, sources: f.sources, words: f.words });
		}
		files.sort((a, b) => a.part - b.part);
		for (const f of files) listed.push({ file: f.file, category: group.category, sources: f.sources, words: f.words });
	}
	const rows = listed.map((f) => [f.file, String(f.sources), String(f.words)]);
	const total = listed.reduce((n, f) => n + f.sources, 0);
	const summary = `${args.dryRun ? "would write" : "wrote"} ${listed.length} ${listed.length === 1 ? "file" : "files"} (${total} ${total === 1 ? "source" : "sources"}) to ${outdir}`;
	return {
		json: { outdir, files: listed, errors: errors.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)) },
		text: (rows.length ? textTable(["file", "sources", "words"], rows) + "\n" : "") + summary,
		errors,
	};
}

/**
 * A file in `outdir` that the export could write — `name.md` or `name-N.md` of a category it
 * exports, compared case-insensitively (a case-insensitive disk would overwrite it) — and
 * that does not start with the marker line is the user's: refuse the run, naming it.
 */
function refuseUserFiles(outdir: string, groups: readonly ExportGroup[]): void {
	let entries: string[];
	try {
		entries = readdirSync(outdir);
	} catch (e) {
		if ((e as { code?: unknown }).code === "ENOENT") return;
		throw new UsageError(`export: ${outdir} cannot be listed (${(e as Error).message}); nothing was written`);
	}
	const names = new Set(groups.map((g) => g.name));
	for (const entry of entries.sort()) {
		const m = /^(.*?)(-\d+)?\.md$/i.exec(entry.toLowerCase());
		if (!m || !(names.has(m[1] as string) || names.has(entry.toLowerCase().slice(0, -3)))) continue;
		const abs = `${outdir}/${entry}`;
		let existing: string;
		try {
			if (!statSync(abs).isFile()) throw new UsageError(`export: ${abs} is not a file; nothing was written`);
			existing = readFileSync(abs, "utf8");
		} catch (e) {
			if (e instanceof UsageError) throw e;
			throw new UsageError(`export: ${abs} cannot be read (${(e as Error).message}); nothing was written`);
		}
		if (!hasExportMarker(existing)) throw new UsageError(`export: ${abs} exists and was not written by an export (no marker line); move it away or choose another folder; nothing was written`);
	}
}
