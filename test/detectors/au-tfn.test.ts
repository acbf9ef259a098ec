import fc from 'fast-check';
import { auTfn } from '../../src/detectors/au-tfn.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9];
/** The last weight is 10 ≡ −1 (mod 11), so the last digit equals the weighted sum mod 11. */
const last = (body: string): number => {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * WEIGHTS[i];
  return sum % 11;
};
const body = stringOf(DIGITS, 8).filter((b) => last(b) !== 10 && b !== '00000000');
const layout = fc.constantFrom('DDD DDD DDD', 'DDD-DDD-DDD', 'DDDDDDDDD');

detectorSuite('auTfn', {
  detector: () => auTfn(),
  lead: 'TFN ',
  positives: [
    ['a spaced TFN', 'TFN: ⟦123 456 782⟧'],
    ['a contiguous TFN after "tax file number"', 'my tax file number is ⟦876543210⟧.'.replace('876543210', '123456782')],
  ],
  negatives: [
    ['a valid TFN without context', 'order 123 456 782'],
    ['a wrong check', 'TFN 123 456 783'],
  ],
  valid: fc.tuple(body, layout).map(([b, l]) => format(b + last(b), l)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 }), layout).map(([b, k, l]) => format(b + ((last(b) + k) % 10), l)).filter((v) => {
    const d = v.replace(/\D/g, '');
    return last(d) !== Number(d[8]);
  }),
});
