/**
 * The timestamp corpus (tests/fixtures/timestamp-corpus, docs/timestamps.md): one folder per
 * class of note, each expected token marked in the note as ⟦8:36⟧. `readCorpus` gives every
 * note without its markers, and where the marked tokens are.
 */
import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { FIXTURES } from "./fixtures";

export const CORPUS = join(FIXTURES, "timestamp-corpus");
const OPEN = "⟦";
const CLOSE = "⟧";

export interface CorpusNote {
	/** `class/file.md`. */
	path: string;
	/** The note, markers removed. */
	text: string;
	/** `line:column:token` of every token a reader expects to be a seek link. */
	expected: string[];
}

/** The note without its markers, and where the marked tokens are in it. */
export function readMarked(path: string, marked: string): CorpusNote {
	const expected: string[] = [];
	const lines = marked.split("\n").map((line, i) => {
		let out = "";
		let at = 0;
		for (let open = line.indexOf(OPEN); open !== -1; open = line.indexOf(OPEN, at)) {
			const close = line.indexOf(CLOSE, open);
			if (close === -1) throw new Error(`${path}:${i + 1}: a marker is not closed`);
			out += line.slice(at, open);
			const token = line.slice(open + OPEN.length, close);
			expected.push(`${i + 1}:${out.length + 1}:${token}`);
			out += token;
			at = close + CLOSE.length;
		}
		return out + line.slice(at);
	});
	return { path, text: lines.join("\n"), expected };
}

/** Every class of the corpus and its notes, in name order. */
export function readCorpus(): Map<string, CorpusNote[]> {
	const classes = new Map<string, CorpusNote[]>();
	for (const cls of readdirSync(CORPUS).sort()) {
		const notes = readdirSync(join(CORPUS, cls))
			.filter((f) => f.endsWith(".md"))
			.sort()
			.map((f) => readMarked(`${cls}/${f}`, readFileSync(join(CORPUS, cls, f), "utf8")));
		classes.set(cls, notes);
	}
	return classes;
}
