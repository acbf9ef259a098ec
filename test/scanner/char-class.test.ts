import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isWordCodeAt } from '../../src/scanner/char-class.js';

/** The definition, by code points: the code point a unit belongs to (a pair only when well formed) is \p{L}, \p{N} or \p{M}. */
function reference(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  let point = code;
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) {
    const high = text.charCodeAt(index - 1);
    if (high >= 0xd800 && high <= 0xdbff) point = text.codePointAt(index - 1)!;
  } else if (code >= 0xd800 && code <= 0xdbff) {
    point = text.codePointAt(index)!;
  }
  // A lone surrogate is its own code point, which none of these classes holds.
  return /^[\p{L}\p{N}\p{M}]$/u.test(String.fromCodePoint(point));
}

describe('isWordCodeAt', () => {
  it('classifies letters, digits and marks of any script, and nothing else', () => {
    const cases: [string, number, boolean][] = [
      ['a', 0, true],
      ['7', 0, true],
      [' ', 0, false],
      ['_', 0, false],
      ['é', 0, true],
      ['e\u0301', 1, true], // a combining mark
      ['日', 0, true],
      ['٤', 0, true], // ARABIC-INDIC DIGIT FOUR
      ['\u00a0', 0, false],
      ['€', 0, false],
    ];
    for (const [text, index, expected] of cases) expect(isWordCodeAt(text, index), `${JSON.stringify(text)}[${index}]`).toBe(expected);
  });

  it('answers for a surrogate pair from either half, and takes a lone half for no letter', () => {
    expect(isWordCodeAt('a𝒜', 1)).toBe(true); // U+1D49C MATHEMATICAL SCRIPT CAPITAL A
    expect(isWordCodeAt('a𝒜', 2)).toBe(true);
    expect(isWordCodeAt('a😀', 1)).toBe(false);
    expect(isWordCodeAt('a😀', 2)).toBe(false);
    expect(isWordCodeAt('a\udc00', 1)).toBe(false);
    expect(isWordCodeAt('𝒜\udc00', 2)).toBe(false); // after a whole pair, not after its high half
    expect(isWordCodeAt('a\ud835', 1)).toBe(false);
  });

  it('reads one unit back at most: a long run of lone low surrogates neither overflows the stack nor takes the class of the letter before it', () => {
    const text = `x${'\udc00'.repeat(50_000)}`;
    expect(isWordCodeAt(text, text.length - 1)).toBe(false);
  });

  it('agrees with the code-point definition on any text, at every index', () => {
    const unit = fc.oneof(
      fc.constantFrom('a', 'Z', '5', ' ', '-', 'é', '\u0301', '日', '€', '\ud835', '\udc9c', '\udc00', '\ud83d', '\ude00', '𝒜', '😀'),
      fc.string({ unit: 'binary', maxLength: 2 }),
    );
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }).map((parts) => parts.join('')), (text) => {
        for (let index = 0; index < text.length; index++) expect(isWordCodeAt(text, index), `${JSON.stringify(text)}[${index}]`).toBe(reference(text, index));
      }),
      { numRuns: 500 },
    );
  });
});
