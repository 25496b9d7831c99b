/**
 * Bench page: a real CodeMirror 6 EditorView with the Live Preview extension; measures
 * the decoration cost per update (`buildTimestampDecorations`, what the extension runs on
 * every doc/viewport/selection change) on what is visible.
 */
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { markdown } from "@codemirror/lang-markdown";
import { buildTimestampDecorations, timestampLivePreview } from "../../src/ui/live-preview";

let view: EditorView | null = null;

const bench = {
	/** The seed note, then its body again and again, to about `chars` characters. */
	mount(seed: string, chars: number): { length: number; visible: number; marks: number } {
		view?.destroy();
		const body = seed.slice(seed.indexOf("\n---\n", 4) + 5);
		const parts = [seed];
		for (let n = seed.length; n < chars; n += body.length) parts.push(body);
		const doc = parts.join("");
		document.body.replaceChildren();
		const parent = document.body.appendChild(document.createElement("div"));
		parent.className = "bench-editor-pane";
		view = new EditorView({
			state: EditorState.create({ doc, selection: EditorSelection.cursor(0), extensions: [markdown(), EditorView.lineWrapping, timestampLivePreview({ enabled: () => true })] }),
			parent,
		});
		// Show the timestamp list of the seed body nearest the middle of the note.
		const pos = doc.indexOf("Timestamps:", Math.max(0, Math.floor(doc.length / 2) - body.length));
		view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: "start" }) });
		view.requestMeasure();
		return { length: doc.length, visible: 0, marks: 0 };
	},
	/** After layout: what is visible and how many marks the extension drew. */
	state(): { visible: number; marks: number } {
		if (!view) throw new Error("no editor");
		const visible = view.visibleRanges.reduce((n, r) => n + r.to - r.from, 0);
		return { visible, marks: document.querySelectorAll(".cm-content .source-lifecycle-seek").length };
	},
	/** Mean ms of one decoration update, over at least `minMs` of runs. */
	cost(minMs: number): number {
		if (!view) throw new Error("no editor");
		let runs = 0;
		let size = 0;
		const t0 = performance.now();
		while (runs < 10 || performance.now() - t0 < minMs) {
			size += buildTimestampDecorations(view).size;
			runs++;
		}
		if (size === 0) throw new Error("no decorations: nothing measured");
		return (performance.now() - t0) / runs;
	},
};

(window as unknown as { bench: typeof bench }).bench = bench;
