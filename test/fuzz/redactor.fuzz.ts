import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  createVault,
  creditCard,
  defaultDetectors,
  email,
  hash,
  iban,
  ipAddress,
  label,
  mask,
  phone,
  policies,
  remove,
  usSsn,
  type Detector,
  type Operator,
  type RedactorOptions,
} from '../../src/index.js';
import { cut, streamThrough } from '../helpers/stream.js';
import { plantedValue } from '../helpers/values.js';
import { RUNS } from '../helpers/fuzz-runs.js';


/** Text a chat message or log line may hold: any Unicode, plus the characters detectors and the normaliser start from. */
const noise = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 3, arbitrary: fc.array(fc.constantFrom('1', '4', ' ', '-', '.', '@', ':', '\n', 'x', 'SSN', '\u200b', '\u00ad', '４', '٤', '𝟒', '＠', '\ud835', '\udfce', '🙂', 'e\u0301', 'مرحبا', '\u202e'), { maxLength: 30 }).map((parts) => parts.join('')) },
);

/** The detector types that can find each planted type. */
const DETECTORS: Record<string, () => Detector> = {
  EMAIL: email,
  CREDIT_CARD: creditCard,
  US_SSN: usSsn,
  IBAN: iban,
  PHONE: phone,
  IP_ADDRESS: ipAddress,
};

const operators: fc.Arbitrary<Operator> = fc.constantFrom<Operator>(label(), mask(), mask({ keepLast: 4 }), remove(), hash({ secret: 'fuzz-secret-key-0123456789' }));

const detectorSet = fc.subarray(Object.keys(DETECTORS), { minLength: 1 });

const options = fc.record({ types: detectorSet, operator: operators, normalize: fc.boolean() }).map(({ types, operator, normalize }): RedactorOptions & { types: string[] } => ({
  types,
  detectors: types.map((type) => DETECTORS[type]()),
  operator,
  normalize,
}));

/** True when `before` ends with a high surrogate and `after` starts with a low one: a pair cut in two. */
const splitsPair = (before: string, after: string) => (before.charCodeAt(before.length - 1) & 0xfc00) === 0xd800 && (after.charCodeAt(0) & 0xfc00) === 0xdc00;

describe('fuzz: redactor', () => {
  it('never crashes, reports valid sorted spans, and streams exactly for every chunking', () => {
    fc.assert(
      fc.property(options, noise, fc.array(fc.nat(), { maxLength: 12 }), (config, text, points) => {
        const redactor = createRedactor(config);
        const result = redactor.redact(text);
        expect(result.error).toBeUndefined();
        let last = 0;
        for (const finding of result.findings) {
          expect(Number.isInteger(finding.start) && Number.isInteger(finding.end)).toBe(true);
          expect(finding.start).toBeGreaterThanOrEqual(last);
          expect(finding.end).toBeGreaterThan(finding.start);
          expect(finding.end).toBeLessThanOrEqual(text.length);
          last = finding.end;
        }
        const chunks = cut(text, points.map((point) => point % (text.length + 1)));
        const stream = redactor.stream();
        let output = '';
        for (const chunk of chunks) {
          const piece = stream.push(chunk);
          // A piece may end with a lone high surrogate, never with the first half of a pair.
          if (piece.length > 0 && output.length > 0) expect(splitsPair(output, piece)).toBe(false);
          output += piece;
        }
        output += stream.end();
        expect(output).toBe(result.text);
        expect(stream.findings).toEqual(result.findings);
      }),
      { numRuns: RUNS },
    );
  });

  it('removes every planted valid value from the output, one-shot and streamed', () => {
    fc.assert(
      fc.property(plantedValue, noise, noise, operators, fc.array(fc.nat(), { maxLength: 8 }), (planted, before, after, operator, points) => {
        const redactor = createRedactor({ detectors: [DETECTORS[planted.type]()], operator });
        const text = `${before} | ${planted.value} | ${after}`;
        const oneShot = redactor.redact(text).text;
        expect(oneShot).not.toContain(planted.value);
        const streamed = streamThrough(redactor, cut(text, points.map((point) => point % (text.length + 1))));
        expect(streamed.text).toBe(oneShot);
      }),
      { numRuns: RUNS },
    );
  });

  it('removes planted values with the default detectors too', () => {
    const redactor = createRedactor({ detectors: defaultDetectors() });
    fc.assert(
      fc.property(plantedValue, noise, noise, (planted, before, after) => {
        expect(redactor.redact(`${before} | ${planted.value} | ${after}`).text).not.toContain(planted.value);
      }),
      { numRuns: RUNS },
    );
  });

  it('restores tokenized text exactly through a vault, even with token-like input', () => {
    const tokenish = fc.constantFrom('[EMAIL_1]', '[PHONE_2]', '[CREDIT_CARD_1', 'EMAIL_1]', '[[EMAIL_1]]');
    fc.assert(
      fc.property(fc.array(fc.oneof(noise, plantedValue.map((planted) => planted.value), tokenish), { maxLength: 8 }), fc.array(fc.nat(), { maxLength: 8 }), (parts, points) => {
        const text = parts.join(' ');
        const vault = createVault();
        const redactor = createRedactor(policies.llm(vault));
        const result = redactor.redact(text);
        expect(result.error).toBeUndefined();
        expect(vault.restore(result.text)).toBe(text);
        const streamed = streamThrough(redactor, cut(text, points.map((point) => point % (text.length + 1))));
        expect(vault.restore(streamed.text)).toBe(text);
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
