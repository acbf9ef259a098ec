import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hash, label, mask, remove, type Finding } from '../../src/index.js';

const finding = (type = 'CREDIT_CARD'): Finding => ({ type, start: 0, end: 1, score: 1, detector: 'test' });

describe('label', () => {
  it('writes the type in brackets, or a custom format', () => {
    expect(label().apply('a@b.io', finding('EMAIL'))).toBe('[EMAIL]');
    expect(label({ format: (f) => `<${f.type.toLowerCase()}>` }).apply('x', finding('EMAIL'))).toBe('<email>');
    expect(() => label({ format: 'x' as never })).toThrow(TypeError);
  });
});

describe('remove', () => {
  it('returns the empty string', () => expect(remove().apply('secret', finding())).toBe(''));
});

describe('mask', () => {
  it('keeps separators and the last digits of a card', () => {
    expect(mask({ keepLast: 4 }).apply('4111 1111 1111 1111', finding())).toBe('**** **** **** 1111');
    expect(mask({ keepLast: 4 }).apply('4111-1111-1111-1111', finding())).toBe('****-****-****-1111');
  });
  it('keeps the first characters and uses the given mask character', () => {
    expect(mask({ keepFirst: 1, char: '#' }).apply('jane@example.com', finding('EMAIL'))).toBe('j###@#######.###');
  });
  it('masks every character when keepSeparators is false', () => {
    expect(mask({ keepSeparators: false }).apply('(555) 010-0199', finding('PHONE'))).toBe('**************');
  });
  it('masks by code point, so astral letters become one mask character', () => {
    expect(mask().apply('𝒜b', finding('X'))).toBe('**');
  });
  it('never reveals more than keepFirst + keepLast characters', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9]{0,30}$/), fc.nat({ max: 5 }), fc.nat({ max: 5 }), (value, keepFirst, keepLast) => {
        const masked = mask({ keepFirst, keepLast }).apply(value, finding());
        expect(masked.length).toBe(value.length);
        expect([...masked].filter((c) => c !== '*').length).toBeLessThanOrEqual(Math.min(value.length, keepFirst + keepLast));
      }),
    );
  });
  it('rejects bad options', () => {
    expect(() => mask({ keepLast: -1 })).toThrow(RangeError);
    expect(() => mask({ char: '' })).toThrow(TypeError);
  });
});

describe('hash', () => {
  const secret = 'a-test-secret-of-enough-length';
  it('is HMAC-SHA256 over type NUL value, truncated', () => {
    const expected = createHmac('sha256', secret).update('EMAIL\u0000jane@example.com').digest('hex').slice(0, 16);
    expect(hash({ secret }).apply('jane@example.com', finding('EMAIL'))).toBe(expected);
  });
  it('is deterministic per key and differs across keys and types', () => {
    const a = hash({ secret });
    expect(a.apply('x', finding('EMAIL'))).toBe(a.apply('x', finding('EMAIL')));
    expect(a.apply('x', finding('EMAIL'))).not.toBe(a.apply('x', finding('PHONE')));
    expect(hash({ secret: `${secret}!` }).apply('x', finding('EMAIL'))).not.toBe(a.apply('x', finding('EMAIL')));
  });
  it('honours length and format', () => {
    expect(hash({ secret, length: 8 }).apply('x', finding())).toHaveLength(8);
    expect(hash({ secret, format: (d, f) => `[${f.type}:${d.slice(0, 6)}]` }).apply('x', finding('EMAIL'))).toMatch(/^\[EMAIL:[0-9a-f]{6}\]$/);
  });
  it('matches node:crypto for arbitrary values', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const expected = createHmac('sha256', secret).update(`EMAIL\u0000${value}`).digest('hex');
        expect(hash({ secret, length: 64 }).apply(value, finding('EMAIL'))).toBe(expected);
      }),
    );
  });
  it('requires a secret of 16+ bytes', () => {
    expect(() => hash({ secret: 'short' })).toThrow(TypeError);
    expect(() => hash(undefined as never)).toThrow(TypeError);
    expect(() => hash({ secret, length: 4 })).toThrow(RangeError);
  });
});
