/** Every user setting of the plugin and the CLI, with the defaults of docs/reference.md §2–§8. */
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
	/** Folder the NotebookLM export writes into (docs/tables-and-export.md). */
	exportFolder: string;
	/** Vault path of the template note for captured sources; empty = the default note (docs/capture.md). */
	captureTemplate: string;
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
	exportFolder: "NotebookLM",
	captureTemplate: "",
};

/** Settings merged over the defaults, so a partial saved object is always complete (values of the wrong type: the default). */
export function withDefaults(saved: Partial<SourceSettings> | null | undefined): SourceSettings {
	return checkSettings(saved).settings;
}

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string";
const isBoolean: Check = (v) => typeof v === "boolean";
const isStringList: Check = (v) => Array.isArray(v) && v.every((x) => typeof x === "string");
const CHECKS: { readonly [K in keyof SourceSettings]: readonly [Check, string] } = {
	idPrefix: [(v) => typeof v === "string" && v.trim() !== "", "a non-empty text"],
	sourceFolder: [isString, "a text"],
	statuses: [(v) => isStringList(v) && (v as string[]).length > 0, "a non-empty list of texts"],
	tierOrder: [isStringList, "a list of texts"],
	aliasPrefixWords: [(v) => Array.isArray(v) && v.every((x) => Number.isInteger(x) && (x as number) > 0), "a list of whole numbers above 0"],
	autoIntegrate: [isBoolean, "true or false"],
	autoSync: [isBoolean, "true or false"],
	integrationHeading: [isString, "a text"],
	excludedFolders: [isStringList, "a list of texts"],
	timestampsInReadingView: [isBoolean, "true or false"],
	timestampsInLivePreview: [isBoolean, "true or false"],
	maxNoteBytes: [(v) => typeof v === "number" && Number.isFinite(v) && v > 0, "a number above 0"],
	exportFolder: [(v) => typeof v === "string" && v.trim() !== "", "a non-empty text"],
	captureTemplate: [isString, "a text"],
};

/**
 * Saved settings (what `data.json` holds, hand edits included) checked key by key: every
 * known key of the wrong type (or null) is named in `problems` and replaced by its
 * default; unknown keys are ignored. A saved value that is not an object at all is one
 * problem, and the defaults.
 */
export function checkSettings(saved: unknown): { settings: SourceSettings; problems: string[] } {
	const settings: SourceSettings = { ...DEFAULT_SETTINGS };
	if (saved === null || saved === undefined) return { settings, problems: [] };
	if (typeof saved !== "object" || Array.isArray(saved)) return { settings, problems: ["the settings are not an object of keys and values"] };
	const problems: string[] = [];
	const record = saved as Record<string, unknown>;
	for (const key of Object.keys(CHECKS) as (keyof SourceSettings)[]) {
		if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
		const value = record[key];
		const [ok, expected] = CHECKS[key];
		if (ok(value)) (settings as unknown as Record<string, unknown>)[key] = Array.isArray(value) ? [...(value as unknown[])] : value;
		else problems.push(`"${key}" should be ${expected}, not ${JSON.stringify(value) ?? String(value)}`);
	}
	return { settings, problems };
}

/** True when `path` is inside `folder` (vault-relative; empty folder = whole vault). */
export function isInFolder(path: string, folder: string): boolean {
	const f = folder.replace(/^\/+|\/+$/g, "");
	if (f === "") return true;
	return path.startsWith(f + "/");
}

/** Why a note of `size` bytes is not read or written under the `maxNoteBytes` setting. */
export function overLimitMessage(size: number, maxBytes: number): string {
	return `note is ${formatBytes(size)}, over the ${formatBytes(maxBytes)} limit; not read`;
}

export function formatBytes(n: number): string {
	if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
	if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
	return `${n} bytes`;
}
