/**
 * Browser page for tests/e2e/triage.e2e.test.ts: the real plugin (main.ts, the triage
 * view, LifecycleActions, the writer) running on the obsidian *mock* (bundled with
 * `obsidian` aliased to tests/__mocks__/obsidian.ts, not the shared shim), over an
 * in-memory vault of generated sources; plus a standalone mount of the TriageList for
 * the 10k-item checks. Exposes `window.triage` for the test to drive and inspect.
 */
import { App } from "../../__mocks__/obsidian";
import { loadPlugin, openView } from "./plugin-harness";
import { TRIAGE_VIEW_TYPE, type TriageView } from "../../../src/ui/triage-view";
import { mountTriageList, type TriageList } from "../../../src/ui/triage-list";
import { toQueueItem, type QueueItem } from "../../../src/core/sources/queue";
import { toSourceNote } from "../../../src/core/sources/source";
import { DEFAULT_SETTINGS } from "../../../src/core/sources/settings";
import { installDomHelpers } from "../../helpers/dom";

installDomHelpers();

const CREATORS = ["a16z", "Lex Fridman", "Two Minute Papers", "Dwarkesh Patel", "Latent Space", "Stratechery"];
const PLATFORMS = ["youtube", "youtube", "podcast", "article"];
const TIERS = ["paradigm", "high", "high", "medium", "medium", "low", "low"];
const STATUSES = ["raw", "raw", "raw", "in_progress", "integrated", "archived"];
const TELEOLOGY = ["implement", "understand", "monitor"];
const CATEGORY = ["ai-engineering", "strategy", "research"];
const WORDS = ["Scaling", "laws", "for", "agents", "inference", "economics", "of", "open", "models", "fine-tuning", "evaluation", "the", "future", "retrieval", "memory"];

function pick<T>(list: readonly T[], i: number): T {
	return list[i % list.length] as T;
}

function title(i: number): string {
	if (i === 7) return "<img src=x onerror=alert(1)> is a title, not markup";
	const n = 4 + (i % 7);
	return Array.from({ length: n }, (_, k) => pick(WORDS, i * 3 + k * 5)).join(" ").replace(/^./, (c) => c.toUpperCase());
}

export function sourceNote(i: number): string {
	const day = String(1 + (i % 28)).padStart(2, "0");
	const month = String(1 + (i % 12)).padStart(2, "0");
	return [
		"---",
		`id: SOURCE-2025${month}${day}-${i}`,
		`platform: ${pick(PLATFORMS, i)}`,
		`signal_tier: ${pick(TIERS, i * 5)}`,
		`status: ${pick(STATUSES, i)}`,
		`creator: "${pick(CREATORS, i * 7)}"`,
		`title: ${JSON.stringify(title(i))}`,
		`date_published: 2025-${month}-${day}`,
		`duration: "${20 + (i % 90)}m ${i % 60}s"`,
		`teleology: ${pick(TELEOLOGY, i)}`,
		`notebooklm_category: ${pick(CATEGORY, i * 11)}`,
		"integrated_into: []",
		"---",
		"",
		"Notes.",
		"",
	].join("\n");
}

async function start(): Promise<void> {
	const app = new App();
	for (let i = 0; i < 200; i++) app.vault.addFile(`Sources/source-${i}.md`, sourceNote(i));
	app.vault.addFile("Notes/Reading.md", "# Reading\n");
	const plugin = await loadPlugin(app);
	const sidebar = document.body.createDiv({ cls: "sidebar" });
	const view = await openView<TriageView>(app, plugin, "open-triage-queue", TRIAGE_VIEW_TYPE, sidebar);
	view.triageList?.el.focus();

	let standalone: TriageList | null = null;
	const items = (n: number): QueueItem[] =>
		Array.from({ length: n }, (_, i) => toQueueItem(toSourceNote(`S/${i}.md`, { id: `SOURCE-${i}`, title: title(i), status: pick(STATUSES, i), creator: pick(CREATORS, i), platform: pick(PLATFORMS, i), signal_tier: pick(TIERS, i), date_published: "2025-05-05", duration: "42m" }, DEFAULT_SETTINGS)!));
	(window as unknown as Record<string, unknown>).triage = {
		app,
		plugin,
		view,
		contents: (path: string) => app.vault.contents.get(path),
		queue: () => view.queueItems().map((i) => ({ path: i.path, title: i.title, status: i.status })),
		/** Mount a standalone list of n items in a fixed-size box; returns ms taken to mount and lay out. */
		mountStandalone(n: number): number {
			standalone?.destroy();
			document.querySelector(".standalone")?.remove();
			const box = document.body.createDiv({ cls: "standalone source-lifecycle-triage" });
			const data = items(n);
			const t0 = performance.now();
			standalone = mountTriageList(box, data);
			void standalone.el.offsetHeight;
			return performance.now() - t0;
		},
		standaloneRows: () => document.querySelectorAll(".standalone .source-lifecycle-triage-row").length,
		standalone: () => standalone,
	};
	(window as unknown as Record<string, unknown>).triageReady = true;
}

void start();
