import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `swiftBic`. */
export type SwiftBicOptions = IdOptions;

/** ISO 3166-1 alpha-2 codes (ISO 3166 Maintenance Agency, 2024) plus XK (Kosovo, used by SWIFT), two letters each. */
const COUNTRIES =
  'ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSXKYEYTZAZMZW';

/** True when `compact` (8 or 11 characters) has an ISO 3166 country in positions 5–6 (ISO 9362). */
export function validBic(compact: string): boolean {
  const country = compact.slice(4, 6);
  for (let index = 0; index < COUNTRIES.length; index += 2) {
    if (COUNTRIES.startsWith(country, index)) return true;
  }
  return false;
}

/** Context words that name a BIC; searched for natively, since a BIC need not hold a digit. */
const CONTEXT = /swift|bic/gi;

/**
 * Finds SWIFT/BIC codes (`SWIFT_BIC`, ISO 9362): four bank letters, an ISO 3166 country, a
 * two-character location and an optional three-character branch (`DEUTDEFF`, `DEUTDEFF500`),
 * upper case, only after "SWIFT" or "BIC" within 40 characters: without it, any eight capital
 * letters of a shouted sentence would qualify.
 *
 * @example
 * createRedactor({ detectors: [swiftBic()] }).redact('SWIFT: DEUTDEFF').text
 * // 'SWIFT: [SWIFT_BIC]'
 */
export function swiftBic(options: SwiftBicOptions = {}): Detector {
  return layoutDetector({
    name: 'swift-bic',
    type: 'SWIFT_BIC',
    layouts: ['AAAAAAXXXXX', 'AAAAAAXX'],
    validate: validBic,
    context: ['swift', 'bic', 'swift/bic', 'swift code'],
    requireContext: true,
    score: options.score ?? 0.85,
    contextScore: options.score,
    candidates(scan, tryAt, window) {
      // Every candidate follows a context word within the window: find the words natively (a
      // literal alternation, no backtracking), then try each upper-case word start after one.
      const { text } = scan;
      const pattern = CONTEXT;
      pattern.lastIndex = Math.max(0, scan.from - window);
      let scanned = pattern.lastIndex;
      for (let hit = pattern.exec(text); hit !== null; hit = pattern.exec(text)) {
        const stop = Math.min(text.length, hit.index + window + 5);
        for (let at = Math.max(scanned, hit.index + 3); at < stop; at++) {
          const code = text.charCodeAt(at);
          if ((code - 65) >>> 0 <= 25) tryAt(at);
        }
        scanned = Math.max(scanned, stop);
      }
    },
  });
}
