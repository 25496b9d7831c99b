/** Entry of `dist/cli.js`. */
import { run } from "./main";

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
