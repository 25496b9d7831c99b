/**
 * `npm run bench` (docs/performance.md): every hot path against its baseline, measured side by side
 * in one run (median of several repetitions after warm-up), printed as a table and
 * written to bench-results.json. Run through bench/run.mjs, which bundles this file.
 */
import { writeFileSync } from "fs";
import { cpus, totalmem } from "os";
import { benchBrowser } from "./browser-bench";
import { benchCli } from "./cli-bench";
import { benchCliExport } from "./export-bench";
import { benchSync, benchTimestamps } from "./core-bench";
import { benchIndex } from "./index-bench";

const ROOT = process.env.BENCH_ROOT ?? process.cwd();
const QUICK = process.env.BENCH_QUICK === "1";
const OUT = process.env.BENCH_OUT ?? "bench-results.json";
const CLI = process.env.BENCH_CLI ?? "dist/cli.js";
/** The read-and-parse floor, bundled by run.mjs (none when run otherwise). */
const FLOOR = process.env.BENCH_FLOOR || null;
/** `--only <part>`: run that part alone (e.g. `cli_export`); its figures go to a temporary file unless --out says where. */
const ONLY = process.env.BENCH_ONLY ?? "";

/** Sizes: the documented ones (docs/performance.md) in a full run; tiny ones (same code paths) in --quick. */
const SIZES = QUICK
	? { small: 100, large: 1000, reps: 3, syncReps: 3, tsReps: 3, events: 500, cliNotes: 500, cliReps: 1, tsBytes: 100_000, lpSmall: 10_000, lpLarge: 100_000, lpReps: 3, triageSmall: 10, triageLarge: 100, triageReps: 2 }
	: { small: 10_000, large: 100_000, reps: 7, syncReps: 5, tsReps: 11, events: 20_000, cliNotes: 20_000, cliReps: 7, tsBytes: 10_000_000, lpSmall: 10_000, lpLarge: 10_000_000, lpReps: 30, triageSmall: 100, triageLarge: 10_000, triageReps: 9 };

interface Row {
	key: string;
	what: string;
	value: number;
	target: string;
	ok: boolean;
	detail: string;
}

const rows: Row[] = [];
const extra: Record<string, number | string> = {};

function row(key: string, what: string, value: number, target: "<=" | ">=", limit: number, detail: string): void {
	const ok = target === "<=" ? value <= limit : value >= limit;
	rows.push({ key, what, value, target: `${target} ${limit}`, ok, detail });
	console.log(`  ${ok ? "ok  " : "MISS"} ${key} = ${value.toFixed(3)} (${target} ${limit})  ${detail}`);
}

const f = (ms: number) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(1) : ms.toFixed(3));

async function main(): Promise<void> {
	const started = Date.now();
	console.log(`Source Lifecycle bench${QUICK ? " (quick: tiny sizes, not the documented ones)" : ""} — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`);
	if (ONLY === "cli_export") {
		await exportPart();
		finish(started);
		return;
	}

	console.log("\nSourceIndex (in memory, metadata shaped like CachedMetadata + resolvedLinks)");
	const ix = await benchIndex(SIZES.small, SIZES.large, SIZES.reps, SIZES.events);
	Object.assign(extra, {
		index_build_10k_ms: ix.build10kMs,
		index_build_100k_ms: ix.build100kMs,
		index_update_10k_us: ix.update10kUs,
		index_update_100k_us: ix.update100kUs,
		index_100k_heap_bytes_per_source: ix.bytesPerSource,
	});
	row("index_build_ratio_100k_10k", "index build 100k ÷ 10k", ix.build100kMs / ix.build10kMs, "<=", 11, `${f(ix.build100kMs)} ms ÷ ${f(ix.build10kMs)} ms; ${ix.bytesPerSource} B/source heap at 100k`);
	row("index_update_ratio_100k_10k", "index update per event 100k ÷ 10k", ix.update100kUs / ix.update10kUs, "<=", 2, `${ix.update100kUs.toFixed(2)} µs ÷ ${ix.update10kUs.toFixed(2)} µs per event`);

	console.log(`\nSync planning (backlink inversion + planSync of every source)`);
	const sy = await benchSync(SIZES.small, SIZES.large, SIZES.syncReps);
	Object.assign(extra, { sync_plan_10k_ms: sy.smallMs, sync_plan_100k_ms: sy.largeMs });
	row("sync_plan_ratio_100k_10k", "sync plan 100k ÷ 10k", sy.largeMs / sy.smallMs, "<=", 11, `${f(sy.largeMs)} ms ÷ ${f(sy.smallMs)} ms; ${sy.plansLarge} and ${sy.plansSmall} sources planned`);

	console.log(`\nTimestamp scan of a ${(SIZES.tsBytes / 1e6).toFixed(1)} MB note vs one bare /\\d{1,3}:\\d\\d/g pass`);
	const ts = await benchTimestamps(ROOT, SIZES.tsBytes, SIZES.tsReps);
	Object.assign(extra, { timestamp_scan_ms: ts.scanMs, timestamp_regex_ms: ts.regexMs, timestamp_scan_mb_per_s: ts.chars / 1e6 / (ts.scanMs / 1000) });
	row("timestamp_scan_vs_regex", "timestamp scan ÷ bare regex throughput", ts.regexMs / ts.scanMs, ">=", 0.4, `${f(ts.scanMs)} ms vs ${f(ts.regexMs)} ms over ${(ts.chars / 1e6).toFixed(1)} M chars; ${ts.timestamps} timestamps (${ts.regexMatches} regex matches)`);

	console.log(`\nIn Chromium (real CodeMirror 6 and DOM)`);
	const br = await benchBrowser(ROOT, SIZES);
	const lp = br.livePreview;
	const tr = br.triage;
	Object.assign(extra, {
		live_preview_10kb_ms: lp.smallMs,
		live_preview_10mb_ms: lp.largeMs,
		triage_render_100_ms: tr.smallMs,
		triage_render_10k_ms: tr.largeMs,
		triage_queue_order_10k_ms: tr.queueLargeMs,
	});
	row("live_preview_10mb_vs_10kb", "Live Preview decorations per update, 10 MB ÷ 10 KB", lp.largeMs / lp.smallMs, "<=", 2, `${f(lp.largeMs)} ms ÷ ${f(lp.smallMs)} ms (${lp.visibleLarge} and ${lp.visibleSmall} visible chars)`);
	row("triage_render_10k_vs_100", "triage first render 10k ÷ 100 items", tr.largeMs / tr.smallMs, "<=", 2, `${f(tr.largeMs)} ms ÷ ${f(tr.smallMs)} ms (${tr.rowsLarge} and ${tr.rowsSmall} rows in the DOM)`);

	console.log(`\nCLI scan on disk (${SIZES.cliNotes} notes; whole processes, alternating, median of ${SIZES.cliReps})`);
	const cli = await benchCli(ROOT, CLI, FLOOR, SIZES.cliNotes, SIZES.cliReps);
	Object.assign(extra, {
		cli_scan_ms: cli.scanMs,
		cli_warm_scan_ms: cli.warmScanMs,
		cli_warm_scan_1pct_ms: cli.warm1pctScanMs,
		cli_read_ms: cli.readMs,
		cli_gray_matter_ms: cli.grayMatterMs,
		cli_vault_notes: cli.notes,
		cli_vault_bytes: cli.vaultBytes,
		...(cli.floorMs === null ? {} : { cli_read_parse_floor_ms: cli.floorMs, cli_read_parse_floor_vs_read: cli.floorMs / cli.readMs }),
	});
	row("cli_scan_vs_read", "CLI cold scan (--no-cache) ÷ read every file", cli.scanMs / cli.readMs, "<=", 3.0, `${f(cli.scanMs)} ms ÷ ${f(cli.readMs)} ms`);
	row("cli_warm_scan_vs_read", "CLI warm scan (unchanged vault) ÷ read every file", cli.warmScanMs / cli.readMs, "<=", 0.5, `${f(cli.warmScanMs)} ms ÷ ${f(cli.readMs)} ms`);
	row("cli_warm_scan_1pct_vs_read", "CLI warm scan (1 % of notes changed) ÷ read every file", cli.warm1pctScanMs / cli.readMs, "<=", 0.6, `${f(cli.warm1pctScanMs)} ms ÷ ${f(cli.readMs)} ms`);
	if (cli.floorMs !== null) {
		console.log(`  for the record: read every file + parse its frontmatter, nothing else = ${(cli.floorMs / cli.readMs).toFixed(3)} × read  ${f(cli.floorMs)} ms ÷ ${f(cli.readMs)} ms`);
	}
	row("cli_scan_vs_gray_matter", "CLI cold scan ÷ gray-matter scan", cli.scanMs / cli.grayMatterMs, "<=", 0.6, `${f(cli.scanMs)} ms ÷ ${f(cli.grayMatterMs)} ms`);

	await exportPart();
	finish(started);
}

/** The NotebookLM export of the CLI bench's vault against a scan of it. */
async function exportPart(): Promise<void> {
	console.log(`\nCLI export for NotebookLM on disk (${SIZES.cliNotes} notes; whole processes, alternating, median of ${SIZES.cliReps})`);
	const ex = await benchCliExport(ROOT, CLI, SIZES.cliNotes, SIZES.cliReps);
	Object.assign(extra, { cli_export_ms: ex.exportMs, cli_export_scan_ms: ex.scanMs, cli_export_files: ex.files, cli_export_sources: ex.sources, cli_export_words: ex.words });
	row("cli_export_vs_scan", "CLI cold export ÷ CLI cold scan", ex.exportMs / ex.scanMs, "<=", 1.5, `${f(ex.exportMs)} ms ÷ ${f(ex.scanMs)} ms; ${ex.sources} sources in ${ex.files} files, ${ex.words} words`);
}

function finish(started: number): void {
	const results: Record<string, unknown> = {};
	// Each ratio's target goes with the figures, so docs/performance.md shows what was checked.
	const targets: Record<string, string> = {};
	for (const r of rows) {
		results[r.key] = r.value;
		targets[r.key] = r.target;
	}
	Object.assign(results, extra, {
		quick: QUICK ? 1 : 0,
		node: process.version,
		cpus: `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}`,
		memory_gb: Math.round(totalmem() / 2 ** 30),
		bench_seconds: Math.round((Date.now() - started) / 1000),
		date: new Date().toISOString(),
		targets,
	});
	writeFileSync(OUT, JSON.stringify(results, null, 2) + "\n");
	console.log(`\n${rows.filter((r) => r.ok).length}/${rows.length} targets met in ${Math.round((Date.now() - started) / 1000)} s; wrote ${OUT}`);
}

main().catch((e: unknown) => {
	console.error(e instanceof Error ? e.stack : e);
	process.exit(1);
});
