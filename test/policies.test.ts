import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, createVault, email, keyedToken, mask, policies, surrogate } from '../src/index.js';

const SECRET = 'a-secret-of-sixteen-bytes-or-more';

describe('policies', () => {
  it('logs: labels every default type', () => {
    const redactor = createRedactor(policies.logs());
    expect(redactor.redact('mail jane@corp.com, card 4111 1111 1111 1111').text).toBe('mail [EMAIL], card [CREDIT_CARD]');
  });

  it('logs: merges per-type operators over the policy', () => {
    const redactor = createRedactor(policies.logs({ operators: { CREDIT_CARD: mask({ keepLast: 4 }) } }));
    expect(redactor.redact('mail jane@corp.com, card 4111 1111 1111 1111').text).toBe('mail [EMAIL], card **** **** **** 1111');
  });

  it('llm: tokenizes into the vault and guards token-like input', () => {
    const vault = createVault();
    const redactor = createRedactor(policies.llm(vault));
    const { text } = redactor.redact('I typed [EMAIL_1]; mail jane@corp.com');
    expect(text).toBe('I typed [TOKEN_1]; mail [EMAIL_1]');
    expect(vault.restore(text)).toBe('I typed [EMAIL_1]; mail jane@corp.com');
    expect(vault.restore('Wrote to [EMAIL_1].')).toBe('Wrote to jane@corp.com.');
  });

  it('llm: keeps the guard first in front of custom detectors and a custom operator', () => {
    const vault = createVault({ seed: SECRET });
    const options = policies.llm(vault, { detectors: [email()], operator: surrogate(vault) });
    expect(options.detectors?.map((detector) => detector.name)).toEqual(['vault-guard', 'email']);
    const { text } = createRedactor(options).redact('mail jane@corp.com');
    expect(text).toMatch(/^mail [a-z]+\.\d{4}@example\.(com|net|org)$/);
    expect(vault.restore(text)).toBe('mail jane@corp.com');
  });

  it('llm: round-trips any text mixing values and token-like strings', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('jane@corp.com', '[EMAIL_1]', 'EMAIL_2', '[TOKEN_1]', '4111 1111 1111 1111', ' ', '[CREDIT_CARD_1]'));
    fc.assert(
      fc.property(fc.array(fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(' ')), { minLength: 1, maxLength: 4 }), (messages) => {
        const vault = createVault();
        const redactor = createRedactor(policies.llm(vault));
        for (const message of messages) expect(vault.restore(redactor.redact(message).text)).toBe(message);
      }),
      { numRuns: 200 },
    );
  });

  it('storage: keyed tokens equal to keyedToken with the same key, no vault', () => {
    const stored = createRedactor(policies.storage({ secret: SECRET })).redact('mail jane@corp.com').text;
    const direct = createRedactor({ operator: keyedToken({ secret: SECRET }) }).redact('mail jane@corp.com').text;
    expect(stored).toMatch(/^mail \[EMAIL:[0-9a-f]{16}\]$/);
    expect(stored).toBe(direct);
  });

  it('rejects misuse with the fix in the message', () => {
    expect(() => policies.llm({} as never)).toThrow(/createVault/);
    expect(() => policies.storage({ secret: 'short' })).toThrow(TypeError);
    expect(() => policies.logs(null as never)).toThrow(/overrides must be an object/);
  });
});
