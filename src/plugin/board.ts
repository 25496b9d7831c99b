/**
 * The board's wiring (docs/board.md): the view in the main area and the command "Open source
 * board" (no default hotkey). The plugin keeps no reference to the view; an open board is
 * looked up and revealed when the command runs again.
 */
import type { WorkspaceLeaf } from "obsidian";
import { BOARD_VIEW_TYPE, BoardView } from "../ui/board/board-view";
import type { FeatureContext } from "./context";

export function registerBoard(context: FeatureContext): void {
	const { plugin } = context;
	plugin.registerView(BOARD_VIEW_TYPE, (leaf: WorkspaceLeaf) => new BoardView(leaf, context));
	plugin.addCommand({ id: "open-source-board", name: "Open source board", callback: () => openBoard(context) });
}

/** Reveal the open board, or open one in a new tab of the main area. */
export async function openBoard(context: FeatureContext): Promise<void> {
	const workspace = context.app.workspace;
	let leaf = workspace.getLeavesOfType(BOARD_VIEW_TYPE)[0];
	if (!leaf) {
		leaf = workspace.getLeaf("tab");
		await leaf.setViewState({ type: BOARD_VIEW_TYPE, active: true });
	}
	await leaf.loadIfDeferred();
	await workspace.revealLeaf(leaf);
	const view = leaf.view;
	if (view instanceof BoardView) view.boardColumns?.el.focus();
}
