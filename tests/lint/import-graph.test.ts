/**
 * The import graph of src/ has no circle, and no module imports the plugin's entry
 * (src/plugin/main.ts): features receive a FeatureContext instead of the plugin class
 * (src/plugin/context.ts). Type-only imports count too — a circle of types is still a
 * circle a reader has to untangle.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";

const SRC = resolve(__dirname, "..", "..", "src");

function sourceFiles(dir: string): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const path = join(dir, name);
		if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
		else if (name.endsWith(".ts")) out.push(path);
	}
	return out;
}

const SPECIFIER = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+"([^"]+)"|(?:^|\n)\s*import\s+"([^"]+)"/g;

/** The relative imports of one file, resolved to files under src/. */
function importsOf(file: string): string[] {
	const text = readFileSync(file, "utf8");
	const out: string[] = [];
	for (const m of text.matchAll(SPECIFIER)) {
		const spec = m[1] ?? m[2] ?? "";
		if (!spec.startsWith(".")) continue;
		const base = resolve(dirname(file), spec);
		const hit = [base + ".ts", join(base, "index.ts")].find((p) => existsSync(p));
		if (hit) out.push(hit);
	}
	return out;
}

/** Every circle of a graph, as the list of its nodes (Tarjan's strongly connected components). */
export function circles(graph: Map<string, string[]>): string[][] {
	let next = 0;
	const index = new Map<string, number>();
	const low = new Map<string, number>();
	const stack: string[] = [];
	const onStack = new Set<string>();
	const found: string[][] = [];
	const visit = (v: string): void => {
		index.set(v, next);
		low.set(v, next++);
		stack.push(v);
		onStack.add(v);
		for (const w of graph.get(v) ?? []) {
			if (!index.has(w)) {
				visit(w);
				low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
			} else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
		}
		if (low.get(v) === index.get(v)) {
			const component: string[] = [];
			let w: string;
			do {
				w = stack.pop() as string;
				onStack.delete(w);
				component.push(w);
			} while (w !== v);
			if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(component.sort());
		}
	};
	for (const v of graph.keys()) if (!index.has(v)) visit(v);
	return found;
}

describe("the import graph of src/", () => {
	const graph = new Map(sourceFiles(SRC).map((f) => [f, importsOf(f)]));
	const name = (f: string) => relative(SRC, f);

	it("reads the imports it checks (the plugin entry imports its features)", () => {
		const main = graph.get(join(SRC, "plugin", "main.ts")) ?? [];
		expect(main.map(name)).toEqual(expect.arrayContaining(["plugin/triage.ts", "plugin/sync.ts", "plugin/context.ts"]));
	});

	it("finds a circle when there is one (the guard itself)", () => {
		const g = new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]);
		expect(circles(g)).toEqual([["a", "b", "c"]]);
		expect(circles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
	});

	it("has no import circle", () => {
		expect(circles(graph).map((c) => c.map(name))).toEqual([]);
	});

	it("has no module importing the plugin's entry, src/plugin/main.ts", () => {
		const entry = join(SRC, "plugin", "main.ts");
		const importers = [...graph].filter(([, imports]) => imports.includes(entry)).map(([f]) => name(f));
		expect(importers).toEqual([]);
	});
});
