import { readFileSync } from "fs";
import { join } from "path";

export const FIXTURES = join(__dirname, "..", "fixtures");

/** The seed SOURCE note (the project's first real SOURCE note, 001_…), byte for byte. */
export function seedNote(): string {
	return readFileSync(join(FIXTURES, "seed-source.md"), "utf8");
}
