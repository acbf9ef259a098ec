import { ASCII_CLASS, DIGIT, MARK } from './char-class.js';

/** Longest stretch of digits the scanner walks back over when a scan starts inside a run. */
const MAX_RUN_LOOKBACK = 64;
const AT = 64; // '@'
const FULLWIDTH_AT = 0xff20; // '＠'

/** What is present in the scanned range, so detectors can return at once when their trigger is absent. */
export const HAS_DIGIT = 1;
export const HAS_AT = 2;
export const HAS_COLON = 4;
export const HAS_NON_ASCII = 8;

/**
 * The result of one pass over `text` from `from`: the few places worth a closer look.
 * Every detector reads these instead of walking the text with its own regex, so clean text
 * costs about one pass whatever the number of detectors.
 */
export interface Scan {
  readonly text: string;
  /** Findings are wanted from here on; text before is context only. */
  readonly from: number;
  /** HAS_* bits for what occurs at or after `from`. */
  readonly flags: number;
  /**
   * Maximal runs of ASCII digits as flat `[start, end)` pairs, ascending. The first run may start
   * before `from` (at most 64 code units before) when `from` falls inside it.
   */
  readonly digitRuns: readonly number[];
  /** Positions of '@' (and full-width '＠') at or after `from`. */
  readonly ats: readonly number[];
  /** Positions of ':' at or after `from`. */
  readonly colons: readonly number[];
}

/**
 * Scans `text` from `from` in one pass over its code units.
 *
 * @example
 * const scan = createScan('call 555-0100 or a@b.io', 0)
 * scan.digitRuns // [5, 8, 9, 13]
 * scan.ats       // [19]
 */
export function createScan(text: string, from = 0): Scan {
  const length = text.length;
  const digitRuns: number[] = [];
  const ats: number[] = [];
  const colons: number[] = [];
  let flags = 0;
  let runStart = -1;
  let index = from;
  if (from > 0 && from < length && isAsciiDigit(text.charCodeAt(from - 1)) && isAsciiDigit(text.charCodeAt(from))) {
    // Started inside a digit run: find where it began, but never walk back further than any
    // detector could care about (no numeric value has more than 34 contiguous digits).
    runStart = from - 1;
    const limit = Math.max(0, from - MAX_RUN_LOOKBACK);
    while (runStart > limit && isAsciiDigit(text.charCodeAt(runStart - 1))) runStart--;
  }
  for (; index < length; index++) {
    const code = text.charCodeAt(index);
    if (code < 128) {
      const cls = ASCII_CLASS[code];
      if (cls & DIGIT) {
        if (runStart < 0) runStart = index;
        continue;
      }
      if (cls & MARK) {
        if (code === AT) {
          ats.push(index);
          flags |= HAS_AT;
        } else {
          colons.push(index);
          flags |= HAS_COLON;
        }
      }
    } else {
      flags |= HAS_NON_ASCII;
      if (code === FULLWIDTH_AT) {
        ats.push(index);
        flags |= HAS_AT;
      }
    }
    if (runStart >= 0) {
      digitRuns.push(runStart, index);
      runStart = -1;
    }
  }
  if (runStart >= 0) digitRuns.push(runStart, length);
  if (digitRuns.length > 0) flags |= HAS_DIGIT;
  return { text, from, flags, digitRuns, ats, colons };
}

const isAsciiDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
