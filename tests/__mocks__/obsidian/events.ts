/** Events and Component of the obsidian mock (obsidian.d.ts `Events`, `Component`). */
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
