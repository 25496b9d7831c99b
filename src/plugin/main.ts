/** Source Lifecycle: wiring only. Each line below points at the module that does the work. */
import { MarkdownView, Notice, Plugin, TFolder } from "obsidian";
import { checkSettings, withDefaults, type SourceSettings } from "../core/sources/settings";
import { VaultSourceIndex } from "./index";
import { NoteWriter } from "./writer";
import { SourceSettingsTab } from "./settings-tab";
import { registerValidate } from "./validate";
import { LifecycleActions } from "./lifecycle-actions";
import { registerLifecycleCommands } from "./lifecycle-commands";
import { refreshTriage, registerTriage } from "./triage";
import { registerSync } from "./sync";
import { registerTimestamps } from "./timestamps";
import { registerTables } from "./tables";
import { registerCapture } from "./capture";
import type { FeatureContext } from "./context";

/** How long typing in a recognition setting must pause before the index is re-read. */
export const REBUILD_DELAY_MS = 500;
/** How long typing in a setting must pause before the settings are saved (synced devices see each save). */
export const SAVE_DELAY_MS = 500;

export default class SourceLifecyclePlugin extends Plugin {
	settings: SourceSettings = withDefaults(null);
	sourceIndex!: VaultSourceIndex;
	writer!: NoteWriter;
	lifecycle!: LifecycleActions;

	override async onload(): Promise<void> {
		// Hand-edited settings of the wrong type fall back to their defaults, and the user is told which.
		const saved = checkSettings(await this.loadData());
		this.settings = saved.settings;
		if (saved.problems.length) new Notice(`Source Lifecycle: these saved settings could not be used, so their defaults apply: ${saved.problems.join("; ")}.`, 15000);
		this.sourceIndex = this.addChild(new VaultSourceIndex(this.app, this.settings));
		this.writer = new NoteWriter(this.app, () => this.settings.maxNoteBytes, (file, text) => this.sourceIndex.noteWritten(file.path, text));
		this.register(() => {
			if (this.pendingRebuild !== null) window.clearTimeout(this.pendingRebuild);
			// Typing not yet saved is saved now: nothing the user typed is lost on unload.
			if (this.pendingSave !== null) {
				window.clearTimeout(this.pendingSave);
				this.pendingSave = null;
				void this.saveData(this.settings);
			}
		});
		// A renamed folder that a setting names (source folder, excluded folders) is followed.
		this.registerEvent(
			this.app.vault.on("rename", (file, oldPath) => {
				if (file instanceof TFolder) void this.followFolderRename(oldPath, file.path);
			}),
		);
		this.lifecycle = new LifecycleActions(this.app, () => this.settings, this.writer, (path) => this.sourceIndex.index.getSource(path)?.status);

		// Features receive a FeatureContext (no reference to this class) and register below, one line each.
		const context = this.featureContext();
		this.addSettingTab(new SourceSettingsTab(this.app, context));
		registerTimestamps(context);
		registerLifecycleCommands(context);
		registerTriage(context);
		registerSync(context);
		registerValidate(context);
		registerCapture(context);
		registerTables(context);
	}

	/** What features receive instead of the plugin class. */
	featureContext(): FeatureContext {
		return {
			app: this.app,
			plugin: this,
			sourceIndex: this.sourceIndex,
			writer: this.writer,
			lifecycle: this.lifecycle,
			settings: () => this.settings,
			updateSettings: (patch, typing) => this.updateSettings(patch, typing),
		};
	}

	/** Point the folder settings at a folder's new path (its subfolders too). */
	async followFolderRename(oldPath: string, newPath: string): Promise<void> {
		const moved = (folder: string): string => (folder === oldPath ? newPath : folder.startsWith(oldPath + "/") ? newPath + folder.slice(oldPath.length) : folder);
		const { sourceFolder, excludedFolders } = this.settings;
		const patch: Partial<SourceSettings> = {};
		if (moved(sourceFolder) !== sourceFolder) patch.sourceFolder = moved(sourceFolder);
		const excluded = excludedFolders.map(moved);
		if (excluded.some((f, i) => f !== excludedFolders[i])) patch.excludedFolders = excluded;
		if (Object.keys(patch).length) await this.updateSettings(patch);
	}

	/** A rebuild of the index waiting for the user to stop typing a recognition setting. */
	private pendingRebuild: number | null = null;

	/**
	 * Save a settings change and re-read the index when recognition changed. `typing`: the
	 * change comes from a text field, key by key; the index is re-read once the typing has
	 * paused (REBUILD_DELAY_MS), not for every key (a rebuild of a large vault takes a while,
	 * and half a prefix would briefly make other notes sources).
	 */
	async updateSettings(patch: Partial<SourceSettings>, typing = false): Promise<void> {
		const before = this.settings;
		this.settings = { ...this.settings, ...patch };
		if (this.pendingSave !== null) window.clearTimeout(this.pendingSave);
		this.pendingSave = null;
		if (typing) {
			this.pendingSave = window.setTimeout(() => {
				this.pendingSave = null;
				void this.saveData(this.settings);
			}, SAVE_DELAY_MS);
		} else await this.saveData(this.settings);
		this.settingsChanged(before, typing);
	}

	/** A settings save waiting for the user to stop typing. */
	private pendingSave: number | null = null;

	/**
	 * data.json changed on disk, not through this plugin: Obsidian Sync (or another program)
	 * brought settings from another device. They are applied as a settings change is, and
	 * not saved back (docs/obsidian-behaviour.md).
	 */
	override async onExternalSettingsChange(): Promise<void> {
		const saved = checkSettings(await this.loadData());
		if (this.pendingSave !== null) window.clearTimeout(this.pendingSave);
		this.pendingSave = null;
		const before = this.settings;
		this.settings = saved.settings;
		this.settingsChanged(before, false);
		refreshTriage(this.featureContext());
	}

	/** What follows a settings change: the index, editors and reading views catch up. */
	private settingsChanged(before: SourceSettings, typing: boolean): void {
		const recognition = before.idPrefix !== this.settings.idPrefix || before.sourceFolder !== this.settings.sourceFolder;
		if (recognition || before.excludedFolders !== this.settings.excludedFolders) {
			if (this.pendingRebuild !== null) window.clearTimeout(this.pendingRebuild);
			this.pendingRebuild = null;
			if (typing) {
				this.pendingRebuild = window.setTimeout(() => {
					this.pendingRebuild = null;
					this.sourceIndex.rebuild(this.settings);
				}, REBUILD_DELAY_MS);
			} else this.sourceIndex.rebuild(this.settings);
		}
		// Editors re-run their extensions, so Live Preview seek links appear or go at once.
		if (before.timestampsInLivePreview !== this.settings.timestampsInLivePreview) this.app.workspace.updateOptions();
		// Reading views render again, so their seek links appear or go at once too.
		if (before.timestampsInReadingView !== this.settings.timestampsInReadingView) {
			for (const leaf of this.app.workspace.getLeavesOfType("markdown")) {
				if (leaf.view instanceof MarkdownView) leaf.view.previewMode.rerender(true);
			}
		}
	}
}
