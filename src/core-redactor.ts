import { buildRedactor, type Redactor } from './redactor.js';
import type { Detector, RedactorOptions } from './types.js';

/** Options of `createRedactor` from `piiveil/core`: as for `piiveil`, but `detectors` is required. */
export interface CoreRedactorOptions extends RedactorOptions {
  /** Detectors to run; nothing runs by default, so a bundle holds only the detectors listed here. */
  readonly detectors: readonly Detector[];
}

/**
 * `createRedactor` of `piiveil/core`: the same redactor as `piiveil`'s, but it never falls back
 * to `defaultDetectors()`. Referring to that list from `createRedactor` is what makes a bundler
 * keep every built-in detector and the phone metadata (about 100 kB min+gzip); this one keeps
 * only what you pass, so `createRedactor({ detectors: [email()] })` bundles in a few kilobytes.
 *
 * @example
 * import { createRedactor, email } from 'piiveil/core'
 * const redactor = createRedactor({ detectors: [email()] })
 * redactor.redact('Reach me at jane@example.com').text // 'Reach me at [EMAIL]'
 */
export function createRedactor(options: CoreRedactorOptions): Redactor {
  return buildRedactor(options, noDefaults);
}

function noDefaults(): never {
  throw new TypeError("createRedactor: piiveil/core has no default detectors, pass options.detectors (e.g. [email()]) or import createRedactor from 'piiveil'");
}
