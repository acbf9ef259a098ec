import { expect } from 'vitest';
import { createScan, type Detector, type Finding } from '../../src/index.js';

/** Raw findings of `detector` on `text` (no overlap resolution), sorted by start then end. */
export function rawFindings(detector: Detector, text: string): Finding[] {
  const out: Finding[] = [];
  detector.find(createScan(text, 0), out);
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * Checks the `pending` contract of `detector` at every prefix of `text`, with the rest of `text`
 * as the text appended: p is in [0, prefix length], every finding of the whole text starting
 * before p is a finding of the prefix and ends at or before p, and the prefix has no other
 * finding starting before p.
 */
export function expectPendingContract(detector: Detector, text: string): void {
  const whole = rawFindings(detector, text);
  for (let k = 0; k <= text.length; k++) {
    const prefix = text.slice(0, k);
    const p = detector.pending(prefix, 0);
    const where = `prefix ${JSON.stringify(prefix)} pending ${p}`;
    expect(p >= 0 && p <= k, where).toBe(true);
    const decided = whole.filter((finding) => finding.start < p);
    for (const finding of decided) expect(finding.end <= p, where).toBe(true);
    expect(rawFindings(detector, prefix).filter((finding) => finding.start < p), where).toEqual(decided);
  }
}
