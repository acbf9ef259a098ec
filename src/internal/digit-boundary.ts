import { ASCII_CLASS, WORD, isDigit, isWordCodeAt } from '../scanner/char-class.js';

/**
 * Boundary rules shared by the numeric detectors (cards, SSNs): when is a digit run its own
 * token, and when is it a slice of something longer (a decimal, a dashed id, a word)?
 */

/** Passed as `separator` when a number has none. */
export const NO_SEPARATOR = -1;

const HYPHEN = 45; // '-'
const DOT = 46; // '.'
const COMMA = 44; // ','
const SLASH = 47; // '/'
const COLON = 58; // ':'
const UNDERSCORE = 95; // '_'

// One digit test for every detector (src/scanner/char-class.ts), re-exported for the numeric ones.
export { isDigit };

/** True for the first half of a surrogate pair (a chunk may end between the halves). */
export const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Number of consecutive ASCII digits at `at`, counting at most `max`. */
export function digitsAt(text: string, at: number, max: number): number {
  let index = at;
  const stop = Math.min(text.length, at + max);
  while (index < stop && isDigit(text.charCodeAt(index))) index++;
  return index - at;
}

/** True when the code unit at `index` continues a word: a letter, digit, mark or '_'. */
function isWordOrUnderscore(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (ASCII_CLASS[code] & WORD) !== 0 || code === UNDERSCORE;
  return isWordCodeAt(text, index);
}

/**
 * True when the number ending at `end` continues into another token: a word character
 * (`4111…1111abc`), a decimal or dashed continuation (`….5`, `…-abc`), a comma and a digit
 * (`…,5`; a comma and a letter separates CSV fields), or a
 * time/date/path continuation with a digit (`…/12`, `…:30`). `separator` (the number's own
 * group separator) is not a continuation. Reads at most 2 code units (3 for a surrogate pair).
 */
export function gluedAfter(text: string, end: number, separator: number): boolean {
  if (end >= text.length) return false;
  const code = text.charCodeAt(end);
  if (isWordOrUnderscore(text, end)) return true;
  if (code === separator || end + 1 >= text.length) return false;
  // A comma joins digits only ('…,5' decimal or thousands); before a letter it separates fields
  // (CSV 'jane,4111111111111111,visa').
  if (code === COMMA) return isDigit(text.charCodeAt(end + 1));
  if (code === HYPHEN || code === DOT) return isWordOrUnderscore(text, end + 1);
  if (code === SLASH || code === COLON) return isDigit(text.charCodeAt(end + 1));
  return false;
}

/**
 * True when the number starting at `start` continues another token before it: a word
 * character, a decimal or dashed part of a word or number (`0.25…`, `12-4111…`), a digit and a
 * comma (`1,4111…`; a letter and a comma ends a CSV field), or a
 * date/time part (`12/…`, `10:…`). Reads at most 2 code units before `start` (3 for a pair).
 */
export function gluedBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  if (isWordOrUnderscore(text, start - 1)) return true;
  if (start < 2) return false;
  const code = text.charCodeAt(start - 1);
  if (code === COMMA) return isDigit(text.charCodeAt(start - 2)); // '1,4111…', not CSV 'jane,4111…'
  if (code === HYPHEN || code === DOT) return isWordOrUnderscore(text, start - 2);
  if (code === SLASH || code === COLON) return isDigit(text.charCodeAt(start - 2));
  return false;
}

/** What `digitTailPending` needs to know about one detector. */
export interface DigitTail {
  /** Longest stretch of tail characters (below) that can still change a finding. */
  readonly tailLimit: number;
  /** Longest finding, in code units. */
  readonly maxLength: number;
  /** End of the finding starting at `start`, or a negative number. */
  endAt(text: string, start: number): number;
  /** True when the digit run of `run` digits at `start` can start no finding, whatever follows. */
  cannotStart(text: string, start: number, run: number, end: number): boolean;
}

/** Characters a digit-group candidate reads through: digits, separators and joiners. */
export function isDigitTailCode(code: number): boolean {
  return isDigit(code) || code === 32 || code === 45 || code === 46 || code === 44 || code === 47 || code === 58;
}

/**
 * The `pending` of detectors whose values are digit groups (cards, SSNs): a value and
 * everything that decides it (its groups, the next group, a joiner and the character after it)
 * are digits and tail characters, so only the trailing stretch of those can change, and a
 * trailing high surrogate may still become a letter. Reads at most `tailLimit + maxLength`
 * code units from the end.
 */
export function digitTailPending(text: string, from: number, tail: DigitTail): number {
  let end = text.length;
  if (end > from && isHighSurrogate(text.charCodeAt(end - 1))) end--;
  const limit = Math.max(from, end - tail.tailLimit);
  let at = end;
  while (at > limit && isDigitTailCode(text.charCodeAt(at - 1))) at--;
  if (at === limit && at > from && isDigitTailCode(text.charCodeAt(at - 1))) {
    // Longer than anything that decides a value: text before `at` is decided, but a value
    // starting shortly before it may end after it; then hold from that value's start.
    for (let start = Math.max(from, at - tail.maxLength); start < at; start++) {
      if (!isDigit(text.charCodeAt(start)) || (start > 0 && isDigit(text.charCodeAt(start - 1)))) continue;
      if (tail.endAt(text, start) > at) return start;
    }
    return at;
  }
  // Hold from the first digit run of the tail that may still start a value.
  while (at < end) {
    if (!isDigit(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const run = digitsAt(text, at, end - at);
    if (!tail.cannotStart(text, at, run, end)) return at;
    at += run;
  }
  return end;
}
