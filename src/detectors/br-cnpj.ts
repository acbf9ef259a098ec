import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `brCnpj`. */
export type BrCnpjOptions = IdOptions;

const WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

/** Mod 11 digit over the first `length` digits with the CNPJ weights (5..2, 9..2 for 12; 6.. for 13). */
function checkDigit(compact: string, length: number): number {
  let sum = 0;
  const offset = 13 - length;
  for (let index = 0; index < length; index++) sum += (compact.charCodeAt(index) - 48) * WEIGHTS[index + offset];
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

/**
 * CNPJ (Receita Federal, Instrução Normativa RFB 2119/2022): 12 digits (company and branch) and
 * two mod 11 check digits; one repeated digit is invalid.
 */
export function validCnpj(compact: string): boolean {
  if (/^(\d)\1{13}$/.test(compact)) return false;
  return checkDigit(compact, 12) === compact.charCodeAt(12) - 48 && checkDigit(compact, 13) === compact.charCodeAt(13) - 48;
}

/**
 * Finds Brazilian company numbers (`BR_CNPJ`): `11.222.333/0001-81` as printed, or 14 bare digits
 * after "CNPJ". The alphanumeric CNPJ announced for July 2026 is not matched yet.
 *
 * @example
 * createRedactor({ detectors: [brCnpj()] }).redact('CNPJ 11.222.333/0001-81').text
 * // 'CNPJ [BR_CNPJ]'
 */
export function brCnpj(options: BrCnpjOptions = {}): Detector {
  return layoutDetector({
    name: 'br-cnpj',
    type: 'BR_CNPJ',
    layouts: ['DD.DDD.DDD/DDDD-DD', '~DDDDDDDDDDDDDD'],
    validate: validCnpj,
    context: ['cnpj'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
