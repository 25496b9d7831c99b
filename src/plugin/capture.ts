/**
 * "New source from URL…" (docs/capture.md): the modal, then the one core plan — a new
 * SOURCE note, or the note that already has the video, opened with a notice. Title and
 * creator not given are asked of YouTube's oEmbed with `requestUrl`, for at most 5 s; a
 * failure never blocks the note, a notice says what YouTube did not give. The note is
 * created with `vault.create`, which never replaces a file.
 */
import { Notice, requestUrl, TFile, type App, type RequestUrlParam } from "obsidian";
import { canonicalVideoUrl, captureVideoId, findCapturedVideo, planCapture, type CaptureRequest, type VaultNoteData } from "../core/sources/capture/capture";
import { fetchFailureMessage, OEMBED_TIMEOUT_MS, oembedRequestUrl, parseOembedAnswer, type OembedResult } from "../core/sources/capture/oembed";
import { localToday } from "../core/sources/lifecycle";
import { overLimitMessage } from "../core/sources/settings";
import { CaptureModal, type CaptureForm } from "./capture-modal";
import type { FeatureContext } from "./context";

/** What capture takes from the world; tests give their own. */
export interface CaptureDeps {
	request: (param: RequestUrlParam) => Promise<{ status: number; text: string }>;
	readClipboard: () => Promise<string>;
	timeoutMs: number;
}

const DEFAULT_DEPS: CaptureDeps = {
	request: (param) => requestUrl(param),
	readClipboard: () => navigator.clipboard.readText(),
	timeoutMs: OEMBED_TIMEOUT_MS,
};

/** How many taken names a capture steps past when files appear while it creates its note. */
const CREATE_ATTEMPTS = 20;

export function registerCapture(context: FeatureContext, deps: Partial<CaptureDeps> = {}): void {
	const full = { ...DEFAULT_DEPS, ...deps };
	context.plugin.addCommand({
		id: "new-source-from-url",
		name: "New source from URL…",
		callback: () => {
			new CaptureModal(context.app, full.readClipboard, (form) => void captureSource(context, form, full)).open();
		},
	});
}

/**
 * Every Markdown note's frontmatter, from the metadata cache (no file reads). Not the source
 * index: it holds only the source folder's notes, and a video captured in any folder, or an
 * id used anywhere, counts (docs/capture.md). Read once per capture, not kept.
 */
function vaultNotes(app: App): VaultNoteData[] {
	return app.vault.getMarkdownFiles().map((f) => ({ path: f.path, frontmatter: app.metadataCache.getFileCache(f)?.frontmatter }));
}

/** Capture what the modal holds; resolves to the path of the note opened (new or existing), or null. */
export async function captureSource(context: FeatureContext, form: CaptureForm, deps: CaptureDeps): Promise<string | null> {
	const { app } = context;
	const settings = context.settings();
	const video = captureVideoId(form.url);
	if (!video.ok) {
		notify(`${video.reason}.`);
		return null;
	}
	const existing = findCapturedVideo(video.videoId, vaultNotes(app), settings.idPrefix);
	if (existing) return openExisting(app, existing.path);

	const request: CaptureRequest = { url: form.url, title: form.title, creator: form.creator, published: form.published, description: form.description, today: localToday() };
	const notices: string[] = [];
	const missing = [form.title.trim() ? null : "title", form.creator.trim() ? null : "creator"].filter((m): m is string => m !== null);
	if (missing.length > 0) {
		const asking = new Notice(`Source Lifecycle: asking YouTube for the ${missing.join(" and ")}…`, 0);
		const fetched = await fetchOembed(deps, canonicalVideoUrl(video.videoId));
		asking.hide();
		if (fetched.ok) {
			request.title = form.title.trim() ? form.title : fetched.metadata.title;
			request.creator = form.creator.trim() ? form.creator : fetched.metadata.creator;
		} else notices.push(fetchFailureMessage(fetched.reason, missing));
	}
	const template = await readTemplate(app, settings.captureTemplate, settings.maxNoteBytes);
	if (template !== null && !template.ok) {
		notify(`${template.reason}; no note was created.`);
		return null;
	}

	const taken = new Set(app.vault.getFiles().map((f) => f.path.toLowerCase()));
	for (let attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
		// Planned again after the fetch: the vault may have changed while YouTube answered.
		const plan = planCapture(request, { notes: vaultNotes(app), taken: (p) => taken.has(p) }, settings, template?.text ?? null);
		if (plan.kind === "refused") {
			notify(`${plan.reason.startsWith("the template note") ? plan.reason.replace("the template note", `the template note ${settings.captureTemplate}`) : plan.reason}; no note was created.`);
			return null;
		}
		if (plan.kind === "duplicate") return openExisting(app, plan.existing.path);
		const created = await createNote(app, plan.path, plan.text);
		if (created.kind === "taken") {
			taken.add(plan.path.toLowerCase());
			continue;
		}
		if (created.kind === "failed") {
			notify(`${plan.path} could not be created: ${created.reason}`);
			return null;
		}
		await app.workspace.getLeaf(false).openFile(created.file);
		if (plan.fields.title === null) notices.push("It has no title yet: it is listed with the missing-title problem until you give one.");
		notify(`created ${plan.path}.${notices.length ? " " + notices.join(" ") : ""}`, notices.length ? 10000 : undefined);
		return plan.path;
	}
	notify("Every name tried for the note was taken meanwhile; no note was created.");
	return null;
}

async function openExisting(app: App, path: string): Promise<string | null> {
	const file = app.vault.getFileByPath(path);
	notify(`this video is already in the vault: ${path}. No new note was created.`);
	if (file) await app.workspace.getLeaf(false).openFile(file);
	return path;
}

type Created = { kind: "created"; file: TFile } | { kind: "taken" } | { kind: "failed"; reason: string };

/** The new note; "taken" when a file has that name (vault.create never replaces one). */
async function createNote(app: App, path: string, text: string): Promise<Created> {
	if (app.vault.getAbstractFileByPath(path)) return { kind: "taken" };
	const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
	try {
		if (folder !== "" && !app.vault.getAbstractFileByPath(folder)) await app.vault.createFolder(folder);
		return { kind: "created", file: await app.vault.create(path, text) };
	} catch (e) {
		if (app.vault.getAbstractFileByPath(path)) return { kind: "taken" };
		return { kind: "failed", reason: e instanceof Error ? e.message : String(e) };
	}
}

/** A notice in the plugin's name. */
function notify(message: string, duration?: number): void {
	new Notice(`Source Lifecycle: ${message}`, duration);
}

/** The template note's text; null when none is set. */
async function readTemplate(app: App, path: string, maxBytes: number): Promise<{ ok: true; text: string } | { ok: false; reason: string } | null> {
	if (path === "") return null;
	const file = app.vault.getAbstractFileByPath(path);
	if (!(file instanceof TFile)) return { ok: false, reason: `the template note ${path} (settings) was not found` };
	if (file.stat.size > maxBytes) return { ok: false, reason: `the template note ${path}: ${overLimitMessage(file.stat.size, maxBytes)}` };
	return { ok: true, text: await app.vault.cachedRead(file) };
}

/** Title and creator from oEmbed; after `timeoutMs` the answer is no longer waited for (requestUrl cannot be cancelled). */
async function fetchOembed(deps: CaptureDeps, videoUrl: string): Promise<OembedResult> {
	let timer = 0;
	const timeout = new Promise<OembedResult>((resolve) => {
		timer = window.setTimeout(() => resolve({ ok: false, reason: `no answer within ${deps.timeoutMs / 1000} s` }), deps.timeoutMs);
	});
	const answer = deps
		.request({ url: oembedRequestUrl(videoUrl), throw: false })
		.then((r): OembedResult => parseOembedAnswer(r.status, r.text))
		.catch((e: unknown): OembedResult => ({ ok: false, reason: `YouTube could not be reached (${e instanceof Error ? e.message : String(e)})` }));
	try {
		return await Promise.race([answer, timeout]);
	} finally {
		window.clearTimeout(timer);
	}
}
