/**
 * Postcode shapes of the STREET_ADDRESS detector, as char-code loops (no regex, no backtracking).
 * Each matcher reads at most `POSTCODE_REACH` code units from `pos`, never at or after `end`, and
 * returns the end of the postcode, or -1. A postcode must end at a non-alphanumeric character.
 *
 * Sources: US ZIP and ZIP+4, USPS Publication 28 §§ 213, 354; Canadian postal code "A1A 1A1",
 * Canada Post Addressing Guidelines (letters D, F, I, O, Q, U never used; W, Z never first);
 * UK postcode "outward inward", Royal Mail PAF programmer's guide (outward A9, A99, A9A, AA9, AA99,
 * AA9A, plus GIR 0AA; inward digit + 2 letters); Australian postcode, 4 digits (Australia Post);
 * German PLZ and French code postal, 5 digits (Deutsche Post, La Poste). Written here, MIT.
 */

import { isWordCodeAt } from '../scanner/char-class.js';

/** Longest stretch a matcher reads from `pos`, including the boundary character after it. */
export const POSTCODE_REACH = 11;

const HYPHEN = 45; // '-'
const SPACE = 32; // ' '

const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
const isLetter = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;
/** Letters Canada Post uses in postal codes (not D F I O Q U). */
const CA_LETTERS = 'ABCEGHJKLMNPRSTVWXYZ';
/** Letters Canada Post uses first in a postal code (not W Z either). */
const CA_FIRST = 'ABCEGHJKLMNPRSTVXY';

/**
 * True when `index` is the end of the text window or a character that cannot continue a code:
 * not a letter or digit of any script. A closing curly quote, a no-break space or a dash after a
 * code ends it ('“12 Main Street, Springfield, IL 62704”' lost its ZIP when every unit from
 * U+0080 up counted as a letter).
 */
function bounded(text: string, index: number, end: number): boolean {
  if (index >= end) return true;
  const code = text.charCodeAt(index);
  return !(isDigit(code) || isLetter(code) || (code > 127 && isWordCodeAt(text, index)));
}

function digits(text: string, pos: number, end: number, count: number): boolean {
  if (pos + count > end) return false;
  for (let index = pos; index < pos + count; index++) if (!isDigit(text.charCodeAt(index))) return false;
  return true;
}

/**
 * US ZIP (`12345`) or ZIP+4 (`12345-6789`).
 *
 * @example
 * usZipEnd('DC 20500-0003.', 3, 14) // 13
 */
export function usZipEnd(text: string, pos: number, end: number): number {
  if (!digits(text, pos, end, 5)) return -1;
  if (pos + 5 < end && text.charCodeAt(pos + 5) === HYPHEN && digits(text, pos + 6, end, 4) && bounded(text, pos + 10, end)) {
    return pos + 10;
  }
  return bounded(text, pos + 5, end) ? pos + 5 : -1;
}

/**
 * A run of exactly `count` digits (AU postcode 4; DE PLZ, FR code postal 5).
 *
 * @example
 * digitCodeEnd('VIC 3121', 4, 8, 4) // 8
 */
export function digitCodeEnd(text: string, pos: number, end: number, count: number): number {
  return digits(text, pos, end, count) && bounded(text, pos + count, end) ? pos + count : -1;
}

/**
 * Canadian postal code `A1A 1A1` (one space, a hyphen or nothing between the halves; any case).
 *
 * @example
 * caPostalEnd('AB T2P 1H3', 3, 10) // 10
 */
export function caPostalEnd(text: string, pos: number, end: number): number {
  if (pos + 6 > end) return -1;
  if (!caLetter(text.charCodeAt(pos), CA_FIRST) || !isDigit(text.charCodeAt(pos + 1)) || !caLetter(text.charCodeAt(pos + 2), CA_LETTERS)) return -1;
  let index = pos + 3;
  const gap = text.charCodeAt(index);
  if (gap === SPACE || gap === HYPHEN) index++;
  if (index + 3 > end) return -1;
  if (!isDigit(text.charCodeAt(index)) || !caLetter(text.charCodeAt(index + 1), CA_LETTERS) || !isDigit(text.charCodeAt(index + 2))) return -1;
  return bounded(text, index + 3, end) ? index + 3 : -1;
}

function caLetter(code: number, allowed: string): boolean {
  return isLetter(code) && allowed.includes(String.fromCharCode(code & ~0x20));
}

/**
 * UK postcode: outward code (A9, A99, A9A, AA9, AA99, AA9A or GIR), one optional space, inward
 * code (digit + 2 letters). Both halves in the same case.
 *
 * @example
 * ukPostcodeEnd('London SW1A 1AA', 7, 15) // 15
 */
export function ukPostcodeEnd(text: string, pos: number, end: number): number {
  let index = pos;
  let letters = 0;
  while (index < end && letters < 3 && isLetter(text.charCodeAt(index))) {
    index++;
    letters++;
  }
  const upper = text.charCodeAt(pos) < 97;
  if (letters === 3) return text.slice(pos, pos + 3).toUpperCase() === 'GIR' ? inwardEnd(text, index, end, upper) : -1;
  if (letters === 0) return -1;
  let count = 0;
  while (index < end && count < 2 && isDigit(text.charCodeAt(index))) {
    index++;
    count++;
  }
  if (count === 0) return -1;
  // A9A and AA9A outward codes ("SW1A", "EC1A") end in a letter after a single digit.
  if (count === 1 && index < end && isLetter(text.charCodeAt(index))) {
    const withLetter = inwardEnd(text, index + 1, end, upper);
    if (withLetter >= 0) return withLetter;
  }
  return inwardEnd(text, index, end, upper);
}

/** The inward code (digit + 2 letters, same case as the outward code) after an optional space. */
function inwardEnd(text: string, pos: number, end: number, upper: boolean): number {
  let index = pos;
  if (index < end && text.charCodeAt(index) === SPACE) index++;
  if (index + 3 > end) return -1;
  const a = text.charCodeAt(index + 1);
  const b = text.charCodeAt(index + 2);
  if (!isDigit(text.charCodeAt(index)) || !isLetter(a) || !isLetter(b)) return -1;
  if (a < 97 !== upper || b < 97 !== upper) return -1;
  return bounded(text, index + 3, end) ? index + 3 : -1;
}
