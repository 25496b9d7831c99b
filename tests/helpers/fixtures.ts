import { readFileSync } from "fs";
import { join } from "path";

export const FIXTURES = join(__dirname, "..", "fixtures");

/** The seed SOURCE note (the project's first real SOURCE note, 001_…), byte for byte. */
export function seedNote(): string {
	return readFileSync(join(FIXTURES, "seed-source.md"), "utf8");
}

/** The seed's video description as a user pastes it: the seed note's body from "In this episode" to the end. */
export function seedDescription(): string {
	const seed = seedNote();
	return seed.slice(seed.indexOf("In this episode"));
}

/** YouTube's oEmbed answer for the seed's video, saved as the endpoint gives it. */
export function seedOembed(): string {
	return readFileSync(join(FIXTURES, "oembed", "3x0jhpEj_6o.json"), "utf8");
}
