import { layoutDetector, type IdOptions } from '../internal/layout.js';
import type { Detector } from '../types.js';
import { plausibleDocumentNumber } from './us-passport.js';

/** Options of `usDriversLicense`. */
export type UsDriversLicenseOptions = IdOptions;

/**
 * Finds US driver's licence numbers (`US_DRIVERS_LICENSE`) only after a context word (driver's
 * license/licence, driving licence, DL, DLN): each state has its own format (AAMVA DL/ID Card
 * Design Standard, annex D); the common ones are matched: 7–10 or 12 digits (e.g. NY, TX, PA),
 * a letter and 7 digits (CA), a letter and 8, 12 or 14 digits (e.g. IL, FL, NJ). No state
 * publishes a check digit for all numbers, so the context word is the validation.
 *
 * @example
 * createRedactor({ detectors: [usDriversLicense()] }).redact("driver's license D5512839").text
 * // "driver's license [US_DRIVERS_LICENSE]"
 */
export function usDriversLicense(options: UsDriversLicenseOptions = {}): Detector {
  return layoutDetector({
    name: 'us-drivers-license',
    type: 'US_DRIVERS_LICENSE',
    layouts: ['DDDDDDDDDDDD', 'DDDDDDDDDD', 'DDDDDDDDD', 'DDDDDDDD', 'DDDDDDD', 'ADDDDDDDDDDDDDD', 'ADDDDDDDDDDDD', 'ADDDDDDDD', 'ADDDDDDD'],
    validate: plausibleDocumentNumber,
    context: ['driver', 'drivers', 'driving', 'dl', 'dln', 'licence', 'license'],
    requireContext: true,
    score: options.score ?? 0.7,
    contextScore: options.score ?? 0.7, // no check digit: the context word is all there is
  });
}
