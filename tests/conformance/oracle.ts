/** Where the oracle data (real Obsidian output, vendored with its licence) lives. */
import { existsSync } from "fs";
import { join } from "path";

export const REPO_ROOT = join(__dirname, "..", "..");
export const ORACLE_DIR = join(REPO_ROOT, "tests", "fixtures", "obsidian-oracle");

/** The oracle folder, or a loud failure: a missing folder must never pass silently. */
export function oracleDir(sub: string): string {
	const dir = join(ORACLE_DIR, sub);
	if (!existsSync(dir)) throw new Error(`Oracle data not found at ${dir} (tests/fixtures/obsidian-oracle).`);
	return dir;
}
