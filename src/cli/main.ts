/** The headless CLI: the same core as the plugin, over a vault folder (docs/reference.md §9). */
import { parseArgs, USAGE, type CliArgs } from "./args";
import { FolderVault, UsageError } from "./folder-vault";
import { loadVault, type LoadedVault } from "./load";
import type { CommandResult } from "./output";
import { scan } from "./commands/scan";
import { status } from "./commands/status";
import { links } from "./commands/links";
import { sync } from "./commands/sync";
import { queue } from "./commands/queue";
import { timestamps } from "./commands/timestamps";
import { linkify } from "./commands/linkify";
import { integrate } from "./commands/integrate";
import { table } from "./commands/table";
import { exportSources } from "./commands/export";
import { newSource } from "./commands/new";

type Command = (loaded: LoadedVault, args: CliArgs) => CommandResult | Promise<CommandResult>;

/** Command table; each command lives in `commands/<name>.ts`. */
export const COMMANDS: Record<string, Command> = {
	scan,
	// ── commands ──
	timestamps,
	linkify,
	status,
	links,
	sync,
	queue,
	table,
	export: exportSources,
	new: newSource,
	integrate,
};

/** Commands that write notes. */
const WRITES = new Set(["sync", "status", "linkify", "new", "integrate"]);

/** How many arguments each command takes after the vault. */
const ARGUMENTS: Record<string, number> = { status: 2, timestamps: 1, linkify: 1, new: 1, export: 1, integrate: 2 };

/** Options a command has no use for, refused like any unexpected argument (docs/reference.md §9). */
const UNUSED_OPTIONS: Record<string, readonly ("--dry-run" | "--today")[]> = {
	scan: ["--dry-run", "--today"],
	queue: ["--dry-run", "--today"],
	links: ["--dry-run", "--today"],
	timestamps: ["--dry-run", "--today"],
	linkify: ["--today"],
};

export interface Io {
	stdout: (s: string) => void;
	/** Indent --json output (stdout is a terminal); one line otherwise, for pipes and files. */
	pretty?: boolean;
	stderr: (s: string) => void;
}

export async function run(argv: readonly string[], io: Io): Promise<number> {
	if (argv.length === 0 || argv[0] === "--help" || argv[0] === "-h" || argv[0] === "help") {
		io.stdout(USAGE + "\n");
		return argv.length === 0 ? 2 : 0;
	}
	try {
		const args = parseArgs(argv);
		const command = COMMANDS[args.command];
		if (!command) throw new UsageError(`unknown command "${args.command}"`);
		// Checked before the vault is read: `sync <vault> note.md` must not sync the whole vault.
		const extra = args.rest[ARGUMENTS[args.command] ?? 0];
		if (extra !== undefined) throw new UsageError(`${args.command}: unexpected argument ${extra}`);
		for (const option of UNUSED_OPTIONS[args.command] ?? []) {
			if (option === "--dry-run" ? args.dryRun : args.today !== null) throw new UsageError(`${args.command}: unexpected option ${option} (it writes ${option === "--dry-run" ? "nothing" : "no date"})`);
		}
		// Only a command that writes removes what killed runs left behind.
		const vault = new FolderVault(args.vault, { cleanTemp: WRITES.has(args.command) && !args.dryRun });
		const loaded = await loadVault(vault, { linksOfSources: args.command === "links", cache: !args.noCache });
		const result = await command(loaded, args);
		for (const w of [...vault.warnings, ...(result.warnings ?? [])]) io.stderr(`warning: ${w}\n`);
		for (const e of result.errors) io.stderr(`${e.path}: ${e.message}\n`);
		io.stdout((args.json ? JSON.stringify(withErrors(result), null, io.pretty === true ? 2 : undefined) : result.text) + "\n");
		if (result.exit !== undefined) return result.exit;
		return result.errors.length ? 1 : 0;
	} catch (e) {
		if (e instanceof UsageError) {
			io.stderr(`source-lifecycle: ${e.message}\n${e.message.startsWith("no command") ? USAGE + "\n" : ""}`);
			return 2;
		}
		io.stderr(`source-lifecycle: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
		return 2;
	}
}

/**
 * A command's JSON with its per-file errors under `errors` (docs/reference.md §9: exit 1 names each
 * file on stderr and, with --json, in `errors`), for the commands whose shape has no
 * `errors` of its own.
 */
function withErrors(result: CommandResult): unknown {
	const json = result.json;
	if (result.errors.length === 0 || json === null || typeof json !== "object" || Array.isArray(json) || "errors" in json) return json;
	return { ...json, errors: result.errors };
}
