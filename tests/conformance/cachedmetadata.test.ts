/**
 * Per-file conformance: for each note Obsidian indexed (tests/fixtures/obsidian-oracle/obsidian-cachedmetadata,
 * captured from a running Obsidian by obsidian-tasks), our extraction and frontmatter
 * reading give exactly what Obsidian's `metadataCache.getFileCache()` gave.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { FALLBACK, locateFrontmatter, parseYamlStrict, positionAt, readFlatYaml, readFrontmatter } from "../../src/core/frontmatter/frontmatter";
import { extractLinks } from "../../src/core/vault/links";
import { oracleDir } from "./oracle";

interface Pos {
	line: number;
	col: number;
	offset: number;
}
interface Captured {
	filePath: string;
	fileContents: string;
	cachedMetadata: {
		links?: unknown[];
		embeds?: unknown[];
		frontmatterLinks?: unknown[];
		frontmatter?: Record<string, unknown>;
		frontmatterPosition?: { start: Pos; end: Pos };
	};
}

const dir = oracleDir("obsidian-cachedmetadata");
const files = readdirSync(dir)
	.filter((f) => f.endsWith(".json"))
	.sort();
const captured = files.map((name) => ({ name, data: JSON.parse(readFileSync(join(dir, name), "utf8")) as Captured }));

describe("link and frontmatter model equals Obsidian's metadataCache", () => {
	it("has the 89 captured notes", () => {
		expect(files).toHaveLength(89);
	});

	it.each(captured)("$name", ({ data }) => {
		const text = data.fileContents;
		const cm = data.cachedMetadata;
		const ours = extractLinks(text);
		// Obsidian leaves a key out when the list is empty.
		expect(ours.links).toEqual(cm.links ?? []);
		expect(ours.embeds).toEqual(cm.embeds ?? []);
		expect(ours.frontmatterLinks).toEqual(cm.frontmatterLinks ?? []);

		const block = locateFrontmatter(text);
		const position = block ? { start: positionAt(text, block.start), end: positionAt(text, block.end) } : undefined;
		expect(position).toEqual(cm.frontmatterPosition);

		const read = readFrontmatter(text);
		expect(read.ok).toBe(true);
		expect(read.ok ? (read.data ?? undefined) : "malformed").toEqual(cm.frontmatter);
		// Both readers agree with Obsidian: the fast one when it answers, and the yaml package.
		if (block) {
			const yamlText = text.slice(block.yamlStart, block.yamlEnd);
			const fast = readFlatYaml(yamlText);
			if (fast !== FALLBACK) expect(fast ?? undefined).toEqual(cm.frontmatter);
			const strict = parseYamlStrict(yamlText);
			expect(strict.ok ? (strict.data ?? undefined) : "malformed").toEqual(cm.frontmatter);
		}
	});
});
