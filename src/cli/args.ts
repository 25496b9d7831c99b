/** `source-lifecycle <command> <vault> [args] [--json] [--dry-run] [--today YYYY-MM-DD]` */
import { UsageError } from "./folder-vault";
import { isCalendarDate } from "../core/sources/source";

export interface CliArgs {
	command: string;
	vault: string;
	rest: string[];
	json: boolean;
	dryRun: boolean;
	/** `integrate`: create the note when it does not exist. */
	create: boolean;
	/** The date every written date uses; the machine's local date when not given. */
	today: string | null;
}

export function parseArgs(argv: readonly string[]): CliArgs {
	const positional: string[] = [];
	let json = false;
	let dryRun = false;
	let create = false;
	let today: string | null = null;
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i] as string;
		if (a === "--json") json = true;
		else if (a === "--dry-run") dryRun = true;
		else if (a === "--create") create = true;
		else if (a === "--today" || a.startsWith("--today=")) {
			const v = a.startsWith("--today=") ? a.slice(8) : argv[++i];
			if (v === undefined || !isCalendarDate(v)) throw new UsageError(`--today needs a date as YYYY-MM-DD, got ${v ?? "nothing"}`);
			today = v;
		} else if (a === "--") {
			positional.push(...argv.slice(i + 1));
			break;
		}
		else if (a.startsWith("--")) throw new UsageError(`unknown option ${a}`);
		else positional.push(a);
	}
	const [command, vault, ...rest] = positional;
	if (!command) throw new UsageError("no command given");
	if (!vault) throw new UsageError(`${command}: no vault folder given`);
	return { command, vault, rest, json, dryRun, create, today };
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

Exit codes: 0 done; 1 done, but some files had errors; 2 usage error or refused.`;
