import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiiveilError, createVault } from '../../src/index.js';

describe('createVault', () => {
  it('gives the same value of the same type the same token, across calls', () => {
    const vault = createVault();
    expect(vault.token('EMAIL', 'a@b.io')).toBe('[EMAIL_1]');
    expect(vault.token('EMAIL', 'c@d.io')).toBe('[EMAIL_2]');
    expect(vault.token('EMAIL', 'a@b.io')).toBe('[EMAIL_1]');
    expect(vault.token('DENY', 'a@b.io')).toBe('[DENY_1]');
    expect(vault.token('US_SSN', '123-45-6789')).toBe('[US_SSN_1]');
    expect(vault.size).toBe(4);
  });

  it('keeps separate vaults independent', () => {
    const first = createVault();
    const second = createVault();
    first.token('EMAIL', 'a@b.io');
    expect(second.token('EMAIL', 'x@y.io')).toBe('[EMAIL_1]');
    expect(first.restore('[EMAIL_1]')).toBe('a@b.io');
    expect(second.restore('[EMAIL_1]')).toBe('x@y.io');
  });

  it('gives types that fold to one prefix distinct numbers', () => {
    const vault = createVault();
    expect(vault.token('my-type', 'v')).toBe('[MY_TYPE_1]');
    expect(vault.token('MY TYPE', 'w')).toBe('[MY_TYPE_2]');
    expect(vault.restore('[MY_TYPE_1] [MY_TYPE_2]')).toBe('v w');
  });

  it('looks up tokens in any case and form', () => {
    const vault = createVault();
    vault.token('EMAIL', 'a@b.io');
    expect(vault.lookup('[EMAIL_1]')).toEqual({ type: 'EMAIL', value: 'a@b.io' });
    expect(vault.lookup('email_1')).toEqual({ type: 'EMAIL', value: 'a@b.io' });
    expect(vault.lookup('[EMAIL_2]')).toBeUndefined();
  });

  it('clears every entry and starts numbering again', () => {
    const vault = createVault();
    vault.token('EMAIL', 'a@b.io');
    vault.clear();
    expect(vault.size).toBe(0);
    expect(vault.restore('[EMAIL_1]')).toBe('[EMAIL_1]');
    expect(vault.token('EMAIL', 'z@z.io')).toBe('[EMAIL_1]');
  });

  it('round-trips through JSON', () => {
    const vault = createVault({ seed: 'sixteen bytes or more of seed', maxEntries: 10 });
    vault.token('EMAIL', 'a@b.io');
    vault.token('PHONE', '+1 415 555 2671');
    const copy = createVault.fromJSON(JSON.stringify(vault));
    expect(copy.toJSON()).toEqual(vault.toJSON());
    expect(copy.maxEntries).toBe(10);
    expect(copy.restore('[PHONE_1] [EMAIL_1]')).toBe('+1 415 555 2671 a@b.io');
    // Numbering continues after the highest restored number.
    expect(copy.token('EMAIL', 'new@b.io')).toBe('[EMAIL_2]');
  });

  it('rejects malformed JSON without echoing values', () => {
    const good = createVault({ seed: 'sixteen bytes or more of seed' });
    good.token('EMAIL', 'secret@b.io');
    const data = good.toJSON();
    expect(() => createVault.fromJSON({ ...data, version: 2 } as never)).toThrow(TypeError);
    expect(() => createVault.fromJSON({ ...data, seed: 'zz' })).toThrow(/seed/);
    const bad = { ...data, entries: [{ ...data.entries[0], key: '[email_1]' }] };
    expect(() => createVault.fromJSON(bad)).toThrow(/entry 0/);
    const twice = { ...data, entries: [data.entries[0], data.entries[0]] };
    expect(() => createVault.fromJSON(twice)).toThrow(/entry 1/);
    try {
      createVault.fromJSON(bad);
    } catch (error) {
      expect(String(error)).not.toContain('secret');
    }
  });

  it('throws VAULT_FULL past maxEntries', () => {
    const vault = createVault({ maxEntries: 2 });
    vault.token('EMAIL', 'a');
    vault.token('EMAIL', 'b');
    expect(vault.token('EMAIL', 'a')).toBe('[EMAIL_1]');
    expect(() => vault.token('EMAIL', 'c')).toThrow(PiiveilError);
    try {
      vault.token('EMAIL', 'c');
    } catch (error) {
      expect((error as PiiveilError).code).toBe('VAULT_FULL');
    }
  });

  it('rejects bad options', () => {
    expect(() => createVault({ maxEntries: 0 })).toThrow(RangeError);
    expect(() => createVault({ seed: 'short' })).toThrow(TypeError);
  });

  it('never gives two values one token across 10,000 random messages', () => {
    const vault = createVault();
    const seen = new Map<string, string>();
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom('EMAIL', 'PHONE', 'US_SSN', 'custom type'), fc.string({ maxLength: 6 })), { maxLength: 4 }), (values) => {
        for (const [type, value] of values) {
          const token = vault.token(type, value);
          const key = `${type}\u0000${value}`;
          const owner = seen.get(token);
          if (owner !== undefined) expect(owner).toBe(key);
          seen.set(token, key);
          expect(vault.token(type, value)).toBe(token);
          expect(vault.lookup(token)).toEqual({ type, value });
        }
      }),
      { numRuns: 10_000 },
    );
    expect(vault.size).toBe(seen.size);
  });
});

describe('vault.restore', () => {
  const vault = createVault();
  vault.token('EMAIL', 'jane@corp.com');
  vault.token('EMAIL', 'bob@corp.com');
  vault.token('US_SSN', '123-45-6789');

  it.each([
    ['Write to [EMAIL_1].', 'Write to jane@corp.com.'],
    ['[email_1] and [Email_2]', 'jane@corp.com and bob@corp.com'],
    ['[ EMAIL_1 ] / [EMAIL_2  ]', 'jane@corp.com / bob@corp.com'],
    ['Bare EMAIL_1, quoted "EMAIL_2" and `EMAIL_1`', 'Bare jane@corp.com, quoted "bob@corp.com" and `jane@corp.com`'],
    ['(EMAIL_1) {EMAIL_2} <US_SSN_1>', '(jane@corp.com) {bob@corp.com} <123-45-6789>'],
    ['[[EMAIL_1]]', '[jane@corp.com]'],
    ['[EMAIL_1[EMAIL_2]', '[jane@corp.combob@corp.com'],
    ['unknown [EMAIL_3] PHONE_1 [FOO_1]', 'unknown [EMAIL_3] PHONE_1 [FOO_1]'],
    ['inside words: xEMAIL_1 EMAIL_1x EMAIL_12 EMAIL_01 MY_EMAIL_1', 'inside words: xEMAIL_1 EMAIL_1x EMAIL_12 EMAIL_01 MY_EMAIL_1'],
    ['not tolerated: [EMAIL 1] [EMAIL-1] EMAIL1', 'not tolerated: [EMAIL 1] [EMAIL-1] EMAIL1'],
    ['three spaces: only the bare name [   EMAIL_1]', 'three spaces: only the bare name [   jane@corp.com]'],
    ['EMAIL_1', 'jane@corp.com'],
    ['', ''],
  ])('restores %j', (text, expected) => {
    expect(vault.restore(text)).toBe(expected);
  });

  it('returns the input itself when nothing is known', () => {
    const text = 'nothing to see [HERE_1]';
    expect(vault.restore(text)).toBe(text);
  });

  it('escapes originals for JSON string literals on request', () => {
    const quoted = createVault();
    quoted.token('PERSON', 'Jo "JJ" \\ O\u2028');
    expect(quoted.restore('{"name":"[PERSON_1]"}', { json: true })).toBe('{"name":"Jo \\"JJ\\" \\\\ O\u2028"}');
    expect(JSON.parse(quoted.restore('{"name":"[PERSON_1]"}', { json: true }))).toEqual({ name: 'Jo "JJ" \\ O\u2028' });
  });

  it('is linear on adversarial input', () => {
    const big = createVault();
    for (let index = 0; index < 200; index++) big.token('EMAIL', `user${index}@corp.com`);
    for (const text of ['[EMAIL_'.repeat(100_000), '[ '.repeat(200_000), 'E'.repeat(400_000), 'EMAIL_1'.repeat(60_000), '['.repeat(400_000)]) {
      const started = performance.now();
      big.restore(text);
      expect(performance.now() - started).toBeLessThan(1000);
    }
  });
});
