import { describe, expect, it } from 'vitest';
import { createRedactor, email, hash, keyedToken, type Finding } from '../../src/index.js';
import { hmacSha256, toHex, utf8 } from '../../src/internal/sha256.js';

const SECRET = 'a secret key of 16+ bytes';
const finding = (type: string): Finding => ({ type, start: 0, end: 1, score: 1, detector: 'test' });

describe('keyedToken', () => {
  it('writes [TYPE:hex] from HMAC-SHA256(secret, type \\0 value)', () => {
    const expected = toHex(hmacSha256(utf8(SECRET), utf8('EMAIL\u0000a@b.io'))).slice(0, 16);
    expect(keyedToken({ secret: SECRET }).apply('a@b.io', finding('EMAIL'))).toBe(`[EMAIL:${expected}]`);
    expect(keyedToken({ secret: SECRET, length: 8 }).apply('a@b.io', finding('EMAIL'))).toBe(`[EMAIL:${expected.slice(0, 8)}]`);
  });

  it('matches hash() under the same key, so both join', () => {
    const digest = hash({ secret: SECRET }).apply('a@b.io', finding('EMAIL'));
    expect(keyedToken({ secret: SECRET }).apply('a@b.io', finding('EMAIL'))).toBe(`[EMAIL:${digest}]`);
  });

  it('is deterministic across redactors and separates values, types and keys', () => {
    const redactor = () => createRedactor({ detectors: [email()], operator: keyedToken({ secret: SECRET }) });
    const first = redactor().redact('a@b.io and c@d.io and a@b.io').text;
    expect(first).toMatch(/^\[EMAIL:[0-9a-f]{16}\] and \[EMAIL:[0-9a-f]{16}\] and \[EMAIL:[0-9a-f]{16}\]$/);
    const [one, two, three] = first.match(/\[EMAIL:[0-9a-f]{16}\]/g)!;
    expect(one).toBe(three);
    expect(one).not.toBe(two);
    expect(redactor().redact('a@b.io').text).toBe(one);
    const operator = keyedToken({ secret: SECRET });
    expect(operator.apply('x', finding('EMAIL')).slice(7)).not.toBe(operator.apply('x', finding('PHONE')).slice(7));
    expect(keyedToken({ secret: 'another key of 16+ bytes' }).apply('a@b.io', finding('EMAIL'))).not.toBe(one);
    expect(operator.apply('x', finding('my-type'))).toMatch(/^\[MY_TYPE:[0-9a-f]{16}\]$/);
  });

  it('rejects short keys and bad lengths', () => {
    expect(() => keyedToken({ secret: 'short' })).toThrow(/keyedToken/);
    expect(() => keyedToken({ secret: SECRET, length: 4 })).toThrow(RangeError);
    expect(() => keyedToken(null as never)).toThrow(TypeError);
  });
});
