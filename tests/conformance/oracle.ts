/** Where the oracle data (real Obsidian output) lives: `../shared/oracle` beside the repo. */
import { existsSync } from "fs";
import { join } from "path";

export const REPO_ROOT = join(__dirname, "..", "..");
export const ORACLE_DIR = join(REPO_ROOT, "..", "shared", "oracle");

/** The oracle folder, or a loud failure: a missing folder must never pass silently. */
export function oracleDir(sub: string): string {
	const dir = join(ORACLE_DIR, sub);
	if (!existsSync(dir)) {
		throw new Error(`Oracle data not found at ${dir}. Clone the project with shared/ beside the repository (../shared/oracle).`);
	}
	return dir;
}
