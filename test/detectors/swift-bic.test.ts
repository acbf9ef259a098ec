import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import validator from 'validator';
import { swiftBic, validBic } from '../../src/detectors/swift-bic.js';
import { detectorSuite, DIGITS, stringOf, UPPER } from '../helpers/detector-suite.js';

const country = fc.constantFrom('DE', 'FR', 'GB', 'US', 'CH', 'NL', 'IT', 'ES', 'JP', 'SG');
const location = stringOf(UPPER + DIGITS, 2);
const branch = fc.oneof(fc.constant(''), stringOf(UPPER + DIGITS, 3));

detectorSuite('swiftBic', {
  detector: () => swiftBic(),
  lead: 'SWIFT ',
  positives: [
    ['an 8-character BIC', 'SWIFT: ⟦DEUTDEFF⟧'],
    ['an 11-character BIC', 'BIC ⟦DEUTDEFF500⟧.'],
    ['a BIC in a sentence', 'Please use SWIFT/BIC code ⟦BNPAFRPP⟧ for the transfer'],
  ],
  negatives: [
    ['capital words without context', 'PLEASE RESPOND ASAP'],
    ['an unknown country', 'SWIFT ABCDZZFF'],
    ['a BIC-shaped word far from context', `SWIFT ${'x '.repeat(30)}DEUTDEFF`],
  ],
  valid: fc.tuple(stringOf(UPPER, 4), country, location, branch).map((parts) => parts.join('')),
  invalid: fc.tuple(stringOf(UPPER, 4), fc.constantFrom('ZZ', 'QQ', 'XX'), location, branch).map((parts) => parts.join('')),
});

describe('validBic', () => {
  it('agrees with validator.js on generated codes', () => {
    fc.assert(
      fc.property(stringOf(UPPER, 6), location, (head, loc) => {
        expect(validBic(head + loc)).toBe(validator.isBIC(head + loc));
      }),
    );
  });
});
