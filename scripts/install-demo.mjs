// Install the built plugin into demo-vault/ (open that folder in Obsidian to use it) and run
// the CLI over it, read-only (sync only as --dry-run, so the demo vault stays as committed).
import { copyFileSync, mkdirSync } from "fs";
import { execFileSync } from "child_process";

const dir = "demo-vault/.obsidian/plugins/source-lifecycle";
mkdirSync(dir, { recursive: true });
for (const f of ["main.js", "manifest.json", "styles.css"]) copyFileSync(f, `${dir}/${f}`);
console.log(`Installed the plugin into ${dir}. Open demo-vault/ in Obsidian and enable community plugins.\n`);

const cli = (...args) => {
	console.log(`$ source-lifecycle ${args.join(" ")}`);
	try {
		console.log(execFileSync("node", ["dist/cli.js", ...args], { encoding: "utf8" }));
	} catch (e) {
		// exit 1 = done, but some files had errors: show them and go on
		console.log(e.stdout ?? "");
		console.error(e.stderr ?? "");
		if (e.status !== 1) process.exit(e.status ?? 2);
	}
};
cli("scan", "demo-vault");
cli("queue", "demo-vault");
cli("timestamps", "demo-vault", "SOURCE-20250310-112");
cli("sync", "demo-vault", "--dry-run");
