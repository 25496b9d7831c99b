/** @jest-environment jsdom */
import { EditorState, type ChangeSpec } from "@codemirror/state";
import SourceLifecyclePlugin from "../../src/plugin/main";
import { convertTimestampsInEditor } from "../../src/plugin/timestamps";
import { App, Notice, TFile } from "../__mocks__/obsidian";
import { seedNote } from "../helpers/fixtures";
import manifest from "../../manifest.json";

/** An Editor over a CodeMirror state: getValue, offsetToPos/posToOffset and transaction, as Obsidian's. */
class FakeEditor {
	transactions = 0;
	constructor(public state: EditorState) {}
	getValue(): string {
		return this.state.doc.toString();
	}
	offsetToPos(offset: number) {
		const line = this.state.doc.lineAt(offset);
		return { line: line.number - 1, ch: offset - line.from };
	}
	posToOffset(pos: { line: number; ch: number }): number {
		return this.state.doc.line(pos.line + 1).from + pos.ch;
	}
	transaction(tx: { changes: { from: { line: number; ch: number }; to?: { line: number; ch: number }; text: string }[] }): void {
		this.transactions++;
		const changes: ChangeSpec[] = tx.changes.map((c) => ({ from: this.posToOffset(c.from), to: c.to ? this.posToOffset(c.to) : undefined, insert: c.text }));
		this.state = this.state.update({ changes }).state;
	}
}

const editor = (text: string) => new FakeEditor(EditorState.create({ doc: text }));

describe("Convert timestamps to links (command)", () => {
	it("rewrites every timestamp of the note in one transaction, idempotently", () => {
		const e = editor(seedNote());
		expect(convertTimestampsInEditor(e as any)).toBe("Source Lifecycle: converted 12 timestamps to links.");
		expect(e.transactions).toBe(1);
		expect(e.getValue()).toContain("[8:36](https://www.youtube.com/watch?v=3x0jhpEj_6o&t=516s)  Horizontal");
		const once = e.getValue();
		expect(convertTimestampsInEditor(e as any)).toBe("Source Lifecycle: no plain timestamps to convert.");
		expect(e.transactions).toBe(1);
		expect(e.getValue()).toBe(once);
	});

	it.each([
		["a podcast url", "---\nurl: https://open.spotify.com/show/x\n---\n0:10 a", "no video"],
		["no frontmatter", "0:10 a", "no video"],
		["malformed frontmatter", "---\nurl: [x\n---\n0:10 a", "cannot be read"],
	])("changes nothing for %s and says why", (_name, text, why) => {
		const e = editor(text);
		expect(convertTimestampsInEditor(e as any)).toContain(why);
		expect(e.transactions).toBe(0);
		expect(e.getValue()).toBe(text);
	});

	it("is registered with an editor check callback, available in Markdown notes only", async () => {
		const app = new App();
		const plugin = new SourceLifecyclePlugin(app as any, manifest);
		await plugin.onload();
		const command = (plugin as any).commands.get("convert-timestamps-to-links");
		expect(command.name).toBe("Convert timestamps to links");
		expect(command.hotkeys).toBeUndefined();
		const md = new TFile();
		md.extension = "md";
		const canvas = new TFile();
		canvas.extension = "canvas";
		expect(command.editorCheckCallback(true, editor("0:10"), { file: md })).toBe(true);
		expect(command.editorCheckCallback(true, editor("0:10"), { file: canvas })).toBe(false);
		const e = editor("---\nurl: https://youtu.be/3x0jhpEj_6o\n---\n0:10 a");
		Notice.shown = [];
		command.editorCheckCallback(false, e, { file: md });
		expect(e.getValue()).toContain("[0:10](https://www.youtube.com/watch?v=3x0jhpEj_6o&t=10s) a");
		expect(Notice.shown.map((n) => n.message)).toEqual(["Source Lifecycle: converted 1 timestamp to links."]);
		expect((plugin as any).postProcessors).toHaveLength(1);
		expect((plugin as any).editorExtensions).toHaveLength(1);
		plugin.unload();
	});
});
