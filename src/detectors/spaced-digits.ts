import { isDigit, isHighSurrogate } from '../internal/digit-boundary.js';
import { createScan, HAS_DIGIT, type Positions, type Scan } from '../scanner/scan.js';
import type { Detector, Finding } from '../types.js';

/** Options of `spacedDigits`. */
export interface SpacedDigitsOptions {
  /**
   * Chains with fewer digits are not handed to the wrapped detector. Default: 7 (the shortest
   * phone number `phone()` reports; an SSN has 9 digits, a card 12 or more).
   */
  readonly minDigits?: number;
  /**
   * Treat mixed kinds of separators (`4111 1111-1111.1111`) as a trick and rewrite them to
   * spaces. Default: true. Pass false for a detector that reads mixed separators itself
   * (`phone()`: `555 123-4567` is a phone format, `111.444.777-35` a Brazilian CPF).
   */
  readonly mixedSeparators?: boolean;
}

/**
 * Longest chain looked at, in digits: a 19-digit card (ISO/IEC 7812) or a 15-digit E.164 number
 * with a few digits of country or trunk prefix. A longer chain of digit groups is a list, a
 * table row or an id, and none of its digits is reported.
 */
const MAX_DIGITS = 24;
/** Longest separator: a space, a '-' or '.', a space (`5 5 5 - 0 1 2 3`). */
const MAX_SEPARATOR = 3;
/** Longest chain in code units: MAX_DIGITS single digits and MAX_DIGITS − 1 separators. */
const MAX_SPAN = MAX_DIGITS + (MAX_DIGITS - 1) * MAX_SEPARATOR;
/**
 * Code units after a chain handed to the wrapped detector with it: enough for every boundary
 * rule of the numeric detectors (`gluedAfter` reads 2, a surrogate pair 3), so a chain is
 * decided once this many units follow it.
 */
const SUFFIX = 8;

/** Longest lead before a chain a finding may start on: `(+`, `+`, `(`. */
const MAX_LEAD = 3;

const SPACE = 32; // ' '
const HYPHEN = 45; // '-'
const DOT = 46; // '.'

/**
 * Finds the values of a digit-based detector (`creditCard()`, `usSsn()`, `phone()`, or one of
 * the caller's) written to slip past it: digits separated by single spaces
 * (`4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1`), separators padded with spaces (`5 5 5 - 0 1 2 3`,
 * `536 - 22 - 1234`), doubled spaces, or mixed kinds of separators (`4111 1111-1111.1111`).
 *
 * It validates nothing itself: each chain of digit groups (joined by a space, `-` or `.`, each
 * optionally with a space on either side, at most 24 digits) that uses one of those tricks is
 * rewritten the way the wrapped detector expects (single digits joined by single spaces closed
 * up, padded separators reduced to their `-` or `.`, mixed kinds unified to a space) and handed
 * to `detector` with the text around it; a finding that covers whole groups of the chain and one
 * rewritten separator is reported on the original text, with the wrapped detector's type and
 * score. So the precision of the wrapped detector carries over: Luhn and the IIN table for cards,
 * the SSA rules and context words for SSNs, libphonenumber and context for phones; lists
 * (`1 2 3 4 5`), scores (`3 - 1`), dates (`12 - 05 - 2024`) and versions are rejected there as
 * they are when written plainly. A chain the wrapped detector reads as it is (no trick) is left
 * to it. Anchored on the scanner's digit runs.
 *
 * @example
 * createRedactor({ detectors: [creditCard(), spacedDigits(creditCard())] }).redact('card 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 ok').text
 * // 'card [CREDIT_CARD] ok'
 */
export function spacedDigits(detector: Detector, options: SpacedDigitsOptions = {}): Detector {
  if (detector === null || typeof detector !== 'object' || typeof detector.find !== 'function') throw new TypeError('spacedDigits: pass a detector, e.g. spacedDigits(creditCard())');
  const minDigits = options.minDigits ?? 7;
  if (!(minDigits >= 1)) throw new RangeError('spacedDigits: options.minDigits must be a number of at least 1');
  const mixed = options.mixedSeparators !== false;
  const name = `spaced-${detector.name}`;
  return {
    name,
    type: detector.type,
    maxLength: MAX_SPAN,
    // The chain of a run at `from` may start MAX_SPAN before it; the wrapped detector reads its
    // own lookbehind before the chain's lead.
    lookbehind: MAX_SPAN + MAX_LEAD + detector.lookbehind + 1,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      if ((chainBits(scan, minDigits) & (mixed ? MAY_MIXED : MAY_PLAIN)) === 0) return;
      let covered = -1;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const run = digitRuns[k];
        if (run < covered) continue;
        // Fast path: a chain needs a separator then a digit right after a run; most runs of
        // chat text (times, prices, order numbers) are followed by a word or punctuation.
        const start = k === 0 || run < scan.from ? chainStart(text, run) : run;
        if (start < 0) {
          covered = chainEndFrom(text, run);
          continue;
        }
        if (separatorEnd(text, digitRuns[k + 1]) < 0 && start === run) continue;
        // Most chains of chat text (dates, prices, versions, times) are short or written
        // plainly: judged by one walk without allocating, and only the rest is rewritten.
        covered = screenChain(text, start, minDigits, mixed);
        if (covered < 0) {
          const chain = parseChain(text, start);
          covered = chain.end;
          evaluate(text, chain, detector, name, mixed, scan.from, out);
        }
      }
    },
    pending(text, from) {
      // Decided by `readTail` for every instance at once: the default set runs three on the
      // same stream check, and the result depends on `minDigits` and `mixed` only.
      if (text !== tailText || from !== tailFrom || minDigits !== tailMinDigits) readTail(text, from, minDigits);
      return mixed ? tailHoldMixed : tailHoldPlain;
    },
  };
}

/**
 * The last `pending` result, shared by every instance: the default set runs three (cards, SSNs,
 * phones) one after the other on the same stream check, each reading the same tail, and the
 * result depends on the text, `from`, `minDigits` and `mixed` only, never on the wrapped
 * detector. The three pendings were 4.7% of the CPU samples of a 4-char stream of
 * bench/fixtures.ts `cleanChat`; one read of the tail serves all three. Keyed on the text and
 * `from`, so sharing it is safe across instances and streams.
 */
let tailText = '';
let tailFrom = -1;
let tailMinDigits = 0;
/** `pending` of the instances that rewrite mixed separators, and of the others. */
let tailHoldMixed = 0;
let tailHoldPlain = 0;

/**
 * `pending` of `text` after `from` for both values of `mixed`, into `tailHoldMixed` and
 * `tailHoldPlain`. A chain is decided once SUFFIX code units follow its last digit (no
 * separator is that long, so it cannot grow, and the wrapped detector reads no further): hold
 * from the start of the earliest chain still within SUFFIX of the end. Most tails hold no digit
 * there (72% of the checks of that stream) and are decided after reading SUFFIX code units.
 */
function readTail(text: string, from: number, minDigits: number): void {
  const end = text.length;
  let hold = end;
  let index = end;
  if (end > from) {
    const last = text.charCodeAt(end - 1);
    // A trailing high surrogate is half a character, never a digit; a trailing '+' or '(' may
    // be the lead of a chain still to come.
    if (isHighSurrogate(last)) index--;
    else if (isLeadCode(last)) {
      hold--;
      while (hold > from && end - hold < MAX_LEAD && isLeadCode(text.charCodeAt(hold - 1))) hold--;
    }
  }
  let holdMixed = hold;
  let holdPlain = hold;
  const floor = Math.max(from, end - SUFFIX);
  while (index > floor) {
    if (!isDigit(text.charCodeAt(index - 1))) {
      index--;
      continue;
    }
    const start = chainStart(text, index - 1);
    if (start < 0) break; // an overlong chain: no finding in it, none before it undecided
    // A closed chain (what follows cannot extend it) that is too short or written plainly is
    // decided: nothing in it is handed to the wrapped detector ('I have 2 cats'). `screenChain`
    // is -1 for a candidate, else the chain's end (walked without allocating); a chain that is
    // no candidate with mixed kinds counted as a trick is none without, with the same end.
    const screened = screenChain(text, start, minDigits, true);
    const holdsMixed = screened < 0 || screened + MAX_SEPARATOR + 1 > end;
    let holdsPlain = holdsMixed;
    if (screened < 0) {
      const plain = screenChain(text, start, minDigits, false);
      holdsPlain = plain < 0 || plain + MAX_SEPARATOR + 1 > end;
    }
    if (holdsMixed || holdsPlain) {
      // A finding may start on the chain's lead ('+', '(+').
      let lead = start;
      while (lead > 0 && start - lead < MAX_LEAD && isLeadCode(text.charCodeAt(lead - 1))) lead--;
      const at = Math.max(from, lead);
      if (holdsMixed && at < holdMixed) holdMixed = at;
      if (holdsPlain && at < holdPlain) holdPlain = at;
    }
    index = start;
  }
  tailText = text;
  tailFrom = from;
  tailMinDigits = minDigits;
  tailHoldMixed = holdMixed;
  tailHoldPlain = holdPlain;
}

/** `chainBits`: a chain may be a candidate when mixed kinds count as a trick, and when they do not. */
const MAY_MIXED = 1;
const MAY_PLAIN = 2;

/**
 * The last `chainBits` answer, shared by every instance: the default set runs three on the same
 * scan, and the answer depends on the scan and `minDigits` only (both values of `mixed` are
 * kept). Keyed on the scan object and the fields read, so a scan built by hand and changed
 * between calls is read again. The three finds cost 64 ns per bench/fixtures.ts `cleanChat`
 * message with a walk each, 45 ns with one walk and two lookups (prebuilt scans, timed in turns).
 */
let bitsScan: Scan | undefined;
let bitsText = '';
let bitsFrom = -1;
let bitsRuns: Positions | undefined;
let bitsMinDigits = 0;
let bitsValue = 0;

/** MAY_MIXED and MAY_PLAIN of `scan` (see `mayHoldChain`), computed once per scan for every instance. */
function chainBits(scan: Scan, minDigits: number): number {
  if (scan !== bitsScan || scan.text !== bitsText || scan.from !== bitsFrom || scan.digitRuns !== bitsRuns || minDigits !== bitsMinDigits) {
    const { text, from, digitRuns } = scan;
    bitsValue = mayHoldChain(text, from, digitRuns, minDigits);
    bitsScan = scan;
    bitsText = text;
    bitsFrom = from;
    bitsRuns = digitRuns;
    bitsMinDigits = minDigits;
  }
  return bitsValue;
}

/**
 * False when no chain of the scan's digit runs can be handed to the wrapped detector, decided
 * from the run offsets alone (the text is read only around the first run of a scan from
 * `from` > 0, and at the gaps of a rare stretch of 3+ runs). Runs whose gap is at most
 * MAX_SEPARATOR units may be joined, wider gaps never are; a candidate (see `screenChain`)
 * needs `minDigits` digits in one such stretch and a trick: a gap of 2+ units, two single
 * digits one unit apart, or (with `mixed`) two kinds of one-unit separators.
 * Why: clean chat holds 3.9 digit runs per 108-character message (bench/fixtures.ts
 * `cleanChat`) and no chain with a trick; reading the separator after each run cost 130 ns per
 * message, this test about 20 ns (Node 20, esbuild bundle).
 */
function mayHoldChain(text: string, from: number, runs: Positions, minDigits: number): number {
  const count = runs.length;
  let end = runs[1];
  // From 0 every run is listed; from later, the first run's chain may reach back before `from`.
  if (from > 0 && runs[0] > 0 && (isDigit(text.charCodeAt(runs[0] - 1)) || separatorStart(text, runs[0]) >= 0)) return MAY_MIXED | MAY_PLAIN;
  let bits = 0;
  let stretch = 0;
  let digits = end - runs[0];
  let evasive = false;
  for (let k = 2; k < count; k += 2) {
    const start = runs[k];
    const gap = start - end;
    const length = runs[k + 1] - start;
    if (gap > MAX_SEPARATOR) {
      if (digits >= minDigits) {
        bits |= stretchBits(text, runs, stretch, k, evasive);
        if ((bits & MAY_PLAIN) !== 0) return bits;
      }
      stretch = k;
      digits = length;
      evasive = false;
    } else {
      if (gap > 1 || (length === 1 && end - runs[k - 2] === 1)) evasive = true;
      digits += length;
    }
    end = start + length;
  }
  return digits >= minDigits ? bits | stretchBits(text, runs, stretch, count, evasive) : bits;
}

/** For a stretch of runs `from`..`to` − 2 with enough digits: MAY_MIXED and MAY_PLAIN when it uses a trick, MAY_MIXED alone when its only trick is mixed kinds. */
function stretchBits(text: string, runs: Positions, from: number, to: number, evasive: boolean): number {
  if (evasive) return MAY_MIXED | MAY_PLAIN;
  if (to - from < 6) return 0;
  // No trick but maybe mixed kinds: every gap is one unit here.
  let kinds = 0;
  for (let k = from + 2; k < to; k += 2) {
    const code = text.charCodeAt(runs[k - 1]);
    if (code === SPACE || code === HYPHEN || code === DOT) kinds |= kindBit(code);
  }
  return (kinds & (kinds - 1)) !== 0 ? MAY_MIXED : 0;
}

/**
 * Walks the chain starting at the digit at `start` once, without allocating: its end when it is
 * no candidate (fewer than `minDigits` or more than MAX_DIGITS digits, or written plainly), or
 * -1 when it is one. Mirrors `rewriteKind` on the groups `parseChain` would list.
 */
function screenChain(text: string, start: number, minDigits: number, mixed: boolean): number {
  let digits = 0;
  let index = start;
  let previous = 0;
  let kinds = 0;
  let evasive = false;
  let pendingSpace = false;
  for (;;) {
    const groupStart = index;
    while (index < text.length && isDigit(text.charCodeAt(index))) index++;
    const length = index - groupStart;
    digits += length;
    if (digits > MAX_DIGITS) return chainEndFrom(text, index);
    if (groupStart > start) {
      const separatorLength = groupStart - previous;
      if (pendingSpace && length === 1) evasive = true;
      else {
        kinds |= kindBit(separatorKind(text, previous, groupStart));
        if (separatorLength > 1) evasive = true;
      }
    }
    const next = separatorEnd(text, index);
    if (next < 0) {
      if (digits < minDigits) return index;
      return evasive || (mixed && (kinds & (kinds - 1)) !== 0) ? -1 : index;
    }
    // A single space after a single digit closes up when a single digit follows it too.
    pendingSpace = length === 1 && next - index === 1 && text.charCodeAt(index) === SPACE;
    previous = index;
    index = next;
  }
}

/** A chain of digit groups: flat [start, end) pairs of its groups, its digits, its end. */
interface Chain {
  readonly groups: number[];
  readonly digits: number;
  readonly end: number;
}

/**
 * End of the separator after a digit group ending at `at` when a digit follows it, else -1: an
 * optional space, an optional '-' or '.', an optional space, at least one of them. Greedy is
 * exact: a shorter reading ends on a space, '-' or '.', never on a digit.
 */
function separatorEnd(text: string, at: number): number {
  // Every read is bounds-checked: a chain often ends the text of a stream check, and one
  // `charCodeAt` past the end deoptimised the callers and made them slow for good (pending per
  // 32-char stream check swung between 55 and 430 ns from one run to the next, Node 20).
  const length = text.length;
  let index = at;
  if (index < length && text.charCodeAt(index) === SPACE) index++;
  if (index < length) {
    const code = text.charCodeAt(index);
    if (code === HYPHEN || code === DOT) index++;
  }
  if (index < length && text.charCodeAt(index) === SPACE) index++;
  return index > at && index < length && isDigit(text.charCodeAt(index)) ? index : -1;
}

/** Start of the separator before the digit at `at` when a digit precedes it, else -1 (mirror of `separatorEnd`). */
function separatorStart(text: string, at: number): number {
  let index = at;
  if (index > 0 && text.charCodeAt(index - 1) === SPACE) index--;
  const code = index > 0 ? text.charCodeAt(index - 1) : 0;
  if (code === HYPHEN || code === DOT) index--;
  if (index > 0 && text.charCodeAt(index - 1) === SPACE) index--;
  return index < at && index > 0 && isDigit(text.charCodeAt(index - 1)) ? index : -1;
}

/**
 * First digit of the chain holding the digit at `at`, or -1 when the chain reaches further
 * back than MAX_SPAN (overlong, so nothing in it is reported). Reads at most MAX_SPAN + 4 units back.
 */
function chainStart(text: string, at: number): number {
  const floor = at - MAX_SPAN;
  let index = at;
  for (;;) {
    while (index > 0 && isDigit(text.charCodeAt(index - 1))) {
      index--;
      if (index < floor) return -1;
    }
    const separator = separatorStart(text, index);
    if (separator < 0) return index;
    index = separator - 1;
    if (index < floor) return -1;
  }
}

/** End of the chain holding the digit run at `at`, walking forward without limit (each unit once per scan). */
function chainEndFrom(text: string, at: number): number {
  let index = at;
  for (;;) {
    while (index < text.length && isDigit(text.charCodeAt(index))) index++;
    const next = separatorEnd(text, index);
    if (next < 0) return index;
    index = next;
  }
}

/** The chain starting at the digit at `start`; past MAX_DIGITS only its end is tracked. */
function parseChain(text: string, start: number): Chain {
  const groups: number[] = [];
  let digits = 0;
  let index = start;
  for (;;) {
    const groupStart = index;
    while (index < text.length && isDigit(text.charCodeAt(index))) index++;
    digits += index - groupStart;
    if (digits > MAX_DIGITS) return { groups, digits, end: chainEndFrom(text, index) };
    groups.push(groupStart, index);
    const next = separatorEnd(text, index);
    if (next < 0) return { groups, digits, end: index };
    index = next;
  }
}

/** What a separator's kind is: its '-' or '.', or a space. */
function separatorKind(text: string, from: number, to: number): number {
  for (let index = from; index < to; index++) {
    const code = text.charCodeAt(index);
    if (code !== SPACE) return code;
  }
  return SPACE;
}

/**
 * Rewrites the chain as the wrapped detector expects, runs it on the rewrite with the text
 * around the chain, and reports its findings that cover whole groups and a rewritten separator.
 */
function evaluate(text: string, chain: Chain, detector: Detector, name: string, mixed: boolean, from: number, out: Finding[]): void {
  const { groups } = chain;
  const count = groups.length >> 1;
  // Written plainly: the wrapped detector's own job. Separators that stay (not closed up) keep
  // their one kind; mixed kinds become a space.
  const unified = count < 2 ? 0 : rewriteKind(text, groups, mixed);
  if (unified === 0) return;
  const prefixStart = Math.max(0, groups[0] - detector.lookbehind - MAX_LEAD);
  const suffixEnd = Math.min(text.length, chain.end + SUFFIX);
  // The rewrite, and for each of its units the original index it comes from (-1: a separator).
  let view = text.slice(prefixStart, groups[0]);
  const origin: number[] = [];
  /** Original index of the first unit of a rewritten separator, per rewritten-separator unit. */
  const changed: number[] = [];
  for (let g = 0; g < count; g++) {
    if (g > 0) {
      const sepStart = groups[2 * g - 1];
      const sepEnd = groups[2 * g];
      if (!closesUp(text, groups, g)) {
        view += String.fromCharCode(unified);
        origin.push(-1);
        if (sepEnd - sepStart > 1 || text.charCodeAt(sepStart) !== unified) changed.push(sepStart);
      } else changed.push(sepStart);
    }
    for (let index = groups[2 * g]; index < groups[2 * g + 1]; index++) {
      view += text[index];
      origin.push(index);
    }
  }
  const head = groups[0] - prefixStart;
  view += text.slice(chain.end, suffixEnd);
  const found: Finding[] = [];
  detector.find(createScan(view, Math.max(0, head - MAX_LEAD)), found);
  for (const finding of found) {
    const first = finding.start - head;
    const last = finding.end - 1 - head;
    if (last >= origin.length || last < 0 || origin[last] < 0) continue;
    // A finding may start on a lead the wrapped detector counts in (`+`, `(+`), never on digits
    // before the chain.
    if (first < 0 && (first < -MAX_LEAD || !isLead(view, finding.start, head))) continue;
    if (first >= 0 && origin[first] < 0) continue;
    // Whole groups only: a finding that starts or ends inside a group is a slice of the chain.
    if (first > 0 && origin[first - 1] >= 0) continue;
    if (last + 1 < origin.length && origin[last + 1] >= 0) continue;
    const start = first < 0 ? prefixStart + finding.start : origin[first];
    const end = origin[last] + 1;
    if (start < from) continue;
    let rewritten = false;
    for (const at of changed) if (at > start && at < end) rewritten = true;
    if (!rewritten) continue; // the wrapped detector finds it as written
    out.push({ ...finding, start, end, detector: name });
  }
}

/** True when the separator before group `g` is one space between two single digits: closed up. */
function closesUp(text: string, groups: readonly number[], g: number): boolean {
  const separator = groups[2 * g - 1];
  return groups[2 * g] - separator === 1 && text.charCodeAt(separator) === SPACE && separator - groups[2 * g - 2] === 1 && groups[2 * g + 1] - groups[2 * g] === 1;
}

/**
 * When the chain uses a trick the wrapped detector does not read through (single digits spaced
 * apart, a padded or doubled separator, mixed kinds), the separator the rewrite puts between the
 * groups that stay apart: their one kind, or a space when mixed. 0 for a chain written plainly.
 */
function rewriteKind(text: string, groups: readonly number[], mixed: boolean): number {
  const count = groups.length >> 1;
  let kinds = 0;
  let evasive = false;
  for (let g = 1; g < count; g++) {
    const sepStart = groups[2 * g - 1];
    const sepEnd = groups[2 * g];
    if (closesUp(text, groups, g)) {
      evasive = true;
      continue;
    }
    kinds |= kindBit(separatorKind(text, sepStart, sepEnd));
    if (sepEnd - sepStart > 1) evasive = true;
  }
  if (!evasive && (!mixed || (kinds & (kinds - 1)) === 0)) return 0;
  return kinds === 2 ? HYPHEN : kinds === 4 ? DOT : SPACE;
}

const kindBit = (kind: number): number => (kind === SPACE ? 1 : kind === HYPHEN ? 2 : 4);

/** True when `[from, to)` is all lead characters: '+' and '(' (E.164 prefix, an open area code). */
function isLead(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (!isLeadCode(text.charCodeAt(index))) return false;
  return true;
}

const isLeadCode = (code: number): boolean => code === 43 || code === 40; // '+', '('
