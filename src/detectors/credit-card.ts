import { luhnValid } from '../internal/luhn.js';
import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';
import { digitsAt, digitTailPending, gluedAfter, gluedBefore, isDigit, NO_SEPARATOR, type DigitTail } from '../internal/digit-boundary.js';

/** Options of `creditCard`. */
export interface CreditCardOptions {
  /**
   * Score of every finding. Default: 0.99 for a number grouped by spaces or dashes, 0.95 for a
   * contiguous run (an order id can pass Luhn and an IIN range by chance; a grouped one rarely).
   */
  readonly score?: number;
}

// ISO/IEC 7812-1: a card number (PAN) has at most 19 digits; no issuer below uses fewer than 12.
const MIN_DIGITS = 12;
const MAX_DIGITS = 19;
/** Longest finding: 19 digits printed 4-4-4-4-3 with four single separators. */
const MAX_LENGTH = 23;
/**
 * Code units before a candidate that `find` reads: separator, a previous group of up to 5 digits,
 * a joiner and a digit; or, after a previous group of four, a space and up to 6 digits of the
 * group before it (`endsOtherGrouping`).
 */
const LOOKBEHIND = 13;
/**
 * A candidate is decided by at most 34 code units from its start (a 4-4-4-4-3 number, the
 * separator and up to 7 digits of a following group, and the character after that); a tail
 * of digits and separators longer than this is decided except for its last TAIL_LIMIT units.
 */
const TAIL_LIMIT = 64;

const SPACE = 32;
const HYPHEN = 45;
const COMMA = 44;

// Issuer ranges on the first six digits (IIN) with the lengths each issuer uses, one bit per
// length from 12 (bit 0) to 19 (bit 7). Sources: ISO/IEC 7812 major industry identifiers and
// the issuer table of Wikipedia "Payment card number" (IIN ranges, 2024), with the broad
// Maestro and UnionPay ranges braintree/credit-card-type uses.
const L13 = 1 << 1;
const L14_19 = 0xfc;
const L15 = 1 << 3;
const L16 = 1 << 4;
const L16_19 = 0xf0;
const L19 = 1 << 7;
const L12_19 = 0xff;

/** Flat triples: first IIN, last IIN (inclusive, six digits), allowed lengths. */
const ISSUERS: readonly number[] = [
  400000, 499999, L13 | L16 | L19, // Visa (incl. Electron)
  510000, 559999, L16, // Mastercard
  222100, 272099, L16, // Mastercard 2-series (2221–2720)
  340000, 349999, L15, // American Express
  370000, 379999, L15, // American Express
  300000, 305999, L14_19, // Diners Club (Carte Blanche 300–305)
  309500, 309599, L14_19, // Diners Club International
  360000, 369999, L14_19, // Diners Club International
  380000, 399999, L14_19, // Diners Club (38–39)
  601100, 601199, L16_19, // Discover
  644000, 659999, L16_19, // Discover (644–649, 65)
  352800, 358999, L16_19, // JCB
  213100, 213199, L15, // JCB (legacy 15-digit)
  180000, 180099, L15, // JCB (legacy 15-digit)
  620000, 629999, L16_19, // UnionPay
  810000, 817199, L16_19, // UnionPay (81)
  220000, 220499, L16_19, // Mir
  500000, 509999, L12_19, // Maestro
  560000, 589999, L12_19, // Maestro
  600000, 699999, L12_19, // Maestro
  100000, 199999, L15, // UATP (major industry identifier 1: airlines)
];

/**
 * Finds payment card numbers (PANs): 12–19 digits that pass the Luhn check (ISO/IEC 7812-1) and
 * fall in an issuer's IIN range with a length that issuer uses (Visa, Mastercard incl. the
 * 2221–2720 series, American Express, Discover, JCB, Diners Club, UnionPay, Maestro, Mir,
 * UATP). Written contiguously or grouped by single spaces or dashes, one kind per number, in
 * groups of four with a shorter last group (`4111 1111 1111 1111`, 4-4-4-4-3) or 4-6-5 / 4-6-4
 * (`3782 822463 10005`).
 *
 * Never a slice of something longer: a run of 20+ digits, a fifth group of four, a decimal
 * (`0.250750683890174`), or digits glued to letters hold no card. A group joined to another
 * token (`12/25` after the number) is not part of it, and neither is a short group after four
 * space-separated groups of four that the issuer's lengths rule out (`4111 1111 1111 1111 12 Main
 * St`: Visa numbers have 13, 16 or 19 digits). Anchored on the scanner's digit runs.
 *
 * @example
 * createRedactor({ detectors: [creditCard()] }).redact('card 4111-1111-1111-1111, exp 12/25').text
 * // 'card [CREDIT_CARD], exp 12/25'
 */
export function creditCard(options: CreditCardOptions = {}): Detector {
  const contiguousScore = options.score ?? 0.95;
  const groupedScore = options.score ?? 0.99;
  return {
    name: 'credit-card',
    type: 'CREDIT_CARD',
    maxLength: MAX_LENGTH,
    lookbehind: LOOKBEHIND,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const start = digitRuns[k];
        // A card starts where a digit run starts; a run that began before `from` was decided earlier.
        if (start < scan.from) continue;
        // Fast path: `cardEnd` accepts only a run of 12–19 digits or a first group of four, so
        // the scanner's run length rules out the rest (times, prices, order numbers: 4.1 digit
        // runs per cleanChat message of bench/fixtures.ts, 0.3 of them of length 4 or 12–19).
        const run = digitRuns[k + 1] - start;
        if (run !== 4 && (run < MIN_DIGITS || run > MAX_DIGITS)) continue;
        // A first group of four needs a second group of 4 (4-4-4-4) or 6 (4-6-5, 4-6-4) right
        // after one separator (see `cardEnd`): years and prices ('2017', '£1368.07') fail here.
        if (run === 4) {
          const next = k + 2 < digitRuns.length ? digitRuns[k + 3] - digitRuns[k + 2] : 0;
          if (digitRuns[k + 2] !== digitRuns[k + 1] + 1 || (next !== 4 && next !== 6)) continue;
        }
        const end = cardEnd(text, start);
        if (end < 0) continue;
        const grouped = end - start > run;
        out.push({ type: 'CREDIT_CARD', start, end, score: grouped ? groupedScore : contiguousScore, detector: 'credit-card' });
      }
    },
    pending(text, from) {
      return digitTailPending(text, from, TAIL);
    },
  };
}


/**
 * True when the digit run `[start, start + run)` can start no card whatever follows `end`:
 * the reads `cardEnd` makes to reject it are all before `end`.
 */
function cannotStartCard(text: string, start: number, run: number, end: number): boolean {
  // The run's length first, `gluedBefore` after: it reads the code units before the run, and
  // runs a Unicode regex when one is not ASCII, as after the '£' and '€' of prices, which a
  // stream holds in its tail for a few checks each (bench/fixtures.ts `cleanChat`).
  const open = start + run >= end; // an open run may still grow into a card
  if (run > MAX_DIGITS || (!open && run !== 4 && run < MIN_DIGITS)) return true;
  if (gluedBefore(text, start)) return true;
  if (open) return false;
  if (run !== 4) return false;
  const separator = text.charCodeAt(start + 4);
  if (separator !== SPACE && separator !== HYPHEN) return true;
  return separator === SPACE && continuesGroupsOfFour(text, start);
}

/**
 * End of the card number starting at the digit run at `start`, or -1. Reads at most
 * LOOKBEHIND code units before `start` and 34 from it.
 */
function cardEnd(text: string, start: number): number {
  if (gluedBefore(text, start)) return -1;
  const first = digitsAt(text, start, MAX_DIGITS + 1);
  if (first > MAX_DIGITS) return -1; // a slice of a longer run
  if (first >= MIN_DIGITS) return accept(text, start, start + first, first, NO_SEPARATOR);
  if (first !== 4) return -1;
  let end = start + 4;
  const separator = text.charCodeAt(end);
  if (separator !== SPACE && separator !== HYPHEN) return -1;
  if (separator === SPACE && continuesGroupsOfFour(text, start)) return -1;
  let next = nextGroup(text, end, separator);
  if (next === 6) {
    // 15-digit American Express and 14-digit Diners Club are printed 4-6-5 and 4-6-4.
    const third = nextGroup(text, end + 7, separator);
    if (third !== 5 && third !== 4) return -1;
    return accept(text, start, end + 8 + third, 10 + third, separator);
  }
  let digits = 4;
  while (next === 4 && digits + 4 <= MAX_DIGITS) {
    end += 5;
    digits += 4;
    next = nextGroup(text, end, separator);
  }
  if (next === 4 || next > 4) return -1; // 20+ digits in fours, or a long group after fours
  if (next > 0) {
    const whole = digits + next >= MIN_DIGITS ? accept(text, start, end + 1 + next, digits + next, separator) : -1;
    // Four space-separated groups of four that make a card on their own, then a short group that
    // no number of that issuer could end with ('4111 1111 1111 1111 12 Main St', '… 2 times': a
    // Visa number has 13, 16 or 19 digits): the card alone. Read with the group it was no card,
    // and the whole number was left in clear. A dash joins one token ('4111-1111-1111-1111-12'),
    // which stays no card, and so does a number its issuer allows with the group but Luhn rejects.
    if (whole < 0 && digits === 16 && separator === SPACE && !issuerAllows(text, start, digits + next) && issuerAllows(text, start, digits) && luhnValid(text, start, end)) return end;
    return whole;
  }
  return digits >= MIN_DIGITS ? accept(text, start, end, digits, separator) : -1;
}

/** Checks the end boundary, the issuer and Luhn of the candidate `[start, end)`. */
function accept(text: string, start: number, end: number, digits: number, separator: number): number {
  // A comma after a card ends a field ('jane,4111111111111111,12/27'): no decimal or thousands
  // part follows 12 to 19 integer digits.
  if (text.charCodeAt(end) !== COMMA && gluedAfter(text, end, NO_SEPARATOR)) return -1;
  // After a short last group (or 4-6-5) the number must end: '4111 1111 1111 111 1111' is not a card.
  if (separator !== NO_SEPARATOR && nextGroup(text, end, separator) > 0) return -1;
  if (!issuerAllows(text, start, digits)) return -1;
  return luhnValid(text, start, end) ? end : -1;
}

/**
 * Length (1–7, 7 meaning 7 or more) of the digit group after the separator at `at`, or 0 when
 * there is none or it belongs to another token (`12/25`, `12.50`, `12abc`).
 */
function nextGroup(text: string, at: number, separator: number): number {
  if (text.charCodeAt(at) !== separator) return 0;
  const count = digitsAt(text, at + 1, 7);
  if (count === 0 || count === 7) return count;
  const after = at + 1 + count;
  // A comma after a group of four ends a CSV field, as after a card ('4111 1111 1111 1111,12/27').
  return (count !== 4 || text.charCodeAt(after) !== COMMA) && gluedAfter(text, after, separator) ? 0 : count;
}

/**
 * True when the four digits at `start` follow a space and another group of exactly four that is
 * not part of some other token: then `start` is inside a longer grouped number, never its start.
 * A group of four letters and digits counts too when it holds a digit (`DE44 5001 0517 …`, the
 * head of an IBAN), but not a word (`card 4111 …`, `VISA 4111 …`).
 */
function continuesGroupsOfFour(text: string, start: number): boolean {
  if (start < 2 || text.charCodeAt(start - 1) !== SPACE) return false;
  const previousEnd = start - 1;
  let previous = previousEnd;
  let digits = 0;
  while (previous > 0 && previousEnd - previous < 5 && isAsciiAlphanumeric(text.charCodeAt(previous - 1))) {
    previous--;
    if (isDigit(text.charCodeAt(previous))) digits++;
  }
  if (previousEnd - previous !== 4 || digits === 0) return false;
  if (gluedBefore(text, previous)) return false;
  // A group of four that ends a number grouped otherwise ('415 555 2671 4111 1111 1111 1111': a
  // phone number, then a card) does not continue into this one.
  return digits < 4 || !endsOtherGrouping(text, previous);
}

/**
 * True when a digit group of another length than four ends, after one space, right before
 * `groupStart`: '555 ' before '2671'. Reads at most 7 code units before `groupStart`.
 */
function endsOtherGrouping(text: string, groupStart: number): boolean {
  if (groupStart < 2 || text.charCodeAt(groupStart - 1) !== SPACE) return false;
  const end = groupStart - 1;
  let start = end;
  while (start > 0 && end - start < 6 && isDigit(text.charCodeAt(start - 1))) start--;
  const length = end - start;
  return length > 0 && length !== 4;
}

const isAsciiAlphanumeric = (code: number): boolean => isDigit(code) || ((code | 0x20) - 97) >>> 0 <= 25;

/** True when the first six digits of the number fall in an issuer range that uses `digits` digits. */
function issuerAllows(text: string, start: number, digits: number): boolean {
  let iin = 0;
  for (let index = start, taken = 0; taken < 6; index++) {
    const digit = text.charCodeAt(index) - 48;
    if (digit >>> 0 > 9) continue;
    iin = iin * 10 + digit;
    taken++;
  }
  const bit = 1 << (digits - MIN_DIGITS);
  for (let k = 0; k < ISSUERS.length; k += 3) {
    if (iin >= ISSUERS[k] && iin <= ISSUERS[k + 1] && (ISSUERS[k + 2] & bit) !== 0) return true;
  }
  return false;
}

/** How `pending` reads this detector's undecided tail (see digitTailPending). */
const TAIL: DigitTail = { tailLimit: TAIL_LIMIT, maxLength: MAX_LENGTH, endAt: cardEnd, cannotStart: cannotStartCard };
