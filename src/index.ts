export { createRedactor, redact, type Redactor } from './redactor.js';
export type { Incremental, RedactionStream } from './stream/incremental.js';
export { redactIterable, transformIterable, type StreamSource } from './stream/iterable.js';
export { summarize } from './summarize.js';
export { PiiveilError, type PiiveilErrorCode } from './errors.js';
export { defaultDetectors } from './detectors/defaults.js';
export { email, type EmailOptions } from './detectors/email.js';
export { creditCard, type CreditCardOptions } from './detectors/credit-card.js';
export { iban, type IbanOptions } from './detectors/iban.js';
export { usSsn, type UsSsnOptions } from './detectors/us-ssn.js';
export { streetAddress, type StreetAddressOptions } from './detectors/street-address.js';
export { health, type HealthOptions, type HealthCategory, type HealthTier } from './detectors/health.js';
export { phone, DEFAULT_PHONE_REGIONS, type PhoneOptions } from './detectors/phone.js';
export { ipAddress, type IpAddressOptions } from './detectors/ip-address.js';
export { person, type PersonOptions } from './detectors/person.js';
export { dateOfBirth, type DateOfBirthOptions } from './detectors/date-of-birth.js';
export { secret, HIGH_CONFIDENCE_SECRETS, GENERIC_MIN_ENTROPY, type SecretKind, type SecretOptions } from './detectors/secret.js';
export { url, type UrlOptions } from './detectors/url.js';
export { ukNino, type UkNinoOptions } from './detectors/uk-nino.js';
export { ukNhs, type UkNhsOptions } from './detectors/uk-nhs.js';
export { caSin, type CaSinOptions } from './detectors/ca-sin.js';
export { inAadhaar, type InAadhaarOptions } from './detectors/in-aadhaar.js';
export { inPan, type InPanOptions } from './detectors/in-pan.js';
export { esDni, type EsDniOptions } from './detectors/es-dni.js';
export { esNie, type EsNieOptions } from './detectors/es-nie.js';
export { itFiscalCode, type ItFiscalCodeOptions } from './detectors/it-fiscal-code.js';
export { frNir, type FrNirOptions } from './detectors/fr-nir.js';
export { deTaxId, type DeTaxIdOptions } from './detectors/de-tax-id.js';
export { brCpf, type BrCpfOptions } from './detectors/br-cpf.js';
export { brCnpj, type BrCnpjOptions } from './detectors/br-cnpj.js';
export { auTfn, type AuTfnOptions } from './detectors/au-tfn.js';
export { usItin, type UsItinOptions } from './detectors/us-itin.js';
export { usPassport, type UsPassportOptions } from './detectors/us-passport.js';
export { usDriversLicense, type UsDriversLicenseOptions } from './detectors/us-drivers-license.js';
export { usBankRouting, type UsBankRoutingOptions } from './detectors/us-bank-routing.js';
export { swiftBic, type SwiftBicOptions } from './detectors/swift-bic.js';
export { macAddress, type MacAddressOptions } from './detectors/mac-address.js';
export { cryptoWallet, type CryptoWalletOptions } from './detectors/crypto-wallet.js';
export { spacedDigits, type SpacedDigitsOptions } from './detectors/spaced-digits.js';
export { lineWrapped } from './detectors/line-wrapped.js';
export { obfuscatedEmail, type ObfuscatedEmailOptions } from './detectors/obfuscated-email.js';
export * as detectors from './detectors/presets.js';
export type { IdOptions } from './internal/layout.js';
export { label, type LabelOptions } from './operators/label.js';
export { mask, type MaskOptions } from './operators/mask.js';
export { remove } from './operators/remove.js';
export { hash, type HashOptions } from './operators/hash.js';
export { createVault, type Vault, type VaultOptions, type VaultData, type RestoreOptions } from './vault/vault.js';
export type { VaultEntry } from './vault/state.js';
export { createTokenizer } from './vault/tokenizer.js';
export { vaultGuard, type VaultGuardOptions } from './vault/guard.js';
export { tokenize } from './operators/tokenize.js';
export { surrogate, type SurrogateOptions } from './operators/surrogate.js';
export { keyedToken, type KeyedTokenOptions } from './operators/keyed-token.js';
export { restoreTransform, type RestoreStream } from './stream/restore.js';
export { restoreValue, type RestoreValueOptions } from './restore-value.js';
export { redactValue, createValueRedactor, type RedactValueOptions, type RedactValueResult, type ValueFinding, type ValueRedactor, type PathSegment } from './redact-value.js';
export { policies } from './policies.js';
export { createScan, type Positions, type Scan } from './scanner/scan.js';
export type {
  BuiltInEntityType,
  DenyEntry,
  Detector,
  EntityType,
  Finding,
  FindingsSummary,
  Operator,
  OperatorFunction,
  RedactResult,
  RedactorOptions,
} from './types.js';
