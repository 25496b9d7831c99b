/**
 * Browser page for tests/e2e/table.e2e.test.ts: a note holding a `source-lifecycle` block,
 * rendered as Obsidian's reading view renders it (markdown-it for the Markdown, then the
 * block's `pre` handed to our code block processor registered by the real `registerTables`),
 * over the one SourceIndex fed with generated sources and the seed. Exposes `window.tables`.
 */
import MarkdownIt from "markdown-it";
import { SourceIndex } from "../../../src/core/vault/source-index";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";
import { registerTables } from "../../../src/plugin/tables";
import type { FeatureContext } from "../../../src/plugin/context";
import type { FrontmatterData } from "../../../src/core/frontmatter/frontmatter";
import { installDomHelpers } from "../../helpers/dom";

installDomHelpers();

type Processor = (source: string, el: HTMLElement, ctx: unknown) => void;
const index = new SourceIndex(DEFAULT_SETTINGS);
const opened: string[] = [];
const children: { load(): void; unload(): void; renders?: number }[] = [];
let processor: Processor | null = null;

const context = {
	app: {
		vault: { getAbstractFileByPath: () => null },
		metadataCache: {},
		workspace: { openLinkText: async (link: string) => void opened.push(link) },
	},
	plugin: {
		registerMarkdownCodeBlockProcessor: (_lang: string, p: Processor) => void (processor = p),
		addCommand: () => undefined,
	},
	sourceIndex: { index },
	settings: () => DEFAULT_SETTINGS,
} as unknown as FeatureContext;
registerTables(context);

const tables = {
	opened,
	/** Feed a source note's frontmatter to the index (as the metadata cache's `changed` does). */
	setSource(path: string, frontmatter: FrontmatterData): void {
		index.setNote(path, frontmatter);
	},
	/** Render a note in a reading view: Markdown by markdown-it, `source-lifecycle` blocks by our processor. */
	renderNote(markdown: string): void {
		const view = document.body.appendChild(document.createElement("div"));
		view.className = "markdown-reading-view";
		const section = view.appendChild(document.createElement("div"));
		section.className = "markdown-preview-view markdown-rendered";
		const html = new MarkdownIt({ breaks: true }).render(markdown);
		section.append(...Array.from(new DOMParser().parseFromString(html, "text/html").body.childNodes));
		for (const code of Array.from(section.querySelectorAll("pre > code.language-source-lifecycle"))) {
			const el = document.createElement("div");
			el.className = "block-language-source-lifecycle";
			(code.parentElement as HTMLElement).replaceWith(el);
			processor?.(code.textContent ?? "", el, {
				sourcePath: "Episodes.md",
				addChild: (child: { load(): void; unload(): void }) => {
					children.push(child);
					child.load();
				},
			});
		}
	},
	rows(): string[][] {
		return Array.from(document.querySelectorAll(".source-lifecycle-table tbody tr")).map((tr) => Array.from(tr.querySelectorAll("td")).map((td) => td.textContent ?? ""));
	},
	links(): { text: string; dataHref: string | null; cls: string }[] {
		return Array.from(document.querySelectorAll<HTMLAnchorElement>(".source-lifecycle-table a")).map((a) => ({ text: a.textContent ?? "", dataHref: a.getAttribute("data-href"), cls: a.className }));
	},
	errors(): string[] {
		return Array.from(document.querySelectorAll(".source-lifecycle-table-error li")).map((li) => li.textContent ?? "");
	},
	unloadAll(): void {
		for (const c of children.splice(0)) c.unload();
	},
};

export type Tables = typeof tables;
(window as unknown as { tables: Tables }).tables = tables;
