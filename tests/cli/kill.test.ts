/**
 * Atomic CLI writes under `kill -9` (docs/reference.md §10, issue 8): a vault of 3,000 sources, each
 * with an integrating note so `sync` rewrites every one of them. `sync` runs as a real
 * process and is killed with SIGKILL at several moments — by time, and after a given
 * number of renames seen by a watcher (so kills land mid-write). After each kill every
 * note is either its old bytes or the complete new bytes of a clean sync, no `.md` file
 * appears, and a re-run finishes the job: the vault equals the clean sync's vault and
 * the stale temporary files are gone.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, watch, writeFileSync, mkdirSync, type FSWatcher } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { CliBundle } from "../helpers/cli-bundle";

jest.setTimeout(600_000);

const SOURCES = 3000;
const TODAY = "2026-01-02";

let base: string;
let root: string;
let bundle: CliBundle;
let original: Map<string, Buffer>;
let clean: Map<string, Buffer>;
const figures = { kills: 0, midWrite: 0, filesCompared: 0, bytesCompared: 0, newAtKill: [] as number[] };

function files(dir: string): Map<string, Buffer> {
	const out = new Map<string, Buffer>();
	const walk = (rel: string) => {
		for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
			const r = rel ? `${rel}/${e.name}` : e.name;
			if (e.isDirectory()) walk(r);
			else out.set(r, readFileSync(join(dir, r)));
		}
	};
	walk("");
	return out;
}

function source(i: number): string {
	const n = String(i).padStart(4, "0");
	return [
		"---",
		`id: SOURCE-kill-${n}`,
		"platform: youtube",
		"status: raw # untriaged",
		`title: "Talk number ${n}: how things work at scale, part ${i % 7}"`,
		`url: https://www.youtube.com/watch?v=${("k" + n).padEnd(11, "x")}`,
		"date_integrated: null",
		"integrated_into: []",
		"topics: [kill, test]",
		"---",
		"",
		`# Talk ${n}`,
		"",
		"- 0:00 intro",
		`- 1:${String(i % 60).padStart(2, "0")} the point`,
		"",
	].join(i % 3 === 0 ? "\r\n" : "\n");
}

beforeAll(() => {
	base = mkdtempSync(join(tmpdir(), "sl-kill-"));
	root = join(base, "original");
	mkdirSync(join(root, "Sources"), { recursive: true });
	mkdirSync(join(root, "Notes"), { recursive: true });
	for (let i = 0; i < SOURCES; i++) {
		const n = String(i).padStart(4, "0");
		writeFileSync(join(root, "Sources", `S${n}.md`), (i % 5 === 0 ? "\uFEFF" : "") + source(i));
		writeFileSync(join(root, "Notes", `N${n}.md`), `# Note ${n}\n\nUses [[S${n}]] and [[S${String((i + 1) % SOURCES).padStart(4, "0")}#Talk|the next one]].\n`);
	}
	original = files(root);
	bundle = new CliBundle();
	// The expected final state: a clean, uninterrupted sync of a copy.
	const cleanDir = join(base, "clean");
	cpSync(root, cleanDir, { recursive: true });
	const r = bundle.runSync(["sync", cleanDir, "--today", TODAY]);
	expect(r.stderr).toBe("");
	expect(r.status).toBe(0);
	clean = files(cleanDir);
	let changed = 0;
	for (const [p, b] of clean) if (!b.equals(original.get(p)!)) changed++;
	expect(changed).toBe(SOURCES);
});

afterAll(() => {
	bundle?.remove();
	if (base) rmSync(base, { recursive: true, force: true });
});

type Trigger = { afterMs: number } | { afterRenames: number };

/** Run sync on a fresh copy and kill -9 it at the trigger; resolves with the copy's path. */
async function killedRun(name: string, trigger: Trigger): Promise<{ dir: string; exitedBeforeKill: boolean }> {
	const dir = join(base, name);
	cpSync(root, dir, { recursive: true });
	const child = bundle.spawn(["sync", dir, "--today", TODAY]);
	let exited = false;
	const done = new Promise<void>((resolve) => child.on("exit", () => {
		exited = true;
		resolve();
	}));
	let watcher: FSWatcher | null = null;
	let exitedBeforeKill = false;
	const kill = () => {
		watcher?.close();
		watcher = null;
		if (!exited) child.kill("SIGKILL");
		else exitedBeforeKill = true;
	};
	if ("afterMs" in trigger) setTimeout(kill, trigger.afterMs);
	else {
		let renames = 0;
		watcher = watch(join(dir, "Sources"), (event, file) => {
			if (event === "rename" && file && file.endsWith(".md") && ++renames >= trigger.afterRenames) kill();
		});
	}
	await done;
	watcher?.close();
	return { dir, exitedBeforeKill };
}

/** All moments under `npm run test:fuzz` (FUZZ_RUNS ≥ 10000); three in `npm test` (each trial is two syncs of 6,000 files). */
const ALL_TRIGGERS: [string, Trigger][] = [
	["50 ms", { afterMs: 50 }],
	["150 ms", { afterMs: 150 }],
	["400 ms", { afterMs: 400 }],
	["the 1st rename", { afterRenames: 1 }],
	["10 renames", { afterRenames: 10 }],
	["300 renames", { afterRenames: 300 }],
	["1,500 renames", { afterRenames: 1500 }],
	["2,900 renames", { afterRenames: 2900 }],
];
const FULL = Number(process.env.FUZZ_RUNS ?? 0) >= 10_000;
const TRIGGERS = FULL ? ALL_TRIGGERS : ALL_TRIGGERS.filter(([name]) => ["150 ms", "10 renames", "1,500 renames"].includes(name));

describe("sync killed with SIGKILL", () => {
	it.each(TRIGGERS)("after %s: every note old or complete-new, no stray .md, and a re-run completes the job", async (name, trigger) => {
		const { dir, exitedBeforeKill } = await killedRun(`killed-${name.replace(/\W+/g, "-")}`, trigger);
		if (!exitedBeforeKill) figures.kills++;
		const after = files(dir);
		let newer = 0;
		for (const [path, bytes] of after) {
			const old = original.get(path);
			if (old === undefined) {
				// Only a dot-prefixed temporary file of an interrupted write may be extra.
				expect(path).toMatch(/(^|\/)\.[^/]*\.sl-tmp$/);
				continue;
			}
			const fresh = clean.get(path)!;
			const isOld = bytes.equals(old);
			const isNew = bytes.equals(fresh);
			if (!isOld && !isNew) throw new Error(`${path} is neither its old nor its new bytes after the kill (${bytes.length} bytes)`);
			if (isNew && !isOld) newer++;
			figures.filesCompared++;
			figures.bytesCompared += bytes.length;
		}
		for (const path of original.keys()) expect(after.has(path)).toBe(true);
		figures.newAtKill.push(newer);
		if (newer > 0 && newer < SOURCES) figures.midWrite++;

		// A re-run finishes the job: the vault equals a clean sync's, stale temp files are gone.
		const rerun = bundle.runSync(["sync", dir, "--today", TODAY]);
		expect(rerun.status).toBe(0);
		const final = files(dir);
		expect([...final.keys()].sort()).toEqual([...clean.keys()].sort());
		for (const [path, bytes] of clean) {
			if (!final.get(path)!.equals(bytes)) throw new Error(`${path} differs from a clean sync after the re-run`);
			figures.filesCompared++;
			figures.bytesCompared += bytes.length;
		}
		rmSync(dir, { recursive: true, force: true });
	});

	it("at least one kill landed in the middle of the writes", () => {
		console.log(`kill test: ${figures.kills} kills (${figures.midWrite} mid-write; new files at each kill: ${figures.newAtKill.join(", ")}), ${figures.filesCompared} files and ${figures.bytesCompared} bytes compared`);
		expect(figures.midWrite).toBeGreaterThan(0);
	});
});
