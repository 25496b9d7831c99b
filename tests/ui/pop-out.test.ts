/**
 * @jest-environment jsdom
 *
 * Live Preview seek links in a pop-out window: the editor's DOM lives in the second window,
 * whose `Element` and `MouseEvent` are not the main window's, so an `instanceof Element`
 * check against the main window's globals is false for nodes that window created
 * (Obsidian's pop-out windows guide, docs/obsidian-behaviour.md). jsdom gives an iframe its
 * own globals, as Electron gives a pop-out.
 */
import { EditorState } from "@codemirror/state";
import { EditorView } from "@codemirror/view";
import { markdown } from "@codemirror/lang-markdown";
import { timestampLivePreview } from "../../src/ui/live-preview";

const VIDEO = "3x0jhpEj_6o";

it("a click on a seek link in a pop-out window's editor opens the video, whichever window created the clicked node", () => {
	const frame = document.body.appendChild(document.createElement("iframe"));
	const win = frame.contentWindow as Window & typeof globalThis;
	expect(win.Element).not.toBe(Element);
	const opened: string[] = [];
	const state = EditorState.create({
		doc: `---\nurl: https://youtu.be/${VIDEO}\n---\n1:05 Intro`,
		extensions: [markdown(), timestampLivePreview({ enabled: () => true, open: (u) => opened.push(u) })],
	});
	const view = new EditorView({ state, parent: win.document.body, root: win.document });
	try {
		const link = view.contentDOM.querySelector(".source-lifecycle-seek") as HTMLElement;
		expect(link.textContent).toBe("1:05");
		// CodeMirror creates its marks with the main window's document: a main-window Element.
		link.dispatchEvent(new win.MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 }));
		// A node the pop-out window created itself (Obsidian's own rendering there) is of its realm.
		const own = win.document.createElement("span");
		own.textContent = link.textContent;
		link.replaceChildren(own);
		expect(own instanceof Element).toBe(false);
		own.dispatchEvent(new win.MouseEvent("mousedown", { bubbles: true, cancelable: true, button: 0 }));
		const url = `https://www.youtube.com/watch?v=${VIDEO}&t=65s`;
		expect(opened).toEqual([url, url]);
	} finally {
		view.destroy();
		frame.remove();
	}
});
