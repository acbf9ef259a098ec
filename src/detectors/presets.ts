import type { Detector } from '../types.js';
import { auTfn } from './au-tfn.js';
import { brCnpj } from './br-cnpj.js';
import { brCpf } from './br-cpf.js';
import { caSin } from './ca-sin.js';
import { cryptoWallet } from './crypto-wallet.js';
import { dateOfBirth } from './date-of-birth.js';
import { deTaxId } from './de-tax-id.js';
import { defaultDetectors } from './defaults.js';
import { esDni } from './es-dni.js';
import { esNie } from './es-nie.js';
import { frNir } from './fr-nir.js';
import { inAadhaar } from './in-aadhaar.js';
import { inPan } from './in-pan.js';
import { itFiscalCode } from './it-fiscal-code.js';
import { macAddress } from './mac-address.js';
import { person } from './person.js';
import { secret } from './secret.js';
import { swiftBic } from './swift-bic.js';
import { ukNhs } from './uk-nhs.js';
import { ukNino } from './uk-nino.js';
import { url } from './url.js';
import { usBankRouting } from './us-bank-routing.js';
import { usDriversLicense } from './us-drivers-license.js';
import { usItin } from './us-itin.js';
import { usPassport } from './us-passport.js';

/**
 * Opt-in groups of detectors, by region and by concern, to spread after the defaults:
 * `createRedactor({ detectors: [...defaultDetectors(), ...detectors.uk(), ...detectors.secrets()] })`.
 * Each group is a function returning fresh detector objects; the module is re-exported as the
 * `detectors` namespace, so a bundler keeps only the groups a program calls.
 */

/**
 * UK: National Insurance numbers, NHS numbers (with context).
 *
 * @example
 * createRedactor({ detectors: [...defaultDetectors(), ...detectors.uk()] }).redact('NI AB123456C').text
 * // 'NI [UK_NINO]'
 */
export function uk(): Detector[] {
  return [ukNino(), ukNhs()];
}

/**
 * EU member states: Spanish DNI and NIE, Italian codice fiscale, French NIR, German tax id
 * (IBANs are in the defaults).
 *
 * @example
 * createRedactor({ detectors: detectors.eu() }).redact('DNI 12345678Z').text // 'DNI [ES_DNI]'
 */
export function eu(): Detector[] {
  return [esDni(), esNie(), itFiscalCode(), frNir(), deTaxId()];
}

/**
 * US: ITINs, bank routing numbers, passport and driver's licence numbers (the last three only
 * after context words). SSNs are in the defaults.
 *
 * @example
 * createRedactor({ detectors: detectors.us() }).redact('ITIN 912-78-1234').text // 'ITIN [US_ITIN]'
 */
export function us(): Detector[] {
  return [usItin(), usBankRouting(), usPassport(), usDriversLicense()];
}

/**
 * Canada: Social Insurance Numbers (with context).
 *
 * @example
 * createRedactor({ detectors: detectors.canada() }).redact('SIN 130 692 544').text // 'SIN [CA_SIN]'
 */
export function canada(): Detector[] {
  return [caSin()];
}

/**
 * Australia: tax file numbers (with context).
 *
 * @example
 * createRedactor({ detectors: detectors.australia() }).redact('TFN 123 456 782').text // 'TFN [AU_TFN]'
 */
export function australia(): Detector[] {
  return [auTfn()];
}

/**
 * India: Aadhaar and PAN.
 *
 * @example
 * createRedactor({ detectors: detectors.india() }).redact('PAN ABCPE1234F').text // 'PAN [IN_PAN]'
 */
export function india(): Detector[] {
  return [inAadhaar(), inPan()];
}

/**
 * Brazil: CPF and CNPJ.
 *
 * @example
 * createRedactor({ detectors: detectors.brazil() }).redact('CPF 111.444.777-35').text // 'CPF [BR_CPF]'
 */
export function brazil(): Detector[] {
  return [brCpf(), brCnpj()];
}

/**
 * Credentials: every SECRET kind, including passwords and high-entropy values after context
 * words. Use it in place of the defaults' `secret` when those are wanted too.
 *
 * @example
 * createRedactor({ detectors: detectors.secrets() }).redact('api_key=Zx8fK2pQ9mW4vB7nR3tY6uJ1').text
 * // 'api_key=[SECRET]'
 */
export function secrets(): Detector[] {
  return [secret()];
}

/**
 * Network and banking identifiers: MAC addresses, crypto wallet addresses, SWIFT/BIC codes
 * (with context). IP addresses are in the defaults.
 *
 * @example
 * createRedactor({ detectors: detectors.network() }).redact('mac 00:1A:2B:3C:4D:5E').text
 * // 'mac [MAC_ADDRESS]'
 */
export function network(): Detector[] {
  return [macAddress(), cryptoWallet(), swiftBic()];
}

/**
 * The defaults, PERSON and DATE_OF_BIRTH, and every group above, with the full SECRET set in
 * place of the default one.
 *
 * @example
 * createRedactor({ detectors: detectors.all() })
 */
export function all(): Detector[] {
  const extra = [person(), dateOfBirth(), ...uk(), ...eu(), ...us(), ...canada(), ...australia(), ...india(), ...brazil(), ...network()];
  const base = defaultDetectors().filter((detector) => detector.name !== 'secret');
  const names = new Set(base.map((detector) => detector.name));
  return [...base, secret(), ...(names.has('url') ? [] : [url()]), ...extra.filter((detector) => !names.has(detector.name))];
}
