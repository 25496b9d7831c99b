/**
 * Lifecycle actions on SOURCE notes — the API the palette commands and the triage view
 * call. Every rule is in core (`lifecycle.ts`, `integration.ts`); every write goes
 * through the one NoteWriter (`vault.process`, byte-exact). Refusals become a Notice
 * naming the file, and nothing is written.
 */
import { Notice, TFile, normalizePath, type App } from "obsidian";
import { readFrontmatter } from "../core/frontmatter/frontmatter";
import { appendSourceLink, integrateSourceText, integrationNotePath } from "../core/sources/integration";
import { allowedTargets, localToday, reopenStatus, transitionNote, ARCHIVED, INTEGRATED } from "../core/sources/lifecycle";
import { overLimitMessage, type SourceSettings } from "../core/sources/settings";
import { isSourceFrontmatter, scalarText } from "../core/sources/source";
import type { NoteWriter, WriteOutcome } from "./writer";
import { obsidianLinkTexts } from "./link-texts";
import { integratedLinkText, unnameableNote } from "../core/vault/backlinks";
import { IntegrateTargetModal, StatusSuggestModal, type TargetChoice } from "./modals";

/** `in_progress` unless the user renamed it: the first working status after the reopen target. */
const IN_PROGRESS = "in_progress";

export class LifecycleActions {
	constructor(
		private app: App,
		private getSettings: () => SourceSettings,
		private writer: NoteWriter,
		/** The status the index knows (it has our last write before Obsidian's metadata cache does); undefined: not indexed. */
		private indexedStatus: (path: string) => string | null | undefined = () => undefined,
	) {}

	/** Today's local date as `YYYY-MM-DD`. */
	today(): string {
		return localToday();
	}

	/** The note's status as the index knows it, else as Obsidian's metadata cache does (null when none). */
	currentStatus(file: TFile): string | null {
		const indexed = this.indexedStatus(file.path);
		if (indexed !== undefined) return indexed;
		return scalarText(this.app.metadataCache.getFileCache(file)?.frontmatter?.status);
	}

	/** Statuses the source may move to now, in configured order. */
	nextStatuses(file: TFile): string[] {
		return allowedTargets(this.currentStatus(file), this.getSettings());
	}

	/** Move a source to `status` (any allowed transition; the current status is a no-op). */
	async setStatus(file: TFile, status: string): Promise<WriteOutcome> {
		const settings = this.getSettings();
		const today = this.today();
		const seen: { from: string | null } = { from: null };
		const outcome = await this.writer.editText(file, (text) => {
			const notSource = this.notASource(file, text, settings);
			if (notSource) return { ok: false, reason: notSource };
			const r = transitionNote(text, status, settings, today);
			if (!r.ok) return r;
			seen.from = r.from;
			return { ok: true, text: r.text };
		});
		if (outcome === "unchanged" && seen.from === status) new Notice(`${file.basename} is already ${status}.`);
		return outcome;
	}

	/**
	 * → the next working status: `in_progress` from `raw`; with more working statuses
	 * configured (`reviewing`, …), the one after the note's current status.
	 */
	start(file: TFile): Promise<WriteOutcome> {
		return this.setStatus(file, this.workingStatus(file));
	}

	markIntegrated(file: TFile): Promise<WriteOutcome> {
		return this.setStatus(file, INTEGRATED);
	}

	archive(file: TFile): Promise<WriteOutcome> {
		return this.setStatus(file, ARCHIVED);
	}

	/** → `raw` (the reopen target); clears `date_integrated` when the note has one. */
	reopen(file: TFile): Promise<WriteOutcome> {
		return this.setStatus(file, reopenStatus(this.getSettings()));
	}

	/**
	 * Link the source from `target` under the integration heading, add the target to the
	 * source's `integrated_into` and move the source to `integrated`. `target` may be a
	 * vault path of a note to create (`.md` added when missing; folders created).
	 * The source is checked first, so a refusal writes nothing anywhere.
	 */
	async integrateInto(source: TFile, target: TFile | string): Promise<WriteOutcome> {
		const settings = this.getSettings();
		const today = this.today();
		const refuse = (reason: string): WriteOutcome => {
			new Notice(`Source Lifecycle: ${source.path} was not integrated: ${reason}`);
			return "refused";
		};
		if (source.stat.size > settings.maxNoteBytes) return refuse(overLimitMessage(source.stat.size, settings.maxNoteBytes));
		let sourceText: string;
		try {
			sourceText = await this.app.vault.read(source);
		} catch (e) {
			return refuse(e instanceof Error ? e.message : String(e));
		}
		const notSource = this.notASource(source, sourceText, settings);
		if (notSource) return refuse(notSource);

		let targetFile: TFile;
		if (typeof target === "string") {
			const found = await this.targetFor(target, sourceText, settings, today);
			if (!(found instanceof TFile)) return refuse(found.reason);
			targetFile = found;
		} else targetFile = target;

		if (targetFile.extension !== "md") return refuse(`${targetFile.path} is not a Markdown note`);
		if (targetFile.path === source.path) return refuse("a source cannot be integrated into itself");
		if (isSourceFrontmatter(targetFile.path, this.app.metadataCache.getFileCache(targetFile)?.frontmatter, settings)) {
			return refuse(`${targetFile.path} is a SOURCE note; integrate sources into your own notes`);
		}

		const cache = this.app.metadataCache;
		// Both links must resolve back to their note (docs/reference.md §5), as sync's entries do.
		const links = obsidianLinkTexts(this.app);
		const entryText = integratedLinkText(targetFile.path, source.path, links);
		if (entryText === null) return refuse(unnameableNote(targetFile.path));
		const pointsAt = (file: TFile, from: string) => (linkpath: string) => cache.getFirstLinkpathDest(linkpath, from)?.path === file.path;
		const dry = integrateSourceText(sourceText, entryText, settings, today, pointsAt(targetFile, source.path));
		if (!dry.ok) return refuse(dry.reason);

		const linkText = integratedLinkText(source.path, targetFile.path, links);
		if (linkText === null) return refuse(unnameableNote(source.path));
		const targetOutcome = await this.writer.editText(targetFile, (text) =>
			appendSourceLink(text, settings.integrationHeading, linkText, pointsAt(source, targetFile.path)),
		);
		if (targetOutcome === "refused") return "refused";
		const sourceOutcome = await this.writer.editText(source, (text) =>
			integrateSourceText(text, entryText, settings, today, pointsAt(targetFile, source.path)),
		);
		if (sourceOutcome === "refused") return "refused";
		const outcome: WriteOutcome = targetOutcome === "written" || sourceOutcome === "written" ? "written" : "unchanged";
		new Notice(outcome === "written" ? `Integrated ${source.basename} into ${targetFile.basename}.` : `${source.basename} was already integrated into ${targetFile.basename}.`);
		return outcome;
	}

	/** Pick a note (or name a new one), then `integrateInto`. */
	pickAndIntegrate(source: TFile): void {
		const settings = this.getSettings();
		new IntegrateTargetModal(this.app, source, settings, (choice: TargetChoice) => {
			void this.integrateInto(source, choice instanceof TFile ? choice : this.newNotePath(choice.create, source));
		}).open();
	}

	/** Suggest the statuses the source may move to, then `setStatus`. */
	pickStatus(source: TFile): void {
		const current = this.currentStatus(source);
		const choices = this.nextStatuses(source);
		if (choices.length === 0) {
			new Notice(`${source.basename} has no status it can move to.`);
			return;
		}
		new StatusSuggestModal(this.app, source, current, choices, (status) => void this.setStatus(source, status)).open();
	}

	/**
	 * Where "Create new note: name" puts the note: a name with a `/` is a vault path;
	 * a bare name goes where Obsidian puts new notes ("Default location for new notes").
	 */
	newNotePath(name: string, source: TFile): string {
		const clean = name.trim().replace(/\.md$/i, "");
		if (clean.includes("/")) return clean + ".md";
		let folder = "";
		try {
			const parent = this.app.fileManager.getNewFileParent(source.path, clean + ".md");
			folder = parent.path === "/" ? "" : parent.path;
		} catch {
			folder = ""; // no answer from Obsidian: the vault root
		}
		return folder ? `${folder}/${clean}.md` : `${clean}.md`;
	}

	private workingStatus(file: TFile): string {
		const settings = this.getSettings();
		const reopen = reopenStatus(settings);
		const isWorking = (s: string) => s !== reopen && s !== INTEGRATED && s !== ARCHIVED;
		const current = this.currentStatus(file);
		const next = allowedTargets(current, settings).find(isWorking);
		if (next !== undefined) return next;
		// None ahead: the note is at its last working step already (setStatus says so).
		const list = settings.statuses;
		if (current !== null && list.includes(current) && isWorking(current)) return current;
		return list.includes(IN_PROGRESS) ? IN_PROGRESS : (list.find(isWorking) ?? IN_PROGRESS);
	}

	private notASource(file: TFile, text: string, settings: SourceSettings): string | null {
		const read = readFrontmatter(text);
		if (!read.ok) return `malformed frontmatter: ${read.reason}`;
		if (!isSourceFrontmatter(file.path, read.data, settings)) {
			const where = settings.sourceFolder ? ` in ${settings.sourceFolder}/` : "";
			return `it is not a SOURCE note (a note${where} whose id starts with ${settings.idPrefix})`;
		}
		return null;
	}

	/** The note at `input` (a vault path), created when missing — after the source side was checked. */
	private async targetFor(input: string, sourceText: string, settings: SourceSettings, today: string): Promise<TFile | { reason: string }> {
		const path = notePath(input);
		if (typeof path !== "string") return path;
		const existing = this.app.vault.getAbstractFileByPath(path);
		if (existing instanceof TFile) return existing;
		if (existing) return { reason: `${path} is a folder` };
		const dry = integrateSourceText(sourceText, basenameOfPath(path), settings, today);
		if (!dry.ok) return dry;
		try {
			return await this.createNote(path);
		} catch (e) {
			return { reason: `cannot create ${path}: ${e instanceof Error ? e.message : String(e)}` };
		}
	}

	private async createNote(path: string): Promise<TFile> {
		const folder = path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
		if (folder && !this.app.vault.getAbstractFileByPath(folder)) await this.app.vault.createFolder(folder);
		// Created empty first: the source's link text depends on the names in the vault.
		return this.app.vault.create(path, "");
	}
}

/** A vault path for a note name: `.md` added, characters Obsidian forbids in names refused (core `integrationNotePath`). */
export function notePath(input: string): string | { reason: string } {
	return integrationNotePath(input, normalizePath);
}

function basenameOfPath(path: string): string {
	const name = path.slice(path.lastIndexOf("/") + 1);
	return name.replace(/\.md$/i, "");
}
