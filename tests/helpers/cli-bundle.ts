/**
 * The CLI as a real Node process, for tests that must kill it or bound its memory:
 * `src/cli/index.ts` bundled with esbuild (what `npm run build` makes as dist/cli.js),
 * into a temporary folder, so `npm test` works before `npm run build`.
 */
import { buildSync } from "esbuild";
import { spawn, spawnSync, type ChildProcess, type SpawnSyncReturns } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

export class CliBundle {
	readonly dir = mkdtempSync(join(tmpdir(), "sl-cli-build-"));
	readonly file = join(this.dir, "cli.cjs");

	constructor() {
		buildSync({
			entryPoints: [join(__dirname, "..", "..", "src", "cli", "index.ts")],
			bundle: true,
			platform: "node",
			target: "node20",
			format: "cjs",
			outfile: this.file,
			logLevel: "silent",
		});
	}

	/** Run to completion; `heapMb` caps the V8 heap so a memory blow-up fails the run. */
	runSync(args: string[], heapMb = 1024): SpawnSyncReturns<string> {
		return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, this.file, ...args], { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
	}

	spawn(args: string[]): ChildProcess {
		return spawn(process.execPath, [this.file, ...args], { stdio: ["ignore", "pipe", "pipe"] });
	}

	remove(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}
}
