/**
 * The "New source from URL…" modal (docs/capture.md): the URL — filled from the clipboard
 * when it holds a video URL —, optional title, creator and publication date, and a box for
 * the video's description. Checks the URL and the date before it closes; the capture
 * itself is the caller's.
 */
import { Modal, Setting, type App, type TextComponent } from "obsidian";
import { isCalendarDate } from "../core/sources/source";
import { videoIdFromUrl } from "../core/sources/youtube";

export interface CaptureForm {
	url: string;
	title: string;
	creator: string;
	published: string;
	description: string;
}

export class CaptureModal extends Modal {
	readonly form: CaptureForm = { url: "", title: "", creator: "", published: "", description: "" };
	private urlInput: TextComponent | null = null;
	private errorEl: HTMLElement | null = null;

	constructor(
		app: App,
		private readClipboard: () => Promise<string>,
		private onSubmit: (form: CaptureForm) => void,
	) {
		super(app);
	}

	override onOpen(): void {
		this.setTitle("New source from URL");
		const { contentEl } = this;
		contentEl.empty();
		new Setting(contentEl)
			.setName("YouTube URL")
			.setDesc("Any form: watch, youtu.be, shorts, live, embed.")
			.addText((t) => {
				this.urlInput = t;
				t.setPlaceholder("Paste a video link").onChange((v) => {
					this.form.url = v;
					this.showError(null);
				});
				this.submitOnEnter(t.inputEl);
			});
		this.textField(contentEl, "Title", "Leave empty to take it from YouTube.", "title");
		this.textField(contentEl, "Creator", "Leave empty to take the channel name from YouTube.", "creator");
		this.textField(contentEl, "Published", "The video's date, as YYYY-MM-DD. It dates the ID; today when empty.", "published");
		new Setting(contentEl)
			.setName("Description")
			.setDesc("Paste the video's description: its timestamp lines become the timestamps list.")
			.addTextArea((t) => {
				t.inputEl.rows = 8;
				t.inputEl.addClass("source-lifecycle-capture-description");
				t.onChange((v) => (this.form.description = v));
			});
		this.errorEl = contentEl.createDiv({ cls: "source-lifecycle-setting-error" });
		new Setting(contentEl).addButton((b) => b.setButtonText("Create").setCta().onClick(() => this.submit()));
		void this.fillFromClipboard();
	}

	override onClose(): void {
		this.contentEl.empty();
	}

	/** Check the form; when it holds a video URL and a valid date (or none), close and hand it over. */
	submit(): boolean {
		if (videoIdFromUrl(this.form.url) === null) {
			this.showError(this.form.url.trim() === "" ? "Enter the URL of a YouTube video." : "This is not the URL of a YouTube video.");
			return false;
		}
		const published = this.form.published.trim();
		if (published !== "" && !isCalendarDate(published)) {
			this.showError("Write the published date as YYYY-MM-DD, or leave it empty.");
			return false;
		}
		this.close();
		this.onSubmit({ ...this.form });
		return true;
	}

	/** The clipboard's text, when it is a video URL and nothing was typed yet. */
	private async fillFromClipboard(): Promise<void> {
		let text: string;
		try {
			text = (await this.readClipboard()).trim();
		} catch {
			return; // No clipboard access (permission, platform): the field stays empty.
		}
		if (this.form.url === "" && videoIdFromUrl(text) !== null) {
			this.form.url = text;
			this.urlInput?.setValue(text);
		}
	}

	private textField(containerEl: HTMLElement, name: string, desc: string, key: "title" | "creator" | "published"): void {
		new Setting(containerEl)
			.setName(name)
			.setDesc(desc)
			.addText((t) => {
				t.onChange((v) => (this.form[key] = v));
				this.submitOnEnter(t.inputEl);
			});
	}

	private submitOnEnter(input: HTMLElement): void {
		input.addEventListener("keydown", (e: KeyboardEvent) => {
			if (e.key === "Enter" && !e.isComposing) {
				e.preventDefault();
				this.submit();
			}
		});
	}

	private showError(message: string | null): void {
		this.errorEl?.setText(message ?? "");
	}
}
