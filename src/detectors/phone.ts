// libphonenumber-js core functions with the `max` metadata passed in, imported from their own
// subpaths so the `min` and `mobile` metadata never enter a bundle (and because the CommonJS
// entry of `libphonenumber-js/max` does not export `Metadata`). Why `max`: validation is what
// keeps order ids, timestamps and counters out, and `min` validates by length and leading digits
// only. Measured on 20 look-alikes over the 13 default regions (`isValid` per region): `min`
// called 1700000000 valid in 5 regions and 3118836975 in 5, `max` in 2 and 2, `mobile` knows
// mobile numbers only and misses landlines. On ../shared/corpora/real-cases both builds score
// the same here (193/198 PHONE spans, 0/251 negatives altered), because shape, trunk-prefix and
// context rules reject the look-alikes first. Cost per phone-shaped candidate in a mixed sample:
// 26–54 µs for either build (within noise on a shared 2-core machine); the extra 65 kB of `max`
// buy the stricter `isValid` for the cases our rules do not catch.
import { Metadata, isSupportedCountry, parsePhoneNumberFromString, type CountryCode, type PhoneNumber } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import { isWordCodeAt } from '../scanner/char-class.js';
import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector, Finding } from '../types.js';

/** Options of `phone`. */
export interface PhoneOptions {
  /**
   * Regions (ISO 3166-1 alpha-2) whose national formats count, besides any `+`/`00` number.
   * Default: `DEFAULT_PHONE_REGIONS`.
   */
  readonly regions?: readonly string[];
}

/** National formats recognised by default: where most chat users of an English-first product are. */
export const DEFAULT_PHONE_REGIONS: readonly string[] = ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'ES', 'IT', 'NL', 'IN', 'AU', 'BR', 'MX'];

// E.164 §6.1: at most 15 digits after '+'. Written with the '00' exit code: 17.
const MAX_E164 = 15;
const MIN_DIGITS = 7;
/** Longest chain of digit groups and separators looked at; longer chains are lists, tables, ids. */
const MAX_CHAIN = 48;
/** Longest extension text: ', extension. ' (15) and 6 digits. */
const MAX_EXTENSION = 21;
const MAX_EXTENSION_DIGITS = 6;
/** Context words are looked for this far before a number. */
const CONTEXT_WINDOW = 32;
/** Groups in one number: '+33 (0)6 12 34 56 78' has 7. */
const MAX_GROUPS = 7;
/** libphonenumber calls per chain (libphonenumber's own matcher bounds its work with `maxTries`). */
const MAX_TRIES = 24;

const PLUS = 43; // '+'
const OPEN = 40; // '('
const CLOSE = 41; // ')'
const HYPHEN = 45; // '-'
const DOT = 46; // '.'
const SLASH = 47; // '/'
const COLON = 58; // ':'
const COMMA = 44; // ','
const SPACE = 32; // ' '
const ZERO = 48; // '0'
const ONE = 49; // '1'

/** Separator kinds in a gap between two digit groups. */
const GAP_SPACE = 1;
const GAP_DASH = 2;
const GAP_DOT = 4;
const GAP_SLASH = 8;
const GAP_OPEN = 16;
const GAP_CLOSE = 32;
/** Longest gap `gapEnd` accepts: ')', a space, a dash, a space and '(' (`555) - (123`). */
const MAX_GAP = 5;
/** `gapEnd` ran into the end of the text: more text could still make it a gap. */
const NEED_MORE = -2;

/**
 * Finds phone numbers in international (`+44 20 7946 0958`, `0044 …`) and national formats
 * (`(415) 555-0132`, `020 7946 0958`, `06 12 34 56 78`) with extensions (`ext. 12`, `x12`).
 *
 * Candidates are chains of the scanner's digit runs joined by phone separators (one space, dot,
 * dash or slash, parentheses), never a regex over the text. A chain is rejected at once when it
 * has the shape of something else (date, SSN, ZIP+4, IPv4, card number, thousands) or touches
 * letters, currency signs, '#', ':' + digit (times) or decimal commas. What remains is validated:
 *
 * - `+`/`00` numbers: valid per libphonenumber (score 0.95), or possible with grouping/context (0.7).
 * - National numbers: valid in one of `regions` and written with that region's grouping (0.9), or
 *   with a context word before them ("call", "phone", "mobile", "tel", "cell", "text me",
 *   "whatsapp", "fax", "number" …) (0.85).
 * - `isPossible` (right length) instead of `isValid` only where the writer left no doubt: the NANP
 *   shapes `(311) 883-6975`, `311-883-6975`, `311.883.6975` (area and exchange codes starting
 *   2–9, NANP numbering plan) score 0.75; any possible number after a context word scores 0.65.
 *   Validation rejects what is not a phone number; it does not forgive a typo in an area code.
 *
 * Context words are only looked for before a number, so appending text never changes a finding
 * (a stream holds only the trailing chain and a possible extension).
 *
 * @example
 * createRedactor({ detectors: [phone()] }).redact('call (415) 555-0132 ext. 12 or +44 20 7946 0958').text
 * // 'call [PHONE] or [PHONE]'
 */
export function phone(options: PhoneOptions = {}): Detector {
  const plans = regionPlans(options.regions ?? DEFAULT_PHONE_REGIONS);
  const nanp = plans.some((plan) => plan.region === 'US' || plan.region === 'CA');
  const evaluate = (text: string, chain: Chain, first: number, last: number, budget: Budget): number =>
    scorePiece(text, chain, first, last, plans, nanp, budget);
  return {
    name: 'phone',
    type: 'PHONE',
    maxLength: MAX_CHAIN + MAX_EXTENSION,
    // A chain may start MAX_CHAIN before `from`; its context window and boundary checks reach further.
    lookbehind: MAX_CHAIN + CONTEXT_WINDOW + 8,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      const length = text.length;
      const runCount = digitRuns.length >> 1;
      let k = 0;
      /** Last run of the stretch of close runs (see below) that holds `k`, once measured. */
      let stretchEnd = -1;
      while (k < runCount) {
        // The first run of a scan from `from` > 0 may join runs before `from` (a stream's
        // context); when nothing joins it there, its chain starts with it like any other.
        if (k > 0 || scan.from === 0 || !joinsBefore(text, digitRuns[0])) {
          // Fast path: a chain of fewer than MIN_DIGITS digits holds no number (every piece
          // `scorePiece` weighs has at most the chain's digits), so its runs are joined and
          // counted before any chain is built. Clean chat is full of such chains (times, prices,
          // versions, 5–6 digit order numbers: 4.1 digit runs per 108-character message of
          // bench/fixtures.ts `cleanChat`, 0.1 chains of 7+ digits).
          // First from the offsets alone: runs more than MAX_GAP apart are never joined, so a
          // stretch of closer runs with fewer than MIN_DIGITS digits holds no chain that has
          // enough, and no gap in it is read (gapEnd on every run cost 60 ns per message).
          // A stretch already measured (k inside it) is not walked again: that keeps a long
          // stretch ('1 1 1 …') linear.
          if (k > stretchEnd) {
            let stretchDigits = digitRuns[2 * k + 1] - digitRuns[2 * k];
            stretchEnd = k;
            while (stretchEnd + 1 < runCount && digitRuns[2 * stretchEnd + 2] - digitRuns[2 * stretchEnd + 1] <= MAX_GAP) {
              stretchEnd++;
              stretchDigits += digitRuns[2 * stretchEnd + 1] - digitRuns[2 * stretchEnd];
            }
            if (stretchDigits < MIN_DIGITS) {
              k = stretchEnd + 1;
              continue;
            }
          }
          let last = k;
          let end = digitRuns[2 * k + 1];
          let digits = end - digitRuns[2 * k];
          // A gap is at most MAX_GAP code units: runs further apart (most of them, with words
          // between) are not joined, without reading the text between them.
          while (last + 1 < runCount && digitRuns[2 * last + 2] - end <= MAX_GAP && gapEnd(text, end, length) === digitRuns[2 * last + 2]) {
            last++;
            end = digitRuns[2 * last + 1];
            digits += end - digitRuns[2 * last];
          }
          if (digits < MIN_DIGITS || datelike(text, digitRuns, k, last)) {
            k = last + 1;
            continue;
          }
        }
        const chain = k === 0 ? chainBackFrom(text, digitRuns[0]) : newChain(text, digitRuns[2 * k]);
        if (chain === undefined) {
          // Overlong: skip every run joined to this one.
          while (k + 1 < runCount && gapEnd(text, digitRuns[2 * k + 1], length) === digitRuns[2 * k + 2]) k++;
          k++;
          continue;
        }
        // The first run of the scan may already be in `chain` (walked back); add it and what follows.
        let end = digitRuns[2 * k + 1];
        addRun(chain, digitRuns[2 * k], end);
        while (k + 1 < runCount && gapEnd(text, end, length) === digitRuns[2 * k + 2]) {
          k++;
          end = digitRuns[2 * k + 1];
          addRun(chain, digitRuns[2 * k], end);
        }
        k++;
        if (chain.overlong) continue;
        evaluateChain(text, chain, evaluate, scan.from, out);
      }
    },
    pending(text, from) {
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
      if (k - runStart <= MAX_EXTENSION_DIGITS && hold < end) {
        const numberEnd = extensionLeadBefore(text, runStart);
        if (numberEnd >= 0) {
          let previous = numberEnd - 1;
          while (previous > 0 && previous > numberEnd - MAX_CHAIN - 1 && isDigit(text.charCodeAt(previous - 1))) previous--;
          const start = chainStartBack(text, previous);
          if (start >= 0 && start < hold) hold = start;
        }
      }
      // Never hold text a finding cannot start in, never below `from`.
      if (hold < end) hold = Math.max(hold, from);
      const prefix = openPrefixStart(text, from, end);
      return prefix < hold ? prefix : hold;
    },
  };
}

interface RegionPlan {
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

/** India and Brazil write national numbers without the trunk '0' as often as with it. */
const TRUNK_OPTIONAL = new Set(['IN', 'BR']);

function regionPlans(regions: readonly string[]): RegionPlan[] {
  if (!Array.isArray(regions)) throw new TypeError('phone: options.regions must be an array of ISO 3166-1 alpha-2 codes such as ["US", "GB"]');
  const numbering = new Metadata(metadata);
  const plans: RegionPlan[] = [];
  for (const region of regions) {
    if (typeof region !== 'string' || !isSupportedCountry(region as CountryCode, metadata)) {
      throw new RangeError('phone: options.regions holds an unknown region; use ISO 3166-1 alpha-2 codes such as "US", "GB"');
    }
    numbering.selectNumberingPlan(region as CountryCode);
    // `nationalPrefix()` and `nationalNumberPattern()` are in libphonenumber-js's Metadata API but
    // not in its type declarations.
    const plan = numbering.numberingPlan as unknown as { nationalPrefix(): string | undefined; nationalNumberPattern(): string; possibleLengths(): number[] };
    const trunk = plan.nationalPrefix();
    plans.push({
      region: region as CountryCode,
      trunkRequired: trunk === '0' && !TRUNK_OPTIONAL.has(region),
      trunk: typeof trunk === 'string' ? trunk : undefined,
      pattern: new RegExp(`^(?:${plan.nationalNumberPattern()})$`),
      lengths: plan.possibleLengths(),
      redundant: region === 'CA' && regions.includes('US'),
    });
  }
  return plans;
}

/** One chain: optional prefix ('+', '(', '(+') then digit runs joined by gaps. */
interface Chain {
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

interface Budget {
  tries: number;
}

/** A chain whose first run starts at `runStart`. */
function newChain(text: string, runStart: number): Chain {
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
function chainBackFrom(text: string, runStart: number): Chain | undefined {
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
function chainStartBack(text: string, runStart: number): number {
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
 * True when the chain of runs `first`..`last` has no space in its gaps and, whole, has the shape
 * of another number (`otherShape`: `2023-11-26`, `02/20/2021`). Then it holds no phone number:
 * `evaluateChain` weighs only pieces that end at a gap with a space, and so only the whole
 * chain, which `scorePiece` rejects by that shape. Checked before a chain is built: dates are
 * the only 7+ digit chains of clean chat (9 % of bench/fixtures.ts `cleanChat` messages).
 */
function datelike(text: string, runs: ArrayLike<number>, first: number, last: number): boolean {
  let kinds = 0;
  for (let index = first; index < last; index++) kinds |= gapKinds(text, runs[2 * index + 1], runs[2 * index + 2]);
  if ((kinds & GAP_SPACE) !== 0) return false;
  const length = (index: number): number => runs[2 * (first + index) + 1] - runs[2 * (first + index)];
  return otherShape(last - first + 1, length, kinds, kinds & (GAP_DASH | GAP_DOT | GAP_SLASH));
}

/**
 * False when `chainBackFrom(text, runStart)` is sure to walk back over nothing: no digit right
 * before the run, and no digit before the gap characters (at most MAX_GAP) before it.
 */
function joinsBefore(text: string, runStart: number): boolean {
  if (runStart === 0) return false;
  if (isDigit(text.charCodeAt(runStart - 1))) return true;
  let gapStart = runStart;
  while (gapStart > 0 && runStart - gapStart < MAX_GAP && isGapCode(text.charCodeAt(gapStart - 1))) gapStart--;
  return gapStart !== runStart && gapStart > 0 && isDigit(text.charCodeAt(gapStart - 1));
}

function addRun(chain: Chain, start: number, end: number): void {
  if (chain.overlong) return;
  if (end - chain.start > MAX_CHAIN) {
    chain.overlong = true;
    return;
  }
  chain.runs.push(start, end);
}

/**
 * Where the gap that starts at `index` (right after a digit) ends: the index of the next digit,
 * -1 when the text there is no phone separator, NEED_MORE when the text ends inside one.
 * Gap grammar: ')'? ( ' ' ( [-/] ' '? )? | [-/] ' '? | '.' )? '('?, at least one character,
 * where ' ' is a space or no-break space and '-' any dash.
 */
function gapEnd(text: string, index: number, limit: number): number {
  let at = index;
  if (at < limit && text.charCodeAt(at) === CLOSE) at++;
  if (at < limit && isSpaceCode(text.charCodeAt(at))) {
    at++;
    if (at < limit && isDashOrSlash(text.charCodeAt(at))) {
      at++;
      if (at < limit && isSpaceCode(text.charCodeAt(at))) at++;
    }
  } else if (at < limit && isDashOrSlash(text.charCodeAt(at))) {
    at++;
    if (at < limit && isSpaceCode(text.charCodeAt(at))) at++;
  } else if (at < limit && text.charCodeAt(at) === DOT) {
    at++;
  }
  if (at < limit && text.charCodeAt(at) === OPEN) at++;
  if (at >= limit) return NEED_MORE;
  if (at === index) return -1;
  return isDigit(text.charCodeAt(at)) ? at : -1;
}

function gapKinds(text: string, start: number, end: number): number {
  let kinds = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === OPEN) kinds |= GAP_OPEN;
    else if (code === CLOSE) kinds |= GAP_CLOSE;
    else if (code === DOT) kinds |= GAP_DOT;
    else if (code === SLASH) kinds |= GAP_SLASH;
    else if (isSpaceCode(code)) kinds |= GAP_SPACE;
    else kinds |= GAP_DASH;
  }
  return kinds;
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
  if (code === 95 || code === 35 || code === 64 || code === 38 || code === 92 || code === 126 || code === 94 || code === 42 || code === PLUS) return WORD_TAINT; // _ # @ & \ ~ ^ * +
  if (code === 36 || code === 37 || code === 0xa3 || code === 0x20ac || code === 0xa5 || code === 0x20b9) return EDGE_TAINT; // $ % £ € ¥ ₹
  if (isLetterTouching(text, start - 1)) return WORD_TAINT;
  if (code === DOT || code === HYPHEN || code === SLASH) return start > 1 && isLetterTouching(text, start - 2) ? WORD_TAINT : 0; // v.2, ref-123, orders/123
  if (code === COLON) return start > 1 && isDigit(text.charCodeAt(start - 2)) ? EDGE_TAINT : 0; // 10:30
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
function taintedAfter(text: string, end: number, lastRunLength: number): boolean {
  if (end >= text.length) return false;
  const code = text.charCodeAt(end);
  if (code === 95 || code === 37 || code === 64 || code === 36 || code === 0xb0 || code === 0x20ac || code === 0x2030) return true; // _ % @ $ ° € ‰
  if (isLetterTouching(text, end)) return true;
  const next = end + 1 < text.length ? text.charCodeAt(end + 1) : 0;
  if ((code === HYPHEN || code === SLASH) && end + 1 < text.length && isLetterTouching(text, end + 1)) return true;
  if (code === COLON) return isDigit(next);
  if (code === COMMA) return isDigit(next) && lastRunLength <= 3; // 1.299,00
  return false;
}

/** End of the extension after a number ending at `end`, or -1. Grammar: ','? ' '{0,2} (extension|extn|ext|x) '.'? [ :]{0,2} \d{1,6}. */
function extensionEnd(text: string, end: number): number {
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
  if (isGapCode(code) || code === COMMA || code === COLON) return true;
  const letter = code | 0x20;
  return letter === 101 || letter === 120 || letter === 116 || letter === 110 || letter === 115 || letter === 105 || letter === 111; // e x t n s i o
}

/** Where a chain prefix ('+', '(', '(+', '+(') that ends the text starts, or `end`. */
function openPrefixStart(text: string, from: number, end: number): number {
  let start = end;
  while (start > from && end - start < 2 && (text.charCodeAt(start - 1) === PLUS || text.charCodeAt(start - 1) === OPEN)) start--;
  return start;
}

/**
 * Splits a chain into numbers: the whole chain first, else pieces that start and end at a gap
 * with a space ('555-123-4567 555-987-6543'), longest first, left to right.
 */
function evaluateChain(
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
  if (chain.open && codeAt(text, runs[1]) !== CLOSE) {
    // '(+41 22 730 5989)': the bracket wraps the number, it is no area-code bracket.
    chain.open = false;
    chain.start++;
  }
  const endTainted = extension < 0 && taintedAfter(text, lastEnd, lastEnd - runs[runs.length - 2]);
  const budget: Budget = { tries: 0 };
  let first = 0;
  while (first < count && budget.tries < MAX_TRIES) {
    if ((first === 0 && chain.tainted) || (first > 0 && (gapKinds(text, runs[2 * first - 1], runs[2 * first]) & GAP_SPACE) === 0)) {
      first++;
      continue;
    }
    let found = -1;
    let score = 0;
    for (let last = Math.min(count - 1, first + MAX_GROUPS - 1); last >= first; last--) {
      if (last < count - 1 && (gapKinds(text, runs[2 * last + 1], runs[2 * last + 2]) & GAP_SPACE) === 0) continue;
      if (last === count - 1 && endTainted) continue;
      score = evaluate(text, chain, first, last, budget);
      if (score > 0) {
        found = last;
        break;
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

/**
 * The digit groups of an IBAN printed in fours after letter groups ('NL91 ABNA 0417 1643 00',
 * ISO 13616 paper format): a group of four capitals or digits before, groups of four after.
 */
function ibanTail(text: string, chain: Chain): boolean {
  const start = chain.start;
  if (start < 5 || text.charCodeAt(start - 1) !== SPACE) return false;
  for (let index = start - 5; index < start - 1; index++) {
    const code = text.charCodeAt(index);
    if (!((code - 65) >>> 0 <= 25 || isDigit(code))) return false;
  }
  if (start > 5 && text.charCodeAt(start - 6) !== SPACE) return false;
  const runs = chain.runs;
  for (let index = 0; index < runs.length; index += 2) {
    const size = runs[index + 1] - runs[index];
    if (index + 2 < runs.length ? size !== 4 || runs[index + 2] - runs[index + 1] !== 1 : size > 4) return false;
  }
  return true;
}

/** 4-4-4(-4), 4-6-5, 4-6-4: a payment card, never a phone (ISO/IEC 7812 print groupings). */
function cardShaped(runs: readonly number[]): boolean {
  const count = runs.length >> 1;
  let digits = 0;
  let fours = 0;
  for (let index = 0; index < count; index++) {
    const length = runs[2 * index + 1] - runs[2 * index];
    digits += length;
    if (length === 4) fours++;
  }
  if (count >= 3 && fours === count) return true;
  if (count === 3 && runs[1] - runs[0] === 4 && runs[3] - runs[2] === 6 && (digits === 15 || digits === 14)) return true;
  return false;
}

/** Every '(' closes after exactly one group: '(415) 555', '(0)20', '(+41) 22'. */
function parenthesesBalanced(text: string, chain: Chain, first: number, last: number): boolean {
  const runs = chain.runs;
  for (let index = first; index <= last; index++) {
    const opens = codeAt(text, runs[2 * index] - 1) === OPEN || (index === 0 && chain.open);
    const closes = codeAt(text, runs[2 * index + 1]) === CLOSE;
    // A ')' after the last group closes the sentence's bracket: '(call +41 22 730 5989)'.
    if (opens !== closes && !(closes && index === last)) return false;
  }
  return true;
}

/** Score of runs first..last of `chain` as one phone number, or 0. */
function scorePiece(
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
  const length = (index: number): number => runs[2 * (first + index) + 1] - runs[2 * (first + index)];
  if (otherShape(groups, length, kinds, punctuation)) return 0;
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
 * Shapes of other numbers that must never be read as a phone, whatever the digits validate as:
 * dates (2024-01-15, 15/01/2024, 01.02.2024, 5-20-2021), SSNs (123-45-6789, 078 05 1120),
 * ZIP+4 (12345-6789), dotted quads (192.168.1.1).
 */
function otherShape(groups: number, length: (index: number) => number, kinds: number, punctuation: number): boolean {
  const uniform = punctuation !== 0 && (punctuation & (punctuation - 1)) === 0 && (kinds & (GAP_SPACE | GAP_OPEN | GAP_CLOSE)) === 0;
  if (groups === 3 && uniform) {
    const [a, b, c] = [length(0), length(1), length(2)];
    if (a <= 2 && b <= 2 && (c === 4 || c === 2)) return true;
    if (a === 4 && b <= 2 && c <= 2) return true;
  }
  if (groups === 3 && length(0) === 3 && length(1) === 2 && length(2) === 4 && (uniform || kinds === GAP_SPACE)) return true;
  if (groups === 2 && length(0) === 5 && length(1) === 4 && uniform && punctuation === GAP_DASH) return true;
  if (groups === 4 && uniform && punctuation === GAP_DOT && length(0) <= 3 && length(1) <= 3 && length(2) <= 3 && length(3) <= 3) return true;
  return false;
}

/**
 * Grouping of a written phone number: 2+ groups of 2–8 digits, one separator style. A single
 * digit only as the NANP trunk '1', a bracketed '(0)', or after '+' (handled there). Thousands
 * ('1 234 567', '12.345.678') are not phone grouping.
 */
function typicalGroups(groups: number, length: (index: number) => number, opened: boolean): boolean {
  let thousands = length(0) <= 3;
  for (let index = 0; index < groups; index++) {
    const size = length(index);
    if (size > 8) return false;
    if (size === 1 && !(index === 0 && groups === 4 && length(1) === 3 && length(2) === 3 && length(3) === 4)) return false;
    if (index > 0 && size !== 3) thousands = false;
  }
  if (thousands && (length(0) === 1 || groups > 3) && !opened) return false;
  return true;
}

/** '(NXX) NXX-XXXX', 'NXX-NXX-XXXX', 'NXX.NXX.XXXX', optionally after '1-' (NANP numbering plan). */
function nanpShaped(text: string, chain: Chain, first: number, groups: number, length: (index: number) => number): boolean {
  const runs = chain.runs;
  let offset = 0;
  if (groups === 4 && length(0) === 1 && text.charCodeAt(runs[2 * first]) === ONE) offset = 1;
  else if (groups !== 3) return false;
  if (length(offset) !== 3 || length(offset + 1) !== 3 || length(offset + 2) !== 4) return false;
  const area = text.charCodeAt(runs[2 * (first + offset)]);
  // NANP area codes start with 2–9 (NANPA); exchange codes too, but fictional '555-0123'-style
  // numbers and typos there are common and still unmistakably phones.
  if (area < 50) return false;
  const areaStart = runs[2 * (first + offset)];
  const bracketed = codeAt(text, areaStart - 1) === OPEN;
  const secondGap = gapKinds(text, runs[2 * (first + offset + 1) + 1], runs[2 * (first + offset + 2)]);
  if (bracketed) return secondGap === GAP_DASH || secondGap === GAP_SPACE;
  const firstGap = gapKinds(text, runs[2 * (first + offset) + 1], runs[2 * (first + offset + 1)]);
  return firstGap === secondGap && (firstGap === GAP_DASH || firstGap === GAP_DOT);
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

// Context words, lower case. The nearest listed word before a number decides.
const POSITIVE_WORDS = new Set([
  'call', 'calls', 'called', 'calling', 'caller', 'callback', 'phone', 'phones', 'phoned', 'telephone', 'tel', 'tél', 'tlf',
  'telefon', 'telefone', 'telefono', 'teléfono', 'téléphone', 'mobile', 'mobil', 'móvil', 'movil', 'mob', 'cell', 'cellphone',
  'cellular', 'celular', 'cellulare', 'text', 'texting', 'sms', 'whatsapp', 'fax', 'contact', 'reach', 'dial', 'ring',
  'landline', 'hotline', 'helpline', 'handy', 'portable', 'ph', 'message', 'messages', 'voicemail', 'pager',
]);
const NUMBER_WORDS = new Set(['number', 'nummer', 'numero', 'número', 'numéro', 'nr']);
const NEGATIVE_WORDS = new Set([
  'order', 'orders', 'invoice', 'inv', 'account', 'acct', 'tracking', 'ticket', 'case', 'ref', 'reference', 'serial', 'card',
  'customer', 'id', 'transaction', 'txn', 'confirmation', 'booking', 'policy', 'po', 'sku', 'zip', 'postal', 'postcode', 'pin',
  'otp', 'code', 'ssn', 'iban', 'routing', 'version', 'build', 'timestamp', 'epoch', 'ts', 'isbn', 'passport', 'mrn', 'item',
  'part', 'amount', 'total', 'price', 'balance', 'qty', 'quantity', 'year', 'date', 'time', 'pid', 'uid', 'uuid', 'hash',
  'seq', 'sequence', 'value', 'batch', 'model', 'lot', 'license', 'licence', 'vat', 'tax', 'member', 'employee', 'record',
  'port', 'error', 'status', 'release', 'page', 'room', 'flight', 'unit', 'suite', 'social', 'security', 'sin', 'nino', 'nhs',
  'aadhaar', 'pan', 'routing', 'swift', 'bic', 'sort', 'student', 'patient', 'tracking', 'identification', 'registration',
]);

/** True when the nearest context word within CONTEXT_WINDOW before `start` is a phone word. */
function hasPhoneContext(text: string, start: number): boolean {
  const floor = Math.max(0, start - CONTEXT_WINDOW);
  let index = start;
  let pendingNumber = false;
  while (index > floor) {
    while (index > floor && !isLetterAt(text, index - 1)) index--;
    const wordEnd = index;
    while (index > floor && isLetterAt(text, index - 1)) index--;
    if (index === wordEnd) break;
    if (index === floor && floor > 0 && isLetterAt(text, floor - 1)) break; // cut by the window
    const word = text.slice(index, wordEnd).toLowerCase();
    if (pendingNumber) return !NEGATIVE_WORDS.has(word);
    if (NUMBER_WORDS.has(word)) {
      pendingNumber = true;
      continue;
    }
    if (POSITIVE_WORDS.has(word)) return true;
    if (NEGATIVE_WORDS.has(word)) return false;
  }
  return pendingNumber;
}

const isLetterAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  if (code < 128) return ((code | 0x20) - 97) >>> 0 <= 25;
  return !isDigitLike(code) && isWordCodeAt(text, index);
};

/**
 * The code unit at `index`, or -1 outside the text: for equality tests only (a chain often ends
 * the text of a stream check, and a `charCodeAt` past either end deoptimises its caller for good).
 */
const codeAt = (text: string, index: number): number => (index >= 0 && index < text.length ? text.charCodeAt(index) : -1);
const isDigitLike = (code: number): boolean => (code - 0xff10) >>> 0 <= 9;
const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
const isSpaceCode = (code: number): boolean => code === SPACE || code === 0xa0 || code === 0x202f;
/** Hyphen-minus and the Unicode hyphens/dashes phones are typed with (U+2010–U+2013). */
const isDash = (code: number): boolean => code === HYPHEN || (code - 0x2010) >>> 0 <= 3;
const isDashOrSlash = (code: number): boolean => code === SLASH || isDash(code);
const isGapCode = (code: number): boolean => code === OPEN || code === CLOSE || code === DOT || isSpaceCode(code) || isDashOrSlash(code);
