import { isWordCodeAt } from '../scanner/char-class.js';
import { MAX_GAP, codeAt, gapEnd, isDigit, isGapCode } from './phone-gap.js';

/**
 * The chain builder of the PHONE detector (internal to phone.ts): a chain is the scanner's digit
 * runs joined by phone separators, with its prefix ('+', '(') and what touches it before and after
 * (`$5`, `#123`, `10:30`, `10am`, letters). Built forwards by `find`, or backwards from a run
 * (`chainBackFrom`) when a stream's scan starts inside a chain; `chainStartBack` gives `pending`
 * the start without building anything. Separate because both `find` and `pending` walk chains,
 * and must agree on where one starts.
 */

/** Longest chain of digit groups and separators looked at; longer chains are lists, tables, ids. */
export const MAX_CHAIN = 48;

const PLUS = 43; // '+'
const OPEN = 40; // '('
const HYPHEN = 45; // '-'
const DOT = 46; // '.'
const SLASH = 47; // '/'
const COLON = 58; // ':'
const COMMA = 44; // ','
const UNDERSCORE = 95; // '_'
const STAR = 42; // '*'

/** One chain: optional prefix ('+', '(', '(+') then digit runs joined by gaps. */
export interface Chain {
  /** Start of the chain including its prefix. */
  start: number;
  plus: boolean;
  open: boolean;
  /** What is before the chain rules out a number starting at its start (`#123`, `$5`, `10:30`). */
  tainted: boolean;
  /** A letter touches the chain (`BE71 0961 …`, `v1.2.3`, `ID 12-34`): an identifier, no number in it. */
  inWord: boolean;
  /** Flat [start, end) pairs. */
  runs: number[];
  overlong: boolean;
}

/** A chain whose first run starts at `runStart`. */
export function newChain(text: string, runStart: number): Chain {
  const start = prefixStart(text, runStart);
  // The prefix is '+', '(', '(+' or '+(' (see `prefixStart`).
  let plus = false;
  let open = false;
  for (let index = start; index < runStart; index++) {
    if (text.charCodeAt(index) === PLUS) plus = true;
    else open = true;
  }
  const taint = taintedBefore(text, start);
  return { start, plus, open, tainted: taint !== 0, inWord: taint === WORD_TAINT, runs: [], overlong: false };
}

/** Start of the chain whose first run starts at `runStart`: with its prefix '+', '(', '(+' or '+(' when it has one. */
function prefixStart(text: string, runStart: number): number {
  const before = codeAt(text, runStart - 1);
  if (before === PLUS) return codeAt(text, runStart - 2) === OPEN ? runStart - 2 : runStart - 1;
  if (before === OPEN) return codeAt(text, runStart - 2) === PLUS ? runStart - 2 : runStart - 1;
  return runStart;
}

/**
 * The chain holding the run that starts at `runStart`, walking back over joined runs (at most
 * MAX_CHAIN code units): undefined when the chain is longer or tainted from behind. Its runs
 * before `runStart` are already added.
 */
export function chainBackFrom(text: string, runStart: number): Chain | undefined {
  const starts: number[] = [];
  const first = firstRunBack(text, runStart, starts);
  if (first < 0) return undefined;
  const chain = newChain(text, first);
  for (let index = starts.length - 2; index >= 0; index -= 2) addRun(chain, starts[index], starts[index + 1]);
  return chain;
}

/**
 * `chainBackFrom(text, runStart)?.start` without building the chain (no array, no object), or
 * -1: all `pending` needs. Clean chat ends near a number in about a quarter of 32-char stream
 * checks (prices, times, dates), and building the chain there was most of phone's pending.
 */
export function chainStartBack(text: string, runStart: number): number {
  const first = firstRunBack(text, runStart, undefined);
  return first < 0 ? -1 : prefixStart(text, first);
}

/**
 * Start of the first run of the chain holding the run at `runStart` (walking back over joined
 * runs, at most MAX_CHAIN code units), or -1 when the chain is longer. The runs walked over are
 * listed in `starts` (flat [start, end) pairs, last first) when given.
 */
function firstRunBack(text: string, runStart: number, starts: number[] | undefined): number {
  if (runStart > 0 && isDigit(text.charCodeAt(runStart - 1))) return -1; // a run longer than the scanner's look-back
  let first = runStart;
  for (;;) {
    let gapStart = first;
    while (gapStart > 0 && first - gapStart < 5 && isGapCode(text.charCodeAt(gapStart - 1))) gapStart--;
    if (gapStart === first || gapStart === 0 || !isDigit(text.charCodeAt(gapStart - 1))) break;
    if (gapEnd(text, gapStart, text.length) !== first) break;
    let previous = gapStart - 1;
    while (previous > 0 && isDigit(text.charCodeAt(previous - 1))) {
      previous--;
      if (runStart - previous > MAX_CHAIN) return -1;
    }
    if (runStart - previous > MAX_CHAIN) return -1;
    if (starts !== undefined) starts.push(previous, gapStart);
    first = previous;
  }
  return first;
}

/**
 * False when `chainBackFrom(text, runStart)` is sure to walk back over nothing: no digit right
 * before the run, and no digit before the gap characters (at most MAX_GAP) before it.
 */
export function joinsBefore(text: string, runStart: number): boolean {
  if (runStart === 0) return false;
  if (isDigit(text.charCodeAt(runStart - 1))) return true;
  let gapStart = runStart;
  while (gapStart > 0 && runStart - gapStart < MAX_GAP && isGapCode(text.charCodeAt(gapStart - 1))) gapStart--;
  return gapStart !== runStart && gapStart > 0 && isDigit(text.charCodeAt(gapStart - 1));
}

export function addRun(chain: Chain, start: number, end: number): void {
  if (chain.overlong) return;
  if (end - chain.start > MAX_CHAIN) {
    chain.overlong = true;
    return;
  }
  chain.runs.push(start, end);
}

const EDGE_TAINT = 1;
const WORD_TAINT = 2;

/**
 * What is just before a chain says it is part of something else: WORD_TAINT for a word or id
 * (`v1.2`, `BE71 0961`, `_12`, `#123`), EDGE_TAINT when only the first group is (`$5 …`, `10:30 …`), else 0.
 */
function taintedBefore(text: string, start: number): number {
  if (start === 0) return 0;
  const code = text.charCodeAt(start - 1);
  // '_' and '*' join an identifier ('user_4155552671'), but after a space or at the start they are
  // Markdown emphasis, which LLM replies put around numbers ('**415-555-2671**', '_…_').
  if (code === UNDERSCORE || code === STAR) return start > 1 && isLetterTouching(text, start - 2) ? WORD_TAINT : 0;
  if (code === 35 || code === 64 || code === 38 || code === 92 || code === 126 || code === 94 || code === PLUS) return WORD_TAINT; // # @ & \ ~ ^ +
  if (code === 36 || code === 37 || code === 0xa3 || code === 0x20ac || code === 0xa5 || code === 0x20b9) return EDGE_TAINT; // $ % £ € ¥ ₹
  if (isLetterTouching(text, start - 1)) return WORD_TAINT;
  if (code === DOT || code === HYPHEN || code === SLASH) return start > 1 && isLetterTouching(text, start - 2) ? WORD_TAINT : 0; // v.2, ref-123, orders/123
  if (code === COLON) return start > 1 && (isDigit(text.charCodeAt(start - 2)) || text.charCodeAt(start - 2) === COLON) ? EDGE_TAINT : 0; // 10:30, an IPv6 '::1'
  if (code === COMMA) {
    // 1,299 — a thousands separator follows a group of at most three digits.
    let digits = 0;
    while (digits < 4 && start - 2 - digits >= 0 && isDigit(text.charCodeAt(start - 2 - digits))) digits++;
    return digits > 0 && digits <= 3 ? EDGE_TAINT : 0;
  }
  return 0;
}

/**
 * A letter or digit that glues to a number. Scripts written without spaces between words
 * (CJK, from U+2E80) do not: '我的电话号码是415-666-7777' holds a phone number.
 */
function isLetterTouching(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 0x2e80 ? isWordCodeAt(text, index) : false;
}

/** What is just after a chain says it is part of something else (`10am`, `4567-A`, `10:30`, `99%`). */
export function taintedAfter(text: string, end: number, lastRunLength: number): boolean {
  if (end >= text.length) return false;
  const code = text.charCodeAt(end);
  // Markdown emphasis closes the number ('**415-555-2671**'); a word after '_' makes it an identifier.
  if (code === UNDERSCORE || code === STAR) return end + 1 < text.length && isLetterTouching(text, end + 1);
  if (code === 37 || code === 64 || code === 36 || code === 0xb0 || code === 0x20ac || code === 0x2030) return true; // % @ $ ° € ‰
  if (isLetterTouching(text, end)) return true;
  const next = end + 1 < text.length ? text.charCodeAt(end + 1) : 0;
  if ((code === HYPHEN || code === SLASH) && end + 1 < text.length && isLetterTouching(text, end + 1)) return true;
  if (code === COLON) return isDigit(next);
  if (code === COMMA) return isDigit(next) && lastRunLength <= 3; // 1.299,00
  return false;
}
