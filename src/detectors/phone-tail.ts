import { isWordCodeAt } from '../scanner/char-class.js';
import { MAX_CHAIN, chainStartBack } from './phone-chain.js';
import { NEED_MORE, gapEnd, isDigit, isGapCode, isSpaceCode } from './phone-gap.js';

/**
 * The tail of a phone number (internal to phone.ts): the extension grammar (`ext. 12`, `x12`),
 * and the PHONE detector's `pending`, which holds a stream's trailing chain while more text could
 * still extend it with a gap, more digits or an extension. Separate because both rest on the same
 * grammar read two ways: closed (`find`: does an extension end here?) and open (`pending`: could
 * the text received so far still become one?).
 */

/** Longest extension text: ', extension. ' (15) and 6 digits. */
export const MAX_EXTENSION = 21;
const MAX_EXTENSION_DIGITS = 6;
/** Fewest digits of a phone number: MIN_DIGITS of phone-score.ts (which imports this module). */
const MIN_NUMBER_DIGITS = 7;
/** Numbers with extensions `pending` walks back over ('… ext. 12 3456789 ext. 1'). */
const MAX_EXTENSION_LEVELS = 8;

const PLUS = 43; // '+'
const OPEN = 40; // '('
const DOT = 46; // '.'
const COLON = 58; // ':'
const COMMA = 44; // ','

/**
 * The PHONE detector's `pending` (see the `Detector` contract): the start of the trailing chain
 * while a gap, digits or an extension may still extend it, the number before a trailing extension,
 * or a trailing '+'/'(' prefix; else `text.length`. Reads back from the end only.
 *
 * @example
 * phonePending('call 415 555', 0) // 5: '415 555' may still grow into a number
 * phonePending('call me later', 0) // 13
 */
export function phonePending(text: string, from: number): number {
  const end = text.length;
  // The last digit within reach of an open gap or extension lead.
  let k = end;
  const floor = Math.max(from, end - 16);
  while (k > floor && !isDigit(text.charCodeAt(k - 1))) {
    // A unit that fits neither a gap nor an extension, two or more units from the end,
    // closes every digit before it (`tailOpen` is false there): clean prose is decided
    // after a few units instead of 16.
    if (k < end && !isTailCode(text.charCodeAt(k - 1))) return openPrefixStart(text, from, end);
    k--;
  }
  if (k === floor && (k === from || !isDigit(text.charCodeAt(k - 1)))) return openPrefixStart(text, from, end);
  let hold = end;
  let runStart = k - 1;
  while (runStart > from && runStart > k - MAX_CHAIN - 1 && isDigit(text.charCodeAt(runStart - 1))) runStart--;
  if (tailOpen(text, k, end)) {
    const start = chainStartBack(text, runStart);
    if (start >= 0) hold = start;
  }
  // A held run may be the digits of an extension: then the number before it is held too.
  if (hold < end && k - runStart <= MAX_EXTENSION_DIGITS) hold = numberBeforeExtension(text, runStart, hold);
  // The number held may itself start with the digits of an earlier number's extension: in
  // '… 2671 ext. 123 0' a gap joins '123' to the '0' after it, and '… 2671 ext. 123' is decided
  // but would cross the hold. Then that number is held too, and so on back, MAX_EXTENSION_LEVELS
  // times at most (each level is a number of 7 digits or more and an extension).
  for (let level = 0; level < MAX_EXTENSION_LEVELS && hold < end && isDigit(text.charCodeAt(hold)); level++) {
    let firstEnd = hold + 1;
    while (firstEnd - hold <= MAX_EXTENSION_DIGITS && isDigit(text.charCodeAt(firstEnd))) firstEnd++;
    if (firstEnd - hold > MAX_EXTENSION_DIGITS) break;
    const start = numberBeforeExtension(text, hold, hold);
    if (start === hold) break;
    hold = start;
  }
  // Never hold text a finding cannot start in, never below `from`.
  if (hold < end) hold = Math.max(hold, from);
  const prefix = openPrefixStart(text, from, end);
  return prefix < hold ? prefix : hold;
}

/** End of the extension after a number ending at `end`, or -1. Grammar: ','? ' '{0,2} (extension|extn|ext|x) '.'? [ :]{0,2} \d{1,6}. */
export function extensionEnd(text: string, end: number): number {
  const result = matchExtension(text, end, text.length, false);
  return result > 0 ? result : -1;
}

/**
 * Like `extensionEnd`; with `open`, `limit` is where the text received so far ends, and the
 * result is NEED_MORE when more text could still make or change an extension there.
 */
function matchExtension(text: string, end: number, limit: number, open = true): number {
  let at = end;
  if (at < limit && text.charCodeAt(at) === COMMA) at++;
  for (let spaces = 0; spaces < 2 && at < limit && isSpaceCode(text.charCodeAt(at)); spaces++) at++;
  if (at >= limit) return open ? NEED_MORE : -1;
  const keywordEnd = matchKeyword(text, at, limit);
  if (keywordEnd === NEED_MORE) return open ? NEED_MORE : -1;
  if (keywordEnd < 0) return -1;
  at = keywordEnd;
  if (at < limit && text.charCodeAt(at) === DOT) at++;
  for (let spaces = 0; spaces < 2 && at < limit && (isSpaceCode(text.charCodeAt(at)) || text.charCodeAt(at) === COLON); spaces++) at++;
  const digitsStart = at;
  while (at < limit && at - digitsStart <= MAX_EXTENSION_DIGITS && isDigit(text.charCodeAt(at))) at++;
  if (at >= limit && open) return NEED_MORE;
  const digits = at - digitsStart;
  if (digits === 0 || digits > MAX_EXTENSION_DIGITS || (at < limit && isWordCodeAt(text, at))) return -1;
  return at;
}

const EXTENSION_WORDS = ['extension', 'extn', 'ext', 'x'];

/** End of an extension keyword at `at` (ASCII case-insensitive, not followed by a letter), -1, or NEED_MORE. */
function matchKeyword(text: string, at: number, limit: number): number {
  let prefixOfSome = false;
  for (const word of EXTENSION_WORDS) {
    let index = 0;
    while (index < word.length && at + index < limit && (text.charCodeAt(at + index) | 0x20) === word.charCodeAt(index)) index++;
    if (index === word.length) {
      if (at + index >= limit) return NEED_MORE;
      const after = text.charCodeAt(at + index);
      if (((after | 0x20) - 97) >>> 0 > 25) return at + index;
    } else if (at + index >= limit) {
      prefixOfSome = true;
    }
  }
  return prefixOfSome ? NEED_MORE : -1;
}

/**
 * The start of the number before the extension whose digits start at `runStart`, if it is before
 * `hold` and has the digits of a phone number; else `hold` (a shorter one, as '123' in
 * '… ext. 123 ext. 4', is never a finding, with or without its extension).
 */
function numberBeforeExtension(text: string, runStart: number, hold: number): number {
  const numberEnd = extensionLeadBefore(text, runStart);
  if (numberEnd < 0) return hold;
  let previous = numberEnd - 1;
  while (previous > 0 && previous > numberEnd - MAX_CHAIN - 1 && isDigit(text.charCodeAt(previous - 1))) previous--;
  const start = chainStartBack(text, previous);
  if (start < 0 || start >= hold) return hold;
  let digits = 0;
  for (let at = start; at < numberEnd; at++) if (isDigit(text.charCodeAt(at))) digits++;
  return digits >= MIN_NUMBER_DIGITS ? start : hold;
}

/** If the digits at `runStart` follow an extension keyword after a number, where that number ends; else -1. */
function extensionLeadBefore(text: string, runStart: number): number {
  for (let numberEnd = runStart - 1; numberEnd > 0 && numberEnd >= runStart - 16; numberEnd--) {
    if (isDigit(text.charCodeAt(numberEnd - 1)) && !isDigit(text.charCodeAt(numberEnd))) {
      const extension = matchExtension(text, numberEnd, text.length);
      return extension === NEED_MORE || extension > runStart ? numberEnd : -1;
    }
  }
  return -1;
}

/** Text after the last digit (at `k`) that more text could still turn into a gap, an extension or a boundary. */
function tailOpen(text: string, k: number, end: number): boolean {
  if (end - k < 2) return true;
  return gapEnd(text, k, end) === NEED_MORE || matchExtension(text, k, end) === NEED_MORE;
}

/**
 * Units a still-open gap or extension after a number may hold (see `gapEnd`, `matchExtension`):
 * gap characters, ',', ':', and the letters of 'extension', 'extn', 'ext', 'x' in either case.
 */
function isTailCode(code: number): boolean {
  return code < 128 ? TAIL_UNITS[code] === 1 : isGapCode(code);
}

/**
 * `isTailCode` of the ASCII units as a table: `pending` walks back over up to 16 of them in every
 * stream check, and the letters of the extension words (e, t, n, s, i, o, x) are most of English
 * prose, so the walk often reads several; one load instead of up to 15 comparisons per unit took
 * phone's pending from 40 to 33 ns a 4-char stream check (bench/fixtures.ts `cleanChat`,
 * in-turns A/B on recorded checks).
 */
const TAIL_UNITS: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    const letter = code | 0x20;
    const extensionLetter = letter === 101 || letter === 120 || letter === 116 || letter === 110 || letter === 115 || letter === 105 || letter === 111; // e x t n s i o
    if (isGapCode(code) || code === COMMA || code === COLON || extensionLetter) table[code] = 1;
  }
  return table;
})();

/** Where a chain prefix ('+', '(', '(+', '+(') that ends the text starts, or `end`. */
function openPrefixStart(text: string, from: number, end: number): number {
  let start = end;
  while (start > from && end - start < 2 && (text.charCodeAt(start - 1) === PLUS || text.charCodeAt(start - 1) === OPEN)) start--;
  return start;
}
