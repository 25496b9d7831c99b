/**
 * The text of a captured SOURCE note (docs/capture.md): the default note — the seed's keys
 * in the seed's order — or a template note with its placeholders filled.
 */
import { chapterList, type Chapter } from "./description";
import { yamlList, yamlQuote, yamlValue } from "./yaml-text";

/** Everything a captured note is made from. */
export interface CaptureFields {
	id: string;
	title: string | null;
	/** Canonical: `https://www.youtube.com/watch?v=ID`. */
	url: string;
	videoId: string;
	creator: string | null;
	/** YYYY-MM-DD, or null when unknown. */
	published: string | null;
	/** YYYY-MM-DD: `date_processed`. */
	today: string;
	chapters: readonly Chapter[];
	/** The description without its chapter lines. */
	description: string;
	aliases: readonly string[];
}

/** The seed note's keys, in its order, with what a fresh capture knows of each. */
function frontmatterLines(f: CaptureFields): string[] {
	return [
		`id: ${/^[A-Za-z0-9_.-]+$/.test(f.id) ? f.id : yamlQuote(f.id)}`,
		"platform: youtube",
		"format: null",
		"cadence: null",
		"value_modality: null",
		"signal_tier: null",
		"status: raw",
		"chain: null",
		"topics: []",
		`creator: ${yamlValue(f.creator)}`,
		"guest: null",
		`title: ${yamlValue(f.title)}`,
		`url: ${yamlQuote(f.url)}`,
		`date_published: ${f.published ?? "null"}`,
		`date_processed: ${f.today}`,
		"date_integrated: null",
		"processing_function: null",
		"integrated_into: []",
		"duration: null",
		"has_transcript: null",
		"synopsis: null",
		"key_insights: []",
		"visual_notes: null",
		"teleology: null",
		"notebooklm_category: null",
		yamlList("aliases", f.aliases),
	];
}

/** The default note: frontmatter, `# Title`, the URL line, the chapters, the description. */
export function defaultNote(f: CaptureFields): string {
	const body: string[] = [];
	if (f.title !== null) body.push(`# ${oneLine(f.title)}`, "");
	body.push(`**URL**: ${f.url}`);
	if (f.chapters.length > 0) body.push("", "Timestamps:", chapterList(f.chapters));
	if (f.description !== "") body.push("", "## Description", "", f.description);
	return ["---", ...frontmatterLines(f), "---", "", ...body, ""].join("\n");
}

/** A title as heading text: one line. */
function oneLine(text: string): string {
	return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
