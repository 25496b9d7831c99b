/** The settings tab: one control per setting of SPEC §2–§8, sentence-case names. */
import { PluginSettingTab, Setting, type App } from "obsidian";
import type SourceLifecyclePlugin from "./main";
import { DEFAULT_SETTINGS, type SourceSettings } from "../core/settings";

function listText(list: readonly (string | number)[]): string {
	return list.join(", ");
}

function parseList(text: string): string[] {
	return text
		.split(",")
		.map((s) => s.trim())
		.filter((s) => s !== "");
}

// Not the declarative getSettingDefinitions() API: it needs Obsidian 1.13 and minAppVersion is 1.7.2.
export class SourceSettingsTab extends PluginSettingTab {
	constructor(
		app: App,
		private plugin: SourceLifecyclePlugin,
	) {
		super(app, plugin);
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const s = this.plugin.settings;
		const save = (patch: Partial<SourceSettings>) => this.plugin.updateSettings(patch);

		new Setting(containerEl).setName("Recognition").setHeading();
		new Setting(containerEl)
			.setName("Source ID prefix")
			.setDesc("A note is a source note when its frontmatter ID starts with this.")
			.addText((t) => t.setPlaceholder(DEFAULT_SETTINGS.idPrefix).setValue(s.idPrefix).onChange((v) => save({ idPrefix: v.trim() || "SOURCE-" })));
		new Setting(containerEl)
			.setName("Source folder")
			.setDesc("Only notes in this folder are source notes. Leave empty for the whole vault.")
			.addText((t) => t.setPlaceholder("Sources").setValue(s.sourceFolder).onChange((v) => save({ sourceFolder: v.trim().replace(/^\/+|\/+$/g, "") })));

		new Setting(containerEl).setName("Lifecycle").setHeading();
		new Setting(containerEl)
			.setName("Statuses")
			.setDesc("Comma-separated, in display order. The first is the status a reopened source gets.")
			.addText((t) => t.setValue(listText(s.statuses)).onChange((v) => {
				const list = parseList(v);
				if (list.length) void save({ statuses: list });
			}));
		new Setting(containerEl)
			.setName("Auto-integrate")
			.setDesc("Mark a raw or in-progress source as integrated when a note first links to it.")
			.addToggle((t) => t.setValue(s.autoIntegrate).onChange((v) => save({ autoIntegrate: v })));
		new Setting(containerEl)
			.setName("Integration heading")
			.setDesc("Heading under which integrate into note appends the source link. Created when missing.")
			.addText((t) => t.setValue(s.integrationHeading).onChange((v) => save({ integrationHeading: v.trim() || "## Sources" })));

		new Setting(containerEl).setName("Triage").setHeading();
		new Setting(containerEl)
			.setName("Signal tier order")
			.setDesc("Comma-separated, most important first. Used to sort the triage queue.")
			.addText((t) => t.setValue(listText(s.tierOrder)).onChange((v) => save({ tierOrder: parseList(v) })));

		new Setting(containerEl).setName("Aliases and integrated notes").setHeading();
		new Setting(containerEl)
			.setName("Alias prefix lengths")
			.setDesc("Word counts of the title prefixes added as aliases, comma-separated.")
			.addText((t) => t.setValue(listText(s.aliasPrefixWords)).onChange((v) => {
				const nums = parseList(v).map(Number).filter((n) => Number.isInteger(n) && n > 0);
				void save({ aliasPrefixWords: nums });
			}));
		new Setting(containerEl)
			.setName("Sync automatically")
			.setDesc("Fill aliases and integrated notes when links change.")
			.addToggle((t) => t.setValue(s.autoSync).onChange((v) => save({ autoSync: v })));
		new Setting(containerEl)
			.setName("Excluded folders")
			.setDesc("Notes in these folders never count as integrating notes, such as an inbox of reading lists. Comma-separated.")
			.addText((t) => t.setValue(listText(s.excludedFolders)).onChange((v) => save({ excludedFolders: parseList(v).map((f) => f.replace(/^\/+|\/+$/g, "")) })));

		new Setting(containerEl).setName("Timestamps").setHeading();
		new Setting(containerEl)
			.setName("Seek links in reading view")
			.addToggle((t) => t.setValue(s.timestampsInReadingView).onChange((v) => save({ timestampsInReadingView: v })));
		new Setting(containerEl)
			.setName("Seek links in live preview")
			.addToggle((t) => t.setValue(s.timestampsInLivePreview).onChange((v) => save({ timestampsInLivePreview: v })));

		new Setting(containerEl).setName("Safety").setHeading();
		new Setting(containerEl)
			.setName("Maximum note size in megabytes")
			.setDesc("Larger notes are never read or written by this plugin.")
			.addText((t) => t.setValue(String(s.maxNoteBytes / 1024 / 1024)).onChange((v) => {
				const mb = Number(v);
				if (Number.isFinite(mb) && mb > 0) void save({ maxNoteBytes: Math.round(mb * 1024 * 1024) });
			}));
	}
}
