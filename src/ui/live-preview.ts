/**
 * Live Preview: a CodeMirror 6 extension that marks timestamps as seek links (docs/reference.md §6).
 * Only `view.visibleRanges` are scanned, so the cost of an update does not grow with the
 * note. Two state fields keep what needs the whole note cheap per update: the note's
 * video and body start (recomputed only when an edit touches the frontmatter) and the
 * block reader's state kept every few hundred lines (dropped below an edit), so a visible
 * range resumes the reading of blocks (fences, math, HTML, comments) from the nearest
 * state above it instead of reading the note from its top.
 */
import { RangeSetBuilder, StateField, type EditorState, type Extension, type Text } from "@codemirror/state";
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type PluginValue, type ViewUpdate } from "@codemirror/view";
import { editorLivePreviewField } from "obsidian";
import { noteVideo, scanTimestamps, type Fence } from "../core/markdown/timestamps";
import { BlockReader, initialBlockState, type BlockState } from "../core/markdown/blocks/reader";
import { seekUrl } from "../core/sources/youtube";

export const SEEK_CLASS = "source-lifecycle-seek";

// ── the note: video and body start ─────────────────────────────────────────────

export interface NoteInfo {
	/** Offset where the body starts (after the frontmatter's closing line). */
	bodyFrom: number;
	videoId: string | null;
	/** The video's length in seconds (`duration`, docs/timestamps.md), or null. */
	duration: number | null;
	/** Edits before this offset may change the frontmatter (Infinity: the first line is an unclosed `---`). */
	watchUpTo: number;
}

const FENCE_LINE = /^---[ \t]*$/;

/** Frontmatter as Obsidian sees it: `---` on line 1, closed by a later `---` line. */
export function readNoteInfo(doc: Text): NoteInfo {
	const first = doc.line(1);
	if (!FENCE_LINE.test(first.text)) return { bodyFrom: 0, videoId: null, duration: null, watchUpTo: first.to };
	for (let i = 2; i <= doc.lines; i++) {
		const line = doc.line(i);
		if (!FENCE_LINE.test(line.text)) continue;
		if (i === 2) return { bodyFrom: 0, videoId: null, duration: null, watchUpTo: line.to };
		const bodyFrom = Math.min(line.to + 1, doc.length);
		const video = noteVideo(doc.sliceString(0, line.to));
		return { bodyFrom, videoId: video.ok ? video.videoId : null, duration: video.ok ? video.duration : null, watchUpTo: bodyFrom };
	}
	return { bodyFrom: 0, videoId: null, duration: null, watchUpTo: Infinity };
}

export const noteInfoField = StateField.define<NoteInfo>({
	create: (state) => readNoteInfo(state.doc),
	update(info, tr) {
		if (!tr.docChanged) return info;
		let touched = false;
		if (info.watchUpTo === Infinity) {
			// An unclosed `---`: only a change to line 1 or a new `---` line can make a frontmatter.
			const doc = tr.state.doc;
			tr.changes.iterChangedRanges((_fa, _ta, fromB, toB) => {
				if (touched) return;
				const last = doc.lineAt(toB).number;
				for (let n = doc.lineAt(fromB).number; n <= last && !touched; n++) {
					if (n === 1 || FENCE_LINE.test(doc.line(n).text)) touched = true;
				}
			});
		} else {
			tr.changes.iterChangedRanges((fromA) => {
				if (fromA <= info.watchUpTo) touched = true;
			});
		}
		return touched ? readNoteInfo(tr.state.doc) : info;
	},
});

// ── block state ──────────────────────────────────────────────────────────────────

/** Lines read between two kept block-reader states. */
const SNAPSHOT_EVERY = 64;

/**
 * Block-reader states kept at line starts of the body (`at[k]`: a line start, `states[k]`:
 * the state before that line), every SNAPSHOT_EVERY lines (a visible range reads at most that many lines above it), added as visible ranges need
 * them. An edit drops the ones after it (a state depends only on the text above it).
 */
export class BlockSnapshots {
	constructor(
		readonly bodyFrom: number,
		readonly at: number[] = [],
		readonly states: BlockState[] = [],
	) {}
}

export const blockSnapshotsField = StateField.define<BlockSnapshots>({
	create: (state) => new BlockSnapshots(bodyFromOf(state)),
	update(snapshots, tr) {
		if (!tr.docChanged) return snapshots;
		const bodyFrom = bodyFromOf(tr.state);
		let first = Infinity;
		tr.changes.iterChangedRanges((fromA) => {
			if (fromA < first) first = fromA;
		});
		if (bodyFrom !== snapshots.bodyFrom || first < snapshots.bodyFrom) return new BlockSnapshots(bodyFrom);
		let keep = 0;
		while (keep < snapshots.at.length && (snapshots.at[keep] as number) <= first) keep++;
		return new BlockSnapshots(bodyFrom, snapshots.at.slice(0, keep), snapshots.states.slice(0, keep));
	},
});

function bodyFromOf(state: EditorState): number {
	return (state.field(noteInfoField, false) ?? readNoteInfo(state.doc)).bodyFrom;
}

/** The block reader's state before the line starting at `pos`: resumed from the nearest kept state above it. */
export function blockStateAt(state: EditorState, pos: number, bodyFrom: number): BlockState {
	const snapshots = state.field(blockSnapshotsField, false);
	if (!snapshots || snapshots.bodyFrom !== bodyFrom) return readBlocks(state.doc.sliceString(bodyFrom, pos), initialBlockState(), null, bodyFrom);
	let k = snapshots.at.length - 1;
	while (k >= 0 && (snapshots.at[k] as number) > pos) k--;
	const from = k >= 0 ? (snapshots.at[k] as number) : bodyFrom;
	const start = k >= 0 ? (snapshots.states[k] as BlockState) : initialBlockState();
	return readBlocks(state.doc.sliceString(from, pos), start, snapshots, from);
}

/** Read the lines of `text` (at `offset` in the note) from `start`; keep states on the way in `snapshots`. */
function readBlocks(text: string, start: BlockState, snapshots: BlockSnapshots | null, offset: number): BlockState {
	const reader = new BlockReader(start);
	let n = 0;
	for (let ls = 0; ls < text.length; ) {
		const nl = text.indexOf("\n", ls);
		const stop = nl === -1 ? text.length : nl;
		reader.read(text, ls, stop > ls && text.charCodeAt(stop - 1) === 13 ? stop - 1 : stop);
		if (nl === -1) break;
		ls = nl + 1;
		if (++n % SNAPSHOT_EVERY === 0 && snapshots !== null && ls < text.length) {
			const at = offset + ls;
			if (snapshots.at.length === 0 || (snapshots.at[snapshots.at.length - 1] as number) < at) {
				snapshots.at.push(at);
				snapshots.states.push(reader.snapshot());
			}
		}
	}
	return reader.snapshot();
}

/** The fence open at line start `pos` (from the block state there). */
export function fenceAt(state: EditorState, pos: number, bodyFrom: number): Fence | null {
	return blockStateAt(state, pos, bodyFrom).fence;
}

// ── decorations ────────────────────────────────────────────────────────────────

interface SeekSpec {
	seekUrl: string;
}

function seekMark(url: string, label: string): Decoration {
	return Decoration.mark({
		class: SEEK_CLASS,
		attributes: { title: label ? `${label} (opens YouTube)` : "Opens YouTube at this time", "data-source-lifecycle-seek": "" },
		seekUrl: url,
	});
}

/** Live Preview is on: Obsidian's field, true in a plain CodeMirror without it. */
function inLivePreview(state: EditorState): boolean {
	return state.field(editorLivePreviewField, false) ?? true;
}

/** Characters read beyond a visible range on its first and last line (its code spans and links start within them). */
const LINE_MARGIN = 2000;
/** Lines read, not scanned, below a visible range: the timestamp rules look that far ahead. */
const LINES_BELOW = 10;

/**
 * The seek-link marks of the visible ranges of `view` (what the extension shows), skipping
 * tokens the selection touches. Exported for the bench (`live_preview_10mb_vs_10kb`).
 */
export function buildTimestampDecorations(view: EditorView): DecorationSet {
	const state = view.state;
	if (!inLivePreview(state)) return Decoration.none;
	const info = state.field(noteInfoField, false) ?? readNoteInfo(state.doc);
	if (info.videoId === null) return Decoration.none;
	const videoId = info.videoId;
	const doc = state.doc;
	const selection = state.selection.ranges;
	const builder = new RangeSetBuilder<Decoration>();
	let done = -1;
	for (const range of view.visibleRanges) {
		// Whole lines around the range, but on a very long line (a transcript pasted as one
		// paragraph: CodeMirror shows part of it) only LINE_MARGIN characters on either side.
		const startLine = doc.lineAt(range.from).from;
		let from = Math.max(startLine, info.bodyFrom, range.from - LINE_MARGIN);
		const to = Math.min(doc.lineAt(range.to).to, range.to + LINE_MARGIN);
		if (from <= done) from = done + 1;
		if (from > to) continue;
		const lineStart = doc.lineAt(from).from;
		const blocks = blockStateAt(state, lineStart, info.bodyFrom);
		// The line above the range too, read but not scanned: a wrapped sentence's time is told by it (docs/timestamps.md).
		const above = from === lineStart && from > info.bodyFrom ? Math.max(doc.lineAt(from - 1).from, from - LINE_MARGIN) : from;
		// And a few lines below it: a chat export is told by the sender lines that follow (docs/timestamps.md).
		const below = Math.min(doc.length, to + LINE_MARGIN, doc.line(Math.min(doc.lines, doc.lineAt(to).number + LINES_BELOW)).to);
		const context = { videoId, duration: info.duration };
		const { timestamps } = scanTimestamps(doc.sliceString(above, below), { from: from - above, to: to - above, state: blocks, firstLineAtStart: from === lineStart, context });
		for (const t of timestamps) {
			const a = above + t.from;
			const b = above + t.to;
			if (selection.some((r) => r.from <= b && r.to >= a)) continue;
			builder.add(a, b, seekMark(seekUrl(videoId, t.seconds), t.label));
		}
		done = to;
	}
	return builder.finish();
}

/** The seek URL of the mark at `pos`, read from the decorations (never from the DOM). */
function seekUrlAt(decorations: DecorationSet, pos: number): string | null {
	let url: string | null = null;
	decorations.between(pos, pos + 1, (_from, _to, deco) => {
		url = (deco.spec as SeekSpec).seekUrl;
		return false;
	});
	return url;
}

export interface LivePreviewOptions {
	/** Setting `timestampsInLivePreview`, read on every update. */
	enabled: () => boolean;
	/** Opens a seek URL (default `window.open`); the click is passed along (Ctrl/Cmd-click opens the browser). */
	open?: (url: string, event: MouseEvent) => void;
}

/**
 * The event's target as an Element, from the main window's globals or the editor's window's:
 * in a pop-out window, nodes the window itself created are its own realm's (`instanceof
 * Element` is false for them), while CodeMirror creates marks with the main `document`
 * (docs/obsidian-behaviour.md).
 */
function elementOf(target: EventTarget | null, win: Window & { Element: typeof Element }): Element | null {
	return target instanceof Element || target instanceof win.Element ? target : null;
}

/**
 * The extension: state fields, the view plugin, and the click handler. A left or middle
 * click, with or without Ctrl/Cmd, opens the seek URL in the browser, as an external link
 * does in Obsidian's Live Preview; to edit the token, move the cursor into it with the
 * keyboard (or click beside it): once the cursor touches it, it is plain text again.
 */
export function timestampLivePreview(options: LivePreviewOptions): Extension {
	const open = options.open ?? ((url: string) => void window.open(url));

	class TimestampLinks implements PluginValue {
		decorations: DecorationSet;
		private enabled: boolean;

		constructor(view: EditorView) {
			this.enabled = options.enabled();
			this.decorations = this.enabled ? buildTimestampDecorations(view) : Decoration.none;
		}

		update(u: ViewUpdate): void {
			const enabled = options.enabled();
			const changed =
				enabled !== this.enabled ||
				u.docChanged ||
				u.viewportChanged ||
				u.selectionSet ||
				inLivePreview(u.startState) !== inLivePreview(u.state) ||
				u.startState.field(noteInfoField, false) !== u.state.field(noteInfoField, false);
			this.enabled = enabled;
			if (changed) this.decorations = enabled ? buildTimestampDecorations(u.view) : Decoration.none;
		}
	}

	const plugin = ViewPlugin.fromClass(TimestampLinks, {
		decorations: (v) => v.decorations,
		eventHandlers: {
			mousedown(event: MouseEvent, view: EditorView) {
				if (event.button !== 0 && event.button !== 1) return false;
				const target = elementOf(event.target, view.dom.ownerDocument.defaultView ?? window)?.closest(`.${SEEK_CLASS}`) ?? null;
				if (!target) return false;
				const url = seekUrlAt(this.decorations, view.posAtDOM(target, 0));
				if (url === null) return false;
				event.preventDefault();
				// The second press of a double-click opens nothing more.
				if (event.detail <= 1) open(url, event);
				return true;
			},
		},
	});

	return [noteInfoField, blockSnapshotsField, plugin];
}
