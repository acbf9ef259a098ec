import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // One build for the core and every adapter, with shared chunks: an adapter must use the same
    // copy of the core as the caller's `piiveil` import (a vault made by one copy is not
    // recognised by another). The adapters need runtime globals and node:* types, so the build
    // uses the adapters' tsconfig; `npm run typecheck` still checks the core without them.
    entry: {
      index: 'src/index.ts',
      core: 'src/core.ts',
      web: 'src/adapters/web-stream.ts',
      node: 'src/adapters/node-stream.ts',
      pino: 'src/adapters/pino.ts',
      winston: 'src/adapters/winston.ts',
      'ai-sdk': 'src/adapters/ai-sdk.ts',
      messages: 'src/adapters/messages.ts',
    },
    format: ['esm', 'cjs'],
    splitting: true,
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    treeshake: true,
    tsconfig: 'tsconfig.node.json',
    external: ['pino', 'winston', 'ai', '@ai-sdk/provider'],
  },
  {
    entry: { cli: 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    platform: 'node',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
