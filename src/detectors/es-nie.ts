import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';
import { DNI_LETTERS } from './es-dni.js';

/** Options of `esNie`. */
export type EsNieOptions = IdOptions;

/**
 * NIE (foreigners' identity number, Orden INT/2058/2008): X, Y or Z, seven digits and a control
 * letter computed as for the DNI with X, Y, Z read as 0, 1, 2.
 */
export function validNie(compact: string): boolean {
  const prefix = 'XYZ'.indexOf(compact[0]);
  if (prefix < 0) return false;
  const number = prefix * 1e7 + Number(compact.slice(1, 8));
  return DNI_LETTERS[number % 23] === compact[8];
}

/**
 * Finds Spanish NIE numbers (`ES_NIE`): `X1234567L`, `X-1234567-L` or `X1234567-L`, with the
 * mod 23 control letter.
 *
 * @example
 * createRedactor({ detectors: [esNie()] }).redact('NIE X1234567L').text
 * // 'NIE [ES_NIE]'
 */
export function esNie(options: EsNieOptions = {}): Detector {
  return layoutDetector({
    name: 'es-nie',
    type: 'ES_NIE',
    layouts: ['ADDDDDDDA', 'A-DDDDDDD-A', 'ADDDDDDD-A'],
    validate: validNie,
    context: ['nie', 'extranjero'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
