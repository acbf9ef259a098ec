import { expect } from 'vitest';
import type { Finding, Redactor } from '../../src/index.js';

/**
 * Checks the one-shot findings of `text` redacted with `label()`: whole-number spans in range,
 * sorted and disjoint, each replaced by its `[TYPE]` in `output`. Returns where each label lies in
 * `output`.
 */
export function expectLabelledSpans(text: string, output: string, findings: readonly Finding[]): [number, number][] {
  const labels: [number, number][] = [];
  let last = 0;
  let shift = 0;
  for (const finding of findings) {
    const where = `${finding.type} ${finding.start}-${finding.end} in ${JSON.stringify(text)}`;
    expect(Number.isInteger(finding.start) && Number.isInteger(finding.end), where).toBe(true);
    expect(finding.start, where).toBeGreaterThanOrEqual(last);
    expect(finding.end, where).toBeGreaterThan(finding.start);
    expect(finding.end, where).toBeLessThanOrEqual(text.length);
    last = finding.end;
    const replacement = `[${finding.type}]`;
    const at = finding.start + shift;
    expect(output.slice(at, at + replacement.length), where).toBe(replacement);
    labels.push([at, at + replacement.length]);
    shift += replacement.length - (finding.end - finding.start);
  }
  return labels;
}

/**
 * Redacting the label output again is no fixed point (a label splits glued values, and label
 * words are context: "[PHONE]" is a phone cue, "[STREET_ADDRESS]" holds "address"), but what a
 * second pass finds lies near a label: within `before` code units before one or `after` after
 * one, never far from every label. Checks that for `redactor` (a `label()` one) and `text`.
 */
export function expectSecondPassNearLabels(redactor: Redactor, text: string, before: number, after: number): void {
  const once = redactor.redact(text);
  expect(once.error).toBeUndefined();
  const labels = expectLabelledSpans(text, once.text, once.findings);
  const twice = redactor.redact(once.text);
  expect(twice.error).toBeUndefined();
  for (const finding of twice.findings) {
    const where = `second pass: ${finding.type} ${finding.start}-${finding.end} in ${JSON.stringify(once.text)} from ${JSON.stringify(text)}`;
    expect(labels.some(([start, end]) => finding.start - before < end && finding.end + after > start), where).toBe(true);
  }
}
