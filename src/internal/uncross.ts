import type { Finding } from '../types.js';

/**
 * `cut`, moved back to the start of every finding that crosses it, until none does: a `pending`
 * answer must not fall inside a finding decided before it (see Detector), and moving the cut
 * back can put it inside another one. Each move goes strictly back to a finding's start, so
 * this ends; findings near the end of a held text are few.
 *
 * @example
 * cutOutside([{ type: 'HEALTH', start: 4, end: 12, score: 1, detector: 'health' }], 8) // 4
 */
export function cutOutside(findings: readonly Finding[], cut: number): number {
  for (let moved = true; moved; ) {
    moved = false;
    for (const finding of findings) {
      if (finding.start < cut && finding.end > cut) {
        cut = finding.start;
        moved = true;
      }
    }
  }
  return cut;
}
