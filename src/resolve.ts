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
  for (const candidate of cluster) {
    if (kept.every((winner) => candidate.end <= winner.start || candidate.start >= winner.end)) kept.push(candidate);
  }
  kept.sort((a, b) => a.start - b.start);
  for (const winner of kept) result.push(winner);
}
