/**
 * "Validate sources": problems of every SOURCE note (from the index, no file reads) and
 * errors of notes that look like sources but whose frontmatter does not parse (only
 * those are read, to give the parser's reason). Shown in a modal; each path opens its note.
 */
import { Modal, TFile, type App } from "obsidian";
import { looksLikeSource, readFrontmatter } from "../core/frontmatter/frontmatter";
import { validateSource, type Problem } from "../core/sources/source";
import type { SourceSettings } from "../core/sources/settings";
import type { SourceIndex } from "../core/vault/source-index";
import type { FeatureContext } from "./context";

/** The "Validate sources (report)" command. */
export function registerValidate(context: FeatureContext): void {
	context.plugin.addCommand({
		id: "validate-sources",
		name: "Validate sources (report)",
		callback: async () => {
			const report = await validateVault(context.app, context.sourceIndex.index, context.settings());
			new ValidationModal(context.app, report).open();
		},
	});
}

export interface ValidationReport {
	checked: number;
	withProblems: { path: string; title: string; problems: Problem[] }[];
	errors: { path: string; message: string }[];
}

export async function validateVault(app: App, index: SourceIndex, settings: SourceSettings): Promise<ValidationReport> {
	const exists = (linkpath: string, from: string) => app.metadataCache.getFirstLinkpathDest(linkpath, from) !== null;
	const withProblems: ValidationReport["withProblems"] = [];
	let checked = 0;
	for (const source of index.sources()) {
		checked++;
		const problems = validateSource(source, settings, exists);
		if (problems.length) withProblems.push({ path: source.path, title: source.title ?? source.path, problems });
	}
	withProblems.sort((a, b) => a.path.localeCompare(b.path));
	const errors: ValidationReport["errors"] = [];
	for (const file of app.vault.getMarkdownFiles()) {
		const cache = app.metadataCache.getFileCache(file);
		if (!cache?.frontmatterPosition || cache.frontmatter) continue;
		if (file.stat.size > settings.maxNoteBytes) {
			const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
			errors.push({ path: file.path, message: `note is ${mb(file.stat.size)} MB, over the ${mb(settings.maxNoteBytes)} MB limit set in settings; not read` });
			continue;
		}
		const text = await app.vault.cachedRead(file);
		const r = readFrontmatter(text);
		if (!r.ok && looksLikeSource(text.slice(r.block.yamlStart, r.block.yamlEnd), settings.idPrefix)) {
			errors.push({ path: file.path, message: `malformed frontmatter: ${r.reason}` });
		}
	}
	return { checked, withProblems, errors };
}

export class ValidationModal extends Modal {
	constructor(
		app: App,
		private report: ValidationReport,
	) {
		super(app);
	}

	override onOpen(): void {
		const { contentEl, report } = this;
		this.setTitle("Source validation");
		const total = report.withProblems.length + report.errors.length;
		contentEl.createEl("p", {
			text: total === 0
				? `All ${report.checked} sources are valid.`
				: `${report.checked} sources checked: ${report.withProblems.length} with problems, ${report.errors.length} that could not be read.`,
		});
		if (report.errors.length) {
			contentEl.createEl("h3", { text: "Notes that could not be read" });
			const list = contentEl.createEl("ul", { cls: "source-lifecycle-report" });
			for (const e of report.errors) {
				const li = list.createEl("li");
				this.pathLink(li, e.path);
				li.createSpan({ text: ` — ${e.message}` });
			}
		}
		if (report.withProblems.length) {
			contentEl.createEl("h3", { text: "Sources with problems" });
			const list = contentEl.createEl("ul", { cls: "source-lifecycle-report" });
			for (const s of report.withProblems) {
				const li = list.createEl("li");
				this.pathLink(li, s.path);
				const inner = li.createEl("ul");
				for (const p of s.problems) inner.createEl("li", { text: `${p.code}: ${p.message}` });
			}
		}
	}

	private pathLink(parent: HTMLElement, path: string): void {
		const a = parent.createEl("a", { text: path, cls: "internal-link", href: "#" });
		a.addEventListener("click", (evt) => {
			evt.preventDefault();
			const file = this.app.vault.getAbstractFileByPath(path);
			if (file instanceof TFile) void this.app.workspace.getLeaf(false).openFile(file);
			this.close();
		});
	}

	override onClose(): void {
		this.contentEl.empty();
	}
}
