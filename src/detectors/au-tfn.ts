import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `auTfn`. */
export type AuTfnOptions = IdOptions;

/** ATO tax file number weights for nine digits; the weighted sum is a multiple of 11. */
const WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10];

/** True when the nine digits of `compact` pass the TFN weighted mod 11 check. */
export function validTfn(compact: string): boolean {
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += (compact.charCodeAt(index) - 48) * WEIGHTS[index];
  return sum % 11 === 0 && compact !== '000000000';
}

/**
 * Finds Australian tax file numbers (`AU_TFN`): nine digits (`123 456 782`, dashed or bare)
 * passing the weighted mod 11 check, only after a context word (TFN, tax file): one nine-digit
 * number in eleven passes. The older eight-digit TFNs are not matched.
 *
 * @example
 * createRedactor({ detectors: [auTfn()] }).redact('TFN: 123 456 782').text
 * // 'TFN: [AU_TFN]'
 */
export function auTfn(options: AuTfnOptions = {}): Detector {
  return layoutDetector({
    name: 'au-tfn',
    type: 'AU_TFN',
    layouts: ['DDD DDD DDD', 'DDD-DDD-DDD', 'DDDDDDDDD'],
    validate: validTfn,
    context: ['tfn', 'tax file'],
    requireContext: true,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
