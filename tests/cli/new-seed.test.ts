/**
 * The seed round trip, end to end through the built CLI: `new` with the seed's URL, title,
 * creator, publication date and pasted description makes the note the seed is — the same
 * frontmatter keys in the same order, title, aliases and the 12 timestamps.
 */
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { CliBundle } from "../helpers/cli-bundle";
import { TempVault } from "../helpers/vault";
import { seedDescription, seedNote } from "../helpers/fixtures";
import { readFrontmatter } from "../../src/core/frontmatter/frontmatter";

const SEED_URL = "https://www.youtube.com/watch?v=3x0jhpEj_6o";
const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";

function frontmatter(text: string): Record<string, unknown> {
	const fm = readFrontmatter(text);
	if (!fm.ok || !fm.data) throw new Error("no frontmatter");
	return fm.data;
}

describe("cli new: the seed round trip", () => {
	let bundle: CliBundle;
	let vault: TempVault;
	beforeAll(() => {
		bundle = new CliBundle();
	});
	afterAll(() => {
		bundle.remove();
		vault?.remove();
	});

	it("gives the seed's keys, title, aliases (as sync completes them) and 12 timestamps", () => {
		vault = new TempVault({ "Seed/seed.md": seedNote() });
		const description = join(vault.root, "description.txt");
		writeFileSync(description, seedDescription());
		// A second vault holding only what `new` makes: the seed itself would be its duplicate.
		const fresh = new TempVault({ ".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ sourceFolder: "Sources" }) });
		try {
			const args = ["new", fresh.root, SEED_URL, "--title", SEED_TITLE, "--creator", "a16z", "--published", "2025-11-28", "--description-file", description, "--today", "2026-02-22", "--json"];
			const r = bundle.runSync(args);
			expect(r.stderr).toBe("");
			expect(r.status).toBe(0);
			const made = JSON.parse(r.stdout) as { path: string; id: string; created: boolean };
			expect(made).toEqual({ path: "Sources/How OpenAI Builds for 800 Million Weekly Users Model Specialization and Fine-Tuning.md", id: "SOURCE-20251128-001", created: true });

			const seed = frontmatter(seedNote());
			const note = frontmatter(fresh.read(made.path));
			expect(Object.keys(note)).toEqual(Object.keys(seed));
			for (const key of ["platform", "status", "title", "url", "creator", "date_published", "date_processed", "date_integrated", "integrated_into"]) expect([key, note[key]]).toEqual([key, seed[key]]);
			// The seed's own aliases first; §4 adds the full and main title, as `sync` adds them to the seed itself.
			expect(note.aliases).toEqual([...(seed.aliases as string[]), SEED_TITLE, "How OpenAI Builds for 800 Million Weekly Users"]);

			const seedStamps = JSON.parse(bundle.runSync(["timestamps", vault.root, "Seed/seed.md", "--json"]).stdout);
			const noteStamps = JSON.parse(bundle.runSync(["timestamps", fresh.root, made.path, "--json"]).stdout);
			expect(noteStamps.videoId).toBe("3x0jhpEj_6o");
			expect(noteStamps.timestamps).toHaveLength(12);
			const comparable = (t: { text: string; seconds: number; label: string; url: string }) => [t.text, t.seconds, t.label, t.url];
			expect(noteStamps.timestamps.map(comparable)).toEqual(seedStamps.timestamps.map(comparable));

			// Captured again, in any form: refused, naming the note.
			const again = bundle.runSync(["new", fresh.root, "https://youtu.be/3x0jhpEj_6o", "--offline"]);
			expect(again.status).toBe(2);
			expect(again.stderr).toContain(`${made.path}: this video is already in the vault as SOURCE-20251128-001`);
			// What the round trip produced, for the record.
			const results = join(__dirname, "..", "..", "test-results");
			mkdirSync(results, { recursive: true });
			writeFileSync(join(results, "seed-round-trip.md"), fresh.read(made.path));
		} finally {
			fresh.remove();
		}
	});
});
