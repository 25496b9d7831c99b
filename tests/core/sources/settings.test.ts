/** Saved settings as data.json holds them, hand edits included: checked key by key. */
import { checkSettings, DEFAULT_SETTINGS, withDefaults } from "../../../src/core/sources/settings";

describe("checkSettings", () => {
	it.each([
		["nothing saved", null],
		["an empty object", {}],
	])("gives the defaults and no problem for %s", (_what, saved) => {
		expect(checkSettings(saved)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
	});

	it("keeps every valid saved value and ignores unknown keys", () => {
		const saved = { idPrefix: "SRC-", excludedFolders: ["Inbox"], aliasPrefixWords: [3], autoSync: true, maxNoteBytes: 1024, someday: 1 };
		const r = checkSettings(saved);
		expect(r.problems).toEqual([]);
		expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, idPrefix: "SRC-", excludedFolders: ["Inbox"], aliasPrefixWords: [3], autoSync: true, maxNoteBytes: 1024 });
		expect(r.settings).not.toHaveProperty("someday");
		// A copy: editing the saved list later changes nothing.
		saved.excludedFolders.push("Other");
		expect(r.settings.excludedFolders).toEqual(["Inbox"]);
	});

	it.each([
		["excludedFolders", "Inbox", "a list of texts", "a text"],
		["excludedFolders", [1], "a list of texts", "a list of whole numbers"],
		["statuses", null, "a non-empty list of texts", "null"],
		["statuses", [], "a non-empty list of texts", "an empty list"],
		["idPrefix", "  ", "a non-empty text", "an empty text"],
		["idPrefix", 7, "a non-empty text", "a whole number"],
		["aliasPrefixWords", [4, 0], "a list of whole numbers above 0", "a list holding a number below 1 or with decimals"],
		["aliasPrefixWords", [1.5], "a list of whole numbers above 0", "a list holding a number below 1 or with decimals"],
		["autoIntegrate", "yes", "true or false", "a text"],
		["maxNoteBytes", -1, "a number above 0", "a number below 1 or with decimals"],
		["maxNoteBytes", "20MB", "a number above 0", "a text"],
		["tierOrder", { a: 1 }, "a list of texts", "a map of keys"],
	])("refuses %s = %j (the default is used, the key is named, the value only by its kind)", (key, value, expected, kind) => {
		const r = checkSettings({ [key]: value, autoSync: true });
		expect(r.problems).toEqual([`"${key}" should be ${expected}, not ${kind}`]);
		expect(r.settings).toEqual({ ...DEFAULT_SETTINGS, autoSync: true });
	});

	it.each([["a list", [1, 2]], ["a text", "x"], ["a number", 3]])("refuses settings that are %s, not an object", (_what, saved) => {
		const r = checkSettings(saved);
		expect(r.problems).toEqual(["the settings are not an object of keys and values"]);
		expect(r.settings).toEqual(DEFAULT_SETTINGS);
	});

	it("withDefaults never lets a wrong type through", () => {
		expect(withDefaults({ excludedFolders: "Inbox" as unknown as string[] }).excludedFolders).toEqual([]);
	});
});
