import fc from "fast-check";
import { availablePath, safeFileName } from "../../../../src/core/sources/capture/file-name";

const SEED_TITLE = "How OpenAI Builds for 800 Million Weekly Users: Model Specialization and Fine-Tuning";
const ID = "SOURCE-20251128-001";

describe("capture: file names", () => {
	it.each([
		["drops the seed title's colon", SEED_TITLE, "How OpenAI Builds for 800 Million Weekly Users Model Specialization and Fine-Tuning"],
		["removes every character unsafe on some OS or in a link", 'a\\b/c:d*e?f"g<h>i|j#k^l[m]n', "a b c d e f g h i j k l m n"],
		["trims and folds spaces", "  Talk \t about\nthings  ", "Talk about things"],
		["drops leading dots (a hidden file) and trailing dots (Windows)", "...hidden title...", "hidden title"],
		["keeps other Unicode", "Qu’est-ce que l’IA ? 🤖", "Qu’est-ce que l’IA 🤖"],
		["uses the id when no title is given", null, ID],
		["uses the id when nothing safe is left", " #[]:: ", ID],
		["adds the id to a name Windows reserves", "con", `con ${ID}`],
	])("%s", (_rule, title, expected) => {
		expect(safeFileName(title, ID)).toBe(expected);
	});

	it("keeps at most 100 characters, never half a character", () => {
		expect(safeFileName("x".repeat(150), ID)).toBe("x".repeat(100));
		const emoji = safeFileName("🤖".repeat(80), ID);
		expect([...emoji].every((c) => c === "🤖")).toBe(true);
		expect(Buffer.byteLength(emoji)).toBeLessThanOrEqual(200);
	});

	it("never gives an unsafe or over-long name, for any title (property)", () => {
		fc.assert(
			fc.property(fc.string({ unit: "binary", maxLength: 300 }), (title) => {
				const name = safeFileName(title, ID);
				expect(name).not.toMatch(/[\\/:*?"<>|#^[\]]/);
				expect([...name].some((c) => c.charCodeAt(0) < 0x20)).toBe(false);
				expect([...name].length).toBeLessThanOrEqual(100);
				expect(name).toBe(name.trim());
				expect(name.startsWith(".")).toBe(false);
				expect(name).not.toBe("");
			}),
		);
	});

	it("adds (2), (3)… on a clash, compared case-insensitively, inside the source folder", () => {
		const taken = new Set(["sources/talk.md", "sources/talk (2).md"]);
		expect(availablePath("Sources", "Talk", (p) => taken.has(p))).toBe("Sources/Talk (3).md");
		expect(availablePath("", "Talk", (p) => taken.has(p))).toBe("Talk.md");
		expect(availablePath("/Sources/", "Other", (p) => taken.has(p))).toBe("Sources/Other.md");
	});
});
