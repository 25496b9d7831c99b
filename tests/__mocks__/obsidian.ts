/**
 * A mock of the `obsidian` module, written from obsidian.d.ts: the runtime classes
 * `src/` uses, with an in-memory Vault, MetadataCache and Workspace. The metadata
 * cache computes frontmatter with our reader and resolved links with our resolver —
 * a fake of Obsidian, not a second implementation of our rules: tests of link
 * semantics run against the oracle data in tests/conformance instead.
 */
import { StateField } from "@codemirror/state";
import { locateFrontmatter } from "../../src/core/frontmatter/frontmatter";
import { Component } from "./obsidian/events";
import { Workspace, WorkspaceLeaf } from "./obsidian/workspace";
import { TFile, TFolder, Vault, MetadataCache } from "./obsidian/vault";
import { MockEditor } from "./obsidian/editor";

// Split by area under tests/__mocks__/obsidian/; everything is re-exported from here.
export { Component, Events, type EventRef } from "./obsidian/events";
export { Workspace, WorkspaceLeaf, DeferredView, type OpenViewState, type ViewState } from "./obsidian/workspace";
export { Notice } from "./obsidian/notice";
export { TAbstractFile, TFile, TFolder, Vault, MetadataCache, normalizePath, type CachedMetadata } from "./obsidian/vault";
export { MockEditor, type EditorPosition } from "./obsidian/editor";

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
	/** Code block processors by language (tests call them as Obsidian's reading view would). */
	codeBlockProcessors = new Map<string, (source: string, el: HTMLElement, ctx: any) => unknown>();
	registerMarkdownCodeBlockProcessor(language: string, handler: (source: string, el: HTMLElement, ctx: any) => unknown): typeof handler {
		this.codeBlockProcessors.set(language, handler);
		return handler;
	}
	async loadData(): Promise<unknown> {
		return this.savedData;
	}
	async saveData(data: unknown): Promise<void> {
		this.savedData = JSON.parse(JSON.stringify(data));
	}
	async onExternalSettingsChange(): Promise<void> {}
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
	/** The text the editor last saved or loaded. */
	savedText = "";
	/**
	 * Test hook: open `file` in an editor in a new main-area tab and make it active. A write
	 * from outside the editor reloads a clean editor (outside its undo history); an editor
	 * with unsaved typing keeps its text, and its next save writes it over the file.
	 */
	static openIn(app: App, file: TFile, active = true): MarkdownView {
		const leaf = app.workspace.getLeaf("tab");
		const view = new MarkdownView(leaf);
		view.file = file;
		view.savedText = app.vault.contents.get(file.path) ?? "";
		view.editor = new MockEditor(view.savedText);
		leaf.view = view;
		leaf.viewState = { type: "markdown", state: { file: file.path } };
		leaf.file = file;
		view.registerEvent(
			app.vault.on("modify", (changed: TFile) => {
				if (changed !== view.file || view.saving) return;
				const disk = app.vault.contents.get(changed.path) ?? "";
				if (view.editor.getValue() === view.savedText) view.editor.reload(disk);
				view.savedText = disk;
			}),
		);
		if (active) app.workspace.setActiveLeaf(leaf);
		return view;
	}
	private saving = false;
	/** Obsidian's autosave: the editor's text to the file. */
	async save(): Promise<void> {
		if (!this.file) return;
		this.saving = true;
		await this.app.vault.modify(this.file, this.editor.getValue());
		this.saving = false;
		this.savedText = this.editor.getValue();
	}
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
