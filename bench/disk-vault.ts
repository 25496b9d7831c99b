/** The synthetic vault on disk, for the CLI bench: variants of the seed note and integrating notes. */
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { LINKS_PER_SOURCE, linkedSources, notePath, pick, rng, sourceFrontmatter, sourcePath, WORDS } from "./vault";

/** The text of source i: the seed note with its own id, title, url and status, in one of several styles. */
export function sourceText(seed: string, i: number): string {
	const fm = sourceFrontmatter(i);
	const r = rng(i * 13 + 5);
	const title = fm.title as string;
	const aliases = fm.aliases as string[];
	let text = seed
		.replace(/^id: .*$/m, `id: ${fm.id as string}`)
		.replace(/^status: .*$/m, `status: ${fm.status as string}`)
		.replace(/^signal_tier: .*$/m, `signal_tier: ${fm.signal_tier as string}`)
		.replace(/^platform: .*$/m, `platform: ${fm.platform as string}`)
		.replace(/^creator: .*$/m, `creator: "${fm.creator as string}"`)
		.replace(/^title: .*$/m, r() < 0.5 ? `title: "${title}"` : r() < 0.5 ? `title: '${title}'` : `title: ${title}`)
		.replace(/^url: .*$/m, `url: "${fm.url as string}"`)
		.replace(/^aliases:\n(?: {2}- .*\n)*/m, `aliases:\n${aliases.map((a) => `  - "${a}"\n`).join("")}`)
		.replace(/^# .*$/m, `# ${title}`);
	if (i % 4 === 1) text = text.replace(/^cadence: .*$/m, "$& # how often it stays relevant").replace(/^status: .*$/m, "# lifecycle\n$&");
	if (i % 5 === 2) text = text.replace(/^integrated_into: \[\]$/m, `integrated_into:\n  - "[[Note ${i % 997}]]"`);
	if (i % 6 === 3 && fm.url !== undefined) text = text.replace(/^url: "https:\/\/www\.youtube\.com\/watch\?v=(.*)"$/m, 'url: "https://youtu.be/$1?si=abc"');
	if (i % 7 === 4) text = text.replace(/^date_integrated: null$/m, "date_integrated: 2026-03-01");
	if (i % 3 === 0) text = text.replace(/\r?\n/g, "\r\n");
	return text;
}

/** An integrating note: prose with wikilinks (plain, aliased, heading) to its sources. */
export function noteText(j: number, linked: readonly number[]): string {
	const lines = [`# Note ${j}`, "", "Some thoughts, with links to what I watched:", ""];
	linked.forEach((i, k) => {
		const name = `Source ${i}`;
		const link = k % 3 === 0 ? `[[${name}]]` : k % 3 === 1 ? `[[${name}|that talk]]` : `[[${name}#Timestamps]]`;
		lines.push(`- ${link} made a point about ${pick(rng(j + k), WORDS)} at 12:3${k % 10}.`);
	});
	lines.push("", "See also [[Note " + String(j + 1) + "]].", "");
	return lines.join("\n");
}

export interface DiskVault {
	root: string;
	files: number;
	bytes: number;
}

/** Write a vault of `total` notes (4 in 5 sources, the rest integrating notes) under `root`. */
export function writeDiskVault(root: string, seedPath: string, total: number): DiskVault {
	const seed = readFileSync(seedPath, "utf8").replace(/\r\n/g, "\n");
	const notes = Math.max(1, Math.floor(total / 5));
	const sources = total - notes;
	const perNote = Math.ceil((sources * LINKS_PER_SOURCE) / notes);
	let bytes = 0;
	const dirs = new Set<string>();
	const write = (rel: string, text: string) => {
		const abs = join(root, rel);
		const dir = abs.slice(0, abs.lastIndexOf("/"));
		if (!dirs.has(dir)) {
			mkdirSync(dir, { recursive: true });
			dirs.add(dir);
		}
		writeFileSync(abs, text);
		bytes += Buffer.byteLength(text);
	};
	for (let i = 0; i < sources; i++) write(sourcePath(i), sourceText(seed, i));
	for (let j = 0; j < notes; j++) write(notePath(j), noteText(j, linkedSources(j, sources, perNote)));
	mkdirSync(join(root, ".obsidian"), { recursive: true });
	return { root, files: sources + notes, bytes };
}
