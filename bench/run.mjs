// `npm run bench [-- --quick] [-- --out file]`: builds the CLI and the bench (TypeScript,
// bundled with esbuild), then runs the measurements in a fresh Node with --expose-gc.
// The full run writes bench-results.json; --quick (tiny sizes, same code paths) writes to
// a temporary file unless --out says where, so `npm test` can smoke it without touching
// the committed figures. After a full run into bench-results.json, docs/performance.md's
// figures are regenerated from it (scripts/performance-doc.mjs).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { writePerformanceDoc } from "../scripts/performance-doc.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const argv = process.argv.slice(2);
const quick = argv.includes("--quick");
const outIdx = argv.indexOf("--out");
// `--only <part>` (e.g. cli_export): one part of the bench alone; never the committed figures unless --out says so.
const onlyIdx = argv.indexOf("--only");
const only = onlyIdx !== -1 ? (argv[onlyIdx + 1] ?? "") : "";
const buildDir = mkdtempSync(join(tmpdir(), "sl-bench-build-"));
const out = outIdx !== -1 ? resolve(argv[outIdx + 1]) : quick || only ? join(buildDir, "bench-results.json") : join(root, "bench-results.json");

/** One esbuild bundle for Node 20 (CommonJS), with any extra options. */
function bundleForNode(entry, outfile, extra = {}) {
	return build({ entryPoints: [entry], bundle: true, platform: "node", target: "node20", format: "cjs", outfile, logLevel: "warning", ...extra });
}

let code = 1;
try {
	// The CLI exactly as `npm run build` makes it (full run), or the same bundle in a temp folder (quick).
	let cliJs = join(root, "dist", "cli.js");
	if (quick) {
		cliJs = join(buildDir, "cli.js");
		// Keep in step with the CLI entry of esbuild.config.mjs (production).
		await bundleForNode(join(root, "src", "cli", "index.ts"), cliJs, { sourcemap: false, banner: { js: "#!/usr/bin/env node" } });
	} else {
		const r = spawnSync(process.execPath, [join(root, "esbuild.config.mjs"), "production"], { cwd: root, stdio: "inherit" });
		if (r.status !== 0) throw new Error("building the CLI failed");
	}
	// The read-and-parse floor the CLI bench runs beside the baselines (bench/baselines/read-parse-floor.ts).
	const floorJs = join(buildDir, "floor.cjs");
	await bundleForNode(join(root, "bench", "baselines", "read-parse-floor.ts"), floorJs);
	const mainJs = join(buildDir, "bench.cjs");
	await bundleForNode(join(root, "bench", "main.ts"), mainJs, { external: ["playwright-core", "esbuild", "gray-matter", "yaml"] });
	const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=4096", mainJs], {
		cwd: root,
		stdio: "inherit",
		env: { ...process.env, NODE_PATH: join(root, "node_modules"), BENCH_ROOT: root, BENCH_CLI: cliJs, BENCH_FLOOR: floorJs, BENCH_OUT: out, BENCH_QUICK: quick ? "1" : "", BENCH_ONLY: only },
	});
	code = r.status ?? 1;
	if (code === 0 && (quick || only) && outIdx === -1) console.log(`(quick run: results were written to a temporary file, now removed)`);
	if (code === 0 && !quick && out === join(root, "bench-results.json")) {
		console.log(writePerformanceDoc(root) ? "docs/performance.md: figures updated from bench-results.json" : "docs/performance.md: figures unchanged");
	}
} catch (e) {
	console.error(e instanceof Error ? e.stack : e);
} finally {
	rmSync(buildDir, { recursive: true, force: true });
}
process.exit(code);
