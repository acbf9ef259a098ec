import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTermGate } from '../../src/detectors/health-gate.js';

const FORMS = ['type 2 diabetes', 'metformin', 'ms', 'in the hospital', 'on the pill', "crohn's disease", 'flu', 'a fib', 'adhd'];
const gate = createTermGate(FORMS);

/** Every index the gate stops at, scanning as the detector does (on to the end of each token). */
function stops(text: string, streaming = false): number[] {
  const found: number[] = [];
  let index = 0;
  for (;;) {
    index = gate.next(text, index, streaming);
    if (index >= text.length) return found;
    found.push(index);
    while (index < text.length && /[\p{L}\p{N}\p{M}'’-]/u.test(text[index])) index++;
  }
}

describe('createTermGate', () => {
  it.each<[string, number[]]>([
    ['we ate dinner', []],
    ['we ate metformin', [7]],
    ['Metformin, then METFORMIN.', [0, 16]],
    ['I have type 2 diabetes', [7]],
    ['I have type  2 diabetes', [7]], // two spaces: still one separator
    ['I have type    2 diabetes', []], // four spaces break the phrase
    ['type-2-diabetes', [0]],
    ['type 3 diabetes', []],
    ['the msg was sent', []], // "ms" is a term, "msg" is not
    ['the MS was sent', [4]],
    ["Crohn's disease", [0]],
    ['Crohn’s disease', [0]],
    ['Crohns', []],
    ['flu, fluid and influenza', [0]], // no term inside a word
    ['in the hospital again', [0]],
    ['in the kitchen again', []],
    ['on the pill', [0]],
    ['on the pillow', []],
    ['a fib', [0]],
    ['a fig', []],
    ['fabulous', []],
    ['adhd²', []], // ² continues the word
    ['grippe ADHD', [7]],
    ['x-ms', []], // "ms" continues a token, it starts none
    ['x- ms', [3]],
    ['-ms', [1]],
    ['ms-flu', [0]],
  ])('stops at the possible terms of %j', (text, expected) => {
    expect(stops(text)).toEqual(expected);
  });

  it('stops at a partial term at the end of the text only when streaming', () => {
    expect(stops('we took metfor')).toEqual([]);
    expect(stops('we took metfor', true)).toEqual([8]);
    expect(stops('we took dinn', true)).toEqual([]);
    expect(stops('in the ', true)).toEqual([0]);
    expect(stops('in the ', false)).toEqual([]);
    expect(stops('in the kit', true)).toEqual([]);
    expect(stops('a', true)).toEqual([0]);
  });

  it('says open only when the text ends inside a caseless term', () => {
    const mixed = createTermGate(['metformin', 'in the hospital'], ['PrEP']);
    expect([mixed.next('took metfor', 0, true), mixed.open]).toEqual([5, true]);
    expect([mixed.next('took metformin', 0, true), mixed.open]).toEqual([5, true]);
    expect([mixed.next('was in the ', 0, true), mixed.open]).toEqual([4, true]);
    expect([mixed.next('on Pr', 0, true), mixed.open]).toEqual([3, false]); // exact-case term only
    expect([mixed.next('took metformin today', 0, true), mixed.open]).toEqual([5, false]); // a whole term
    expect([mixed.next('took metfor', 0, false), mixed.open]).toEqual([11, false]);
  });

  it('starts at the index given', () => {
    expect(gate.next('flu and flu', 1, false)).toBe(3 + 5);
    expect(gate.next('flu and flu', 9, false)).toBe(11);
  });

  it('never skips a token where a form starts', () => {
    const word = fc.stringMatching(/^[a-z]{1,7}$/);
    const gap = fc.constantFrom(' ', '  ', '\t', ', ', '. ', ' (', '/', '\n');
    const cased = (form: string, mask: number) => [...form].map((ch, k) => ((mask >> k) & 1 ? ch.toUpperCase() : ch)).join('');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 6 }), gap, fc.constantFrom(...FORMS), fc.integer(), gap, fc.array(word, { maxLength: 6 }), (before, left, form, mask, right, after) => {
        const prefix = before.length > 0 ? before.join(' ') + left : '';
        const text = prefix + cased(form, mask) + right + after.join(' ');
        expect(stops(text)).toContain(prefix.length);
      }),
    );
  });
});
