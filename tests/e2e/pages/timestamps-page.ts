/**
 * Browser page for tests/e2e/timestamps.e2e.test.ts: a real CodeMirror 6 EditorView with our
 * Live Preview extension, and our reading-view post-processor over markdown-it's HTML (a
 * stand-in for Obsidian's renderer). `obsidian` is the shim next to this file. Exposes
 * `window.sl` for the test to drive and inspect.
 */
import { EditorSelection, EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { markdown } from "@codemirror/lang-markdown";
import MarkdownIt from "markdown-it";
import { buildTimestampDecorations, timestampLivePreview } from "../../../src/ui/live-preview";
import { timestampPostProcessor } from "../../../src/ui/reading-view";
import { createElIn } from "../../helpers/dom";

// Obsidian's DOM helpers that the post-processor uses (createEl on nodes, createFragment).
const proto = Node.prototype as unknown as Record<string, unknown>;
proto.createEl = function (this: Node, tag: keyof HTMLElementTagNameMap, info?: Parameters<typeof createElIn>[2]) {
	return createElIn(this, tag, info);
};
(window as unknown as Record<string, unknown>).createFragment = () => document.createDocumentFragment();

let view: EditorView | null = null;
const opened: string[] = [];
// Intercepted: the extension calls window.open(url) when a seek link is clicked.
window.open = ((url?: string | URL) => {
	opened.push(String(url));
	return null;
});

function pane(kind: "source" | "reading"): HTMLElement {
	document.body.replaceChildren();
	const leaf = document.body.appendChild(document.createElement("div"));
	leaf.className = "workspace-leaf-content";
	const inner = leaf.appendChild(document.createElement("div"));
	inner.className = kind === "source" ? "markdown-source-view mod-cm6 is-live-preview" : "markdown-reading-view";
	inner.style.height = "100%";
	return inner;
}

const sl = {
	opened,
	/** Mount an editor with the extension; returns the ms it took (state, view, first decorations). */
	mountLivePreview(doc: string, livePreview = true): number {
		view?.destroy();
		const parent = pane("source");
		const t0 = performance.now();
		const state = EditorState.create({
			doc,
			selection: EditorSelection.cursor(0),
			extensions: [markdown(), EditorView.lineWrapping, timestampLivePreview({ enabled: () => true })],
		});
		view = new EditorView({ state, parent });
		return performance.now() - t0;
	},
	/** A note of about `bytes` characters: the seed note, then its body again and again. */
	bigNote(seed: string, bytes: number): string {
		const body = seed.slice(seed.indexOf("\n---\n", 4) + 5);
		const parts = [seed];
		let n = seed.length;
		while (n < bytes) {
			parts.push(body);
			n += body.length;
		}
		return parts.join("");
	},
	/** Scroll the editor so the line holding `text` (first occurrence after `after`) is at the top. */
	scrollTo(text: string, after = 0): void {
		if (!view) throw new Error("no editor");
		const pos = view.state.doc.toString().indexOf(text, after);
		view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: "start", yMargin: 8 }) });
	},
	/** Scroll to the middle of the document. */
	scrollToMiddle(): number {
		if (!view) throw new Error("no editor");
		const pos = view.state.doc.lineAt(Math.floor(view.state.doc.length / 2)).from;
		view.dispatch({ effects: EditorView.scrollIntoView(pos, { y: "start" }) });
		return pos;
	},
	/** Text of every seek mark in the editor's DOM. */
	marks(): string[] {
		return Array.from(document.querySelectorAll(".cm-content .source-lifecycle-seek")).map((e) => e.textContent ?? "");
	},
	visibleRanges(): { from: number; to: number }[] {
		return view ? view.visibleRanges.map((r) => ({ from: r.from, to: r.to })) : [];
	},
	docLength(): number {
		return view?.state.doc.length ?? 0;
	},
	/** Mean ms of `buildTimestampDecorations` (the bench's measure), over at least 50 ms of runs. */
	decorationCost(): number {
		if (!view) throw new Error("no editor");
		let runs = 0;
		const t0 = performance.now();
		while (runs < 20 || performance.now() - t0 < 50) {
			buildTimestampDecorations(view);
			runs++;
		}
		return (performance.now() - t0) / runs;
	},
	/** Type `text` at the end of the document through a transaction; ms until the view has updated. */
	typeAtEnd(text: string): number {
		if (!view) throw new Error("no editor");
		const end = view.state.doc.length;
		const t0 = performance.now();
		view.dispatch({ changes: { from: end, insert: text }, selection: EditorSelection.cursor(end + text.length) });
		return performance.now() - t0;
	},
	focusEditor(): void {
		view?.focus();
	},
	cursor(): number {
		return view?.state.selection.main.head ?? -1;
	},
	docText(): string {
		return view?.state.doc.toString() ?? "";
	},
	/** Render Markdown with markdown-it and run the post-processor with this frontmatter. */
	renderReading(markdownText: string, frontmatter: Record<string, unknown>, enabled = true): number {
		const parent = pane("reading");
		const section = parent.appendChild(document.createElement("div"));
		section.className = "markdown-preview-view markdown-rendered";
		const html = new MarkdownIt({ linkify: true, breaks: true }).render(markdownText);
		const parsed = new DOMParser().parseFromString(html, "text/html");
		section.append(...Array.from(parsed.body.childNodes));
		const app = { metadataCache: { getCache: () => null } };
		const ctx = { frontmatter, sourcePath: "seed.md", docId: "1", addChild: () => undefined, getSectionInfo: () => null };
		const pp = timestampPostProcessor(app as never, () => enabled);
		void pp(section, ctx);
		return section.querySelectorAll("a.source-lifecycle-seek").length;
	},
	readingLinks(): { text: string; href: string | null; cls: string }[] {
		return Array.from(document.querySelectorAll<HTMLAnchorElement>("a.source-lifecycle-seek")).map((a) => ({
			text: a.textContent ?? "",
			href: a.getAttribute("href"),
			cls: a.className,
		}));
	},
	scrollReadingTo(text: string): void {
		const el = Array.from(document.querySelectorAll(".markdown-rendered p, .markdown-rendered li")).find((e) => (e.textContent ?? "").includes(text));
		el?.scrollIntoView({ block: "start" });
	},
};

export type Sl = typeof sl;
(window as unknown as { sl: Sl }).sl = sl;
