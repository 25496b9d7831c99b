/**
 * The NotebookLM export on disk (docs/tables-and-export.md): `source-lifecycle export <vault>
 * <outdir> --json` against `scan <vault> --json` on the same synthetic vault, both cold
 * (`--no-cache`: every note read), whole processes, alternating, median of `reps`. The export
 * reads every SOURCE note's text again (scan reads only frontmatter), renders it and writes
 * the files atomically.
 */
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { sideBySide } from "./measure";
import { writeDiskVault } from "./disk-vault";
import { runProcess } from "./cli-bench";

export interface ExportFigures {
	notes: number;
	exportMs: number;
	scanMs: number;
	files: number;
	sources: number;
	words: number;
}

export async function benchCliExport(root: string, cliJs: string, notes: number, reps: number): Promise<ExportFigures> {
	const dir = mkdtempSync(join(tmpdir(), "sl-bench-export-"));
	try {
		const vault = writeDiskVault(join(dir, "vault"), join(root, "tests", "fixtures", "seed-source.md"), notes);
		const outdir = join(dir, "NotebookLM");
		// Both cold (every note read) and with a cache folder of this run, never the user's.
		const cache = join(dir, "cache");
		const exportArgs = [cliJs, "export", vault.root, outdir, "--json", "--no-cache"];
		const scanArgs = [cliJs, "scan", vault.root, "--json", "--no-cache"];
		// The answer first: every exportable source lands in a file, and nothing failed.
		const first = JSON.parse((await runProcess(exportArgs, true, cache)).stdout) as { files: { sources: number; words: number }[]; errors: unknown[] };
		if (first.errors.length) throw new Error(`export reported errors on the synthetic vault: ${JSON.stringify(first.errors.slice(0, 3))}`);
		const t = await sideBySide(
			{
				export: async () => (await runProcess(exportArgs, false, cache)).ms,
				scan: async () => (await runProcess(scanArgs, false, cache)).ms,
			},
			reps,
		);
		return {
			notes: vault.files,
			exportMs: t.export as number,
			scanMs: t.scan as number,
			files: first.files.length,
			sources: first.files.reduce((n, f) => n + f.sources, 0),
			words: first.files.reduce((n, f) => n + f.words, 0),
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
