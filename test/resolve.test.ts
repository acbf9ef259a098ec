import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { releasableCut, resolveOverlaps } from '../src/resolve.js';
import { cutOutside } from '../src/internal/uncross.js';
import type { Finding } from '../src/types.js';

const rank = new Map([
  ['a', 0],
  ['b', 1],
  ['c', 2],
]);

/** The rule of src/resolve.ts, written the slow and obvious way: the reference. */
function reference(findings: readonly Finding[]): Finding[] {
  const order = (finding: Finding) => rank.get(finding.detector) ?? Number.MAX_SAFE_INTEGER;
  const better = (x: Finding, y: Finding) =>
    y.score - x.score || y.end - y.start - (x.end - x.start) || order(x) - order(y) || x.start - y.start;
  const sorted = findings.slice().sort((x, y) => x.start - y.start || y.end - x.end);
  // Clusters: overlapping directly or through a chain.
  const clusters: Finding[][] = [];
  let end = -1;
  for (const finding of sorted) {
    if (clusters.length > 0 && finding.start < end) clusters[clusters.length - 1].push(finding);
    else clusters.push([finding]);
    end = Math.max(finding.start < end ? end : finding.end, finding.end);
  }
  const result: Finding[] = [];
  const contains = (outer: Finding, inner: Finding) => outer.start <= inner.start && inner.end <= outer.end && outer.end - outer.start > inner.end - inner.start;
  const overlap = (x: Finding, y: Finding) => x.start < y.end && y.start < x.end;
  for (const cluster of clusters) {
    const kept: Finding[] = [];
    // Level by level inward: the findings no other of the level contains compete; then the
    // rest that overlap no winner.
    for (let level = cluster; level.length > 0; ) {
      const outermost = level.filter((inner) => !level.some((outer) => contains(outer, inner)));
      const winners: Finding[] = [];
      for (const candidate of outermost.slice().sort(better)) {
        if (winners.every((winner) => !overlap(winner, candidate))) winners.push(candidate);
      }
      kept.push(...winners);
      level = level.filter((finding) => !outermost.includes(finding) && !winners.some((winner) => overlap(winner, finding)));
    }
    result.push(...kept.sort((x, y) => x.start - y.start));
  }
  return result;
}

const finding = (maxStart: number) =>
  fc
    .record({
      start: fc.nat(maxStart),
      length: fc.integer({ min: 1, max: 12 }),
      score: fc.constantFrom(0.5, 0.9, 1),
      detector: fc.constantFrom('a', 'b', 'c', 'user'),
    })
    .map(({ start, length, score, detector }): Finding => ({ type: 'X', start, end: start + length, score, detector }));

describe('resolveOverlaps', () => {
  it('drops a finding that a longer one contains, whatever their scores, unless the longer one loses', () => {
    const at = (start: number, end: number, score: number, detector: string): Finding => ({ type: 'X', start, end, score, detector });
    // 'jane@example.com' with 'example' deny-listed: the address, not 'jane@[DENY].com'.
    expect(resolveOverlaps([at(5, 12, 1, 'a'), at(0, 16, 0.9, 'b')], rank)).toEqual([at(0, 16, 0.9, 'b')]);
    // When the outer one loses ('c' 8-14 beats 'b' 0-10), what it contains competes next.
    expect(resolveOverlaps([at(2, 4, 1, 'a'), at(0, 10, 0.5, 'b'), at(8, 14, 0.9, 'c')], rank)).toEqual([at(2, 4, 1, 'a'), at(8, 14, 0.9, 'c')]);
    expect(resolveOverlaps([at(7, 9, 1, 'a'), at(0, 10, 0.5, 'b'), at(8, 14, 0.9, 'c')], rank)).toEqual([at(8, 14, 0.9, 'c')]);
    // Identical spans do not contain each other: the rule picks one.
    expect(resolveOverlaps([at(0, 4, 0.5, 'b'), at(0, 4, 0.9, 'c')], rank)).toEqual([at(0, 4, 0.9, 'c')]);
  });

  it('keeps the higher score, then the longer span, then the detector listed first, then the earlier start', () => {
    const at = (start: number, end: number, score: number, detector: string): Finding => ({ type: 'X', start, end, score, detector });
    expect(resolveOverlaps([at(0, 5, 0.9, 'a'), at(3, 9, 1, 'b')], rank)).toEqual([at(3, 9, 1, 'b')]);
    expect(resolveOverlaps([at(0, 5, 1, 'a'), at(3, 9, 1, 'b')], rank)).toEqual([at(3, 9, 1, 'b')]);
    expect(resolveOverlaps([at(0, 6, 1, 'b'), at(3, 9, 1, 'a')], rank)).toEqual([at(3, 9, 1, 'a')]);
    expect(resolveOverlaps([at(3, 9, 1, 'a'), at(0, 6, 1, 'a')], rank)).toEqual([at(0, 6, 1, 'a')]);
    // A winner drops what it overlaps; the rest of the cluster competes again.
    expect(resolveOverlaps([at(0, 4, 1, 'a'), at(3, 8, 0.5, 'a'), at(7, 10, 0.9, 'a')], rank)).toEqual([at(0, 4, 1, 'a'), at(7, 10, 0.9, 'a')]);
  });

  it('follows the reference rule on small clusters and on clusters of hundreds of findings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.array(finding(40), { maxLength: 10 }), fc.array(finding(250), { minLength: 100, maxLength: 400 })), (list) => {
        expect(resolveOverlaps(list, rank)).toEqual(reference(list));
      }),
      { numRuns: 300 },
    );
  });

  it('resolves a chain of 100 000 overlapping findings to every other one', () => {
    // The pairs a deny literal '--' finds in a run of '-': the earlier start wins each tie. The
    // former greedy pass compared each candidate with every winner (5 * 10^9 steps here).
    const pairs = Array.from({ length: 100_000 }, (_, start): Finding => ({ type: 'DENY', start, end: start + 2, score: 1, detector: 'deny-list' }));
    const kept = resolveOverlaps(pairs, rank);
    expect(kept).toHaveLength(50_000);
    expect(kept.every((pair, index) => pair.start === 2 * index)).toBe(true);
  });
});

describe('releasableCut', () => {
  const at = (start: number, end: number, score: number, detector: string): Finding => ({ type: 'X', start, end, score, detector });
  const before = (findings: readonly Finding[], cut: number) => reference(findings).filter((finding) => finding.start < cut);

  it('keeps a cut that no finding crosses', () => {
    expect(releasableCut([], 7, rank)).toBe(7);
    expect(releasableCut([at(0, 7, 1, 'a'), at(7, 9, 1, 'b')], 7, rank)).toBe(7);
  });

  it('cuts before a finding that reaches past the cut, and before a winner straddling that cut', () => {
    expect(releasableCut([at(4, 12, 1, 'a')], 8, rank)).toBe(4);
    // 'b' (3-9, lower score) may still lose or win against text to come; 'a' (0-5) beats it
    // whatever happens and straddles 3, so the cut goes to 0.
    expect(releasableCut([at(0, 5, 1, 'a'), at(3, 9, 0.5, 'b')], 8, rank)).toBe(0);
    // Without 'a', text before 3 is decided.
    expect(releasableCut([at(0, 2, 1, 'a'), at(3, 9, 0.5, 'b')], 8, rank)).toBe(3);
  });

  it('cuts inside a finding that loses whatever text comes next', () => {
    // 'a' ranks above 'b'. The last 'a' (12-20) reaches past 16, so the 'b' it overlaps (8-14)
    // is open; the 'a' at 2-10 beats both 'b's around it whatever comes, so the cut goes to its
    // start, inside the first 'b' (0-4), which loses to it. Cutting outside every finding would
    // go back to 0.
    const findings = [at(0, 4, 0.5, 'b'), at(2, 10, 1, 'a'), at(8, 14, 0.5, 'b'), at(12, 20, 1, 'a')];
    expect(releasableCut(findings, 16, rank)).toBe(2);
    expect(cutOutside(findings, 16)).toBe(0);
    // A finding that ranks lower than an open one it overlaps is open too: 'c' (2-6) wins if
    // text to come beats 'b' (4-9).
    expect(releasableCut([at(2, 6, 1, 'c'), at(4, 9, 1, 'b')], 8, rank)).toBe(2);
  });

  it('holds a finding inside a loser whose fate hangs on an open one', () => {
    // 'x' (6-9) sits inside 'L' (2-12), which loses to 'W' (0-4); 'x' is dropped now because it
    // overlaps 'O' (8-20), but text to come may beat 'O', and then 'x' wins: nothing from 6 on
    // is decided, and 'L' holds 'x', so the cut goes back to 2, inside 'W', then to 0.
    const W = at(0, 4, 1, 'a');
    const L = at(2, 12, 0.9, 'a');
    const x = at(6, 9, 0.5, 'a');
    const O = at(8, 20, 0.5, 'b');
    expect(resolveOverlaps([W, L, x, O], rank)).toEqual([W, O]);
    expect(resolveOverlaps([W, L, x, O, at(15, 25, 1, 'a')], rank)).toEqual([W, x, at(15, 25, 1, 'a')]);
    expect(releasableCut([W, L, x, O], 15, rank)).toBe(0);
  });

  it('holds two findings of an alternating chain, not the chain', () => {
    // Higher-ranked 'a' spans (10k, 10k + 8), lower 'b' spans (10k + 6, 10k + 12): each 'b'
    // overlaps two 'a's and loses to both, whatever comes after the chain's end.
    const chain: Finding[] = [];
    for (let k = 0; k < 10_000; k++) chain.push(at(10 * k, 10 * k + 8, 1, 'a'), at(10 * k + 6, 10 * k + 12, 0.5, 'b'));
    const end = 10 * 9_999 + 10;
    expect(releasableCut(chain, end, rank)).toBe(10 * 9_999);
    expect(releasableCut(chain.slice().reverse(), end, rank)).toBe(10 * 9_999);
    // The other way round ('b' ranks higher), the cut is as close.
    const flipped = chain.map((finding) => ({ ...finding, score: finding.detector === 'a' ? 0.5 : 1 }));
    expect(releasableCut(flipped, end, rank)).toBeGreaterThanOrEqual(10 * 9_998);
  });

  it('releases only text whose winners no text to come can change, and never less than cutOutside', () => {
    // Text to come may add any finding starting at or after the cut (findings starting before
    // it are final, as detectors promise): the winners before the returned cut must be the same
    // in every such future, and none of them may straddle it.
    const small = fc.tuple(fc.array(finding(40), { maxLength: 10 }), fc.nat(52), fc.array(finding(60), { maxLength: 4 }));
    const large = fc.tuple(fc.array(finding(250), { minLength: 100, maxLength: 300 }), fc.nat(262), fc.array(finding(280), { maxLength: 6 }));
    fc.assert(
      fc.property(fc.oneof(small, large), ([list, cut, later]) => {
        const result = releasableCut(list, cut, rank);
        expect(result).toBeLessThanOrEqual(cut);
        expect(result).toBeGreaterThanOrEqual(cutOutside(list, cut));
        const kept = list.filter((finding) => finding.start < cut);
        const future = [...kept, ...later.filter((finding) => finding.start >= cut)];
        // The findings found so far are one possible future too (nothing more comes).
        for (const whole of [list, future]) {
          expect(before(whole, result)).toEqual(before(list, result));
          expect(reference(whole).some((finding) => finding.start < result && finding.end > result)).toBe(false);
          // The next release sees only the findings from the cut on, and must resolve them alike.
          const after = (findings: readonly Finding[]) => findings.filter((finding) => finding.start >= result);
          expect(reference(after(whole))).toEqual(after(reference(whole)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
