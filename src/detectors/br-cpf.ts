import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `brCpf`. */
export type BrCpfOptions = IdOptions;

/** The mod 11 check digit over the first `length` digits, weights from `length + 1` down to 2. */
function checkDigit(compact: string, length: number): number {
  let sum = 0;
  for (let index = 0; index < length; index++) sum += (compact.charCodeAt(index) - 48) * (length + 1 - index);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

/**
 * CPF (Receita Federal, Instrução Normativa RFB 1548/2015): nine digits and two mod 11 check
 * digits; numbers of one repeated digit pass the arithmetic but are invalid.
 */
export function validCpf(compact: string): boolean {
  if (/^(\d)\1{10}$/.test(compact)) return false;
  return checkDigit(compact, 9) === compact.charCodeAt(9) - 48 && checkDigit(compact, 10) === compact.charCodeAt(10) - 48;
}

/**
 * Finds Brazilian CPF numbers (`BR_CPF`): `123.456.789-09` as printed, or eleven bare digits
 * after "CPF" (a bare run passes the two check digits one time in a hundred).
 *
 * @example
 * createRedactor({ detectors: [brCpf()] }).redact('CPF 111.444.777-35').text
 * // 'CPF [BR_CPF]'
 */
export function brCpf(options: BrCpfOptions = {}): Detector {
  return layoutDetector({
    name: 'br-cpf',
    type: 'BR_CPF',
    layouts: ['DDD.DDD.DDD-DD', '~DDDDDDDDDDD'],
    validate: validCpf,
    context: ['cpf'],
    requireContext: options.requireContext,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
