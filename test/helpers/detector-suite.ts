import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, type Detector } from '../../src/index.js';
import { unmark } from './marked.js';
import { checkAllChunkings, cut, expectStreamEquivalent } from './stream.js';

/**
 * The shared shape of a detector's tests: hand-written golden positives (spans marked ⟦ ⟧) and
 * hard negatives, each also streamed under every 1-char, fixed and random chunking; then
 * properties over generated values: a valid value between random safe text is found with its
 * exact span and streams like one-shot; an invalid one is never found.
 */
export interface DetectorSuite {
  readonly detector: () => Detector;
  /** [name, marked text]. */
  readonly positives: readonly (readonly [string, string])[];
  /** [name, text]. */
  readonly negatives: readonly (readonly [string, string])[];
  /** A valid value as printed (no context). */
  readonly valid: fc.Arbitrary<string>;
  /** A value of the same shape that must not be found. */
  readonly invalid?: fc.Arbitrary<string>;
  /** Text put right before a generated value (a context word where one is needed). Default: ''. */
  readonly lead?: string;
  /** Expected category of findings, if any. */
  readonly category?: string;
}

/** Text around a generated value that cannot join it: words and punctuation ending/starting with a space. */
const before = fc.constantFrom('', 'ok ', 'see: ', '(', 'x\n', 'é ', '😀 ', '"', 'id = ');
const after = fc.constantFrom('', ' ok', '.', ', then', ')', '\n', ' 😀', '"', '!');

export function detectorSuite(name: string, suite: DetectorSuite): void {
  const redactor = createRedactor({ detectors: [suite.detector()] });
  const spans = (text: string) => redactor.find(text).map((finding) => [finding.start, finding.end]);
  const lead = suite.lead ?? '';

  describe(name, () => {
    for (const [title, marked] of suite.positives) {
      it(`finds ${title}`, () => {
        const { text, spans: expected } = unmark(marked);
        expect(spans(text)).toEqual(expected);
        if (suite.category !== undefined) for (const finding of redactor.find(text)) expect(finding.category).toBe(suite.category);
        checkAllChunkings(redactor, text, 6);
      });
    }
    for (const [title, text] of suite.negatives) {
      it(`finds nothing in ${title}`, () => {
        expect(spans(text)).toEqual([]);
        checkAllChunkings(redactor, text, 3);
      });
    }
    it('finds every generated valid value with its exact span, and streams it like one-shot', () => {
      fc.assert(
        fc.property(before, suite.valid, after, fc.array(fc.nat(), { maxLength: 8 }), (head, value, tail, points) => {
          const prefix = lead + head;
          const text = prefix + value + tail;
          expect(spans(text)).toEqual([[prefix.length, prefix.length + value.length]]);
          expectStreamEquivalent(redactor, text, cut(text, points.map((p) => p % (text.length + 1))));
        }),
        { numRuns: 150 },
      );
    });
    if (suite.invalid !== undefined) {
      it('never finds a generated invalid value', () => {
        fc.assert(
          fc.property(before, suite.invalid!, after, (head, value, tail) => {
            expect(spans(lead + head + value + tail)).toEqual([]);
          }),
          { numRuns: 150 },
        );
      });
    }
  });
}

/** A string of `length` characters drawn from `alphabet`. */
export const stringOf = (alphabet: string, length: number): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...alphabet), { minLength: length, maxLength: length }).map((chars) => chars.join(''));

export const DIGITS = '0123456789';
export const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Prints `compact` in `layout` ('D'/'A'/'X' take the next character; anything else is literal). */
export function format(compact: string, layout: string): string {
  let result = '';
  let next = 0;
  for (const char of layout) result += 'DAXH'.includes(char) ? compact[next++] : char;
  return result;
}
