import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCard } from '../../src/detectors/credit-card.js';
import { email } from '../../src/detectors/email.js';
import { iban } from '../../src/detectors/iban.js';
import { usSsn } from '../../src/detectors/us-ssn.js';
import { createRedactor } from '../../src/index.js';
import { luhnCheckDigit, luhnValid } from '../../src/internal/luhn.js';
import { unmark } from '../helpers/marked.js';
import { checkAllChunkings, cut, expectStreamEquivalent } from '../helpers/stream.js';

const alone = createRedactor({ detectors: [creditCard()] });
const combined = createRedactor({ detectors: [email(), creditCard(), iban(), usSsn()] });
const cardSpans = (text: string) =>
  combined
    .find(text)
    .filter((finding) => finding.type === 'CREDIT_CARD')
    .map((finding) => [finding.start, finding.end]);
const aloneSpans = (text: string) => alone.find(text).map((finding) => [finding.start, finding.end]);

/** Each golden case: the text with the expected card spans marked ⟦ ⟧. */
const positives: [string, string][] = [
  ['a Visa number', 'card ⟦4111111111111111⟧ please'],
  ['a Visa number split by spaces', 'card ⟦4111 1111 1111 1111⟧ please'],
  ['a Visa number split by dashes', 'card ⟦4111-1111-1111-1111⟧, thanks'],
  ['a 13-digit Visa number', 'old card ⟦4222222222222⟧.'],
  ['a Mastercard number at the start of the text', '⟦5555555555554444⟧ is mine'],
  ['a Mastercard 2-series number at the end of the text', 'pay with ⟦2221000000000009⟧'],
  ['a Mastercard 2720 number', 'pay with ⟦2720999999999996⟧!'],
  ['an Amex number', 'amex ⟦378282246310005⟧?'],
  ['an Amex number printed 4-6-5', 'amex ⟦3782 822463 10005⟧ ok'],
  ['an Amex number printed 4-6-5 with dashes', 'amex (⟦3714-496353-98431⟧)'],
  ['a Discover number', 'discover: ⟦6011111111111117⟧'],
  ['a JCB number', 'JCB "⟦3530111333300000⟧"'],
  ['a Diners Club number', 'diners=⟦30569309025904⟧;'],
  ['a Diners Club number printed 4-6-4', 'diners ⟦3056 930902 5904⟧'],
  ['a UnionPay number', 'unionpay ⟦6200000000000005⟧.'],
  ['a 19-digit UnionPay number grouped 4-4-4-4-3', 'unionpay ⟦6212 3456 7890 1234 569⟧ end'],
  ['an 18-digit UnionPay number grouped 4-4-4-4-2', 'unionpay ⟦6212 3456 7890 1234 57⟧ end'],
  ['a 12-digit Maestro number', 'maestro ⟦501800000009⟧ end'],
  ['a Mir number', 'mir ⟦2200 1234 5678 9019⟧'],
  ['a UATP number', 'uatp ⟦120000000000005⟧'],
  ['a number followed by an expiry date', 'card ⟦4111 1111 1111 1111⟧ 12/25'],
  ['a number followed by an amount', 'card ⟦4111 1111 1111 1111⟧ 12.50 USD'],
  ['a number after a short unrelated group', 'row 12 ⟦4111 1111 1111 1111⟧'],
  ['three cards in three formats', '⟦4012888888881881⟧ ⟦4012-8888-8888-1881⟧ ⟦4012 8888 8888 1881⟧'],
  ['cards in a log line', 'WARN declined card=⟦5105105105105100⟧ reason=limit'],
  ['cards in JSON', '{"pan":"⟦4242424242424242⟧","pan2":"⟦6011000990139424⟧"}'],
  ['a card in a URL path', 'GET /v1/cards/⟦4111111111111111⟧/charge'],
  ['a card after a colon', 'cc:⟦4111111111111111⟧'],
  ['a card on its own line', 'line one\n⟦3566002020360505⟧\nline three'],
  ['a card after astral characters', '😀😀 card ⟦4111111111111111⟧ 😀'],
  ['a card next to a non-breaking space', 'card\u00a0⟦4111111111111111⟧\u00a0ok'],
  ['a contiguous card after a group of four', '1234 ⟦4111111111111111⟧'],
  ['a card after a comma and a space', 'cards: 1, ⟦4111111111111111⟧'],
  // Read with the short group after it (17 or 18 digits) these were no card and stayed in clear.
  ['a Visa number before a short group (Visa has no 17-digit numbers)', 'card ⟦4111 1111 1111 1111⟧ 2 times'],
  ['a Mastercard number before three digits', 'card ⟦5500 0000 0000 0004⟧ 123 thanks'],
  ['a card before a street address', '⟦4111 1111 1111 1111⟧ 12 Main Street'],
  // A comma after a word or a card ends a CSV field; it used to glue the card to its neighbours.
  ['a card after a phone number that ends in a group of four', 'call 415 555 2671 ⟦4111 1111 1111 1111⟧ ok'],
  ['a card in a CSV row', 'jane,⟦4111111111111111⟧,12/27,123'],
  ['a grouped card in a CSV row', 'jane,⟦4111 1111 1111 1111⟧,12/27'],
];

const negatives: [string, string][] = [
  ['a Luhn-invalid Visa number', 'card 4111111111111112 please'],
  ['a Luhn-invalid grouped number', 'card 5555 5555 5555 4445'],
  ['a Luhn-invalid dashed number', 'my credit card number is 4012-8888-8888-1882'],
  ['a Luhn-valid number with no issuer (IIN 12)', 'ref 1234567812345670'],
  ['a Luhn-valid number with no issuer (IIN 99)', 'ref 9999999999999995'],
  ['a Luhn-valid number with no issuer (IIN 77)', 'ref 7777777777777771'],
  ['zeros', 'id 0000000000000000'],
  ['a Visa number of a length Visa does not use', 'id 42222222222226'],
  ['an order number', 'Order #123456789012 shipped on 2024-03-01'],
  ['a decimal', 'ratio 0.250750683890174 today'],
  ['a decimal with a card-like fraction', 'x = 3.4111111111111111'],
  ['a decimal comma', 'Wert 0,4111111111111111'],
  ['a 20-digit run', 'ref 41111111111111111111'],
  ['a card inside a 24-digit run', '000041111111111111110000'],
  ['a fifth group of four', '4111 1111 1111 1111 1111'],
  ['groups of four after another group of four', '1234 4111 1111 1111 1111'],
  ['a group after the last short group', '4111 1111 1111 111 1111'],
  ['a number glued to letters after', 'token 4111111111111111abc'],
  ['a number glued to letters before', 'token ID4111111111111111'],
  ['a number glued to a dashed word', 'sku-4111111111111111'],
  ['a number glued to an underscore', 'user_4111111111111111'],
  ['a dashed number continuing', '4111-1111-1111-1111-12'],
  ['a Luhn-invalid 19-digit Visa number whose first 16 digits pass', 'visa 4111 1111 1111 1111 111'],
  ['an 18-digit Discover-range number in fours whose first 16 digits pass', 'ref 6011 1111 1111 1117 12 ok'],
  ['mixed separators', '4111 1111-1111 1111'],
  ['a price', 'total $4,111.11 due'],
  ['dates and times', 'on 2024-01-15 at 10:30:00, or 15/01/2024'],
  ['a Unix timestamp in milliseconds', 'ts=1700000000000'],
  ['a version', 'version 4.1.1.1 released'],
  ['a phone number', 'call +1 (415) 555-0100 or 415-555-0100'],
  ['a UUID', 'id 123e4567-e89b-12d3-a456-426614174000'],
  ['a hash', 'sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'],
  ['a card number in an IBAN', 'IBAN DE44 5001 0517 5407 3249 31 ok'],
  ['ordinary words', 'the card was declined twice'],
];

describe('creditCard', () => {
  for (const [name, marked] of positives) {
    it(`finds ${name}`, () => {
      const { text, spans } = unmark(marked);
      expect(aloneSpans(text)).toEqual(spans);
      expect(cardSpans(text)).toEqual(spans);
      checkAllChunkings(alone, text, 8);
      checkAllChunkings(combined, text, 8);
    });
  }

  for (const [name, text] of negatives) {
    it(`finds nothing in ${name}`, () => {
      expect(aloneSpans(text)).toEqual([]);
      expect(cardSpans(text)).toEqual([]);
      checkAllChunkings(alone, text, 4);
      checkAllChunkings(combined, text, 4);
    });
  }

  it('scores grouped numbers above contiguous ones', () => {
    const [grouped] = alone.find('4111 1111 1111 1111');
    const [contiguous] = alone.find('4111111111111111');
    expect(grouped.score).toBe(0.99);
    expect(contiguous.score).toBe(0.95);
    expect(createRedactor({ detectors: [creditCard({ score: 0.5 })] }).find('4111111111111111')[0].score).toBe(0.5);
  });

  it('declares its longest match and lookbehind', () => {
    const detector = creditCard();
    expect(detector.maxLength).toBe('6212 3456 7890 1234 569'.length);
    // ' 555 2671 ' before a card: a space, a group of four, a space and up to six more digits.
    expect(detector.lookbehind).toBe(' 555555 2671 '.length);
  });

  it('masks a card keeping its shape', () => {
    expect(alone.redact('card 4111 1111 1111 1111, ok').text).toBe('card [CREDIT_CARD], ok');
  });

  it('finishes in linear time on adversarial digit input', () => {
    const inputs = ['1'.repeat(1_000_000), '1 '.repeat(500_000), '1-'.repeat(500_000), '4111 '.repeat(200_000), '1111 1111 1111 1111 '.repeat(50_000), '1.'.repeat(500_000)];
    for (const input of inputs) {
      const started = performance.now();
      expect(alone.find(input)).toEqual([]);
      expect(performance.now() - started).toBeLessThan(3_000);
    }
  });

  it('holds a bounded tail of an endless digit run when streaming', () => {
    const stream = alone.stream();
    let out = 0;
    for (let k = 0; k < 1000; k++) {
      out += stream.push('1234567890'.repeat(100)).length;
      expect(stream.pending).toBeLessThanOrEqual(1000 + 64);
    }
    out += stream.end().length;
    expect(out).toBe(1_000_000);
  });

  it('releases prose at once and holds only a trailing digit group', () => {
    const detector = creditCard();
    expect(detector.pending('no digits here, ok', 0)).toBe(18);
    expect(detector.pending('card 4111 1111', 0)).toBe(5);
    expect(detector.pending('card 4111111111111111 paid', 0)).toBe(26);
    expect(detector.pending('x 4111111111111111.', 0)).toBe(2);
  });
});

/** Issuers (IIN prefix, lengths) the detector promises to find; see src/detectors/credit-card.ts. */
const ISSUERS: [string, number[]][] = [
  ['4', [13, 16, 19]],
  ['51', [16]],
  ['55', [16]],
  ['2221', [16]],
  ['2720', [16]],
  ['34', [15]],
  ['37', [15]],
  ['6011', [16, 19]],
  ['65', [16]],
  ['3528', [16]],
  ['3589', [16, 19]],
  ['36', [14]],
  ['305', [14, 16]],
  ['62', [16, 17, 18, 19]],
  ['5018', [12, 13, 19]],
  ['6759', [16]],
  ['2200', [16]],
  ['8171', [16]],
];

const digitString = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(''));

/** A valid card number (Luhn digit computed, never filtered) and how to print it. */
const validNumber = fc
  .tuple(fc.constantFrom(...ISSUERS), fc.nat(), digitString(19))
  .map(([[prefix, lengths], pick, random]) => {
    const length = lengths[pick % lengths.length];
    const body = prefix + random.slice(0, length - 1 - prefix.length);
    return body + independentCheckDigit(body);
  });

/** Prints `number` contiguous, in fours, or 4-6-rest (14 and 15 digits), with spaces or dashes. */
const printed = (number: string, style: number, separator: string): string => {
  if (style === 0) return number;
  if (style === 2 && (number.length === 14 || number.length === 15)) return [number.slice(0, 4), number.slice(4, 10), number.slice(10)].join(separator);
  return number.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
};

const card = fc.tuple(validNumber, fc.integer({ min: 0, max: 2 }), fc.constantFrom(' ', '-')).map(([number, style, separator]) => ({ number, text: printed(number, style, separator) }));

const word = fc.stringMatching(/^[a-zA-Zé]{1,8}$/);
const before = fc.tuple(fc.array(word, { maxLength: 4 }), fc.constantFrom(' ', ': ', ' (', ' "', '\n', '=', '\t', '# ')).map(([words, opener]) => (words.length === 0 ? '' : words.join(' ') + opener));
const after = fc.tuple(fc.constantFrom('', ' ', '. ', ', ', ')', '!', '?', '\n', '"', '.'), fc.array(word, { maxLength: 4 })).map(([closer, words]) => (closer === '' || closer === '.' ? closer : closer + words.join(' ')));

/** Luhn check digit computed independently of src/internal/luhn.ts. */
function independentCheckDigit(body: string): string {
  const digits = [...body, '0'].map(Number).reverse();
  const sum = digits.reduce((total, digit, index) => total + (index % 2 === 1 ? [0, 2, 4, 6, 8, 1, 3, 5, 7, 9][digit] : digit), 0);
  return String((10 - (sum % 10)) % 10);
}

describe('creditCard properties', () => {
  it('always finds a valid card planted in text, with its exact span', () => {
    fc.assert(
      fc.property(before, card, after, (prefix, { text: value }, suffix) => {
        const text = prefix + value + suffix;
        const expected = [[prefix.length, prefix.length + value.length]];
        expect(aloneSpans(text)).toEqual(expected);
        expect(cardSpans(text)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
  });

  it('never finds a Luhn-invalid variant', () => {
    fc.assert(
      fc.property(before, card, fc.integer({ min: 1, max: 9 }), after, (prefix, { text: value }, delta, suffix) => {
        const last = value.length - 1;
        const wrong = value.slice(0, last) + String((Number(value[last]) + delta) % 10);
        expect(aloneSpans(prefix + wrong + suffix)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('never finds a card inside a longer digit run', () => {
    fc.assert(
      fc.property(digitString(4), validNumber, digitString(4), fc.nat({ max: 4 }), fc.nat({ max: 4 }), (head, number, tail, h, t) => {
        fc.pre(h + t > 0 && number.length + h + t >= 20);
        expect(aloneSpans(`id ${head.slice(0, h)}${number}${tail.slice(0, t)} ok`)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the Luhn helper', () => {
    fc.assert(
      fc.property(digitString(18), (body) => {
        expect(luhnValid(body + independentCheckDigit(body), 0, body.length + 1)).toBe(true);
        expect(String(luhnCheckDigit(body))).toBe(independentCheckDigit(body));
      }),
    );
  });

  it('streams planted cards exactly over random chunkings', () => {
    fc.assert(
      fc.property(before, card, after, fc.array(fc.nat({ max: 80 }), { maxLength: 8 }), (prefix, { text: value }, suffix, points) => {
        const text = prefix + value + suffix;
        expectStreamEquivalent(alone, text, cut(text, points));
      }),
      { numRuns: 300 },
    );
  });

  it('streams planted cards exactly with the other detectors over random chunkings', () => {
    // Closers here are not email characters: a space-grouped card directly followed by one
    // ('4000 0000 0000 6!') lets email() hold from inside the card, and the stream engine then
    // cuts through the card (a cross-detector gap in src/stream, reported to the lead).
    const plainAfter = fc.tuple(fc.constantFrom('', ' ', ', ', ')', '\n', '"'), fc.array(word, { maxLength: 4 })).map(([closer, words]) => (closer === '' ? '' : closer + words.join(' ')));
    fc.assert(
      fc.property(before, card, plainAfter, fc.array(fc.nat({ max: 80 }), { maxLength: 8 }), (prefix, { text: value }, suffix, points) => {
        const text = prefix + value + suffix;
        expectStreamEquivalent(combined, text, cut(text, points));
      }),
      { numRuns: 300 },
    );
  });

  it('streams digit soup exactly over random chunkings', () => {
    const soup = fc.array(fc.oneof(fc.constantFrom(...'0123456789 -.,/:xé\n'), card.map((c) => c.text)), { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, fc.array(fc.nat({ max: 200 }), { maxLength: 10 }), (text, points) => {
        expectStreamEquivalent(alone, text, cut(text, points));
      }),
      { numRuns: 400 },
    );
  });
});
