import { cleanAlias, fillAliases, generatedAliases, mainTitle, stripTrailingPunctuation } from "../../../src/core/sources/aliases";

const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";

/** Linter-style examples: each one documents a rule and tests it. */
interface Example {
	rule: string;
	title: string | null;
	path?: string;
	existing?: string[];
	prefixWords?: number[];
	/** The whole aliases list after filling. */
	after: string[];
}

const EXAMPLES: Example[] = [
	{
		rule: "adds 4- and 6-word prefixes of the title, as the seed note has, then the full and the main title",
		title: SEED_TITLE,
		path: "Sources/SOURCE-20251128-973.md",
		after: [
			"How OpenAI Builds for",
			"How OpenAI Builds for 800 Million",
			SEED_TITLE,
			"How OpenAI Builds for 800 Million Weekly Users",
		],
	},
	{
		rule: "keeps the seed's own aliases first and adds only what is missing",
		title: SEED_TITLE,
		path: "Sources/How OpenAI Builds for 800 Million Weekly Users.md",
		existing: ["How OpenAI Builds for", "How OpenAI Builds for 800 Million"],
		after: ["How OpenAI Builds for", "How OpenAI Builds for 800 Million", SEED_TITLE],
	},
	{
		rule: "compares existing aliases case-insensitively and never removes or rewrites them",
		title: "Deep Work Rules For Focused Success In A Distracted World",
		path: "x.md",
		existing: ["my own", "DEEP WORK RULES FOR", "deep work rules for focused success in a distracted world"],
		after: ["my own", "DEEP WORK RULES FOR", "deep work rules for focused success in a distracted world", "Deep Work Rules For Focused Success"],
	},
	{
		rule: "makes a prefix only when the title has more words than it",
		title: "One two three four",
		path: "x.md",
		after: ["One two three four"],
	},
	{
		rule: "makes the 4-word prefix but not the 6-word one for a 5-word title",
		title: "One two three four five",
		path: "x.md",
		after: ["One two three four", "One two three four five"],
	},
	{
		rule: "skips the full title when it equals the basename, ignoring case",
		title: "Short talk",
		path: "Folder/short TALK.md",
		after: [],
	},
	{
		rule: "skips the main title when it equals the basename, but still adds the full title",
		title: "Atomic Habits: Tiny Changes",
		path: "Books/Atomic Habits.md",
		after: ["Atomic Habits: Tiny Changes"],
	},
	{
		rule: "cuts the main title at the first of `: `, ` | ` and ` - `",
		title: "Alpha - Beta: Gamma | Delta",
		path: "x.md",
		after: ["Alpha - Beta: Gamma", "Alpha - Beta: Gamma Delta", "Alpha"],
	},
	{
		rule: "cuts at ` | ` when it comes first, and removes the bar from the full title",
		title: "Lex Fridman | Podcast #400",
		path: "x.md",
		after: ["Lex Fridman Podcast 400", "Lex Fridman"],
	},
	{
		rule: "does not cut at a hyphen inside a word or a colon without a space",
		title: "Fine-Tuning 10:30 Session",
		path: "x.md",
		after: ["Fine-Tuning 10:30 Session"],
	},
	{
		rule: "removes link-breaking characters [ ] | # ^ from every alias",
		title: "The [Best] #1 ^Talk on AI Safety Today",
		path: "x.md",
		after: ["The Best 1 Talk", "The Best 1 Talk on AI", "The Best 1 Talk on AI Safety Today"],
	},
	{
		rule: "removes trailing punctuation from prefixes and titles",
		title: "Why, oh why, does it fail? Again!",
		path: "x.md",
		after: ["Why, oh why, does", "Why, oh why, does it fail", "Why, oh why, does it fail? Again"],
	},
	{
		rule: "removes the colon a prefix ends with",
		title: "AI Engineering Explained: Models, Data, Evals",
		path: "x.md",
		prefixWords: [3],
		after: ["AI Engineering Explained", "AI Engineering Explained: Models, Data, Evals"],
	},
	{
		rule: "keeps a closing bracket or quote that is balanced",
		title: 'The "Bitter Lesson" (2019)',
		path: "x.md",
		prefixWords: [3],
		after: ['The "Bitter Lesson"', 'The "Bitter Lesson" (2019)'],
	},
	{
		rule: "drops an unbalanced trailing quote or bracket",
		title: 'He said "stop" now (maybe later) ok',
		path: "x.md",
		prefixWords: [2, 5],
		after: ["He said", 'He said "stop" now (maybe', 'He said "stop" now (maybe later) ok'],
	},
	{
		rule: "drops empty results and never adds the same alias twice",
		title: "||| ### : ...",
		path: "x.md",
		after: [],
	},
	{
		rule: "adds no duplicates among generated aliases (prefix equal to the main title)",
		title: "Four Words Main Title: and a subtitle",
		path: "x.md",
		after: ["Four Words Main Title", "Four Words Main Title: and a", "Four Words Main Title: and a subtitle"],
	},
	{
		rule: "follows the configured prefix lengths, in their order",
		title: "a b c d e f g h",
		path: "x.md",
		prefixWords: [2, 7, 0, -1],
		after: ["a b", "a b c d e f g", "a b c d e f g h"],
	},
	{
		rule: "folds runs of whitespace to one space",
		title: "  Spaced   out\ttitle  here now ",
		path: "x.md",
		after: ["Spaced out title here", "Spaced out title here now"],
	},
	{
		rule: "compares Unicode aliases in one normal form (a decomposed é equals a composed one)",
		title: "Caf\u00e9 Talk",
		path: "x.md",
		existing: ["cafe\u0301 talk"],
		after: ["cafe\u0301 talk"],
	},
	{
		rule: "adds nothing for a source without a title",
		title: null,
		path: "x.md",
		existing: ["kept"],
		after: ["kept"],
	},
];

describe("aliases (docs/reference.md §4)", () => {
	it.each(EXAMPLES)("$rule", ({ title, path, existing, prefixWords, after }) => {
		const before = existing ?? [];
		const out = fillAliases(before, title, path ?? "x.md", prefixWords ?? [4, 6]);
		expect(out).toEqual(after);
		expect(out.slice(0, before.length)).toEqual(before);
		// Filling again adds nothing: the rule is idempotent.
		expect(fillAliases(out, title, path ?? "x.md", prefixWords ?? [4, 6])).toEqual(out);
	});

	it("returns the existing list unchanged when nothing is missing", () => {
		const existing = ["How OpenAI Builds for", "How OpenAI Builds for 800 Million", SEED_TITLE, "How OpenAI Builds for 800 Million Weekly Users"];
		expect(fillAliases(existing, SEED_TITLE, "seed.md", [4, 6])).toEqual(existing);
	});

	it.each([
		["Title: subtitle", "Title"],
		["A | B: C", "A"],
		["A - B | C", "A"],
		["No separator", "No separator"],
		["Trailing:", "Trailing:"],
	])("main title of %j is %j", (title, main) => {
		expect(mainTitle(title)).toBe(main);
	});

	it.each([
		["Hello, world...", "Hello, world"],
		["Who? ", "Who"],
		["Range —", "Range"],
		["Quote 'x'", "Quote 'x'"],
		["Open (", "Open"],
		["Done (1)", "Done (1)"],
		["Stray)", "Stray"],
		["", ""],
	])("strips trailing punctuation of %j to %j", (text, out) => {
		expect(stripTrailingPunctuation(text)).toBe(out);
	});

	it("cleans link-breaking characters, then spaces, then trailing punctuation", () => {
		expect(cleanAlias("[[Note|x]] #tag ^block.")).toBe("Note x tag block");
	});

	it("generates nothing for a blank title", () => {
		expect(generatedAliases("   ", "x", [4, 6])).toEqual([]);
	});
});
