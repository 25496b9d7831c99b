/**
 * Moving sources from the board (docs/board.md): one card, or a selection with one action.
 * The lifecycle decides (docs/reference.md §3, `planMoves`); each note is written by the
 * lifecycle actions through the one writer, one by one. A refused move writes nothing and
 * names its rule in a notice; in a bulk move a failure names its note and the rest go on.
 * Long runs show their progress in a notice with a Cancel button and yield to the interface
 * between batches, as the commands for all sources do (docs/reference.md §8).
 */
import { Modal, Notice, type App } from "obsidian";
import { planMoves, refusalText, type MovePlan } from "../../core/sources/board";
import type { QueueItem } from "../../core/sources/queue";
import type { FeatureContext } from "../../plugin/context";

/** Notes written between two yields to the interface; more than this shows a progress notice. */
export const MOVE_BATCH = 25;

export interface MoveSummary {
	moved: number;
	unchanged: number;
	/** Refused by the lifecycle before writing, or by the writer (the note named). */
	failed: { path: string; title: string; reason: string }[];
	cancelled: boolean;
}

/** "Move 3 sources to archived?" — confirm or cancel a move of several sources. */
export class ConfirmMoveModal extends Modal {
	constructor(
		app: App,
		private readonly plan: MovePlan,
		private readonly to: string,
		private readonly onAnswer: (confirmed: boolean) => void,
	) {
		super(app);
	}

	private answered = false;

	private answer(confirmed: boolean): void {
		if (this.answered) return;
		this.answered = true;
		this.onAnswer(confirmed);
	}

	override onOpen(): void {
		const n = this.plan.moves.length;
		this.setTitle(`Move ${n} ${n === 1 ? "source" : "sources"} to ${this.to}?`);
		const { contentEl } = this;
		contentEl.addClass("source-lifecycle-board-confirm");
		contentEl.createEl("p", { text: `Each note's status is changed by the lifecycle (${this.to === "integrated" ? "date_integrated is set" : "only the keys the move needs"}), one note at a time.` });
		const skipped = this.plan.refused.length + this.plan.unchanged.length;
		if (skipped) {
			const refused = this.plan.refused.length;
			const parts = [];
			if (refused) parts.push(`${refused} cannot move (${this.plan.refused[0]?.reason ?? ""}${refused > 1 ? ", …" : ""})`);
			if (this.plan.unchanged.length) parts.push(`${this.plan.unchanged.length} already ${this.to}`);
			contentEl.createEl("p", { cls: "source-lifecycle-board-confirm-skipped", text: `Left as they are: ${parts.join("; ")}.` });
		}
		const buttons = contentEl.createDiv({ cls: "modal-button-container" });
		const move = buttons.createEl("button", { cls: "mod-cta", text: `Move ${n}` });
		move.addEventListener("click", () => {
			this.answer(true);
			this.close();
		});
		buttons.createEl("button", { text: "Cancel" }).addEventListener("click", () => this.close());
	}

	override onClose(): void {
		this.contentEl.empty();
		this.answer(false); // closed without choosing: Escape or the close button
	}
}

export class BoardMover {
	private running: { cancelled: boolean } | null = null;

	constructor(private readonly context: FeatureContext) {}

	/** True while a bulk move runs (a second one waits for it to end). */
	get busy(): boolean {
		return this.running !== null;
	}

	/**
	 * Move these sources to `to`. One source moves at once; several ask first (a confirm naming
	 * the count). Resolves when the notes are written, or at once when the move was refused.
	 */
	request(items: readonly QueueItem[], to: string): Promise<MoveSummary | null> {
		const plan = planMoves(items, to, this.context.settings());
		if (items.length === 1) {
			const refused = plan.refused[0];
			if (refused) {
				new Notice(refusalText(refused));
				return Promise.resolve(null);
			}
			return this.run(plan);
		}
		if (plan.moves.length === 0) {
			const first = plan.refused[0];
			new Notice(first ? `None of the ${items.length} sources can move to ${to}: ${first.reason}.` : `All ${items.length} sources are already ${to}.`);
			return Promise.resolve(null);
		}
		if (this.running) {
			new Notice("A move of several sources is still running; wait for it or cancel it.");
			return Promise.resolve(null);
		}
		return new Promise((resolve) => {
			new ConfirmMoveModal(this.context.app, plan, to, (confirmed) => {
				if (confirmed) void this.run(plan).then(resolve);
				else resolve(null);
			}).open();
		});
	}

	/** Stop a running bulk move before its next note. */
	cancel(): void {
		if (this.running) this.running.cancelled = true;
	}

	/** Write the planned moves one by one. */
	async run(plan: MovePlan): Promise<MoveSummary> {
		const run = { cancelled: false };
		this.running = run;
		const summary: MoveSummary = { moved: 0, unchanged: plan.unchanged.length, failed: plan.refused.map((r) => ({ path: r.path, title: r.title, reason: r.reason })), cancelled: false };
		const total = plan.moves.length;
		const progress = total > MOVE_BATCH ? new ProgressNotice(() => this.cancel()) : null;
		try {
			for (let i = 0; i < total; i++) {
				if (run.cancelled) break;
				const move = plan.moves[i];
				if (!move) continue;
				const file = this.context.app.vault.getFileByPath(move.path);
				if (!file) {
					summary.failed.push({ path: move.path, title: move.title, reason: "the note no longer exists" });
					continue;
				}
				// A refusal by the writer is told in its own notice, naming the note.
				const outcome = await this.context.lifecycle.setStatus(file, move.to);
				if (outcome === "written") summary.moved++;
				else if (outcome === "unchanged") summary.unchanged++;
				else summary.failed.push({ path: move.path, title: move.title, reason: "not written; its own notice says why" });
				if ((i + 1) % MOVE_BATCH === 0) {
					progress?.show(`Moving to ${plan.moves[0]?.to ?? ""}: ${i + 1} of ${total} sources…`);
					await yieldToInterface();
				}
			}
		} finally {
			progress?.hide();
			this.running = null;
		}
		summary.cancelled = run.cancelled;
		// One source moved alone needs no summary: a refusal by the writer has its own notice.
		if (total > 1 || plan.refused.length) new Notice(summaryText(summary, plan.moves[0]?.to ?? ""), summary.failed.length ? 10000 : undefined);
		return summary;
	}
}

/** "Moved 47 sources to archived; 3 not moved: …" naming the first notes left unchanged and why. */
export function summaryText(s: MoveSummary, to: string): string {
	const head = `${s.cancelled ? "Cancelled: moved" : "Moved"} ${s.moved} ${s.moved === 1 ? "source" : "sources"} to ${to}`;
	if (!s.failed.length) return `${head}.`;
	const named = s.failed.slice(0, 3).map((f) => `${f.path} (${f.reason})`);
	const more = s.failed.length > 3 ? ` and ${s.failed.length - 3} more` : "";
	return `${head}; ${s.failed.length} not moved: ${named.join("; ")}${more}.`;
}

/** A notice that stays while a run goes on, with a Cancel button. */
class ProgressNotice {
	private notice: Notice | null = null;
	private textEl: HTMLElement | null = null;

	constructor(private readonly onCancel: () => void) {}

	show(text: string): void {
		if (this.textEl) {
			this.textEl.setText(text);
			return;
		}
		const fragment = createFragment((f) => {
			this.textEl = f.createSpan({ text });
			f.createEl("button", { text: "Cancel", cls: "source-lifecycle-notice-cancel" }, (button) => {
				button.addEventListener("click", (evt) => {
					evt.preventDefault();
					this.onCancel();
				});
			});
		});
		this.notice = new Notice(fragment, 0);
	}

	hide(): void {
		this.notice?.hide();
		this.notice = null;
	}
}

const yieldToInterface = () => new Promise<void>((resolve) => window.setTimeout(resolve, 0));
