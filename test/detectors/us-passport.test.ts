import fc from 'fast-check';
import { usPassport } from '../../src/detectors/us-passport.js';
import { detectorSuite, DIGITS, stringOf, UPPER } from '../helpers/detector-suite.js';

detectorSuite('usPassport', {
  detector: () => usPassport(),
  lead: 'passport ',
  positives: [
    ['a nine-digit passport number', 'passport no. ⟦531234567⟧'],
    ['a next-generation passport number', 'US Passport: ⟦A12345678⟧.'.replace('A12345678', 'A52349876')],
  ],
  negatives: [
    ['nine digits without context', 'order 531234567'],
    ['a placeholder', 'passport 000000000'],
    ['a counting run', 'passport 123456789'],
  ],
  valid: fc.oneof(stringOf(DIGITS, 9), fc.tuple(stringOf(UPPER, 1), stringOf(DIGITS, 8)).map(([a, b]) => a + b)).filter((v) => !/^\D?(\d)\1+$/.test(v) && !'0123456789'.includes(v.replace(/^\D/, '')) && !'9876543210'.includes(v.replace(/^\D/, ''))),
  invalid: fc.oneof(stringOf(DIGITS, 7), fc.constantFrom('111111111', '123456789')),
});
