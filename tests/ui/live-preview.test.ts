/** @jest-environment jsdom */
import { EditorSelection, EditorState, type Extension } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { markdown } from "@codemirror/lang-markdown";
import { blockSnapshotsField, blockStateAt, buildTimestampDecorations, fenceAt, noteInfoField, readNoteInfo, timestampLivePreview } from "../../src/ui/live-preview";
import { scanTimestamps } from "../../src/core/markdown/timestamps";
import { editorLivePreviewField } from "../__mocks__/obsidian";
import { seedNote } from "../helpers/fixtures";

const VIDEO = "3x0jhpEj_6o";
const seek = (s: number) => `https://www.youtube.com/watch?v=${VIDEO}&t=${s}s`;
/** The seed's video and timestamp list without its long frontmatter: jsdom's viewport is only ~900 characters. */
const seedShort = () => {
	const seed = seedNote();
	return `---\nurl: "https://www.youtube.com/watch?v=${VIDEO}"\n---\n` + seed.slice(seed.indexOf("Timestamps:"), seed.indexOf("Stay Updated"));
};
const note = (body: string, url = `https://youtu.be/${VIDEO}`) => `---\nurl: ${url}\n---\n${body}`;

let views: EditorView[] = [];
afterEach(() => {
	for (const v of views) v.destroy();
	views = [];
});

function mount(doc: string, options: { enabled?: () => boolean; extra?: Extension[]; opened?: string[]; cursor?: number } = {}): EditorView {
	const opened = options.opened ?? [];
	const state = EditorState.create({
		doc,
		selection: EditorSelection.cursor(options.cursor ?? 0),
		extensions: [markdown(), timestampLivePreview({ enabled: options.enabled ?? (() => true), open: (u) => opened.push(u) }), ...(options.extra ?? [])],
	});
	const view = new EditorView({ state, parent: document.body });
	views.push(view);
	return view;
}

/** [text, seek URL] of every mark the view shows. */
function marks(view: EditorView): [string, string][] {
	const out: [string, string][] = [];
	buildTimestampDecorations(view).between(0, view.state.doc.length, (from, to, d) => {
		out.push([view.state.sliceDoc(from, to), (d.spec as { seekUrl: string }).seekUrl]);
	});
	return out;
}
const rendered = (view: EditorView) => Array.from(view.contentDOM.querySelectorAll(".source-lifecycle-seek")).map((e) => e.textContent);

describe("Live Preview extension", () => {
	it("marks the seed note's 12 timestamps with their seek URLs, in the DOM too", () => {
		const view = mount(seedShort());
		const m = marks(view);
		expect(m.map(([t]) => t)).toEqual(["00:00", "8:36", "12:18", "15:11", "17:30", "20:10", "24:44", "28:06", "31:55", "36:46", "42:57", "45:47"]);
		expect(m[1]).toEqual(["8:36", seek(516)]);
		expect(rendered(view)).toEqual(m.map(([t]) => t));
	});

	it("decorates only the visible ranges (jsdom shows the first ~900 characters; the seed's list is below)", () => {
		const view = mount(seedNote());
		expect(view.visibleRanges[view.visibleRanges.length - 1]!.to).toBeLessThan(seedNote().indexOf("00:00  Introduction"));
		expect(marks(view)).toEqual([]);
	});

	it("does not mark a token the cursor or selection touches", () => {
		const doc = note("0:10 a\n0:20 b");
		const at = doc.indexOf("0:20");
		for (const sel of [EditorSelection.cursor(at), EditorSelection.cursor(at + 4), EditorSelection.range(at - 1, at + 1)]) {
			const view = mount(doc);
			view.dispatch({ selection: sel });
			expect(marks(view).map(([t]) => t)).toEqual(["0:10"]);
		}
	});

	it("removes the mark of a token while it is being typed in, and marks it again when the cursor leaves", () => {
		const doc = note("0:10 a\n0:20 b");
		const view = mount(doc);
		view.dispatch({ selection: EditorSelection.cursor(doc.indexOf("0:20")) });
		view.dispatch(view.state.replaceSelection("1"));
		expect(view.state.doc.toString()).toContain("\n10:20 b");
		expect(rendered(view)).toEqual(["0:10"]);
		view.dispatch({ selection: EditorSelection.cursor(doc.indexOf("0:10")) });
		expect(rendered(view)).toEqual(["10:20"]);
		view.dispatch({ selection: EditorSelection.cursor(doc.indexOf("\n")) });
		expect(marks(view)).toEqual([
			["0:10", seek(10)],
			["10:20", seek(620)],
		]);
	});

	it("is off in source mode", () => {
		const view = mount(note("0:10 a"), { extra: [editorLivePreviewField.init(() => false)], cursor: 0 });
		expect(marks(view)).toEqual([]);
		expect(rendered(view)).toEqual([]);
	});

	it("follows the setting", () => {
		let on = false;
		const view = mount(note("0:10 a"));
		view.destroy();
		const v2 = mount(note("0:10 a"), { enabled: () => on });
		expect(rendered(v2)).toEqual([]);
		on = true;
		v2.dispatch({ selection: EditorSelection.cursor(1) });
		expect(rendered(v2)).toEqual(["0:10"]);
	});

	it("rebuilds when the frontmatter url changes, and marks nothing without a video", () => {
		const doc = note("0:10 a", "https://open.spotify.com/show/x");
		const view = mount(doc);
		expect(rendered(view)).toEqual([]);
		const from = doc.indexOf("https://open");
		view.dispatch({ changes: { from, to: from + "https://open.spotify.com/show/x".length, insert: `https://www.youtube.com/watch?v=${VIDEO}` } });
		expect(view.state.field(noteInfoField).videoId).toBe(VIDEO);
		expect(rendered(view)).toEqual(["0:10"]);
	});

	it("skips fenced code, inline code and existing links", () => {
		const view = mount(note("0:10 a\n```\n0:20 b\n```\n`0:30` c\n[0:40](https://x.y) d\n(0:50) e"));
		expect(marks(view).map(([t]) => t)).toEqual(["0:10", "0:50"]);
	});

	it("opens the seek URL on a click on the mark, without moving the cursor", () => {
		const opened: string[] = [];
		const view = mount(seedShort(), { opened });
		const span = Array.from(view.contentDOM.querySelectorAll(".source-lifecycle-seek")).find((e) => e.textContent === "8:36")!;
		const event = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 });
		span.dispatchEvent(event);
		expect(opened).toEqual([seek(516)]);
		expect(event.defaultPrevented).toBe(true);
		expect(view.state.selection.main.head).toBe(0);
	});

	it("opens the video once on a double-click", () => {
		const opened: string[] = [];
		const view = mount(seedShort(), { opened });
		const span = Array.from(view.contentDOM.querySelectorAll(".source-lifecycle-seek")).find((e) => e.textContent === "8:36")!;
		for (const detail of [1, 2]) {
			const event = new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0, detail });
			span.dispatchEvent(event);
			expect(event.defaultPrevented).toBe(true);
		}
		expect(opened).toEqual([seek(516)]);
	});

	it("reads a very long line only around what is visible", () => {
		const line = "(0:10) start " + "word ".repeat(40_000) + "(0:20) far";
		const view = mount(note(line));
		const visible = view.visibleRanges;
		const last = visible[visible.length - 1]!.to;
		// CodeMirror shows part of the line (line gaps); the far token is well past it.
		expect(last).toBeLessThan(view.state.doc.length - 10_000);
		expect(marks(view).map(([t]) => t)).toEqual(["0:10"]);
	});

	it("ignores a right click", () => {
		const opened: string[] = [];
		const view = mount(seedShort(), { opened });
		const span = view.contentDOM.querySelector(".source-lifecycle-seek")!;
		span.dispatchEvent(new MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 2 }));
		expect(opened).toEqual([]);
	});
});

/** 300 seeded random edits (insert one of `inserts`, replacing up to `maxCut` characters), checking after each. */
function randomEdits(start: EditorState, inserts: string[], seed: number, maxCut: number, check: (state: EditorState) => void): void {
	const rand = (n: number) => {
		seed = (seed * 1103515245 + 12345) % 2147483648;
		return seed % n;
	};
	let state = start;
	for (let i = 0; i < 300; i++) {
		const len = state.doc.length;
		const from = rand(len + 1);
		const to = Math.min(len, from + rand(maxCut + 1));
		state = state.update({ changes: { from, to, insert: inserts[rand(inserts.length)]! } }).state;
		check(state);
	}
}

describe("Live Preview state", () => {
	it.each<[string, string, number, string | null]>([
		["frontmatter with a video", note("x"), note("x").lastIndexOf("x"), VIDEO],
		["no frontmatter", "0:10 x", 0, null],
		["unclosed frontmatter", "---\nurl: https://youtu.be/3x0jhpEj_6o\n0:10", 0, null],
		["empty frontmatter", "---\n---\n0:10", 0, null],
	])("reads %s", (_name, doc, bodyFrom, videoId) => {
		const info = readNoteInfo(EditorState.create({ doc }).doc);
		expect([info.bodyFrom, info.videoId]).toEqual([bodyFrom, videoId]);
	});

	it("keeps the note info equal to a fresh read through random edits, unclosed frontmatter included", () => {
		const start = EditorState.create({ doc: "---\nurl: https://youtu.be/3x0jhpEj_6o\nx\n0:10\n", extensions: [noteInfoField] });
		randomEdits(start, ["---\n", "-", "\n", "x", "url: https://youtu.be/3x0jhpEj_6o\n", ""], 11, 4, (state) => {
			const fresh = readNoteInfo(state.doc);
			const kept = state.field(noteInfoField);
			expect([kept.bodyFrom, kept.videoId]).toEqual([fresh.bodyFrom, fresh.videoId]);
		});
	});

	it("resumes kept block states that equal a fresh reading from the top, through random edits", () => {
		const lines = Array.from({ length: 1200 }, (_, i) => (i % 97 === 5 ? "```" : i % 89 === 7 ? "$$" : i % 83 === 3 ? "<div>" : `${i % 60}:00 line`)).join("\n");
		const start = EditorState.create({ doc: lines, extensions: [noteInfoField, blockSnapshotsField] });
		randomEdits(start, ["```\n", "x", "\n", "~~~", "$$", "\n<pre>\n", "> ~~~~\n", "%%", ""], 7, 5, (state) => {
			const doc = state.doc;
			for (const n of [1, Math.floor(doc.lines / 2), doc.lines]) {
				const pos = doc.line(n).from;
				const fresh = scanTimestamps(doc.sliceString(0, pos)).state;
				expect([n, blockStateAt(state, pos, 0)]).toEqual([n, fresh]);
			}
		});
		const state = start.update({}).state;
		blockStateAt(state, state.doc.length, 0);
		expect(state.field(blockSnapshotsField).at.length).toBeGreaterThan(2);
	});

	it("knows the fence open at a line start from the index", () => {
		const doc = note("0:10\n````\n```\n0:20\n````\n0:30");
		const state = EditorState.create({ doc, extensions: [noteInfoField, blockSnapshotsField] });
		const body = state.field(noteInfoField).bodyFrom;
		expect(fenceAt(state, doc.indexOf("0:20"), body)).toEqual({ char: 96, length: 4, quotes: 0, indent: 0 });
		expect(fenceAt(state, doc.indexOf("0:30"), body)).toBeNull();
		expect(fenceAt(state, doc.indexOf("0:10"), body)).toBeNull();
	});

	it("ends a fence where its list item or quote ends, as the scan of the whole note does", () => {
		const body = "- Setup:\n  ```\n  pip 0:01\n- 0:05 Intro\n\n```\n0:10 code\n```\n0:20 x\n> ```\n> 0:30\n\n0:40 y\n";
		const doc = note(body);
		const state = EditorState.create({ doc, extensions: [noteInfoField, blockSnapshotsField] });
		const from = state.field(noteInfoField).bodyFrom;
		for (let line = state.doc.lineAt(from).number; line <= state.doc.lines; line++) {
			const start = state.doc.line(line).from;
			const scanned = scanTimestamps(doc.slice(from, start)).fence;
			expect([line, fenceAt(state, start, from)]).toEqual([line, scanned]);
		}
		expect(fenceAt(state, doc.indexOf("  pip"), from)).toEqual({ char: 96, length: 3, quotes: 0, indent: 2, container: 2 });
		// Open at the start of the line that ends the item; a scan given it closes it there.
		const item = doc.indexOf("- 0:05");
		const open = fenceAt(state, item, from);
		expect(open).toEqual({ char: 96, length: 3, quotes: 0, indent: 2, container: 2 });
		expect(scanTimestamps(doc.slice(item, doc.indexOf("\n", item)), { fence: open }).timestamps.map((t) => t.text)).toEqual(["0:05"]);
		expect(fenceAt(state, doc.indexOf("\n", item) + 1, from)).toBeNull();
		expect(fenceAt(state, doc.indexOf("0:10"), from)).toEqual({ char: 96, length: 3, quotes: 0, indent: 0 });
		expect(fenceAt(state, doc.indexOf("0:40"), from)).toBeNull();
	});
});
