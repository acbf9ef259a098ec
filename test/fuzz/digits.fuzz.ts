import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  createScan,
  creditCard,
  iban,
  ipAddress,
  label,
  lineWrapped,
  mask,
  phone,
  spacedDigits,
  usSsn,
  type Detector,
  type Finding,
  type Operator,
} from '../../src/index.js';
import { expectLabelledSpans } from '../helpers/labels.js';
import { cut, expectStreamEquivalent } from '../helpers/stream.js';
import { cardValue, ibanValue, ipv4Value, ipv6Value, phoneValue, ssnValue } from '../helpers/values.js';
import { params, RUNS } from '../helpers/fuzz-runs.js';

/**
 * Fuzzing the digit detectors (credit-card, iban, us-ssn, phone, ip-address and their spaced and
 * line-wrapped variants) for streaming and hold-back bugs: texts are built from fragments that
 * start, almost complete, complete and then break each detector's shapes, joined by whitespace,
 * punctuation and Unicode the normaliser and the run screens have to get right. FUZZ_RUNS sets the
 * runs per property (default 2000); FC_SEED fixes the seed (the fuzz config loads no setup file,
 * so every run explores a new seed unless one is given).
 */

/** Fixed fragments: valid values, near misses and the hard negatives around them. */
const FIXED = [
  // Payment cards (ISO/IEC 7812): valid, Luhn-invalid, one digit short or long, wrapped, spaced.
  '4111 1111 1111 1111', '4111-1111-1111-1111', '4111111111111111', '4111 1111 1111 1112', '4111 1111 1111 111', '4111 1111 1111 11111',
  '378282246310005', '3782 822463 10005', '3782-822463-1000', '5555 5555 5555 4444', '6011 1111 1111 1117', '2221 0000 0000 0009',
  '4111 1111\n1111 1111', '4111\n1111\n1111\n1111', '4111 1111 11\n11 1111', '4111 1111\r\n1111 1111', '41111111\n11111111',
  '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', '4-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1', '4 1 1 1 1 1 1 1', '4 1 1 1  1 1 1 1  1 1 1 1  1 1 1 1', '4. 1. 1. 1',
  '４１１１ １１１１ １１１１ １１１１', '٤١١١ ١١١١ ١١١١ ١١١١', '4111\u200b1111\u200b1111\u200b1111', '4111\u00ad1111\u00ad1111\u00ad1111', '4111\u00a01111\u00a01111\u00a01111',
  'card', 'Visa', 'CC:', 'card number', 'cvv 123', 'exp 12/27',
  // IBANs (ISO 13616): several countries, valid and with a broken check, grouped, compact, wrapped.
  'DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'DE89 3704 0044 0532 0130 01', 'DE89 3704 0044 0532 0130 000', 'DE89 3704',
  'GB82 WEST 1234 5698 7654 32', 'GB82WEST12345698765432', 'FR14 2004 1010 0505 0001 3M02 606', 'NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00',
  'CH93 0076 2011 6238 5295 7', 'BE68 5390 0754 7034', 'ES91 2100 0418 4502 0005 1332', 'de89 3704 0044 0532 0130 00',
  'DE89 3704 0044\n0532 0130 00', 'DE89370400\n440532013000', 'GB82 WEST\r\n1234 5698 7654 32', 'IBAN', 'IBAN:', 'DE', 'GB82', 'NL91 ABNA',
  // SSNs (SSA rules: no area 000, 666, 9xx, no group 00, no serial 0000).
  '123-45-6789', '234-56-7890', '078-05-1120', '000-12-3456', '666-12-3456', '900-12-3456', '234-00-7890', '234-56-0000', '234 56 7890', '234567890',
  '2 3 4 5 6 7 8 9 0', '2 3 4 - 5 6 - 7 8 9 0', '234-56-789', '234-56-78901', 'SSN', 'SSN:', 'social security number', 'ssn#',
  // Phones (E.164 and national formats).
  '+1 (415) 555-2671', '(415) 555-2671', '415-555-2671', '415.555.2671', '+14155552671', '1-415-555-2671', '020 7946 0958', '+44 20 7946 0958',
  '+44 7400 123456', '+49 30 12345678', '+33 6 12 34 56 78', 'ext. 123', 'x123', 'ext', 'tel:', 'phone:', 'call me at', '1-800-555-0199', '+1 415 555',
  '(415) 555-', '(415', '+', '+44', '4 1 5 5 5 5 2 6 7 1', '+1 (415) 555-2671 ext. 123', '(212) 734-2671', '646.555.0100', '+49 (0)30 1234 5678',
  // IP addresses (RFC 791, RFC 4291, RFC 4007 zones, RFC 5952).
  '192.168.1.1', '8.8.8.8', '10.0.0.1:8080', '192.0.2.1/24', '203.0.113.7', '2001:db8::1', 'fe80::1%eth0', '::1', '::ffff:192.0.2.1', '[2001:db8::1]:443',
  '2001:0db8:85a3:0000:0000:8a2e:0370:7334', '2001:db8:85a3::8a2e:370:7334/64', '256.1.1.1', '1.2.3', '1.2.3.4.5', '::', 'a:b', 'IP:', '192.168.', '2001:db8:',
  'fe80::', 'ip address', '127.0.0.1',
  // Hard negatives.
  'order #123456789', 'Order 4111111111', '$1,299.00', '€ 1.299,00', '1,234,567', '2024-01-15', '15/01/2024', '01.02.2024', '12:30', '12:30:45', '10.0.19045',
  'v1.2.3', '1.2.3.4', 'INC-32967', 'ticket 4411223', '1234567890123456789012345', '00000000000000000000', 'room 101', 'ISBN 978-3-16-148410-0', '3.14159',
  '1e10', '0x1F', 'SKU-4111-1111', 'PO 2024-0001', 'tracking 1Z999AA10123456784', 'born', 'DOB', 'on', 'at', 'the', 'x', 'No.', '#',
] as const;

/** Separators between fragments, including the invisible and look-alike characters. */
const SEPARATORS = [
  ' ', ' ', ' ', '', '\n', '\r\n', '\t', '  ', '\u00a0', '\u200b', '\u00ad', '\u2060', '\ufeff', '\u202e', ', ', '. ', ': ', '-', '/', '(', ')', '[', ']',
  '#', '+', '*', '=', '"', "'", '＠', '@', '🙂', 'e\u0301', '\u0301', '\ud835\udfce', '𝟒', '٤', '４', 'é', 'ß', 'İ', '\ud835', '\udfce', '𐀀\udfce', '\udfce\udfce', '\r', '.', ':',
] as const;

const LOOKALIKE: Record<string, readonly string[]> = {};
for (let d = 0; d <= 9; d++) {
  // Full-width (U+FF10), Arabic-Indic (U+0660), Devanagari (U+0966), mathematical bold (U+1D7CE).
  LOOKALIKE[String(d)] = [String.fromCharCode(0xff10 + d), String.fromCharCode(0x660 + d), String.fromCharCode(0x966 + d), String.fromCodePoint(0x1d7ce + d)];
}

/** Words the detectors read before a value, for context or against it. */
const CONTEXT = ['call me at', 'SSN:', 'my ssn is', 'card:', 'IBAN', 'phone', 'tel:', 'Tel.', 'IP', 'from', 'order', 'ticket', 'version', 'Mobile:', 'fax', 'acct'] as const;

/** Separators a spaced-out value may mix. */
const MIXED = [' ', ' ', '-', '  ', '.', '\u00a0', ' - ', '\n'] as const;
/** Extension leads after a phone number (or anything else). */
const EXTENSIONS = [' ext. ', ' x', ', ext ', ' extension ', ' EXT:', ' x ', 'x', ' ext'] as const;

/** A valid value of one of the detectors' shapes. */
const validValue = fc.oneof(cardValue, ssnValue, ibanValue, phoneValue, ipv4Value, ipv6Value, fc.constantFrom(...FIXED));

/** A random run of digits, with separators inside now and then: order numbers, near cards. */
const digitRun = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 1, maxLength: 48 }), fc.constantFrom('', ' ', '-', '.', '\n', ':', '  ', '\r\n', '/'), fc.integer({ min: 0, max: 8 }))
  .map(([digits, separator, every]) => digits.map((digit, index) => (every > 0 && index > 0 && index % every === 0 ? separator : '') + digit).join(''));

/** Turns a valid value into something that starts, almost completes, or breaks its shape. */
const mutated = fc
  .tuple(validValue, fc.integer({ min: 0, max: 16 }), fc.nat(), fc.nat(), fc.constantFrom(...SEPARATORS))
  .map(([value, how, a, b, separator]) => {
    const at = value.length === 0 ? 0 : a % (value.length + 1);
    switch (how) {
      case 0: return value.slice(0, at); // started, not complete
      case 1: return value.slice(at); // its tail
      case 2: return `${value.slice(0, at)}${separator}${value.slice(at)}`; // broken (or hidden) by a character
      case 3: return `${value.slice(0, at)}${b % 10}${value.slice(at)}`; // one digit more
      case 4: return value.slice(0, at) + value.slice(at + 1); // one character less
      case 5: return [...value].join(b % 3 === 0 ? ' ' : b % 3 === 1 ? '-' : '  '); // spaced character by character
      case 6: return `${value.slice(0, at)}${b % 2 === 0 ? '\n' : '\r\n'}${value.slice(at)}`; // wrapped
      case 7: return value.replace(/[0-9]/g, (digit) => LOOKALIKE[digit][b % 4]); // look-alike digits
      case 8: return value.replace(/[0-9]/g, (digit, index: number) => ((index + b) % 5 === 0 ? LOOKALIKE[digit][b % 4] : digit)); // some look-alike
      case 9: return `${value}${value}`; // glued to itself
      case 10: return value.replace(/[0-9]/g, (digit, index: number) => ((index + b) % 4 === 0 ? `${digit}${separator}` : digit)); // hidden by a character every few digits
      case 11: return value.replace(/ /g, b % 2 === 0 ? '\n' : '\r\n'); // wrapped at every group
      case 12: return [...value.replace(/[^0-9A-Za-z]/g, '')].join(b % 2 === 0 ? ' ' : ' - '); // letters and digits spaced one by one
      case 13: return `${CONTEXT[b % CONTEXT.length]}${separator}${value}`; // after a context word
      case 14: return [...value].map((char, index) => (index === 0 ? char : MIXED[(b >> index % 16) & 7] + char)).join(''); // spaced with mixed separators
      case 15: return `${value.slice(0, at)}\n${' '.repeat(b % 3)}${b % 4 === 0 ? '> ' : ''}${value.slice(at)}`; // wrapped with an indent or a quote mark
      default: return `${value}${EXTENSIONS[b % EXTENSIONS.length]}${b % 1000}`; // with an extension
    }
  });

/**
 * Long stretches that push a value's context past a detector's lookbehind, and runs longer than
 * any match (which `pending` must decide instead of holding whole).
 */
const long = fc
  .tuple(fc.constantFrom('word ', 'x', '1', '4 ', '12-', '1.', 'ab1 ', ':', '\u00ad', 'é', '\udc00', '𐀀\udc00', '1 ', 'a:', '12 34 '), fc.integer({ min: 20, max: 160 }))
  .map(([unit, count]) => unit.repeat(Math.ceil(count / unit.length)));

const fragment = fc.oneof(
  { weight: 4, arbitrary: validValue },
  { weight: 4, arbitrary: mutated },
  { weight: 2, arbitrary: digitRun },
  { weight: 1, arbitrary: long },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** Text: fragments joined by random separators. */
const text = fc
  .array(fc.tuple(fragment, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 10 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

const points = fc.array(fc.nat(), { maxLength: 14 });
const chunksOf = (value: string, at: readonly number[]) => cut(value, at.map((point) => point % (value.length + 1)));

/** My detectors, alone, as the default set builds them. */
const MINE: Record<string, () => Detector> = {
  'credit-card': () => creditCard(),
  iban: () => iban(),
  'us-ssn': () => usSsn(),
  phone: () => phone(),
  'ip-address': () => ipAddress(),
  'spaced-credit-card': () => spacedDigits(creditCard()),
  'spaced-us-ssn': () => spacedDigits(usSsn()),
  'spaced-phone': () => spacedDigits(phone(), { mixedSeparators: false }),
  'wrapped-credit-card': () => lineWrapped(creditCard()),
  'wrapped-iban': () => lineWrapped(iban()),
};

const isHighSurrogateCode = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

const findAll = (detector: Detector, value: string): Finding[] => {
  const out: Finding[] = [];
  detector.find(createScan(value, 0), out);
  return out;
};
const before = (findings: readonly Finding[], p: number) =>
  findings.filter((finding) => finding.start < p).map((finding) => `${finding.type} ${finding.start}-${finding.end} ${finding.score}`).sort();

/** Most code units a detector may hold at the end of a text: a generous multiple of what it declares. */
const heldBound = (detector: Detector) => 2 * (detector.maxLength + detector.lookbehind) + 32;

/**
 * The `pending` promise at every prefix of `value` (the rest of `value` being what is appended):
 * p in [from, prefix length]; findings of the whole text that start before p end by p and are
 * exactly the prefix's findings that start before p. Checked from 0, and from a `from` the engine
 * could pass: an index the detector promised for an earlier prefix (text before it is decided).
 */
function keepsPromise(detector: Detector, value: string, fromSeed: number): void {
  const whole = findAll(detector, value);
  const promised = [0];
  for (let length = 0; length <= value.length; length++) {
    const prefix = value.slice(0, length);
    if (isHighSurrogateCode(prefix.charCodeAt(length - 1))) continue; // the pipeline holds half a pair itself
    const p0 = detector.pending(prefix, 0);
    const from = promised[(fromSeed + length) % promised.length];
    promised.push(p0);
    const p = from === 0 ? p0 : detector.pending(prefix, from);
    const where = `${detector.name}.pending(${JSON.stringify(prefix)}, ${from}) = ${p} (from 0: ${p0}), whole text ${JSON.stringify(value)}`;
    expect(p0 >= 0 && p0 <= length && p >= from && p <= length, where).toBe(true);
    // Held text is bounded whatever the input (a 10 MB digit run is decided once it is longer than any match).
    expect(length - p0, where).toBeLessThanOrEqual(heldBound(detector));
    const prefixFindings = findAll(detector, prefix);
    for (const q of p === p0 ? [p0] : [p0, p]) {
      expect(before(prefixFindings, q), where).toEqual(before(whole, q));
      for (const finding of whole) if (finding.start < q) expect(finding.end, where).toBeLessThanOrEqual(q);
    }
  }
}

const OPERATORS: readonly [string, Operator][] = [
  ['label', label()],
  ['mask', mask()],
  ['mask keepLast 4', mask({ keepLast: 4 })],
];

describe('fuzz: digit detectors', () => {
  for (const [name, operator] of OPERATORS) {
    for (const normalize of [true, false]) {
      const redactor = createRedactor({ operator, normalize });
      it(`default set (${name}${normalize ? '' : ', normalize off'}) streams exactly for random and 1-unit chunkings`, () => {
        fc.assert(
          fc.property(text, points, (value, at) => {
            expectStreamEquivalent(redactor, value, chunksOf(value, at));
            expectStreamEquivalent(redactor, value, value.split(''));
          }),
          params(normalize && name === 'label' ? RUNS : Math.ceil(RUNS / 4)),
        );
      });
    }
  }

  for (const [name, make] of Object.entries(MINE)) {
    const detector = make();
    const alone = createRedactor({ detectors: [make()] });
    it(`${name} alone: keeps its pending promise at every prefix and streams exactly`, () => {
      expect(detector.name).toBe(name);
      fc.assert(
        fc.property(text, points, fc.nat(), (value, at, fromSeed) => {
          keepsPromise(detector, value, fromSeed);
          expectStreamEquivalent(alone, value, chunksOf(value, at));
          expectStreamEquivalent(alone, value, value.split(''));
        }),
        params(Math.ceil(RUNS / 2)),
      );
    });
  }

  it('default set one-shot: spans in range, sorted, disjoint; a second redaction of a label redaction leaves its labels whole', () => {
    // Not a fixed point: a label splits glued values ('+12123498173+12123498173' -> '[PHONE]+12123498173')
    // and '[PHONE]' is itself a phone context word, so a second pass may find more. What holds is
    // that it only adds labels: every label of the first pass is still there, untouched.
    const redactor = createRedactor();
    fc.assert(
      fc.property(text, (value) => {
        const once = redactor.redact(value);
        expect(once.error).toBeUndefined();
        const labels = expectLabelledSpans(value, once.text, once.findings);
        const twice = redactor.redact(once.text);
        expect(twice.error).toBeUndefined();
        for (const finding of twice.findings) {
          for (const [start, end] of labels) expect(finding.end <= start || finding.start >= end, `${JSON.stringify(value)} -> ${JSON.stringify(once.text)}`).toBe(true);
        }
      }),
      params(RUNS),
    );
  });
});
