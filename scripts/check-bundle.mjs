// main.js must run on mobile: it may require only what Obsidian provides, no Node built-in.
import { readFileSync } from "fs";
import { builtinModules } from "module";

const code = readFileSync("main.js", "utf8");
const required = [...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
const allowed = (m) => m === "obsidian" || m === "electron" || m.startsWith("@codemirror/") || m.startsWith("@lezer/");
const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const bad = required.filter((m) => node.has(m) || !allowed(m));
if (bad.length) {
	console.error(`main.js requires modules Obsidian does not provide: ${[...new Set(bad)].join(", ")}`);
	process.exit(1);
}
console.log(`main.js requires only: ${[...new Set(required)].sort().join(", ")}`);
