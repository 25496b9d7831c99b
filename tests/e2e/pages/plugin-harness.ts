/**
 * The real plugin on the obsidian mock, in a browser page: loaded over the mock app's vault
 * (kept indexed as notes are written), and a view it opens by command mounted into the page.
 */
import type { App, TFile } from "../../__mocks__/obsidian";
import SourceLifecyclePlugin from "../../../src/plugin/main";

/** Index the vault, keep it indexed on every write, and load the plugin. */
export async function loadPlugin(app: App): Promise<SourceLifecyclePlugin> {
	app.metadataCache.indexAll();
	app.vault.on("modify", (f: TFile) => app.metadataCache.indexFile(f.path));
	const manifest = { id: "source-lifecycle", name: "Source Lifecycle", version: "0.0.0", minAppVersion: "1.7.2", description: "", author: "" };
	const plugin = new SourceLifecyclePlugin(app as never, manifest);
	(plugin as unknown as { _loaded: boolean })._loaded = true;
	await plugin.onload();
	return plugin;
}

interface MountableView {
	containerEl: HTMLElement;
	contentEl: HTMLElement;
	refresh(): void;
}

/** Run the command that opens a view of `viewType`, mount that view into `parent` and render it. */
export async function openView<V extends MountableView>(app: App, plugin: SourceLifecyclePlugin, command: string, viewType: string, parent: HTMLElement): Promise<V> {
	await (plugin as unknown as { commands: Map<string, { callback: () => Promise<void> }> }).commands.get(command)?.callback();
	const view = app.workspace.getLeavesOfType(viewType)[0]?.view as unknown as V;
	view.containerEl.addClass("view-container");
	view.contentEl.addClass("view-content");
	parent.appendChild(view.containerEl);
	view.refresh();
	return view;
}
