/**
 * Loading a large vault on two threads gives exactly what loading on one gives. The worker
 * runs the CLI bundle (as `dist/cli.js` does), built here from the sources under test.
 */
import { build } from "esbuild";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FolderVault } from "../../src/cli/folder-vault";
import { loadVault, type LoadedVault } from "../../src/cli/load";
import { seedNote } from "../helpers/fixtures";
import { TempVault } from "../helpers/vault";

/** What a load gives commands, in a comparable form. */
function summary(loaded: LoadedVault) {
	return {
		files: loaded.files,
		errors: loaded.errors,
		skipped: loaded.skipped,
		sources: [...loaded.index.sources()].map((s) => [s.path, s.id, s.title, s.videoId, s.aliases, s.integratedInto, s.frontmatter]),
		notes: [...loaded.notes.values()].map((n) => [n.path, n.read(), n.frontmatter]),
		links: [...loaded.links.entries()],
		// As printed: keys like __proto__ must survive the worker's structured clone.
		linksJson: JSON.stringify([...loaded.links.entries()].map(([p, c]) => [p, { ...c.resolved }, { ...c.unresolved }])),
		backlinks: [...loaded.index.sources()].map((s) => loaded.index.integratingNotes(s.path)),
	};
}

const buildDir = mkdtempSync(join(tmpdir(), "sl-cli-bundle-"));
const workerScript = join(buildDir, "cli.js");
beforeAll(async () => {
	await build({ entryPoints: [join(__dirname, "..", "..", "src", "cli", "index.ts")], bundle: true, platform: "node", target: "node20", format: "cjs", outfile: workerScript, logLevel: "warning" });
}, 60_000);
afterAll(() => rmSync(buildDir, { recursive: true, force: true }));

describe("loading notes on two threads (large vaults)", () => {
	const seed = seedNote();
	const files: Record<string, string | Buffer> = {
		".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ maxNoteBytes: 20_000 }),
		"Inbox/links.md": "[[a]] and [[b|B]] and [[missing]]\n",
		"big.md": seed.replace("id: SOURCE-20251128-973", "id: SOURCE-big") + "x".repeat(30_000),
		"broken.md": Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a, 0x2d, 0x2d, 0x2d, 0x0a]),
		"bad-yaml.md": "---\nid: SOURCE-bad\ntitle: [unclosed\n---\n",
		"empty.md": "",
	};
	for (let i = 0; i < 700; i++) {
		files[`Sources/${i % 7}/s${i}.md`] = seed.replace("id: SOURCE-20251128-973", `id: SOURCE-${i}`).replace(/\n/g, i % 3 === 0 ? "\r\n" : "\n");
	}
	files["a.md"] = seed.replace("id: SOURCE-20251128-973", "id: SOURCE-a");
	files["b.md"] = "---\ntags: [x]\n---\nsee [[Sources/0/s0]], [[__proto__]], [[constructor]] and [[toString|t]]\n";
	const vault = new TempVault(files);
	afterAll(() => vault.remove());

	it("gives exactly what loading on the main thread gives: notes, texts, errors, links", async () => {
		const inWorker = await loadVault(new FolderVault(vault.root), { parallel: true, workerScript, mainThreadReads: false });
		const onMain = await loadVault(new FolderVault(vault.root), { parallel: false });
		expect(summary(inWorker)).toEqual(summary(onMain));
		expect(inWorker.index.size).toBe(701);
		expect(inWorker.workerNotes).toBe(inWorker.files.filter((f) => f.endsWith(".md")).length);
		expect(onMain.workerNotes).toBe(0);
		expect(inWorker.errors.map((e) => e.path).sort()).toEqual(["bad-yaml.md", "big.md"]);
		expect(inWorker.errors.find((e) => e.path === "big.md")?.message).toMatch(/over the 19\.5 KB limit/);
	});

	it("loads the same with both threads reading (the default for hundreds of notes, when run from the bundle)", async () => {
		const auto = await loadVault(new FolderVault(vault.root), { workerScript });
		expect(summary(auto)).toEqual(summary(await loadVault(new FolderVault(vault.root), { parallel: false })));
	});

	it("lets the worker go for a small vault and loads it on the main thread", async () => {
		const small = new TempVault({ "s.md": seed, "n.md": "[[s]]\n" });
		try {
			const loaded = await loadVault(new FolderVault(small.root), { workerScript });
			expect(loaded.workerNotes).toBe(0);
			expect(loaded.index.integratingNotes("s.md")).toEqual(["n.md"]);
		} finally {
			small.remove();
		}
	});

	it("still loads every note when the worker cannot start (its part is read on the main thread)", async () => {
		const loaded = await loadVault(new FolderVault(vault.root), { parallel: true, workerScript: join(buildDir, "missing.js") });
		expect(loaded.workerNotes).toBe(0);
		expect(summary(loaded)).toEqual(summary(await loadVault(new FolderVault(vault.root), { parallel: false })));
	});
});

describe("a note with a SOURCE id line that is no source (outside the source folder)", () => {
	const seed = seedNote();
	const files: Record<string, string> = {
		".obsidian/plugins/source-lifecycle/data.json": JSON.stringify({ sourceFolder: "Sources" }),
		"Notes/fake.md": seed.replace("id: SOURCE-20251128-973", "id: SOURCE-fake") + "\nsee [[s1]] and [[s2|two]]\n",
		"Notes/broken.md": "---\nid: SOURCE-broken\ntitle: [unclosed\n---\n[[s3]]\n",
	};
	for (let i = 0; i < 500; i++) files[`Sources/s${i}.md`] = seed.replace("id: SOURCE-20251128-973", `id: SOURCE-${i}`);
	const vault = new TempVault(files);
	afterAll(() => vault.remove());

	it("loads the same through the worker (it leaves the note to the main thread, which reads it again whole) as on one thread: its links count", async () => {
		const inWorker = await loadVault(new FolderVault(vault.root), { parallel: true, workerScript, mainThreadReads: false });
		const onMain = await loadVault(new FolderVault(vault.root), { parallel: false });
		expect(summary(inWorker)).toEqual(summary(onMain));
		expect(inWorker.workerNotes).toBe(inWorker.files.filter((f) => f.endsWith(".md")).length);
		expect(inWorker.index.getSource("Notes/fake.md")).toBeUndefined();
		expect(inWorker.index.integratingNotes("Sources/s1.md")).toEqual(["Notes/fake.md"]);
		// Outside the source folder a broken note with a SOURCE id line is no error: its links count.
		expect(inWorker.index.integratingNotes("Sources/s3.md")).toEqual(onMain.index.integratingNotes("Sources/s3.md"));
	});
});

