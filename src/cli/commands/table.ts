/** `table <vault> [--status …] [--category …] [--tier …] [--platform …] [--columns …] [--sort …] [--limit N]`: a source table as Markdown (docs/tables-and-export.md). */
import { readTableOptions, tableMarkdown, tableRows, tableVocabulary } from "../../core/sources/table-query";
import type { CliArgs } from "../args";
import { UsageError } from "../folder-vault";
import type { LoadedVault } from "../load";
import type { CommandResult } from "../output";

export function table(loaded: LoadedVault, args: CliArgs): CommandResult {
	const { index, resolver, settings } = loaded;
	const read = readTableOptions(Object.entries(args.options), tableVocabulary(index.sources(), settings));
	// The same messages as the code block's error box, as one usage error (exit 2).
	if (!read.ok) throw new UsageError(`table: ${read.errors.join("; ")}`);
	const { query } = read;
	const rows = tableRows(index.sources(), query, settings);
	const text = tableMarkdown(rows, query.columns, (path) => resolver.linkText(path));
	return {
		json: { columns: query.columns, rows: rows.map((r) => ({ path: r.path, title: r.title, cells: r.cells })) },
		// The table ends in a line break of its own; the CLI adds one after every output.
		text: text.slice(0, -1),
		errors: loaded.errors,
	};
}
