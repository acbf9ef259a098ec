import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import validator from 'validator';
import { inAadhaar, verhoeffValid } from '../../src/detectors/in-aadhaar.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const checkDigit = (body: string): number => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => verhoeffValid(body + d))!;
const body = fc.tuple(fc.constantFrom(...'23456789'), stringOf(DIGITS, 10)).map(([a, b]) => a + b);

detectorSuite('inAadhaar', {
  detector: () => inAadhaar(),
  positives: [
    ['a spaced Aadhaar number', 'Aadhaar ⟦2345 6789 0124⟧'],
    ['a dashed Aadhaar number without context', 'id ⟦2345-6789-0124⟧.'],
    ['a contiguous one after "UIDAI"', 'UIDAI no ⟦234567890124⟧'],
  ],
  negatives: [
    ['a contiguous number without context', 'order 234567890124'],
    ['a wrong check digit', 'Aadhaar 2345 6789 0125'],
    ['a number starting with 1', 'Aadhaar 1345 6789 0124'],
    ['a card-like chain', '2345 6789 0124 1111'],
  ],
  valid: fc.tuple(body, fc.constantFrom('DDDD DDDD DDDD', 'DDDD-DDDD-DDDD')).map(([b, l]) => format(b + checkDigit(b), l)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 })).map(([b, k]) => format(b + ((checkDigit(b) + k) % 10), 'DDDD DDDD DDDD')),
});

describe('verhoeffValid', () => {
  it('agrees with validator.js on generated numbers', () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 9 }), (b, d) => {
        expect(verhoeffValid(b + d)).toBe(validator.isIdentityCard(b + d, 'IN'));
      }),
    );
  });
  it('accepts the textbook example 2363', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(verhoeffValid('2364')).toBe(false);
  });
});
