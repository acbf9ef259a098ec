import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ukNino, validNino } from '../../src/detectors/uk-nino.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const first = fc.constantFrom(...'ABCEGHJKLMNOPRSTWXYZ');
const second = fc.constantFrom(...'ABCEGHJKLMNPRSTWXYZ');
const prefix = fc.tuple(first, second).map(([a, b]) => a + b).filter((p) => !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(p));
const layout = fc.constantFrom('AADDDDDDA', 'AA DD DD DD A', 'AA DDDDDD A', 'AA-DD-DD-DD-A');

detectorSuite('ukNino', {
  detector: () => ukNino(),
  positives: [
    ['a contiguous NINO', 'NI number ⟦AB123456C⟧.'],
    ['a NINO in pairs', 'my NI is ⟦JG 10 37 79 D⟧ thanks'],
    ['a NINO with a spaced block', 'nino: ⟦CE 123456 A⟧'],
    ['a dashed NINO at the start', '⟦AB-12-34-56-B⟧ on file'],
    ['two NINOs', '⟦AB123456A⟧ and ⟦WX987654D⟧'],
  ],
  negatives: [
    ['a never-allocated prefix letter (Q)', 'ref QQ123456C'],
    ['an invalid second letter (O)', 'ref AO123456C'],
    ['the reserved prefix GB', 'ref GB123456A'],
    ['an invalid suffix', 'ref AB123456E'],
    ['lower case', 'ref ab123456c'],
    ['a longer code', 'SKU XAB123456C'],
    ['glued to a word after', 'AB123456Cx'],
    ['seven digits', 'AB1234567C'],
    ['a postcode and prose', 'Send it to SW1A 1AA, London'],
  ],
  valid: fc.tuple(prefix, stringOf(DIGITS, 6), fc.constantFrom(...'ABCD'), layout).map(([p, d, s, l]) => format(p + d + s, l)),
  invalid: fc.tuple(prefix, stringOf(DIGITS, 6), fc.constantFrom(...'EFGHJKLMNPQRSTUVWXYZ'), layout).map(([p, d, s, l]) => format(p + d + s, l)),
});

describe('validNino', () => {
  it('applies the HMRC prefix and suffix rules', () => {
    expect(validNino('AB123456C')).toBe(true);
    expect(validNino('DA123456C')).toBe(false);
    expect(validNino('AD123456C')).toBe(false);
    expect(validNino('NK123456C')).toBe(false);
    expect(validNino('AB123456Z')).toBe(false);
  });
});
