import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `frNir`. */
export type FrNirOptions = IdOptions;

/**
 * INSEE NIR (numéro de sécurité sociale): sex (1, 2; 3, 4, 7, 8 for special registrations), year,
 * month (01–12, or 20–42 and 50–99 when unknown), department (2 digits, or 2A/2B for Corsica),
 * commune, order number, then a key = 97 − (the 13-digit number mod 97), with 2A read as 19 and
 * 2B as 18 (INSEE, "Le numéro d'inscription au répertoire").
 */
export function validNir(compact: string): boolean {
  if (!'123478'.includes(compact[0])) return false;
  const month = Number(compact.slice(3, 5));
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  let body = compact.slice(0, 13);
  const department = compact.slice(5, 7);
  if (department === '2A') body = `${body.slice(0, 5)}19${body.slice(7)}`;
  else if (department === '2B') body = `${body.slice(0, 5)}18${body.slice(7)}`;
  else if (!/^\d\d$/.test(department)) return false;
  for (let index = 7; index < 15; index++) if ((compact.charCodeAt(index) - 48) >>> 0 > 9) return false;
  // 13 digits < 2^53: exact in a double.
  return 97 - (Number(body) % 97) === Number(compact.slice(13, 15));
}

/**
 * Finds French social security numbers (`FR_NIR`): 15 characters printed `1 85 05 78 006 084 91`
 * or contiguous `185057800608491`, with the mod 97 key and plausible sex and month digits. The
 * key lets one random candidate in 97 through, and the sex and month rules about one in four of
 * those, so no context word is needed.
 *
 * @example
 * createRedactor({ detectors: [frNir()] }).redact('n° sécu 1 85 05 78 006 084 91').text
 * // 'n° sécu [FR_NIR]'
 */
export function frNir(options: FrNirOptions = {}): Detector {
  return layoutDetector({
    name: 'fr-nir',
    type: 'FR_NIR',
    // Department 2A/2B (Corsica) as separate layouts, so every other position is a digit.
    layouts: ['DDDDDDDDDDDDDDD', 'DDDDDDADDDDDDDD', 'D DD DD DD DDD DDD DD', 'D DD DD DA DDD DDD DD'],
    validate: validNir,
    context: ['sécu', 'secu', 'sécurité sociale', 'securite sociale', 'nir', 'insee'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
