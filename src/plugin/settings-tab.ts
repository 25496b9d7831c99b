/**
 * The settings tab: one control per setting of docs/reference.md §2–§8 (every field of
 * `SourceSettings`), sentence-case names, defaults shown as placeholders. Typed text is
 * parsed by `core/settings-input`; refused text is marked and its reason shown under the
 * setting, and nothing is saved until it is fixed.
 */
import { PluginSettingTab, Setting, type App, type TextComponent } from "obsidian";
import { DEFAULT_SETTINGS, type SourceSettings } from "../core/sources/settings";
import {
	listText,
	megabytesText,
	parseAliasPrefixWords,
	parseExportFolder,
	parseFolder,
	parseFolders,
	parseIdPrefix,
	parseIntegrationHeading,
	parseMaxNoteMegabytes,
	parseStatuses,
	parseTemplatePath,
	parseTierOrder,
	type Parsed,
} from "../core/sources/settings-input";
import { refreshTriage } from "./triage";
import type { FeatureContext } from "./context";

interface TextSetting<T> {
	name: string;
	desc: string;
	value: string;
	placeholder: string;
	parse: (text: string) => Parsed<T>;
	save: (value: T) => Promise<void>;
}

// Not the declarative getSettingDefinitions() API: it needs Obsidian 1.13 and minAppVersion is 1.7.2.
export class SourceSettingsTab extends PluginSettingTab {
	constructor(
		app: App,
		private context: FeatureContext,
	) {
		super(app, context.plugin);
	}

	display(): void {
		const { containerEl } = this;
		containerEl.empty();
		const s = this.context.settings();
		const d = DEFAULT_SETTINGS;
		// Text fields save once typing pauses (`typing`); toggles save at once.
		const save = async (patch: Partial<SourceSettings>, typing = true) => {
			await this.context.updateSettings(patch, typing);
			refreshTriage(this.context);
		};

		new Setting(containerEl).setName("Recognition").setHeading();
		this.text(containerEl, {
			name: "Source ID prefix",
			desc: "A note is a source note when its frontmatter ID starts with this.",
			value: s.idPrefix,
			placeholder: d.idPrefix,
			parse: parseIdPrefix,
			save: (v) => save({ idPrefix: v }),
		});
		this.text(containerEl, {
			name: "Source folder",
			desc: "Only notes in this folder are source notes. Leave empty for the whole vault.",
			value: s.sourceFolder,
			placeholder: "Sources",
			parse: parseFolder,
			save: (v) => save({ sourceFolder: v }),
		});

		new Setting(containerEl).setName("Lifecycle").setHeading();
		this.text(containerEl, {
			name: "Statuses",
			desc: "Comma-separated, in display order. A source is reopened to raw, or to the first status when raw is not listed. Integrated and archived are the statuses that end a source's time in the triage queue.",
			value: listText(s.statuses),
			placeholder: listText(d.statuses),
			parse: parseStatuses,
			save: (v) => save({ statuses: v }),
		});
		new Setting(containerEl)
			.setName("Auto-integrate")
			.setDesc("When a sync (a command, or automatic) finds the first note that links to a raw or in-progress source, mark the source as integrated.")
			.addToggle((t) => t.setValue(s.autoIntegrate).onChange((v) => save({ autoIntegrate: v }, false)));
		this.text(containerEl, {
			name: "Integration heading",
			desc: "Heading under which integrate into note appends the source link. Created when missing.",
			value: s.integrationHeading,
			placeholder: d.integrationHeading,
			parse: parseIntegrationHeading,
			save: (v) => save({ integrationHeading: v }),
		});

		new Setting(containerEl).setName("Triage queue").setHeading();
		this.text(containerEl, {
			name: "Signal tier order",
			desc: "Comma-separated, most important first. Sorts the triage queue; other tiers come after these.",
			value: listText(s.tierOrder),
			placeholder: listText(d.tierOrder),
			parse: parseTierOrder,
			save: (v) => save({ tierOrder: v }),
		});

		new Setting(containerEl).setName("Aliases and integrated notes").setHeading();
		this.text(containerEl, {
			name: "Alias prefix lengths",
			desc: "Word counts of the title prefixes added as aliases, comma-separated. Leave empty for none.",
			value: listText(s.aliasPrefixWords),
			placeholder: listText(d.aliasPrefixWords),
			parse: parseAliasPrefixWords,
			save: (v) => save({ aliasPrefixWords: v }),
		});
		new Setting(containerEl)
			.setName("Sync automatically")
			.setDesc("Fill aliases and integrated notes when links or a source change. The note you are editing is synced once you leave it.")
			.addToggle((t) => t.setValue(s.autoSync).onChange((v) => save({ autoSync: v }, false)));
		this.text(containerEl, {
			name: "Excluded folders",
			desc: "Notes in these folders never count as integrating notes, such as an inbox of reading lists. Comma-separated.",
			value: listText(s.excludedFolders),
			placeholder: "Inbox, Templates",
			parse: parseFolders,
			save: (v) => save({ excludedFolders: v }),
		});

		new Setting(containerEl).setName("Timestamps").setHeading();
		new Setting(containerEl)
			.setName("Seek links in reading view")
			.setDesc("Show timestamps of notes with a video as links that open the video at that time.")
			.addToggle((t) => t.setValue(s.timestampsInReadingView).onChange((v) => save({ timestampsInReadingView: v }, false)));
		new Setting(containerEl)
			.setName("Seek links in live preview")
			.setDesc("The same links while editing in live preview.")
			.addToggle((t) => t.setValue(s.timestampsInLivePreview).onChange((v) => save({ timestampsInLivePreview: v }, false)));

		new Setting(containerEl).setName("NotebookLM export").setHeading();
		this.text(containerEl, {
			name: "Export folder",
			desc: "Export sources for NotebookLM writes one file per category here, and overwrites only files it wrote itself.",
			value: s.exportFolder,
			placeholder: d.exportFolder,
			parse: parseExportFolder,
			save: (v) => save({ exportFolder: v }),
		});

		new Setting(containerEl).setName("New sources").setHeading();
		this.text(containerEl, {
			name: "Template note for new sources",
			desc: "The note new source from URL fills instead of the default note: {{id}}, {{title}}, {{url}}, {{videoId}}, {{creator}}, {{date_published}}, {{today}}, {{timestamps}}, {{description}}. Leave empty for the default note. New sources go to the source folder.",
			value: s.captureTemplate,
			placeholder: "Templates/Source.md",
			parse: parseTemplatePath,
			save: (v) => save({ captureTemplate: v }),
		});

		new Setting(containerEl).setName("Safety").setHeading();
		this.text(containerEl, {
			name: "Maximum note size in megabytes",
			desc: "Larger notes are never read or written by this plugin.",
			value: megabytesText(s.maxNoteBytes),
			placeholder: megabytesText(d.maxNoteBytes),
			parse: parseMaxNoteMegabytes,
			save: (v) => save({ maxNoteBytes: v }),
		});
	}

	/** A text setting that saves only text its parser accepts, and says why it refused. */
	private text<T>(containerEl: HTMLElement, spec: TextSetting<T>): Setting {
		const setting = new Setting(containerEl).setName(spec.name).setDesc(spec.desc);
		const error = setting.descEl.createDiv({ cls: "source-lifecycle-setting-error" });
		setting.addText((t: TextComponent) =>
			t
				.setPlaceholder(spec.placeholder)
				.setValue(spec.value)
				.onChange(async (text) => {
					const parsed = spec.parse(text);
					t.inputEl.toggleClass("source-lifecycle-invalid", !parsed.ok);
					t.inputEl.setAttr("aria-invalid", parsed.ok ? null : "true");
					error.setText(parsed.ok ? "" : parsed.message);
					if (parsed.ok) await spec.save(parsed.value);
				}),
		);
		return setting;
	}
}
