/**
 * `piiveil/core`: everything `piiveil` exports, except that `createRedactor` requires its
 * `detectors` list instead of binding every built-in detector, so bundles keep only the detectors
 * they use. A local export shadows the same name from `export *` (ECMAScript 16.2.3, star exports
 * skip names the module exports itself).
 *
 * @example
 * import { createRedactor, creditCard, email, mask } from 'piiveil/core'
 * const redactor = createRedactor({ detectors: [email(), creditCard()], operators: { CREDIT_CARD: mask({ keepLast: 4 }) } })
 * redactor.redact('Card 4111 1111 1111 1111').text // 'Card **** **** **** 1111'
 */
export * from './index.js';
export { createRedactor, type CoreRedactorOptions } from './core-redactor.js';
