import { describe, expect, it } from 'vitest';
import { createVault, restoreValue } from '../src/index.js';

function vaultOf() {
  const vault = createVault();
  vault.token('EMAIL', 'jane@corp.com');
  vault.token('PERSON', 'Jo "JJ" O\'Neil\\');
  return vault;
}

describe('restoreValue', () => {
  it('restores every string in nested objects and arrays without mutating', () => {
    const vault = vaultOf();
    const input = { to: '[EMAIL_1]', list: ['x', 'PERSON_1', { deep: ['[email_1]'] }], n: 3, ok: true, none: null, when: new Date(0) };
    const snapshot = structuredClone(input);
    const output = restoreValue(input, vault);
    expect(output).toEqual({ to: 'jane@corp.com', list: ['x', 'Jo "JJ" O\'Neil\\', { deep: ['jane@corp.com'] }], n: 3, ok: true, none: null, when: new Date(0) });
    expect(input).toEqual(snapshot);
    expect(output.when).toBe(input.when);
    expect(output.list).not.toBe(input.list);
  });

  it('restores inside JSON strings with escaping, keeping the formatting', () => {
    const vault = vaultOf();
    const call = { name: 'send', arguments: '{ "to": "[EMAIL_1]",\n  "by": ["[PERSON_1]"] }' };
    const output = restoreValue(call, vault);
    expect(output.arguments).toBe('{ "to": "jane@corp.com",\n  "by": ["Jo \\"JJ\\" O\'Neil\\\\"] }');
    expect(JSON.parse(output.arguments)).toEqual({ to: 'jane@corp.com', by: ['Jo "JJ" O\'Neil\\'] });
  });

  it('restores strings that start with a bracket but are not JSON as plain text', () => {
    const vault = vaultOf();
    expect(restoreValue('[EMAIL_1] wrote', vault)).toBe('jane@corp.com wrote');
    expect(restoreValue('[PERSON_1]', vault)).toBe('Jo "JJ" O\'Neil\\');
    expect(restoreValue('{"a": [EMAIL_1]}', vault)).toBe('{"a": jane@corp.com}');
  });

  it('keeps JSON valid when a surrogate stood outside a string literal', () => {
    const vault = createVault();
    const state = vault.toJSON();
    const withNumber = createVault.fromJSON({ ...state, entries: [{ key: '5550123', type: 'PHONE', value: '867-5309', kind: 'surrogate' }] });
    const output = restoreValue('{"n": 5550123, "s": "5550123"}', withNumber);
    expect(JSON.parse(output)).toEqual({ n: 5550123, s: '867-5309' });
  });

  it('copies cycles and shared objects once', () => {
    const vault = vaultOf();
    const shared = { who: '[EMAIL_1]' };
    const input: Record<string, unknown> = { a: shared, b: shared };
    input.self = input;
    const output = restoreValue(input, vault) as Record<string, unknown>;
    expect(output.self).toBe(output);
    expect(output.a).toBe(output.b);
    expect(output.a).toEqual({ who: 'jane@corp.com' });
    expect(input.a).toEqual({ who: '[EMAIL_1]' });
  });

  it('can leave JSON strings to plain restore', () => {
    const vault = vaultOf();
    expect(restoreValue('{"p":"[PERSON_1]"}', vault, { parseJson: false })).toBe('{"p":"Jo "JJ" O\'Neil\\"}');
  });

  it('passes through values that are not strings or containers', () => {
    const vault = vaultOf();
    expect(restoreValue(42, vault)).toBe(42);
    expect(restoreValue(undefined, vault)).toBe(undefined);
    class Box {
      value = '[EMAIL_1]';
    }
    const box = new Box();
    expect(restoreValue(box, vault)).toBe(box);
  });
});
