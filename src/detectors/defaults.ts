import type { Detector } from '../types.js';
import { creditCard } from './credit-card.js';
import { dateOfBirth } from './date-of-birth.js';
import { email } from './email.js';
import { health } from './health.js';
import { iban } from './iban.js';
import { ipAddress } from './ip-address.js';
import { phone } from './phone.js';
import { streetAddress } from './street-address.js';
import { usSsn } from './us-ssn.js';

/**
 * Every built-in detector that is on by default, in priority order (earlier wins ties when
 * findings overlap).
 *
 * @example
 * createRedactor({ detectors: [...defaultDetectors(), myDetector] })
 */
export function defaultDetectors(): Detector[] {
  return [email(), creditCard(), iban(), usSsn(), dateOfBirth(), streetAddress(), health(), phone(), ipAddress()];
}
