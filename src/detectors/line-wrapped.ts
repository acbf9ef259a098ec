import { createScan, HAS_DIGIT, HAS_NEWLINE } from '../scanner/scan.js';
import { cutOutside } from '../internal/uncross.js';
import type { Detector, Finding } from '../types.js';

/**
 * Code units after a wrapped value's longest span that the wrapped detector is shown: enough for
 * every boundary rule of the built-in detectors (a card reads at most 11 units past its end, an
 * IBAN 3).
 */
const AFTER = 16;
/** How far back the separator a value uses is looked for on the line before the break. */
const SEPARATOR_LOOKBACK = 12;

const LF = 10; // '\n'
const CR = 13; // '\r'
const SPACE = 32; // ' '
const HYPHEN = 45; // '-'

/**
 * Finds the values of a grouped, checksummed detector (`creditCard()`, `iban()`) that a log or a
 * terminal wrapped onto the next line: `4111 1111\n1111 1111`, `DE89 3704 0044\n0532 0130 00`.
 *
 * The rule: one line break (`\n` or `\r\n`, no spaces around it) between a letter or digit and a
 * letter or digit, one of them a digit, counts as one group separator of the value: the
 * separator the value uses before the break on that line (a space or a `-`, a space when there is
 * none). The text around the break is handed to `detector` with the break so replaced, and a
 * finding that spans the break is reported on the original text (the break inside it). So the
 * groups on both sides must keep the value's grouping and the whole must pass the wrapped
 * detector's checks (Luhn and the IIN table, mod-97 and the registry length); a value broken in
 * the middle of a group, or over more than one break, is not found. Meant for checksummed
 * types: a phone number or an SSN across a line break is too often two numbers of two log lines.
 * Anchored on the scanner's digit runs.
 *
 * @example
 * createRedactor({ detectors: [creditCard(), lineWrapped(creditCard())] }).redact('pan=4111 1111\n1111 1111 ok').text
 * // 'pan=[CREDIT_CARD] ok'
 */
export function lineWrapped(detector: Detector): Detector {
  if (detector === null || typeof detector !== 'object' || typeof detector.find !== 'function') throw new TypeError('lineWrapped: pass a detector, e.g. lineWrapped(creditCard())');
  const name = `wrapped-${detector.name}`;
  /** A finding across a break starts at most this far before it. */
  const reach = detector.maxLength;
  const before = reach + detector.lookbehind;
  const after = reach + AFTER;

  /** Findings of `detector` across the break at `at` (`length` units), in the text up to `limit`. */
  const across = (text: string, at: number, length: number, limit: number, from: number, out: Finding[]): void => {
    const windowStart = Math.max(0, at - before);
    const view = text.slice(windowStart, at) + String.fromCharCode(separatorBefore(text, at)) + text.slice(at + length, limit);
    const local = at - windowStart;
    const found: Finding[] = [];
    detector.find(createScan(view, Math.max(0, local - reach, from - windowStart)), found);
    for (const finding of found) {
      if (finding.start >= local || finding.end <= local + 1 || windowStart + finding.start < from) continue;
      out.push({ ...finding, start: windowStart + finding.start, end: windowStart + finding.end + length - 1, detector: name });
    }
  };

  return {
    name,
    type: detector.type,
    maxLength: reach + 1,
    lookbehind: before + 2,
    find(scan, out) {
      // Every break read below holds a '\n' after `from` (the scanner's HAS_NEWLINE): most texts
      // have none. Searching for one here instead cost 40 ns per instance and bench
      // fixtures.ts `cleanChat` message when the code units around each digit run were read.
      if ((scan.flags & (HAS_DIGIT | HAS_NEWLINE)) !== (HAS_DIGIT | HAS_NEWLINE)) return;
      const { text, digitRuns } = scan;
      let done = -1;
      for (let k = 0; k < digitRuns.length; k += 2) {
        // A break that ends at the run's start, then one that starts at its end.
        const start = digitRuns[k];
        if (start > 0 && text.charCodeAt(start - 1) === LF) {
          const at = start >= 2 && text.charCodeAt(start - 2) === CR ? start - 2 : start - 1;
          if (at > done && at > scan.from && at > 0 && isAlphanumeric(text.charCodeAt(at - 1))) across(text, at, start - at, Math.min(text.length, start + after), scan.from, out);
          done = Math.max(done, at);
        }
        const end = digitRuns[k + 1];
        const length = breakLength(text, end);
        if (length > 0 && end > done && end > scan.from && isAlphanumeric(text.charCodeAt(end + length))) {
          across(text, end, length, Math.min(text.length, end + length + after), scan.from, out);
          done = end;
        }
      }
    },
    pending(text, from) {
      const end = text.length;
      let hold = end;
      // A break still to come: the wrapped detector's own hold on the tail, since the break
      // becomes a separator and that is some text appended.
      if (end > from) {
        const windowStart = Math.max(0, end - before);
        const held = windowStart + detector.pending(text.slice(windowStart), Math.max(0, from - windowStart));
        if (held < end) hold = Math.max(from, held);
      }
      // Breaks whose window is not complete yet: the first found natively, once per check for
      // every instance (`breakAfter`), since most tails hold none.
      let at = breakAfter(text, from);
      /** Breaks before this were skipped: their windows are complete, their findings decided. */
      let skipped = from + 1;
      if (at < end) {
        const floor = Math.max(from + 1, end - after - 2);
        if (at < floor) {
          at = firstBreak(text, floor);
          skipped = floor;
        }
      }
      let breaks: number[] | undefined;
      for (; at < end; at++) {
        const code = text.charCodeAt(at);
        if (code === CR && at === end - 1) {
          // '\r' or the start of '\r\n': hold from where a finding across it could start.
          if (isAlphanumeric(text.charCodeAt(at - 1))) hold = Math.min(hold, Math.max(from, at - reach));
          continue;
        }
        if (code !== LF && code !== CR) continue;
        const length = breakLength(text, at);
        if (length === 0 || !isAlphanumeric(text.charCodeAt(at - 1))) continue;
        if (at + length < end && !isAlphanumeric(text.charCodeAt(at + length))) continue;
        (breaks ??= []).push(at, length);
        const windowStart = Math.max(0, at - before);
        const view = text.slice(windowStart, at) + String.fromCharCode(separatorBefore(text, at)) + text.slice(at + length);
        const held = detector.pending(view, Math.max(0, from - windowStart));
        if (held <= at - windowStart) hold = Math.min(hold, Math.max(from, windowStart + held));
        if (length === 2) at++;
      }
      // No decided finding across a break may cross the hold: across the breaks read above, or
      // across a skipped one up to `reach` before the hold ('4111\n1111 1111 1111\n' and a long
      // digit run after it: the card's own hold on the last break's view fell inside it).
      if (hold < end) {
        const found: Finding[] = [];
        const low = Math.max(from + 1, hold - reach - 1);
        for (let k = low < skipped ? firstBreak(text, low) : end; k < skipped; k = firstBreak(text, k + 1)) {
          const length = breakLength(text, k);
          if (length > 0 && isAlphanumeric(text.charCodeAt(k - 1)) && isAlphanumeric(text.charCodeAt(k + length))) across(text, k, length, end, from, found);
        }
        if (breaks !== undefined) for (let k = 0; k < breaks.length; k += 2) across(text, breaks[k], breaks[k + 1], end, from, found);
        if (found.length > 0) hold = cutOutside(found, hold);
      }
      return hold;
    },
  };
}

/**
 * The last `breakAfter` search, shared by every instance: the default set runs two (cards,
 * IBANs) on the same stream check, and most of its tails hold no line break.
 */
let breakText = '';
let breakFrom = -1;
let breakIndex = 0;

/** Index of the first line break after `from` (from `from` + 1), or `text.length`. */
function breakAfter(text: string, from: number): number {
  if (text !== breakText || from !== breakFrom) {
    breakIndex = firstBreak(text, from + 1);
    breakText = text;
    breakFrom = from;
  }
  return breakIndex;
}

/** Index of the first '\n' or '\r' at or after `from`, or `text.length`. */
function firstBreak(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (lf < 0) return cr < 0 ? text.length : cr;
  return cr < 0 || lf < cr ? lf : cr;
}

/** Length of the line break at `at` (`\n` 1, `\r\n` 2), or 0. */
function breakLength(text: string, at: number): number {
  // Bounds-checked: a digit run often ends the text of a stream check, and a `charCodeAt` past
  // the end deoptimised this function for good.
  if (at >= text.length) return 0;
  const code = text.charCodeAt(at);
  if (code === LF) return 1;
  return code === CR && at + 1 < text.length && text.charCodeAt(at + 1) === LF ? 2 : 0;
}

/** The group separator the value uses on the line before the break at `at`: its last space or '-', a space when none. */
function separatorBefore(text: string, at: number): number {
  for (let index = at - 1; index >= 0 && index >= at - SEPARATOR_LOOKBACK; index--) {
    const code = text.charCodeAt(index);
    if (code === SPACE || code === HYPHEN) return code;
    if (!isAlphanumeric(code)) break;
  }
  return SPACE;
}

const isAlphanumeric = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 25;
