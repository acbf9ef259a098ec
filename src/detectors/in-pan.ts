import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';

/** Options of `inPan`. */
export type InPanOptions = IdOptions;

// Income Tax Department (India), PAN structure: the fourth character is the holder type:
// P person, C company, H Hindu undivided family, A association of persons, B body of
// individuals, G government, J artificial juridical person, L local authority, F firm, T trust.
const HOLDER_TYPES = 'PCHABGJLFT';

/** True when `compact` (`AAAAA9999A`) has a valid PAN holder type. */
export function validPan(compact: string): boolean {
  return HOLDER_TYPES.includes(compact[3]);
}

/**
 * Finds Indian Permanent Account Numbers (`IN_PAN`): five letters, four digits and a letter
 * (`ABCPE1234F`), upper case, with a valid holder-type letter. PAN has no check character, so
 * the score is lower than for checksummed IDs; `requireContext` demands "PAN" before it.
 *
 * @example
 * createRedactor({ detectors: [inPan()] }).redact('PAN: ABCPE1234F').text
 * // 'PAN: [IN_PAN]'
 */
export function inPan(options: InPanOptions = {}): Detector {
  return layoutDetector({
    name: 'in-pan',
    type: 'IN_PAN',
    layouts: ['AAAAADDDDA'],
    validate: validPan,
    context: ['pan', 'permanent account'],
    requireContext: options.requireContext,
    score: options.score ?? 0.8,
    contextScore: options.score,
  });
}
