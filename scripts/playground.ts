/**
 * `npm run playground`: builds examples/playground/playground.ts from the library's sources with
 * esbuild into examples/playground/dist/ (gitignored: always built from the current sources) and
 * serves the page on 127.0.0.1 (PORT, default 4173, or any free port if that one is taken).
 * `--build-only` builds and exits.
 */
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, type Served } from './browser/serve.js';

export const PLAYGROUND = join(dirname(fileURLToPath(import.meta.url)), '..', 'examples', 'playground');

/**
 * Bundles the playground page script (minified, with a source map) into examples/playground/dist.
 *
 * @example
 * await buildPlayground(); const server = await servePlayground(0)
 */
export async function buildPlayground(): Promise<void> {
  await build({
    entryPoints: [join(PLAYGROUND, 'playground.ts')],
    outfile: join(PLAYGROUND, 'dist', 'playground.js'),
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'warning',
  });
}

/** Serves the built playground on 127.0.0.1:`port` (0: any free port). */
export async function servePlayground(port: number): Promise<Served> {
  return serve(PLAYGROUND, { port, files: { '/favicon.ico': '' } });
}

async function main(): Promise<void> {
  await buildPlayground();
  if (process.argv.includes('--build-only')) return;
  const wanted = Number(process.env['PORT'] ?? 4173);
  let server: Served;
  try {
    server = await servePlayground(wanted);
  } catch {
    server = await servePlayground(0);
  }
  console.log(`piiveil playground: ${server.url}  (Ctrl-C to stop)`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
