/**
 * The playground in headless Chromium (also run by `npm run test:browser`): builds and serves
 * examples/playground, types a chat message with an email, a card number and a health term,
 * checks the highlights and every operator's output against hand-written expectations, streams
 * it in 3-character chunks and checks the streamed text equals the one-shot output. Screenshots
 * go to test-output/ (gitignored). Exits 1 on any failure when run directly.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchChromium, type Chromium } from './browser/chromium.js';
import { buildPlayground, servePlayground } from './playground.js';

const OUTPUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'test-output');

const MESSAGE = "Hello, please email sam.lee@example.org about the refund. Card 4242 4242 4242 4242 was charged twice; my asthma is acting up so I can't call.";

const EXPECTED_MARKS = [
  { type: 'EMAIL', text: 'sam.lee@example.org' },
  { type: 'CREDIT_CARD', text: '4242 4242 4242 4242' },
  { type: 'HEALTH', text: 'asthma' },
];

const EXPECTED_OUTPUT: Record<string, string> = {
  label: "Hello, please email [EMAIL] about the refund. Card [CREDIT_CARD] was charged twice; my [HEALTH] is acting up so I can't call.",
  mask: "Hello, please email ***.***@*******.*** about the refund. Card **** **** **** **** was charged twice; my ****** is acting up so I can't call.",
  remove: "Hello, please email  about the refund. Card  was charged twice; my  is acting up so I can't call.",
  tokenize: "Hello, please email [EMAIL_1] about the refund. Card [CREDIT_CARD_1] was charged twice; my [HEALTH_1] is acting up so I can't call.",
};

/** hash() output: the three values replaced by 12 hex characters each, the rest unchanged. */
const HASHED = /^Hello, please email [0-9a-f]{12} about the refund\. Card [0-9a-f]{12} was charged twice; my [0-9a-f]{12} is acting up so I can't call\.$/;

async function check(page: Page, failures: string[]): Promise<void> {
  const expect = (ok: boolean, what: string) => {
    if (!ok) failures.push(what);
  };
  await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
  const input = page.locator('#input');
  await input.fill('');
  await input.pressSequentially(MESSAGE);

  const marks = await page.$$eval('#highlighted mark', (elements) =>
    elements.map((mark) => ({ type: (mark as HTMLElement).dataset['type'], text: mark.firstChild?.textContent, tag: mark.querySelector('.tag')?.textContent })),
  );
  expect(
    JSON.stringify(marks) === JSON.stringify(EXPECTED_MARKS.map((mark) => ({ ...mark, tag: mark.type }))),
    `highlights: expected ${JSON.stringify(EXPECTED_MARKS)}, got ${JSON.stringify(marks)}`,
  );
  const highlightedText = await page.$eval('#highlighted', (element) => {
    const clone = element.cloneNode(true) as HTMLElement;
    clone.querySelectorAll('.tag').forEach((tag) => tag.remove());
    return clone.textContent;
  });
  expect(highlightedText === MESSAGE, 'highlighted text is not the message');
  expect((await page.textContent('#count')) === '3 findings', `count: ${await page.textContent('#count')}`);
  expect((await page.$$eval('#finding-table tbody tr', (rows) => rows.length)) === 3, 'finding table does not have 3 rows');

  for (const [operator, expected] of Object.entries(EXPECTED_OUTPUT)) {
    const actual = await page.textContent(`pre[data-operator="${operator}"]`);
    expect(actual === expected, `${operator} output: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  const hashed = (await page.textContent('pre[data-operator="hash"]')) ?? '';
  expect(HASHED.test(hashed), `hash output: got ${JSON.stringify(hashed)}`);
  expect((await page.getAttribute('#restored', 'class')) === 'ok', 'vault.restore() did not give the input back');

  // Stream it: 3-character chunks, slow enough to catch held text on screen.
  await page.fill('#chunk-size', '3');
  await page.fill('#delay', '25');
  await page.click('#stream');
  // Wait for a moment with released and held text both on screen (the email being received).
  await page.waitForFunction(
    () => (document.getElementById('stream-out')?.textContent ?? '').length > 0 && (document.getElementById('stream-held')?.textContent ?? '').includes('@'),
    undefined,
    { timeout: 30_000 },
  );
  const heldInput = (await page.textContent('#stream-held')) ?? '';
  expect(MESSAGE.includes(heldInput), 'held text is not a piece of the input');
  await page.screenshot({ path: join(OUTPUT, 'playground-streaming.png'), fullPage: true });
  await page.waitForSelector('body[data-stream="done"]', { timeout: 60_000 });
  expect((await page.textContent('#stream-out')) === EXPECTED_OUTPUT['label'], `streamed output: ${await page.textContent('#stream-out')}`);
  expect((await page.textContent('#stream-held')) === '', 'text still held after end()');
  expect((await page.textContent('#status')) === 'streamed: same output as one-shot', `status: ${await page.textContent('#status')}`);
  const stats = (await page.textContent('#stream-stats')) ?? '';
  const mostHeld = Number(/most held at once: (\d+)/.exec(stats)?.[1] ?? 0);
  expect(mostHeld > 0, `nothing was ever held: ${stats}`);
  await page.screenshot({ path: join(OUTPUT, 'playground.png'), fullPage: true });
}

/**
 * Runs the playground checks in `browser`; prints and returns the number of failures.
 *
 * @example
 * const failures = await testPlayground(await launchChromium())
 */
export async function testPlayground(browser: Chromium): Promise<number> {
  mkdirSync(OUTPUT, { recursive: true });
  await buildPlayground();
  const server = await servePlayground(0);
  const page = await browser.context.newPage();
  const failures: string[] = [];
  page.on('pageerror', (error) => failures.push(`page error: ${error.message}`));
  try {
    await page.goto(server.url);
    await check(page, failures);
  } catch (error) {
    failures.push(error instanceof Error ? error.message : String(error));
  } finally {
    await page.close();
    await server.close();
  }
  for (const failure of failures) console.error(`FAIL playground: ${failure}`);
  console.log(`playground: ${failures.length === 0 ? 'passed' : `${failures.length} failed`} (screenshots in test-output/)`);
  return failures.length;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const browser = await launchChromium();
  let failed = 1;
  try {
    failed = await testPlayground(browser);
  } finally {
    await browser.close();
  }
  process.exit(failed > 0 ? 1 : 0);
}
