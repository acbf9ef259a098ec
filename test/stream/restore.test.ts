import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiiveilError, createTokenizer, createVault, email, restoreTransform, surrogate } from '../../src/index.js';
import { cut, restoreThrough } from '../helpers/stream.js';

/** A vault holding tokens and surrogates of several shapes. */
function filledVault() {
  const vault = createVault({ seed: 'restore stream test seed value' });
  for (const value of ['jane@corp.com', 'bob@corp.com', 'x@y.io']) vault.token('EMAIL', value);
  vault.token('US_SSN', '123-45-6789');
  vault.token('PHONE', '+1 415 555 2671');
  const tokenizer = createTokenizer(vault, { detectors: [email()], operator: surrogate(vault) });
  const surrogates = ['a@real.com', 'b@real.org', 'c@real.net'].map((value) => tokenizer.redact(value).text);
  return { vault, surrogates };
}


describe('vault.restoreStream', () => {
  const { vault, surrogates } = filledVault();
  const fragments = ['[EMAIL_1]', '[ email_2 ]', 'EMAIL_3', 'US_SSN_1', '[PHONE_1]', '[EMAIL_9]', 'EMAIL_1x', '[', ']', ' ', '_', 'EMAIL_', '"', ...surrogates, surrogates[0].slice(0, 5)];
  const text = fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.constantFrom(...fragments)), { maxLength: 14 }).map((parts) => parts.join(''));

  it('restores every chunking like one-shot restore', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat({ max: 120 }), { maxLength: 10 }), (whole, points) => {
        expect(restoreThrough(vault, cut(whole, points))).toBe(vault.restore(whole));
      }),
      { numRuns: 1000 },
    );
  });

  it('restores one-character chunks like one-shot restore', () => {
    fc.assert(
      fc.property(text, (whole) => {
        expect(restoreThrough(vault, [...whole])).toBe(vault.restore(whole));
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    [['Hi [EM', 'AIL_1], re', 'ach [ email_', '2 ] or EMAIL_', '3!'], 'Hi jane@corp.com, reach bob@corp.com or x@y.io!'],
    [['US_SSN_1'], '123-45-6789'],
    [['[EMAIL_1', '2]'], '[EMAIL_12]'],
    [['EMAIL_1', 'x'], 'EMAIL_1x'],
  ])('restores tokens split across chunks %j', (chunks, expected) => {
    expect(restoreThrough(vault, chunks)).toBe(expected);
  });

  it('releases prose at once and holds only the partial token', () => {
    const stream = vault.restoreStream();
    expect(stream.push('Hello there, ')).toBe('Hello there, ');
    expect(stream.push('write to [EMA')).toBe('write to ');
    expect(stream.pending).toBe(4);
    expect(stream.push('IL_1] now')).toBe('jane@corp.com ');
    expect(stream.end()).toBe('now');
    expect(() => stream.push('x')).toThrow(PiiveilError);
  });

  it('holds bounded text on a long run without spaces', () => {
    const stream = vault.restoreStream();
    for (let index = 0; index < 1000; index++) stream.push('abcdefghij');
    expect(stream.pending).toBeLessThanOrEqual(64);
  });

  it('escapes for JSON when asked', () => {
    const quoted = createVault();
    quoted.token('PERSON', 'Jo "JJ"');
    const stream = quoted.restoreStream({ json: true });
    expect(stream.push('{"n":"[PER') + stream.push('SON_1]"}') + stream.end()).toBe('{"n":"Jo \\"JJ\\""}');
  });

  it('rejects chunks that are not strings', () => {
    expect(() => vault.restoreStream().push(1 as never)).toThrow(TypeError);
  });
});

describe('restoreTransform', () => {
  it('returns only push and end, restoring like the stream', () => {
    const { vault } = filledVault();
    const restorer = restoreTransform(vault);
    expect(Object.keys(restorer).sort()).toEqual(['end', 'push']);
    expect(restorer.push('to [EMAIL') + restorer.push('_1]') + restorer.end()).toBe('to jane@corp.com');
  });

  it('rejects a non-vault', () => {
    expect(() => restoreTransform({} as never)).toThrow(TypeError);
  });
});
