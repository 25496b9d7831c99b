/** `source-lifecycle <command> <vault> [args] [--json] [--dry-run] [--today YYYY-MM-DD]` */
import { UsageError } from "./folder-vault";
import { isCalendarDate } from "../core/sources/source";

export interface CliArgs {
	command: string;
	vault: string;
	rest: string[];
	json: boolean;
	dryRun: boolean;
	/** The date every written date uses; the machine's local date when not given. */
	today: string | null;
	/** Read every note; the warm-scan cache is neither read nor written. */
	noCache: boolean;
	/** A command's own options (`--title T`, `--offline`: "" for a flag), by name without `--`. */
	options: Record<string, string>;
}

/** Options only some commands take: the value options, then the flags. */
const COMMAND_OPTIONS: Record<string, { values: readonly string[]; flags: readonly string[] }> = {
	new: { values: ["title", "creator", "published", "description-file"], flags: ["offline"] },
	integrate: { values: [], flags: ["create"] },
	table: { values: ["status", "category", "tier", "platform", "columns", "sort", "limit"], flags: [] },
	export: { values: ["status", "category"], flags: [] },
};

export function parseArgs(argv: readonly string[]): CliArgs {
	const positional: string[] = [];
	let json = false;
	let dryRun = false;
	let today: string | null = null;
	let noCache = false;
	const options: Record<string, string> = {};
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] as string;
		if (a === "--json") json = true;
		else if (a === "--dry-run") dryRun = true;
		else if (a === "--no-cache") noCache = true;
		else if (a === "--today" || a.startsWith("--today=")) {
			const v = a.startsWith("--today=") ? a.slice(8) : argv[++i];
			if (v === undefined || !isCalendarDate(v)) throw new UsageError(`--today needs a date as YYYY-MM-DD, got ${v ?? "nothing"}`);
			today = v;
		} else if (a === "--") {
			positional.push(...argv.slice(i + 1));
			break;
		}
		else if (a.startsWith("--") && ownOption(COMMAND_OPTIONS[positional[0] ?? ""], a, argv[i + 1], options)) {
			// A command's own options come after the command; a value option takes the next argument.
			if (!a.includes("=") && COMMAND_OPTIONS[positional[0] ?? ""]?.values.includes(a.slice(2))) i++;
		} else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
		else positional.push(a);
	}
	const [command, vault, ...rest] = positional;
	if (!command) throw new UsageError("no command given");
	if (!vault) throw new UsageError(`${command}: no vault folder given`);
	return { command, vault, rest, json, dryRun, today, noCache, options };
}

/** Read one of a command's own options into `options`; false when `arg` is none of them. */
function ownOption(own: { values: readonly string[]; flags: readonly string[] } | undefined, arg: string, next: string | undefined, options: Record<string, string>): boolean {
	if (own === undefined) return false;
	const eq = arg.indexOf("=");
	const name = arg.slice(2, eq === -1 ? undefined : eq);
	if ((own.flags.includes(name) || own.values.includes(name)) && name in options) throw new UsageError(`--${name} is given twice`);
	if (own.flags.includes(name) && eq === -1) options[name] = "";
	else if (own.values.includes(name)) {
		const value = eq === -1 ? next : arg.slice(eq + 1);
		if (value === undefined) throw new UsageError(`--${name} needs a value`);
		options[name] = value;
	} else return false;
	return true;
}

export const USAGE = `Usage: source-lifecycle <command> <vault> [args] [--json] [--dry-run] [--today YYYY-MM-DD]

Commands:
  scan <vault>                       list SOURCE notes, their problems and file errors
  queue <vault>                      the triage queue (raw and in_progress sources)
  sync <vault> [--dry-run]           fill aliases and integrated_into, auto-integrate
  status <vault> <path|id> <status>  move a source to another status
  timestamps <vault> <path|id>       list a note's timestamps and seek URLs
  linkify <vault> <path|id> [--dry-run]  rewrite timestamps as seek links
  links <vault>                      Obsidian's resolvedLinks and unresolvedLinks
  integrate <vault> <source path|id> <note path> [--create] [--dry-run]
                                     link a source from a note under the integration
                                     heading; the source gets integrated_into and integrated
  table <vault> [--status s1,s2] [--category C] [--tier T] [--platform P]
        [--columns k1,k2] [--sort "key asc|desc"] [--limit N]
                                     a table of sources as Markdown
  export <vault> <outdir> [--status s1,s2] [--category C]
                                     one Markdown file per NotebookLM category
  new <vault> <url> [--title T] [--creator C] [--published YYYY-MM-DD]
      [--description-file F] [--offline] [--dry-run]
                                     a new SOURCE note for a YouTube video (never a duplicate)

--no-cache reads every note: by default notes whose size, modification time and inode are
unchanged since the last run are taken from a cache outside the vault ($XDG_CACHE_HOME/
source-lifecycle, or the OS cache folder). Notes a command edits are always read first.

Exit codes: 0 done; 1 done, but some files had errors; 2 usage error or refused.`;
