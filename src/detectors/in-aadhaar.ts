import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `inAadhaar`. */
export type InAadhaarOptions = IdOptions;

// Verhoeff's dihedral-group check (J. Verhoeff, "Error Detecting Decimal Codes", 1969), as UIDAI
// uses for the last Aadhaar digit: the multiplication table of D5 and the position permutation,
// flattened ten entries per row.
const MULTIPLY =
  '0123456789123406789523401789563401289567401239567859876043216598710432765982104387659321049876543210';
const PERMUTE = '01234567891576283094580379614289160435279453126870428657390127938064157046913258';

/** True when the digits of `compact` pass the Verhoeff check. */
export function verhoeffValid(compact: string): boolean {
  let check = 0;
  for (let index = compact.length - 1, position = 0; index >= 0; index--, position++) {
    const digit = compact.charCodeAt(index) - 48;
    const permuted = PERMUTE.charCodeAt((position & 7) * 10 + digit) - 48;
    check = MULTIPLY.charCodeAt(check * 10 + permuted) - 48;
  }
  return check === 0;
}

/** An Aadhaar number is twelve digits, never starting with 0 or 1 (UIDAI), Verhoeff-valid. */
export function validAadhaar(compact: string): boolean {
  return compact.charCodeAt(0) >= 50 && verhoeffValid(compact);
}

/**
 * Finds Indian Aadhaar numbers (`IN_AADHAAR`): twelve digits passing the Verhoeff check, printed
 * `2345 6789 0124` (as on the card) or with dashes; a bare twelve-digit run only after a context
 * word (Aadhaar, UIDAI, UID), since it is also a common length for order and account numbers.
 *
 * @example
 * createRedactor({ detectors: [inAadhaar()] }).redact('Aadhaar 2345 6789 0124').text
 * // 'Aadhaar [IN_AADHAAR]'
 */
export function inAadhaar(options: InAadhaarOptions = {}): Detector {
  return layoutDetector({
    name: 'in-aadhaar',
    type: 'IN_AADHAAR',
    layouts: ['DDDD DDDD DDDD', 'DDDD-DDDD-DDDD', '~DDDDDDDDDDDD'],
    validate: validAadhaar,
    context: ['aadhaar', 'aadhar', 'uidai', 'uid', 'आधार'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
