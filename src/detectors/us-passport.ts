import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `usPassport`. */
export type UsPassportOptions = IdOptions;

/** Rejects placeholders: one repeated digit (`000000000`), a run like `123456789`. */
export function plausibleDocumentNumber(compact: string): boolean {
  const digits = compact.replace(/^[A-Z]+/, '');
  if (/^(\d)\1+$/.test(digits)) return false;
  return !'0123456789'.includes(digits) && !'9876543210'.includes(digits);
}

/**
 * Finds US passport numbers (`US_PASSPORT`): nine digits, or a letter and eight digits (the
 * next-generation book, 2021), only after the word "passport". The State Department publishes
 * no check digit for the book number, so the context word is the validation.
 *
 * @example
 * createRedactor({ detectors: [usPassport()] }).redact('passport no. 531234567').text
 * // 'passport no. [US_PASSPORT]'
 */
export function usPassport(options: UsPassportOptions = {}): Detector {
  return layoutDetector({
    name: 'us-passport',
    type: 'US_PASSPORT',
    layouts: ['DDDDDDDDD', 'ADDDDDDDD'],
    validate: plausibleDocumentNumber,
    context: ['passport'],
    requireContext: true,
    score: options.score ?? 0.75,
    contextScore: options.score ?? 0.75, // no check digit: the context word is all there is
  });
}
