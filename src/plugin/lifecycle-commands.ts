/**
 * Palette commands of the lifecycle (docs/reference.md §8). Each shows only when the active note is
 * a SOURCE note (`checkCallback`), and calls the plugin's LifecycleActions.
 * No default hotkeys: users choose their own.
 */
import type { TFile } from "obsidian";
import { isSourceFrontmatter } from "../core/sources/source";
import type { FeatureContext } from "./context";
import type { LifecycleActions } from "./lifecycle-actions";

interface LifecycleCommand {
	id: string;
	name: string;
	run: (actions: LifecycleActions, file: TFile) => unknown;
}

const COMMANDS: LifecycleCommand[] = [
	{ id: "set-status", name: "Set status of current source…", run: (a, f) => a.pickStatus(f) },
	{ id: "start-source", name: "Start working on source", run: (a, f) => a.start(f) },
	{ id: "mark-integrated", name: "Mark source as integrated", run: (a, f) => a.markIntegrated(f) },
	{ id: "archive-source", name: "Archive source", run: (a, f) => a.archive(f) },
	{ id: "reopen-source", name: "Reopen source", run: (a, f) => a.reopen(f) },
	{ id: "integrate-into-note", name: "Integrate current source into note…", run: (a, f) => a.pickAndIntegrate(f) },
];

/** The active note when it is a SOURCE note (index first; metadata cache before the index is built). */
export function activeSource(context: FeatureContext): TFile | null {
	const file = context.app.workspace.getActiveFile();
	if (!file || file.extension !== "md") return null;
	if (context.sourceIndex.index.getSource(file.path)) return file;
	const fm = context.app.metadataCache.getFileCache(file)?.frontmatter;
	return isSourceFrontmatter(file.path, fm, context.settings()) ? file : null;
}

export function registerLifecycleCommands(context: FeatureContext): void {
	for (const command of COMMANDS) {
		context.plugin.addCommand({
			id: command.id,
			name: command.name,
			checkCallback: (checking) => {
				const file = activeSource(context);
				if (!file) return false;
				if (!checking) void command.run(context.lifecycle, file);
				return true;
			},
		});
	}
}
