/**
 * `new <vault> <url> [--title T] [--creator C] [--published YYYY-MM-DD]
 * [--description-file F] [--offline] [--today D] [--dry-run] [--json]`: a new SOURCE note
 * for a YouTube video (docs/capture.md) → `{"path","id","created"}`. Exit 2, nothing
 * written, for a URL that is no video and for a video already in the vault (the note that
 * has it named). Title and creator not given are asked of oEmbed (`SOURCE_LIFECYCLE_OEMBED_URL`
 * points at another endpoint); when that fails the note is still made, with a warning.
 */
import { resolve } from "path";
import { localToday } from "../../core/sources/lifecycle";
import { isCalendarDate } from "../../core/sources/source";
import { canonicalVideoUrl, captureVideoId, findCapturedVideo, planCapture, type CaptureRequest, type VaultNoteData } from "../../core/sources/capture/capture";
import { DEFAULT_OEMBED_URL, fetchFailureMessage, OEMBED_TIMEOUT_MS, oembedRequestUrl, parseOembedAnswer, type OembedResult } from "../../core/sources/capture/oembed";
import type { CliArgs } from "../args";
import { readRegularFile, UsageError } from "../folder-vault";
import type { LoadedVault } from "../load";
import type { CommandResult } from "../output";

/** How many taken names a run steps past when other files appear while it creates its note. */
const CREATE_ATTEMPTS = 20;

export async function newSource(loaded: LoadedVault, args: CliArgs): Promise<CommandResult> {
	const [url] = args.rest;
	if (url === undefined) throw new UsageError("new: usage: new <vault> <url> [--title T] [--creator C] [--published YYYY-MM-DD] [--description-file F] [--offline]");
	const o = args.options;
	const published = o.published ?? null;
	if (published !== null && !isCalendarDate(published)) throw new UsageError(`--published needs a date as YYYY-MM-DD, got ${published}`);
	const description = o["description-file"] === undefined ? null : readDescription(o["description-file"], loaded.settings.maxNoteBytes);
	const template = readTemplate(loaded);

	const video = captureVideoId(url);
	if (!video.ok) return refused(url.trim() || "(empty URL)", "not a YouTube video URL; nothing written");
	const notes: VaultNoteData[] = [...loaded.notes.values()].map((n) => ({ path: n.path, frontmatter: n.frontmatter }));
	const already = findCapturedVideo(video.videoId, notes, loaded.settings.idPrefix);
	if (already) return duplicate(already.path, already.id);

	const request: CaptureRequest = { url, title: o.title ?? null, creator: o.creator ?? null, published, description, today: args.today ?? localToday() };
	const warnings: string[] = [];
	const missing = [request.title?.trim() ? null : "title", request.creator?.trim() ? null : "creator"].filter((m): m is string => m !== null);
	if (missing.length > 0 && o.offline === undefined) {
		const fetched = await fetchOembed(canonicalVideoUrl(video.videoId));
		if (fetched.ok) {
			request.title = request.title?.trim() ? request.title : fetched.metadata.title;
			request.creator = request.creator?.trim() ? request.creator : fetched.metadata.creator;
		} else warnings.push(fetchFailureMessage(fetched.reason, missing));
	}

	const taken = new Set(loaded.files.map((f) => f.toLowerCase()));
	for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
		const plan = planCapture(request, { notes, taken: (p) => taken.has(p) }, loaded.settings, template?.text ?? null);
		if (plan.kind === "refused") return refused(template && plan.reason.startsWith("the template note") ? template.path : url, `${plan.reason}; nothing written`);
		if (plan.kind === "duplicate") return duplicate(plan.existing.path, plan.existing.id);
		if (plan.fields.title === null) warnings.push("no title: the note has the missing-title problem until one is given");
		if (args.dryRun) return { json: { path: plan.path, id: plan.id, created: false }, text: `would create ${plan.path} (${plan.id}) [dry run, nothing written]`, errors: [], warnings };
		let created: boolean;
		try {
			created = loaded.vault.createExclusive(plan.path, plan.text);
		} catch (e) {
			const error = { path: plan.path, message: `cannot create: ${(e as Error).message}; nothing written` };
			return { json: { path: plan.path, id: plan.id, created: false }, text: `${plan.path}: not created`, errors: [error], warnings };
		}
		if (created) return { json: { path: plan.path, id: plan.id, created: true }, text: `created ${plan.path} (${plan.id})`, errors: [], warnings };
		// A file of that name appeared since the vault was read: the next name.
		taken.add(plan.path.toLowerCase());
		if (plan.fields.title === null) warnings.pop();
	}
	return refused(url, `every name tried for the note was taken meanwhile; nothing written`);
}

function refused(path: string, message: string): CommandResult {
	return { json: { path: null, id: null, created: false }, text: "nothing created", errors: [{ path, message }], exit: 2 };
}

function duplicate(path: string, id: string): CommandResult {
	return {
		json: { path, id, created: false },
		text: `${path}: this video is already in the vault (${id}); nothing created`,
		errors: [{ path, message: `this video is already in the vault as ${id}; nothing written` }],
		exit: 2,
	};
}

/** The description file (a path as the shell gives it, not in the vault), UTF-8. */
function readDescription(path: string, maxBytes: number): string {
	let read: Buffer | string;
	try {
		read = readRegularFile(resolve(path), maxBytes);
	} catch (e) {
		throw new UsageError(`--description-file ${path}: cannot read (${(e as Error).message})`);
	}
	if (typeof read === "string") throw new UsageError(`--description-file ${path}: ${read}`);
	try {
		return new TextDecoder("utf-8", { fatal: true }).decode(read);
	} catch {
		throw new UsageError(`--description-file ${path}: not valid UTF-8`);
	}
}

/** The template note of the settings, or null for the default note; unreadable: refused. */
function readTemplate(loaded: LoadedVault): { path: string; text: string } | null {
	const path = loaded.settings.captureTemplate;
	if (path === "") return null;
	const read = loaded.vault.readNote(path, loaded.settings.maxNoteBytes);
	if (!read.ok) throw new UsageError(`the template note ${path} (setting) cannot be read: ${read.message}; nothing written`);
	return { path, text: read.text };
}

/** Title and creator from oEmbed, with the 5 s timeout; any failure is a reason, never a throw. */
async function fetchOembed(videoUrl: string): Promise<OembedResult> {
	const base = process.env.SOURCE_LIFECYCLE_OEMBED_URL || DEFAULT_OEMBED_URL;
	const controller = new AbortController();
	const timer = setTimeout(() => controller.abort(), OEMBED_TIMEOUT_MS);
	try {
		const response = await fetch(oembedRequestUrl(videoUrl, base), { signal: controller.signal, redirect: "follow" });
		return parseOembedAnswer(response.status, await response.text());
	} catch (e) {
		if (controller.signal.aborted) return { ok: false, reason: `no answer within ${OEMBED_TIMEOUT_MS / 1000} s` };
		const cause = (e as { cause?: { code?: unknown; message?: unknown } }).cause;
		const why = [cause?.code, cause?.message, (e as Error).message].find((x): x is string => typeof x === "string") ?? "network error";
		return { ok: false, reason: `YouTube could not be reached (${why})` };
	} finally {
		clearTimeout(timer);
	}
}
