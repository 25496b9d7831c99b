/**
 * docs/safety.md states exactly when "integrate, then reopen" gives back the original bytes.
 * Its table is the specification: each row is run through the one lifecycle function, so
 * the page cannot promise more (or other) than the code does.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { transitionNote } from "../../src/core/sources/lifecycle";
import { DEFAULT_SETTINGS } from "../../src/core/sources/settings";

const page = readFileSync(join(__dirname, "..", "..", "docs", "safety.md"), "utf8");
const section = page.slice(page.indexOf("## Integrate, then reopen"), page.indexOf("## integrated_into"));
const TODAY = "2026-01-02";

/** The rows of the section's table: the `date_integrated` line before, after integrate, after reopen (null: no line), and "yes"/"no…". */
function rows(): [string | null, string, string, string][] {
	const code = (cell: string): string | null => /`([^`]*)`/.exec(cell)?.[1] ?? null;
	return section
		.split("\n")
		.filter((line) => line.startsWith("| ") && !line.startsWith("| before") && !line.startsWith("| ---"))
		.map((line) => {
			const cells = line.split("|").slice(1, -1).map((c) => c.trim());
			return [code(cells[0] as string), code(cells[1] as string) as string, code(cells[2] as string) as string, cells[3] as string];
		});
}

const note = (dateLine: string | null) => `---\nid: SOURCE-x\ntitle: T\nstatus: raw\n${dateLine === null ? "" : dateLine + "\n"}aliases: []\n---\nBody\n`;

describe("docs/safety.md: integrate, then reopen", () => {
	it("has a row for each form of date_integrated", () => {
		expect(rows()).toHaveLength(5);
	});

	it.each(rows())("%s → %s → %s (same bytes: %s)", (before, integrated, reopened, same) => {
		const original = note(before);
		const a = transitionNote(original, "integrated", DEFAULT_SETTINGS, TODAY);
		if (!a.ok) throw new Error(a.reason);
		const dateLine = (text: string) => text.split("\n").find((l) => l.startsWith("date_integrated:")) ?? null;
		expect(dateLine(a.text)).toBe(integrated);
		const b = transitionNote(a.text, "raw", DEFAULT_SETTINGS, TODAY);
		if (!b.ok) throw new Error(b.reason);
		expect(dateLine(b.text)).toBe(reopened);
		expect(b.text === original).toBe(same.startsWith("yes"));
		// Every other line is the original's, whatever the row.
		const others = (text: string) => text.split("\n").filter((l) => !l.startsWith("date_integrated:"));
		expect(others(b.text)).toEqual(others(original));
	});
});
