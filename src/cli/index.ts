/** Entry of `dist/cli.js` — also the script of its load worker (see `load-worker.ts`). */
import { isLoadWorker, runLoadWorker } from "./load-worker";
import { run } from "./main";

if (isLoadWorker()) {
	runLoadWorker();
} else {
	run(process.argv.slice(2), {
		stdout: (s) => process.stdout.write(s),
		stderr: (s) => process.stderr.write(s),
	}).then(
		(code) => {
			process.exitCode = code;
		},
		(e: unknown) => {
			process.stderr.write(`source-lifecycle: ${String(e)}\n`);
			process.exitCode = 2;
		},
	);
}
