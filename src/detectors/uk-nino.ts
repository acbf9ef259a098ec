import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `ukNino`. */
export type UkNinoOptions = IdOptions;

// HMRC National Insurance Manual NIM39110: the first letter is never D, F, I, Q, U or V, the
// second never D, F, I, O, Q, U or V; BG, GB, KN, NK, NT, TN and ZZ are never allocated; the
// suffix is A, B, C or D.
const FIRST_INVALID = 'DFIQUV';
const SECOND_INVALID = 'DFIOQUV';
const PREFIX_INVALID = ['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'];

/** True when `compact` (9 characters, upper case) is an allocatable National Insurance number. */
export function validNino(compact: string): boolean {
  if (FIRST_INVALID.includes(compact[0]) || SECOND_INVALID.includes(compact[1])) return false;
  if (PREFIX_INVALID.includes(compact.slice(0, 2))) return false;
  const suffix = compact.charCodeAt(8);
  return suffix >= 65 && suffix <= 68; // 'A'..'D'
}

/**
 * Finds UK National Insurance numbers (`UK_NINO`): two prefix letters, six digits and a suffix
 * letter, written `AB123456C`, `AB 12 34 56 C` or `AB 123456 C`, with HMRC's prefix and suffix
 * rules. Upper case only (`ab123456c` is more often a reference than a NINO). No context word
 * needed: the letter rules reject most product and order codes of that shape.
 *
 * @example
 * createRedactor({ detectors: [ukNino()] }).redact('NI number QQ 12 34 56 C').text
 * // 'NI number QQ 12 34 56 C' (QQ is never allocated), while 'AB 12 34 56 C' → '[UK_NINO]'
 */
export function ukNino(options: UkNinoOptions = {}): Detector {
  return layoutDetector({
    name: 'uk-nino',
    type: 'UK_NINO',
    layouts: ['AADDDDDDA', 'AA DD DD DD A', 'AA DDDDDD A', 'AA-DD-DD-DD-A'],
    validate: validNino,
    context: ['ni', 'nino', 'national insurance', 'ni number', 'nin'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
