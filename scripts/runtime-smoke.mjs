// Smoke test of the built package (dist/) in whatever runtime runs this file: Node, Deno, Bun.
// scripts/smoke-runtimes.ts runs it in Deno and Bun (`npm run test:runtimes`); plain JavaScript
// so that no runtime needs a TypeScript loader. Throws (exit code 1) on the first wrong result.
import { createRedactor, email, mask, redact } from '../dist/index.js';
import { redactStream } from '../dist/web.js';

const runtime = 'Deno' in globalThis ? 'deno' : 'Bun' in globalThis ? 'bun' : 'node';
const check = (ok, what) => {
  if (!ok) throw new Error(`piiveil smoke test failed in ${runtime}: ${what}`);
};

const text = 'Mail jane.doe@example.com or call, card 4111 1111 1111 1111 thanks';
check(redact(text).text === 'Mail [EMAIL] or call, card [CREDIT_CARD] thanks', `redact gave ${JSON.stringify(redact(text).text)}`);

const masking = createRedactor({ operators: { CREDIT_CARD: mask({ keepLast: 4 }) } });
check(masking.redact(text).text === 'Mail [EMAIL] or call, card **** **** **** 1111 thanks', 'mask({ keepLast: 4 })');

const stream = createRedactor({ detectors: [email()] }).stream();
let streamed = '';
for (let i = 0; i < text.length; i += 3) streamed += stream.push(text.slice(i, i + 3));
streamed += stream.end();
check(streamed === 'Mail [EMAIL] or call, card 4111 1111 1111 1111 thanks', `stream gave ${JSON.stringify(streamed)}`);

let piped = '';
const source = new ReadableStream({
  start(controller) {
    for (let i = 0; i < text.length; i += 5) controller.enqueue(text.slice(i, i + 5));
    controller.close();
  },
});
const reader = source.pipeThrough(redactStream(createRedactor())).getReader();
for (let next = await reader.read(); !next.done; next = await reader.read()) piped += next.value;
check(piped === redact(text).text, `redactStream gave ${JSON.stringify(piped)}`);

console.log(`piiveil smoke test passed in ${runtime}`);
