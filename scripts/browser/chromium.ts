import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * Headless Chromium for the browser tests: the system's `chromium` (Debian's package; CI
 * installs it with apt-get), never a downloaded browser. Flags: no sandbox (CI runs as root in a
 * container), no GPU, and no background traffic (QUIC, component updates, sync, first-run
 * pings), which a closed network otherwise answers with stalls. A fresh profile each launch,
 * deleted on close, so no state leaks between runs.
 */

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** `CHROMIUM_PATH`, or the first `chromium` / `chromium-browser` on `PATH`. */
export function findChromium(): string {
  const override = process.env['CHROMIUM_PATH'];
  if (override !== undefined && override !== '') return override;
  for (const directory of (process.env['PATH'] ?? '').split(delimiter)) {
    for (const name of ['chromium', 'chromium-browser']) {
      const path = join(directory, name);
      try {
        accessSync(path, constants.X_OK);
        return path;
      } catch {
        // not here
      }
    }
  }
  throw new Error('chromium not found on PATH: install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH');
}

export interface Chromium {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

/**
 * @example
 * const browser = await launchChromium()
 * try { const page = await browser.context.newPage(); await page.goto(url) } finally { await browser.close() }
 */
export async function launchChromium(): Promise<Chromium> {
  // Playwright refuses --user-data-dir in args: a persistent context on a fresh directory is the same.
  const profile = mkdtempSync(join(tmpdir(), 'piiveil-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: findChromium(),
      headless: true,
      args: FLAGS,
      viewport: { width: 1280, height: 900 },
      timeout: 60_000,
    });
    return {
      context,
      async close() {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
