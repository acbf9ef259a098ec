import type { Detector } from '../types.js';
import { creditCard } from './credit-card.js';
import { dateOfBirth } from './date-of-birth.js';
import { email } from './email.js';
import { health } from './health.js';
import { iban } from './iban.js';
import { lineWrapped } from './line-wrapped.js';
import { obfuscatedEmail } from './obfuscated-email.js';
import { ipAddress } from './ip-address.js';
import { phone } from './phone.js';
import { HIGH_CONFIDENCE_SECRETS, secret } from './secret.js';
import { spacedDigits } from './spaced-digits.js';
import { streetAddress } from './street-address.js';
import { url } from './url.js';
import { usSsn } from './us-ssn.js';

/**
 * Every built-in detector that is on by default, in priority order (earlier wins ties when
 * findings overlap).
 *
 * @example
 * createRedactor({ detectors: [...defaultDetectors(), myDetector] })
 */
export function defaultDetectors(): Detector[] {
  // secret: every kind but the entropy-only `generic` one; url: only URLs carrying PII or
  // secrets. Neither altered a message of test/fixtures/everyday.txt or the 251 real negatives.
  return [email(), creditCard(), iban(), usSsn(), dateOfBirth(), streetAddress(), health(), phone(), ipAddress(), secret({ kinds: HIGH_CONFIDENCE_SECRETS }), url(), ...evasion()];
}

/** Evasion-resistant variants on by default (see README "Evasion"). */
function evasion(): Detector[] {
  return [spacedDigits(creditCard()), spacedDigits(usSsn()), spacedDigits(phone(), { mixedSeparators: false }), lineWrapped(creditCard()), lineWrapped(iban()), obfuscatedEmail()];
}
