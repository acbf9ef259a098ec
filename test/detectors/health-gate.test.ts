import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTermGate, createTermGateOver, createTrieBuilder, FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, isWordUnitAt, type Trie } from '../../src/detectors/health-gate.js';

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

  it('reads a code unit beyond Latin-1 the same when first met and after', () => {
    // Distinct units per case, so the first call is the first sight in this process.
    for (let round = 0; round < 2; round++) {
      expect(stops('€metformin and ₽flu')).toEqual([1, 16]); // currency signs end a token
      expect(stops('жmetformin and ᚠflu')).toEqual([]); // letters of other scripts continue one
      expect(stops('ms\u0301 and flu\u20dd')).toEqual([]); // so do combining marks
      expect(stops('the ms⁄flu')).toEqual([4, 7]); // U+2044 fraction slash ends a token
    }
  });

  it('reads a surrogate pair by the character it encodes', () => {
    for (let round = 0; round < 2; round++) {
      expect(stops('\u{1d400}metformin, 😀metformin')).toEqual([15]); // a math letter continues the token, an emoji ends one
      expect(stops('\ud800metformin \udc00flu')).toEqual([1, 12]); // lone surrogates end tokens
    }
  });

  describe('phrases that go on into the next tokens', () => {
    const phrases = createTermGate(['on the spectrum', 'the pill', 'in a wheelchair', 'back spasms', 'in the er', 'in therapy', 'flu shot']);
    const phraseStops = (text: string, streaming = false): number[] => {
      const found: number[] = [];
      for (let index = 0; ; ) {
        index = phrases.next(text, index, streaming);
        if (index >= text.length) return found;
        found.push(index);
        while (index < text.length && /[\p{L}\p{N}\p{M}'’-]/u.test(text[index])) index++;
      }
    };

    it.each<[string, number[]]>([
      ['we sat on the sofa', []],
      ['he is on the spectrum', [6]],
      ['On The Spectrum', [0]],
      ['on the  spectrum', [0]], // two spaces: one separator
      ['on the    spectrum', []], // four spaces break the phrase
      ['on the-spectrum', [0]],
      ['on the pill', [3]], // the phrase dies, "the pill" goes on
      ['on the pills', []],
      ['on the specs', []],
      ['in therapy', [0]],
      ['in theatre', []],
      ['in the er', [0]],
      ['in the era', []],
      ['in the er.', [0]],
      ['in a wheelchair', [0]],
      ['in a wheel', []],
      ['in an hour', []],
      ['back spasms', [0]],
      ['back spa', []],
      ['in the on the spectrum', [7]],
      ['a flu shot', [2]],
      ['the flu shot', [4]],
      ['on the €spectrum', []], // a currency sign ends the phrase's token
      ['on the жspectrum', []], // a letter of another script continues a token that starts none
    ])('stops at the possible terms of %j', (text, expected) => {
      expect(phraseStops(text)).toEqual(expected);
      expect(phraseStops(text)).toEqual(expected); // and again, over the phrase rows made by the first call
    });

    it('stops at a phrase cut short only when streaming', () => {
      expect(phraseStops('on the spec', true)).toEqual([0]);
      expect(phraseStops('on the spec', false)).toEqual([]);
      expect(phraseStops('on the pi', true)).toEqual([3]);
      expect(phraseStops('on the ', true)).toEqual([0, 3]); // "the pill" may start too
      expect(phraseStops('on the sofa', true)).toEqual([]);
      expect(phraseStops('in a w', true)).toEqual([0]);
      expect(phraseStops('in a ', false)).toEqual([]);
    });

    it('stops at the same places whether or not the phrase rows were made before', () => {
      const forms = ['on the spectrum', 'the pill', 'in a wheelchair', 'in the er', 'in therapy', 'pill'];
      const word = fc.constantFrom('on', 'the', 'in', 'a', 'an', 'spectrum', 'spec', 'pill', 'er', 'era', 'therapy', 'therapist', 'wheelchair', 'wheelchairs', 'x');
      const gap = fc.constantFrom(' ', '  ', '   ', '    ', '-', ', ', "'", '.', '€');
      fc.assert(
        fc.property(fc.array(fc.tuple(word, gap), { maxLength: 8 }), fc.boolean(), (parts, streaming) => {
          const text = parts.map(([w, g]) => w + g).join('');
          const seen = createTermGate(forms);
          const first = [seen.next(text, 0, streaming), seen.open];
          expect([seen.next(text, 0, streaming), seen.open]).toEqual(first);
          const fresh = createTermGate(forms);
          expect([fresh.next(text, 0, streaming), fresh.open]).toEqual(first);
        }),
      );
    });
  });

  describe('terms longer than the first levels', () => {
    const long = createTermGate(['morning sickness', 'stillbirth', 'shoulder pain', 'pressure ulcer', 'metformin', 'type 2 diabetes mellitus']);
    const longStops = (text: string, streaming = false): number[] => {
      const found: number[] = [];
      for (let index = 0; ; ) {
        index = long.next(text, index, streaming);
        if (index >= text.length) return found;
        found.push(index);
        while (index < text.length && /[\p{L}\p{N}\p{M}'’-]/u.test(text[index])) index++;
      }
    };

    it.each<[string, number[]]>([
      ['this morning', []],
      ['morning sickness', [0]],
      ['Morning  Sickness again', [0]],
      ['morning sick', []],
      ['stillbirth', [0]],
      ['stillbirths', []],
      ['stillborn', []],
      ['shoulders', []],
      ['shoulder pain', [0]],
      ['shoulder-pain', [0]],
      ['under pressure ulcer', [6]],
      ['metformin, then metformins', [0]],
      ['metformin²', [0]], // a term's end before a letter the walk does not read: the matcher decides
      ['metformin-like', [0]],
      ['type 2 diabetes mellitus', [0]],
      ['type 2 diabetes melon', []],
    ])('stops at the possible terms of %j', (text, expected) => {
      expect(longStops(text)).toEqual(expected);
      expect(longStops(text)).toEqual(expected); // and again, over the rows made by the first call
    });

    it('stops at a long term cut short only when streaming', () => {
      expect(longStops('this mornin', true)).toEqual([5]);
      expect(longStops('this mornin', false)).toEqual([]);
      expect(longStops('the morning ', true)).toEqual([4]);
      expect(longStops('the morning s', true)).toEqual([4, 12]); // "s" may begin "stillbirth" too
      expect(longStops('the morning a', true)).toEqual([]);
    });
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

/** A trie of `forms`, each `[form, flag]`, through the builder the health detector uses. */
function trieOf(forms: readonly (readonly [string, number])[]): Trie {
  const builder = createTrieBuilder(FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, forms.reduce((sum, [form]) => sum + form.length, 1));
  for (const [form, flag] of forms) builder.add(form, 0, form.length, flag, 0);
  return builder.finish();
}

/** Children of `node` as [symbol, child] pairs, in edge order. */
const edgesOf = (trie: Trie, node: number): number[][] =>
  Array.from({ length: trie.count[node] }, (_, k) => [trie.edgeSymbol[trie.first[node] + k], trie.edgeTarget[trie.first[node] + k]]);

describe('createTrieBuilder', () => {
  it('numbers nodes in creation order and sorts each node\'s edges by symbol', () => {
    const trie = trieOf([['ms', 1], ['flu', 2], ['mg', 4]]);
    // m=12 s=18 f=5 l=11 u=20 g=6; nodes: 1 m, 2 ms, 3 f, 4 fl, 5 flu, 6 mg
    expect(edgesOf(trie, 0)).toEqual([[5, 3], [12, 1]]);
    expect(edgesOf(trie, 1)).toEqual([[6, 6], [18, 2]]);
    expect([trie.root[12], trie.root[5], trie.second[12 * FOLDED_SYMBOLS + 6], trie.second[5 * FOLDED_SYMBOLS + 11]]).toEqual([1, 3, 6, 4]);
  });

  it('keeps each node\'s flags, the flags below it and those strictly below it', () => {
    const trie = trieOf([['in', 2], ['in the hospital', 1], ['ink', 8]]);
    const node = trie.root[8] && trie.second[8 * FOLDED_SYMBOLS + 13]; // "in"
    expect([trie.flags[node], trie.below[node], trie.next[node]]).toEqual([2, 11, 9]);
    expect([trie.flags[0], trie.below[0], trie.next[0]]).toEqual([0, 11, 11]);
  });

  it('folds the case, reads a hyphen as the separator and writes the info of a form', () => {
    const builder = createTrieBuilder(FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, 16);
    builder.add('PrEP', 0, 4, 1, 7);
    builder.add('a-b', 0, 3, 2, 0);
    const trie = builder.finish();
    expect(trie.info[4]).toBe(7);
    expect(edgesOf(trie, trie.root[0])).toEqual([[36, 6]]);
  });

  it('rejects a character no form may hold', () => {
    const builder = createTrieBuilder(FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, 16);
    expect(() => builder.add('café', 0, 4, 1, 0)).toThrow(TypeError);
    expect(() => builder.add('a.b', 0, 3, 1, 0)).toThrow(TypeError);
  });
});

describe('createTermGateOver', () => {
  const TERM = 1;
  const CUE = 2;
  const EXACT = 32;

  it('leaves out the nodes of forms that are not terms', () => {
    const over = createTermGateOver(trieOf([['metformin', TERM], ['my doctor', CUE], ['mg', CUE], ['prep', EXACT]]), TERM | EXACT, TERM);
    expect(over.next('my doctor gave me metformin', 0, false)).toBe(18);
    expect(over.next('20 mg of it', 0, false)).toBe(11);
    expect(over.next('on PrEP now', 0, false)).toBe(3);
    expect(over.next('took my do', 0, true)).toBe(10); // a cue cut short holds nothing
    expect([over.next('on Pr', 0, true), over.open]).toEqual([3, false]); // exact-case term only
    expect([over.next('took metfor', 0, true), over.open]).toEqual([5, true]);
  });

  it('stops where createTermGate over the terms alone stops, whatever other forms share the trie', () => {
    const others = ['my', 'diagnosed with', 'in the kitchen', 'flue', 'a fig', 'on the pillow', 'ms teams', "crohn's"];
    const over = createTermGateOver(trieOf([...others.map((form) => [form, CUE] as const), ...FORMS.map((form) => [form, TERM] as const)]), TERM, TERM);
    const word = fc.constantFrom(...FORMS, ...others, 'in', 'the', 'flu', 'x', 'a-fib', 'MS', 'fib', 'ho');
    const gap = fc.constantFrom(' ', '  ', '    ', '-', ', ', "'", '.');
    fc.assert(
      fc.property(fc.array(fc.tuple(word, gap), { maxLength: 8 }), fc.boolean(), fc.nat(), (parts, streaming, from) => {
        const text = parts.map(([w, g]) => w + g).join('');
        // A start the gate accepts: not inside a token.
        let index = Math.min(from % (text.length + 1), text.length);
        while (index > 0 && /[\p{L}\p{N}'’-]/u.test(text[index - 1])) index--;
        const expected = [gate.next(text, index, streaming), gate.open];
        expect([over.next(text, index, streaming), over.open]).toEqual(expected);
      }),
    );
  });
});

describe('isWordUnitAt', () => {
  it.each<[string, number, boolean]>([
    ['£5 ж', 0, false],
    ['£5 ж', 3, true],
    ['é', 0, true],
    ['’', 0, false],
    ['x\u0301', 1, true], // a combining mark
    ['\u{1d400}', 0, true], // high surrogate of a letter
    ['\u{1d400}', 1, true], // its low surrogate
    ['😀', 0, false],
    ['\udc00', 0, false], // a lone low surrogate
  ])('reads %j at %i as a word unit: %s', (text, index, expected) => {
    expect(isWordUnitAt(text, index)).toBe(expected);
    expect(isWordUnitAt(text, index)).toBe(expected); // and again, from the cache
  });
});
