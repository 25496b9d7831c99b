/** Unit, adapter, CLI, conformance and property tests (docs/architecture.md (test layers) layers 1, 2, 3, 5, 6). */
module.exports = {
	testEnvironment: "node",
	roots: ["<rootDir>/tests"],
	testMatch: ["**/*.test.ts"],
	// Browser tests run in their own config (jest.e2e.config.cjs), after these.
	testPathIgnorePatterns: ["/node_modules/", "/tests/e2e/"],
	transform: {
		"^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
	},
	moduleNameMapper: { "^obsidian$": "<rootDir>/tests/__mocks__/obsidian.ts" },
	// jsdom would pick packages' "browser" builds (yaml's is ESM, which ts-jest does not transform).
	testEnvironmentOptions: { customExportConditions: ["node", "require", "default"] },
	setupFiles: ["<rootDir>/tests/jest.setup.ts"],
	globalSetup: "<rootDir>/tests/global-setup.cjs",
	testTimeout: 60000,
};
