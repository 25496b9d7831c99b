// The release agreement check: the tag being released, manifest.json, package.json,
// package-lock.json and versions.json must name the same version, and the manifest must
// pass the community-plugin review's rules (docs/publishing.md). Run it locally with
// `npm run release:check [-- <tag>]`; the release workflow runs it with the pushed tag.
"use strict";
const { readFileSync } = require("fs");
const { join } = require("path");

const SEMVER = /^\d+\.\d+\.\d+$/;

/** Every reason the files cannot be released as `tag` (none: they agree). */
function releaseProblems({ tag, manifest, pkg, lock, versions }) {
	const problems = [];
	const v = manifest.version;
	if (typeof v !== "string" || !SEMVER.test(v)) problems.push(`manifest.json version ${JSON.stringify(v)} is not x.y.z`);
	if (tag !== undefined && tag !== v) problems.push(`tag ${tag} differs from manifest.json version ${v} (Obsidian looks the release up by the manifest's version)`);
	if (pkg.version !== v) problems.push(`package.json version ${pkg.version} differs from manifest.json version ${v}`);
	if (lock && lock.version !== v) problems.push(`package-lock.json version ${lock.version} differs from manifest.json version ${v}`);
	if (lock && lock.packages && lock.packages[""] && lock.packages[""].version !== v) problems.push(`package-lock.json root package version ${lock.packages[""].version} differs from manifest.json version ${v}`);
	const minApp = manifest.minAppVersion;
	if (!Object.values(versions).includes(minApp)) problems.push(`versions.json has no entry with minAppVersion ${minApp}`);
	for (const [version, app] of Object.entries(versions)) {
		if (!SEMVER.test(version)) problems.push(`versions.json key ${version} is not x.y.z`);
		if (compare(version, v) > 0) problems.push(`versions.json names ${version} (minAppVersion ${app}), newer than the release ${v}`);
	}
	return problems.concat(manifestProblems(manifest));
}

/** The manifest rules the community-plugin review checks. */
function manifestProblems(m) {
	const problems = [];
	for (const key of ["id", "name", "version", "minAppVersion", "description", "author"]) {
		if (typeof m[key] !== "string" || m[key].trim() === "") problems.push(`manifest.json has no ${key}`);
	}
	if (typeof m.isDesktopOnly !== "boolean") problems.push("manifest.json isDesktopOnly must be true or false");
	const id = String(m.id ?? "");
	if (!/^[a-z-]+$/.test(id)) problems.push(`manifest.json id ${JSON.stringify(id)} must be lowercase letters and hyphens`);
	if (id.includes("obsidian")) problems.push(`manifest.json id ${id} must not contain "obsidian"`);
	if (id.endsWith("plugin")) problems.push(`manifest.json id ${id} must not end with "plugin"`);
	const d = String(m.description ?? "");
	if (d.length > 250) problems.push(`manifest.json description is ${d.length} characters (at most 250)`);
	if (!d.endsWith(".")) problems.push("manifest.json description must end with a period");
	if (/^this (is a )?plugin/i.test(d)) problems.push('manifest.json description must not start with "This plugin"');
	for (const key of ["authorUrl", "fundingUrl"]) {
		if (!(key in m)) continue;
		const urls = typeof m[key] === "object" && m[key] !== null ? Object.values(m[key]) : [m[key]];
		if (urls.some((u) => typeof u !== "string" || !/^https:\/\/\S+$/.test(u))) problems.push(`manifest.json ${key} must be a real https URL, or be left out`);
	}
	return problems;
}

function compare(a, b) {
	const pa = a.split(".").map(Number);
	const pb = b.split(".").map(Number);
	for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
	return 0;
}

function readRelease(root, tag) {
	const json = (f) => JSON.parse(readFileSync(join(root, f), "utf8"));
	return { tag, manifest: json("manifest.json"), pkg: json("package.json"), lock: json("package-lock.json"), versions: json("versions.json") };
}

module.exports = { releaseProblems, manifestProblems, readRelease };

if (require.main === module) {
	const tag = process.argv[2] ?? (process.env.GITHUB_REF_TYPE === "tag" ? process.env.GITHUB_REF_NAME : undefined);
	const problems = releaseProblems(readRelease(join(__dirname, ".."), tag));
	if (problems.length) {
		for (const p of problems) console.error(`release check: ${p}`);
		process.exit(1);
	}
	console.log(`release check: ${tag ?? "(no tag)"} manifest.json, package.json, package-lock.json and versions.json agree`);
}
