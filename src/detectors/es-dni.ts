import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `esDni`. */
export type EsDniOptions = IdOptions;

/** Ministerio del Interior: the control letter is this table indexed by the number mod 23. */
export const DNI_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** True when the last letter of `compact` is the mod 23 letter of its eight digits. */
export function validDni(compact: string): boolean {
  const number = Number(compact.slice(0, 8));
  return number > 0 && DNI_LETTERS[number % 23] === compact[8];
}

/**
 * Finds Spanish DNI numbers (`ES_DNI`): eight digits and the mod 23 control letter, written
 * `12345678Z`, `12345678-Z`, `12345678 Z` or `12.345.678-Z`. The letter makes a random match
 * one in 23 of an already rare shape, so no context word is needed.
 *
 * @example
 * createRedactor({ detectors: [esDni()] }).redact('DNI 12345678Z').text
 * // 'DNI [ES_DNI]'
 */
export function esDni(options: EsDniOptions = {}): Detector {
  return layoutDetector({
    name: 'es-dni',
    type: 'ES_DNI',
    layouts: ['DDDDDDDDA', 'DDDDDDDD-A', 'DDDDDDDD A', 'DD.DDD.DDD-A'],
    validate: validDni,
    context: ['dni', 'nif', 'documento'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
