/**
 * What a feature of the plugin receives: the index, the one writer, the lifecycle actions
 * and the settings — never the plugin class, so no feature imports `main.ts` (no import
 * circle). `plugin` is there only to register views, commands and events, whose lifetime
 * Obsidian ties to the plugin.
 */
import type { App, Plugin } from "obsidian";
import type { SourceSettings } from "../core/sources/settings";
import type { VaultSourceIndex } from "./index";
import type { NoteWriter } from "./writer";
import type { LifecycleActions } from "./lifecycle-actions";

export interface FeatureContext {
	readonly app: App;
	/** For registerView, addCommand, registerEvent…: Obsidian unloads them with the plugin. */
	readonly plugin: Plugin;
	readonly sourceIndex: VaultSourceIndex;
	readonly writer: NoteWriter;
	readonly lifecycle: LifecycleActions;
	/** The current settings (read each time: they change while the plugin runs). */
	settings(): SourceSettings;
	/** Save a settings change; `typing`: from a text field, key by key. */
	updateSettings(patch: Partial<SourceSettings>, typing?: boolean): Promise<void>;
}
