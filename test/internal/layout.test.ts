import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, deTaxId, detectors } from '../../src/index.js';
import { layoutDetector } from '../../src/internal/layout.js';
import { cut, expectStreamEquivalent } from '../helpers/stream.js';

const dashed = layoutDetector({ name: 'x', type: 'X', layouts: ['DDD-DDD', '~AA DDDD'], validate: (compact) => compact !== '000000', context: ['ref'], score: 0.9 });

describe('layoutDetector', () => {
  it('finds layouts, with context where a layout needs it', () => {
    const redactor = createRedactor({ detectors: [dashed] });
    expect(redactor.find('a 123-456 b').map((f) => [f.start, f.end])).toEqual([[2, 9]]);
    expect(redactor.find('AB 1234').length).toBe(0);
    expect(redactor.find('ref AB 1234').map((f) => [f.start, f.end, f.score])).toEqual([[4, 11, 0.97]]);
    expect(redactor.find('000-000 1123-456 123-4567 123-456-789').length).toBe(0);
  });

  it('reads context words that overlap, so that a scan from any offset sees the same ones', () => {
    // "tax id" and "idnr" overlap in "tax idnr": from 0 the search went on after "tax id" and
    // never saw "idnr", whose end is within the window of the ID; a find from 42 saw it.
    const detector = deTaxId({ requireContext: true });
    const text = `tax idnr${' '.repeat(34)}86502314789 ok`;
    const redactor = createRedactor({ detectors: [detector] });
    expect(redactor.find(text).map((finding) => [finding.start, finding.end])).toEqual([[42, 53]]);
    expectStreamEquivalent(redactor, text, [...text]);
    expectStreamEquivalent(redactor, 'tax idnr 77 538 142 060 Mr 99 526 401 378 77368510298 ', ['tax idnr 77 538 142 060 Mr 99 526 401 378 77368510298 ']);
  });

  it('holds only a candidate that may still complete', () => {
    expect(dashed.pending('hello world ', 0)).toBe(12);
    expect(dashed.pending('see 123-4', 0)).toBe(4);
    expect(dashed.pending('see 123-456', 0)).toBe(4); // the next unit may glue it to a word
    expect(dashed.pending('see 123-456. ok', 0)).toBe(15);
  });

  it('decides a 1 MB digit run without holding it', () => {
    const text = '7'.repeat(1_000_000);
    const started = performance.now();
    const held = dashed.pending(text, 0);
    expect(held).toBeGreaterThanOrEqual(text.length - 20);
    // A hang guard, not a benchmark: the check reads only the last few units.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('streams soups of ID fragments like one-shot with every opt-in group', () => {
    const redactor = createRedactor({ detectors: [...detectors.uk(), ...detectors.eu(), ...detectors.us(), ...detectors.canada(), ...detectors.australia(), ...detectors.india(), ...detectors.brazil(), ...detectors.network()] });
    const pieces = ['NHS ', 'SIN ', 'TFN ', 'routing ', 'SWIFT ', '943 476 5919', '130 692 544', '123 456 782', '021000021', 'DEUTDEFF', 'AB 12 34 56 C', '12345678Z', 'RSSMRA85T10A562S', '1 85 05 78 006 084 91', '111.444.777-35', '2345 6789 0124', '00:1A:2B:3C:4D:5E', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', '1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', ' ', '-', '.', '1', 'x', ':'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, points) => {
        const text = parts.join('');
        expectStreamEquivalent(redactor, text, cut(text, points.map((p) => p % (text.length + 1))));
      }),
      { numRuns: 300 },
    );
  });
});
