/**
 * Reference for `cli_scan_vs_read`, for the record (not a target): the least any scan that
 * parses frontmatter must do — the same walk as the read baseline, every note read into one
 * scratch buffer (no buffer or string per note), the frontmatter of each cut out and parsed
 * with the CLI's own fast reader, and the parsed data kept. Nothing else: no links, no index,
 * no validation, no output. Bundled by bench/run.mjs.
 */
import { closeSync, openSync, readSync } from "fs";
import { frontmatterHead } from "../../src/cli/folder-vault";
import { readFrontmatter } from "../../src/core/frontmatter/frontmatter";
import { listMarkdown } from "./walk.mjs";

const root = process.argv[2] as string;
let scratch = Buffer.allocUnsafeSlow(64 * 1024);
const kept: unknown[] = [];
for (const path of listMarkdown(root) as string[]) {
	const fd = openSync(`${root}/${path}`, "r");
	let off = 0;
	for (;;) {
		if (off === scratch.length) {
			const grown = Buffer.allocUnsafeSlow(off * 2);
			scratch.copy(grown, 0, 0, off);
			scratch = grown;
		}
		const n = readSync(fd, scratch, off, scratch.length - off, null);
		if (n === 0) break;
		off += n;
	}
	closeSync(fd);
	const head = frontmatterHead(scratch.subarray(0, off));
	if (head === null) continue;
	const fm = readFrontmatter(head);
	if (fm.ok && fm.data !== null) kept.push(fm.data);
}
process.stdout.write(JSON.stringify({ frontmatters: kept.length }) + "\n");
