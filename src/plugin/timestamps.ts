/**
 * Timestamps feature wiring (docs/reference.md §6): the reading-view post-processor, the Live Preview
 * extension and the "Convert timestamps to links" command.
 */
import { Notice, type Editor } from "obsidian";
import { linkifySplices, noteVideo } from "../core/markdown/timestamps";
import { timestampLivePreview } from "../ui/live-preview";
import { timestampPostProcessor } from "../ui/reading-view";
import type { FeatureContext } from "./context";

export function registerTimestamps(context: FeatureContext): void {
	const { plugin } = context;
	plugin.registerMarkdownPostProcessor(timestampPostProcessor(context.app, () => context.settings().timestampsInReadingView));
	plugin.registerEditorExtension(timestampLivePreview({ enabled: () => context.settings().timestampsInLivePreview }));
	plugin.addCommand({
		id: "convert-timestamps-to-links",
		name: "Convert timestamps to links",
		editorCheckCallback: (checking, editor, ctx) => {
			if (!ctx.file || ctx.file.extension !== "md") return false;
			if (!checking) new Notice(convertTimestampsInEditor(editor));
			return true;
		},
	});
}

/**
 * Rewrite the editor's timestamps as `[8:36](seek URL)` in one transaction (one undo step),
 * from the editor's current text; returns what happened, for a Notice.
 */
export function convertTimestampsInEditor(editor: Editor): string {
	const text = editor.getValue();
	const video = noteVideo(text);
	if (!video.ok) return `Source Lifecycle: not changed, the frontmatter cannot be read (${video.reason}).`;
	const videoId = video.videoId;
	if (videoId === null) return "Source Lifecycle: this note has no video — its url property is not a YouTube video URL.";
	const splices = linkifySplices(text, videoId, video.duration);
	if (splices.length === 0) return "Source Lifecycle: no plain timestamps to convert.";
	editor.transaction({
		changes: splices.map((s) => ({ from: editor.offsetToPos(s.from), to: editor.offsetToPos(s.to), text: s.insert })),
	});
	return `Source Lifecycle: converted ${splices.length} ${splices.length === 1 ? "timestamp" : "timestamps"} to links.`;
}
