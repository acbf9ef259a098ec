import type { Finding } from '../types.js';

/**
 * `cut`, moved back to the start of every finding that crosses it, until none does: a `pending`
 * answer must not fall inside a finding decided before it (see Detector), and moving the cut
 * back can put it inside another one. The result is the largest index at or before `cut` that
 * no finding crosses: between a finding's start and a cut inside it, every index is inside it.
 *
 * Linear after one sort: a cut moves only down, so a finding starting at or after the cut can
 * never cross it again, and taking findings by descending start meets each one once. (Moving it
 * one finding per pass over all of them was quadratic on a chain of overlapping findings: 64 000
 * '-' with a deny literal '--' took 19 s in a stream against 1.7 s one-shot.)
 *
 * @example
 * cutOutside([{ type: 'HEALTH', start: 4, end: 12, score: 1, detector: 'health' }], 8) // 4
 */
export function cutOutside(findings: readonly Finding[], cut: number): number {
  // Most calls: nothing crosses the cut, found in one pass without sorting.
  let crossed = false;
  for (let index = 0; index < findings.length && !crossed; index++) crossed = findings[index].start < cut && findings[index].end > cut;
  if (!crossed) return cut;
  const byStart = findings.filter((finding) => finding.start < cut).sort((a, b) => b.start - a.start);
  for (const finding of byStart) {
    if (finding.start < cut && finding.end > cut) cut = finding.start;
  }
  return cut;
}
