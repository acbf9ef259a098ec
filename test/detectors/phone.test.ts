import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { email } from '../../src/detectors/email.js';
import { phone } from '../../src/detectors/phone.js';
import { createRedactor } from '../../src/redactor.js';
import { checkAllChunkings, chunked, cut, expectStreamEquivalent } from '../helpers/stream.js';
import { unmark } from '../helpers/marked.js';
import { expectPendingContract } from '../helpers/pending.js';

const only = createRedactor({ detectors: [phone()] });
const withEmail = createRedactor({ detectors: [phone(), email()] });

/** Golden cases mark their expected spans in place with '⟦' and '⟧' (test/helpers/marked.ts). */
const marked = (source: string): { text: string; spans: [number, number][] } => {
  const { text, spans } = unmark(source);
  return { text, spans: spans.map(([start, end]) => [start, end]) };
};

const spansOf = (text: string, redactor = only): [number, number][] => redactor.find(text).map((finding) => [finding.start, finding.end]);

const POSITIVES = [
  'call ⟦(415) 555-0132⟧ now',
  'call ⟦(415) 555-0132 ext. 12⟧ now',
  'desk ⟦415-555-0132 x123⟧.',
  'desk ⟦415-555-0132x7⟧',
  'desk ⟦415.555.0132, extension 4410⟧ please',
  'London office ⟦+44 20 7946 0958⟧',
  'ring ⟦+44 (0)20 7946 0958⟧ today',
  'from abroad ⟦0044 20 7946 0958⟧',
  'whatsapp ⟦+55 11 98456 5666⟧!',
  '⟦+14155552671⟧',
  'tel:⟦+33 1 42 68 53 00⟧',
  'Zentrale ⟦030 12345678⟧',
  'portable ⟦06 12 34 56 78⟧',
  'Standard ⟦01.84.17.61.18⟧',
  'mi móvil es ⟦612 34 56 78⟧',
  'cellulare ⟦333 123 4567⟧',
  'tel ⟦06 12345678⟧',
  'mobile ⟦98765 43210⟧',
  'call ⟦0412 345 678⟧',
  'ligue ⟦(11) 91234-5678⟧',
  'llama al ⟦55 1234 5678⟧',
  'my cell ⟦087 123 4567⟧',
  'UK ⟦020 7946 0958⟧',
  // Unassigned area code, unmistakable NANP shape.
  '⟦(311) 883-6975⟧',
  '⟦311-883-6975⟧',
  'x ⟦311.883.6975⟧ y',
  '⟦1-311-883-6975⟧',
  // A bare run next to a context word.
  'my phone number is ⟦4258829090⟧',
  'text me at ⟦3118836975⟧',
  'fax: ⟦0612345678⟧',
  'Ops ⟦555-000-1111⟧, backup ⟦(555) 222-3333⟧',
  'phones ⟦555-123-4567⟧ ⟦555-987-6543⟧',
  '我的电话号码是⟦415-666-7777⟧',
  'at 10:30 ⟦555-123-4567⟧ called',
  '10:30 ⟦555-123-4567⟧',
  '{"phone":"⟦(212) 555-0100⟧"}',
  'phone=⟦+96550000220⟧ priority=high',
  // Markdown emphasis, as LLM replies write numbers; a bracket around the whole number.
  'call **⟦415-555-2671⟧**',
  '**Phone:** ⟦(415) 555-2671⟧',
  'Call: *⟦+44 20 7946 0958⟧*',
  'or _⟦415.555.2671⟧_',
  'call me (⟦415-555-2671⟧) today',
  'call (⟦415 555 2671⟧)',
  'call (⟦4155552671⟧)',
  '(⟦+41 22 730 5989⟧) or ⟦(+41) 22 730 5989⟧',
];

const NEGATIVES = [
  // '_' and '*' inside an identifier still join the digits to it.
  'user_4155552671 logged in',
  'key 4155552671_backup',
  'calc 2*4155552671',
  'ts=1700000000',
  'epoch 1700000000 ok',
  'order #48213 shipped',
  'order 123456789 shipped',
  'on 2024-01-15, 15/01/2024 or 01.02.2024',
  'at 10:30 or 10:30:00',
  'price $1,299.99 or 1.299,00 €',
  'ZIP 90210 and 12345-6789',
  'back in 2024',
  'version 1.2.3 and v2.10.4',
  'ip 192.168.1.1',
  'trace 550e8400-e29b-41d4-a716-446655440000',
  'commit deadbeef12345678 and 4f3c2b1a9d8e7f60',
  'run 12345678901234567890123',
  'card 4111 1111 1111 1111 or 4111111111111111',
  'ssn 123-45-6789 or 123 45 6789',
  'IBAN DE89 3704 0044 0532 0130 00',
  'NL91 ABNA 0417 1643 00',
  'Part number: 555-123-4567-A',
  'example: 000-000-0000',
  'Sequence 1234 5678 90 is not a card',
  'card: 1111111111',
  '2024-01-15 10:30:00 started',
  '2012/01/02 08:00',
  'ISBN 978-3-16-148410-0',
  'about 1 000 000 people',
  'Numbers 111222333444 are identifiers',
  'ratio 3:2, 80.585 [79.964, 81.191]',
  'build 20240115103000',
  'Today is 5-20-2021',
  'ID12345678',
  'room 12, floor 3',
  'v1.2.3.4-beta',
  'It costs 12 345 678 euros',
];

describe('phone', () => {
  it.each(POSITIVES)('finds the marked numbers in %j', (source) => {
    const { text, spans } = marked(source);
    expect(spansOf(text)).toEqual(spans);
    expect(spansOf(text, withEmail)).toEqual(spans);
  });

  it.each(NEGATIVES)('finds nothing in %j', (text) => {
    expect(spansOf(text)).toEqual([]);
  });

  it.each([...POSITIVES.map((source) => marked(source).text), ...NEGATIVES])('streams %j exactly', (text) => {
    checkAllChunkings(only, text, 15);
    checkAllChunkings(withEmail, text, 10);
  });

  it('scores valid numbers above shape-only and context-only ones', () => {
    const score = (text: string) => createRedactor({ detectors: [phone({ regions: ['US', 'GB'] })] }).find(text)[0]?.score;
    expect(score('+44 20 7946 0958')).toBe(0.95);
    expect(score('UK 020 7946 0958')).toBe(0.9);
    expect(score('(311) 883-6975')).toBe(0.75);
  });

  it('holds back a trailing extension and a trailing chain, nothing else', () => {
    const pendingOf = (text: string) => phone().pending(text, 0);
    expect(pendingOf('call 415-555-0132')).toBe(5);
    expect(pendingOf('call 415-555-0132 e')).toBe(5);
    expect(pendingOf('call 415-555-0132 ext. 1')).toBe(5);
    expect(pendingOf('call 415-555-0132 now')).toBe(21);
    expect(pendingOf('call me +')).toBe(8);
    expect(pendingOf('plain prose here')).toBe(16);
    expect(pendingOf('1'.repeat(1000))).toBe(1000);
  });

  it('holds a number whose extension digits start the trailing chain (fuzz: ext. 123 0)', () => {
    // '123 0' is a chain that may still grow, and '… ext. 123' is a decided finding that must not
    // cross where the chain is held.
    const text = '+1 (415) 555-2671 ext. 123 0 ';
    expect(phone().pending(text.slice(0, -1), 0)).toBe(0);
    expectPendingContract(phone(), text);
    checkAllChunkings(only, text, 15);
  });

  it('holds back over a number whose extension digits are followed by another extension (fuzz)', () => {
    // '123 ext. 0': the trailing extension follows '123', itself the extension of the number
    // before; '123' is too short to be a number, so only the trailing run is held.
    const text = '+1 (415) 555-2671 ext. 123 ext. 0 11.0.0.1 ';
    expect(phone().pending('+1 (415) 555-2671 ext. 123 ext. 0', 0)).toBe(32);
    expectPendingContract(phone(), text);
    checkAllChunkings(only, text, 15);
    // A number of 7 digits after an extension, with its own trailing extension: both are held.
    const chained = '+1 (415) 555-2671 ext. 12 3456789 ext. 0 ok';
    expect(phone().pending(chained.slice(0, -3), 0)).toBe(0);
    expectPendingContract(phone(), chained);
    checkAllChunkings(only, chained, 15);
  });

  it('finds numbers listed with a slash, and no slashed run of short groups', () => {
    // '415-555-2671/415-555-2672' was one chain of six groups, no valid number, and no piece of
    // it could end or start at a slash: both numbers were left in clear.
    expect(only.redact('tel 415-555-2671/415-555-2672').text).toBe('tel [PHONE]/[PHONE]');
    expect(only.redact('fax 020 7946 0018/020 7946 0019').text).toBe('fax [PHONE]/[PHONE]');
    // A slash splits a list only of numbers that write no slash of their own.
    for (const text of ['pages 120/340/560/780', 'due 12/25/2024 ok', 'ref 2023/0412/5567', 'ids 1234567/7654321', 'size 1920/1080/2560/1440']) {
      expect(spansOf(text), text).toEqual([]);
    }
    expect(only.redact('tel 030/1234567').text).toBe('tel [PHONE]');
    // Only a slash between two stretches long enough to be numbers lists them: after the date's
    // slashes (9062e7d) '1990 415 555' was read as an Indian number, which took the date's year
    // and the phone's first groups and left '12/03/' and '2671' in clear.
    expect(createRedactor().redact('born on 12/03/1990 415 555 2671').text).toBe('born on [DATE_OF_BIRTH] [PHONE]');
    expect(spansOf('x 12/03/1990 415 555 2671 y')).toEqual([[13, 25]]);
    // What follows a slash does not keep a number from ending there, nor a short stretch before
    // it a number without a space from starting after it.
    expect(spansOf('call 415-555-2671/12 ok')).toEqual([[5, 17]]);
    expect(spansOf('call 12/27/415-555-2671 ok')).toEqual([[11, 23]]);
    checkAllChunkings(only, 'tel 415-555-2671/415-555-2672 or 120/340/560/780', 10);
  });

  it('leaves a number after a phone out of it when the phone validates without it', () => {
    // '415-555-2671 12' read as one 12-digit number of possible length after 'call': it took the
    // house number of the address after it, lost that overlap, and the phone was left in clear.
    const full = createRedactor();
    expect(full.redact('call me 415-555-2671 12 Main Street').text).toBe('call me [PHONE] [STREET_ADDRESS]');
    expect(full.redact('call (415) 555-2671 12 Main St').text).toBe('call [PHONE] [STREET_ADDRESS]');
    expect(full.redact('ring 020 7946 0018 12 High St').text).toBe('ring [PHONE] [STREET_ADDRESS]');
    for (const source of ['call ⟦415 555 2671⟧ 3 times', 'call me at ⟦415 555 2671⟧ 24/7', 'call ⟦(415) 555 2671⟧ 2 pm', 'number ⟦555-123-4567⟧ 12 times']) {
      const { text, spans } = marked(source);
      expect(spansOf(text), source).toEqual(spans);
    }
    // A longer reading validated in one region beats a shorter one validated in another: '07700 900'
    // is a German number, '07700 900 123' the British mobile.
    for (const source of ['call ⟦+44 20 7946 0958⟧', 'tel ⟦06 12 34 56 78⟧ ok', 'call ⟦415-555-2671 x12⟧', 'mobile ⟦07700 900 123⟧']) {
      const { text, spans } = marked(source);
      expect(spansOf(text), source).toEqual(spans);
    }
    checkAllChunkings(full, 'call me 415-555-2671 12 Main Street', 12);
  });

  it('starts no number at the last group of an IPv6 address', () => {
    // '2001:db8::1 415-555-2671' read '1 415-555-2671' as a NANP number, which beat the address
    // and left '2001:db8::' in clear.
    expect(createRedactor().redact('x 2001:db8::1 415-555-2671 y').text).toBe('x [IP_ADDRESS] [PHONE] y');
    expect(spansOf('ping ::1 415 555 2671')).toEqual([[9, 21]]);
    expect(spansOf('Phone:415-555-2671')).toEqual([[6, 18]]);
  });

  it('narrows national formats to the given regions', () => {
    const usOnly = createRedactor({ detectors: [phone({ regions: ['US'] })] });
    expect(usOnly.find('UK 020 7946 0958')).toEqual([]);
    expect(usOnly.find('call (415) 555-0132')).toHaveLength(1);
    expect(usOnly.find('+44 20 7946 0958')).toHaveLength(1);
    const japan = createRedactor({ detectors: [phone({ regions: ['JP'] })] });
    expect(japan.find('電話 03-1234-5678')).toHaveLength(1);
  });

  it('rejects unknown regions at construction', () => {
    expect(() => phone({ regions: ['XX'] })).toThrow(RangeError);
  });

  it('always finds a NANP-shaped number with exact span inside random text', () => {
    const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    const number = fc
      .tuple(fc.integer({ min: 2, max: 9 }), digits(2), digits(3), digits(4), fc.constantFrom('(a) b-c', 'a-b-c', 'a.b.c'))
      .map(([n, area, exchange, line, shape]) => shape.replace('a', `${n}${area}`).replace('b', exchange).replace('c', line));
    const words = fc.string({ unit: fc.constantFrom('a', 'b', 'x', 'q', ' ', ',', '!', 'é', '\n'), maxLength: 20 });
    fc.assert(
      fc.property(words, number, words, (prefix, value, suffix) => {
        const text = `${prefix} ${value} ${suffix}`;
        const start = prefix.length + 1;
        expect(spansOf(text)).toEqual([[start, start + value.length]]);
      }),
    );
  });

  it('always finds a valid international number with exact span', () => {
    const number = fc.constantFrom('+44 20 7946 0958', '+33 6 12 34 56 78', '+49 30 1234567', '+1 415 555 2671', '+61 2 9876 5432', '+91 98765 43210', '+55 11 98456 5666');
    const words = fc.string({ unit: fc.constantFrom('a', 'z', ' ', ';', '\t'), maxLength: 20 });
    fc.assert(
      fc.property(words, number, words, (prefix, value, suffix) => {
        const text = `${prefix} ${value} ${suffix}`;
        const start = prefix.length + 1;
        expect(spansOf(text)).toEqual([[start, start + value.length]]);
      }),
    );
  });

  it('never finds dates, SSNs, versions, IPs, prices or cards', () => {
    const d = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((x) => x.join(''));
    const lookalike = fc.oneof(
      fc.tuple(d(4), d(2), d(2)).map(([y, m, x]) => `${y}-${m}-${x}`),
      fc.tuple(d(2), d(2), d(4), fc.constantFrom('/', '.', '-')).map(([a, b, y, s]) => `${a}${s}${b}${s}${y}`),
      fc.tuple(d(3), d(2), d(4)).map(([a, b, c]) => `${a}-${b}-${c}`),
      fc.tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 })).map((o) => o.join('.')),
      fc.tuple(d(1), d(3), d(2)).map(([a, b, c]) => `$${a},${b}.${c}`),
      fc.tuple(d(4), d(4), d(4), d(4)).map((g) => g.join(' ')),
      fc.tuple(d(2), d(2)).map(([a, b]) => `${a}:${b}`),
      fc.tuple(fc.integer({ min: 7, max: 20 }), d(20)).map(([n, run]) => `ref ${run.slice(0, n)}`),
      fc.tuple(d(1), d(2), d(2)).map(([a, b, c]) => `v${a}.${b}.${c}`),
    );
    fc.assert(
      fc.property(lookalike, (value) => {
        expect(spansOf(`see ${value} here`)).toEqual([]);
      }),
    );
  });

  it('streams random text around numbers exactly as one shot', () => {
    const piece = fc.constantFrom('(415) 555-0132', '+44 20 7946 0958', ' ext. 12', 'x9', ' call ', '2024-01-15', ' ', '-', '.', '(', '+', '1', '10:30', 'abc', '\n', 'mail a@b.io ');
    const text = fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(chunked(text), ([value, points]) => {
        expectStreamEquivalent(only, value, cut(value, points));
        expectStreamEquivalent(withEmail, value, cut(value, points));
      }),
    );
  });

  it('stays linear on adversarial input', () => {
    for (const text of ['1'.repeat(1e6), '1 '.repeat(5e5), '1.'.repeat(5e5), ':'.repeat(1e6), '1:'.repeat(5e5), '(1) '.repeat(2.5e5), '555 123 4567 x '.repeat(7e3)]) {
      const started = performance.now();
      only.redact(text);
      const stream = only.stream();
      let held = 0;
      for (let at = 0; at < text.length; at += 4096) {
        stream.push(text.slice(at, at + 4096));
        held = Math.max(held, stream.pending);
      }
      stream.end();
      expect(held).toBeLessThan(4096 + 200);
      expect(performance.now() - started).toBeLessThan(10_000);
    }
  });
});
