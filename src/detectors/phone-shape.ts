import type { Chain } from './phone-chain.js';
import { GAP_CLOSE, GAP_DASH, GAP_DOT, GAP_OPEN, GAP_SLASH, GAP_SPACE, codeAt, gapKinds, isDigit } from './phone-gap.js';

/**
 * The shape screens of the PHONE detector (internal to phone.ts): groupings that are some other
 * number whatever the digits validate as (dates, SSNs, ZIP+4, dotted quads, payment cards, IBAN
 * groups), and the groupings people write phones with (typical groups, NANP shapes, balanced
 * brackets). Separate because they read only a chain's layout (group lengths, separators, a
 * leading digit) and never parse: cheap rules that run before any libphonenumber parse (phone-score.ts).
 */

const OPEN = 40; // '('
const CLOSE = 41; // ')'
const SPACE = 32; // ' '
const ONE = 49; // '1'

/**
 * True when the chain of runs `first`..`last` has no space in its gaps and, whole, has the shape
 * of another number (`otherShape`: `2023-11-26`, `02/20/2021`). Then it holds no phone number:
 * `evaluateChain` weighs only pieces that end at a gap with a space, and so only the whole
 * chain, which `scorePiece` rejects by that shape. Checked before a chain is built: dates are
 * the only 7+ digit chains of clean chat (9 % of bench/fixtures.ts `cleanChat` messages).
 */
export function datelike(text: string, runs: ArrayLike<number>, first: number, last: number): boolean {
  let kinds = 0;
  for (let index = first; index < last; index++) kinds |= gapKinds(text, runs[2 * index + 1], runs[2 * index + 2]);
  if ((kinds & GAP_SPACE) !== 0) return false;
  return otherShape(last - first + 1, runs, first, kinds, kinds & (GAP_DASH | GAP_DOT | GAP_SLASH));
}

/**
 * The digit groups of an IBAN printed in fours after letter groups ('NL91 ABNA 0417 1643 00',
 * ISO 13616 paper format): a group of four capitals or digits before, groups of four after.
 */
export function ibanTail(text: string, chain: Chain): boolean {
  const start = chain.start;
  if (start < 5 || text.charCodeAt(start - 1) !== SPACE) return false;
  for (let index = start - 5; index < start - 1; index++) {
    const code = text.charCodeAt(index);
    if (!((code - 65) >>> 0 <= 25 || isDigit(code))) return false;
  }
  if (start > 5 && text.charCodeAt(start - 6) !== SPACE) return false;
  const runs = chain.runs;
  for (let index = 0; index < runs.length; index += 2) {
    const size = runs[index + 1] - runs[index];
    if (index + 2 < runs.length ? size !== 4 || runs[index + 2] - runs[index + 1] !== 1 : size > 4) return false;
  }
  return true;
}

/** 4-4-4(-4), 4-6-5, 4-6-4: a payment card, never a phone (ISO/IEC 7812 print groupings). */
export function cardShaped(runs: readonly number[]): boolean {
  const count = runs.length >> 1;
  let digits = 0;
  let fours = 0;
  for (let index = 0; index < count; index++) {
    const length = runs[2 * index + 1] - runs[2 * index];
    digits += length;
    if (length === 4) fours++;
  }
  if (count >= 3 && fours === count) return true;
  if (count === 3 && runs[1] - runs[0] === 4 && runs[3] - runs[2] === 6 && (digits === 15 || digits === 14)) return true;
  return false;
}

/** Every '(' closes after exactly one group: '(415) 555', '(0)20', '(+41) 22'. */
export function parenthesesBalanced(text: string, chain: Chain, first: number, last: number): boolean {
  const runs = chain.runs;
  for (let index = first; index <= last; index++) {
    // The chain's own prefix is `chain.open`, which is false when its bracket wraps the whole
    // number ('(415-555-2671)'): the '(' before the first run is then no area-code bracket.
    const opens = index === 0 ? chain.open : codeAt(text, runs[2 * index] - 1) === OPEN;
    const closes = codeAt(text, runs[2 * index + 1]) === CLOSE;
    // A ')' after the last group closes the sentence's bracket: '(call +41 22 730 5989)'.
    if (opens !== closes && !(closes && index === last)) return false;
  }
  return true;
}

/**
 * Shapes of other numbers that must never be read as a phone, whatever the digits validate as:
 * dates (2024-01-15, 15/01/2024, 01.02.2024, 5-20-2021), SSNs (123-45-6789, 078 05 1120),
 * ZIP+4 (12345-6789), dotted quads (192.168.1.1). The groups are runs `first`..`first + groups - 1`
 * of `runs` (flat [start, end) pairs), read in place: a closure over them, made for every date
 * of clean chat that `datelike` screens, was phone's one allocation on clean text.
 */
export function otherShape(groups: number, runs: ArrayLike<number>, first: number, kinds: number, punctuation: number): boolean {
  if (groups < 2 || groups > 4) return false;
  const uniform = punctuation !== 0 && (punctuation & (punctuation - 1)) === 0 && (kinds & (GAP_SPACE | GAP_OPEN | GAP_CLOSE)) === 0;
  const a = runs[2 * first + 1] - runs[2 * first];
  const b = runs[2 * first + 3] - runs[2 * first + 2];
  if (groups === 2) return a === 5 && b === 4 && uniform && punctuation === GAP_DASH;
  const c = runs[2 * first + 5] - runs[2 * first + 4];
  if (groups === 3) {
    if (uniform && a <= 2 && b <= 2 && (c === 4 || c === 2)) return true;
    if (uniform && a === 4 && b <= 2 && c <= 2) return true;
    return a === 3 && b === 2 && c === 4 && (uniform || kinds === GAP_SPACE);
  }
  return uniform && punctuation === GAP_DOT && a <= 3 && b <= 3 && c <= 3 && runs[2 * first + 7] - runs[2 * first + 6] <= 3;
}

/**
 * Grouping of a written phone number: 2+ groups of 2–8 digits, one separator style. A single
 * digit only as the NANP trunk '1', a bracketed '(0)', or after '+' (handled there). Thousands
 * ('1 234 567', '12.345.678') are not phone grouping.
 */
export function typicalGroups(groups: number, length: (index: number) => number, opened: boolean): boolean {
  let thousands = length(0) <= 3;
  for (let index = 0; index < groups; index++) {
    const size = length(index);
    if (size > 8) return false;
    if (size === 1 && !(index === 0 && groups === 4 && length(1) === 3 && length(2) === 3 && length(3) === 4)) return false;
    if (index > 0 && size !== 3) thousands = false;
  }
  if (thousands && (length(0) === 1 || groups > 3) && !opened) return false;
  return true;
}

/** '(NXX) NXX-XXXX', 'NXX-NXX-XXXX', 'NXX.NXX.XXXX', optionally after '1-' (NANP numbering plan). */
export function nanpShaped(text: string, chain: Chain, first: number, groups: number, length: (index: number) => number): boolean {
  const runs = chain.runs;
  let offset = 0;
  if (groups === 4 && length(0) === 1 && text.charCodeAt(runs[2 * first]) === ONE) offset = 1;
  else if (groups !== 3) return false;
  if (length(offset) !== 3 || length(offset + 1) !== 3 || length(offset + 2) !== 4) return false;
  const area = text.charCodeAt(runs[2 * (first + offset)]);
  // NANP area codes start with 2–9 (NANPA); exchange codes too, but fictional '555-0123'-style
  // numbers and typos there are common and still unmistakably phones.
  if (area < 50) return false;
  const areaStart = runs[2 * (first + offset)];
  const bracketed = codeAt(text, areaStart - 1) === OPEN;
  const secondGap = gapKinds(text, runs[2 * (first + offset + 1) + 1], runs[2 * (first + offset + 2)]);
  if (bracketed) return secondGap === GAP_DASH || secondGap === GAP_SPACE;
  const firstGap = gapKinds(text, runs[2 * (first + offset) + 1], runs[2 * (first + offset + 1)]);
  return firstGap === secondGap && (firstGap === GAP_DASH || firstGap === GAP_DOT);
}
