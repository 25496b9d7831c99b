/**
 * The warm-scan cache (docs/reference.md §9): a note whose size, modification time and inode
 * are unchanged is not read again, yet every answer equals a cold scan's — after any edits,
 * renames, deletions and touches, same-size edits within one timestamp tick included. A
 * corrupt, foreign or unwritable cache only means a cold scan.
 */
import fc from "fast-check";
import { mkdtempSync, renameSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync, readdirSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { FolderVault } from "../../src/cli/folder-vault";
import { loadVault } from "../../src/cli/load";
import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";
import { fuzz } from "../fuzz/config";

const source = (id: string, title: string, status = "raw", extra = "") =>
	seedNote().replace("id: SOURCE-20251128-973", `id: ${id}`).replace(/^title: .*$/m, `title: "${title}"`).replace("status: raw", `status: ${status}`) + extra;

const START: Record<string, string> = {
	"Sources/a.md": source("SOURCE-a", "Alpha talk"),
	"Sources/b.md": source("SOURCE-b", "Beta talk", "in_progress"),
	"Sources/c.md": source("SOURCE-c", "Gamma talk", "integrated"),
	"Notes/n1.md": "# N1\n\n- [[a]] and [[b|the beta]]\n",
	"Notes/n2.md": "---\nrelated: \"[[c]]\"\n---\nSee [[a#Timestamps]].\n",
};

/** Every note's mtime a minute back: outside the racy window, as notes usually are. */
function age(root: string, seconds = 60): void {
	const past = new Date(Date.now() - seconds * 1000);
	const walk = (dir: string) => {
		for (const e of readdirSync(dir, { withFileTypes: true })) {
			if (e.isDirectory()) walk(join(dir, e.name));
			else utimesSync(join(dir, e.name), past, past);
		}
	};
	walk(root);
}

/** The answers of the reading commands: warm (cache used) then cold (`--no-cache`). */
async function warmAndCold(root: string): Promise<{ warm: string[]; cold: string[] }> {
	const commands = [["scan"], ["queue"], ["links"]];
	const warm: string[] = [];
	const cold: string[] = [];
	for (const c of commands) warm.push((await cli(c[0] as string, root, "--json")).stdout);
	for (const c of commands) cold.push((await cli(c[0] as string, root, "--json", "--no-cache")).stdout);
	return { warm, cold };
}

describe("warm-scan cache", () => {
	let vault: TempVault;
	let cacheHome: string;
	const saved = process.env.XDG_CACHE_HOME;
	beforeEach(() => {
		cacheHome = mkdtempSync(join(tmpdir(), "sl-cache-"));
		process.env.XDG_CACHE_HOME = cacheHome;
		vault = new TempVault(START);
		age(vault.root);
	});
	afterEach(() => {
		vault.remove();
		rmSync(cacheHome, { recursive: true, force: true });
		process.env.XDG_CACHE_HOME = saved;
	});

	const load = () => loadVault(new FolderVault(vault.root), { cache: true, cacheFolder: join(cacheHome, "source-lifecycle") });

	it("reads no unchanged note on a second scan, and gives the same answer", async () => {
		const first = await cli("scan", vault.root, "--json");
		const loaded = await load();
		expect(loaded.cachedNotes).toBe(5);
		const second = await cli("scan", vault.root, "--json");
		expect(second.stdout).toBe(first.stdout);
	});

	it("lives outside the vault, in $XDG_CACHE_HOME/source-lifecycle", async () => {
		const before = vault.snapshot();
		await cli("scan", vault.root, "--json");
		expect(vault.snapshot()).toEqual(before);
		expect(readdirSync(join(cacheHome, "source-lifecycle")).filter((f) => f.endsWith(".cache"))).toHaveLength(1);
	});

	it("reads a note again after a same-size edit that kept its modification time, inside the racy window", async () => {
		// A file system whose clock ticks once a second: the note's mtime is a whole second.
		vault.write("Sources/a.md", source("SOURCE-a", "Alpha talk"));
		const mtime = new Date(Math.floor(Date.now() / 1000) * 1000);
		utimesSync(join(vault.root, "Sources/a.md"), mtime, mtime);
		await cli("scan", vault.root, "--json");
		// Same size, same mtime, same inode: only the racy rule can tell.
		const edited = source("SOURCE-a", "Alpha tale");
		writeFileSync(join(vault.root, "Sources/a.md"), edited, { flag: "r+" });
		utimesSync(join(vault.root, "Sources/a.md"), mtime, mtime);
		const warm = await cli("scan", vault.root, "--json");
		expect(warm.json.sources.find((s: { path: string }) => s.path === "Sources/a.md").title).toBe("Alpha tale");
	});

	it("ignores a corrupt cache, and one it cannot write", async () => {
		await cli("scan", vault.root, "--json");
		const dir = join(cacheHome, "source-lifecycle");
		for (const f of readdirSync(dir)) writeFileSync(join(dir, f), "not a cache at all");
		const { warm, cold } = await warmAndCold(vault.root);
		expect(warm).toEqual(cold);
		// A file where the cache folder should be: every scan is cold, and right.
		rmSync(dir, { recursive: true });
		writeFileSync(dir, "a file, not a folder");
		const again = await warmAndCold(vault.root);
		expect(again.warm).toEqual(again.cold);
		expect(again.warm).toEqual(warm);
	});

	it("takes nothing from a cache written under other settings (another id prefix)", async () => {
		await cli("scan", vault.root, "--json");
		vault.write(".obsidian/plugins/source-lifecycle/data.json", JSON.stringify({ idPrefix: "SOURCE-a" }));
		const { warm, cold } = await warmAndCold(vault.root);
		expect(warm).toEqual(cold);
		expect(JSON.parse(warm[0] as string).sources.map((s: { path: string }) => s.path)).toEqual(["Sources/a.md"]);
	});

	type Op =
		| { kind: "edit"; note: number; title: string }
		| { kind: "same-size"; note: number }
		| { kind: "touch"; note: number }
		| { kind: "rename"; note: number }
		| { kind: "delete"; note: number }
		| { kind: "add"; n: number; links: number };
	const op: fc.Arbitrary<Op> = fc.oneof(
		fc.record({ kind: fc.constant("edit" as const), note: fc.nat(20), title: fc.string({ maxLength: 12 }).map((t) => t.replace(/["\\\n\r]/g, "")) }),
		fc.record({ kind: fc.constant("same-size" as const), note: fc.nat(20) }),
		fc.record({ kind: fc.constant("touch" as const), note: fc.nat(20) }),
		fc.record({ kind: fc.constant("rename" as const), note: fc.nat(20) }),
		fc.record({ kind: fc.constant("delete" as const), note: fc.nat(20) }),
		fc.record({ kind: fc.constant("add" as const), n: fc.nat(1000), links: fc.nat(7) }),
	);

	function apply(o: Op): void {
		const files = vault.snapshot();
		const notes = [...files.keys()].filter((p) => p.endsWith(".md")).sort();
		if (o.kind === "add") {
			const targets = ["a", "b", "c", "n1", "missing"].filter((_, i) => (o.links >> i) & 1);
			if (o.n % 2 === 0) vault.write(`Sources/s${o.n}.md`, source(`SOURCE-s${o.n}`, `Talk ${o.n}`, "raw", targets.map((t) => `\n[[${t}]]`).join("")));
			else vault.write(`Notes/m${o.n}.md`, `# M\n${targets.map((t) => `[[${t}]]`).join(" ")}\n`);
			return;
		}
		const path = notes[o.note % Math.max(1, notes.length)];
		if (path === undefined) return;
		const abs = join(vault.root, path);
		const text = (files.get(path) as Buffer).toString("utf8");
		if (o.kind === "edit") vault.write(path, text.replace(/^title: .*$/m, `title: "${o.title}"`).replace(/^# .*$/m, `# ${o.title} [[a]]`));
		else if (o.kind === "same-size") {
			// Flip one letter, keeping size and inode, on a file system whose clock ticks once a
			// second: an edit in the same second as the note's last one keeps its mtime.
			const st = statSync(abs);
			const flipped = text.replace(/\[\[[a-z]/, (m) => m.slice(0, 2) + (m[2] === "a" ? "b" : "a")).replace("status: raw", "status: rax");
			writeFileSync(abs, flipped, { flag: "r+" });
			const tick = new Date(Math.floor(Date.now() / 1000) * 1000);
			const sameTick = Date.now() - st.mtimeMs < 1000;
			utimesSync(abs, st.atime, sameTick ? st.mtime : tick);
		} else if (o.kind === "touch") {
			const now = new Date();
			utimesSync(abs, now, now);
		} else if (o.kind === "rename") renameSync(abs, abs.replace(/\.md$/, "-moved.md"));
		else unlinkSync(abs);
	}

	it("answers as a cold scan after any sequence of edits, renames, deletions and touches", async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
				vault.remove();
				vault = new TempVault(START);
				age(vault.root);
				await cli("scan", vault.root, "--json");
				for (const o of ops) {
					apply(o);
					const { warm, cold } = await warmAndCold(vault.root);
					expect(warm).toEqual(cold);
				}
			}),
			fuzz(0.1),
		);
	});
});
