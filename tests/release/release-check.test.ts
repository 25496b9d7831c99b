/**
 * The release agreement check (docs/publishing.md): a tag is released only when the tag,
 * manifest.json, package.json, package-lock.json and versions.json agree, and the
 * manifest passes the community-plugin review's rules.
 */
import { join } from "path";

const { releaseProblems, readRelease } = require("../../scripts/release-check.cjs") as {
	releaseProblems: (r: Release) => string[];
	readRelease: (root: string, tag?: string) => Release;
};

interface Release {
	tag?: string;
	manifest: Record<string, unknown>;
	pkg: { version: string };
	lock?: { version: string; packages?: Record<string, { version?: string }> };
	versions: Record<string, string>;
}

function release(overrides: Partial<Release> = {}, manifest: Record<string, unknown> = {}): Release {
	return {
		tag: "1.2.0",
		manifest: {
			id: "source-lifecycle",
			name: "Source Lifecycle",
			version: "1.2.0",
			minAppVersion: "1.7.2",
			description: "Runs the lifecycle of your SOURCE notes.",
			author: "Someone",
			isDesktopOnly: false,
			...manifest,
		},
		pkg: { version: "1.2.0" },
		lock: { version: "1.2.0", packages: { "": { version: "1.2.0" } } },
		versions: { "0.1.0": "1.7.2" },
		...overrides,
	};
}

describe("release check", () => {
	it("accepts a tag that equals every version, with minAppVersion listed in versions.json", () => {
		expect(releaseProblems(release())).toEqual([]);
	});

	it("accepts the repository as it is (no tag given: the versions must still agree)", () => {
		const here = readRelease(join(__dirname, "..", ".."));
		expect(releaseProblems(here)).toEqual([]);
	});

	it.each([
		["a tag other than the manifest's version", { tag: "v1.2.0" }, /tag v1\.2\.0 differs/],
		["package.json behind", { pkg: { version: "1.1.0" } }, /package\.json version 1\.1\.0/],
		["package-lock.json behind", { lock: { version: "1.1.0", packages: { "": { version: "1.1.0" } } } }, /package-lock\.json version 1\.1\.0/],
		["minAppVersion missing from versions.json", { versions: { "0.1.0": "1.5.0" } }, /versions\.json has no entry with minAppVersion 1\.7\.2/],
		["versions.json naming a later release", { versions: { "0.1.0": "1.7.2", "2.0.0": "1.8.0" } }, /newer than the release 1\.2\.0/],
	])("refuses %s", (_what, overrides, message) => {
		const problems = releaseProblems(release(overrides));
		expect(problems.some((p) => message.test(p))).toBe(true);
	});

	it.each([
		["an id containing obsidian", { id: "obsidian-sources" }, /must not contain "obsidian"/],
		["an id ending with plugin", { id: "sources-plugin" }, /must not end with "plugin"/],
		["a description over 250 characters", { description: "A".repeat(250) + "." }, /251 characters/],
		["a description starting with This plugin", { description: "This plugin runs things." }, /must not start with "This plugin"/],
		["a description without a final period", { description: "Runs things" }, /end with a period/],
		["a placeholder fundingUrl", { fundingUrl: "" }, /fundingUrl must be a real https URL/],
		["isDesktopOnly missing", { isDesktopOnly: undefined }, /isDesktopOnly/],
	])("refuses a manifest with %s", (_what, manifest, message) => {
		const problems = releaseProblems(release({}, manifest));
		expect(problems.some((p) => message.test(p))).toBe(true);
	});
});
