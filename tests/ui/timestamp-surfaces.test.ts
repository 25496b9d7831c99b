/** @jest-environment jsdom */
/**
 * Every surface links the same tokens on the timestamp corpus (docs/timestamps.md): what the
 * CLI's `timestamps` finds (the note's video and duration read from its frontmatter) is what
 * Live Preview marks — over the whole note, and with each line its own visible range (so a
 * rule that reads the line above still sees it) — what the reading view links section by
 * section, and what `linkify` rewrites.
 */
import { EditorState } from "@codemirror/state";
import type { EditorView } from "@codemirror/view";
import MarkdownIt from "markdown-it";
import { findTimestamps, linkifyNote, noteVideo } from "../../src/core/markdown/timestamps";
import { blockSnapshotsField, buildTimestampDecorations, noteInfoField } from "../../src/ui/live-preview";
import { timestampPostProcessor } from "../../src/ui/reading-view";
import { App } from "../__mocks__/obsidian";
import { readCorpus } from "../helpers/timestamp-corpus";

const notes = [...readCorpus().values()].flat();
const md = new MarkdownIt({ linkify: true });

/** `offset:token` of what the CLI finds. */
function cliTokens(text: string): string[] {
	const video = noteVideo(text);
	if (!video.ok) throw new Error(video.reason);
	return findTimestamps(text, { videoId: video.videoId, duration: video.duration }).map((t) => `${t.from}:${t.text}`);
}

/** `offset:token` of the Live Preview marks when `ranges` are visible. */
function livePreviewTokens(text: string, ranges: (doc: string) => { from: number; to: number }[]): string[] {
	const state = EditorState.create({ doc: text, extensions: [noteInfoField, blockSnapshotsField] });
	const view = { state, visibleRanges: ranges(text) } as unknown as EditorView;
	const out: string[] = [];
	buildTimestampDecorations(view).between(0, text.length, (from, to) => {
		out.push(`${from}:${text.slice(from, to)}`);
	});
	return out;
}

function eachLine(text: string): { from: number; to: number }[] {
	const ranges: { from: number; to: number }[] = [];
	let from = 0;
	for (const line of text.split("\n")) {
		ranges.push({ from, to: from + line.length });
		from += line.length + 1;
	}
	return ranges;
}

/** `token@seconds` of the reading view's links, each top-level block rendered as Obsidian hands it over (with its section's lines). */
function readingViewTokens(text: string): string[] {
	const app = new App();
	const video = noteVideo(text);
	const frontmatter = video.ok ? { url: `https://youtu.be/${video.videoId ?? ""}`, duration: video.duration } : {};
	const lines = text.split("\n");
	const bodyLine = text.startsWith("---\n") ? lines.indexOf("---", 1) + 1 : 0;
	const body = lines.slice(bodyLine).join("\n");
	const out: string[] = [];
	for (const token of md.parse(body, {})) {
		if (token.level !== 0 || token.map === null || token.nesting === -1) continue;
		const [start, end] = token.map;
		const el = document.createElement("div");
		const doc = new DOMParser().parseFromString(md.render(lines.slice(bodyLine + start, bodyLine + end).join("\n")), "text/html");
		el.append(...Array.from(doc.body.childNodes));
		const ctx = { frontmatter, sourcePath: "n.md", docId: "", addChild: () => undefined, getSectionInfo: () => ({ text, lineStart: bodyLine + start, lineEnd: bodyLine + end - 1 }) };
		timestampPostProcessor(app as never, () => true)(el, ctx);
		for (const a of Array.from(el.querySelectorAll<HTMLAnchorElement>("a.source-lifecycle-seek"))) out.push(`${a.textContent ?? ""}@${a.dataset.seconds ?? ""}`);
	}
	return out;
}

describe("timestamp corpus: every surface links the same tokens", () => {
	it.each(notes.map((n) => [n.path, n.text] as const))("%s", (_path, text) => {
		const cli = cliTokens(text);
		expect(cli.length).toBeGreaterThan(0);
		expect(livePreviewTokens(text, (doc) => [{ from: 0, to: doc.length }])).toEqual(cli);
		expect(livePreviewTokens(text, eachLine)).toEqual(cli);
		const video = noteVideo(text);
		const found = findTimestamps(text, video.ok ? { videoId: video.videoId, duration: video.duration } : {});
		expect(readingViewTokens(text)).toEqual(found.map((t) => `${t.text}@${t.seconds}`));
		const linked = linkifyNote(text);
		expect(linked.ok && linked.linked).toBe(cli.length);
		if (linked.ok) expect(linkifyNote(linked.text)).toMatchObject({ ok: true, text: linked.text, linked: 0 });
	});
});
