import fc from 'fast-check';
import { usBankRouting } from '../../src/detectors/us-bank-routing.js';
import { detectorSuite, DIGITS, stringOf } from '../helpers/detector-suite.js';

const WEIGHTS = [3, 7, 1, 3, 7, 1, 3, 7];
const last = (body: string): number => {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(body[i]) * WEIGHTS[i];
  return (10 - (sum % 10)) % 10;
};
const prefix = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 21, max: 32 }), fc.integer({ min: 61, max: 72 }), fc.constant(80)).map((n) => String(n).padStart(2, '0'));
const body = fc.tuple(prefix, stringOf(DIGITS, 6)).map(([p, d]) => p + d).filter((b) => b !== '00000000');

detectorSuite('usBankRouting', {
  detector: () => usBankRouting(),
  lead: 'routing number ',
  positives: [
    ['a routing number (JPMorgan Chase NY)', 'routing ⟦021000021⟧'],
    ['an ABA number', 'ABA: ⟦011000015⟧.'],
  ],
  negatives: [
    ['a valid number without context', 'order 021000021'],
    ['a wrong check digit', 'routing 021000022'],
    ['an unused prefix (13)', 'routing 130000005'],
  ],
  valid: body.map((b) => b + last(b)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 })).map(([b, k]) => b + ((last(b) + k) % 10)),
});
