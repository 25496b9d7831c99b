/**
 * The board's selection (docs/board.md): which cards are selected and where the keyboard
 * cursor is, as file manager users expect it — click selects one card, Ctrl/Cmd-click adds
 * or removes one, Shift-click selects the range from the last clicked card in its column;
 * arrows move the cursor (Shift extends), Space toggles. Pure: it knows the board only as
 * lists of paths per column, so the view asks it and renders what it says.
 */

/** The board as the selection sees it: the card paths of each column, in order. */
export type BoardLayout = readonly (readonly string[])[];

export interface CardPosition {
	column: number;
	index: number;
}

export interface ClickModifiers {
	/** Shift: select the range from the anchor. */
	range?: boolean;
	/** Ctrl (Cmd on macOS): add or remove this card. */
	toggle?: boolean;
}

export class BoardSelection {
	private readonly selected = new Set<string>();
	private cursorPath: string | null = null;
	private cursorAt: CardPosition = { column: 0, index: 0 };
	private anchor: string | null = null;
	private layout: BoardLayout = [];

	/** Follow a new layout: selected cards that are gone are dropped; the cursor follows its card. */
	setLayout(layout: BoardLayout): void {
		this.layout = layout;
		const present = new Set<string>();
		for (const column of layout) for (const path of column) present.add(path);
		for (const path of [...this.selected]) if (!present.has(path)) this.selected.delete(path);
		if (this.anchor !== null && !present.has(this.anchor)) this.anchor = null;
		const found = this.cursorPath === null ? null : this.find(this.cursorPath);
		if (found) this.cursorAt = found;
		else this.placeCursor(this.cursorAt.column, this.cursorAt.index);
	}

	get paths(): string[] {
		// In board order, so a bulk move writes notes in the order the user sees them.
		const out: string[] = [];
		for (const column of this.layout) for (const path of column) if (this.selected.has(path)) out.push(path);
		return out;
	}

	get size(): number {
		return this.selected.size;
	}

	isSelected(path: string): boolean {
		return this.selected.has(path);
	}

	/** The card under the keyboard cursor (null on an empty board). */
	get cursor(): string | null {
		return this.cursorPath;
	}

	get cursorPosition(): CardPosition {
		return { ...this.cursorAt };
	}

	click(path: string, mods: ClickModifiers = {}): void {
		const at = this.find(path);
		if (!at) return;
		if (mods.range && this.anchor !== null) {
			const from = this.find(this.anchor);
			const column = this.layout[at.column] ?? [];
			const start = from && from.column === at.column ? from.index : at.index;
			if (!mods.toggle) this.selected.clear();
			for (let i = Math.min(start, at.index); i <= Math.max(start, at.index); i++) {
				const p = column[i];
				if (p !== undefined) this.selected.add(p);
			}
		} else if (mods.toggle) {
			if (this.selected.has(path)) this.selected.delete(path);
			else this.selected.add(path);
			this.anchor = path;
		} else {
			this.selected.clear();
			this.selected.add(path);
			this.anchor = path;
		}
		this.cursorPath = path;
		this.cursorAt = at;
	}

	/** Move the cursor by columns and rows; `extend` selects what it passes (Shift+arrow). */
	moveCursor(columns: number, rows: number, extend = false): void {
		if (this.cursorPath === null) {
			this.placeCursor(this.cursorAt.column, this.cursorAt.index);
			if (this.cursorPath === null) return;
		}
		let { column, index } = this.cursorAt;
		if (columns !== 0) {
			// Skip empty columns; keep the row as near as the column allows.
			let c = column + columns;
			while (c >= 0 && c < this.layout.length && (this.layout[c]?.length ?? 0) === 0) c += Math.sign(columns);
			if (c < 0 || c >= this.layout.length) return;
			column = c;
		}
		const length = this.layout[column]?.length ?? 0;
		index = Math.max(0, Math.min(length - 1, index + rows));
		const from = this.cursorPath;
		this.placeCursor(column, index);
		if (extend && this.cursorPath !== null) {
			if (this.anchor === null) this.anchor = from;
			this.selected.add(from);
			this.selected.add(this.cursorPath);
		}
	}

	/** Jump to the first or last card of the cursor's column. */
	moveToEnd(end: "first" | "last", extend = false): void {
		const length = this.layout[this.cursorAt.column]?.length ?? 0;
		this.moveCursor(0, end === "first" ? -length : length, false);
		if (extend) this.click(this.cursorPath ?? "", { range: true });
	}

	/** Space: add or remove the card under the cursor. */
	toggleCursor(): void {
		if (this.cursorPath !== null) this.click(this.cursorPath, { toggle: true });
	}

	/** Select every card of the cursor's column (Ctrl/Cmd+A). */
	selectColumn(): void {
		for (const path of this.layout[this.cursorAt.column] ?? []) this.selected.add(path);
	}

	clear(): void {
		this.selected.clear();
		this.anchor = null;
	}

	/** What a command acts on: the selection, else the card under the cursor. */
	targets(): string[] {
		if (this.selected.size) return this.paths;
		return this.cursorPath === null ? [] : [this.cursorPath];
	}

	private placeCursor(column: number, index: number): void {
		const cols = this.layout.length;
		if (cols === 0) {
			this.cursorPath = null;
			return;
		}
		let c = Math.max(0, Math.min(cols - 1, column));
		// An emptied column hands the cursor to the nearest column with cards.
		for (let step = 0; step < cols && (this.layout[c]?.length ?? 0) === 0; step++) {
			const right = column + step + 1;
			const left = column - step - 1;
			if (right < cols && (this.layout[right]?.length ?? 0) > 0) c = right;
			else if (left >= 0 && (this.layout[left]?.length ?? 0) > 0) c = left;
		}
		const list = this.layout[c] ?? [];
		if (list.length === 0) {
			this.cursorPath = null;
			this.cursorAt = { column: c, index: 0 };
			return;
		}
		const i = Math.max(0, Math.min(list.length - 1, index));
		this.cursorPath = list[i] ?? null;
		this.cursorAt = { column: c, index: i };
	}

	private find(path: string): CardPosition | null {
		for (let c = 0; c < this.layout.length; c++) {
			const i = this.layout[c]?.indexOf(path) ?? -1;
			if (i >= 0) return { column: c, index: i };
		}
		return null;
	}
}
