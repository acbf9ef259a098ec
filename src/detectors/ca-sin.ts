import { luhnValid } from '../internal/luhn.js';
import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `caSin`. */
export type CaSinOptions = IdOptions;

/**
 * A Social Insurance Number is nine digits passing Luhn (ISO/IEC 7812-1 annex B, as Service
 * Canada's SIN code of practice specifies); the first digit is the province of registration,
 * never 0 (unassigned) or 8 (business numbers).
 */
export function validSin(compact: string): boolean {
  const first = compact.charCodeAt(0) - 48;
  return first !== 0 && first !== 8 && luhnValid(compact, 0, 9);
}

/**
 * Finds Canadian Social Insurance Numbers (`CA_SIN`) written `046 454 286`, `046-454-286` or
 * `046454286`, Luhn-valid, only after a context word (SIN, social insurance, NAS): one nine-digit
 * number in ten passes Luhn, so the format alone would mask order numbers.
 *
 * @example
 * createRedactor({ detectors: [caSin()] }).redact('my SIN is 130 692 544').text
 * // 'my SIN is [CA_SIN]'
 */
export function caSin(options: CaSinOptions = {}): Detector {
  return layoutDetector({
    name: 'ca-sin',
    type: 'CA_SIN',
    layouts: ['DDD DDD DDD', 'DDD-DDD-DDD', 'DDDDDDDDD'],
    validate: validSin,
    context: ['sin', 'social insurance', 'nas', 'assurance sociale'],
    requireContext: true,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
