// Baseline for `cli_scan_vs_gray_matter`: the usual Node way — gray-matter on every note —
// doing the same recognition as `scan` (id prefix, title, status, url → video id).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import matter from "gray-matter";
import { listMarkdown } from "./walk.mjs";

const root = process.argv[2];
const YT = /^https?:\/\/(?:www\.|m\.)?(?:youtube\.com\/(?:watch\?(?:.*&)?v=|shorts\/|embed\/|live\/)|youtu\.be\/)([A-Za-z0-9_-]{11})(?:[?&#/]|$)/;
const sources = [];
const errors = [];
for (const path of listMarkdown(root)) {
	const text = readFileSync(join(root, path), "utf8");
	let data;
	try {
		data = matter(text).data;
	} catch (e) {
		errors.push({ path, message: String(e.message).split("\n")[0] });
		continue;
	}
	if (typeof data.id !== "string" || !data.id.startsWith("SOURCE-")) continue;
	const url = typeof data.url === "string" ? data.url : null;
	const m = url ? YT.exec(url) : null;
	sources.push({ path, id: data.id, title: data.title ?? null, status: data.status ?? null, url, videoId: m ? m[1] : null });
}
process.stdout.write(JSON.stringify({ sources, errors }, null, 2) + "\n");
