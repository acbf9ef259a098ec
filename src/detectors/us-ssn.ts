import { digitsAt, digitTailPending, gluedAfter, gluedBefore, isDigit, NO_SEPARATOR, type DigitTail } from '../internal/digit-boundary.js';
import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';

/** Options of `usSsn`. */
export interface UsSsnOptions {
  /**
   * Require a context word (SSN, SS#, social security, social sec) before dashed, spaced and
   * dotted numbers too, not only before a bare 9-digit one. Default: false.
   */
  readonly requireContext?: boolean;
}

/** `123-45-6789`: 9 digits and two separators. */
const MAX_LENGTH = 11;
/** How far before a number a context word may start. */
const CONTEXT_WINDOW = 40;
/** The context window plus the character before it (a keyword must start a word). */
const LOOKBEHIND = CONTEXT_WINDOW + 1;
/** A candidate is decided by at most 14 code units from its start (see `pending`). */
const TAIL_LIMIT = 32;

const SPACE = 32;
const HYPHEN = 45;
const DOT = 46;
const PLUS = 43;
const LOWER_S = 115;

/** Scores: a dashed number is the SSN shape; spaced and dotted ones are more often something else. */
const DASHED_SCORE = 0.95;
const SPACED_SCORE = 0.85;
const CONTEXT_BONUS = 0.04;
const BARE_SCORE = 0.8;

/**
 * Context words, matched at a word start inside the window before the number. Bounded and
 * without nested quantifiers, so a match costs at most its length.
 */
const CONTEXT = /s(?:sns?(?![a-z])|s#|ocial[ \t-]{1,3}sec(?:urity|\.)?(?![a-z]))/iy;

/**
 * Finds US Social Security numbers written `123-45-6789`, `123 45 6789` or `123.45.6789`, and a
 * bare `123456789` only after a context word (SSN, SS#, social security (number), social sec)
 * that starts within 40 characters before it. Numbers the SSA never issues are rejected
 * (SSA, "Social Security Number Randomization", 2011: no area 000, 666 or 900–999, no group
 * 00, no serial 0000), as are well-known invalid ones (078-05-1120 from the Woolworth wallet
 * card and 219-09-9999 from an SSA leaflet, SSA history "Misuse of SSNs"; 123-45-6789) and
 * repeated digits (111-11-1111).
 *
 * Never part of a longer number: not `555-123-4567` (3-3-4), not zip+4 `12345-6789`, not inside
 * `1-123-45-6789` or a longer spaced chain, not a 10-digit run. Anchored on the scanner's digit runs.
 *
 * @example
 * createRedactor({ detectors: [usSsn()] }).redact('SSN: 536-22-1234, SS# 536221234').text
 * // 'SSN: [US_SSN], SS# [US_SSN]'
 */
export function usSsn(options: UsSsnOptions = {}): Detector {
  const requireContext = options.requireContext === true;
  return {
    name: 'us-ssn',
    type: 'US_SSN',
    maxLength: MAX_LENGTH,
    lookbehind: LOOKBEHIND,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const start = digitRuns[k];
        if (start < scan.from) continue;
        // Fast path: `ssnEnd` accepts only a run of 3 (the area of 123-45-6789) or 9 digits, so
        // the scanner's run length rules out the rest (4.1 digit runs per cleanChat message of
        // bench/fixtures.ts, 0.3 of them of length 3 or 9).
        const run = digitRuns[k + 1] - start;
        if (run !== 3 && run !== 9) continue;
        // 123-45-6789 is three runs of 3, 2 and 4 digits, each after one separator: the runs
        // alone reject most 3-digit runs of chat (prices £136.07, sizes, "Error 503") without
        // reading the text, where `ssnEnd` would first test the character before the run (a
        // Unicode property regex for '£' or '€'). One-shot find 32 -> 12 ns a cleanChat message.
        if (run === 3 && !(k + 5 < digitRuns.length && digitRuns[k + 2] === start + 4 && digitRuns[k + 3] === start + 6 && digitRuns[k + 4] === start + 7 && digitRuns[k + 5] === start + 11)) continue;
        const end = ssnEnd(text, start);
        if (end < 0 || !validSsn(text, start)) continue;
        const bare = end - start === 9;
        const context = hasContext(text, start);
        if (!context && (bare || requireContext)) continue;
        const base = bare ? BARE_SCORE : text.charCodeAt(start + 3) === HYPHEN ? DASHED_SCORE : SPACED_SCORE;
        out.push({ type: 'US_SSN', start, end, score: context && !bare ? base + CONTEXT_BONUS : base, detector: 'us-ssn' });
      }
    },
    pending(text, from) {
      return digitTailPending(text, from, TAIL);
    },
  };
}


/**
 * True when the digit run `[start, start + run)` can start no SSN whatever follows `end`:
 * the reads `ssnEnd` makes to reject it are all before `end`.
 */
function cannotStartSsn(text: string, start: number, run: number, end: number): boolean {
  if (gluedBefore(text, start) || (start > 0 && text.charCodeAt(start - 1) === PLUS)) return true;
  if (start + run >= end) return run > 9;
  if (run !== 3) return run !== 9;
  const separator = text.charCodeAt(start + 3);
  if (separator !== HYPHEN && separator !== SPACE && separator !== DOT) return true;
  return separator === SPACE && start >= 2 && text.charCodeAt(start - 1) === SPACE && isDigit(text.charCodeAt(start - 2));
}

/**
 * End of the SSN-shaped number at the digit run at `start` (3-2-4 with one kind of separator,
 * or 9 bare digits), or -1. Reads at most 3 code units before `start` and 14 from it.
 */
function ssnEnd(text: string, start: number): number {
  if (gluedBefore(text, start) || (start > 0 && text.charCodeAt(start - 1) === PLUS)) return -1;
  const first = digitsAt(text, start, 10);
  if (first === 9) return gluedAfter(text, start + 9, NO_SEPARATOR) ? -1 : start + 9;
  if (first !== 3) return -1;
  const separator = text.charCodeAt(start + 3);
  if (separator !== HYPHEN && separator !== SPACE && separator !== DOT) return -1;
  if (digitsAt(text, start + 4, 3) !== 2 || text.charCodeAt(start + 6) !== separator || digitsAt(text, start + 7, 5) !== 4) return -1;
  const end = start + MAX_LENGTH;
  if (gluedAfter(text, end, NO_SEPARATOR)) return -1;
  if (separator === SPACE) {
    // Part of a longer spaced chain ('+1 555 12 3456 78'): not an SSN.
    if (start >= 2 && text.charCodeAt(start - 1) === SPACE && isDigit(text.charCodeAt(start - 2))) return -1;
    if (text.charCodeAt(end) === SPACE && isDigit(text.charCodeAt(end + 1))) return -1;
  }
  return end;
}

/** SSA issuance rules and the well-known invalid numbers, on the 9 digits at `start` (separators skipped). */
function validSsn(text: string, start: number): boolean {
  let value = 0;
  let same = true;
  const firstDigit = text.charCodeAt(start);
  for (let index = start, taken = 0; taken < 9; index++) {
    const code = text.charCodeAt(index);
    if (!isDigit(code)) continue;
    value = value * 10 + (code - 48);
    if (code !== firstDigit) same = false;
    taken++;
  }
  const area = Math.floor(value / 1e6);
  const group = Math.floor(value / 1e4) % 100;
  const serial = value % 1e4;
  if (area === 0 || area === 666 || area >= 900 || group === 0 || serial === 0 || same) return false;
  return value !== 78051120 && value !== 219099999 && value !== 123456789;
}

/** True when a context word starts at a word start within CONTEXT_WINDOW code units before `start` and ends before it. */
function hasContext(text: string, start: number): boolean {
  for (let index = Math.max(0, start - CONTEXT_WINDOW); index < start; index++) {
    if ((text.charCodeAt(index) | 0x20) !== LOWER_S) continue;
    if (index > 0 && ((text.charCodeAt(index - 1) | 0x20) - 97) >>> 0 <= 25) continue;
    CONTEXT.lastIndex = index;
    if (CONTEXT.test(text) && CONTEXT.lastIndex <= start) return true;
  }
  return false;
}

/** How `pending` reads this detector's undecided tail (see digitTailPending). */
const TAIL: DigitTail = { tailLimit: TAIL_LIMIT, maxLength: MAX_LENGTH, endAt: ssnEnd, cannotStart: cannotStartSsn };
