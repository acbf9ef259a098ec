import fc from 'fast-check';
import { caSin } from '../../src/detectors/ca-sin.js';
import { luhnCheckDigit } from '../../src/internal/luhn.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const body = fc.tuple(fc.constantFrom(...'1234567 9'.replace(' ', '')), stringOf(DIGITS, 7)).map(([a, b]) => a + b);
const layout = fc.constantFrom('DDD DDD DDD', 'DDD-DDD-DDD', 'DDDDDDDDD');

detectorSuite('caSin', {
  detector: () => caSin(),
  lead: 'SIN: ',
  positives: [
    ['a spaced SIN', 'my SIN is ⟦130 692 544⟧'],
    ['a dashed SIN', 'Social insurance number ⟦193-456-787⟧.'],
    ['a contiguous SIN after the French acronym', 'NAS ⟦130692544⟧'],
  ],
  negatives: [
    ['a Luhn-valid number without context', 'order 130 692 544 shipped'],
    ['a Luhn-invalid number', 'SIN 130 692 545'],
    ['a business number (starts with 8)', 'SIN 800 000 002'],
    ['a fictitious SIN (starts with 0)', 'SIN 046 454 286'],
    ['"sin" inside a word', 'business 130 692 544'],
  ],
  valid: fc.tuple(body, layout).map(([b, l]) => format(b + luhnCheckDigit(b), l)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 }), layout).map(([b, k, l]) => format(b + ((luhnCheckDigit(b) + k) % 10), l)),
});
