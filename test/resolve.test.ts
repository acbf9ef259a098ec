import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOverlaps } from '../src/resolve.js';
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
  for (const cluster of clusters) {
    const kept: Finding[] = [];
    for (const candidate of cluster.slice().sort(better)) {
      if (kept.every((winner) => candidate.end <= winner.start || candidate.start >= winner.end)) kept.push(candidate);
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
