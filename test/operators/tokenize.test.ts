import { describe, expect, it } from 'vitest';
import { createRedactor, createVault, email, tokenize } from '../../src/index.js';

describe('tokenize', () => {
  it('numbers values per type and reuses them', () => {
    const vault = createVault();
    const redactor = createRedactor({ detectors: [email()], deny: [{ value: 'Jane', type: 'PERSON' }], operator: tokenize(vault) });
    expect(redactor.redact('Jane: a@x.io, b@y.io, a@x.io').text).toBe('[PERSON_1]: [EMAIL_1], [EMAIL_2], [EMAIL_1]');
    expect(redactor.redact('b@y.io from Jane').text).toBe('[EMAIL_2] from [PERSON_1]');
    expect(vault.restore('[PERSON_1] wrote [EMAIL_2]')).toBe('Jane wrote b@y.io');
  });

  it('fails closed when the vault is full', () => {
    const vault = createVault({ maxEntries: 1 });
    const redactor = createRedactor({ detectors: [email()], operator: tokenize(vault) });
    const result = redactor.redact('a@x.io b@y.io');
    expect(result.text).toBe('[REDACTED]');
    expect(result.error).toBeDefined();
  });

  it('rejects a non-vault', () => {
    expect(() => tokenize({} as never)).toThrow(TypeError);
  });
});
