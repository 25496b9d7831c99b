/** Entry of `dist/cli.js`. */
import { run } from "./main";

run(process.argv.slice(2), {
	stdout: (s) => process.stdout.write(s),
	pretty: process.stdout.isTTY === true,
	stderr: (s) => process.stderr.write(s),
}).then(
	(code) => exitWhenFlushed(code),
	(e: unknown) => {
		process.stderr.write(`source-lifecycle: ${String(e)}\n`);
		exitWhenFlushed(2);
	},
);

/**
 * Exit as soon as stdout and stderr have taken everything written: a large vault's heap
 * need not be torn down piece by piece first.
 */
function exitWhenFlushed(code: number): void {
	process.exitCode = code;
	let pending = 2;
	const done = () => {
		if (--pending === 0) process.exit(code);
	};
	process.stdout.write("", done);
	process.stderr.write("", done);
}
