/** Runs per property in `npm run fuzz`: FUZZ_RUNS, default 2,000. */
export const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

const seedOf = (value: string | undefined): number | undefined => (value === undefined || value === '' || value === 'random' ? undefined : Number(value));
const SEED = seedOf(process.env.FC_SEED);

/**
 * `fc.assert` parameters of a fuzz property: `numRuns` (a share of RUNS, at least 1) and the
 * seed of FC_SEED when one is set. The fuzz config loads no setup file, so without it every run
 * explores a new seed, which fast-check prints on failure.
 *
 * @example
 * fc.assert(fc.property(fc.string(), (text) => {}), params(RUNS / 4))
 */
export function params(numRuns: number): { numRuns: number; seed?: number } {
  const runs = Math.max(1, Math.ceil(numRuns));
  return SEED === undefined ? { numRuns: runs } : { numRuns: runs, seed: SEED };
}
