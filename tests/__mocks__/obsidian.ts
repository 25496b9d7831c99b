/**
 * A mock of the `obsidian` module, written from obsidian.d.ts: the runtime classes
 * `src/` uses, with an in-memory Vault, MetadataCache and Workspace. The metadata
 * cache computes frontmatter with our reader and resolved links with our resolver —
 * a fake of Obsidian, not a second implementation of our rules: tests of link
 * semantics run against the oracle data in tests/conformance instead.
 */
import { StateField } from "@codemirror/state";
import { readFrontmatter, locateFrontmatter, positionAt } from "../../src/core/frontmatter/frontmatter";
import { LinkResolver } from "../../src/core/vault/links";

type Callback = (...args: any[]) => unknown;

export interface EventRef {
	e: Events;
	name: string;
	fn: Callback;
}

export class Events {
	private handlers = new Map<string, Set<Callback>>();
	on(name: string, fn: Callback, _ctx?: unknown): EventRef {
		let set = this.handlers.get(name);
		if (!set) this.handlers.set(name, (set = new Set()));
		set.add(fn);
		return { e: this, name, fn };
	}
	off(name: string, fn: Callback): void {
		this.handlers.get(name)?.delete(fn);
	}
	offref(ref: EventRef): void {
		this.off(ref.name, ref.fn);
	}
	trigger(name: string, ...data: unknown[]): void {
		for (const fn of [...(this.handlers.get(name) ?? [])]) fn(...data);
	}
	listenerCount(name: string): number {
		return this.handlers.get(name)?.size ?? 0;
	}
}

export class Component {
	_loaded = false;
	private children: Component[] = [];
	private cleanups: (() => unknown)[] = [];
	load(): void {
		this._loaded = true;
		this.onload();
		for (const c of this.children) c.load();
	}
	onload(): void {}
	unload(): void {
		for (const c of this.children.splice(0)) c.unload();
		for (const fn of this.cleanups.splice(0).reverse()) fn();
		this._loaded = false;
		this.onunload();
	}
	onunload(): void {}
	addChild<T extends Component>(c: T): T {
		this.children.push(c);
		if (this._loaded) c.load();
		return c;
	}
	removeChild<T extends Component>(c: T): T {
		this.children = this.children.filter((x) => x !== c);
		c.unload();
		return c;
	}
	register(cb: () => unknown): void {
		this.cleanups.push(cb);
	}
	registerEvent(ref: EventRef): void {
		this.register(() => ref.e.offref(ref));
	}
	registerDomEvent(el: any, type: string, cb: any, options?: any): void {
		el.addEventListener(type, cb, options);
		this.register(() => el.removeEventListener(type, cb, options));
	}
	registerInterval(id: number): number {
		this.register(() => clearInterval(id));
		return id;
	}
}

export class TAbstractFile {
	vault!: Vault;
	path = "";
	name = "";
	parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
	stat = { ctime: 0, mtime: 0, size: 0 };
	basename = "";
	extension = "";
}

export class TFolder extends TAbstractFile {
	children: TAbstractFile[] = [];
	isRoot(): boolean {
		return this.path === "/";
	}
}

function setPath(file: TFile, path: string): void {
	file.path = path;
	file.name = path.slice(path.lastIndexOf("/") + 1);
	const dot = file.name.lastIndexOf(".");
	file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
	file.extension = dot > 0 ? file.name.slice(dot + 1) : "";
}

export function normalizePath(path: string): string {
	return path.replace(/[\\/]+/g, "/").replace(/^\/+|\/+$/g, "") || "/";
}

/** In-memory vault: `read`, `cachedRead`, `modify`, `create`, atomic `process`, events. */
export class Vault extends Events {
	files = new Map<string, TFile>();
	contents = new Map<string, string>();
	/** Test hook: runs inside `process` between read and write, as a concurrent edit would. */
	beforeProcessWrite: ((file: TFile) => void) | null = null;
	writes = 0;

	addFile(path: string, text: string): TFile {
		const f = new TFile();
		setPath(f, path);
		f.vault = this;
		f.stat = { ctime: Date.now(), mtime: Date.now(), size: text.length };
		this.files.set(path, f);
		this.contents.set(path, text);
		return f;
	}
	getAbstractFileByPath(path: string): TAbstractFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}
	getFileByPath(path: string): TFile | null {
		return this.files.get(normalizePath(path)) ?? null;
	}
	getMarkdownFiles(): TFile[] {
		return [...this.files.values()].filter((f) => f.extension === "md");
	}
	getFiles(): TFile[] {
		return [...this.files.values()];
	}
	async read(file: TFile): Promise<string> {
		return this.text(file);
	}
	async cachedRead(file: TFile): Promise<string> {
		return this.text(file);
	}
	private text(file: TFile): string {
		const t = this.contents.get(file.path);
		if (t === undefined) throw new Error(`ENOENT: ${file.path}`);
		return t;
	}
	async modify(file: TFile, data: string): Promise<void> {
		this.write(file, data);
	}
	async process(file: TFile, fn: (data: string) => string): Promise<string> {
		const before = this.text(file);
		this.beforeProcessWrite?.(file);
		// Obsidian's process is atomic: the callback sees the current text.
		const current = this.text(file);
		const out = fn(current === before ? before : current);
		if (out !== current) this.write(file, out);
		return out;
	}
	async create(path: string, data: string): Promise<TFile> {
		if (this.files.has(path)) throw new Error("File already exists.");
		const f = this.addFile(path, data);
		this.writes++;
		this.trigger("create", f);
		return f;
	}
	async createFolder(_path: string): Promise<void> {}
	async rename(file: TFile, newPath: string): Promise<void> {
		const old = file.path;
		const text = this.text(file);
		this.files.delete(old);
		this.contents.delete(old);
		setPath(file, newPath);
		this.files.set(newPath, file);
		this.contents.set(newPath, text);
		this.trigger("rename", file, old);
	}
	async delete(file: TFile): Promise<void> {
		this.files.delete(file.path);
		this.contents.delete(file.path);
		this.trigger("delete", file);
	}
	private write(file: TFile, data: string): void {
		this.contents.set(file.path, data);
		file.stat = { ...file.stat, mtime: Date.now(), size: data.length };
		this.writes++;
		this.trigger("modify", file);
	}
}

export interface CachedMetadata {
	frontmatter?: Record<string, any>;
	frontmatterPosition?: { start: any; end: any };
	links?: { link: string; original: string; displayText?: string; position: any }[];
	embeds?: { link: string; original: string; displayText?: string; position: any }[];
	frontmatterLinks?: { key: string; link: string; original: string; displayText?: string }[];
	headings?: { heading: string; level: number; position: any }[];
}

/**
 * Metadata cache over the mock vault. `indexFile(path)` recomputes a file's cache and
 * its resolved links (wikilinks found with a simple pattern) and fires `changed` then
 * `resolve`/`resolved`, as Obsidian does after a modify.
 */
export class MetadataCache extends Events {
	resolvedLinks: Record<string, Record<string, number>> = {};
	unresolvedLinks: Record<string, Record<string, number>> = {};
	caches = new Map<string, CachedMetadata>();

	constructor(private vault: Vault) {
		super();
	}
	getFileCache(file: TFile): CachedMetadata | null {
		return this.caches.get(file.path) ?? null;
	}
	getCache(path: string): CachedMetadata | null {
		return this.caches.get(path) ?? null;
	}
	getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
		const resolver = new LinkResolver(this.vault.files.keys());
		const hit = resolver.resolve(linkpath, sourcePath);
		return hit ? this.vault.getFileByPath(hit) : null;
	}
	fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
		const resolver = new LinkResolver(this.vault.files.keys());
		const text = resolver.linkText(file.path);
		return omitMdExtension ? text : text + (file.extension === "md" ? ".md" : "");
	}
	/** Recompute one file's cache and links; `events` false for a silent initial load. */
	indexFile(path: string, events = true): void {
		const file = this.vault.getFileByPath(path);
		if (!file) return;
		const text = this.vault.contents.get(path) ?? "";
		const cache: CachedMetadata = {};
		const fm = readFrontmatter(text);
		const block = locateFrontmatter(text);
		if (block) cache.frontmatterPosition = { start: positionAt(text, block.start), end: positionAt(text, block.end) };
		if (fm.ok && fm.data) cache.frontmatter = fm.data;
		const links: CachedMetadata["links"] = [];
		const resolved: Record<string, number> = {};
		const unresolved: Record<string, number> = {};
		const body = block ? text.slice(block.end) : text;
		const resolver = new LinkResolver(this.vault.files.keys());
		const add = (linkpath: string) => {
			const dest = resolver.resolve(linkpath, path);
			if (dest) resolved[dest] = (resolved[dest] ?? 0) + 1;
			else unresolved[linkpath] = (unresolved[linkpath] ?? 0) + 1;
		};
		for (const m of body.matchAll(/!?\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]/g)) {
			const link = (m[1] ?? "").trim();
			links.push({ link, original: m[0], position: null });
			if (link) add(link);
		}
		for (const v of Object.values(cache.frontmatter ?? {})) {
			for (const item of Array.isArray(v) ? v : [v]) {
				const m = typeof item === "string" ? /^\[\[([^\]|#]*)/.exec(item) : null;
				if (m && m[1]) add(m[1]);
			}
		}
		cache.links = links;
		this.caches.set(path, cache);
		this.resolvedLinks[path] = resolved;
		this.unresolvedLinks[path] = unresolved;
		if (events) {
			this.trigger("changed", file, text, cache);
			this.trigger("resolve", file);
			this.trigger("resolved");
		}
	}
	indexAll(): void {
		for (const p of this.vault.files.keys()) this.indexFile(p, false);
	}
}

export class WorkspaceLeaf extends Events {
	view: any = null;
	viewState: { type: string; active?: boolean; state?: any } | null = null;
	constructor(public workspace: Workspace) {
		super();
	}
	async setViewState(state: { type: string; active?: boolean; state?: any }): Promise<void> {
		this.viewState = state;
		const creator = this.workspace.viewCreators.get(state.type);
		if (creator) {
			if (this.view?.onClose) await this.view.onClose();
			this.view = creator(this);
			await this.view.onOpen?.();
		}
	}
	getViewState(): { type: string } {
		return this.viewState ?? { type: "empty" };
	}
	async openFile(file: TFile): Promise<void> {
		this.workspace.openedFiles.push(file.path);
		this.workspace.activeFile = file;
	}
	detach(): void {
		this.workspace.leaves = this.workspace.leaves.filter((l) => l !== this);
		this.view?.onClose?.();
	}
	async loadIfDeferred(): Promise<void> {}
	isDeferred = false;
}

export class Workspace extends Events {
	app!: App;
	leaves: WorkspaceLeaf[] = [];
	viewCreators = new Map<string, (leaf: WorkspaceLeaf) => any>();
	activeFile: TFile | null = null;
	activeEditor: any = null;
	openedFiles: string[] = [];
	layoutReady = true;
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
	/** Debounced in Obsidian; here it counts the requests. */
	layoutSaves = 0;
	requestSaveLayout = Object.assign(
		() => {
			this.layoutSaves++;
		},
		{ cancel: () => undefined, run: () => undefined },
	);
	/** The view of the active leaf (tests set it); `getActiveViewOfType` answers with it when it is of the asked type. */
	activeView: unknown = null;
	getActiveViewOfType<T>(type: abstract new (...args: any[]) => T): T | null {
		return this.activeView instanceof type ? this.activeView : null;
	}
	getLeavesOfType(type: string): WorkspaceLeaf[] {
		return this.leaves.filter((l) => l.viewState?.type === type);
	}
	getRightLeaf(_split: boolean): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this);
		this.leaves.push(leaf);
		return leaf;
	}
	getLeaf(_newLeaf?: unknown): WorkspaceLeaf {
		const leaf = new WorkspaceLeaf(this);
		this.leaves.push(leaf);
		return leaf;
	}
	async ensureSideLeaf(type: string, _side: string, options?: { active?: boolean; reveal?: boolean; state?: any }): Promise<WorkspaceLeaf> {
		const existing = this.getLeavesOfType(type)[0];
		if (existing) return existing;
		const leaf = this.getRightLeaf(false);
		await leaf.setViewState({ type, active: options?.active, state: options?.state });
		return leaf;
	}
	async revealLeaf(_leaf: WorkspaceLeaf): Promise<void> {}
	detachLeavesOfType(type: string): void {
		for (const l of this.getLeavesOfType(type)) l.detach();
	}
	async openLinkText(linktext: string, _sourcePath: string, _newLeaf?: unknown): Promise<void> {
		this.openedFiles.push(linktext);
	}
	updateOptions(): void {}
}

export class FileManager {
	constructor(private app: App) {}
	generateMarkdownLink(file: TFile, sourcePath: string): string {
		return `[[${this.app.metadataCache.fileToLinktext(file, sourcePath)}]]`;
	}
	async processFrontMatter(): Promise<void> {
		throw new Error("processFrontMatter re-serialises YAML; this plugin must not use it");
	}
	/** Test hook: the folder of Obsidian's "Default location for new notes" ("" = vault root). */
	newFileFolder = "";
	getNewFileParent(_sourcePath: string, _newFilePath?: string): TFolder {
		const folder = new TFolder();
		folder.path = this.newFileFolder || "/";
		folder.name = this.newFileFolder.slice(this.newFileFolder.lastIndexOf("/") + 1);
		return folder;
	}
}

export class App {
	vault = new Vault();
	metadataCache = new MetadataCache(this.vault);
	workspace = new Workspace();
	fileManager = new FileManager(this);
	keymap = {};
	scope = {};
	constructor() {
		this.workspace.app = this;
	}
}

export interface PluginManifest {
	id: string;
	name: string;
	version: string;
	minAppVersion: string;
	description: string;
	author: string;
	isDesktopOnly?: boolean;
	dir?: string;
}

export interface Command {
	id: string;
	name: string;
	callback?: () => unknown;
	checkCallback?: (checking: boolean) => boolean | void;
	editorCallback?: (editor: any, ctx: any) => unknown;
	editorCheckCallback?: (checking: boolean, editor: any, ctx: any) => boolean | void;
	hotkeys?: unknown[];
	icon?: string;
}

export abstract class Plugin extends Component {
	commands = new Map<string, Command>();
	settingTabs: PluginSettingTab[] = [];
	postProcessors: ((el: HTMLElement, ctx: any) => unknown)[] = [];
	editorExtensions: unknown[] = [];
	ribbonIcons: { icon: string; title: string; callback: (evt: MouseEvent) => unknown }[] = [];
	views = new Map<string, (leaf: WorkspaceLeaf) => any>();
	savedData: unknown = null;
	constructor(
		public app: App,
		public manifest: PluginManifest,
	) {
		super();
	}
	addCommand(command: Command): Command {
		const full = { ...command, id: `${this.manifest.id}:${command.id}` };
		this.commands.set(command.id, full);
		return full;
	}
	addSettingTab(tab: PluginSettingTab): void {
		this.settingTabs.push(tab);
	}
	addRibbonIcon(icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		this.ribbonIcons.push({ icon, title, callback });
		return typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
	}
	addStatusBarItem(): HTMLElement {
		return document.createElement("div");
	}
	registerView(type: string, creator: (leaf: WorkspaceLeaf) => any): void {
		this.views.set(type, creator);
		this.app.workspace.viewCreators.set(type, creator);
	}
	registerMarkdownPostProcessor(pp: (el: HTMLElement, ctx: any) => unknown): typeof pp {
		this.postProcessors.push(pp);
		return pp;
	}
	registerEditorExtension(ext: unknown): void {
		this.editorExtensions.push(ext);
	}
	async loadData(): Promise<unknown> {
		return this.savedData;
	}
	async saveData(data: unknown): Promise<void> {
		this.savedData = JSON.parse(JSON.stringify(data));
	}
	async onExternalSettingsChange(): Promise<void> {}
}

export class Notice {
	static shown: Notice[] = [];
	message: string;
	noticeEl: HTMLElement;
	hidden = false;
	constructor(message: string | DocumentFragment, public duration?: number) {
		this.message = typeof message === "string" ? message : (message.textContent ?? "");
		this.noticeEl = typeof document !== "undefined" ? document.createElement("div") : ({} as HTMLElement);
		Notice.shown.push(this);
	}
	setMessage(message: string | DocumentFragment): this {
		this.message = typeof message === "string" ? message : (message.textContent ?? "");
		return this;
	}
	hide(): void {
		this.hidden = true;
	}
}

export class Modal {
	static opened: Modal[] = [];
	containerEl: HTMLElement;
	modalEl: HTMLElement;
	titleEl: HTMLElement;
	contentEl: HTMLElement;
	scope = {};
	isOpen = false;
	constructor(public app: App) {
		this.containerEl = document.createElement("div");
		this.modalEl = this.containerEl.appendChild(document.createElement("div"));
		this.titleEl = this.modalEl.appendChild(document.createElement("div"));
		this.contentEl = this.modalEl.appendChild(document.createElement("div"));
	}
	open(): void {
		this.isOpen = true;
		Modal.opened.push(this);
		this.onOpen();
	}
	close(): void {
		this.isOpen = false;
		this.onClose();
	}
	setTitle(title: string): this {
		this.titleEl.textContent = title;
		return this;
	}
	onOpen(): void {}
	onClose(): void {}
}

export abstract class SuggestModal<T> extends Modal {
	inputEl: HTMLInputElement;
	resultContainerEl: HTMLElement;
	emptyStateText = "No results found.";
	limit = 100;
	constructor(app: App) {
		super(app);
		this.inputEl = this.modalEl.appendChild(document.createElement("input"));
		this.resultContainerEl = this.modalEl.appendChild(document.createElement("div"));
	}
	setPlaceholder(p: string): void {
		this.inputEl.placeholder = p;
	}
	setInstructions(_i: unknown[]): void {}
	abstract getSuggestions(query: string): T[] | Promise<T[]>;
	abstract renderSuggestion(value: T, el: HTMLElement): void;
	abstract onChooseSuggestion(item: T, evt: MouseEvent | KeyboardEvent): void;
}

export interface FuzzyMatch<T> {
	item: T;
	match: { score: number; matches: number[][] };
}

export abstract class FuzzySuggestModal<T> extends SuggestModal<FuzzyMatch<T>> {
	abstract getItems(): T[];
	abstract getItemText(item: T): string;
	abstract onChooseItem(item: T, evt: MouseEvent | KeyboardEvent): void;
	getSuggestions(query: string): FuzzyMatch<T>[] {
		const q = query.toLowerCase();
		return this.getItems()
			.filter((i) => this.getItemText(i).toLowerCase().includes(q))
			.map((item) => ({ item, match: { score: 0, matches: [] } }));
	}
	renderSuggestion(value: FuzzyMatch<T>, el: HTMLElement): void {
		el.textContent = this.getItemText(value.item);
	}
	onChooseSuggestion(item: FuzzyMatch<T>, evt: MouseEvent | KeyboardEvent): void {
		this.onChooseItem(item.item, evt);
	}
}

export abstract class View extends Component {
	containerEl: HTMLElement;
	navigation = false;
	icon = "";
	constructor(public leaf: WorkspaceLeaf) {
		super();
		this.containerEl = document.createElement("div");
		this.containerEl.appendChild(document.createElement("div"));
		this.containerEl.appendChild(document.createElement("div"));
	}
	get app(): App {
		return this.leaf.workspace.app;
	}
	abstract getViewType(): string;
	abstract getDisplayText(): string;
	getIcon(): string {
		return this.icon;
	}
	getState(): Record<string, unknown> {
		return {};
	}
	async setState(_state: unknown, _result: { history: boolean }): Promise<void> {}
	onResize(): void {}
	async onOpen(): Promise<void> {}
	async onClose(): Promise<void> {}
}

export abstract class ItemView extends View {
	contentEl: HTMLElement;
	constructor(leaf: WorkspaceLeaf) {
		super(leaf);
		this.contentEl = this.containerEl.children[1] as HTMLElement;
	}
	addAction(_icon: string, title: string, callback: (evt: MouseEvent) => unknown): HTMLElement {
		const el = document.createElement("div");
		el.setAttribute("aria-label", title);
		el.addEventListener("click", callback as EventListener);
		return el;
	}
}

export class MarkdownView extends ItemView {
	file: TFile | null = null;
	editor: any = null;
	/** `MarkdownPreviewView`: how many times it was asked to render again, and how (`full`). */
	previewMode = {
		rerenders: [] as boolean[],
		rerender(full?: boolean): void {
			this.rerenders.push(full === true);
		},
	};
	getViewType(): string {
		return "markdown";
	}
	getDisplayText(): string {
		return this.file?.basename ?? "";
	}
	getMode(): "source" | "preview" {
		return "source";
	}
}

export class MarkdownRenderChild extends Component {
	constructor(public containerEl: HTMLElement) {
		super();
	}
}

export abstract class PluginSettingTab {
	containerEl: HTMLElement;
	constructor(
		public app: App,
		public plugin: Plugin,
	) {
		this.containerEl = document.createElement("div");
	}
	abstract display(): void;
	hide(): void {}
}

class ValueComponent<T> {
	value: T;
	private changeCb: ((v: T) => unknown) | null = null;
	constructor(initial: T, public el: HTMLElement) {
		this.value = initial;
	}
	/** TextComponent/DropdownComponent/ToggleComponent's element, as in obsidian.d.ts. */
	get inputEl(): HTMLInputElement {
		return this.el as HTMLInputElement;
	}
	get toggleEl(): HTMLElement {
		return this.el;
	}
	get selectEl(): HTMLSelectElement {
		return this.el as unknown as HTMLSelectElement;
	}
	setValue(v: T): this {
		this.value = v;
		return this;
	}
	getValue(): T {
		return this.value;
	}
	onChange(cb: (v: T) => unknown): this {
		this.changeCb = cb;
		return this;
	}
	setPlaceholder(_p: string): this {
		return this;
	}
	setDisabled(_d: boolean): this {
		return this;
	}
	setLimits(_a: number, _b: number, _c: number): this {
		return this;
	}
	setDynamicTooltip(): this {
		return this;
	}
	addOption(_v: string, _d: string): this {
		return this;
	}
	addOptions(_o: Record<string, string>): this {
		return this;
	}
	/** Test hook: the user changes the value. */
	async change(v: T): Promise<void> {
		this.value = v;
		await this.changeCb?.(v);
	}
}

export class ButtonComponent {
	private clickCb: (() => unknown) | null = null;
	constructor(public buttonEl: HTMLElement) {}
	setButtonText(t: string): this {
		this.buttonEl.textContent = t;
		return this;
	}
	setCta(): this {
		return this;
	}
	setWarning(): this {
		return this;
	}
	setIcon(_i: string): this {
		return this;
	}
	setTooltip(_t: string): this {
		return this;
	}
	onClick(cb: () => unknown): this {
		this.clickCb = cb;
		this.buttonEl.addEventListener("click", () => void cb());
		return this;
	}
	async click(): Promise<void> {
		await this.clickCb?.();
	}
}

export class Setting {
	static all: Setting[] = [];
	settingEl: HTMLElement;
	nameEl: HTMLElement;
	descEl: HTMLElement;
	controlEl: HTMLElement;
	name = "";
	desc = "";
	heading = false;
	components: (ValueComponent<any> | ButtonComponent)[] = [];
	constructor(containerEl: HTMLElement) {
		this.settingEl = containerEl.appendChild(document.createElement("div"));
		this.nameEl = this.settingEl.appendChild(document.createElement("div"));
		this.descEl = this.settingEl.appendChild(document.createElement("div"));
		this.controlEl = this.settingEl.appendChild(document.createElement("div"));
		Setting.all.push(this);
	}
	setName(name: string | DocumentFragment): this {
		this.name = typeof name === "string" ? name : (name.textContent ?? "");
		this.nameEl.textContent = this.name;
		return this;
	}
	setDesc(desc: string | DocumentFragment): this {
		this.desc = typeof desc === "string" ? desc : (desc.textContent ?? "");
		this.descEl.textContent = this.desc;
		return this;
	}
	setHeading(): this {
		this.heading = true;
		return this;
	}
	private add<T>(initial: T, cb: (c: ValueComponent<T>) => unknown): this {
		const c = new ValueComponent<T>(initial, this.controlEl.appendChild(document.createElement("input")));
		this.components.push(c);
		cb(c);
		return this;
	}
	addText(cb: (c: ValueComponent<string>) => unknown): this {
		return this.add<string>("", cb);
	}
	addTextArea(cb: (c: ValueComponent<string>) => unknown): this {
		return this.add<string>("", cb);
	}
	addToggle(cb: (c: ValueComponent<boolean>) => unknown): this {
		return this.add<boolean>(false, cb);
	}
	addDropdown(cb: (c: ValueComponent<string>) => unknown): this {
		return this.add<string>("", cb);
	}
	addSlider(cb: (c: ValueComponent<number>) => unknown): this {
		return this.add<number>(0, cb);
	}
	addButton(cb: (c: ButtonComponent) => unknown): this {
		const b = new ButtonComponent(this.controlEl.appendChild(document.createElement("button")));
		this.components.push(b);
		cb(b);
		return this;
	}
	addExtraButton(cb: (c: ButtonComponent) => unknown): this {
		return this.addButton(cb);
	}
}

export function debounce<T extends unknown[]>(cb: (...args: T) => unknown, timeout = 0, _reset?: boolean) {
	let timer: ReturnType<typeof setTimeout> | null = null;
	let lastArgs: T | null = null;
	const fn = (...args: T) => {
		lastArgs = args;
		if (timer) clearTimeout(timer);
		timer = setTimeout(() => {
			timer = null;
			cb(...(lastArgs as T));
		}, timeout);
		return fn;
	};
	fn.cancel = () => {
		if (timer) clearTimeout(timer);
		timer = null;
		return fn;
	};
	fn.run = () => {
		if (timer) {
			clearTimeout(timer);
			timer = null;
			cb(...(lastArgs as T));
		}
	};
	return fn;
}

export function setIcon(el: HTMLElement, icon: string): void {
	el.setAttribute("data-icon", icon);
}

export const Platform = { isMobile: false, isDesktop: true, isMacOS: false, isDesktopApp: true, isMobileApp: false };

export const Keymap = {
	isModEvent(evt?: MouseEvent | KeyboardEvent | null): boolean | string {
		if (!evt) return false;
		if (evt.ctrlKey || evt.metaKey) return evt.altKey ? "split" : evt.shiftKey ? "window" : "tab";
		return false;
	},
	isModifier(evt: MouseEvent | KeyboardEvent, mod: string): boolean {
		return mod === "Mod" ? evt.ctrlKey || evt.metaKey : mod === "Shift" ? evt.shiftKey : mod === "Alt" ? evt.altKey : false;
	},
};

/** In Obsidian: true in Live Preview, false in source mode. */
export const editorLivePreviewField = StateField.define<boolean>({
	create: () => true,
	update: (v) => v,
});

/** In Obsidian: the MarkdownFileInfo (with `file`) of the editor. */
export const editorInfoField = StateField.define<{ file: TFile | null } | null>({
	create: () => null,
	update: (v) => v,
});

export function getFrontMatterInfo(content: string): { exists: boolean; frontmatter: string; from: number; to: number; contentStart: number } {
	const b = locateFrontmatter(content);
	if (!b) return { exists: false, frontmatter: "", from: 0, to: 0, contentStart: 0 };
	const nl = content.indexOf("\n", b.end);
	return { exists: true, frontmatter: content.slice(b.yamlStart, b.yamlEnd), from: b.yamlStart, to: b.yamlEnd, contentStart: nl === -1 ? content.length : nl + 1 };
}

export function parseYaml(text: string): unknown {
	return require("yaml").parse(text);
}

export const moment = undefined;

export interface RequestUrlParam {
	url: string;
	method?: string;
	contentType?: string;
	body?: string | ArrayBuffer;
	headers?: Record<string, string>;
	throw?: boolean;
}

export interface RequestUrlResponse {
	status: number;
	headers: Record<string, string>;
	arrayBuffer: ArrayBuffer;
	json: any;
	text: string;
}

/** Test hook for `requestUrl`: what the network answers (null: offline), and every request made. */
export const network = {
	answer: null as ((request: RequestUrlParam) => Promise<{ status: number; text: string }>) | null,
	requests: [] as RequestUrlParam[],
};

/** As Obsidian's: rejects offline, and for a status of 400 or more unless `throw: false`. */
export function requestUrl(request: RequestUrlParam | string): Promise<RequestUrlResponse> {
	const param = typeof request === "string" ? { url: request } : request;
	network.requests.push(param);
	if (!network.answer) return Promise.reject(new Error("net::ERR_INTERNET_DISCONNECTED"));
	return network.answer(param).then(({ status, text }) => {
		if (status >= 400 && param.throw !== false) throw new Error(`Request failed, status ${status}`);
		return {
			status,
			headers: {},
			text,
			get arrayBuffer(): ArrayBuffer {
				return new TextEncoder().encode(text).buffer;
			},
			get json(): unknown {
				return JSON.parse(text);
			},
		};
	});
}
