/**
 * The triage queue's wiring: the sidebar view, its ribbon icon and the commands "Open
 * triage queue" and "Open next source in queue". The view is never opened on start-up
 * (Obsidian restores it when the user left it open), and the plugin keeps no reference
 * to it: the next-source command looks the view up when it runs.
 */
import { Notice, TFile, type WorkspaceLeaf } from "obsidian";
import { queueOf, toQueueItem, type QueueItem } from "../core/sources/queue";
import { TRIAGE_VIEW_TYPE, TriageView, savedQuery } from "../ui/triage-view";
import type { FeatureContext } from "./context";

export function registerTriage(context: FeatureContext): void {
	const { plugin } = context;
	plugin.registerView(TRIAGE_VIEW_TYPE, (leaf: WorkspaceLeaf) => new TriageView(leaf, context));
	plugin.addRibbonIcon("list-checks", "Open triage queue", () => void openTriage(context));
	plugin.addCommand({ id: "open-triage-queue", name: "Open triage queue", callback: () => openTriage(context) });
	plugin.addCommand({ id: "open-next-source", name: "Open next source in queue", callback: () => openNextSource(context) });
}

/** Reveal the queue in the right sidebar, creating it there when missing. */
export async function openTriage(context: FeatureContext): Promise<void> {
	const workspace = context.app.workspace;
	const leaf = await workspace.ensureSideLeaf(TRIAGE_VIEW_TYPE, "right", { active: true, reveal: true });
	await leaf.loadIfDeferred();
	await workspace.revealLeaf(leaf);
	const view = leaf.view;
	if (view instanceof TriageView) view.triageList?.el.focus();
}

/** The open triage view, if any (looked up, never stored). */
function openView(context: FeatureContext): TriageView | null {
	for (const leaf of context.app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)) {
		if (leaf.view instanceof TriageView && leaf.view.triageList) return leaf.view;
	}
	return null;
}

/**
 * The queue as the open view shows it (its filter and sort). A triage tab not shown since
 * Obsidian started is deferred (a DeferredView, not a TriageView): its saved filter and sort
 * are read from its view state without loading it. Else the default queue.
 */
export function currentQueue(context: FeatureContext): readonly QueueItem[] {
	const view = openView(context);
	if (view) return view.queueItems();
	const deferred = context.app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE).find((leaf) => leaf.isDeferred);
	const query = deferred ? savedQuery(deferred.getViewState().state) : {};
	const items = [...context.sourceIndex.index.sources()].map(toQueueItem);
	return queueOf(items, query, context.settings());
}

/**
 * Open the next source of the queue: the one after the active note when the active note
 * is in the queue (stepping through, wrapping at the end), else the first.
 */
export async function openNextSource(context: FeatureContext): Promise<TFile | null> {
	const { app } = context;
	const queue = currentQueue(context);
	if (queue.length === 0) {
		new Notice("The triage queue is empty: nothing needs a decision.");
		return null;
	}
	const active = app.workspace.getActiveFile();
	const at = active ? queue.findIndex((i) => i.path === active.path) : -1;
	const next = queue[(at + 1) % queue.length];
	if (!next) return null;
	const file = app.vault.getAbstractFileByPath(next.path);
	if (!(file instanceof TFile)) return null;
	// Active, so the next step starts from this note even when the command ran from the
	// focused sidebar: openFile alone does not move the focus (docs/obsidian-behaviour.md).
	await app.workspace.getLeaf(false).openFile(file, { active: true });
	return file;
}

/** Re-read the queue in every open triage view (settings such as tier order changed). */
export function refreshTriage(context: FeatureContext): void {
	for (const leaf of context.app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)) {
		if (leaf.view instanceof TriageView && leaf.view.triageList) leaf.view.refresh();
	}
}
