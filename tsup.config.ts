import { defineConfig } from 'tsup';

const library = { format: ['esm', 'cjs'] as const, dts: true, sourcemap: true, target: 'es2022', treeshake: true };

export default defineConfig([
  { ...library, entry: { index: 'src/index.ts' }, clean: true },
  // Adapters use runtime globals (TransformStream) and node:* types, so they build with the
  // adapters' tsconfig; the core's tsconfig has neither DOM nor Node types on purpose.
  { ...library, entry: { web: 'src/adapters/web-stream.ts', node: 'src/adapters/node-stream.ts' }, tsconfig: 'tsconfig.node.json' },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
