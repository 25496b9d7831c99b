/** A small vault of SOURCE notes for the table and export tests: the seed, and sources of each status and category. */
import { seedNote } from "./fixtures";

const src = (fields: string, body = "Body.\n") => `---\n${fields}\n---\n\n${body}`;

export const TABLE_VAULT: Record<string, string> = {
	"Sources/seed.md": seedNote(),
	"Sources/pipes.md": src(
		'id: SOURCE-pipes\ntitle: "Pipes | and [brackets]"\nstatus: in_progress\nplatform: podcast\nsignal_tier: high\ncreator: "Ann | Bo"\ndate_published: 2025-03-01\nduration: "40m"\nnotebooklm_category: ai-engineering\nsynopsis: "Two lines\\nof synopsis"\nkey_insights:\n  - "First insight"\n  - "Second insight"',
		"See [[Working note]] and ![[diagram.png]].\n\n- 1:05 Intro\n",
	),
	"Sources/video.md": src(
		"id: SOURCE-video\ntitle: Video with timestamps\nstatus: integrated\nplatform: youtube\nsignal_tier: medium\nurl: https://youtu.be/dQw4w9WgXcQ\ndate_published: 2024-12-24\ndate_integrated: 2025-01-02\nnotebooklm_category: strategy\nintegrated_into:\n  - \"[[Working note]]\"\n  - \"[[Projects/Plan|The plan]]\"",
		"Timestamps:\n- 0:00 Start\n- 1:02:03 Late point\n\n```\n9:99 not a timestamp 5:00 in code\n```\n",
	),
	"Sources/none.md": src("id: SOURCE-none\ntitle: No category\nstatus: raw\nplatform: article\nsignal_tier: low", "Plain body.\n"),
	"Sources/gone.md": src("id: SOURCE-gone\ntitle: Archived one\nstatus: archived\nplatform: youtube\nnotebooklm_category: strategy"),
	"Working note.md": "Uses [[video]] and [[pipes]].\n",
	"Projects/Plan.md": "Plan: [[video]]\n",
	"diagram.png": "not really a png",
};
