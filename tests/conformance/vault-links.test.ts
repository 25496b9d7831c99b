/**
 * Vault-level conformance: `links <vault> --json` over the obsidian-tasks demo vault gives
 * exactly the `resolvedLinks` and `unresolvedLinks` a running Obsidian computed for it.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { cli } from "../helpers/vault";
import { oracleDir } from "./oracle";

const dir = oracleDir("tasks-demo-vault");
const expectedResolved = JSON.parse(readFileSync(join(dir, "resolvedLinks.json"), "utf8")) as Record<string, Record<string, number>>;
const expectedUnresolved = JSON.parse(readFileSync(join(dir, "unresolvedLinks.json"), "utf8")) as Record<string, Record<string, number>>;

describe("links <vault> --json equals Obsidian's metadataCache maps on the demo vault", () => {
	let result: Awaited<ReturnType<typeof cli>>;
	beforeAll(async () => {
		result = await cli("links", join(dir, "vault"), "--json");
	});

	it("exits 0 with JSON on stdout", () => {
		expect(result.stderr).toBe("");
		expect(result.code).toBe(0);
		expect(result.json).not.toBeNull();
	});

	it("lists the same sources, Markdown and canvas, with {} for notes without links", () => {
		expect(Object.keys(result.json.resolvedLinks).sort()).toEqual(Object.keys(expectedResolved).sort());
		expect(Object.keys(result.json.unresolvedLinks).sort()).toEqual(Object.keys(expectedUnresolved).sort());
	});

	it.each(Object.keys(expectedResolved).filter((src) => Object.keys(expectedResolved[src] ?? {}).length > 0))(
		"resolvedLinks of %s",
		(src) => {
			expect(result.json.resolvedLinks[src]).toEqual(expectedResolved[src]);
		},
	);

	it.each(Object.keys(expectedUnresolved).filter((src) => Object.keys(expectedUnresolved[src] ?? {}).length > 0))(
		"unresolvedLinks of %s",
		(src) => {
			expect(result.json.unresolvedLinks[src]).toEqual(expectedUnresolved[src]);
		},
	);

	it("equals both maps as a whole (55 resolved edges, 5 unresolved)", () => {
		expect(result.json.resolvedLinks).toEqual(expectedResolved);
		expect(result.json.unresolvedLinks).toEqual(expectedUnresolved);
		const edges = Object.values(result.json.resolvedLinks as Record<string, object>).reduce((n, m) => n + Object.keys(m).length, 0);
		const unresolved = Object.values(result.json.unresolvedLinks as Record<string, object>).reduce((n, m) => n + Object.keys(m).length, 0);
		expect([edges, unresolved]).toEqual([55, 5]);
	});
});
