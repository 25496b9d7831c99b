/**
 * Workspace and WorkspaceLeaf of the obsidian mock, as obsidian.d.ts documents them:
 * - a leaf restored after a restart holds a DeferredView until it is shown
 *   (`isDeferred`, `loadIfDeferred`, `revealLeaf` — d.ts 5134-5146, 4928-4933);
 * - `getLeaf(false)` reuses the active main-area tab, else the most recent one (d.ts 4799-4812);
 * - `openFile` makes its leaf active only when asked (`OpenViewState.active`, d.ts 3031-3041);
 *   `getActiveFile` answers with the active leaf's file, else the most recently active one (d.ts 4901-4905).
 */
import type { TFile } from "../obsidian";
import { Events } from "./events";

export interface OpenViewState {
	state?: Record<string, unknown>;
	eState?: Record<string, unknown>;
	active?: boolean;
	group?: WorkspaceLeaf;
}

export interface ViewState {
	type: string;
	state?: any;
	active?: boolean;
}

/** What a deferred leaf holds instead of its view: no instance of the plugin's view class. */
export class DeferredView {
	constructor(
		readonly leaf: WorkspaceLeaf,
		private readonly type: string,
	) {}
	getViewType(): string {
		return this.type;
	}
}

export class WorkspaceLeaf extends Events {
	view: any = null;
	viewState: ViewState | null = null;
	/** The file last opened in this leaf. */
	file: TFile | null = null;
	constructor(
		public workspace: Workspace,
		/** In the main area (tabs), not in a sidebar. */
		readonly main = true,
	) {
		super();
	}
	/** Creates the view, opens it, then hands it the state (as `View.setState`). */
	async setViewState(state: ViewState, _eState?: unknown): Promise<void> {
		this.viewState = state;
		const creator = this.workspace.viewCreators.get(state.type);
		if (creator) {
			if (this.view?.onClose) await this.view.onClose();
			this.view = creator(this);
			await this.view.onOpen?.();
			if (state.state && this.view.setState) await this.view.setState(state.state, { history: false });
		}
		if (state.active) this.workspace.setActiveLeaf(this);
	}
	getViewState(): ViewState {
		return this.viewState ?? { type: "empty" };
	}
	get isDeferred(): boolean {
		return this.view instanceof DeferredView;
	}
	async loadIfDeferred(): Promise<void> {
		if (!this.isDeferred || !this.viewState) return;
		this.view = null;
		await this.setViewState({ ...this.viewState, active: false });
	}
	async openFile(file: TFile, openState?: OpenViewState): Promise<void> {
		this.file = file;
		this.workspace.openedFiles.push(file.path);
		if (openState?.active) this.workspace.setActiveLeaf(this);
		else if (this.workspace.activeLeaf === this) this.workspace.activeFile = file;
	}
	detach(): void {
		this.workspace.leaves = this.workspace.leaves.filter((l) => l !== this);
		if (this.workspace.activeLeaf === this) this.workspace.activeLeaf = null;
		this.view?.onClose?.();
	}
}

export class Workspace extends Events {
	app!: any;
	leaves: WorkspaceLeaf[] = [];
	viewCreators = new Map<string, (leaf: WorkspaceLeaf) => any>();
	/** The most recently active file (`getActiveFile`); tests may set it. */
	activeFile: TFile | null = null;
	activeLeaf: WorkspaceLeaf | null = null;
	/** The MarkdownFileInfo (view) of the last active editor. */
	activeEditor: any = null;
	openedFiles: string[] = [];
	layoutReady = true;
	private lastMainLeaf: WorkspaceLeaf | null = null;
	private readyCallbacks: (() => unknown)[] = [];
	onLayoutReady(cb: () => unknown): void {
		if (this.layoutReady) cb();
		else this.readyCallbacks.push(cb);
	}
	/** Test hook: fire layout-ready callbacks registered before the layout was ready. */
	finishLayout(): void {
		this.layoutReady = true;
		for (const cb of this.readyCallbacks.splice(0)) cb();
	}
	getActiveFile(): TFile | null {
		return this.activeFile;
	}
	setActiveLeaf(leaf: WorkspaceLeaf, _params?: { focus?: boolean }): void {
		this.activeLeaf = leaf;
		if (leaf.main) this.lastMainLeaf = leaf;
		if (leaf.file) this.activeFile = leaf.file;
		if (leaf.view?.editor) this.activeEditor = leaf.view;
		this.trigger("active-leaf-change", leaf);
	}
	/** Debounced in Obsidian; here it counts the requests. */
	layoutSaves = 0;
	requestSaveLayout = Object.assign(
		() => {
			this.layoutSaves++;
		},
		{ cancel: () => undefined, run: () => undefined },
	);
	/** The view of the active leaf (tests may set it); `getActiveViewOfType` answers with it, else the active leaf's view. */
	activeView: unknown = null;
	getActiveViewOfType<T>(type: abstract new (...args: any[]) => T): T | null {
		const view = this.activeView ?? this.activeLeaf?.view;
		return view instanceof type ? view : null;
	}
	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.viewState?.type === type);
	}
	getRightLeaf(_split: boolean): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this, false);
		this.leaves.push(leaf);
		return leaf;
	}
	/** `false`/none: the active main-area tab, else the most recent one; otherwise a new tab. */
	getLeaf(newLeaf?: unknown): WorkspaceLeaf {
		if (!newLeaf) {
			const reuse = this.activeLeaf?.main ? this.activeLeaf : this.lastMainLeaf;
			if (reuse && this.leaves.includes(reuse)) return reuse;
		}
		const leaf = new WorkspaceLeaf(this);
		this.leaves.push(leaf);
		this.lastMainLeaf = leaf;
		return leaf;
	}
	/** Test hook: a sidebar leaf as Obsidian restores it after a restart (deferred until shown). */
	restoreLeaf(type: string, state: Record<string, unknown>): WorkspaceLeaf {
		const leaf = this.getRightLeaf(false);
		leaf.viewState = { type, state };
		leaf.view = new DeferredView(leaf, type);
		return leaf;
	}
	async ensureSideLeaf(type: string, _side: string, options?: { active?: boolean; reveal?: boolean; state?: any }): Promise<WorkspaceLeaf> {
		const existing = this.getLeavesOfType(type)[0];
		if (existing) {
			if (options?.reveal) await this.revealLeaf(existing);
			return existing;
		}
		const leaf = this.getRightLeaf(false);
		await leaf.setViewState({ type, active: options?.active, state: options?.state });
		return leaf;
	}
	/** Brings the leaf forward and loads it when deferred. */
	async revealLeaf(leaf: WorkspaceLeaf): Promise<void> {
		await leaf.loadIfDeferred();
	}
	detachLeavesOfType(type: string): void {
		for (const l of this.getLeavesOfType(type)) l.detach();
	}
	async openLinkText(linktext: string, _sourcePath: string, _newLeaf?: unknown): Promise<void> {
		this.openedFiles.push(linktext);
	}
	updateOptions(): void {}
}
