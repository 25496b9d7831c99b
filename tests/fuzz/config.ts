/**
 * Shared settings of the property tests. `FUZZ_RUNS` sets the cases per property
 * (small in `npm test`, 10,000 in `npm run test:fuzz`). The seed is fixed by default so
 * CI is reproducible; `FUZZ_SEED=<n>` replays a reported failure, `FUZZ_SEED=random`
 * explores new cases (fast-check prints the seed and the shrunk counterexample).
 */
import type { Parameters } from "fast-check";

export const RUNS = Math.max(1, Number(process.env.FUZZ_RUNS ?? 200) || 200);

const seedEnv = process.env.FUZZ_SEED;
export const SEED: number | undefined =
	seedEnv === "random" ? undefined : seedEnv !== undefined && seedEnv !== "" ? Number(seedEnv) : 20261123;

/** fast-check parameters for one property; `scale` shrinks the run count of costly ones. */
export function fuzz<T>(scale = 1, extra: Parameters<T> = {}): Parameters<T> {
	return { numRuns: Math.max(1, Math.round(RUNS * scale)), seed: SEED, ...extra };
}
