import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import validator from 'validator';
import { deTaxId, validDeTaxId } from '../../src/detectors/de-tax-id.js';
import { detectorSuite, format } from '../helpers/detector-suite.js';

const check = (body: string): number => {
  let product = 10;
  for (const char of body) {
    let sum = (Number(char) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const digit = 11 - product;
  return digit === 10 ? 0 : digit;
};
/** Ten digits with exactly one digit twice, not starting with 0. */
const body = fc
  .tuple(fc.shuffledSubarray([...'0123456789'], { minLength: 9, maxLength: 9 }), fc.nat(8), fc.nat(9))
  .map(([digits, pick, at]) => {
    const list = [...digits];
    list.splice(at, 0, list[pick]);
    return list.join('');
  })
  .filter((b) => b[0] !== '0');

detectorSuite('deTaxId', {
  detector: () => deTaxId(),
  positives: [
    ['a grouped tax id', 'Steuer-ID ⟦65 929 970 489⟧'],
    ['a contiguous tax id after "IdNr"', 'IdNr. ⟦65929970489⟧'],
  ],
  negatives: [
    ['a contiguous number without context', 'Tel 65929970489'],
    ['a wrong check digit', 'Steuer-ID 65 929 970 488'],
    ['no repeated digit', 'Steuer-ID 12 345 678 903'],
  ],
  valid: fc.tuple(body, fc.constantFrom('DD DDD DDD DDD')).map(([b, l]) => format(b + check(b), l)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 })).map(([b, k]) => format(b + ((check(b) + k) % 10), 'DD DDD DDD DDD')),
});

describe('validDeTaxId', () => {
  it('agrees with validator.js on generated ids', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(validDeTaxId(b + check(b))).toBe(true);
        expect(validator.isTaxID(b + check(b), 'de-DE')).toBe(true);
      }),
    );
  });
  it('rejects a digit three times in a row', () => {
    const b = '1112345678';
    expect(validDeTaxId(b + check(b))).toBe(false);
  });
});
