/**
 * The lint rules that keep note text out of HTML stay on (docs/reference.md §6, issue 8): the project's
 * ESLint config rejects innerHTML, outerHTML, insertAdjacentHTML and document.write in src/,
 * even with a static string, and the obsidianmd config's no-unsanitized rules are errors.
 * ESLint runs as its own process (its flat config loads with a dynamic import).
 */
import { spawnSync } from "child_process";
import { join } from "path";

const ROOT = join(__dirname, "..", "..");
const ESLINT = join(ROOT, "node_modules", "eslint", "bin", "eslint.js");
const FILE = "src/ui/reading-view.ts";

function eslint(args: string[], input?: string): string {
	const r = spawnSync(process.execPath, [ESLINT, ...args], { cwd: ROOT, input, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
	return r.stdout;
}

const SNIPPETS: [string, string, RegExp][] = [
	["innerHTML with note text", "export function f1(el: HTMLElement, t: string): void { el.innerHTML = t; }", /innerHTML/],
	["innerHTML with a static string", 'export function f2(el: HTMLElement): void { el.innerHTML = "<b>x</b>"; }', /innerHTML/],
	["outerHTML", "export function f3(el: HTMLElement, t: string): void { el.outerHTML = t; }", /outerHTML/],
	["insertAdjacentHTML", 'export function f4(el: HTMLElement, t: string): void { el.insertAdjacentHTML("beforeend", t); }', /insertAdjacentHTML/],
	["document.write", "export function f5(t: string): void { document.write(t); }", /write/],
];

describe("ESLint keeps HTML injection out of src/", () => {
	let byLine: Map<number, string>;
	beforeAll(() => {
		const out = eslint(["--stdin", "--stdin-filename", FILE, "--format", "json"], SNIPPETS.map(([, code]) => code).join("\n") + "\n");
		const [result] = JSON.parse(out) as { messages: { line: number; severity: number; ruleId: string | null; message: string }[] }[];
		byLine = new Map();
		for (const m of result?.messages ?? []) if (m.severity === 2) byLine.set(m.line, `${byLine.get(m.line) ?? ""}${m.ruleId}: ${m.message}\n`);
	});

	it.each(SNIPPETS.map(([name, , re], i) => [name, i + 1, re] as const))("rejects %s", (_name, line, message) => {
		expect(byLine.get(line) ?? "").toMatch(message);
	});

	it("has the no-unsanitized rules on as errors for src/", () => {
		const config = JSON.parse(eslint(["--print-config", FILE])) as { rules: Record<string, unknown> };
		for (const rule of ["no-unsanitized/property", "no-unsanitized/method", "@microsoft/sdl/no-inner-html", "no-restricted-properties"]) {
			const setting = config.rules[rule];
			expect([rule, Array.isArray(setting) ? setting[0] : setting]).toEqual([rule, 2]);
		}
	});
});
