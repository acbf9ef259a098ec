import fc from 'fast-check';
import { usItin } from '../../src/detectors/us-itin.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const group = fc.oneof(fc.integer({ min: 70, max: 88 }), fc.integer({ min: 90, max: 92 }), fc.integer({ min: 94, max: 99 })).map(String);
const badGroup = fc.oneof(fc.integer({ min: 10, max: 69 }), fc.constantFrom(89, 93)).map(String);
const layout = fc.constantFrom('DDD-DD-DDDD', 'DDD DD DDDD');

detectorSuite('usItin', {
  detector: () => usItin(),
  positives: [
    ['a dashed ITIN', 'ITIN ⟦912-78-1234⟧'],
    ['a spaced ITIN', 'taxpayer id ⟦900 94 0000⟧.'],
    ['a bare ITIN after "ITIN"', 'ITIN: ⟦912781234⟧'],
  ],
  negatives: [
    ['a bare number without context', 'ref 912781234'],
    ['group 89', 'ITIN 912-89-1234'],
    ['group 93', 'ITIN 912-93-1234'],
    ['an SSN', 'SSN 536-22-1234'],
  ],
  valid: fc.tuple(stringOf(DIGITS, 2), group, stringOf(DIGITS, 4), layout).map(([a, g, s, l]) => format(`9${a}${g}${s}`, l)),
  invalid: fc.tuple(stringOf(DIGITS, 2), badGroup, stringOf(DIGITS, 4), layout).map(([a, g, s, l]) => format(`9${a}${g}${s}`, l)),
});
