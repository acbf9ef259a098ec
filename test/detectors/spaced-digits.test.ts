import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, creditCard, phone, spacedDigits, usSsn } from '../../src/index.js';
import { unmark } from '../helpers/marked.js';
import { expectPendingContract } from '../helpers/pending.js';
import { checkAllChunkings, cut, expectStreamEquivalent } from '../helpers/stream.js';
import { cardValue } from '../helpers/values.js';

const detectors = () => [spacedDigits(creditCard()), spacedDigits(usSsn()), spacedDigits(phone(), { mixedSeparators: false })];
const redactor = createRedactor({ detectors: detectors() });
const found = (text: string) => redactor.find(text).map((finding) => [finding.type, finding.start, finding.end]);

/** [name, marked text, type of every marked span]. */
const positives: [string, string, string][] = [
  ['a Visa number with every digit spaced', 'card ⟦4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1⟧ ok', 'CREDIT_CARD'],
  ['a Visa number with mixed separators', 'pay ⟦4111 1111-1111.1111⟧ now', 'CREDIT_CARD'],
  ['a Mastercard number spaced in quads with double spaces', '⟦5 5 5 5  5 5 5 5  5 5 5 5  4 4 4 4⟧', 'CREDIT_CARD'],
  ['a card number with padded dashes', 'visa ⟦4012 - 8888 - 8888 - 1881⟧.', 'CREDIT_CARD'],
  ['an Amex number with every digit spaced', 'amex ⟦3 7 8 2 8 2 2 4 6 3 1 0 0 0 5⟧?', 'CREDIT_CARD'],
  ['an SSN spaced with padded dashes', 'SSN ⟦5 3 6 - 2 2 - 1 2 3 4⟧', 'US_SSN'],
  ['an SSN with padded dashes', 'my ssn is ⟦536 - 22 - 1234⟧', 'US_SSN'],
  ['a bare spaced SSN after a context word', 'social security ⟦5 3 6 2 2 1 2 3 4⟧', 'US_SSN'],
  ['a spaced phone number after a context word', 'call me at ⟦4 1 5 5 5 5 0 1 3 2⟧ tonight', 'PHONE'],
  ['a spaced international number with its plus', 'phone ⟦+4 4 2 0 7 9 4 6 0 9 5 8⟧', 'PHONE'],
  ['a spaced local number after a context word', 'call ⟦5 5 5 - 0 1 2 3⟧', 'PHONE'],
  ['a spaced card in a log line', 'WARN pan=⟦4 2 4 2 4 2 4 2 4 2 4 2 4 2 4 2⟧ declined', 'CREDIT_CARD'],
];

const negatives: [string, string][] = [
  ['a counted list', 'count 1 2 3 4 5 6 7 8 9 10 and stop'],
  ['a short list', 'pick 1 2 3 4 5'],
  ['a score', 'final score 3 - 1'],
  ['a date with padded dashes', 'we meet on 12 - 05 - 2024'],
  ['a version', 'release 1.2.3.4 is out, then 10.0.19041.1'],
  ['a long run of spaced ones', 'rows 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 done'],
  ['a Luhn-invalid spaced number', 'card 4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 2'],
  ['a spaced number outside every issuer range', 'ref 9 1 1 1 1 1 1 1 1 1 1 1 1 1 1 3'],
  ['a card written plainly (the card detector’s job)', 'card 4111 1111 1111 1111'],
  ['a spaced SSN with a never-issued area', 'SSN 6 6 6 - 2 2 - 1 2 3 4'],
  ['a bare spaced nine digits without context', 'ids 5 3 6 2 2 1 2 3 4'],
  ['a spaced local number without context', 'order 5 5 5 - 0 1 2 3'],
  ['a CPF with dots and a dash', 'CPF 111.444.777-35'],
  ['a spaced card glued to a word', 'x4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1'],
  ['a ratio', 'ratio 4 - 3 - 2 - 1'],
];

describe('spacedDigits', () => {
  for (const [title, marked, type] of positives) {
    it(`finds ${title}`, () => {
      const { text, spans } = unmark(marked);
      expect(found(text)).toEqual(spans.map(([start, end]) => [type, start, end]));
      checkAllChunkings(redactor, text, 6);
      for (const detector of detectors()) expectPendingContract(detector, text);
    });
  }
  for (const [title, text] of negatives) {
    it(`finds nothing in ${title}`, () => {
      expect(found(text)).toEqual([]);
      checkAllChunkings(redactor, text, 3);
    });
  }

  it('reports the wrapped detector’s type, score and its own name', () => {
    const [finding] = createRedactor({ detectors: [spacedDigits(creditCard())] }).find('4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1');
    expect(finding).toEqual({ type: 'CREDIT_CARD', start: 0, end: 31, score: 0.95, detector: 'spaced-credit-card' });
  });

  it('leaves mixed separators to a detector that reads them when told so', () => {
    const plain = createRedactor({ detectors: [spacedDigits(creditCard(), { mixedSeparators: false })] });
    expect(plain.find('4111 1111-1111.1111')).toEqual([]);
  });

  it('rejects a value that is not a detector', () => {
    expect(() => spacedDigits(undefined as never)).toThrow(TypeError);
    expect(() => spacedDigits(creditCard(), { minDigits: 0 })).toThrow(RangeError);
  });

  /** A card printed with every digit spaced, or its groups of four joined by mixed separators. */
  const spacedCard = fc.tuple(cardValue, fc.boolean(), fc.array(fc.constantFrom(' ', '-', '.', ' - ', '  '), { minLength: 4, maxLength: 4 })).map(([card, each, seps]) => {
    const digits = card.replace(/\D/g, '');
    if (each || digits.length !== 16) return digits.split('').join(' ');
    const groups = digits.match(/\d{4}/g)!;
    // Mixed: at least two kinds, so the card detector alone does not read it.
    const chosen = [seps[0], seps[1] === seps[0] ? (seps[0] === '.' ? '-' : '.') : seps[1], seps[2]];
    return groups[0] + chosen[0] + groups[1] + chosen[1] + groups[2] + chosen[2] + groups[3];
  });
  const before = fc.constantFrom('', 'card ', 'pan: ', '(', 'x\n', 'é ', '😀 ');
  const after = fc.constantFrom('', ' ok', '.', ', then', ')', '\n', ' 😀');

  it('finds every planted spaced card with its exact span, and streams it like one-shot', () => {
    const alone = createRedactor({ detectors: [spacedDigits(creditCard())] });
    fc.assert(
      fc.property(before, spacedCard, after, fc.array(fc.nat(), { maxLength: 8 }), (head, value, tail, points) => {
        const text = head + value + tail;
        expect(alone.find(text).map((finding) => [finding.start, finding.end])).toEqual([[head.length, head.length + value.length]]);
        expectStreamEquivalent(alone, text, cut(text, points.map((point) => point % (text.length + 1))));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the pending contract at every prefix of planted values and digit soup', () => {
    const soup = fc.array(fc.constantFrom('1', '4', ' ', '-', '.', '  ', ' - ', 'a', '\n', '+'), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(before, spacedCard, after).map(([a, b, c]) => a + b + c), soup), (text) => {
        for (const detector of detectors()) expectPendingContract(detector, text);
      }),
      { numRuns: 60 },
    );
  });

  // The instances share the last tail they read (one read per stream check); each must still
  // get its own result, whichever instance read the text first.
  const instances = () => [spacedDigits(creditCard()), spacedDigits(phone(), { mixedSeparators: false }), spacedDigits(usSsn(), { minDigits: 3 })];

  /** [text, pending from 0 of: cards (mixed kinds are a trick), phones (they are not), SSNs with minDigits 3]. */
  const turns: [string, number, number, number][] = [
    // Mixed kinds, closed 5 units before the end: a candidate for cards only.
    ['1111 2222-3333 abcd', 0, 19, 0],
    // Three spaced single digits: a candidate from 3 digits, too short from 7.
    ['at 1 2 3 abcd', 13, 13, 3],
    ['x 1 2 3 4 5 6 7 a', 2, 2, 2],
    ['call +1 555 12', 5, 5, 5],
  ];
  for (const [text, ...expected] of turns) {
    it(`holds ${JSON.stringify(text)} per instance when instances check it in turn`, () => {
      for (let first = 0; first < 3; first++) {
        const together = instances();
        together[first].pending(text, 0);
        expect(together.map((detector) => detector.pending(text, 0))).toEqual(expected);
      }
    });
  }

  it('gives each instance its own pending when several check the same text in turn', () => {
    const soup = fc.array(fc.constantFrom('1', '4', '1111', ' ', '-', '.', ' - ', '+', '(', 'a', 'abcd'), { maxLength: 24 }).map((parts) => parts.join(''));
    const together = instances();
    const alone = instances();
    fc.assert(
      fc.property(soup, fc.nat(), fc.nat(), (text, cutAt, fromAt) => {
        const prefix = text.slice(0, cutAt % (text.length + 1));
        const from = fromAt % (prefix.length + 1);
        const turn = together.map((detector) => detector.pending(prefix, from));
        const own = alone.map((detector) => {
          detector.pending(`reset ${prefix}`, 0); // a different text: nothing shared to reuse
          return detector.pending(prefix, from);
        });
        expect(turn).toEqual(own);
      }),
      { numRuns: 400 },
    );
  });

  it('streams random digit soup like one-shot', () => {
    const soup = fc.array(fc.constantFrom('1', '4', '5', ' ', '-', '.', ' - ', 'call ', 'SSN ', '\n'), { maxLength: 50 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, fc.array(fc.nat(), { maxLength: 8 }), (text, points) => {
        expectStreamEquivalent(redactor, text, cut(text, points.map((point) => point % (text.length + 1))));
      }),
      { numRuns: 100 },
    );
  });
});
