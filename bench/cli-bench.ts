/**
 * The CLI on a vault on disk: `source-lifecycle scan <vault> --json` as a whole process,
 * side by side with a process that only reads every file and one that scans with
 * gray-matter — and, for the record, the read-and-parse floor (bench/baselines/
 * read-parse-floor.ts): every note read and its frontmatter parsed with the CLI's reader,
 * nothing else. Each process's stdout is drained through a pipe, as a user's `| jq` would.
 */
import { spawn } from "child_process";
import { mkdtempSync, readdirSync, rmSync, utimesSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { sideBySide } from "./measure";
import { writeDiskVault, type DiskVault } from "./disk-vault";

export interface CliFigures {
	notes: number;
	vaultBytes: number;
	/** Cold: `--no-cache`, every note read (and the cache written anew). */
	scanMs: number;
	/** Warm: a second scan of the unchanged vault, from the cache. */
	warmScanMs: number;
	/** Warm with 1 % of the notes changed since the last scan. */
	warm1pctScanMs: number;
	readMs: number;
	grayMatterMs: number;
	/** The read-and-parse floor; null when no floor script was given. */
	floorMs: number | null;
	scanSources: number;
	grayMatterSources: number;
}

interface Run {
	ms: number;
	stdout: string;
	code: number | null;
}

/** The warm-scan cache of the bench's CLI runs: a folder of this run, never the user's. */
let cacheHome: string | null = null;

/** One whole process; `cacheDir`: the warm-scan cache folder it uses (XDG_CACHE_HOME). */
export function runProcess(args: string[], keepOutput: boolean, cacheDir: string | null = cacheHome): Promise<Run> {
	return new Promise((resolve, reject) => {
		const t0 = performance.now();
		const env = cacheDir === null ? process.env : { ...process.env, XDG_CACHE_HOME: cacheDir };
		const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], env });
		const chunks: Buffer[] = [];
		let stderr = "";
		child.stdout.on("data", (c: Buffer) => {
			if (keepOutput) chunks.push(c);
		});
		child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
		child.on("error", reject);
		child.on("close", (code) => {
			const ms = performance.now() - t0;
			if (code !== 0 && code !== 1) reject(new Error(`${args.join(" ")} exited ${String(code)}: ${stderr.slice(0, 500)}`));
			else resolve({ ms, code, stdout: Buffer.concat(chunks).toString() });
		});
	});
}

export async function benchCli(root: string, cliJs: string, floorJs: string | null, notes: number, reps: number): Promise<CliFigures> {
	const dir = mkdtempSync(join(tmpdir(), "sl-bench-vault-"));
	cacheHome = mkdtempSync(join(tmpdir(), "sl-bench-cache-"));
	try {
		const vault: DiskVault = writeDiskVault(dir, join(root, "tests", "fixtures", "seed-source.md"), notes);
		// Notes a minute old, as a vault's notes are: just-written ones are in the cache's racy window.
		const notePaths = listNotes(vault.root);
		const minuteAgo = new Date(Date.now() - 60_000);
		for (const p of notePaths) utimesSync(p, minuteAgo, minuteAgo);
		const baselines = join(root, "bench", "baselines");
		const scanArgs = [cliJs, "scan", vault.root, "--json", "--no-cache"];
		const warmArgs = [cliJs, "scan", vault.root, "--json"];
		const readArgs = [join(baselines, "read-all.mjs"), vault.root];
		const gmArgs = [join(baselines, "gray-matter-scan.mjs"), vault.root];
		const floorArgs = floorJs === null ? null : [floorJs, vault.root];

		// Same answers first: the three must look at the same notes.
		const scan = JSON.parse((await runProcess(scanArgs, true)).stdout) as { sources: unknown[]; errors: unknown[] };
		const gm = JSON.parse((await runProcess(gmArgs, true)).stdout) as { sources: unknown[] };
		if (scan.sources.length !== gm.sources.length) {
			throw new Error(`scan found ${scan.sources.length} sources, gray-matter ${gm.sources.length}`);
		}
		if (scan.errors.length) throw new Error(`scan reported errors on the synthetic vault: ${JSON.stringify(scan.errors.slice(0, 3))}`);
		if (floorArgs !== null) {
			const floor = JSON.parse((await runProcess(floorArgs, true)).stdout) as { frontmatters: number };
			if (floor.frontmatters < scan.sources.length) throw new Error(`the floor parsed ${floor.frontmatters} frontmatters, scan found ${scan.sources.length} sources`);
		}

		// The warm scan answers as the cold one.
		if ((await runProcess(warmArgs, true)).stdout !== (await runProcess(warmArgs, true)).stdout) throw new Error("a warm scan answered differently from the scan before it");
		// 1 % of the notes changed before each warm run (their mtime moved: each is read again).
		let round = 0;
		const changeOnePercent = () => {
			const when = new Date(Date.now() - 30_000 - ++round * 1000);
			for (let i = round % 100; i < notePaths.length; i += 100) utimesSync(notePaths[i] as string, when, when);
		};

		const t = await sideBySide(
			{
				scan: async () => (await runProcess(scanArgs, false)).ms,
				warm: async () => (await runProcess(warmArgs, false)).ms,
				warm1pct: async () => {
					changeOnePercent();
					return (await runProcess(warmArgs, false)).ms;
				},
				read: async () => (await runProcess(readArgs, false)).ms,
				grayMatter: async () => (await runProcess(gmArgs, false)).ms,
				...(floorArgs === null ? {} : { floor: async () => (await runProcess(floorArgs, false)).ms }),
			},
			reps,
		);
		return {
			notes: vault.files,
			vaultBytes: vault.bytes,
			scanMs: t.scan as number,
			warmScanMs: t.warm as number,
			warm1pctScanMs: t.warm1pct as number,
			readMs: t.read as number,
			grayMatterMs: t.grayMatter as number,
			floorMs: t.floor ?? null,
			scanSources: scan.sources.length,
			grayMatterSources: gm.sources.length,
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
		rmSync(cacheHome, { recursive: true, force: true });
		cacheHome = null;
	}
}

function listNotes(root: string): string[] {
	const out: string[] = [];
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			if (e.isDirectory()) walk(join(dir, e.name));
			else if (e.name.endsWith(".md")) out.push(join(dir, e.name));
		}
	};
	walk(root);
	return out.sort();
}
