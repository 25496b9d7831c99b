/** Real temporary vault folders on disk, and a way to run the CLI over them in-process. */
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { run } from "../../src/cli/main";

export class TempVault {
	readonly root: string;
	constructor(files: Record<string, string | Buffer> = {}) {
		this.root = mkdtempSync(join(tmpdir(), "sl-vault-"));
		for (const [path, content] of Object.entries(files)) this.write(path, content);
	}
	write(path: string, content: string | Buffer): void {
		const abs = join(this.root, path);
		mkdirSync(dirname(abs), { recursive: true });
		writeFileSync(abs, content);
	}
	read(path: string): string {
		return readFileSync(join(this.root, path), "utf8");
	}
	bytes(path: string): Buffer {
		return readFileSync(join(this.root, path));
	}
	/** Every file (vault-relative) with its bytes, to compare whole vaults before/after. */
	snapshot(): Map<string, Buffer> {
		const out = new Map<string, Buffer>();
		const walk = (rel: string) => {
			for (const name of readdirSync(join(this.root, rel))) {
				const r = rel ? `${rel}/${name}` : name;
				if (statSync(join(this.root, r)).isDirectory()) walk(r);
				else out.set(r, readFileSync(join(this.root, r)));
			}
		};
		walk("");
		return out;
	}
	remove(): void {
		rmSync(this.root, { recursive: true, force: true });
	}
}

export interface CliRun {
	code: number;
	stdout: string;
	stderr: string;
	json: any;
}

/** Run the CLI in-process (same code as dist/cli.js) and parse stdout when it is JSON. */
export async function cli(...argv: string[]): Promise<CliRun> {
	let stdout = "";
	let stderr = "";
	const code = await run(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
	let json: any = null;
	try {
		json = JSON.parse(stdout);
	} catch {
		json = null;
	}
	return { code, stdout, stderr, json };
}
