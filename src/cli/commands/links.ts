/**
 * `links <vault> [--json]`: Obsidian's `metadataCache.resolvedLinks` and `unresolvedLinks`
 * for the vault (docs/reference.md §9): every Markdown (and canvas) source, `{}` when it has no links;
 * every vault file is a possible target.
 */
import { countLinks, extractLinks, type LinkCounts, type LinkResolver } from "../../core/vault/links";
import type { CliArgs } from "../args";
import type { FileError, LoadedVault } from "../load";
import { table, type CommandResult } from "../output";

export function links(loaded: LoadedVault, _args: CliArgs): CommandResult {
	const errors: FileError[] = [...loaded.errors];
	const all = new Map<string, LinkCounts>(loaded.links);
	for (const path of loaded.files) {
		if (!path.toLowerCase().endsWith(".canvas")) continue;
		const counts = canvasLinks(loaded, path, loaded.resolver);
		if (counts.ok) all.set(path, counts.counts);
		else errors.push({ path, message: counts.message });
	}
	const sources = [...all.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	// Null-prototype maps: keys are note paths and link texts (`[[constructor]]`, `[[__proto__]]`).
	const resolvedLinks = Object.create(null) as Record<string, Record<string, number>>;
	const unresolvedLinks = Object.create(null) as Record<string, Record<string, number>>;
	let linkCount = 0;
	let edges = 0;
	const rows: string[][] = [];
	for (const src of sources) {
		const c = all.get(src) as LinkCounts;
		resolvedLinks[src] = Object.assign(Object.create(null) as Record<string, number>, c.resolved);
		unresolvedLinks[src] = Object.assign(Object.create(null) as Record<string, number>, c.unresolved);
		for (const n of Object.values(c.resolved)) linkCount += n;
		edges += Object.keys(c.resolved).length;
		for (const [text, n] of Object.entries(c.unresolved)) rows.push([src, text, String(n)]);
	}
	const summary = `${sources.length} sources, ${linkCount} resolved links (${edges} edges), ${rows.length} unresolved link texts`;
	return {
		json: { resolvedLinks, unresolvedLinks },
		text: (rows.length ? table(["source", "unresolved link", "count"], rows) + "\n" : "") + summary,
		errors,
	};
}

interface CanvasNode {
	type?: unknown;
	text?: unknown;
	file?: unknown;
}

/** A canvas links through its file nodes and the Markdown of its text nodes. */
function canvasLinks(loaded: LoadedVault, path: string, resolver: LinkResolver): { ok: true; counts: LinkCounts } | { ok: false; message: string } {
	let nodes: unknown;
	const read = loaded.vault.readNote(path, loaded.settings.maxNoteBytes);
	if (!read.ok) return { ok: false, message: read.message };
	try {
		const text = read.text;
		nodes = text.trim() === "" ? [] : (JSON.parse(text) as { nodes?: unknown }).nodes;
	} catch (e) {
		return { ok: false, message: `cannot read canvas (${(e as Error).message})` };
	}
	const entries: { link: string }[] = [];
	const fileTargets: string[] = [];
	for (const node of Array.isArray(nodes) ? (nodes as CanvasNode[]) : []) {
		if (node === null || typeof node !== "object") continue;
		if (node.type === "text" && typeof node.text === "string") {
			const ex = extractLinks(node.text, { block: null, frontmatter: null });
			entries.push(...ex.links, ...ex.embeds);
		} else if (node.type === "file" && typeof node.file === "string") fileTargets.push(node.file);
	}
	const counts = countLinks({ links: entries, embeds: [], frontmatterLinks: [] }, path, resolver);
	for (const file of fileTargets) {
		const dest = resolver.has(file) ? resolver.resolve(file, path) : null;
		if (dest !== null) counts.resolved[dest] = (counts.resolved[dest] ?? 0) + 1;
		else counts.unresolved[file] = (counts.unresolved[file] ?? 0) + 1;
	}
	return { ok: true, counts };
}
