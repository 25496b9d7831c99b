/** Every user setting of the plugin and the CLI, with the defaults of SPEC §2–§8. */
export interface SourceSettings {
	/** A note is a SOURCE note when its frontmatter `id` starts with this. */
	idPrefix: string;
	/** Restrict recognition to this folder (vault-relative, no trailing `/`); empty = whole vault. */
	sourceFolder: string;
	/** Lifecycle statuses; order matters for display. */
	statuses: string[];
	/** Signal tiers, most important first (triage sort). */
	tierOrder: string[];
	/** Word counts of the title prefixes generated as aliases. */
	aliasPrefixWords: number[];
	/** Move raw/in_progress sources to integrated when they gain their first integrating note. */
	autoIntegrate: boolean;
	/** Sync aliases and integrated_into automatically when links change. */
	autoSync: boolean;
	/** Heading under which "Integrate into note…" appends the source link. */
	integrationHeading: string;
	/** Folders whose notes never count as integrating notes (e.g. an `Inbox`). */
	excludedFolders: string[];
	/** Timestamp links in reading view. */
	timestampsInReadingView: boolean;
	/** Timestamp links in Live Preview. */
	timestampsInLivePreview: boolean;
	/** Notes larger than this many bytes are refused with a clear message. */
	maxNoteBytes: number;
}

export const DEFAULT_SETTINGS: SourceSettings = {
	idPrefix: "SOURCE-",
	sourceFolder: "",
	statuses: ["raw", "in_progress", "integrated", "archived"],
	tierOrder: ["paradigm", "high", "medium", "low"],
	aliasPrefixWords: [4, 6],
	autoIntegrate: true,
	autoSync: false,
	integrationHeading: "## Sources",
	excludedFolders: [],
	timestampsInReadingView: true,
	timestampsInLivePreview: true,
	maxNoteBytes: 20 * 1024 * 1024,
};

/** Settings merged over the defaults, so a partial saved object is always complete. */
export function withDefaults(saved: Partial<SourceSettings> | null | undefined): SourceSettings {
	return { ...DEFAULT_SETTINGS, ...(saved ?? {}) };
}

/** True when `path` is inside `folder` (vault-relative; empty folder = whole vault). */
export function isInFolder(path: string, folder: string): boolean {
	const f = folder.replace(/^\/+|\/+$/g, "");
	if (f === "") return true;
	return path.startsWith(f + "/");
}
