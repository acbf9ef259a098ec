import { describe, expect, it } from 'vitest';
import { createTokenizer, createVault, email, surrogate, type Finding } from '../../src/index.js';
import { wordLiterals } from '../vault/literals.js';

const SEED = 'surrogate test seed, 16+ bytes';
const finding = (type: string, value: string): Finding => ({ type, start: 0, end: value.length, score: 1, detector: 'test' });

function fake(type: string, value: string, seed = SEED): string {
  return surrogate(createVault({ seed })).apply(value, finding(type, value));
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = digits.length - 1, double = false; index >= 0; index--, double = !double) {
    let digit = Number(digits[index]);
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

function ibanValid(iban: string): boolean {
  const compact = iban.replace(/\s/g, '').toUpperCase();
  const moved = compact.slice(4) + compact.slice(0, 4);
  let rest = 0;
  for (const char of moved) rest = Number(`${rest}${parseInt(char, 36)}`) % 97;
  return rest === 1;
}

const shape = (text: string) => text.replace(/[0-9]/g, '9').replace(/[a-z]/g, 'a').replace(/[A-Z]/g, 'A');

describe('surrogate', () => {
  it('gives emails on RFC 2606 reserved domains', () => {
    for (const value of ['jane@corp.com', 'a.b+c@mail.example.co.uk', 'X@Y.IO']) {
      expect(fake('EMAIL', value)).toMatch(/^[a-z]+\.[0-9]{4}@example\.(?:com|net|org)$/);
    }
  });

  it.each([
    ['415-555-2671', /^[0-9]{3}-555-01[0-9]{2}$/],
    ['(212) 736-5000', /^\([0-9]{3}\) 555-01[0-9]{2}$/],
    ['+1 646 555 3890', /^\+1 [0-9]{3} 555 01[0-9]{2}$/],
    ['1-800-555-1234', /^1-[0-9]{3}-555-01[0-9]{2}$/],
    ['867-5309', /^555-01[0-9]{2}$/],
    ['020 7946 0018', /^077 0090 0[0-9]{3}$/],
    ['07911 123456', /^07700 900[0-9]{3}$/],
    ['+44 7911 123456', /^\+44 7700 900[0-9]{3}$/],
  ])('gives phone %s a fictional number in the same format', (value, pattern) => {
    expect(fake('PHONE', value)).toMatch(pattern);
  });

  it('falls back to a token for phone plans without a fictional range', () => {
    expect(fake('PHONE', '+49 30 1234567')).toBe('[PHONE_1]');
  });

  it.each([
    ['4111 1111 1111 1111', '424242'],
    ['5500-0000-0000-0004', '555555'],
    ['2221000000000009', '222300'],
    ['3400 000000 00009', '378282'],
    ['6011000990139424', '601111'],
    ['3530111333300000', '356600'],
  ])('gives card %s a Luhn-valid test number with the same grouping', (value, prefix) => {
    const card = fake('CREDIT_CARD', value);
    const digits = card.replace(/\D/g, '');
    expect(shape(card)).toBe(shape(value));
    expect(digits.startsWith(prefix)).toBe(true);
    expect(luhnValid(digits)).toBe(true);
    expect(card).not.toBe(value);
  });

  it('gives Luhn-valid cards for many seeds', () => {
    for (let index = 0; index < 200; index++) {
      const card = fake('CREDIT_CARD', '4111-1111-1111-1111', `seed number ${index} of sixteen+`);
      expect(luhnValid(card.replace(/\D/g, ''))).toBe(true);
    }
  });

  it.each(['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432', 'fr14 2004 1010 0505 0001 3m02 606'])('gives IBAN %s a valid one of the same country, length and pattern', (value) => {
    for (let index = 0; index < 50; index++) {
      const iban = fake('IBAN', value, `iban seed ${index} sixteen bytes`);
      expect(shape(iban)).toBe(shape(value));
      expect(iban.slice(0, 2)).toBe(value.slice(0, 2));
      expect(ibanValid(iban)).toBe(true);
    }
  });

  it('gives IPs from the documentation ranges', () => {
    expect(fake('IP_ADDRESS', '10.1.2.3')).toMatch(/^(?:192\.0\.2|198\.51\.100|203\.0\.113)\.(?:[1-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-4])$/);
    expect(fake('IP_ADDRESS', 'fe80::1ff:fe23:4567:890a')).toMatch(/^2001:db8:[0-9a-f]{4}:[0-9a-f]{4}::[0-9a-f]{4}$/);
    expect(fake('IP_ADDRESS', 'host.local')).toBe('[IP_ADDRESS_1]');
  });

  it('gives SSNs in area 900-999 with group 01-49, keeping separators', () => {
    for (let index = 0; index < 100; index++) {
      const ssn = fake('US_SSN', '123-45-6789', `ssn seed ${index} sixteen bytes`);
      expect(ssn).toMatch(/^9[0-9]{2}-(?:0[1-9]|[1-4][0-9])-(?!0000)[0-9]{4}$/);
    }
    expect(fake('US_SSN', '123 45 6789')).toMatch(/^9[0-9]{2} [0-4][0-9] [0-9]{4}$/);
  });

  it('falls back to a token for types without a generator', () => {
    expect(fake('PERSON', 'Jane Doe')).toBe('[PERSON_1]');
    expect(fake('custom', 'x')).toBe('[CUSTOM_1]');
  });

  it('is deterministic per seed and stable per value', () => {
    expect(fake('EMAIL', 'jane@corp.com')).toBe(fake('EMAIL', 'jane@corp.com'));
    const vault = createVault({ seed: SEED });
    const operator = surrogate(vault);
    const first = operator.apply('jane@corp.com', finding('EMAIL', 'jane@corp.com'));
    operator.apply('bob@corp.com', finding('EMAIL', 'bob@corp.com'));
    expect(operator.apply('jane@corp.com', finding('EMAIL', 'jane@corp.com'))).toBe(first);
    const seeds = new Set(Array.from({ length: 20 }, (_, index) => fake('EMAIL', 'jane@corp.com', `another seed ${index} sixteen`)));
    expect(seeds.size).toBeGreaterThan(10);
  });

  it('never equals an original, an issued surrogate or text of the message', () => {
    const vault = createVault({ seed: SEED });
    const tokenizer = createTokenizer(vault, { detectors: [email()], operator: surrogate(vault) });
    const taken = tokenizer.redact('x@y.io').text;
    // The issued surrogate is now an original of the next message; it gets a different one.
    const again = tokenizer.redact(`mail ${taken} and z@y.io`).text;
    expect(again).not.toContain(taken);
    expect(vault.restore(again)).toBe(`mail ${taken} and z@y.io`);
    // Text of the message is never chosen: force a collision by quoting what would be chosen.
    const fresh = createVault({ seed: SEED });
    const wouldBe = surrogate(createVault({ seed: SEED })).apply('q@r.io', finding('EMAIL', 'q@r.io'));
    const quoting = createTokenizer(fresh, { detectors: [email({})], operator: surrogate(fresh) });
    const message = `q@r.io vs ${wouldBe.replace('@', ' at ')} and ${wouldBe}`;
    const { text } = quoting.redact(message);
    expect(fresh.restore(text)).toBe(message);
  });

  it('uses a token for findings glued to a word, which restore could not delimit', () => {
    const vault = createVault({ seed: SEED });
    const tokenizer = createTokenizer(vault, { detectors: [], deny: [{ value: '867-5309', type: 'PHONE' }], operator: surrogate(vault) });
    const message = 'x867-5309y and 867-5309';
    const { text } = tokenizer.redact(message);
    expect(text).toMatch(/^x\[PHONE_1\]y and 555-01[0-9]{2}$/);
    expect(vault.restore(text)).toBe(message);
  });

  it('uses a token for findings glued to a word in a stream too, so the streamed answer restores', () => {
    // Found by test/fuzz/engine.fuzz.ts: operators of a tokenizer's stream saw no input, so a
    // glued finding got a surrogate that restore (whole words only) could not read back:
    // 'x867-5309y' streamed to 'x555-0142y', which restored to itself, not to the input.
    const message = 'x867-5309y and 867-5309 then';
    for (const chunks of [[message], [...message], ['x867-53', '09', 'y and 867-5309', ' then']]) {
      const vault = createVault({ seed: SEED });
      const stream = createTokenizer(vault, { detectors: [], deny: [{ value: '867-5309', type: 'PHONE' }], operator: surrogate(vault) }).stream();
      const text = chunks.map((chunk) => stream.push(chunk)).join('') + stream.end();
      expect(text, JSON.stringify(chunks)).toMatch(/^x\[PHONE_1\]y and /);
      expect(vault.restore(text), JSON.stringify(chunks)).toBe(message);
    }
  });

  it('checks a new surrogate against the text a stream holds', () => {
    const message = 'mail q@r.io then';
    const wouldBe = surrogate(createVault({ seed: SEED })).apply('q@r.io', finding('EMAIL', 'q@r.io'));
    const vault = createVault({ seed: SEED });
    const stream = createTokenizer(vault, { detectors: [email()], operator: surrogate(vault) }).stream();
    const text = stream.push(`${message} ${wouldBe} `) + stream.end();
    expect(text).not.toContain(`mail ${wouldBe}`);
    expect(vault.restore(text)).toBe(`${message} ${wouldBe} `);
  });

  it('round-trips every type through restore', () => {
    const values = { PHONE: ['415-555-2671'], CREDIT_CARD: ['4111 1111 1111 1111'], IBAN: ['DE89 3704 0044 0532 0130 00'], IP_ADDRESS: ['10.1.2.3'], US_SSN: ['123-45-6789'] };
    const vault = createVault({ seed: SEED });
    const detectors = [email(), ...Object.entries(values).map(([type, list]) => wordLiterals(type, list))];
    const tokenizer = createTokenizer(vault, { detectors, operator: surrogate(vault) });
    const message = `jane@corp.com, ${Object.values(values).flat().join('; ')}.`;
    const { text } = tokenizer.redact(message);
    for (const value of Object.values(values).flat()) expect(text).not.toContain(value);
    expect(text).not.toContain('[');
    expect(vault.restore(text)).toBe(message);
  });

  it('writes surrogates the normalised view leaves as they are, so the guard sees them quoted back', () => {
    // Found by test/fuzz/engine.fuzz.ts: a surrogate kept the original's full-width digit (or
    // U+2011 separators). The guard scans the normalised view, where '０' reads '0', so the
    // surrogate quoted back in a later message was not guarded and restore turned it into the
    // original value: `restore(redact(x)) !== x`, and the value was handed to whoever typed it.
    const vault = createVault({ seed: 'engine fuzz surrogate seed 0123456789' });
    const tokenizer = createTokenizer(vault, { operator: surrogate(vault) });
    for (const value of ['DE3600０000000000000000', '536\u201122\u20111234', '415\u2010555\u20102671']) {
      const issued = tokenizer.redact(`pay ${value} now`).text.slice(4, -4);
      expect(issued).toMatch(/^[\x20-\x7e]+$/);
      const quoted = `you said ${issued} ok`;
      expect(vault.restore(tokenizer.redact(quoted).text)).toBe(quoted);
    }
  });

  it('rejects bad options', () => {
    expect(() => surrogate({} as never)).toThrow(TypeError);
    expect(() => surrogate(createVault(), { attempts: 0 })).toThrow(RangeError);
  });
});
