import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLexicon } from '../../src/detectors/address-lexicon.js';
import { HALF_LETTERS, PACKED_LETTERS, createWordTable, packHigh, packLow } from '../../src/detectors/address-word-table.js';

/** The packed key of `word` by a forward walk and by a backward walk (the two must agree). */
function keys(word: string): { forward: [number, number]; backward: [number, number] } {
  let low = 0;
  let high = 0;
  for (let k = 0; k < word.length; k++) {
    high = packHigh(high, low);
    low = packLow(low, word.charCodeAt(k));
  }
  let backLow = 0;
  let backHigh = 0;
  for (let fromEnd = 0; fromEnd < word.length; fromEnd++) {
    const code = word.charCodeAt(word.length - 1 - fromEnd) & 31;
    if (fromEnd < HALF_LETTERS) backLow |= code << (5 * fromEnd);
    else backHigh |= code << (5 * (fromEnd - HALF_LETTERS));
  }
  return { forward: [low, high], backward: [backLow, backHigh] };
}

describe('word table', () => {
  const table = createWordTable(['street', 'st', 'ave', 'boulevard', 'northwest', 'o', "o'neil", 'straße', 'apartment']);

  it('finds a word by its packed key whatever its case', () => {
    for (const [word, id] of [['street', 0], ['STREET', 0], ['St', 1], ['aVe', 2], ['Boulevard', 3], ['NORTHWEST', 4], ['o', 5], ['Apartment', 8]] as const) {
      const [low, high] = keys(word).forward;
      expect(table.findPacked(low, high)).toBe(id);
    }
  });

  it('finds no word that is not in the table, nor a prefix or an extension of one', () => {
    for (const word of ['stree', 'streets', 's', 'av', 'aves', 'boulevards', 'north', 'main', 'oo', 'apartments']) {
      const [low, high] = keys(word).forward;
      expect(table.findPacked(low, high)).toBe(-1);
    }
  });

  it('agrees with find on every run of one to twelve letters, walked either way', () => {
    const lexicon = addressLexicon().table;
    const word = fc.oneof(
      fc.constantFrom(...lexicon.words.filter((w) => /^[a-z]{1,12}$/.test(w))),
      fc.stringMatching(/^[a-zA-Z]{1,12}$/),
    );
    fc.assert(
      fc.property(word, fc.boolean(), (value, upper) => {
        const text = upper ? value.toUpperCase() : value;
        const { forward, backward } = keys(text);
        expect(backward).toEqual(forward);
        expect(lexicon.findPacked(forward[0], forward[1])).toBe(lexicon.find(text, 0, text.length));
      }),
      { numRuns: 3000 },
    );
    expect(PACKED_LETTERS).toBe(2 * HALF_LETTERS);
  });
});
