import fc from 'fast-check';

/**
 * Property tests in `npm test`, the edge-runtime run and the Chromium run use one fixed seed, so
 * a CI run is reproducible and a failure reruns exactly (`FC_SEED=<seed printed by fast-check>`).
 * Exploring new seeds is what `npm run fuzz` does, with many more runs; `FC_SEED=random npm test`
 * explores too. Counterexamples found either way become golden cases.
 */
const fromEnv = typeof process === 'undefined' ? undefined : process.env?.FC_SEED;

/** The seed every property uses, or undefined when FC_SEED=random. */
export const fastCheckSeed: number | undefined = fromEnv === 'random' ? undefined : fromEnv === undefined || fromEnv === '' ? 20_261_122 : Number(fromEnv);
if (fastCheckSeed !== undefined) fc.configureGlobal({ seed: fastCheckSeed });
