/**
 * `npm run bench -- --quick` runs in `npm test` so the bench never rots: tiny sizes, the
 * same code paths (index, sync, timestamps, Chromium pages, CLI processes), results to a
 * temporary file. Only the shape of the results is checked here: speed is the full bench's
 * business, never a unit test's.
 */
import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

const KEYS = [
	"index_build_ratio_100k_10k",
	"index_update_ratio_100k_10k",
	"sync_plan_ratio_100k_10k",
	"timestamp_scan_vs_regex",
	"live_preview_10mb_vs_10kb",
	"cli_scan_vs_read",
	"cli_scan_vs_gray_matter",
	"cli_warm_scan_vs_read",
	"cli_warm_scan_1pct_vs_read",
	"triage_render_10k_vs_100",
];

describe("npm run bench -- --quick", () => {
	const dir = mkdtempSync(join(tmpdir(), "sl-bench-quick-"));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it("writes every ratio of docs/performance.md as a finite positive number, plus the absolute figures", () => {
		const out = join(dir, "results.json");
		execFileSync(process.execPath, [join(__dirname, "..", "..", "bench", "run.mjs"), "--quick", "--out", out], { stdio: "pipe", timeout: 300_000 });
		const results = JSON.parse(readFileSync(out, "utf8")) as Record<string, unknown>;
		for (const key of KEYS) {
			const v = results[key];
			expect({ key, finitePositive: typeof v === "number" && Number.isFinite(v) && v > 0 }).toEqual({ key, finitePositive: true });
		}
		expect(results.quick).toBe(1);
		expect(results.index_100k_heap_bytes_per_source).toEqual(expect.any(Number));
		expect(results.cli_scan_ms).toEqual(expect.any(Number));
	}, 300_000);
});
