/**
 * Every reader of note text agrees on what is code (docs/reference.md §5, §6): for generated
 * notes (fences with backticks in their info string, fences in list items and quotes,
 * indented code, `$$` blocks, `%%` comments, HTML blocks), the block reader's role of a
 * probe line decides alike whether the timestamp scan counts the probe's token, whether Live
 * Preview (resuming a kept block state) marks it, whether link extraction indexes its link,
 * and whether the integration heading search takes a probe heading for the section.
 */
import fc from "fast-check";
import { EditorState } from "@codemirror/state";
import { bodyLines, type BodyLine, type LineRole } from "../../src/core/markdown/blocks/reader";
import { findTimestamps, scanTimestamps } from "../../src/core/markdown/timestamps";
import { extractLinks } from "../../src/core/vault/links";
import { appendSourceLink } from "../../src/core/sources/integration";
import { blockSnapshotsField, blockStateAt, noteInfoField } from "../../src/ui/live-preview";
import { fuzz } from "./config";

/** Lines that open, close or hold blocks. */
const BLOCK_LINES = [
	"```", "```js`x", "````", "~~~", "~~~ js", "  ```", "   ~~~", "    ```", "\t```", "- ```", "1. ```", "> ```", "> > ~~~", ">```",
	"    indented", "\tindented", "      deeper", "$$", "$$ x^2 $$", "  $$", "%%", "a %% b", "%% c %%", "`%%`",
	"<div>", "</div>", "<pre>", "</pre>", "<!--", "-->", "<!-- x -->", "<span>", "<script>", "</script>",
	"", "", "", "text", "- item", "  - nested", "* star", "1. one", "> quote", ">", "# H", "---", "***", "[[Link]]",
];

/** A probe: a line whose role the consumers are asked about. `k` numbers it. */
type Part = { kind: "line"; text: string } | { kind: "token"; prefix: string } | { kind: "heading"; prefix: string };

const part: fc.Arbitrary<Part> = fc.oneof(
	{ arbitrary: fc.constantFrom(...BLOCK_LINES).map((text): Part => ({ kind: "line", text })), weight: 6 },
	{ arbitrary: fc.constantFrom("", "  ", "    ", "\t", "> ", "- ", "  - ", ">     ").map((prefix): Part => ({ kind: "token", prefix })), weight: 3 },
	{ arbitrary: fc.constantFrom("", " ", "   ", "    ", "> ").map((prefix): Part => ({ kind: "heading", prefix })), weight: 1 },
);

interface Probe {
	kind: "token" | "heading";
	line: number;
	k: number;
}

function build(parts: readonly Part[]): { text: string; probes: Probe[] } {
	const lines: string[] = [];
	const probes: Probe[] = [];
	parts.forEach((p, k) => {
		if (p.kind === "line") lines.push(p.text);
		else if (p.kind === "token") {
			probes.push({ kind: "token", line: lines.length, k });
			lines.push(`${p.prefix}${Math.floor(k / 60)}:${String(k % 60).padStart(2, "0")} [[P${k}]]`);
		} else {
			probes.push({ kind: "heading", line: lines.length, k });
			lines.push(`${p.prefix}## H${k}`);
		}
	});
	return { text: lines.join("\n"), probes };
}

const CODE_LIKE: readonly LineRole[] = ["code", "math", "html"];

describe("consumer agreement on blocks (property)", () => {
	it("timestamps, Live Preview, links and the integration heading search read each line as the block reader does", () => {
		fc.assert(
			fc.property(fc.array(part, { maxLength: 40 }), (parts) => {
				const { text, probes } = build(parts);
				const lines = bodyLines(text, 0);
				const tokens = new Set(findTimestamps(text).map((t) => t.line - 1));
				const links = new Set(extractLinks(text).links.map((l) => l.position.start.line));
				const state = EditorState.create({ doc: text, extensions: [noteInfoField, blockSnapshotsField] });
				for (const probe of probes) {
					const line = lines[probe.line];
					if (!line) throw new Error(`no line ${probe.line}`);
					const where = `line ${probe.line + 1} (${line.role}) of:\n${text}`;
					if (probe.kind === "heading") {
						const r = appendSourceLink(text, `## H${probe.k}`, "Src");
						if (!r.ok) throw new Error(r.reason);
						// Taken for the section (the heading is not added again): a heading line outside quotes.
						const found = r.text.split(`## H${probe.k}`).length === 2;
						const quoted = text.slice(line.start, line.end).startsWith(">");
						expect([where, found]).toEqual([where, line.role === "heading" && !quoted && line.after.item === 0]);
						continue;
					}
					// Links: indexed in text and in %% comments (as Obsidian does), never in code, math or HTML.
					expect([where, links.has(probe.line)]).toEqual([where, !CODE_LIKE.includes(line.role)]);
					// Timestamps: counted only on text lines; on a text line, unless a code span an earlier
					// line of its paragraph opened holds it.
					const counted = tokens.has(probe.line);
					if (line.role !== "text") expect([where, counted]).toEqual([where, false]);
					else if (!backtickAbove(text, lines, probe.line)) expect([where, counted]).toEqual([where, true]);
					// Live Preview: a visible range starting at this line resumes the kept block state there.
					const from = line.start;
					const to = line.end;
					const marked = scanTimestamps(text.slice(from, to), { state: blockStateAt(state, from, 0) }).timestamps.length > 0;
					if (!backtickAbove(text, lines, probe.line)) expect([where, marked]).toEqual([where, counted]);
				}
			}),
			fuzz(0.5),
		);
	});
});

/** A backtick on an earlier text line of the probe's paragraph (a code span may run on to the probe). */
function backtickAbove(text: string, lines: readonly BodyLine[], at: number): boolean {
	for (let i = at - 1; i >= 0; i--) {
		const l = lines[i] as BodyLine;
		if (l.role !== "text" && l.role !== "heading") return false;
		if (text.slice(l.start, l.end).includes("`")) return true;
	}
	return false;
}
