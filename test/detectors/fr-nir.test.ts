import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frNir, validNir } from '../../src/detectors/fr-nir.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const key = (body: string): string => {
  const numeric = body.replace('2A', '19').replace('2B', '18');
  return String(97 - Number(BigInt(numeric) % 97n)).padStart(2, '0');
};
const two = (min: number, max: number) => fc.integer({ min, max }).map((n) => String(n).padStart(2, '0'));
const body = fc
  .tuple(fc.constantFrom('1', '2'), stringOf(DIGITS, 2), two(1, 12), fc.oneof(two(1, 95), fc.constantFrom('2A', '2B')), stringOf(DIGITS, 3), stringOf(DIGITS, 3))
  .map((parts) => parts.join(''));
const layout = fc.constantFrom('DDDDDDXDDDDDDDD', 'D DD DD DX DDD DDD DD');

detectorSuite('frNir', {
  detector: () => frNir(),
  positives: [
    ['a spaced NIR', 'n° sécu ⟦1 85 05 78 006 084 91⟧'],
    ['a contiguous NIR', 'NIR ⟦185057800608491⟧.'],
    ['a Corsican NIR (2A)', 'né à Ajaccio: ⟦1 85 05 2A 004 123 45⟧'.replace('45⟧', `${key('185052A004123')}⟧`)],
  ],
  negatives: [
    ['a wrong key', 'NIR 1 85 05 78 006 084 92'],
    ['an impossible month', 'NIR 1 85 15 78 006 084 91'],
    ['a 15-digit order number', 'order 999999999999999'],
  ],
  valid: fc.tuple(body, layout).map(([b, l]) => format(b + key(b), l)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 96 }), layout).map(([b, k, l]) => format(b + String(((Number(key(b)) - 1 + k) % 97) + 1).padStart(2, '0'), l)),
});

describe('validNir', () => {
  it('reads 2A and 2B as 19 and 18', () => {
    const body = '185052B004123';
    expect(validNir(body + key(body))).toBe(true);
  });
});
