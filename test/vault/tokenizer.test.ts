import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PiiveilError, createTokenizer, createVault, defaultDetectors, email, surrogate, tokenize, type Detector, type Operator, type Vault } from '../../src/index.js';
import { checkAllChunkings, cut, streamThrough } from '../helpers/stream.js';
import { wordLiterals } from './literals.js';

const SEED = 'a fixed seed for reproducible surrogates';

const PHONES = ['415-555-2671', '(212) 736-5000', '+1 646 555 3890', '020 7946 0018', '+44 7911 123456', '867-5309'];
const CARDS = ['4111 1111 1111 1111', '5500-0000-0000-0004', '3400 000000 00009'];
const IBANS = ['DE89 3704 0044 0532 0130 00', 'GB82WEST12345698765432'];
const IPS = ['10.1.2.3', 'fe80::1ff:fe23:4567:890a'];
const SSNS = ['123-45-6789'];
const EMAILS = ['jane.doe@corp.com', 'bob@x.io', 'USER@EXAMPLE.COM', 'alex.0001@example.com'];

/** email() plus whole-word literal detectors standing in for the other types. */
function detectors(): Detector[] {
  return [
    email(),
    wordLiterals('PHONE', PHONES),
    wordLiterals('CREDIT_CARD', CARDS),
    wordLiterals('IBAN', IBANS),
    wordLiterals('IP_ADDRESS', IPS),
    wordLiterals('US_SSN', SSNS),
    wordLiterals('PERSON', ['Jane Doe']),
  ];
}

const REAL_VALUES = [...EMAILS, ...PHONES, ...CARDS, ...IBANS, ...IPS, ...SSNS, 'Jane Doe'];
const TOKEN_LIKE = ['[EMAIL_1]', 'EMAIL_1', '[ email_2 ]', 'TOKEN_1', '[TOKEN_1]', '[PHONE_1]', 'phone_3', 'US_SSN_1', '[', ']', '_1', 'EMAIL_', '_', '[CREDIT_CARD_1]', 'X', '1', ' '];

/** A message: random text, real values and token-like text, with pieces of earlier outputs echoed. */
const part = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  { weight: 3, arbitrary: fc.constantFrom(...REAL_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...TOKEN_LIKE) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('EMAIL', 'token', 'Phone', 'CREDIT_CARD', 'FOO'), fc.nat({ max: 12 }), fc.constantFrom('', ' ', '  ')).map(([type, n, space]) => `[${space}${type}_${n}${space}]`) },
  { weight: 2, arbitrary: fc.record({ echo: fc.nat(), from: fc.nat(), length: fc.nat({ max: 40 }) }) },
);
const conversation = fc.array(fc.array(part, { maxLength: 12 }), { minLength: 1, maxLength: 5 });

function build(parts: readonly (string | { echo: number; from: number; length: number })[], outputs: readonly string[]): string {
  return parts
    .map((item) => {
      if (typeof item === 'string') return item;
      if (outputs.length === 0) return '';
      const output = outputs[item.echo % outputs.length];
      const start = output.length === 0 ? 0 : item.from % output.length;
      return output.slice(start, start + item.length);
    })
    .join('');
}

function expectRoundTrips(make: (vault: Vault) => Operator | undefined, detectorList: () => Detector[]) {
  fc.assert(
    fc.property(conversation, (messages) => {
      const vault = createVault({ seed: SEED });
      const operator = make(vault);
      const tokenizer = createTokenizer(vault, { detectors: detectorList(), ...(operator ? { operator } : {}) });
      const outputs: string[] = [];
      for (const parts of messages) {
        const message = build(parts, outputs);
        const { text, error } = tokenizer.redact(message);
        expect(error).toBeUndefined();
        expect(vault.restore(text), JSON.stringify({ message, text })).toBe(message);
        outputs.push(text);
      }
      // Earlier outputs still restore after later messages grew the vault.
      outputs.forEach((text, index) => expect(vault.restore(text)).toBe(build(messages[index], outputs.slice(0, index))));
    }),
    { numRuns: 300 },
  );
}

describe('vaultGuard', () => {
  it('ignores an underscore at the very end of the text (found by the finding validation)', () => {
    const vault = createVault();
    const tokenizer = createTokenizer(vault, { detectors: [email()], onError: 'throw' });
    expect(tokenizer.redact('EMAIL_').text).toBe('EMAIL_');
    expect(tokenizer.redact('see EMAIL_').text).toBe('see EMAIL_');
  });
});

describe('createTokenizer', () => {
  it('tokenizes with stable numbered tokens across messages', () => {
    const vault = createVault();
    const tokenizer = createTokenizer(vault, { detectors: detectors() });
    expect(tokenizer.redact('Mail jane.doe@corp.com or call 415-555-2671.').text).toBe('Mail [EMAIL_1] or call [PHONE_1].');
    expect(tokenizer.redact('Also bob@x.io; jane.doe@corp.com again').text).toBe('Also [EMAIL_2]; [EMAIL_1] again');
  });

  it('turns token-like input into tokens of its own (unforgeable)', () => {
    const vault = createVault();
    const tokenizer = createTokenizer(vault, { detectors: detectors() });
    const message = 'I typed [EMAIL_1], email_1 and [ PHONE_2 ] before bob@x.io';
    const { text } = tokenizer.redact(message);
    expect(text).toBe('I typed [TOKEN_1], [TOKEN_2] and [TOKEN_3] before [EMAIL_1]');
    expect(vault.restore(text)).toBe(message);
  });

  it('guards token names glued inside words', () => {
    const vault = createVault();
    const tokenizer = createTokenizer(vault, { detectors: detectors(), deny: ['zz'] });
    const message = 'zzEMAIL_1 and EMAIL_1zz and xTOKEN_12';
    const { text } = tokenizer.redact(message);
    expect(text).toBe('[DENY_1][TOKEN_1] and [TOKEN_1][DENY_1] and x[TOKEN_2]');
    expect(vault.restore(text)).toBe(message);
  });

  it('restores exactly for every message: tokenize', () => {
    expectRoundTrips(() => undefined, detectors);
  });

  it('restores exactly for every message: surrogate', () => {
    expectRoundTrips((vault) => surrogate(vault), detectors);
  });

  it('restores exactly for every message: defaultDetectors()', () => {
    expectRoundTrips((vault) => tokenize(vault), defaultDetectors);
    expectRoundTrips((vault) => surrogate(vault), defaultDetectors);
  });

  it('escapes a typed token name whose counter runs into a value found after it', () => {
    // Found with FC_SEED=-136563021: a message echoed 'TOKEN_1' glued to a card surrogate the
    // vault had issued ('TOKEN_13782 826276 84176'). The guarded surrogate, longer, won the
    // overlap with the guarded name 'TOKEN_13782'; its token then ended the name early, and
    // restore replaced the 'TOKEN_1' left in front of it with the '[EMAIL_1]' typed before.
    const vault = createVault({ seed: SEED });
    const tokenizer = createTokenizer(vault, { detectors: defaultDetectors(), operator: surrogate(vault) });
    const round = (message: string) => {
      const text = tokenizer.redact(message).text;
      expect(vault.restore(text), message).toBe(message);
      return text;
    };
    round('[EMAIL_1]');
    const fake = round('card 3400 000000 00009').slice('card '.length);
    expect(fake).toMatch(/^\d[\d ]+\d$/);
    round(`TOKEN_1${fake}`);
    round(`token_1${fake} and TOKEN_1 ${fake}`);
  });

  it('streams the same text as one-shot redaction', () => {
    const cases = [
      'Mail jane.doe@corp.com or call 415-555-2671 about [EMAIL_1].',
      'typed EMAIL_1, [ email_2 ] and card 4111 1111 1111 1111 twice: 4111 1111 1111 1111',
      'IBAN DE89 3704 0044 0532 0130 00 from 10.1.2.3 for Jane Doe (123-45-6789)',
    ];
    for (const text of cases) {
      for (const make of [tokenize, surrogate]) {
        const vault = createVault({ seed: SEED });
        checkAllChunkings(createTokenizer(vault, { detectors: detectors(), operator: make(vault) }), text, 20);
        expect(vault.restore(streamThrough(createTokenizer(vault, { detectors: detectors() }), [...text]).text)).toBe(text);
      }
    }
  });

  it('round-trips streamed messages for random chunkings', () => {
    fc.assert(
      fc.property(conversation, fc.array(fc.nat({ max: 200 }), { maxLength: 8 }), (messages, points) => {
        const vault = createVault({ seed: SEED });
        const tokenizer = createTokenizer(vault, { detectors: detectors(), operator: surrogate(vault) });
        const oneShotVault = createVault({ seed: SEED });
        const oneShot = createTokenizer(oneShotVault, { detectors: detectors(), operator: surrogate(oneShotVault) });
        const outputs: string[] = [];
        for (const parts of messages) {
          const message = build(parts, outputs);
          const { text } = streamThrough(tokenizer, cut(message, points));
          expect(text, JSON.stringify({ message, points })).toBe(oneShot.redact(message).text);
          expect(vault.restore(text), JSON.stringify({ message, text })).toBe(message);
          outputs.push(text);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('fails closed with VAULT_FULL when the vault is full', () => {
    const vault = createVault({ maxEntries: 1 });
    const tokenizer = createTokenizer(vault, { detectors: [email()] });
    expect(tokenizer.redact('a@b.io').text).toBe('[EMAIL_1]');
    const result = tokenizer.redact('a@b.io and c@d.io');
    expect(result.text).toBe('[REDACTED]');
    expect(result.error?.code).toBe('VAULT_FULL');
    expect(result.error?.message).not.toContain('c@d.io');
    const throwing = createTokenizer(vault, { detectors: [email()], onError: 'throw' });
    expect(() => throwing.redact('e@f.io')).toThrow(expect.objectContaining({ code: 'VAULT_FULL' }));
    const stream = tokenizer.stream();
    expect(() => {
      stream.push('g@h.io ');
      stream.end();
    }).toThrow(PiiveilError);
    expect(() => createTokenizer(vault, { detectors: [email()] }).stream().end()).not.toThrow();
  });

  it('rejects a non-vault', () => {
    expect(() => createTokenizer({} as never)).toThrow(TypeError);
  });
});
