// Baseline for `cli_scan_vs_read`: the same walk, then read every note as text. Nothing else.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { listMarkdown } from "./walk.mjs";

const root = process.argv[2];
let chars = 0;
for (const path of listMarkdown(root)) chars += readFileSync(join(root, path), "utf8").length;
process.stdout.write(JSON.stringify({ chars }) + "\n");
