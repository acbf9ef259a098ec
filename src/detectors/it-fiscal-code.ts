import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `itFiscalCode`. */
export type ItFiscalCodeOptions = IdOptions;

// DM 23/12/1976 (codice fiscale): odd positions (1st, 3rd, …) are mapped through this table
// (digits and letters alike, '0'/'A' = 1, '1'/'B' = 0, …), even positions to their value
// ('0'..'9' → 0..9, 'A'..'Z' → 0..25); the check letter is 'A' + sum mod 26.
const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
/** Month letters A–T without F, G, I, J, K, N, O, Q. */
const MONTHS = 'ABCDEHLMPRST';
/** Omocodia: when codes collide, digits are replaced from the right by these letters (0–9). */
const OMOCODIA = 'LMNPQRSTUV';
/** Positions that hold digits (or their omocodia letters). */
const DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];

const value = (code: number): number => (code <= 57 ? code - 48 : code - 65);

/** The digit at a digit position, undoing omocodia; -1 when the letter is not an omocodia one. */
function digitAt(compact: string, index: number): number {
  const code = compact.charCodeAt(index);
  return code <= 57 ? code - 48 : OMOCODIA.indexOf(compact[index]);
}

/** True when `compact` (16 upper-case characters) is a well-formed codice fiscale with a valid check letter. */
export function validFiscalCode(compact: string): boolean {
  for (const index of DIGIT_POSITIONS) if (digitAt(compact, index) < 0) return false;
  if (!MONTHS.includes(compact[8])) return false;
  // Day of birth 1–31, plus 40 for women.
  const day = digitAt(compact, 9) * 10 + digitAt(compact, 10);
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71))) return false;
  let sum = 0;
  for (let index = 0; index < 15; index++) {
    const code = compact.charCodeAt(index);
    // Digits map as the first ten letters do, in both tables.
    sum += (index & 1) === 0 ? ODD[value(code)] : value(code);
  }
  return compact.charCodeAt(15) === 65 + (sum % 26);
}

/**
 * Finds Italian fiscal codes (`IT_FISCAL_CODE`, codice fiscale of persons): 16 characters
 * `RSSMRA85T10A562S` (surname and name letters, birth year, month letter, day, municipality
 * code, check letter), including omocodic codes, upper case. The month letter, day range and
 * check letter leave about one random string of that shape in a thousand.
 *
 * @example
 * createRedactor({ detectors: [itFiscalCode()] }).redact('CF: RSSMRA85T10A562S').text
 * // 'CF: [IT_FISCAL_CODE]'
 */
export function itFiscalCode(options: ItFiscalCodeOptions = {}): Detector {
  return layoutDetector({
    name: 'it-fiscal-code',
    type: 'IT_FISCAL_CODE',
    layouts: ['AAAAAAXXAXXAXXXA'],
    validate: validFiscalCode,
    context: ['codice fiscale', 'cf', 'fiscal code', 'tessera sanitaria'],
    requireContext: options.requireContext,
    score: options.score ?? 0.95,
    contextScore: options.score,
  });
}
