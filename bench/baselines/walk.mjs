// The vault walk every bench baseline shares with the CLI: dot folders skipped, sorted.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export function listMarkdown(root) {
	const out = [];
	const walk = (abs, rel) => {
		for (const entry of readdirSync(abs, { withFileTypes: true })) {
			if (entry.name.startsWith(".")) continue;
			const childRel = rel ? `${rel}/${entry.name}` : entry.name;
			if (entry.isDirectory()) walk(join(abs, entry.name), childRel);
			else if (entry.isFile() && entry.name.toLowerCase().endsWith(".md")) out.push(childRel);
		}
	};
	walk(root, "");
	return out.sort();
}
