import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface Served {
  /** `http://127.0.0.1:<port>/` */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves `root` (and the in-memory `files`, which win) on 127.0.0.1 at `port` (0: any free port).
 * Only GET of paths inside `root`; `/` is `/index.html`.
 *
 * @example
 * const server = await serve('examples/playground', { port: 0 })
 * console.log(server.url); await server.close()
 */
export async function serve(root: string, options: { port?: number; files?: Record<string, string | Uint8Array> } = {}): Promise<Served> {
  const files = options.files ?? {};
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    const name = path === '/' ? '/index.html' : path;
    const type = TYPES[extname(name)] ?? 'application/octet-stream';
    // Cross-origin isolation gives performance.now() 5 µs resolution instead of 100 µs, which
    // the tests that time linear-time guards need (Chromium's coarsened timers otherwise).
    const headers = {
      'content-type': type,
      'cache-control': 'no-store',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    };
    const memory = files[name];
    if (memory !== undefined) {
      response.writeHead(200, headers).end(memory);
      return;
    }
    const file = normalize(join(root, name));
    if (request.method !== 'GET' || !(file === root || file.startsWith(normalize(root) + sep))) {
      response.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, headers).end(body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Browsers keep connections alive; close() alone would wait for them to time out.
        server.closeAllConnections();
      }),
  };
}
