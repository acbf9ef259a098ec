import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    setupFiles: ['./test/setup/fast-check.ts'],
    // Type tests (*.test-d.ts) for the public API run with tsc as part of `npm test`.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.node.json' },
  },
});
