import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `usItin`. */
export type UsItinOptions = IdOptions;

/**
 * IRS ITIN: nine digits starting with 9, the fourth and fifth in 70–88, 90–92 or 94–99
 * (IRS, "Individual Taxpayer Identification Number", ranges as of 2024).
 */
export function validItin(compact: string): boolean {
  if (compact.charCodeAt(0) !== 57) return false;
  const group = Number(compact.slice(3, 5));
  return (group >= 70 && group <= 88) || (group >= 90 && group <= 92) || group >= 94;
}

/**
 * Finds US Individual Taxpayer Identification Numbers (`US_ITIN`): `9XX-7X-XXXX` dashed or
 * spaced, or nine bare digits after a context word (ITIN, taxpayer id, TIN). ITINs have no
 * check digit; the 9 and the group ranges are the whole validation.
 *
 * @example
 * createRedactor({ detectors: [usItin()] }).redact('ITIN 912-78-1234').text
 * // 'ITIN [US_ITIN]'
 */
export function usItin(options: UsItinOptions = {}): Detector {
  return layoutDetector({
    name: 'us-itin',
    type: 'US_ITIN',
    layouts: ['DDD-DD-DDDD', 'DDD DD DDDD', '~DDDDDDDDD'],
    validate: validItin,
    context: ['itin', 'taxpayer', 'tin', 'tax id'],
    requireContext: options.requireContext,
    score: options.score ?? 0.85,
    contextScore: options.score,
  });
}
