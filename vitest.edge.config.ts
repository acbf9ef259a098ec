import { defineConfig } from 'vitest/config';
import { neutralTests } from './scripts/browser/neutral-tests.js';

/**
 * `npm run test:edge`: the runtime-neutral tests (the same files as the browser run, chosen by
 * scripts/browser/neutral-tests.ts) in vitest's `edge-runtime` environment (@edge-runtime/vm:
 * the globals of Vercel Edge Functions, no Node built-ins). Model: vercel/ai
 * `packages/ai/vitest.edge.config.js`.
 */
export default defineConfig({
  test: {
    environment: 'edge-runtime',
    include: neutralTests(import.meta.dirname ?? process.cwd()).included,
    testTimeout: 60_000,
    setupFiles: ['./test/setup/fast-check.ts'],
    typecheck: { enabled: false },
  },
});
