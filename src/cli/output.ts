/** What a command gives back: its JSON, its human text, and its exit code. */
export interface CommandResult {
	json: unknown;
	text: string;
	/** Per-file errors, printed on stderr as `path: message`; exit 1 when any. */
	errors: { path: string; message: string }[];
	/** Exit code override (2 for a refused request). */
	exit?: number;
	/** Lines for stderr besides file errors. */
	warnings?: string[];
}

/** A plain text table: columns padded to their widest cell. */
export function table(header: string[], rows: string[][]): string {
	// A loop, not Math.max(...rows): a note with 150k timestamps has more rows than a call takes arguments.
	const widths = header.map((h) => h.length);
	for (const r of rows) for (let i = 0; i < widths.length; i++) widths[i] = Math.max(widths[i] as number, (r[i] ?? "").length);
	const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ");
	return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
