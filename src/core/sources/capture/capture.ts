/**
 * Capture (docs/capture.md): from a YouTube URL and what is known of the video, the new
 * SOURCE note to create — its id, path and text — or why none is made: the video is
 * already in the vault (any URL form, any folder), the URL is no video, a value or the
 * template is unusable. Plain data in and out; the plugin and the CLI create the file.
 */
import { readFrontmatter, type FrontmatterData } from "../../frontmatter/frontmatter";
import { fillAliases } from "../aliases";
import type { SourceSettings } from "../settings";
import { isCalendarDate } from "../source";
import { videoIdFromUrl } from "../youtube";
import { splitDescription } from "./description";
import { availablePath, safeFileName } from "./file-name";
import { allocateId, idDate } from "./id";
import { defaultNote, type CaptureFields } from "./note";
import { fillTemplate } from "./template";

/** A note of the vault as capture needs it: its path and frontmatter (null: none, or unreadable). */
export interface VaultNoteData {
	path: string;
	frontmatter: FrontmatterData | null | undefined;
}

export interface CaptureRequest {
	url: string;
	title?: string | null;
	creator?: string | null;
	/** YYYY-MM-DD. */
	published?: string | null;
	/** The video's description as pasted. */
	description?: string | null;
	/** YYYY-MM-DD. */
	today: string;
}

export interface CapturedSource {
	path: string;
	id: string;
}

export type CapturePlan =
	| { kind: "create"; path: string; id: string; text: string; fields: CaptureFields }
	| { kind: "duplicate"; existing: CapturedSource; videoId: string }
	| { kind: "refused"; reason: string };

export interface CaptureVault {
	notes: Iterable<VaultNoteData>;
	/** Whether a file (or folder) exists at this vault path, given in lower case. */
	taken: (lowerCasePath: string) => boolean;
}

/** `https://www.youtube.com/watch?v=ID`: the one form a captured note's `url` takes. */
export function canonicalVideoUrl(videoId: string): string {
	return `https://www.youtube.com/watch?v=${videoId}`;
}

/** The video id a capture would use, or why the URL cannot be captured. */
export function captureVideoId(url: string): { ok: true; videoId: string } | { ok: false; reason: string } {
	const videoId = videoIdFromUrl(url);
	if (videoId !== null) return { ok: true, videoId };
	return { ok: false, reason: `not a YouTube video URL: ${url.trim() === "" ? "(empty)" : url.trim()}` };
}

/** The SOURCE note (any folder) whose `url` is this video, if there is one. */
export function findCapturedVideo(videoId: string, notes: Iterable<VaultNoteData>, prefix: string): CapturedSource | null {
	for (const note of notes) {
		const fm = note.frontmatter;
		if (!fm || typeof fm.id !== "string" || !fm.id.startsWith(prefix)) continue;
		if (videoIdFromUrl(fm.url) === videoId) return { path: note.path, id: fm.id };
	}
	return null;
}

function text(value: string | null | undefined): string | null {
	const t = value?.trim() ?? "";
	return t === "" ? null : t;
}

/**
 * What capturing `request` into `vault` makes. `template`: the template note's text, or
 * null for the default note.
 */
export function planCapture(request: CaptureRequest, vault: CaptureVault, settings: SourceSettings, template: string | null = null): CapturePlan {
	const video = captureVideoId(request.url);
	if (!video.ok) return { kind: "refused", reason: video.reason };
	const published = text(request.published);
	if (published !== null && !isCalendarDate(published)) return { kind: "refused", reason: `the publication date must be YYYY-MM-DD, not ${published}` };
	const notes = [...vault.notes];
	const existing = findCapturedVideo(video.videoId, notes, settings.idPrefix);
	if (existing) return { kind: "duplicate", existing, videoId: video.videoId };
	const ids = notes.map((n) => n.frontmatter?.id).filter((v): v is string => typeof v === "string");
	const id = allocateId(settings.idPrefix, idDate(published, request.today), ids);
	const title = text(request.title);
	const path = availablePath(settings.sourceFolder, safeFileName(title, id), vault.taken);
	const split = splitDescription(request.description ?? null);
	const fields: CaptureFields = {
		id,
		title,
		url: canonicalVideoUrl(video.videoId),
		videoId: video.videoId,
		creator: text(request.creator),
		published,
		today: request.today,
		chapters: split.chapters,
		description: split.rest,
		aliases: fillAliases([], title, path, settings.aliasPrefixWords),
	};
	if (template === null) return { kind: "create", path, id, text: defaultNote(fields), fields };
	const filled = fillTemplate(template, fields);
	const problem = templateProblem(filled, fields, settings);
	if (problem !== null) return { kind: "refused", reason: `the template note ${problem}` };
	return { kind: "create", path, id, text: filled, fields };
}

/** Why a filled template does not make the captured SOURCE note, or null when it does. */
function templateProblem(filled: string, f: CaptureFields, settings: SourceSettings): string | null {
	const fm = readFrontmatter(filled);
	if (!fm.ok) return `gives frontmatter that is not valid YAML (${fm.reason})`;
	if (!fm.data) return "has no frontmatter (it needs at least id: {{id}} and url: {{url}})";
	if (fm.data.id !== f.id) return `must have id: {{id}} in its frontmatter (the ${settings.idPrefix} id makes the note a source)`;
	if (videoIdFromUrl(fm.data.url) !== f.videoId) return "must have url: {{url}} in its frontmatter (it finds the video again, so it is never captured twice)";
	return null;
}
