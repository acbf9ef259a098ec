import { ASCII_CLASS, WORD, isWordCodeAt } from '../scanner/char-class.js';
import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';

/** Options of `iban`. */
export interface IbanOptions {
  /**
   * Accept an IBAN typed all in lowercase (`de89 3704 …`). ISO 13616 prints IBANs in capitals,
   * but people type them in lowercase in chat; mod-97 ignores case, so precision stays high.
   * Mixed case (`LV80 bANK …`) is never accepted. Default: true.
   */
  readonly allowLowercase?: boolean;
  /**
   * Score of a finding. Default: 0.99 (mod-97 lets through one random string in 97, Luhn one in
   * ten, so an IBAN whose tail also looks like a grouped card number wins as the longer span).
   */
  readonly score?: number;
}

/**
 * IBAN length per country (country code, total length in characters), from the SWIFT IBAN
 * Registry (ISO 13616 registration authority, release of December 2024).
 */
const REGISTRY =
  'AD24AE23AL28AT20AZ28BA20BE16BG22BH22BI27BR29BY28CH21CR22CY28CZ24DE22DJ27DK18DO28EE20EG29' +
  'ES24FI18FK18FO18FR27GB22GE22GI23GL18GR27GT28HN28HR21HU28IE22IL23IQ23IS26IT27JO30KW30KZ20' +
  'LB28LC32LI21LT20LU20LV21LY25MC27MD24ME22MK19MN20MR27MT31MU30NI28NL18NO15OM23PK24PL28PS29' +
  'PT25QA29RO24RS22RU33SA24SC31SD18SE24SI19SK24SM27SO23ST25SV28TL23TN24TR26UA29VA22VG24XK20YE30';
/**
 * National IBANs in use but not (yet) in the SWIFT registry: Algeria, Iran, Morocco,
 * Mozambique (lengths as listed by validator.js `isIBAN`, after Wikipedia "International Bank
 * Account Number", partial adopters). Mod-97 applies to them as to any IBAN.
 */
const NATIONAL = 'DZ26IR26MA28MZ25';
/** Longest IBAN in the tables (RU) and the longest finding: 33 characters in groups of four. */
const MAX_IBAN = 33;
const MAX_SPAN = 41; // MAX_IBAN + 8 separators
/**
 * A candidate is decided by at most MAX_SPAN + 3 code units from its start: the IBAN, the
 * character after it and, after a '-' or '.', one more (two for a surrogate pair).
 */
const DECIDED_AFTER = MAX_SPAN + 3;

const SPACE = 32;
const HYPHEN = 45;
const DOT = 46;
const UNDERSCORE = 95;
const NO_SEPARATOR = -1;
/** No code unit (before the floor, or before the text): neither a letter, a digit nor a separator. */
const NO_CODE = -1;
/** `ibanEnd` results besides an end index. */
const NONE = -1;
const OPEN = -2;

/** Length by country: index (first letter − 'A') · 26 + (second − 'A'); 0 = no IBAN. */
const LENGTHS: Uint8Array = /* #__PURE__ */ buildLengths(REGISTRY + NATIONAL);

/**
 * Finds IBANs (ISO 13616): a country code, two check digits and the country's BBAN, with the
 * total length the IBAN registry gives for the country and a valid ISO 7064 mod-97-10 check
 * (which catches every single-character error and almost all transpositions). Contiguous
 * (`DE89370400440532013000`) or in groups of four separated by single spaces or dashes
 * (`DE89 3704 0044 0532 0130 00`), one kind per IBAN; capitals, or all lowercase unless
 * `allowLowercase: false`. Anchored on the scanner's digit runs: the check digits are the
 * first digits after the two-letter country code, so text without digits costs nothing here.
 *
 * @example
 * createRedactor({ detectors: [iban()] }).redact('IBAN: GB29 NWBK 6016 1331 9268 19.').text
 * // 'IBAN: [IBAN].'
 */
export function iban(options: IbanOptions = {}): Detector {
  const allowLowercase = options.allowLowercase ?? true;
  const score = options.score ?? 0.99;
  /** Candidate starts of `pending`: at most one per 4 code units of DECIDED_AFTER, and the last run. */
  const starts = new Int32Array(DECIDED_AFTER / 4 + 2);
  return {
    name: 'iban',
    type: 'IBAN',
    maxLength: MAX_SPAN,
    lookbehind: 2,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const start = digitRuns[k] - 2;
        if (start < scan.from || !isAsciiLetter(text.charCodeAt(start + 1))) continue;
        const end = ibanEnd(text, start, text.length, false, allowLowercase);
        if (end >= 0) out.push({ type: 'IBAN', start, end, score, detector: 'iban' });
      }
    },
    pending(text, from) {
      // An IBAN starts with two letters at a word start, so any text can end one; but it is
      // decided DECIDED_AFTER code units after its start. Find the earliest candidate that
      // needs more text; a trailing high surrogate may still become a letter.
      let limit = text.length;
      let code = limit > from ? text.charCodeAt(limit - 1) : NO_CODE;
      if (isHighSurrogate(code)) code = --limit > from ? text.charCodeAt(limit - 1) : NO_CODE;
      let hold = text.length;
      const floor = Math.max(from, limit - DECIDED_AFTER);
      // The last run of letters and digits (after one trailing separator), read once from the
      // end, keeping its first four code units: the run decides most checks by itself, and
      // reading a code unit twice was a third of this function's cost.
      let index = limit;
      if (code === SPACE || code === HYPHEN || code === DOT) code = --index > floor ? text.charCodeAt(index - 1) : NO_CODE;
      const runEnd = index;
      let first = NO_CODE;
      let second = NO_CODE;
      let third = NO_CODE;
      let fourth = NO_CODE;
      while (index > floor && isAsciiAlphanumeric(code)) {
        fourth = third;
        third = second;
        second = first;
        first = code;
        code = --index > floor ? text.charCodeAt(index - 1) : NO_CODE;
      }
      const run = runEnd - index;
      if (run > 0) {
        // Groups of 4 before the run, earliest first: an IBAN read from one of them is grouped,
        // so a run of 5 or more (a separator missing) ends it, unless it ended before.
        const count = run <= 4 ? groupsBefore(text, floor, index, code, starts) : 0;
        for (let k = count - 1; k >= 0; k--) {
          if (ibanEnd(text, starts[k], limit, true, allowLowercase) === OPEN) {
            hold = starts[k];
            break;
          }
        }
        // `mayStartAt` at the run's start, from the code units kept: those at or after `limit`
        // are not asked; the one at `runEnd` (when before `limit`) is a separator.
        const reach = run + limit - runEnd;
        if (
          hold === text.length &&
          isAsciiLetter(first) &&
          (reach <= 1 || isAsciiLetter(second)) &&
          (reach <= 2 || isDigit(third)) &&
          (reach <= 3 || isDigit(fourth)) &&
          ibanEnd(text, index, limit, true, allowLowercase) === OPEN
        ) {
          hold = index;
        }
      }
      // No IBAN starting before `hold` may end after it (one could contain a later candidate);
      // none ends after the end of the text. The earliest such start becomes the hold, again.
      for (let moved = hold < text.length; moved; ) {
        moved = false;
        const crossing = groupStarts(text, Math.max(from, hold - MAX_SPAN), hold, starts);
        for (let k = crossing - 1; k >= 0; k--) {
          if (mayStartAt(text, starts[k], limit) && ibanEnd(text, starts[k], limit, true, allowLowercase) > hold) {
            hold = starts[k];
            moved = true;
            break;
          }
        }
      }
      return hold;
    },
  };
}

/**
 * Collects into `out`, latest first, the starts in `[floor, hold)` of IBANs that may run across
 * `hold`, and returns how many. `hold` starts a word, so such an IBAN is grouped with a
 * separator before `hold`: it starts at a group of 4 letters and digits, followed by groups of 4
 * up to `hold`, each after a single separator.
 */
function groupStarts(text: string, floor: number, hold: number, out: Int32Array): number {
  let count = 0;
  for (let index = hold; index - 5 >= floor; ) {
    const separator = text.charCodeAt(index - 1);
    if (separator !== SPACE && separator !== HYPHEN) break;
    const group = index - 5;
    for (let at = group; at < index - 1; at++) if (!isAsciiAlphanumeric(text.charCodeAt(at))) return count;
    out[count++] = group;
    index = group;
  }
  return count;
}

/**
 * Collects into `out`, latest first, the starts in `[floor, index)` of the runs of exactly 4
 * letters and digits before the last run (which starts at `index`), joined to it and to each
 * other by single separators, that may start an IBAN (`mayStartAt`), and returns how many. With
 * the last run's start, these are the starts where an IBAN still being read at the end of the
 * text may start: `ibanEnd` reads on
 * from its start through ASCII letters and digits and, in a grouped IBAN, one separator after
 * every 4 (a complete IBAN may be followed by '-' or '.'). Prose is decided after its trailing
 * word: ibanEnd at every start of the last 44 code units cost 423 ns a stream check on
 * bench/fixtures.ts `cleanChat` in 4-unit chunks.
 */
function groupsBefore(text: string, floor: number, index: number, before: number, out: Int32Array): number {
  let count = 0;
  // `before` is the code unit before `index` (NO_CODE at the floor). A longer run is not read to its
  // start (prose has few words of 4 letters in a row); a group is read once, from its end, and
  // kept only where `mayStartAt` holds (2 letters, 2 digits: every group lies before `limit`).
  while (before === SPACE || before === HYPHEN) {
    const groupEnd = index - 1;
    const group = groupEnd - 4;
    if (group < floor) break;
    const fourth = text.charCodeAt(groupEnd - 1);
    if (!isAsciiAlphanumeric(fourth)) break;
    const third = text.charCodeAt(groupEnd - 2);
    if (!isAsciiAlphanumeric(third)) break;
    const second = text.charCodeAt(groupEnd - 3);
    if (!isAsciiAlphanumeric(second)) break;
    const first = text.charCodeAt(group);
    if (!isAsciiAlphanumeric(first)) break;
    before = group > floor ? text.charCodeAt(group - 1) : NO_CODE;
    if (isAsciiAlphanumeric(before)) break;
    if (isAsciiLetter(first) && isAsciiLetter(second) && isDigit(third) && isDigit(fourth)) out[count++] = group;
    index = group;
  }
  return count;
}

/**
 * False when `ibanEnd(text, start, limit, …)` is surely NONE: an IBAN starts with two letters and
 * two check digits, and ibanEnd answers OPEN or an end only after reading those (or reaching
 * `limit`). Prose fails here at once, so pending calls ibanEnd for few of its candidates.
 */
function mayStartAt(text: string, start: number, limit: number): boolean {
  if (!isAsciiLetter(text.charCodeAt(start))) return false;
  if (start + 1 < limit && !isAsciiLetter(text.charCodeAt(start + 1))) return false;
  if (start + 2 < limit && !isDigit(text.charCodeAt(start + 2))) return false;
  return start + 3 >= limit || isDigit(text.charCodeAt(start + 3));
}

/**
 * End of the IBAN starting at `start`, NONE, or (when `open`) OPEN if deciding needs a code
 * unit at or after `limit`. Reads at most 2 code units before `start` and DECIDED_AFTER from it.
 */
function ibanEnd(text: string, start: number, limit: number, open: boolean, allowLowercase: boolean): number {
  const missing = open ? OPEN : NONE;
  if (start > 0 && isWordOrUnderscore(text, start - 1)) return NONE;
  const first = text.charCodeAt(start);
  if (!isAsciiLetter(first)) return NONE;
  if (start + 1 >= limit) return missing;
  const second = text.charCodeAt(start + 1);
  if (!isAsciiLetter(second)) return NONE;
  const lower = (first & 0x20) !== 0;
  if ((second & 0x20) !== (first & 0x20) || (lower && !allowLowercase)) return NONE;
  const length = LENGTHS[((first | 0x20) - 97) * 26 + ((second | 0x20) - 97)];
  if (length === 0) return NONE;
  for (let index = start + 2; index < start + 4; index++) {
    if (index >= limit) return missing;
    if (!isDigit(text.charCodeAt(index))) return NONE;
  }
  let index = start + 4;
  if (index >= limit) return missing;
  const afterCheck = text.charCodeAt(index);
  const separator = afterCheck === SPACE || afterCheck === HYPHEN ? afterCheck : NO_SEPARATOR;
  for (let count = 4; count < length; count++) {
    if (separator !== NO_SEPARATOR && (count & 3) === 0) {
      if (index >= limit) return missing;
      if (text.charCodeAt(index) !== separator) return NONE;
      index++;
    }
    if (index >= limit) return missing;
    if (!isIbanChar(text.charCodeAt(index), lower)) return NONE;
    index++;
  }
  const end = index;
  if (end < limit) {
    // Not glued to a longer token: 'DE89…00X', 'DE89…00-12', 'DE89…00.5'.
    if (isWordOrUnderscore(text, end)) return NONE;
    const after = text.charCodeAt(end);
    if (after === HYPHEN || after === DOT) {
      if (end + 1 >= limit) {
        if (open) return OPEN;
      } else if (isWordOrUnderscore(text, end + 1)) return NONE;
    }
  } else if (open) return OPEN;
  const check = (text.charCodeAt(start + 2) - 48) * 10 + (text.charCodeAt(start + 3) - 48);
  // ISO 7064 mod-97-10 check digits are 02–98; '00', '01' and '99' never occur.
  if (check < 2 || check > 98) return NONE;
  return mod97(text, start, end) === 1 ? end : NONE;
}

/** ISO 7064 mod-97-10 of the IBAN in `[start, end)` rearranged (country and check digits moved to the end), letters A=10 … Z=35. */
function mod97(text: string, start: number, end: number): number {
  let remainder = 0;
  for (let index = start + 4; index < end; index++) remainder = mod97Step(remainder, text.charCodeAt(index));
  for (let index = start; index < start + 4; index++) remainder = mod97Step(remainder, text.charCodeAt(index));
  return remainder;
}

function mod97Step(remainder: number, code: number): number {
  if (isDigit(code)) return (remainder * 10 + (code - 48)) % 97;
  if (isAsciiLetter(code)) return (remainder * 100 + ((code | 0x20) - 87)) % 97;
  return remainder; // a separator
}

function isIbanChar(code: number, lower: boolean): boolean {
  if (isDigit(code)) return true;
  return lower ? (code - 97) >>> 0 <= 25 : (code - 65) >>> 0 <= 25;
}

function isWordOrUnderscore(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (ASCII_CLASS[code] & WORD) !== 0 || code === UNDERSCORE;
  return isWordCodeAt(text, index);
}

const isDigit = (code: number): boolean => code >= 48 && code <= 57; // false for NaN (past the end)
const isAsciiAlphanumeric = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 25;
const isAsciiLetter = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;
const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

function buildLengths(table: string): Uint8Array {
  const lengths = new Uint8Array(26 * 26);
  for (let index = 0; index < table.length; index += 4) {
    const key = (table.charCodeAt(index) - 65) * 26 + (table.charCodeAt(index + 1) - 65);
    lengths[key] = Number(table.slice(index + 2, index + 4));
  }
  return lengths;
}

/**
 * The country codes and lengths the detector knows, for tests and documentation.
 * @internal not re-exported from the package entry.
 */
export const IBAN_LENGTHS_SOURCE = { registry: REGISTRY, national: NATIONAL } as const;
