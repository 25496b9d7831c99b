/**
 * styles.css touches only our own elements (docs/publishing.md: a plugin's CSS must not
 * restyle Obsidian or other plugins): every selector names a `source-lifecycle-` class, and
 * only Obsidian's CSS variables give colours, so every theme works.
 */
import { readFileSync } from "fs";
import { join } from "path";

const css = readFileSync(join(__dirname, "..", "..", "styles.css"), "utf8").replace(/\/\*[\s\S]*?\*\//g, "");

/** The selectors of every rule (at-rules like @media only group rules; their own text is no selector). */
function selectors(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(/([^{};]+)\{/g)) {
		const head = (m[1] ?? "").trim();
		if (head === "" || head.startsWith("@")) continue;
		out.push(...head.split(",").map((s) => s.trim()));
	}
	return out;
}

describe("styles.css", () => {
	const all = selectors(css);

	it("has rules to check", () => {
		expect(all.length).toBeGreaterThan(10);
	});

	it("scopes every selector to a source-lifecycle- class", () => {
		expect(all.filter((s) => !/\.source-lifecycle-|\[data-source-lifecycle/.test(s))).toEqual([]);
	});

	it("uses no fixed colour: Obsidian's variables only", () => {
		expect(css.match(/#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/g) ?? []).toEqual([]);
	});
});
