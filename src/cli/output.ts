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
	const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0))).join("  ");
	return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
