import { readFileSync } from "fs";
import { join } from "path";

export const FIXTURES = join(__dirname, "..", "fixtures");

/** The seed SOURCE note (shared/seeds/001_…txt), byte for byte. */
export function seedNote(): string {
	return readFileSync(join(FIXTURES, "seed-source.md"), "utf8");
}
