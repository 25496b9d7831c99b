/** Build the real plugin on the obsidian mock, with notes, as Obsidian would load it. */
import { App } from "../__mocks__/obsidian";
import SourceLifecyclePlugin from "../../src/plugin/main";
import manifestJson from "../../manifest.json";

export async function loadPlugin(notes: Record<string, string>, saved: unknown = null): Promise<{ app: App; plugin: SourceLifecyclePlugin }> {
	const app = new App();
	for (const [path, text] of Object.entries(notes)) app.vault.addFile(path, text);
	app.metadataCache.indexAll();
	const plugin = new SourceLifecyclePlugin(app as any, manifestJson);
	(plugin as any).savedData = saved;
	// As Obsidian's Component.load(): loaded first, so children added in onload load at once.
	(plugin as any)._loaded = true;
	await plugin.onload();
	return { app, plugin };
}
