/**
 * `npm run test:browser`: the runtime-neutral tests (scripts/browser/neutral-tests.ts) in headless
 * Chromium, then the playground test (scripts/test-playground.ts). The test files are bundled by
 * esbuild for the browser with `vitest` aliased to scripts/browser/vitest-shim.ts (describe/it
 * and vitest's own `expect` from @vitest/expect), served on 127.0.0.1 and run in one page; the
 * process exits 1 on any failure. `--no-playground` runs the suite only; file paths as arguments
 * narrow the suite (`npm run test:browser -- test/detectors/email.test.ts`).
 */
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { launchChromium, type Chromium } from './browser/chromium.js';
import { neutralTests } from './browser/neutral-tests.js';
import { serve } from './browser/serve.js';
import { testPlayground } from './test-playground.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SHIM = join(ROOT, 'scripts/browser/vitest-shim.ts');

interface SuiteResult {
  passed: number;
  failures: { name: string; error: string }[];
}

/** Bundles `files` (repository-relative) into one browser script that defines `__piiveilTests`. */
async function bundleSuite(files: readonly string[]): Promise<string> {
  const loads = files.map((file) => `  setFile(${JSON.stringify(file)}); await import(${JSON.stringify(join(ROOT, file))});`).join('\n');
  // The seed is imported by name and used: a bare import of a file of this package, whose
  // package.json says "sideEffects": false, is dropped by the bundler, and the browser run then
  // drew a new seed for every property (a flaky CI run, not a reproducible one).
  const entry = `import { fastCheckSeed } from ${JSON.stringify(join(ROOT, 'test/setup/fast-check.ts'))};
import { afterAllHooks, collected, setFile } from ${JSON.stringify(SHIM)};
globalThis.__piiveilTests = async () => {
  console.log('fast-check seed ' + fastCheckSeed);
${loads}
  const failures = [];
  let passed = 0;
  let file = '';
  for (const test of collected()) {
    const testFile = test.name.slice(0, test.name.indexOf(' > '));
    if (testFile !== file) { file = testFile; console.log('running ' + file); }
    const started = performance.now();
    try { await test.run(); passed += 1; }
    catch (error) { failures.push({ name: test.name, error: error instanceof Error ? (error.stack || error.message) : String(error) }); }
    const took = performance.now() - started;
    if (took > 1000) console.log('slow ' + Math.round(took) + ' ms ' + test.name);
  }
  for (const hook of afterAllHooks()) await hook();
  return { passed, failures };
};`;
  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, loader: 'js', sourcefile: 'browser-suite.js' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    alias: { vitest: SHIM },
    define: { 'process.env.NODE_ENV': '"test"' },
    write: false,
    logLevel: 'error',
  });
  return result.outputFiles[0]!.text;
}

/** Runs the bundled suite in a page of `browser`; prints failures and returns them. */
export async function runSuite(browser: Chromium, files: readonly string[]): Promise<SuiteResult> {
  const script = await bundleSuite(files);
  const html = '<!doctype html><meta charset="utf-8"><title>piiveil tests</title><script type="module" src="/suite.js"></script>';
  const server = await serve(join(ROOT, 'test'), { files: { '/index.html': html, '/suite.js': script, '/favicon.ico': '' } });
  const page = await browser.context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() === 'log' && /^(running|slow) /.test(message.text())) console.log(`  ${message.text()}`);
    else if (message.type() === 'error') pageErrors.push(message.text());
  });
  try {
    await page.goto(server.url);
    await page.waitForFunction(() => '__piiveilTests' in globalThis || document.title === 'failed', undefined, { timeout: 60_000 });
    const result = await page.evaluate(() => (globalThis as unknown as { __piiveilTests: () => Promise<SuiteResult> }).__piiveilTests());
    for (const error of pageErrors) result.failures.push({ name: '(page error)', error });
    return result;
  } finally {
    await page.close();
    await server.close();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const selection = neutralTests(ROOT);
  const requested = args.filter((arg) => !arg.startsWith('--'));
  const files = requested.length > 0 ? selection.included.filter((file) => requested.includes(file)) : selection.included;
  if (requested.length > 0 && files.length !== requested.length) {
    console.error(`not runtime-neutral or not found: ${requested.filter((file) => !files.includes(file)).join(', ')}`);
    return 1;
  }
  console.log(`browser: ${files.length} runtime-neutral test files (${selection.excluded.length} left out: ${selection.excluded.map((entry) => `${entry.file} [${entry.reason}]`).join(', ')})`);
  const started = Date.now();
  const browser = await launchChromium();
  let failed = 0;
  try {
    const result = await runSuite(browser, files);
    for (const failure of result.failures) console.error(`FAIL ${failure.name}\n${failure.error}\n`);
    console.log(`browser: ${result.passed} passed, ${result.failures.length} failed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    failed += result.failures.length;
    if (result.passed === 0) failed += 1;
    if (!args.includes('--no-playground') && requested.length === 0) failed += await testPlayground(browser);
  } finally {
    await browser.close();
  }
  return failed > 0 ? 1 : 0;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
