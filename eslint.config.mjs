// Lint: eslint-plugin-obsidianmd's recommended config (Obsidian's plugin guidelines),
// plus the core boundary: src/core imports no obsidian, no Node, no CodeMirror.
import { defineConfig, globalIgnores } from "eslint/config";
import obsidianmd from "eslint-plugin-obsidianmd";
import globals from "globals";
import { DEFAULT_BRANDS } from "eslint-plugin-obsidianmd/dist/lib/rules/ui/brands.js";

export default defineConfig([
	globalIgnores([
		"node_modules/**",
		"main.js",
		"dist/**",
		"test-results/**",
		"demo-vault/**",
		"coverage/**",
		"bench/.vault*/**",
		"tests/e2e/.build/**",
		"tests/fixtures/obsidian-oracle/**",
		"package-lock.json",
	]),
	...obsidianmd.configs.recommended,
	{
		languageOptions: {
			parserOptions: {
				projectService: true,
				tsconfigRootDir: import.meta.dirname,
			},
		},
	},
	{
		files: ["src/core/**/*.ts"],
		rules: {
			"no-restricted-imports": [
				"error",
				{
					patterns: [
						{ group: ["obsidian"], message: "src/core is pure: no obsidian." },
						{ group: ["fs", "fs/*", "path", "node:*", "child_process", "os"], message: "src/core is pure: no Node built-ins." },
						{ group: ["@codemirror/*", "@lezer/*"], message: "src/core is pure: no CodeMirror." },
					],
				},
			],
		},
	},
	{
		// Product names our UI text names, kept in their own casing by the sentence-case rule.
		files: ["src/**/*.ts"],
		rules: { "obsidianmd/ui/sentence-case": ["warn", { brands: [...DEFAULT_BRANDS, "NotebookLM"] }] },
	},
	{
		// Note text never becomes HTML (docs/reference.md §6): no innerHTML & co. at all, not even static strings.
		files: ["src/**/*.ts"],
		rules: {
			"@microsoft/sdl/no-inner-html": "error",
			"no-restricted-properties": [
				"error",
				{ property: "innerHTML", message: "Build DOM with createEl/createDiv/setText; never innerHTML (docs/reference.md §6)." },
				{ property: "outerHTML", message: "Build DOM with createEl/createDiv/setText; never outerHTML (docs/reference.md §6)." },
				{ property: "insertAdjacentHTML", message: "Build DOM with createEl/createDiv/setText; never insertAdjacentHTML (docs/reference.md §6)." },
				{ property: "createContextualFragment", message: "Never parse HTML from strings (docs/reference.md §6)." },
				{ object: "document", property: "write", message: "Never document.write (docs/reference.md §6)." },
			],
		},
	},
	{
		// The CLI, the bench and the tests run in Node, not in Obsidian.
		files: ["src/cli/**/*.ts", "tests/**/*.{ts,mjs,cjs}", "bench/**/*.{ts,mjs}", "scripts/**/*.{mjs,cjs}", "*.mjs", "*.cjs"],
		languageOptions: { globals: { ...globals.node } },
		rules: {
			"obsidianmd/no-nodejs-modules": "off",
			"obsidianmd/prefer-window-timers": "off",
			"obsidianmd/no-global-this": "off",
			// Node's fetch is the CLI's HTTP client: requestUrl exists only inside Obsidian.
			"no-restricted-globals": "off",
			"import/no-extraneous-dependencies": "off",
			"no-console": "off",
			"obsidianmd/rule-custom-message": "off",
			"obsidianmd/hardcoded-config-path": "off",
			"obsidianmd/no-tfile-tfolder-cast": "off",
			"obsidianmd/prefer-file-manager-trash-file": "off",
			"obsidianmd/ui/sentence-case": "off",
		},
	},
	{
		// CommonJS scripts load their modules with require().
		files: ["**/*.cjs"],
		rules: { "@typescript-eslint/no-require-imports": "off" },
	},
	{
		files: ["tests/**/*.ts"],
		languageOptions: { globals: { ...globals.jest, ...globals.browser } },
		rules: {
			"obsidianmd/prefer-create-el": "off",
			"@typescript-eslint/no-explicit-any": "off",
			"@typescript-eslint/no-unsafe-assignment": "off",
			"@typescript-eslint/no-unsafe-member-access": "off",
			"@typescript-eslint/no-unsafe-call": "off",
			"@typescript-eslint/no-unsafe-argument": "off",
			"@typescript-eslint/no-unsafe-return": "off",
			"@typescript-eslint/require-await": "off",
			"@typescript-eslint/no-require-imports": "off",
			"@typescript-eslint/no-non-null-assertion": "off",
			"@typescript-eslint/unbound-method": "off",
			"@typescript-eslint/no-floating-promises": "off",
			"obsidianmd/no-static-styles-assignment": "off",
		},
	},
]);
