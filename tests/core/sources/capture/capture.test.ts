import fc from "fast-check";
import { parse } from "yaml";
import { planCapture, type CaptureVault, type VaultNoteData } from "../../../../src/core/sources/capture/capture";
import { withDefaults, type SourceSettings } from "../../../../src/core/sources/settings";
import { readFrontmatter } from "../../../../src/core/frontmatter/frontmatter";
import { seedDescription, seedNote } from "../../../helpers/fixtures";

const SEED_URL = "https://www.youtube.com/watch?v=3x0jhpEj_6o";
const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";
const TODAY = "2026-12-08";

function vault(notes: VaultNoteData[] = [], files: string[] = []): CaptureVault {
	const taken = new Set([...notes.map((n) => n.path), ...files].map((p) => p.toLowerCase()));
	return { notes, taken: (p) => taken.has(p) };
}
const settings = (patch: Partial<SourceSettings> = {}) => ({ ...withDefaults(null), ...patch });
const frontmatterOf = (text: string) => parse(text.slice(4, text.indexOf("\n---\n", 4))) as Record<string, unknown>;

describe("capture: the plan", () => {
	it("makes the seed's frontmatter keys, in the seed's order, from the seed's URL, title, creator, date and description", () => {
		const plan = planCapture({ url: SEED_URL, title: SEED_TITLE, creator: "a16z", published: "2025-11-28", description: seedDescription(), today: TODAY }, vault(), settings({ sourceFolder: "Sources" }));
		if (plan.kind !== "create") throw new Error(plan.kind);
		const seed = readFrontmatter(seedNote());
		if (!seed.ok || !seed.data) throw new Error("seed");
		const fm = frontmatterOf(plan.text);
		expect(Object.keys(fm)).toEqual(Object.keys(seed.data));
		expect(plan.id).toBe("SOURCE-20251128-001");
		expect(plan.path).toBe("Sources/How OpenAI Builds for 800 Million Weekly Users Model Specialization and Fine-Tuning.md");
		expect(fm).toMatchObject({ id: plan.id, platform: "youtube", status: "raw", title: SEED_TITLE, url: SEED_URL, creator: "a16z", date_published: "2025-11-28", date_processed: TODAY, date_integrated: null, integrated_into: [], topics: [], guest: null });
		expect(plan.text).toContain(`\ntitle: "${SEED_TITLE}"\nurl: "${SEED_URL}"\n`);
		expect(plan.text).toContain(`\n# ${SEED_TITLE}\n\n**URL**: ${SEED_URL}\n\nTimestamps:\n- 00:00 Introduction\n- 8:36 Horizontal vs vertical OpenAI\n`);
		expect(plan.text).toContain("\n## Description\n\nIn this episode, a16z GP");
	});

	it("writes every URL form as the canonical watch URL", () => {
		for (const url of ["https://youtu.be/3x0jhpEj_6o?si=x", "http://m.youtube.com/watch?feature=share&v=3x0jhpEj_6o", "https://www.youtube.com/shorts/3x0jhpEj_6o", "https://www.youtube-nocookie.com/embed/3x0jhpEj_6o"]) {
			const plan = planCapture({ url, today: TODAY }, vault(), settings());
			expect(plan.kind === "create" && frontmatterOf(plan.text).url).toBe(SEED_URL);
		}
	});

	it("refuses a URL that is not a YouTube video", () => {
		for (const url of ["https://example.com/watch?v=3x0jhpEj_6o", "javascript:alert('https://youtu.be/3x0jhpEj_6o')", "https://www.youtube.com/@a16z", ""]) {
			const plan = planCapture({ url, today: TODAY }, vault(), settings());
			expect(plan).toEqual({ kind: "refused", reason: expect.stringContaining("not a YouTube video URL") });
		}
	});

	it("finds the same video in any folder and any URL form, and plans nothing", () => {
		const notes = [
			{ path: "elsewhere/Old note.md", frontmatter: { id: "SOURCE-20250101-004", url: "https://youtu.be/3x0jhpEj_6o" } },
		];
		const plan = planCapture({ url: "https://www.youtube.com/live/3x0jhpEj_6o", today: TODAY }, vault(notes), settings({ sourceFolder: "Sources" }));
		expect(plan).toEqual({ kind: "duplicate", existing: { path: "elsewhere/Old note.md", id: "SOURCE-20250101-004" }, videoId: "3x0jhpEj_6o" });
	});

	it("is not fooled by a non-source note with the URL; it still counts that note's id", () => {
		const notes = [{ path: "reading.md", frontmatter: { id: `SOURCE-${TODAY.replace(/-/g, "")}-001`.replace("SOURCE-", "READ-"), url: SEED_URL } }, { path: "x.md", frontmatter: { id: "SOURCE-20261208-001" } }];
		const plan = planCapture({ url: SEED_URL, today: TODAY }, vault(notes), settings());
		expect(plan.kind === "create" && plan.id).toBe("SOURCE-20261208-002");
	});

	it("names the note after its id when there is no title, and leaves title null (the missing-title problem)", () => {
		const plan = planCapture({ url: SEED_URL, today: TODAY }, vault(), settings());
		if (plan.kind !== "create") throw new Error(plan.kind);
		expect(plan.path).toBe("SOURCE-20261208-001.md");
		expect(frontmatterOf(plan.text)).toMatchObject({ title: null, creator: null, date_published: null, aliases: [] });
		expect(plan.text).not.toContain("\n# ");
	});

	it("adds (2) when a file of that name exists, and fills aliases from the final name", () => {
		const plan = planCapture({ url: SEED_URL, title: "A talk", today: TODAY }, vault([], ["a talk.md"]), settings());
		expect(plan.kind === "create" && plan.path).toBe("A talk (2).md");
		expect(plan.kind === "create" && frontmatterOf(plan.text).aliases).toEqual(["A talk"]);
	});

	it("refuses a publication date that is not YYYY-MM-DD", () => {
		expect(planCapture({ url: SEED_URL, published: "2025-02-30", today: TODAY }, vault(), settings()).kind).toBe("refused");
	});

	it("any title: the frontmatter parses with the yaml package and holds that title (property)", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 120 }), fc.string({ unit: "grapheme", maxLength: 30 }), (title, creator) => {
				const plan = planCapture({ url: SEED_URL, title, creator, today: TODAY }, vault(), settings());
				if (plan.kind !== "create") throw new Error(plan.kind);
				const fm = frontmatterOf(plan.text);
				expect(fm.title).toBe(title.trim() === "" ? null : title.trim());
				expect(fm.creator).toBe(creator.trim() === "" ? null : creator.trim());
				expect(readFrontmatter(plan.text).ok).toBe(true);
			}),
			{ numRuns: 500 },
		);
	});
});

describe("capture: template notes", () => {
	const TEMPLATE = [
		"---",
		"id: {{id}}",
		'title: "{{title}}"',
		"url: {{url}}",
		"creator: {{creator}}",
		"synopsis: {{title}} by {{creator}}",
		"date_published: {{date_published}}",
		"date_processed: {{today}}",
		"tags:",
		"  - video/{{videoId}}",
		"status: raw",
		"---",
		"# {{title}}",
		"",
		"{{timestamps}}",
		"",
		"> {{description}}",
		"{{unknown}} stays",
		"",
	].join("\n");

	it("fills every placeholder; frontmatter values quoted, body text as is", () => {
		const title = 'Say "hi": #1 - a [[test]]';
		const plan = planCapture({ url: SEED_URL, title, creator: "a16z", description: "Hello\n0:00 Start", today: TODAY }, vault(), settings(), TEMPLATE);
		if (plan.kind !== "create") throw new Error(plan.kind);
		expect(frontmatterOf(plan.text)).toEqual({
			id: plan.id,
			title,
			url: SEED_URL,
			creator: "a16z",
			synopsis: `${title} by a16z`,
			date_published: null,
			date_processed: TODAY,
			tags: ["video/3x0jhpEj_6o"],
			status: "raw",
		});
		expect(plan.text.slice(plan.text.indexOf("\n---\n") + 5)).toBe(`# ${title}\n\n- 0:00 Start\n\n> Hello\n{{unknown}} stays\n`);
	});

	it("any title: the filled template's frontmatter parses and holds that title (property)", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 120 }), (title) => {
				const plan = planCapture({ url: SEED_URL, title, creator: title, today: TODAY }, vault(), settings(), TEMPLATE);
				if (plan.kind !== "create") throw new Error(plan.kind === "refused" ? plan.reason : plan.kind);
				const fm = frontmatterOf(plan.text);
				const expected = title.trim() === "" ? null : title.trim();
				// A lone placeholder of an unknown value is null, quoted in the template or not.
				expect(fm.title).toBe(expected);
				expect(fm.creator).toBe(expected);
			}),
			{ numRuns: 500 },
		);
	});

	it("keeps a CRLF template's line endings and fills its frontmatter the same way", () => {
		const crlf = '---\r\nid: "{{id}}"\r\nurl: "{{url}}"\r\ncreator: {{creator}}\r\n---\r\n{{title}}\r\n';
		const plan = planCapture({ url: SEED_URL, title: "a: b", today: TODAY }, vault(), settings(), crlf);
		expect(plan.kind === "create" && plan.text).toBe(`---\r\nid: "SOURCE-20261208-001"\r\nurl: "${SEED_URL}"\r\ncreator: null\r\n---\r\na: b\r\n`);
	});

	it("refuses a template without id or url placeholders, saying which", () => {
		const plan = planCapture({ url: SEED_URL, today: TODAY }, vault(), settings(), "---\ntitle: {{title}}\n---\n");
		expect(plan).toEqual({ kind: "refused", reason: expect.stringContaining("must have id: {{id}}") });
		const noUrl = planCapture({ url: SEED_URL, today: TODAY }, vault(), settings(), "---\nid: {{id}}\n---\n");
		expect(noUrl).toEqual({ kind: "refused", reason: expect.stringContaining("must have url: {{url}}") });
	});
});
