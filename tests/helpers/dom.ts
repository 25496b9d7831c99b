/**
 * Obsidian's DOM helpers (obsidian.d.ts: `createEl`, `createDiv`, `createSpan`, `empty`,
 * `setText`, `addClass`, `toggleClass`, `setAttr`), installed on jsdom's prototypes so
 * views run under Jest as they do in Obsidian. Text goes in as text, never as HTML.
 */
interface DomElementInfo {
	cls?: string | string[];
	text?: string;
	attr?: Record<string, string | number | boolean | null>;
	title?: string;
	href?: string;
	type?: string;
	value?: string;
	placeholder?: string;
}

type Callback<T> = (el: T) => void;

function applyInfo(el: HTMLElement, info?: DomElementInfo | string): void {
	if (info === undefined) return;
	if (typeof info === "string") {
		el.className = info;
		return;
	}
	if (info.cls) el.className = Array.isArray(info.cls) ? info.cls.join(" ") : info.cls;
	if (info.text !== undefined) el.textContent = info.text;
	if (info.title !== undefined) el.title = info.title;
	if (info.href !== undefined) el.setAttribute("href", info.href);
	if (info.type !== undefined) el.setAttribute("type", info.type);
	if (info.value !== undefined) (el as HTMLInputElement).value = info.value;
	if (info.placeholder !== undefined) el.setAttribute("placeholder", info.placeholder);
	for (const [k, v] of Object.entries(info.attr ?? {})) {
		if (v === null || v === false) el.removeAttribute(k);
		else el.setAttribute(k, String(v));
	}
}

export function createElIn<K extends keyof HTMLElementTagNameMap>(
	parent: Node | null,
	tag: K,
	info?: DomElementInfo | string,
	callback?: Callback<HTMLElementTagNameMap[K]>,
): HTMLElementTagNameMap[K] {
	const el = document.createElement(tag);
	applyInfo(el, info);
	if (parent) parent.appendChild(el);
	callback?.(el);
	return el;
}

export function installDomHelpers(): void {
	const proto = Node.prototype as unknown as Record<string, unknown>;
	if (proto.createEl) return;
	// Obsidian's global createFragment(callback).
	(globalThis as unknown as Record<string, unknown>).createFragment ??= (cb?: Callback<DocumentFragment>) => {
		const fragment = document.createDocumentFragment();
		cb?.(fragment);
		return fragment;
	};
	// Obsidian's globals for the focused window (a pop-out's own window and document when it has focus).
	(globalThis as unknown as Record<string, unknown>).activeWindow ??= window;
	(globalThis as unknown as Record<string, unknown>).activeDocument ??= document;
	// Obsidian's `el.doc` / `el.win`: the document and window an element lives in (pop-outs have their own).
	Object.defineProperty(Node.prototype, "doc", { configurable: true, get(this: Node) { return this.ownerDocument ?? (this); } });
	// Obsidian's `node.instanceOf(Type)`: true also for a node of another window (a pop-out) of that type.
	proto.instanceOf = function (this: Node, type: { name: string; prototype: object }) {
		const own = ((this.ownerDocument ?? (this as unknown as Document)).defaultView as unknown as Record<string, { prototype: object } | undefined> | null)?.[type.name];
		const isA = (t: { prototype: object } | undefined) => t !== undefined && Object.prototype.isPrototypeOf.call(t.prototype, this);
		return isA(type) || isA(own);
	};
	Object.defineProperty(Node.prototype, "win", { configurable: true, get(this: Node) { return (this.ownerDocument ?? (this as unknown as Document)).defaultView ?? window; } });
	proto.createEl = function (this: Node, tag: keyof HTMLElementTagNameMap, info?: DomElementInfo | string, cb?: Callback<HTMLElement>) {
		return createElIn(this, tag, info, cb);
	};
	proto.createDiv = function (this: Node, info?: DomElementInfo | string, cb?: Callback<HTMLElement>) {
		return createElIn(this, "div", info, cb);
	};
	proto.createSpan = function (this: Node, info?: DomElementInfo | string, cb?: Callback<HTMLElement>) {
		return createElIn(this, "span", info, cb);
	};
	proto.empty = function (this: Node) {
		while (this.firstChild) this.removeChild(this.firstChild);
	};
	proto.setText = function (this: Node, text: string) {
		this.textContent = text;
	};
	// Pop-out windows (obsidian.d.ts): a node's own window and document, cross-window instanceof.
	if (!("win" in proto)) {
		Object.defineProperty(proto, "doc", { configurable: true, get(this: Node) { return this.ownerDocument ?? document; } });
		Object.defineProperty(proto, "win", { configurable: true, get(this: Node) { return (this.ownerDocument ?? document).defaultView ?? window; } });
		proto.instanceOf = function (this: Node, type: new () => unknown) { return Object.prototype.isPrototypeOf.call(type.prototype, this); };
	}
	(globalThis as unknown as Record<string, unknown>).activeWindow ??= window;
	(globalThis as unknown as Record<string, unknown>).activeDocument ??= document;
	const el = HTMLElement.prototype as unknown as Record<string, unknown>;
	el.addClass = function (this: HTMLElement, ...cls: string[]) {
		this.classList.add(...cls);
	};
	el.removeClass = function (this: HTMLElement, ...cls: string[]) {
		this.classList.remove(...cls);
	};
	el.toggleClass = function (this: HTMLElement, cls: string, on: boolean) {
		this.classList.toggle(cls, on);
	};
	el.hasClass = function (this: HTMLElement, cls: string) {
		return this.classList.contains(cls);
	};
	el.setAttr = function (this: HTMLElement, k: string, v: string | number | boolean | null) {
		if (v === null || v === false) this.removeAttribute(k);
		else this.setAttribute(k, String(v));
	};
	const g = globalThis as unknown as Record<string, unknown>;
	g.createEl = (tag: keyof HTMLElementTagNameMap, info?: DomElementInfo | string, cb?: Callback<HTMLElement>) => createElIn(null, tag, info, cb);
	g.createDiv = (info?: DomElementInfo | string, cb?: Callback<HTMLElement>) => createElIn(null, "div", info, cb);
	g.createSpan = (info?: DomElementInfo | string, cb?: Callback<HTMLElement>) => createElIn(null, "span", info, cb);
	// CodeMirror measures text with these; jsdom has no layout.
	const range = Range.prototype as unknown as Record<string, unknown>;
	range.getClientRects = () => ({ length: 0, item: () => null, [Symbol.iterator]: [][Symbol.iterator] });
	range.getBoundingClientRect = () => ({ x: 0, y: 0, width: 0, height: 0, top: 0, left: 0, right: 0, bottom: 0, toJSON: () => ({}) });
	// Lists scroll their current row into view; jsdom has no layout to scroll.
	(Element.prototype as unknown as Record<string, unknown>).scrollIntoView ??= () => undefined;
}
