import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, defaultDetectors, email, label, mask, PiiveilError, redact, summarize, type Detector } from '../src/index.js';
import { checkAllChunkings } from './helpers/stream.js';

const emailOnly = createRedactor({ detectors: [email()] });

describe('createRedactor', () => {
  it('redacts with the label operator by default', () => {
    expect(emailOnly.redact('mail jane@example.com now')).toEqual({
      text: 'mail [EMAIL] now',
      findings: [{ type: 'EMAIL', start: 5, end: 21, score: 0.95, detector: 'email' }],
    });
  });

  it('returns the input string itself when nothing is found', () => {
    const text = 'nothing to see here';
    expect(emailOnly.redact(text).text).toBe(text);
    expect(emailOnly.redact('')).toEqual({ text: '', findings: [] });
  });

  it('find reports findings without values unless includeValues is set', () => {
    expect(emailOnly.find('a@b.io')[0]).not.toHaveProperty('value');
    const withValues = createRedactor({ detectors: [email()], includeValues: true });
    expect(withValues.find('x a@b.io')[0].value).toBe('a@b.io');
    expect(withValues.redact('x a@b.io').findings[0].value).toBe('a@b.io');
  });

  it('applies per-type operators before the default one', () => {
    const redactor = createRedactor({ detectors: [email()], operator: mask(), operators: { EMAIL: label({ format: () => '<mail>' }) } });
    expect(redactor.redact('a@b.io').text).toBe('<mail>');
    expect(createRedactor({ detectors: [email()], operator: mask() }).redact('a@b.io').text).toBe('*@*.**');
  });

  it('accepts a plain function as operator', () => {
    const redactor = createRedactor({ detectors: [email()], operator: (value, finding) => `<${finding.type}:${value.length}>` });
    expect(redactor.redact('to a@b.io').text).toBe('to <EMAIL:6>');
  });

  it('never redacts allow-listed values', () => {
    const redactor = createRedactor({ detectors: [email()], allow: ['support@example.com'] });
    expect(redactor.redact('support@example.com or jane@example.com').text).toBe('support@example.com or [EMAIL]');
  });

  it('always redacts deny-listed literals, with their type', () => {
    const redactor = createRedactor({ detectors: [email()], deny: ['Project Falcon', { value: 'ACME-7', type: 'CODENAME' }] });
    const result = redactor.redact('Project Falcon and ACME-7 ship; mail a@b.io');
    expect(result.text).toBe('[DENY] and [CODENAME] ship; mail [EMAIL]');
  });

  it('redacts deny-listed literals holding characters the normalised view folds', () => {
    // With normalize on (the default) detectors read the view, where '１' is '1' and '‐' (U+2010)
    // is '-': a literal written with them was never found, and the value stayed in clear.
    for (const normalize of [true, false]) {
      const redactor = createRedactor({ detectors: [], deny: ['山田１２３', 'ACME‐42'], normalize });
      const text = 'こんにちは山田１２３さん、ACME‐42 です';
      expect(redactor.redact(text).text, `normalize: ${normalize}`).toBe('こんにちは[DENY]さん、[DENY] です');
      checkAllChunkings(redactor, text, 10);
    }
    // Read through the view, a literal also matches its look-alikes, as built-in detectors do.
    expect(createRedactor({ detectors: [], deny: ['ACME-42'] }).redact('ACME‐42, ＡＣＭＥ-４２ and ACME-42').text).toBe('[DENY], [DENY] and [DENY]');
    expect(createRedactor({ detectors: [], deny: ['ACME-42'], normalize: false }).redact('ACME‐42 and ACME-42').text).toBe('ACME‐42 and [DENY]');
  });

  it('drops findings below minScore', () => {
    expect(createRedactor({ detectors: [email({ score: 0.4 })], minScore: 0.5 }).redact('a@b.io').text).toBe('a@b.io');
  });

  it('resolves overlaps: higher score, then longer span, then detector order', () => {
    const fixed = (name: string, type: string, start: number, end: number, score: number): Detector => ({
      name, type, maxLength: 100, lookbehind: 0,
      find(scan, out) { if (scan.from <= start && end <= scan.text.length) out.push({ type, start, end, score, detector: name }); },
      pending: (text) => text.length,
    });
    const text = 'abcdefghij';
    const run = (...detectors: Detector[]) => createRedactor({ detectors }).redact(text).text;
    expect(run(fixed('a', 'A', 0, 4, 0.5), fixed('b', 'B', 2, 6, 0.9))).toBe('ab[B]ghij');
    expect(run(fixed('a', 'A', 0, 4, 0.9), fixed('b', 'B', 2, 8, 0.9))).toBe('ab[B]ij');
    expect(run(fixed('a', 'A', 0, 4, 0.9), fixed('b', 'B', 1, 5, 0.9))).toBe('[A]efghij');
    // A loses to B, so C (which only overlapped A) survives.
    expect(run(fixed('a', 'A', 2, 5, 0.5), fixed('b', 'B', 4, 8, 0.9), fixed('c', 'C', 0, 3, 0.6))).toBe('[C]d[B]ij');
    // A finding inside a longer one drops out, whatever its score.
    expect(run(fixed('a', 'A', 2, 4, 1), fixed('b', 'B', 0, 8, 0.5))).toBe('[B]ij');
  });

  it('redacts a finding with a higher-scored one inside it whole, not around the inner one', () => {
    // The inner finding used to win and leave the rest of the outer one in clear:
    // 'jane@[DENY].com', '12 [HEALTH] Lane, Springfield, IL 62704'.
    const redactor = createRedactor({ deny: ['example'] });
    expect(redactor.redact('mail jane@example.com now').text).toBe('mail [EMAIL] now');
    expect(redactor.redact('the example is done').text).toBe('the [DENY] is done');
    expect(redactor.redact('I live at 12 Diabetes Lane, Springfield, IL 62704').text).toBe('I live at [STREET_ADDRESS]');
    expect(redactor.redact('type 2 diabetes runs in the family').text).toBe('[HEALTH] runs in the family');
    for (const text of ['mail jane@example.com now', 'at 12 Diabetes Lane, Springfield, IL 62704 on Monday']) checkAllChunkings(redactor, text, 10);
  });

  it('rejects bad options at construction with the fix in the message', () => {
    expect(() => createRedactor({ minScore: 2 })).toThrow(RangeError);
    expect(() => createRedactor({ operator: 'mask' as never })).toThrow(/operator/);
    expect(() => createRedactor({ detectors: [{ name: 'x' } as never] })).toThrow(/detector/);
    expect(() => createRedactor({ deny: [''] })).toThrow(/deny/);
    expect(() => createRedactor({ onError: 'ignore' as never })).toThrow(/onError/);
  });

  it('throws a TypeError naming the parameter for non-string input, without echoing it', () => {
    for (const value of [42, null, undefined, { secret: 'jane@example.com' }, ['a@b.io']]) {
      expect(() => emailOnly.redact(value as never)).toThrow(TypeError);
      try {
        emailOnly.redact(value as never);
      } catch (error) {
        expect((error as Error).message).toMatch(/text must be a string/);
        expect((error as Error).message).not.toContain('jane');
      }
    }
  });

  it('fails closed when a detector throws: fallback text, typed code, no input in the message', () => {
    const broken: Detector = { name: 'broken', type: 'X', maxLength: 1, lookbehind: 0, find() { throw new Error('boom jane@example.com'); }, pending: (t) => t.length };
    const result = createRedactor({ detectors: [email(), broken] }).redact('mail jane@example.com');
    expect(result.text).toBe('[REDACTED]');
    expect(result.error?.code).toBe('DETECTOR_FAILED');
    expect(result.error?.message).not.toContain('jane');
    expect(() => createRedactor({ detectors: [broken], onError: 'throw' }).redact('x')).toThrow(PiiveilError);
  });

  it('fails closed when an operator throws', () => {
    const result = createRedactor({ detectors: [email()], operator: () => { throw new Error('no'); }, fallbackText: '###' }).redact('a@b.io');
    expect(result).toMatchObject({ text: '###', error: { code: 'OPERATOR_FAILED' } });
  });

  it('keeps offsets right after astral characters, lone surrogates and NUL bytes', () => {
    const text = '😀\u0000\ud800 mail a@b.io \udc00';
    const [finding] = emailOnly.find(text);
    expect(text.slice(finding.start, finding.end)).toBe('a@b.io');
  });

  it('redact() uses every default detector', () => {
    expect(redact('mail a@b.io').text).toBe('mail [EMAIL]');
    expect(defaultDetectors().length).toBeGreaterThan(0);
  });
});

describe('findings', () => {
  const all = createRedactor();
  it('are sorted, in range and non-overlapping for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 200 }), fc.string({ maxLength: 200 }), (a, b) => {
        const text = `${a} jane@example.com 4111 1111 1111 1111 ${b} 192.0.2.1`;
        let last = 0;
        for (const f of all.find(text)) {
          expect(f.start).toBeGreaterThanOrEqual(last);
          expect(f.end).toBeGreaterThan(f.start);
          expect(f.end).toBeLessThanOrEqual(text.length);
          last = f.end;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('label redaction is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 }), (a, b) => {
        const once = all.redact(`${a} jane@example.com ${b}`).text;
        expect(all.redact(once).text).toBe(once);
      }),
      { numRuns: 200 },
    );
  });

  it('leaves text without digits, letters or @ unchanged', () => {
    fc.assert(
      fc.property(fc.string().map((s) => s.replace(/[\p{L}\p{N}@＠]/gu, ' ')), (text) => {
        expect(all.redact(text).text).toBe(text);
      }),
    );
  });
});

describe('summarize', () => {
  it('counts per type and never includes values', () => {
    const withValues = createRedactor({ detectors: [email()], includeValues: true });
    const summary = summarize(withValues.redact('a@b.io c@d.io').findings);
    expect(summary).toEqual({ total: 2, byType: { EMAIL: 2 } });
    expect(JSON.stringify(summary)).not.toContain('@');
  });
});
