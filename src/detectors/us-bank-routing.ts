import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `usBankRouting`. */
export type UsBankRoutingOptions = IdOptions;

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7, 1];

/**
 * ABA routing transit number (ABA Key to Routing Numbers; Federal Reserve): the first two digits
 * are 00–12 (banks), 21–32 (thrifts), 61–72 (electronic) or 80 (traveller's cheques), and the
 * digits weighted 3, 7, 1 sum to a multiple of 10.
 */
export function validRouting(compact: string): boolean {
  const prefix = Number(compact.slice(0, 2));
  if (!(prefix <= 12 || (prefix >= 21 && prefix <= 32) || (prefix >= 61 && prefix <= 72) || prefix === 80)) return false;
  let sum = 0;
  for (let index = 0; index < 9; index++) sum += (compact.charCodeAt(index) - 48) * WEIGHTS[index];
  return sum % 10 === 0 && compact !== '000000000';
}

/**
 * Finds US bank routing numbers (`US_BANK_ROUTING`): nine digits with a valid ABA prefix and
 * checksum, only after a context word (routing, ABA, RTN, transit): the checksum alone lets one
 * nine-digit number in ten through.
 *
 * @example
 * createRedactor({ detectors: [usBankRouting()] }).redact('routing 021000021').text
 * // 'routing [US_BANK_ROUTING]'
 */
export function usBankRouting(options: UsBankRoutingOptions = {}): Detector {
  return layoutDetector({
    name: 'us-bank-routing',
    type: 'US_BANK_ROUTING',
    layouts: ['DDDDDDDDD'],
    validate: validRouting,
    context: ['routing', 'aba', 'rtn', 'transit'],
    requireContext: true,
    score: options.score ?? 0.9,
    contextScore: options.score,
  });
}
