import type { Finding } from './types.js';

/**
 * Collapses overlapping findings to one per region of text.
 *
 * Rule: findings that overlap, directly or through a chain, form a cluster; within a cluster the
 * winner is the higher score, then the longer span (as `lengthOf` measures it), then the
 * detector listed first, then the earlier start; every finding overlapping a winner is dropped
 * and the rest compete again.
 * The rule only compares findings of one cluster, so a cut between clusters (what the streaming
 * engine makes) never changes the outcome.
 *
 * @param findings any order; not modified
 * @param rank detector name → position in the detector list (lower wins ties)
 * @param lengthOf a finding's length; by default its span's. The pipeline passes the length in
 *   the normalised view for text that has one, so that invisible characters inside a span do
 *   not make it win (the winner is then the one of the same text without them).
 * @returns sorted by start, non-overlapping
 */
export function resolveOverlaps(findings: readonly Finding[], rank: ReadonlyMap<string, number>, lengthOf: (finding: Finding) => number = spanLength): Finding[] {
  if (findings.length < 2) return findings.slice();
  const sorted = findings.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const result: Finding[] = [];
  let clusterStart = 0;
  let clusterEnd = sorted[0].end;
  for (let index = 1; index <= sorted.length; index++) {
    const next = sorted[index];
    if (next !== undefined && next.start < clusterEnd) {
      if (next.end > clusterEnd) clusterEnd = next.end;
      continue;
    }
    if (index - clusterStart === 1) result.push(sorted[clusterStart]);
    else pickWinners(sorted.slice(clusterStart, index), rank, lengthOf, result);
    if (next !== undefined) {
      clusterStart = index;
      clusterEnd = next.end;
    }
  }
  return result;
}

const spanLength = (finding: Finding): number => finding.end - finding.start;

function pickWinners(cluster: Finding[], rank: ReadonlyMap<string, number>, lengthOf: (finding: Finding) => number, result: Finding[]): void {
  const order = (finding: Finding): number => rank.get(finding.detector) ?? Number.MAX_SAFE_INTEGER;
  cluster.sort(
    (a, b) =>
      b.score - a.score ||
      lengthOf(b) - lengthOf(a) ||
      order(a) - order(b) ||
      a.start - b.start,
  );
  const kept: Finding[] = [];
  if (cluster.length > LARGE_CLUSTER) keepDisjoint(cluster, kept);
  else {
    for (const candidate of cluster) {
      if (kept.every((winner) => candidate.end <= winner.start || candidate.start >= winner.end)) kept.push(candidate);
    }
  }
  kept.sort((a, b) => a.start - b.start);
  for (const winner of kept) result.push(winner);
}

/**
 * Clusters above this size take `keepDisjoint`. Chat clusters hold two or three findings, for
 * which comparing each candidate with every winner is cheapest; a chain of thousands of
 * overlapping findings (a deny literal '--' in a run of '-') made that quadratic: 1.7 to 3.7 s
 * one-shot for 64 000 '-'.
 */
const LARGE_CLUSTER = 64;

/**
 * The greedy pass of `pickWinners` in O(n log n): `cluster` in order of preference, each
 * candidate kept unless it overlaps a finding kept before it. Kept findings are disjoint, so a
 * candidate [s, e) overlaps one iff a kept finding starts in [s, e), or the last kept finding
 * starting before s ends after s. Kept starts are counted in a Fenwick tree over the cluster's
 * distinct starts, which answers both in O(log n).
 */
function keepDisjoint(cluster: readonly Finding[], kept: Finding[]): void {
  const sorted = Float64Array.from(cluster, (finding) => finding.start).sort();
  let size = 0;
  for (let index = 0; index < sorted.length; index++) if (index === 0 || sorted[index] !== sorted[index - 1]) sorted[size++] = sorted[index];
  const starts = sorted.subarray(0, size);
  const tree = new Int32Array(size + 1);
  /** End of the kept finding starting at `starts[i]`. */
  const keptEnd = new Float64Array(size);
  /** Kept starts among the first `count` distinct starts. */
  const keptBelow = (count: number): number => {
    let total = 0;
    for (let node = count; node > 0; node -= node & -node) total += tree[node];
    return total;
  };
  for (const candidate of cluster) {
    const at = lowerBound(starts, candidate.start);
    const before = keptBelow(at);
    if (keptBelow(lowerBound(starts, candidate.end)) > before) continue;
    if (before > 0 && keptEnd[nthKept(tree, before)] > candidate.start) continue;
    for (let node = at + 1; node <= size; node += node & -node) tree[node]++;
    keptEnd[at] = candidate.end;
    kept.push(candidate);
  }
}

/** Index of the first of `values` (ascending) that is not below `value`. */
function lowerBound(values: Float64Array, value: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Index (0-based) of the `nth` (1-based) counted start in a Fenwick `tree`. */
function nthKept(tree: Int32Array, nth: number): number {
  let index = 0;
  let step = 1;
  while (step * 2 < tree.length) step *= 2;
  for (; step > 0; step >>= 1) {
    if (index + step < tree.length && tree[index + step] < nth) {
      index += step;
      nth -= tree[index];
    }
  }
  return index;
}
