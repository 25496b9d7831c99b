/** Timing helpers: warm-up, then the median of several repetitions. */
import { performance } from "perf_hooks";

export function median(xs: readonly number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

/** Milliseconds of one call of `fn`, median of `reps` after `warmup` unmeasured calls. */
export function timeMedian(fn: () => void, reps: number, warmup = 1): number {
	for (let i = 0; i < warmup; i++) fn();
	const times: number[] = [];
	for (let i = 0; i < reps; i++) {
		const t0 = performance.now();
		fn();
		times.push(performance.now() - t0);
	}
	return median(times);
}

/**
 * Several measurements side by side: each repetition runs every case once, in an order
 * that alternates, so machine noise falls on all of them alike. Returns median ms per case.
 * `collect`: a full GC (untimed) before every run.
 */
export async function sideBySide(cases: Record<string, () => number | Promise<number>>, reps: number, warmup = 1, collect = false): Promise<Record<string, number>> {
	const names = Object.keys(cases);
	const times: Record<string, number[]> = Object.fromEntries(names.map((n) => [n, []]));
	for (let rep = -warmup; rep < reps; rep++) {
		const order = rep % 2 === 0 ? names : [...names].reverse();
		for (const name of order) {
			// Each run starts from a collected heap, so none pays for the garbage of the one before.
			if (collect) gc();
			const ms = await (cases[name] as () => number | Promise<number>)();
			if (rep >= 0) times[name]?.push(ms);
		}
	}
	return Object.fromEntries(names.map((n) => [n, median(times[n] ?? [])]));
}

export function gc(): void {
	const g = (globalThis as { gc?: () => void }).gc;
	if (g) {
		g();
		g();
	}
}
