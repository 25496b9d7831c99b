/**
 * Notice of the obsidian mock (obsidian.d.ts 2984-3013): the message (text or fragment) goes
 * into `messageEl` inside `containerEl`, and a click anywhere on the notice hides it — how
 * Obsidian's notices are dismissed, also one of duration 0 ("until the user manually
 * dismisses it", d.ts 2997-2999).
 */
export class Notice {
	static shown: Notice[] = [];
	/** The message's text when shown or last set. */
	message: string;
	containerEl: HTMLElement;
	messageEl: HTMLElement;
	/** Deprecated in Obsidian for `messageEl` (the same element here). */
	noticeEl: HTMLElement;
	hidden = false;
	constructor(
		message: string | DocumentFragment,
		public duration?: number,
	) {
		this.message = typeof message === "string" ? message : (message.textContent ?? "");
		const dom = typeof document !== "undefined";
		this.containerEl = dom ? document.createElement("div") : ({} as HTMLElement);
		this.messageEl = dom ? this.containerEl.appendChild(document.createElement("div")) : ({} as HTMLElement);
		this.noticeEl = this.messageEl;
		if (dom) {
			this.put(message);
			this.containerEl.addEventListener("click", () => this.hide());
		}
		Notice.shown.push(this);
	}
	setMessage(message: string | DocumentFragment): this {
		this.message = typeof message === "string" ? message : (message.textContent ?? "");
		if (typeof document !== "undefined") this.put(message);
		return this;
	}
	hide(): void {
		this.hidden = true;
		if (typeof document !== "undefined") this.containerEl.remove();
	}
	private put(message: string | DocumentFragment): void {
		this.messageEl.textContent = "";
		if (typeof message === "string") this.messageEl.textContent = message;
		else this.messageEl.appendChild(message);
	}
}
