import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutOutside } from '../../src/internal/uncross.js';
import type { Finding } from '../../src/types.js';

const span = (start: number, end: number): Finding => ({ type: 'X', start, end, score: 1, detector: 'x' });

describe('cutOutside', () => {
  it('keeps a cut that no finding crosses, and moves one inside a finding to its start', () => {
    expect(cutOutside([], 7)).toBe(7);
    expect(cutOutside([span(0, 7), span(7, 9)], 7)).toBe(7);
    expect(cutOutside([span(4, 12)], 8)).toBe(4);
  });

  it('moves again when the new cut falls inside another finding, in any order', () => {
    // "the pill" (0-8) under "pill addiction" (4-18): a cut at 10 goes to 4, then to 0.
    expect(cutOutside([span(0, 8), span(4, 18)], 10)).toBe(0);
    expect(cutOutside([span(4, 18), span(0, 8)], 10)).toBe(0);
  });

  it('returns the largest cut at or before the given one that no finding crosses', () => {
    const findings = fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 1, max: 12 })).map(([start, length]) => span(start, start + length)), { maxLength: 8 });
    fc.assert(
      fc.property(findings, fc.nat(52), (list, cut) => {
        const result = cutOutside(list, cut);
        const free = (at: number) => list.every((finding) => !(finding.start < at && finding.end > at));
        expect(result).toBeLessThanOrEqual(cut);
        expect(free(result)).toBe(true);
        for (let at = result + 1; at <= cut; at++) expect(free(at), `${at} is free, above ${result}`).toBe(false);
      }),
    );
  });
});

describe('cutOutside on long chains', () => {
  it('walks a chain of 100 000 overlapping findings back to its first start, in any order', () => {
    // Like the pairs a deny literal '--' finds in a run of '-': each overlaps the next, so a cut
    // at the end goes back to the first start. In ascending order the former loop (one move per
    // pass over the list) needed 10^5 passes, 10^10 steps, and ran into the test's timeout.
    const chain = Array.from({ length: 100_000 }, (_, index) => span(99_999 - index, 101_000 - index));
    expect(cutOutside(chain, 100_500)).toBe(0);
    expect(cutOutside(chain.slice().reverse(), 100_500)).toBe(0);
  });
});
