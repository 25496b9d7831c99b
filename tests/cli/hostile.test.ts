/**
 * The hostile corpus (docs/reference.md §10, issue 8): alias bombs, invalid UTF-8, duplicate keys,
 * tabs, unclosed frontmatter, a 50 MB note, 10,000-line frontmatter, 10,000 levels of
 * nesting, HTML in titles, javascript:/data:/vbscript: URLs, a YouTube URL hidden in a
 * query, symlinks out of the vault and `..` paths. Each gets a clear error naming the
 * file (or the right non-source verdict), stays byte-identical, and the normal source
 * beside them is still listed and synced — within bounded time and a capped heap.
 */
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { createHash } from "crypto";
import { tmpdir } from "os";
import { join } from "path";
import { locateFrontmatter, parseYamlStrict } from "../../src/core/frontmatter/frontmatter";
import { CliBundle } from "../helpers/cli-bundle";
import { FIXTURES, seedNote } from "../helpers/fixtures";
import { cli, TempVault } from "../helpers/vault";

const HOSTILE = join(FIXTURES, "hostile");
const MB = 1024 * 1024;

let vault: TempVault;
let outside: string;
let bundle: CliBundle;
let before: Map<string, string>;
let outsideBefore: Buffer;
const originals = new Map<string, string>();

/**
 * Every file's SHA-256 (compared as strings: jest's deep equality on a 50 MB Buffer
 * would walk it index by index), symlinks as `-> target` (never followed).
 */
function snapshot(root: string): Map<string, string> {
	const out = new Map<string, string>();
	const walk = (rel: string) => {
		for (const name of readdirSync(join(root, rel))) {
			const r = rel ? `${rel}/${name}` : name;
			const st = lstatSync(join(root, r));
			if (st.isSymbolicLink()) out.set(r, `-> ${readlinkSync(join(root, r))}`);
			else if (st.isDirectory()) walk(r);
			else out.set(r, `${st.size}:${createHash("sha256").update(readFileSync(join(root, r))).digest("hex")}`);
		}
	};
	walk("");
	return out;
}

function frontmatterData(text: string): Record<string, unknown> | null {
	const b = locateFrontmatter(text);
	const r = b ? parseYamlStrict(text.slice(b.yamlStart, b.yamlEnd)) : null;
	return r?.ok ? r.data : null;
}

/** A big note: SOURCE frontmatter and a body of timestamps, links and prose. */
function bigNote(bytes: number): string {
	const head = "---\nid: SOURCE-hostile-50mb\ntitle: Fifty megabytes\nstatus: raw\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n";
	const line = "- 12:34 a label with [[Good source]] and `code 1:00` and [a link](https://example.com) and text\n";
	return head + line.repeat(Math.ceil((bytes - head.length) / line.length));
}

beforeAll(() => {
	outside = mkdtempSync(join(tmpdir(), "sl-outside-"));
	writeFileSync(join(outside, "secret.md"), "---\nid: SOURCE-outside-secret\ntitle: Outside the vault\nstatus: raw\n---\n[[Good source]]\n");
	outsideBefore = readFileSync(join(outside, "secret.md"));
	vault = new TempVault({
		"Good source.md": seedNote(),
		"Notes/Integrating.md": "# My note\n\nBuilt on [[Good source]].\n",
	});
	for (const name of readdirSync(HOSTILE)) vault.write(`hostile/${name}`, readFileSync(join(HOSTILE, name)));
	// Invalid UTF-8 in a note that looks like a source, and a binary file named .md.
	vault.write("hostile/invalid-utf8.md", Buffer.concat([Buffer.from("---\nid: SOURCE-hostile-invalid-utf8\ntitle: "), Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]), Buffer.from("\n---\nbody\n")]));
	vault.write("hostile/binary.md", Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)));
	vault.write("hostile/nul-bytes.md", "---\nid: SOURCE-hostile-nul\ntitle: \"nul\\0byte\"\nstatus: raw\n---\n\0\0\0 body with NULs\n");
	// Size, length and depth.
	vault.write("hostile/fifty-megabytes.md", bigNote(50 * MB));
	const keys = Array.from({ length: 10_000 }, (_, i) => `key_${i}: value ${i}`).join("\n");
	vault.write("hostile/frontmatter-10k-lines.md", `---\nid: SOURCE-hostile-10k\ntitle: Ten thousand lines\nstatus: raw\n${keys}\n---\nbody\n`);
	const maps = Array.from({ length: 10_000 }, (_, i) => `key_${i}: {n: ${i}, tags: [a, b]}`).join("\n");
	vault.write("hostile/frontmatter-10k-yaml.md", `---\nid: SOURCE-hostile-10k-yaml\ntitle: Ten thousand lines the fast reader leaves to yaml\nstatus: raw\n${maps}\n---\nbody\n`);
	vault.write("hostile/frontmatter-10k-duplicate.md", `---\nid: SOURCE-hostile-10k-dup\ntitle: Duplicate at the end\n${keys}\nkey_0: again\n---\nbody\n`);
	vault.write("hostile/deep-flow.md", `---\nid: SOURCE-hostile-deep-flow\ntitle: Deep\nx: ${"[".repeat(10_000)}\n---\n`);
	vault.write("hostile/deep-flow-closed.md", `---\nid: SOURCE-hostile-deep-closed\ntitle: Deep\nx: ${"{a: ".repeat(10_000)}1${"}".repeat(10_000)}\n---\n`);
	vault.write("hostile/deep-block.md", `---\nid: SOURCE-hostile-deep-block\ntitle: Deep\nx:\n${Array.from({ length: 3000 }, (_, i) => " ".repeat(i + 1) + `k${i}:`).join("\n")} 1\n---\n`);
	// Symlinks: a note and a folder out of the vault, and a loop.
	symlinkSync(join(outside, "secret.md"), join(vault.root, "hostile", "link-out.md"));
	symlinkSync(outside, join(vault.root, "hostile", "folder-out"));
	symlinkSync(join(vault.root, "hostile", "loop.md"), join(vault.root, "hostile", "loop.md"));
	before = snapshot(vault.root);
	for (const [path] of before) if (path.endsWith(".md") && !path.includes("fifty") && !before.get(path)!.startsWith("->")) originals.set(path, vault.read(path));
	bundle = new CliBundle();
});

afterAll(() => {
	vault?.remove();
	bundle?.remove();
	rmSync(outside, { recursive: true, force: true });
});

/** Expected per-file errors: the message must name what is wrong. */
const ERRORS: [string, RegExp][] = [
	["hostile/alias-bomb.md", /alias/i],
	["hostile/alias-chain.md", /alias/i],
	["hostile/duplicate-keys.md", /unique: "status"/],
	["hostile/tab-indentation.md", /tab/i],
	["hostile/invalid-utf8.md", /not valid UTF-8/],
	["hostile/fifty-megabytes.md", /50\.0 MB, over the 20\.0 MB limit/],
	["hostile/frontmatter-10k-duplicate.md", /unique: "key_0"/],
	["hostile/deep-flow.md", /nests .* deep/],
	["hostile/deep-flow-closed.md", /nests .* deep/],
	["hostile/deep-block.md", /nested too deeply|malformed/],
];

describe("hostile corpus through the CLI", () => {
	let scanMs = 0;
	let scan: { code: number; stdout: string; stderr: string; json: any };

	beforeAll(async () => {
		const t0 = Date.now();
		scan = await cli("scan", vault.root, "--json");
		scanMs = Date.now() - t0;
	});

	it("scan finishes with exit 1 and lists the normal source beside the hostile notes", () => {
		expect(scan.code).toBe(1);
		const paths = scan.json.sources.map((s: { path: string }) => s.path);
		expect(paths).toContain("Good source.md");
		expect(scan.json.sources.find((s: { path: string }) => s.path === "Good source.md").backlinks).toEqual(["Notes/Integrating.md"]);
	});

	it.each(ERRORS)("%s is an error naming the file: %s", (path, message) => {
		const error = scan.json.errors.find((e: { path: string }) => e.path === path);
		expect(error).toBeDefined();
		expect(error.message).toMatch(message);
		expect(scan.stderr).toContain(`${path}: `);
		expect(scan.json.sources.map((s: { path: string }) => s.path)).not.toContain(path);
	});

	it("gives only those errors: the binary file, the unclosed frontmatter and the README are not sources and not errors", () => {
		expect(scan.json.errors.map((e: { path: string }) => e.path).sort()).toEqual(ERRORS.map(([p]) => p).sort());
		const paths = scan.json.sources.map((s: { path: string }) => s.path);
		for (const p of ["hostile/binary.md", "hostile/unclosed-frontmatter.md", "hostile/README.md"]) expect(paths).not.toContain(p);
	});

	it("reads 10,000-line frontmatter, through the fast reader and through yaml", () => {
		const paths = scan.json.sources.map((s: { path: string }) => s.path);
		expect(paths).toContain("hostile/frontmatter-10k-lines.md");
		expect(paths).toContain("hostile/frontmatter-10k-yaml.md");
	});

	it("keeps HTML in titles as data, and takes no video id from javascript:, data:, vbscript: or a query", () => {
		const by = (p: string) => scan.json.sources.find((s: { path: string }) => s.path === `hostile/${p}`);
		expect(by("html-title.md").title).toBe("<img src=x onerror=alert(1)><script>alert('t')</script> & <b>bold</b>");
		expect(by("html-title.md").videoId).toBe("dQw4w9WgXcQ");
		for (const p of ["javascript-url.md", "data-url.md", "vbscript-url.md"]) {
			expect(by(p).videoId).toBeNull();
			expect(by(p).problems.map((x: { code: string }) => x.code)).toContain("invalid-url");
		}
		expect(by("youtube-in-query.md").videoId).toBeNull();
	});

	it("does not follow symlinks out of the vault, and says so", () => {
		const paths: string[] = scan.json.sources.map((s: { path: string }) => s.path);
		expect(paths.filter((p) => p.includes("link-out") || p.includes("folder-out") || p.includes("secret"))).toEqual([]);
		expect(scan.stderr).toMatch(/hostile\/link-out\.md: symlink leads out of the vault/);
		expect(scan.stderr).toMatch(/hostile\/folder-out: symlink leads out of the vault/);
		expect(scan.stderr).toMatch(/hostile\/loop\.md: broken symlink/);
	});

	it("scan changes no byte of any file", () => {
		expect(snapshot(vault.root)).toEqual(before);
		expect(readFileSync(join(outside, "secret.md"))).toEqual(outsideBefore);
	});

	it("sync completes: the normal source is written, error files stay byte-identical, valid hostile sources change only aliases", async () => {
		const t0 = Date.now();
		const r = await cli("sync", vault.root, "--json", "--today", "2026-01-02");
		const syncMs = Date.now() - t0;
		expect(r.code).toBe(1);
		expect(r.json.changed.map((c: { path: string }) => c.path)).toContain("Good source.md");
		const after = snapshot(vault.root);
		expect([...after.keys()].sort()).toEqual([...before.keys()].sort());
		for (const [path, hash] of before) {
			const now = after.get(path)!;
			if (ERRORS.some(([p]) => p === path) || !path.endsWith(".md") || path === "hostile/binary.md" || path === "hostile/unclosed-frontmatter.md" || path === "Notes/Integrating.md") {
				expect({ path, same: now === hash }).toEqual({ path, same: true });
				continue;
			}
			if (now === hash) continue;
			// A valid source sync wrote: same body, same data except the keys sync fills.
			const was = originals.get(path)!;
			const is = vault.read(path);
			expect(is.slice(locateFrontmatter(is)!.end)).toBe(was.slice(locateFrontmatter(was)!.end));
			const { aliases: _a1, integrated_into: _i1, status: _s1, date_integrated: _d1, ...restWas } = frontmatterData(was) ?? {};
			const { aliases: _a2, integrated_into: _i2, status: _s2, date_integrated: _d2, ...restIs } = frontmatterData(is) ?? {};
			expect(restIs).toEqual(restWas);
		}
		expect(readFileSync(join(outside, "secret.md"))).toEqual(outsideBefore);
		console.log(`hostile corpus: scan ${scanMs} ms, sync ${syncMs} ms, ${before.size} files`);
		expect(scanMs + syncMs).toBeLessThan(60_000);
	});

});

describe("URL notes and paths out of the vault, on a small vault", () => {
	let small: TempVault;
	beforeAll(() => {
		small = new TempVault({ "Good source.md": seedNote() });
		for (const name of ["javascript-url.md", "data-url.md", "vbscript-url.md", "youtube-in-query.md"]) small.write(`hostile/${name}`, readFileSync(join(HOSTILE, name)));
		symlinkSync(join(outside, "secret.md"), join(small.root, "hostile", "link-out.md"));
		symlinkSync(outside, join(small.root, "hostile", "folder-out"));
	});
	afterAll(() => small.remove());

	it("timestamps and linkify refuse a javascript:/data:/query URL note's video: no seek URL", async () => {
		for (const p of ["javascript-url.md", "data-url.md", "vbscript-url.md", "youtube-in-query.md"]) {
			const r = await cli("timestamps", small.root, `hostile/${p}`, "--json");
			expect(r.json.videoId).toBeNull();
			for (const t of r.json.timestamps) expect(t.url).toBeNull();
		}
	});

	it.each([
		["status", "../outside.md", "raw"],
		["status", "hostile/../../outside.md", "raw"],
		["status", "hostile/link-out.md", "raw"],
		["status", "hostile/folder-out/secret.md", "raw"],
		["timestamps", "..\\outside.md"],
		["linkify", "/etc/passwd"],
		["linkify", "hostile/link-out.md"],
	])("%s with the path %s is refused with exit 2 and writes nothing", async (command, path, ...rest) => {
		const snap = snapshot(small.root);
		const r = await cli(command, small.root, path, ...rest);
		expect(r.code).toBe(2);
		expect(r.stderr).toMatch(/outside the vault|relative to the vault|not found|no SOURCE|not a SOURCE/i);
		expect(snapshot(small.root)).toEqual(snap);
		expect(readFileSync(join(outside, "secret.md"))).toEqual(outsideBefore);
	});
});

describe("hostile corpus in a real CLI process with a capped heap", () => {
	it("scans the whole corpus, the 50 MB note included when the limit is raised, within a 512 MB heap", () => {
		const copy = new TempVault();
		try {
			for (const [path, hash] of before) if (!hash.startsWith("->")) copy.write(path, vault.bytes(path));
			mkdirSync(join(copy.root, ".obsidian/plugins/source-lifecycle"), { recursive: true });
			writeFileSync(join(copy.root, ".obsidian/plugins/source-lifecycle/data.json"), JSON.stringify({ maxNoteBytes: 64 * MB }));
			const t0 = Date.now();
			const r = bundle.runSync(["scan", copy.root, "--json"], 512);
			const ms = Date.now() - t0;
			expect(r.status).toBe(1);
			const json = JSON.parse(r.stdout);
			expect(json.sources.map((s: { path: string }) => s.path)).toEqual(expect.arrayContaining(["Good source.md", "hostile/fifty-megabytes.md"]));
			expect(json.errors.map((e: { path: string }) => e.path)).not.toContain("hostile/fifty-megabytes.md");
			console.log(`hostile corpus with the 50 MB note read: ${ms} ms in a 512 MB heap`);
			expect(ms).toBeLessThan(60_000);
		} finally {
			copy.remove();
		}
	});

	it("the size limit message is clear and the limit is a setting", () => {
		const copy = new TempVault({ "small-limit.md": "---\nid: SOURCE-x\ntitle: Two kilobytes\n---\n" + "x".repeat(2048) });
		try {
			mkdirSync(join(copy.root, ".obsidian/plugins/source-lifecycle"), { recursive: true });
			writeFileSync(join(copy.root, ".obsidian/plugins/source-lifecycle/data.json"), JSON.stringify({ maxNoteBytes: 1024 }));
			const r = bundle.runSync(["scan", copy.root]);
			expect(r.status).toBe(1);
			expect(r.stderr).toContain("small-limit.md: note is 2.0 KB, over the 1.0 KB limit; not read");
		} finally {
			copy.remove();
		}
	});
});
