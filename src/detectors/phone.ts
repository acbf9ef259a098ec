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
import { Metadata, isSupportedCountry, type CountryCode } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/max/metadata';
import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';
import { MAX_CHAIN, type Chain, addRun, chainBackFrom, joinsBefore, newChain } from './phone-chain.js';
import { CONTEXT_WINDOW } from './phone-context.js';
import { MAX_GAP, gapEnd } from './phone-gap.js';
import { type Budget, MIN_DIGITS, type RegionPlan, evaluateChain, scorePiece } from './phone-score.js';
import { datelike } from './phone-shape.js';
import { MAX_EXTENSION, phonePending } from './phone-tail.js';

// The PHONE detector is split by what each part does: phone-chain.ts joins digit runs into
// chains, phone-shape.ts screens the shapes of other numbers, phone-context.ts reads context
// words, phone-score.ts validates with libphonenumber-js, phone-tail.ts reads extensions and
// holds a stream's tail (`pending`), phone-gap.ts is the separator grammar they share.

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
      // The first run of a scan from `from` > 0 may join runs before `from` (a stream's
      // context); when nothing joins it there, its chain starts with it like any other.
      const joined = scan.from > 0 && joinsBefore(text, digitRuns[0]);
      // Screen of the whole scan from the offsets alone, in one tight loop: when no stretch of
      // runs at most MAX_GAP apart has MIN_DIGITS digits, the loop below skips every stretch
      // (see there) and finds nothing. 90 % of bench/fixtures.ts `cleanChat` messages end here
      // (prices, times, versions; the rest hold a date): phone's one-shot find 23 -> 19 ns.
      if (!joined && !holdsStretch(digitRuns)) return;
      let k = 0;
      /** Last run of the stretch of close runs (see below) that holds `k`, once measured. */
      let stretchEnd = -1;
      while (k < runCount) {
        if (k > 0 || !joined) {
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
    pending: phonePending,
  };
}

/**
 * True when some stretch of digit runs (flat [start, end) pairs), each at most MAX_GAP code units
 * after the previous, has MIN_DIGITS digits or more: only such a stretch can hold a chain that
 * `find` weighs.
 */
function holdsStretch(runs: ArrayLike<number>): boolean {
  let digits = runs[1] - runs[0];
  for (let k = 2; k < runs.length; k += 2) {
    if (digits >= MIN_DIGITS) return true;
    const size = runs[k + 1] - runs[k];
    digits = runs[k] - runs[k - 1] <= MAX_GAP ? digits + size : size;
  }
  return digits >= MIN_DIGITS;
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
