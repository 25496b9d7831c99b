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

	it("closes every rule it opens (one lost brace turns off every rule after it)", () => {
		let depth = 0;
		const unbalanced: number[] = [];
		css.split("\n").forEach((line, i) => {
			for (const c of line) {
				if (c === "{") {
					// Only @media and friends hold rules inside rules.
					if (depth > 0 && !/^\s*@/.test(css.split("\n").slice(0, i).reverse().find((l) => l.includes("{") && !l.includes("}")) ?? "")) unbalanced.push(i + 1);
					depth++;
				} else if (c === "}") depth--;
				if (depth < 0) unbalanced.push(i + 1);
			}
		});
		expect({ unbalanced, depth }).toEqual({ unbalanced: [], depth: 0 });
	});

	it("scopes every selector to a source-lifecycle- class", () => {
		expect(all.filter((s) => !/\.source-lifecycle-|\[data-source-lifecycle/.test(s))).toEqual([]);
	});

	it("uses no fixed colour: Obsidian's variables only", () => {
		expect(css.match(/#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(/g) ?? []).toEqual([]);
	});
});
