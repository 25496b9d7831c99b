/** Real-browser tests (docs/architecture.md (test layers) layer 4): playwright-core driving Debian's chromium. */
module.exports = {
	testEnvironment: "node",
	roots: ["<rootDir>/tests/e2e"],
	testMatch: ["**/*.e2e.test.ts"],
	transform: { "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
	globalSetup: "<rootDir>/tests/global-setup.cjs",
	testTimeout: 120000,
	maxWorkers: 1,
};
