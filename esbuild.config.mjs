import esbuild from "esbuild";
import process from "process";
import { builtinModules } from "node:module";
import { readFileSync } from "node:fs";

const banner = `/*
Source Lifecycle — an Obsidian plugin. Bundled with esbuild; the source is in src/.
*/`;

const prod = process.argv[2] === "production";

/** The plugin: cjs for Obsidian, nothing from Node (mobile-safe). */
const plugin = await esbuild.context({
	banner: { js: banner },
	entryPoints: ["src/plugin/main.ts"],
	bundle: true,
	external: [
		"obsidian",
		"electron",
		"@codemirror/autocomplete",
		"@codemirror/collab",
		"@codemirror/commands",
		"@codemirror/language",
		"@codemirror/lint",
		"@codemirror/search",
		"@codemirror/state",
		"@codemirror/view",
		"@lezer/common",
		"@lezer/highlight",
		"@lezer/lr",
		...builtinModules,
		...builtinModules.map((m) => `node:${m}`),
	],
	format: "cjs",
	target: "es2018",
	logLevel: "info",
	sourcemap: prod ? false : "inline",
	treeShaking: true,
	minify: prod,
	outfile: "main.js",
});

/** The headless CLI: a Node program over the same core. */
const cli = await esbuild.context({
	entryPoints: ["src/cli/index.ts"],
	bundle: true,
	platform: "node",
	target: "node20",
	format: "cjs",
	logLevel: "info",
	sourcemap: prod ? false : "inline",
	outfile: "dist/cli.js",
	banner: { js: "#!/usr/bin/env node" },
	// The warm-scan cache ignores what another build wrote: each build names itself.
	define: { __CLI_VERSION__: JSON.stringify(`${JSON.parse(readFileSync("package.json", "utf8")).version}+${Date.now()}`) },
});

if (prod) {
	await plugin.rebuild();
	await cli.rebuild();
	await plugin.dispose();
	await cli.dispose();
} else {
	await plugin.watch();
	await cli.watch();
}
