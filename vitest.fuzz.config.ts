import { defineConfig } from 'vitest/config';

/**
 * Fuzzing: `npm run fuzz` (`vitest run -c vitest.fuzz.config.ts`). fast-check properties over
 * random Unicode text, chunkings, detector and operator sets, with many more runs than the
 * default suite; FUZZ_RUNS sets the runs per property (default 2000). Not part of `npm test`.
 */
export default defineConfig({
  test: {
    include: ['test/fuzz/**/*.fuzz.ts'],
    testTimeout: 30 * 60_000,
  },
});
