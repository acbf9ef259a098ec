import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `macAddress`. */
export type MacAddressOptions = Pick<IdOptions, 'score'>;

const COLON = 58;
const HYPHEN = 45;
const DOT = 46;
/** Longest walk back from a digit or ':' to where a MAC would start (17 characters). */
const MAX_LENGTH = 17;

const isHex = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 5;
const isWord = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 25 || code === 95;
const isMacCode = (code: number): boolean => isHex(code) || code === COLON || code === HYPHEN || code === DOT;

/** Rejects the all-zero and broadcast addresses, which identify no device. */
export function validMac(compact: string): boolean {
  return !/^(?:0{12}|F{12})$/i.test(compact);
}

/**
 * True when the MAC candidate at `start` continues something before it: a word, or a group of
 * a longer colon/dash/dot chain (`11:22:…` from its second group). `mac:aa:bb:…` is not a chain
 * (`mac` is no two-digit group). Reads at most 4 code units before `start`.
 */
function joinedBefore(text: string, start: number): boolean {
  if (start === 0) return false;
  const before = text.charCodeAt(start - 1);
  if (isWord(before)) return true;
  if (before !== COLON && before !== HYPHEN && before !== DOT) return false;
  return start >= 3 && isHex(text.charCodeAt(start - 2)) && isHex(text.charCodeAt(start - 3)) && (start === 3 || !isWord(text.charCodeAt(start - 4)));
}

/** True when a word or another separated group follows. Reads at most 2 code units. */
function joinedAfter(text: string, end: number): boolean {
  if (end >= text.length) return false;
  const after = text.charCodeAt(end);
  if (isWord(after)) return true;
  return (after === COLON || after === HYPHEN || after === DOT) && end + 1 < text.length && isHex(text.charCodeAt(end + 1));
}

/**
 * Finds MAC addresses (`MAC_ADDRESS`, IEEE 802 EUI-48) in the three usual notations:
 * `00:1A:2B:3C:4D:5E`, `00-1A-2B-3C-4D-5E` (IEEE) and `001a.2b3c.4d5e` (Cisco), either case,
 * never as part of a longer chain (an IPv6 address, a 7-group hex string). The all-zero and
 * broadcast addresses identify no device and are skipped.
 *
 * @example
 * createRedactor({ detectors: [macAddress()] }).redact('client 00:1A:2B:3C:4D:5E joined').text
 * // 'client [MAC_ADDRESS] joined'
 */
export function macAddress(options: MacAddressOptions = {}): Detector {
  return layoutDetector({
    name: 'mac-address',
    type: 'MAC_ADDRESS',
    layouts: ['HH:HH:HH:HH:HH:HH', 'HH-HH-HH-HH-HH-HH', 'HHHH.HHHH.HHHH'],
    validate: validMac,
    score: options.score ?? 0.9,
    joinedBefore,
    joinedAfter,
    boundaryLookbehind: 4,
    candidates(scan, tryAt) {
      // A MAC starts at most 17 units before any of its digits or colons, where a run of hex
      // digits and separators starts or just after a separator (`mac:aa:bb:…`). Every MAC
      // holds a digit or a ':' (a dash or dot MAC of letters only, 7.7e-6 of random ones, is
      // missed).
      const { text, colons, digitRuns } = scan;
      const fromTrigger = (at: number): void => {
        let start = at;
        const floor = Math.max(0, at - MAX_LENGTH);
        while (start > floor && isMacCode(text.charCodeAt(start - 1))) {
          start--;
          if (!isHex(text.charCodeAt(start))) tryAt(start + 1);
        }
        tryAt(start);
      };
      for (let k = 0; k < colons.length; k++) fromTrigger(colons[k]);
      for (let k = 0; k < digitRuns.length; k += 2) if (digitRuns[k] >= scan.from) fromTrigger(digitRuns[k]);
    },
  });
}
