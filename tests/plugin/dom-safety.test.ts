/** @jest-environment jsdom */
/**
 * DOM safety (docs/reference.md §6, issue 8): note-controlled strings — titles, creators, paths,
 * problem messages, timestamp labels — reach the DOM only as text. No element or event
 * attribute comes from a note, and every href we set is a seek URL or `#`.
 */
import MarkdownIt from "markdown-it";
import { Modal, TFile, WorkspaceLeaf } from "../__mocks__/obsidian";
import { loadPlugin } from "../helpers/plugin";
import { ValidationModal, validateVault } from "../../src/plugin/validate";
import { linkTimestamps } from "../../src/ui/reading-view";
import { TRIAGE_VIEW_TYPE, type TriageView } from "../../src/ui/triage-view";
import { isSeekUrl } from "../../src/core/sources/youtube";

const HOSTILE = [
	'<img src=x onerror="window.__pwned=1">',
	"<script>window.__pwned=2</script>",
	'<svg onload="window.__pwned=3"></svg>',
	'"><a href="javascript:window.__pwned=4">click</a>',
	"&lt;b&gt;entity&amp;<b>bold</b>",
];
const FORBIDDEN = "script, img, iframe, object, embed, style, link, meta, form, input[type=image]";

/** Nothing a note wrote became an element, an event handler or a link target. */
function expectSafe(root: HTMLElement, ownHrefs: (href: string) => boolean = (h) => h === "#" || isSeekUrl(h)): void {
	expect(root.querySelectorAll(FORBIDDEN)).toHaveLength(0);
	for (const el of Array.from(root.querySelectorAll("*"))) {
		for (const attr of Array.from(el.attributes)) {
			expect({ element: el.tagName, attribute: attr.name }).not.toEqual({ element: el.tagName, attribute: expect.stringMatching(/^on/i) });
			if (attr.name === "href" || attr.name === "src" || attr.name === "xlink:href" || attr.name === "action") {
				if (!ownHrefs(attr.value)) throw new Error(`unexpected ${attr.name}="${attr.value}" on <${el.tagName.toLowerCase()}>`);
			}
		}
	}
	expect((window as any).__pwned).toBeUndefined();
}

const src = (fields: string) => `---\n${fields}\n---\n\nBody\n`;
const yamlString = (s: string) => JSON.stringify(s);

describe("DOM safety", () => {
	it("the triage view shows hostile titles, creators, topics and paths as text only", async () => {
		const notes: Record<string, string> = {};
		HOSTILE.forEach((h, i) => {
			notes[`Sources/${h.replace(/[/\\]/g, "_")} ${i}.md`] = src(
				`id: SOURCE-h${i}\ntitle: ${yamlString(h)}\nstatus: raw\nplatform: ${yamlString(h)}\ncreator: ${yamlString(h)}\nsignal_tier: ${yamlString(h)}\nduration: ${yamlString(h)}\ndate_published: ${yamlString(h)}\ntopics:\n  - ${yamlString(h)}\nurl: ${yamlString("javascript:alert(1)//" + h)}`,
			);
		});
		const { app, plugin } = await loadPlugin(notes);
		app.vault.on("modify", (f: TFile) => app.metadataCache.indexFile(f.path));
		await (plugin as any).commands.get("open-triage-queue").callback();
		const leaf = app.workspace.getLeavesOfType(TRIAGE_VIEW_TYPE)[0] as WorkspaceLeaf;
		const view = leaf.view as TriageView;
		document.body.appendChild(view.containerEl);
		const text = view.containerEl.textContent ?? "";
		for (const h of HOSTILE) expect(text).toContain(h);
		expectSafe(view.containerEl);
		view.containerEl.remove();
	});

	it("the validation report shows hostile paths, titles and parser reasons as text only", async () => {
		const notes: Record<string, string> = {};
		HOSTILE.forEach((h, i) => {
			notes[`${h.replace(/[/\\]/g, "_")} ${i}.md`] = src(`id: SOURCE-v${i}\ntitle: ${yamlString(h)}\nstatus: ${yamlString(h)}\nurl: ${yamlString("javascript:" + h)}\nintegrated_into:\n  - ${yamlString("[[" + h + "]]")}`);
			notes[`broken ${h.replace(/[/\\]/g, "_")} ${i}.md`] = `---\nid: SOURCE-b${i}\ntitle: x\ntitle: ${yamlString(h)}\n---\n`;
		});
		const { app, plugin } = await loadPlugin(notes);
		const report = await validateVault(app as any, (plugin as any).sourceIndex.index, (plugin as any).settings);
		expect(report.withProblems.length).toBe(HOSTILE.length);
		expect(report.errors.length).toBe(HOSTILE.length);
		const modal = new ValidationModal(app as any, report);
		modal.onOpen();
		const root = (modal as unknown as Modal).modalEl;
		const text = root.textContent ?? "";
		for (const h of HOSTILE) expect(text).toContain(h);
		expectSafe(root);
	});

	it("the reading-view post-processor keeps hostile labels as text and only adds seek links", () => {
		const md = new MarkdownIt({ html: false, linkify: true });
		const body = HOSTILE.map((h, i) => `- ${i}:1${i} ${h}\n- [${i}:2${i}] ${h} (javascript:alert(${i}))`).join("\n");
		const el = document.createElement("div");
		const doc = new DOMParser().parseFromString(md.render(body), "text/html");
		el.append(...Array.from(doc.body.childNodes));
		const textBefore = el.textContent;
		const elementsBefore = el.querySelectorAll("*").length;
		const linked = linkTimestamps(el, "dQw4w9WgXcQ");
		expect(linked).toBe(HOSTILE.length * 2);
		expect(el.querySelectorAll("*").length).toBe(elementsBefore + linked);
		expect(el.textContent).toBe(textBefore);
		// (Markdown itself decodes `&lt;` — the last payload — so check the raw-HTML ones.)
		for (const h of HOSTILE.slice(0, 4)) expect(el.textContent).toContain(h);
		expectSafe(el);
		for (const a of Array.from(el.querySelectorAll("a"))) expect(isSeekUrl(a.getAttribute("href") ?? "")).toBe(true);
	});
});
