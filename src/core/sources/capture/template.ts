/**
 * A template note filled for a capture (docs/capture.md). Placeholders: `{{id}}`,
 * `{{title}}`, `{{url}}`, `{{videoId}}`, `{{creator}}`, `{{date_published}}`,
 * `{{today}}`, `{{timestamps}}`, `{{description}}`; others are left as written.
 * In the body a placeholder becomes its text. In the frontmatter every value holding a
 * placeholder is written as one YAML double-quoted scalar (a lone placeholder with no
 * value: `null`), so no title can break the YAML.
 */
import { locateFrontmatter } from "../../frontmatter/frontmatter";
import { chapterList } from "./description";
import type { CaptureFields } from "./note";
import { yamlQuote } from "./yaml-text";

const PLACEHOLDER = /\{\{\s*(id|title|url|videoId|creator|date_published|today|timestamps|description)\s*\}\}/g;

/** Each placeholder's text; null when unknown. */
function placeholderValues(f: CaptureFields): Record<string, string | null> {
	return {
		id: f.id,
		title: f.title,
		url: f.url,
		videoId: f.videoId,
		creator: f.creator,
		date_published: f.published,
		today: f.today,
		timestamps: f.chapters.length ? chapterList(f.chapters) : null,
		description: f.description === "" ? null : f.description,
	};
}

function fillText(text: string, values: Record<string, string | null>): string {
	return text.replace(PLACEHOLDER, (_m, name: string) => values[name] ?? "");
}

/**
 * A frontmatter line's value part (after `key:` or a list item's `- `) holding a
 * placeholder, rewritten as one quoted scalar. A value wrapped in quotes in the template
 * (`"{{title}} by {{creator}}"`) loses them: it is the text inside that is filled.
 */
function fillYamlValue(value: string, values: Record<string, string | null>): string {
	const trimmed = value.trim();
	const comment = /\s#\s.*$/.exec(trimmed);
	let inner = comment && !/^["']/.test(trimmed) ? trimmed.slice(0, comment.index) : trimmed;
	const wrapped = /^"(.*)"$/.exec(inner) ?? /^'(.*)'$/.exec(inner);
	if (wrapped) inner = wrapped[1] as string;
	const lone = /^\{\{\s*([A-Za-z_]+)\s*\}\}$/.exec(inner);
	if (lone && (lone[1] as string) in values && values[lone[1] as string] === null) return "null";
	return yamlQuote(fillText(inner, values));
}

/** `key: value` (a key holds no `{`), in a list item or not, split where the value starts. */
const KEY_VALUE = /^(\s*(?:-[ \t]+)?(?:"[^"{]*"|'[^'{]*'|[^\s"'{#-][^:{]*?)[ \t]*:[ \t]+)(.*)$/;
/** `- value`: a list item. */
const ITEM = /^(\s*-[ \t]+)(.*)$/;

function fillFrontmatter(yaml: string, values: Record<string, string | null>): string {
	return yaml
		.split("\n")
		.map((line) => {
			PLACEHOLDER.lastIndex = 0;
			if (!PLACEHOLDER.test(line)) return line;
			const cr = line.endsWith("\r") ? "\r" : "";
			const bare = cr ? line.slice(0, -1) : line;
			const m = KEY_VALUE.exec(bare) ?? ITEM.exec(bare);
			// A placeholder outside any value (in a key, a block scalar): its text quoted where it is.
			if (!m) return bare.replace(PLACEHOLDER, (_all, name: string) => yamlQuote(values[name] ?? "")) + cr;
			return (m[1] as string) + fillYamlValue(m[2] as string, values) + cr;
		})
		.join("\n");
}

/** The template with this capture's values. */
export function fillTemplate(template: string, f: CaptureFields): string {
	const values = placeholderValues(f);
	const block = locateFrontmatter(template);
	if (!block) return fillText(template, values);
	return (
		template.slice(0, block.yamlStart) +
		fillFrontmatter(template.slice(block.yamlStart, block.yamlEnd), values) +
		fillText(template.slice(block.yamlEnd), values)
	);
}
