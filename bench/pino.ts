/**
 * Overhead of the pino adapter (issue 6): log records per second written by a real pino 10
 * logger with and without `pinoRedaction()`, in the same run, to an in-memory destination that
 * discards the lines (so the figure is pino's and piiveil's CPU cost, not the disk's).
 *
 * Run bundled (tsx-transformed modules run several times slower than bundled code):
 *
 *   npx esbuild bench/pino.ts --bundle --platform=node --format=esm --packages=external \
 *     --outfile=node_modules/.cache/pino-bench.mjs \
 *     && node node_modules/.cache/pino-bench.mjs     (add --quick for fewer rounds)
 *
 * (pino stays external so the output must sit under the repository to resolve it; only
 * piiveil and this file are bundled, pino runs as published.)
 *
 * Records: the seeded chat corpora of bench/fixtures.ts as the message (half clean chat, half
 * PII-dense), with a typical request context object: { reqId, route, status, ms, user: { id,
 * plan }, tags: [..] } (strings in it are walked too). Configurations, interleaved per round so
 * load from other processes hits each alike; the median round is reported:
 * - pino: plain logger;
 * - pino + pinoRedaction(): every default detector, label operator;
 * - pino + pinoRedaction({ paths }): the same plus two key-path rules;
 * - pino + pinoRedaction(no detectors): a redactor without detectors, so the row is the cost of
 *   the adapter's plumbing alone (walking and copying the record, the hooks), not of detection;
 * - pino redact paths: pino's own `redact` option (fast-redact, paths only, no detection), for
 *   reference.
 */
import { Writable } from 'node:stream';
import pino from 'pino';
import { pinoRedaction } from '../src/adapters/pino.js';
import { createRedactor } from '../src/index.js';
import { cleanChat, denseChat } from './fixtures.js';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 7;
const RECORDS = quick ? 20_000 : 50_000;

const messages = [...cleanChat({ count: 500 }), ...denseChat({ count: 500 }).map((message) => message.text)];
const routes = ['/api/orders', '/api/users/me', '/api/cart', '/health'];

/** Discards every line but counts bytes, so the work cannot be optimized away. */
function sink() {
  const counter = { bytes: 0 };
  const stream = new Writable({
    write(chunk, _encoding, callback) {
      counter.bytes += chunk.length;
      callback();
    },
  });
  return { stream, counter };
}

function run(options: pino.LoggerOptions): { perSecond: number; bytes: number } {
  const { stream, counter } = sink();
  const logger = pino({ ...options, base: undefined }, stream);
  const start = performance.now();
  for (let index = 0; index < RECORDS; index++) {
    logger.info(
      { reqId: index, route: routes[index & 3], status: 200, ms: (index % 97) * 0.7, user: { id: index % 1000, plan: 'pro' }, tags: ['web', 'eu'], password: 'x' },
      messages[index % messages.length],
    );
  }
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: RECORDS / seconds, bytes: counter.bytes };
}

const configs: [string, pino.LoggerOptions][] = [
  ['pino', {}],
  ['pino + pinoRedaction()', pinoRedaction()],
  ['pino + pinoRedaction({ paths })', pinoRedaction({ paths: ['password', 'user.token'] })],
  ['pino + pinoRedaction(no detectors)', pinoRedaction({ redactor: createRedactor({ detectors: [] }) })],
  ['pino redact paths (reference)', { redact: ['password', 'user.token'] }],
];

const samples = new Map<string, number[]>(configs.map(([name]) => [name, []]));
for (const [, options] of configs) run(options); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, options] of configs) samples.get(name)!.push(run(options).perSecond);
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
const base = median(samples.get('pino')!);
console.log(`pino adapter overhead: ${RECORDS} records x ${ROUNDS} rounds, median records/s (node ${process.version})`);
for (const [name] of configs) {
  const value = median(samples.get(name)!);
  console.log(`${name.padEnd(34)} ${Math.round(value).toLocaleString('en-US').padStart(10)} records/s   ${(value / base).toFixed(2)}x of plain pino`);
}
