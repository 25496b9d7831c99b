/**
 * A tiny browser stand-in for the `obsidian` module, for pages bundled by tests/e2e/browser.ts
 * (`obsidian` is aliased here). Only what our UI modules import at runtime; each feature adds
 * what it needs below its own heading (keep it additive). Types come from the real package.
 */
import { StateField } from "@codemirror/state";

// ── timestamps (src/ui/live-preview.ts, src/ui/reading-view.ts) ──

/** In Obsidian: true in Live Preview, false in source mode. Pages switch it with `.init(() => false)`. */
export const editorLivePreviewField = StateField.define<boolean>({
	create: () => true,
	update: (v) => v,
});

/** In Obsidian: the MarkdownFileInfo of the editor. */
export const editorInfoField = StateField.define<{ file: unknown } | null>({
	create: () => null,
	update: (v) => v,
});

export class Component {
	private cleanups: (() => unknown)[] = [];
	load(): void {
		this.onload();
	}
	onload(): void {}
	unload(): void {
		for (const fn of this.cleanups.splice(0).reverse()) fn();
		this.onunload();
	}
	onunload(): void {}
	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}
}

export class MarkdownRenderChild extends Component {
	constructor(public containerEl: HTMLElement) {
		super();
	}
}

export class Notice {
	static shown: string[] = [];
	constructor(public message: string) {
		Notice.shown.push(message);
	}
}

// ── tables (src/plugin/tables.ts) ──

export class TFile {}
export class TFolder {}
export function normalizePath(path: string): string {
	return path.replace(/\\/g, "/").replace(/\/+/g, "/").replace(/^\/|\/$/g, "");
}
