import type { Detector } from '../types.js';
import { email } from './email.js';
import { streetAddress } from './street-address.js';

/**
 * Every built-in detector that is on by default, in priority order (earlier wins ties when
 * findings overlap).
 *
 * @example
 * createRedactor({ detectors: [...defaultDetectors(), myDetector] })
 */
export function defaultDetectors(): Detector[] {
  return [email(), streetAddress()];
}
