/**
 * The Editor of an open note in the obsidian mock (obsidian.d.ts `Editor`, 1200-1280): a text
 * buffer that may hold typing not yet saved to the vault (Obsidian saves about 2 s after
 * typing stops), a cursor, and an undo history where one `transaction` is one step
 * (d.ts 1268: "transaction(tx: EditorTransaction)"). Changes of one transaction are
 * given in positions of the text before it, as CodeMirror applies them.
 */
export interface EditorPosition {
	line: number;
	ch: number;
}

interface EditorChange {
	from: EditorPosition;
	to?: EditorPosition;
	text: string;
}

export class MockEditor {
	private text: string;
	private cursorAt = 0;
	/** The text before each undoable step. */
	readonly undoStack: string[] = [];
	constructor(text: string) {
		this.text = text;
	}
	getValue(): string {
		return this.text;
	}
	/** Replaces the whole text as one undoable step. */
	setValue(text: string): void {
		this.transaction({ changes: [{ from: this.offsetToPos(0), to: this.offsetToPos(this.text.length), text }] });
	}
	/** The user types `text` at the cursor (one undoable step). */
	type(text: string): void {
		const at = this.getCursor();
		this.transaction({ changes: [{ from: at, text }] });
	}
	lineCount(): number {
		return this.text.split("\n").length;
	}
	getLine(line: number): string {
		return this.text.split("\n")[line] ?? "";
	}
	offsetToPos(offset: number): EditorPosition {
		const before = this.text.slice(0, Math.max(0, Math.min(offset, this.text.length)));
		const line = before.split("\n").length - 1;
		return { line, ch: before.length - (before.lastIndexOf("\n") + 1) };
	}
	posToOffset(pos: EditorPosition): number {
		const lines = this.text.split("\n");
		let offset = 0;
		for (let i = 0; i < pos.line && i < lines.length; i++) offset += (lines[i] ?? "").length + 1;
		return Math.min(this.text.length, offset + pos.ch);
	}
	getCursor(_which?: string): EditorPosition {
		return this.offsetToPos(this.cursorAt);
	}
	setCursor(pos: EditorPosition | number, ch?: number): void {
		this.cursorAt = this.posToOffset(typeof pos === "number" ? { line: pos, ch: ch ?? 0 } : pos);
	}
	transaction(tx: { changes?: EditorChange[] }, _origin?: string): void {
		const changes = (tx.changes ?? [])
			.map((c) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), text: c.text }))
			.sort((a, b) => a.from - b.from);
		if (changes.length === 0) return;
		this.undoStack.push(this.text);
		let out = "";
		let last = 0;
		let cursor = this.cursorAt;
		for (const c of changes) {
			out += this.text.slice(last, c.from) + c.text;
			last = c.to;
			if (this.cursorAt >= c.to) cursor += c.text.length - (c.to - c.from);
			else if (this.cursorAt > c.from) cursor += c.from + c.text.length - this.cursorAt;
		}
		this.text = out + this.text.slice(last);
		this.cursorAt = cursor;
	}
	undo(): void {
		const before = this.undoStack.pop();
		if (before !== undefined) this.text = before;
	}
	/** Replaced from outside the editor (the file changed on disk): not an undo step; history gone. */
	reload(text: string): void {
		this.text = text;
		this.undoStack.length = 0;
		this.cursorAt = Math.min(this.cursorAt, text.length);
	}
}
