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
		["excludedFolders", "Inbox", "a list of texts"],
		["excludedFolders", [1], "a list of texts"],
		["statuses", null, "a non-empty list of texts"],
		["statuses", [], "a non-empty list of texts"],
		["idPrefix", "  ", "a non-empty text"],
		["idPrefix", 7, "a non-empty text"],
		["aliasPrefixWords", [4, 0], "a list of whole numbers above 0"],
		["aliasPrefixWords", [1.5], "a list of whole numbers above 0"],
		["autoIntegrate", "yes", "true or false"],
		["maxNoteBytes", -1, "a number above 0"],
		["maxNoteBytes", "20MB", "a number above 0"],
		["tierOrder", { a: 1 }, "a list of texts"],
	])("refuses %s = %j (the default is used, the key is named)", (key, value, expected) => {
		const r = checkSettings({ [key]: value, autoSync: true });
		expect(r.problems).toEqual([`"${key}" should be ${expected}, not ${JSON.stringify(value)}`]);
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
