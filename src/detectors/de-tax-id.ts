import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `deTaxId`. */
export type DeTaxIdOptions = IdOptions;

/**
 * Steuerliche Identifikationsnummer (§ 139b AO; BZSt format rules): 11 digits, no leading 0; in
 * the first ten exactly one digit occurs twice or three times (three never in a row) and every
 * other at most once; the last is an ISO/IEC 7064 MOD 11,10 check digit.
 */
export function validDeTaxId(compact: string): boolean {
  if (compact.charCodeAt(0) === 48) return false;
  const counts = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let index = 0; index < 10; index++) counts[compact.charCodeAt(index) - 48]++;
  let repeated = -1;
  for (let digit = 0; digit < 10; digit++) {
    if (counts[digit] <= 1) continue;
    if (counts[digit] > 3 || repeated >= 0) return false;
    repeated = digit;
  }
  if (repeated < 0) return false;
  if (counts[repeated] === 3) {
    const triple = String(repeated).repeat(3);
    if (compact.slice(0, 10).includes(triple)) return false;
  }
  // ISO/IEC 7064 MOD 11,10.
  let product = 10;
  for (let index = 0; index < 10; index++) {
    let sum = (compact.charCodeAt(index) - 48 + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  let check = 11 - product;
  if (check === 10) check = 0;
  return check === compact.charCodeAt(10) - 48;
}

/**
 * Finds German tax identification numbers (`DE_TAX_ID`): `65 929 970 489` grouped, or a bare
 * eleven-digit run after a context word (Steuer-ID, IdNr, Identifikationsnummer, tax id, TIN),
 * since eleven digits is also a phone number length. Checked with the digit-repetition rule and
 * ISO 7064 MOD 11,10.
 *
 * @example
 * createRedactor({ detectors: [deTaxId()] }).redact('Steuer-ID 65 929 970 489').text
 * // 'Steuer-ID [DE_TAX_ID]'
 */
export function deTaxId(options: DeTaxIdOptions = {}): Detector {
  return layoutDetector({
    name: 'de-tax-id',
    type: 'DE_TAX_ID',
    layouts: ['DD DDD DDD DDD', '~DDDDDDDDDDD'],
    validate: validDeTaxId,
    context: ['steuer', 'steuerid', 'steuer-id', 'idnr', 'identifikationsnummer', 'steueridentifikationsnummer', 'tax id', 'tin'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
