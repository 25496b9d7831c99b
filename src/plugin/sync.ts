/**
 * Fill aliases and sync `integrated_into` in the plugin (docs/reference.md §3–§5, §8): palette commands
 * for the current source and for all sources, and auto-sync when links change.
 *
 * Planning reads the one SourceIndex (no file reads). Each write goes through the
 * NoteWriter (`vault.process`) and re-plans that note from its current text, so an edit
 * made since the index saw the note is kept. Link text and existence are Obsidian's own
 * answers (`fileToLinktext`, `getFirstLinkpathDest`).
 *
 * Bulk runs write in batches that yield to the UI, show progress in a Notice with a
 * Cancel button, stop when the same command is run again, and stop when the plugin unloads.
 * Auto-sync is debounced, syncs only the sources a change touched, and stays off until
 * the index is built and Obsidian has finished its initial indexing.
 */
import { debounce, Notice, TFile, type App, type Debouncer } from "obsidian";
import { planSync, syncNoteText, type SourceSyncPlan, type SyncScope } from "../core/vault/backlinks";
import { obsidianLinkTexts } from "./link-texts";
import type { FeatureContext } from "./context";
import { activeSource } from "./lifecycle-commands";
import type { WriteOutcome } from "./writer";
import { localToday } from "../core/sources/lifecycle";

const ALIASES: SyncScope = { aliases: true, integratedInto: false };
const INTEGRATED: SyncScope = { aliases: false, integratedInto: true };
const BOTH: SyncScope = { aliases: true, integratedInto: true };

/** Notes written between two yields to the UI. */
export const BATCH_SIZE = 25;
/** Quiet time after the last link change before auto-sync runs. */
export const AUTO_SYNC_DELAY_MS = 2000;

const yieldToUi = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));

interface Job {
	label: string;
	scope: SyncScope;
}

const JOBS = {
	aliases: { label: "Filling aliases", scope: ALIASES },
	integrated: { label: "Syncing integrated notes", scope: INTEGRATED },
} satisfies Record<string, Job>;

export interface BulkSummary {
	written: number;
	unchanged: number;
	refused: { path: string; reason: string }[];
	/** Integrating notes no wikilink can name, left out of a source's integrated_into (docs/reference.md §5). */
	unlisted: { path: string; reason: string }[];
	cancelled: boolean;
}

/** One bulk run; `cancel()` stops it before its next note. */
class BulkRun {
	cancelled = false;
	private notice: Notice | null = null;
	private progressEl: HTMLElement | null = null;

	constructor(readonly job: Job) {}

	showProgress(done: number, total: number): void {
		const text = `${this.job.label}: ${done} of ${total} sources…`;
		if (this.progressEl) {
			this.progressEl.setText(text);
			return;
		}
		const fragment = createFragment((f) => {
			this.progressEl = f.createSpan({ text });
			f.createEl("button", { text: "Cancel", cls: "source-lifecycle-notice-cancel" }, (button) => {
				button.addEventListener("click", (evt) => {
					evt.preventDefault();
					this.cancel();
				});
			});
		});
		const notice = new Notice(fragment, 0);
		this.notice = notice;
		// Obsidian hides a notice that is clicked anywhere; a hidden progress notice with the run
		// still going could no longer be cancelled, so a click on it cancels the run too.
		// (`containerEl` is newer than 1.7.2; `noticeEl` is there in every version.)
		const clickable: HTMLElement | undefined = notice.containerEl;
		(clickable ?? notice.noticeEl).addEventListener("click", () => this.cancel());
	}

	cancel(): void {
		this.cancelled = true;
	}

	finish(message: string): void {
		this.close();
		new Notice(message);
	}

	close(): void {
		this.notice?.hide();
		this.notice = null;
	}
}

/** The sync feature of one plugin instance. */
export class SyncFeature {
	private bulk: BulkRun | null = null;
	private pending = new Set<string>();
	private armed = false;
	private disposed = false;
	private reportedRefusals = new Set<string>();
	private readonly autoFlush: Debouncer<[], void>;

	constructor(private context: FeatureContext) {
		this.autoFlush = debounce(() => void this.flushAutoSync(), AUTO_SYNC_DELAY_MS, true);
	}

	private get app(): App {
		return this.context.app;
	}

	today(): string {
		return localToday();
	}

	/** True while a bulk run is going. */
	get running(): boolean {
		return this.bulk !== null;
	}

	/** Re-plan and write one source from its current text; the outcome and the plan applied. */
	async syncSource(file: TFile, scope: SyncScope, quiet: boolean): Promise<{ outcome: WriteOutcome; plan: SourceSyncPlan | null; reason?: string }> {
		const index = this.context.sourceIndex.index;
		const integrating = scope.integratedInto ? index.integratingNotes(file.path) : [];
		const links = obsidianLinkTexts(this.app);
		const settings = this.context.settings();
		const today = this.today();
		let plan: SourceSyncPlan | null = null;
		let reason: string | undefined;
		const outcome = await this.context.writer.editText(
			file,
			(text) => {
				const r = syncNoteText(file.path, text, integrating, links, settings, today, scope);
				if (!r.ok) {
					reason = r.reason;
					return r;
				}
				plan = r.plan;
				return { ok: true, text: r.text };
			},
			quiet,
		);
		return { outcome, plan, reason };
	}

	/** "Fill aliases of current source" / "Sync integrated notes of current source". */
	async syncCurrent(file: TFile, scope: SyncScope): Promise<void> {
		const { outcome, plan } = await this.syncSource(file, scope, false);
		if (outcome === "refused") return; // the writer has shown why
		const p = plan;
		for (const e of [...(p?.errors ?? []), ...(p?.warnings ?? [])]) new Notice(`Source Lifecycle: ${file.path}: ${e}`);
		if (outcome === "unchanged") {
			new Notice(scope.aliases ? "Aliases are already complete." : "Integrated notes are already up to date.");
			return;
		}
		new Notice(describeChanges(p?.changes ?? {}));
	}

	/**
	 * Sync every source that needs it. Running it again while it runs cancels it.
	 * Resolves with a summary (null when it only cancelled a running one).
	 */
	async syncAll(job: Job): Promise<BulkSummary | null> {
		if (this.bulk) {
			this.bulk.cancel();
			return null;
		}
		const run = new BulkRun(job);
		this.bulk = run;
		const summary: BulkSummary = { written: 0, unchanged: 0, refused: [], unlisted: [], cancelled: false };
		try {
			const plans = planSync(this.context.sourceIndex.index, obsidianLinkTexts(this.app), this.context.settings(), this.today(), { scope: job.scope });
			const total = plans.length;
			if (total > BATCH_SIZE) run.showProgress(0, total);
			for (let i = 0; i < total; i++) {
				if (run.cancelled || this.disposed) break;
				const planned = plans[i] as SourceSyncPlan;
				const file = this.app.vault.getFileByPath(planned.path);
				if (!file) continue;
				const { outcome, plan, reason } = await this.syncSource(file, job.scope, true);
				for (const e of plan?.errors ?? []) summary.refused.push({ path: planned.path, reason: e });
				for (const w of plan?.warnings ?? []) summary.unlisted.push({ path: planned.path, reason: w });
				if (outcome === "written") summary.written++;
				else if (outcome === "unchanged") summary.unchanged++;
				else summary.refused.push({ path: planned.path, reason: reason ?? "refused" });
				if ((i + 1) % BATCH_SIZE === 0) {
					if (total > BATCH_SIZE) run.showProgress(i + 1, total);
					await yieldToUi();
				}
			}
			summary.cancelled = run.cancelled || this.disposed;
			if (!this.disposed) run.finish(summaryText(job, summary));
			return summary;
		} finally {
			// Also when the plugin unloads mid-run: the progress notice never outlives the run.
			run.close();
			this.bulk = null;
		}
	}

	/** Start listening for link changes (auto-sync); called once when the layout is ready. */
	arm(): void {
		const cache = this.app.metadataCache;
		const indexed = () => this.app.vault.getMarkdownFiles().every((f) => cache.getFileCache(f) !== null);
		this.context.plugin.registerEvent(
			cache.on("resolved", () => {
				this.armed = this.context.sourceIndex.ready;
			}),
		);
		// Obsidian may still be indexing a new or changed vault; wait for its `resolved` then.
		this.armed = this.context.sourceIndex.ready && indexed();
		// A source left pending because it was being edited is synced once the user leaves it.
		this.context.plugin.registerEvent(
			this.app.workspace.on("active-leaf-change", () => {
				if (this.pending.size) this.autoFlush();
			}),
		);
		this.context.plugin.register(
			this.context.sourceIndex.index.onChange((paths) => {
				if (!this.armed || !this.context.settings().autoSync) return;
				const index = this.context.sourceIndex.index;
				for (const p of paths) if (index.getSource(p)) this.pending.add(p);
				if (this.pending.size) this.autoFlush();
			}),
		);
	}

	/** Sync the sources touched since the last flush (aliases and integrated_into). */
	async flushAutoSync(): Promise<void> {
		if (this.disposed || !this.context.settings().autoSync) {
			this.pending.clear();
			return;
		}
		if (this.bulk) {
			this.autoFlush();
			return;
		}
		// Never the note open in the active editor: a half-typed title would become an
		// alias (aliases are never removed). It stays pending until the user leaves it.
		// `activeEditor` is any editor (a Markdown tab, a canvas card, an embed being edited).
		const editing = this.app.workspace.activeEditor?.file?.path ?? null;
		const paths = [...this.pending].filter((p) => p !== editing);
		const keep = editing !== null && this.pending.has(editing);
		this.pending.clear();
		if (keep) this.pending.add(editing);
		const plans = planSync(this.context.sourceIndex.index, obsidianLinkTexts(this.app), this.context.settings(), this.today(), { paths, scope: BOTH });
		for (const planned of plans) {
			if (this.disposed) return;
			for (const w of planned.warnings) {
				if (this.reportedRefusals.has(`${planned.path}\n${w}`)) continue;
				this.reportedRefusals.add(`${planned.path}\n${w}`);
				new Notice(`Source Lifecycle: ${planned.path}: ${w}`);
			}
			const file = this.app.vault.getFileByPath(planned.path);
			if (!file || planned.edits.length === 0) continue;
			const { outcome, reason } = await this.syncSource(file, BOTH, true);
			if (outcome === "refused" && !this.reportedRefusals.has(planned.path)) {
				this.reportedRefusals.add(planned.path);
				new Notice(`Source Lifecycle: auto-sync left ${planned.path} unchanged: ${reason ?? "refused"}`);
			}
		}
	}

	/** Stop everything: the plugin is unloading. */
	dispose(): void {
		this.disposed = true;
		this.bulk?.cancel();
		this.autoFlush.cancel();
		this.pending.clear();
	}
}

function describeChanges(changes: Record<string, unknown>): string {
	const parts: string[] = [];
	if (changes.aliases) parts.push("aliases filled");
	if (changes.integrated_into) parts.push("integrated notes added");
	if (typeof changes.status === "string") parts.push(`status set to ${changes.status}`);
	return `Source Lifecycle: ${parts.join(", ") || "updated"}.`;
}

function summaryText(job: Job, s: BulkSummary): string {
	const head = s.cancelled ? `${job.label} cancelled` : `${job.label} done`;
	const refused = s.refused.length ? `, ${s.refused.length} left unchanged (${s.refused.slice(0, 3).map((r) => `${r.path}: ${r.reason}`).join("; ")}${s.refused.length > 3 ? "; …" : ""})` : "";
	const unlisted = s.unlisted.length ? `; ${s.unlisted.length} integrating notes not listed (${s.unlisted.slice(0, 3).map((r) => `${r.path}: ${r.reason}`).join("; ")}${s.unlisted.length > 3 ? "; …" : ""})` : "";
	return `${head}: ${s.written} sources updated${refused}${unlisted}.`;
}

/** Register the four commands and auto-sync; returns the feature (tests drive it). */
export function registerSync(context: FeatureContext): SyncFeature {
	const { plugin } = context;
	const feature = new SyncFeature(context);
	const current = (id: string, name: string, scope: SyncScope) =>
		plugin.addCommand({
			id,
			name,
			checkCallback: (checking) => {
				const file = activeSource(context);
				if (!file) return false;
				if (!checking) void feature.syncCurrent(file, scope);
				return true;
			},
		});
	current("fill-aliases-current", "Fill aliases of current source", ALIASES);
	plugin.addCommand({ id: "fill-aliases-all", name: "Fill aliases of all sources", callback: () => void feature.syncAll(JOBS.aliases) });
	current("sync-integrated-current", "Sync integrated notes of current source", INTEGRATED);
	plugin.addCommand({ id: "sync-integrated-all", name: "Sync integrated notes of all sources", callback: () => void feature.syncAll(JOBS.integrated) });
	context.app.workspace.onLayoutReady(() => feature.arm());
	plugin.register(() => feature.dispose());
	return feature;
}
