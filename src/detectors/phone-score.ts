import { parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import type { Finding } from '../types.js';
import { type Chain, taintedAfter } from './phone-chain.js';
import { hasPhoneContext } from './phone-context.js';
import { GAP_DASH, GAP_DOT, GAP_SLASH, GAP_SPACE, codeAt, gapKinds, isDigit } from './phone-gap.js';
import { cardShaped, ibanTail, nanpShaped, otherShape, parenthesesBalanced, typicalGroups } from './phone-shape.js';
import { extensionEnd } from './phone-tail.js';

/**
 * The scoring of the PHONE detector (internal to phone.ts): splits a chain into candidate numbers
 * (`evaluateChain`) and weighs each (`scorePiece`) by its shape, its context and libphonenumber-js
 * validation with the `max` metadata (why `max`: the head of phone.ts). Separate because it is the
 * only part that parses: everything else works on offsets, and a chain reaches here only after
 * the cheap screens (phone-shape.ts, the chain's taints) let it through.
 */

// E.164 §6.1: at most 15 digits after '+'. Written with the '00' exit code: 17.
const MAX_E164 = 15;
export const MIN_DIGITS = 7;
/** Groups in one number: '+33 (0)6 12 34 56 78' has 7. */
const MAX_GROUPS = 7;
/** libphonenumber calls per chain (libphonenumber's own matcher bounds its work with `maxTries`). */
const MAX_TRIES = 24;
/**
 * Lowest score of a number libphonenumber validated (after a context word): a longer reading
 * below it was only of possible length or shape, and a shorter one that validates beats it.
 */
const VALIDATED = 0.85;

const OPEN = 40; // '('
const CLOSE = 41; // ')'
const ZERO = 48; // '0'
const ONE = 49; // '1'

/** One region of `options.regions`, prepared once by phone.ts `regionPlans`. */
export interface RegionPlan {
  readonly region: CountryCode;
  /** The national format starts with the trunk prefix '0' and nobody writes it without (ITU-T E.164 Annex). */
  readonly trunkRequired: boolean;
  readonly trunk: string | undefined;
  /**
   * The plan's national number pattern (all number types together): a regex test costs a small
   * fraction of a parse (7 µs), so regions whose plan cannot hold the digits are skipped at once.
   */
  readonly pattern: RegExp;
  /** Possible lengths of a national significant number in this plan. */
  readonly lengths: readonly number[];
  /** Canada when the US is also listed: libphonenumber resolves NANP numbers by area code from either. */
  readonly redundant: boolean;
}

/** libphonenumber calls spent on one chain, bounded by MAX_TRIES. */
export interface Budget {
  tries: number;
}

/**
 * Splits a chain into numbers: the whole chain first, else pieces that start and end at a gap
 * with a space ('555-123-4567 555-987-6543'), longest first, left to right.
 */
export function evaluateChain(
  text: string,
  chain: Chain,
  evaluate: (text: string, chain: Chain, first: number, last: number, budget: Budget) => number,
  from: number,
  out: Finding[],
): void {
  const runs = chain.runs;
  const count = runs.length >> 1;
  if (count === 0 || chain.inWord || cardShaped(runs) || ibanTail(text, chain)) return;
  const lastEnd = runs[runs.length - 1];
  const extension = extensionEnd(text, lastEnd);
  if (chain.open && (count === 1 || codeAt(text, runs[1]) !== CLOSE)) {
    // '(+41 22 730 5989)', '(415-555-2671)', '(4155552671)': the bracket wraps the number, it is
    // no area-code bracket.
    chain.open = false;
    chain.start++;
  }
  const endTainted = extension < 0 && taintedAfter(text, lastEnd, lastEnd - runs[runs.length - 2]);
  const budget: Budget = { tries: 0 };
  let first = 0;
  while (first < count && budget.tries < MAX_TRIES) {
    const before = first === 0 ? 0 : boundaryKind(text, runs, first - 1);
    if ((first === 0 && chain.tainted) || before === INSIDE) {
      first++;
      continue;
    }
    let found = -1;
    let score = 0;
    for (let last = Math.min(count - 1, first + MAX_GROUPS - 1); last >= first; last--) {
      if (!pieceFits(text, runs, first, last, before, endTainted)) continue;
      score = evaluate(text, chain, first, last, budget);
      if (score > 0) {
        found = last;
        break;
      }
    }
    // A number read with the group after it only on weak grounds (a possible length or shape,
    // no validation) gives way to a shorter piece that scores higher: '415-555-2671 12 Main St' is
    // a number then a house number, not one 12-digit number, and read as one it lost its overlap
    // with the address and was left in clear. A validated reading stays ('mobile 07700 900 123'
    // is the British mobile, not the German '07700 900').
    for (let last = found - 1; found > first && score < VALIDATED && last >= first && budget.tries < MAX_TRIES; last--) {
      if (!pieceFits(text, runs, first, last, before, endTainted)) continue;
      const shorter = evaluate(text, chain, first, last, budget);
      if (shorter > score) {
        found = last;
        score = shorter;
      }
    }
    if (found < 0) {
      // A '+' or '00' number that does not validate: its tail is no national number.
      if (first === 0 && (chain.plus || startsWithExitCode(text, runs[0]))) return;
      first++;
      continue;
    }
    const start = first === 0 ? chain.start : text.charCodeAt(runs[2 * first] - 1) === OPEN ? runs[2 * first] - 1 : runs[2 * first];
    const end = found === count - 1 && extension > 0 ? extension : runs[2 * found + 1];
    if (start >= from) out.push({ type: 'PHONE', start, end, score, detector: 'phone' });
    first = found + 1;
  }
}

/** What the gap after run `k` is as the edge of a piece: a space, a lone slash between listed numbers, or no edge. */
const SPACE_EDGE = 1;
const LIST_SLASH = 2;
const INSIDE = 3;

function boundaryKind(text: string, runs: readonly number[], k: number): number {
  const kinds = gapKinds(text, runs[2 * k + 1], runs[2 * k + 2]);
  if ((kinds & GAP_SPACE) !== 0) return SPACE_EDGE;
  return kinds === GAP_SLASH ? LIST_SLASH : INSIDE;
}

/**
 * Whether runs `first`..`last` of a chain may be read as one number, whatever their digits: the
 * piece ends at a space, a listing slash or the chain's end (not a tainted one), and `before` is
 * the kind of the gap it starts after (0 at the chain's start).
 */
function pieceFits(text: string, runs: readonly number[], first: number, last: number, before: number, endTainted: boolean): boolean {
  const isLast = 2 * last + 2 === runs.length;
  const after = isLast ? 0 : boundaryKind(text, runs, last);
  if (after === INSIDE || (isLast && endTainted)) return false;
  // A slash inside a number follows its area code ('030/1234567', '415/555-2671'); a later one
  // lists numbers ('415-555-2671/415-555-2672', '020 7946 0018/020 7946 0019'), and numbers
  // listed with a slash write no slash of their own.
  if (slashInside(text, runs, before === LIST_SLASH || after === LIST_SLASH ? first : first + 1, last)) return false;
  return before !== LIST_SLASH || !shortBeforeSlash(text, runs, first, last);
}

/**
 * True when a piece from run `first` (after a lone slash) to run `last` cannot start at that
 * slash: the slash follows a stretch too short to be a number, and the piece spans a space. In
 * '12/03/1990 415 555 2671' the slashes are a date's, and '1990 415 555' is no number after it;
 * '12/27/415-555-2671' still lists one.
 */
function shortBeforeSlash(text: string, runs: readonly number[], first: number, last: number): boolean {
  if (digitsBackToSlash(text, runs, first - 1) >= MIN_DIGITS) return false;
  for (let k = first; k < last; k++) if ((gapKinds(text, runs[2 * k + 1], runs[2 * k + 2]) & GAP_SPACE) !== 0) return true;
  return false;
}

/** Digits of run `k` and the runs before it, back to a slash gap or the chain's start. */
function digitsBackToSlash(text: string, runs: readonly number[], k: number): number {
  let digits = 0;
  for (let index = k; index >= 0; index--) {
    digits += runs[2 * index + 1] - runs[2 * index];
    if (index === 0 || (gapKinds(text, runs[2 * index - 1], runs[2 * index]) & GAP_SLASH) !== 0) break;
  }
  return digits;
}

/** True when a gap between runs `first`..`last` (from the gap after run `first`) holds a slash. */
function slashInside(text: string, runs: readonly number[], first: number, last: number): boolean {
  for (let k = first; k < last; k++) if ((gapKinds(text, runs[2 * k + 1], runs[2 * k + 2]) & GAP_SLASH) !== 0) return true;
  return false;
}

/** Score of runs first..last of `chain` as one phone number, or 0. */
export function scorePiece(
  text: string,
  chain: Chain,
  first: number,
  last: number,
  plans: readonly RegionPlan[],
  nanp: boolean,
  budget: Budget,
): number {
  const runs = chain.runs;
  const groups = last - first + 1;
  let digits = 0;
  for (let index = first; index <= last; index++) digits += runs[2 * index + 1] - runs[2 * index];
  if (digits < MIN_DIGITS || digits > MAX_E164 + 2) return 0;
  if (!parenthesesBalanced(text, chain, first, last)) return 0;
  // Separator kinds between the groups, and the group lengths.
  let kinds = 0;
  for (let index = first; index < last; index++) kinds |= gapKinds(text, runs[2 * index + 1], runs[2 * index + 2]);
  const punctuation = kinds & (GAP_DASH | GAP_DOT | GAP_SLASH);
  const mixed = punctuation !== 0 && (punctuation & (punctuation - 1)) !== 0;
  if (otherShape(groups, runs, first, kinds, punctuation)) return 0;
  const length = (index: number): number => runs[2 * (first + index) + 1] - runs[2 * (first + index)];
  const plus = first === 0 && chain.plus;
  const exitCode = !plus && startsWithExitCode(text, runs[2 * first]);
  const international = plus || exitCode;
  let value = '';
  for (let index = first; index <= last; index++) {
    const start = runs[2 * index];
    // '+44 (0)20': the bracketed trunk zero is not dialled from abroad.
    if (international && index > first && runs[2 * index + 1] - start === 1 && text.charCodeAt(start) === ZERO && text.charCodeAt(start - 1) === OPEN) continue;
    value += text.slice(start, runs[2 * index + 1]);
  }
  const grouped = groups >= 2 && !mixed && length(groups - 1) >= 2;
  if (international) {
    const national = exitCode ? value.slice(2) : value;
    if (national.length > MAX_E164 || national.length < MIN_DIGITS) return 0;
    budget.tries++;
    const parsed = parse('+' + national);
    if (parsed === undefined) return 0;
    if (parsed.isValid()) return 0.95;
    if (parsed.isPossible() && (grouped || hasPhoneContext(text, pieceStart(text, chain, first)))) return 0.7;
    return 0;
  }
  if (value.length > MAX_E164) return 0;
  const typical = grouped && typicalGroups(groups, length, first === 0 && chain.open);
  const strongNanp = nanp && nanpShaped(text, chain, first, groups, length);
  let context: boolean | undefined;
  const needContext = (): boolean => (context ??= hasPhoneContext(text, pieceStart(text, chain, first)));
  // A bare run or an untypical grouping is a phone only next to a context word: checked before any parse.
  if (!typical && !strongNanp && !needContext()) return 0;
  let possible = false;
  const leading = value.charCodeAt(0);
  for (const plan of plans) {
    if (plan.trunkRequired && leading !== ZERO) continue;
    let national = value;
    if (plan.trunk === '0' && leading === ZERO) national = value.slice(1);
    else if (plan.trunk === '1' && leading === ONE && value.length === 11) national = value.slice(1);
    // isPossible is a length check (libphonenumber `validatePhoneNumberLength`): done here without a parse.
    if (!possible && plan.lengths.includes(national.length)) possible = true;
    if (plan.redundant || !plan.pattern.test(national)) continue;
    if (budget.tries >= MAX_TRIES) break;
    budget.tries++;
    const parsed = parse(value, plan.region);
    if (parsed === undefined) continue;
    if (parsed.isValid()) {
      if (strongNanp || (typical && groupingMatches(value, runs, first, last, parsed))) return 0.9;
      if (needContext()) return 0.85;
    }
  }
  if (strongNanp) return 0.75;
  if (possible && needContext()) return 0.65;
  return 0;
}

function parse(value: string, region?: CountryCode): PhoneNumber | undefined {
  try {
    return region === undefined ? parsePhoneNumberFromString(value, metadata) : parsePhoneNumberFromString(value, region, metadata);
  } catch {
    return undefined;
  }
}

/** '00' is the international call prefix of most of Europe, Africa and Asia (ITU-T E.164 Annex). */
function startsWithExitCode(text: string, runStart: number): boolean {
  return codeAt(text, runStart) === ZERO && codeAt(text, runStart + 1) === ZERO;
}

function pieceStart(text: string, chain: Chain, first: number): number {
  if (first === 0) return chain.start;
  const start = chain.runs[2 * first];
  return text.charCodeAt(start - 1) === OPEN ? start - 1 : start;
}

/**
 * Written group boundaries must be boundaries of the region's own format (libphonenumber's
 * STRICT_GROUPING leniency): '020 7946 0958' fits GB's '020 7946 0958', '1234 5678 90' fits no
 * plan's '(12) 3456-7890'.
 */
function groupingMatches(value: string, runs: readonly number[], first: number, last: number, parsed: PhoneNumber): boolean {
  const formatted = parsed.formatNational();
  const boundaries = new Set<number>();
  let count = 0;
  for (let index = 0; index < formatted.length; index++) {
    if (isDigit(formatted.charCodeAt(index))) {
      count++;
      if (index + 1 < formatted.length && !isDigit(formatted.charCodeAt(index + 1))) boundaries.add(count);
    }
  }
  // The written number may add or drop the trunk prefix ('1' in NANP, '0' in IN): shift by it.
  const shift = value.length - count;
  let written = 0;
  for (let index = first; index < last; index++) {
    written += runs[2 * index + 1] - runs[2 * index];
    const position = written - shift;
    if (position === 0 && shift > 0) continue;
    if (!boundaries.has(position)) return false;
  }
  return true;
}
