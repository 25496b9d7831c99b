/**
 * Synthetic vaults for the bench: N SOURCE notes with the seed note's schema and varied
 * values, each linked 5 times from non-source notes. In memory as Obsidian's metadata
 * cache holds it (`frontmatter` objects + `resolvedLinks`), and on disk for the CLI
 * (variants of the seed note: CRLF, comments, quoting styles, timestamp lists; in
 * disk-vault.ts). Pure: also bundled into the browser bench page.
 */

export const LINKS_PER_SOURCE = 5;
const STATUSES = ["raw", "raw", "in_progress", "integrated", "archived"];
const TIERS = ["paradigm", "high", "medium", "low"];
const PLATFORMS = ["youtube", "youtube", "youtube", "podcast", "article"];
export const WORDS = "agents models pricing context design fine tuning platform vertical horizontal search memory vectors evals latency caching retrieval robots chips training inference data".split(" ");
const CREATORS = ["a16z", "Lex Fridman", "Dwarkesh Patel", "Latent Space", "No Priors", "Stratechery"];

/** Deterministic pseudo-random numbers (mulberry32), so every run sees the same vault. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(r: () => number, xs: readonly T[]): T {
	return xs[Math.floor(r() * xs.length)] as T;
}

const ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
export function videoId(i: number): string {
	let s = "";
	let x = i * 2654435761 + 12345;
	for (let k = 0; k < 11; k++) {
		s += ID_CHARS[x & 63];
		x = Math.floor(x / 64) + k * 7919 + i;
	}
	return s;
}

export function titleOf(i: number): string {
	const r = rng(i + 1);
	const n = 4 + Math.floor(r() * 8);
	const words: string[] = [];
	for (let k = 0; k < n; k++) words.push(pick(r, WORDS));
	return `${words.join(" ")} ${i}`.replace(/^./, (c) => c.toUpperCase());
}

export function sourcePath(i: number): string {
	return `Sources/${Math.floor(i / 1000)}/Source ${i}.md`;
}

export function notePath(j: number): string {
	return `Notes/${Math.floor(j / 1000)}/Note ${j}.md`;
}

/** The frontmatter object of source i, as `CachedMetadata.frontmatter` holds it. */
export function sourceFrontmatter(i: number): Record<string, unknown> {
	const r = rng(i * 7 + 3);
	const title = titleOf(i);
	const platform = pick(r, PLATFORMS);
	const words = title.split(" ");
	return {
		id: `SOURCE-2025${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}-${i}`,
		platform,
		format: pick(r, ["interview", "talk", "lecture", "panel"]),
		cadence: "evergreen",
		value_modality: "dialogue_primary",
		signal_tier: pick(r, TIERS),
		status: pick(r, STATUSES),
		chain: null,
		topics: words.slice(0, 5).map((w) => w.toLowerCase()),
		creator: pick(r, CREATORS),
		guest: null,
		title,
		url: platform === "youtube" ? `https://www.youtube.com/watch?v=${videoId(i)}` : `https://example.com/episodes/${i}`,
		date_published: "2025-11-28",
		date_processed: "2026-02-22",
		date_integrated: null,
		processing_function: "transcribe_youtube",
		integrated_into: [],
		duration: `${10 + (i % 80)}m ${i % 60}s`,
		has_transcript: "no",
		synopsis: `${title} by someone. A talk covering ${words.slice(0, 3).join(", ")}.`,
		key_insights: [],
		visual_notes: null,
		teleology: pick(r, ["implement", "understand", "decide"]),
		notebooklm_category: "ai-engineering",
		aliases: [words.slice(0, 4).join(" "), words.slice(0, 6).join(" ")],
	};
}

/** The sources note j of the integrating notes links to (each source gets LINKS_PER_SOURCE links). */
export function linkedSources(j: number, sources: number, perNote: number): number[] {
	const out: number[] = [];
	for (let k = 0; k < perNote; k++) out.push((j * perNote + k) % sources);
	return out;
}

export interface MetadataVault {
	/** Every Markdown file with its cached frontmatter (undefined for notes without). */
	files: { path: string; frontmatter: Record<string, unknown> | undefined }[];
	/** `metadataCache.resolvedLinks`: source path → destination → count. */
	resolvedLinks: Record<string, Record<string, number>>;
	sources: number;
	notes: number;
}

/**
 * A vault as Obsidian's metadata cache holds it: `sources` SOURCE notes and as many
 * integrating notes, each linking 5 sources (so every source has 5 integrating links)
 * and one other note; sources link nothing.
 */
export function metadataVault(sources: number): MetadataVault {
	const files: MetadataVault["files"] = [];
	const resolvedLinks: MetadataVault["resolvedLinks"] = {};
	for (let i = 0; i < sources; i++) {
		const path = sourcePath(i);
		files.push({ path, frontmatter: sourceFrontmatter(i) });
		resolvedLinks[path] = {};
	}
	const notes = sources;
	for (let j = 0; j < notes; j++) {
		const path = notePath(j);
		files.push({ path, frontmatter: j % 3 === 0 ? { tags: ["note"], created: "2026-01-01" } : undefined });
		const links: Record<string, number> = {};
		for (const i of linkedSources(j, sources, LINKS_PER_SOURCE)) links[sourcePath(i)] = 1 + (j % 2);
		links[notePath((j + 1) % notes)] = 1;
		resolvedLinks[path] = links;
	}
	return { files, resolvedLinks, sources, notes };
}
