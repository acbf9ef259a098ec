import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `ukNhs`. */
export type UkNhsOptions = IdOptions;

/**
 * The NHS number check digit (NHS Data Dictionary, "NHS Number"): weights 10 down to 2 on the
 * first nine digits, check = 11 − (sum mod 11); 11 becomes 0 and 10 means the number is never
 * issued.
 */
export function validNhs(compact: string): boolean {
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += (compact.charCodeAt(index) - 48) * (10 - index);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  // 0000000000 passes the checksum but is no number.
  return check === compact.charCodeAt(9) - 48 && compact !== '0000000000';
}

/**
 * Finds NHS numbers (`UK_NHS`, England, Wales and Isle of Man): ten digits written `943 476 5919`,
 * `943-476-5919` or `9434765919` that pass the mod 11 check digit, only after a context word
 * ("NHS", "health service"): a 3-3-4 group is also how US phone numbers are printed, and one
 * random ten-digit number in eleven passes the check.
 *
 * @example
 * createRedactor({ detectors: [ukNhs()] }).redact('NHS no. 943 476 5919').text
 * // 'NHS no. [UK_NHS]'
 */
export function ukNhs(options: UkNhsOptions = {}): Detector {
  return layoutDetector({
    name: 'uk-nhs',
    type: 'UK_NHS',
    layouts: ['DDD DDD DDDD', 'DDD-DDD-DDDD', 'DDDDDDDDDD'],
    validate: validNhs,
    context: ['nhs', 'health service', 'chi'],
    requireContext: true,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
