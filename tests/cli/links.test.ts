import { cli, TempVault } from "../helpers/vault";
import { seedNote } from "../helpers/fixtures";

describe("cli links", () => {
	let vault: TempVault;
	afterEach(() => vault?.remove());

	it("prints Obsidian's resolvedLinks and unresolvedLinks for every Markdown and canvas source", async () => {
		vault = new TempVault({
			"Hub.md": [
				"---",
				'related: "[[Projects/Plan]]"',
				"---",
				"[[Plan]] [[plan#Goals|goals]] ![[diagram.png]] [pdf](docs/Manual%20v2.pdf)",
				"[[Missing]] [[Missing#x]] [[#Top]]",
				"```",
				"[[Plan]] inside code",
				"```",
				"`[[Plan]]` <!-- [[Plan]] -->",
			].join("\n"),
			"Projects/Plan.md": "# Plan\n[[Hub]]\n",
			"Archive/Plan.md": "old plan, no links\n",
			"img/diagram.png": "",
			"docs/Manual v2.pdf": "",
			"Board.canvas": JSON.stringify({ nodes: [{ id: "1", type: "text", text: "see [[Hub]]" }, { id: "2", type: "file", file: "Archive/Plan.md" }], edges: [] }),
			".hidden/Secret.md": "[[Hub]]",
		});
		const r = await cli("links", vault.root, "--json");
		expect(r.code).toBe(0);
		expect(r.json).toEqual({
			resolvedLinks: {
				"Archive/Plan.md": {},
				"Board.canvas": { "Hub.md": 1, "Archive/Plan.md": 1 },
				"Hub.md": { "Projects/Plan.md": 1, "Archive/Plan.md": 2, "img/diagram.png": 1, "docs/Manual v2.pdf": 1, "Hub.md": 1 },
				"Projects/Plan.md": { "Hub.md": 1 },
			},
			unresolvedLinks: {
				"Archive/Plan.md": {},
				"Board.canvas": {},
				"Hub.md": { Missing: 2 },
				"Projects/Plan.md": {},
			},
		});
	});

	it("resolves a bare duplicate name to the note in the linking note's folder first", async () => {
		vault = new TempVault({
			"A/Dup.md": "",
			"Deeper/B/Dup.md": "",
			"Deeper/B/from-b.md": "[[Dup]]",
			"root.md": "[[Dup]] [[B/Dup]]",
		});
		const r = await cli("links", vault.root, "--json");
		expect(r.json.resolvedLinks["Deeper/B/from-b.md"]).toEqual({ "Deeper/B/Dup.md": 1 });
		expect(r.json.resolvedLinks["root.md"]).toEqual({ "A/Dup.md": 1, "Deeper/B/Dup.md": 1 });
	});

	it("prints a summary and the unresolved links as text without --json", async () => {
		vault = new TempVault({ "a.md": "[[b]] [[gone]]", "b.md": "" });
		const r = await cli("links", vault.root);
		expect(r.code).toBe(0);
		expect(r.stdout).toContain("gone");
		expect(r.stdout).toContain("2 sources, 1 resolved links (1 edges), 1 unresolved link texts");
	});

	it("fills scan's backlinks from the same links: integrating notes, not sources or self-links", async () => {
		const seed = seedNote();
		vault = new TempVault({
			"Sources/seed.md": seed.replace("# How OpenAI", "[[seed]] self-link\n\n# How OpenAI"),
			"Notes/uses-it.md": "Based on [[seed#Timestamps|the talk]].",
			"Notes/embeds-it.md": "![[Sources/seed]]",
			"Notes/in-property.md": '---\nsource: "[[seed]]"\n---\n',
			"Notes/in-code.md": "```\n[[seed]]\n```",
			"Notes/md-link.md": "[talk](Sources/seed.md)",
		});
		const r = await cli("scan", vault.root, "--json");
		expect(r.json.sources[0].backlinks).toEqual(["Notes/embeds-it.md", "Notes/in-property.md", "Notes/md-link.md", "Notes/uses-it.md"]);
	});
});

describe("cli scan and sync with a malformed SOURCE note", () => {
	it("does not count the links of a broken SOURCE note as integrating (it is still a source)", async () => {
		const vault = new TempVault({
			"s.md": "---\nid: SOURCE-s\ntitle: S\nstatus: raw\nintegrated_into: []\n---\n",
			"broken.md": "---\nid: SOURCE-b\ntitle: x\ntitle: y\nchain: \"[[s]]\"\n---\nSee [[s]].\n",
		});
		const r = await cli("scan", vault.root, "--json");
		vault.remove();
		expect(r.code).toBe(1);
		expect(r.json.sources.find((s: any) => s.id === "SOURCE-s").backlinks).toEqual([]);
		expect(r.json.errors.map((e: any) => e.path)).toEqual(["broken.md"]);
	});

	it("counts the links of a note that is not UTF-8 as Obsidian does (bad bytes as U+FFFD), and never writes it", async () => {
		const latin = Buffer.concat([Buffer.from("caf"), Buffer.from([0xe9]), Buffer.from(" [[small]] 0:10 x\n")]);
		const vault = new TempVault({
			"small.md": "---\nid: SOURCE-S\ntitle: Small\nstatus: raw\nurl: https://youtu.be/dQw4w9WgXcQ\n---\n",
			"latin.md": latin,
		});
		const links = await cli("links", vault.root, "--json");
		expect(links.code).toBe(0);
		expect(links.json.resolvedLinks).toEqual({ "latin.md": { "small.md": 1 }, "small.md": {} });
		const scan = await cli("scan", vault.root, "--json");
		expect(scan.code).toBe(0);
		expect(scan.json.sources[0].backlinks).toEqual(["latin.md"]);
		const sync = await cli("sync", vault.root, "--json", "--today", "2026-11-23");
		expect(sync.json.changed[0].changes.integrated_into).toEqual(["[[latin]]"]);
		const linkify = await cli("linkify", vault.root, "latin.md");
		expect(linkify.code).toBe(1);
		expect(linkify.stderr).toContain("latin.md: file is not valid UTF-8");
		expect(vault.bytes("latin.md").equals(latin)).toBe(true);
		vault.remove();
	});
});
