import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactMessages, restoreMessages, type ChatMessage } from '../../src/adapters/messages.js';
import { createRedactor, createVault, email } from '../../src/index.js';

const MAIL = 'jane.doe@example.com';
const CARD = '4111 1111 1111 1111';

describe('redactMessages', () => {
  it('tokenizes OpenAI messages: string content, parts, tool call arguments, refusals', () => {
    const input = [
      { role: 'system', content: `Customer: ${MAIL}` },
      { role: 'user', content: [{ type: 'text', text: `Charge ${CARD}` }, { type: 'image_url', image_url: { url: 'https://x.io/a.png' } }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'charge', arguments: `{"card":"${CARD}","mail":"${MAIL}","n":2}` } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: `charged, receipt to ${MAIL}` },
      { role: 'assistant', content: 'ok', refusal: `cannot mail ${MAIL}` },
    ];
    const snapshot = structuredClone(input);
    const { messages, vault, findings } = redactMessages(input);
    expect(messages).toEqual([
      { role: 'system', content: 'Customer: [EMAIL_1]' },
      { role: 'user', content: [{ type: 'text', text: 'Charge [CREDIT_CARD_1]' }, { type: 'image_url', image_url: { url: 'https://x.io/a.png' } }] },
      {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'charge', arguments: '{"card":"[CREDIT_CARD_1]","mail":"[EMAIL_1]","n":2}' } }],
      },
      { role: 'tool', tool_call_id: 'call_1', content: 'charged, receipt to [EMAIL_1]' },
      { role: 'assistant', content: 'ok', refusal: 'cannot mail [EMAIL_1]' },
    ]);
    expect(input).toEqual(snapshot);
    expect(messages[1].content).not.toBe(input[1].content);
    expect(findings.map((finding) => finding.path)).toEqual([
      [0, 'content'],
      [1, 'content', 0, 'text'],
      [2, 'tool_calls', 0, 'function', 'arguments', 'card'],
      [2, 'tool_calls', 0, 'function', 'arguments', 'mail'],
      [3, 'content'],
      [4, 'refusal'],
    ]);
    expect(restoreMessages(messages, vault)).toEqual(input);
  });

  it('tokenizes Anthropic blocks: text, tool_use input, nested tool_result content; keeps thinking', () => {
    const thinking = { type: 'thinking', thinking: `the user is ${MAIL}`, signature: 'sig' };
    const input = [
      { role: 'user', content: `Find orders of ${MAIL}` },
      { role: 'assistant', content: [thinking, { type: 'tool_use', id: 't1', name: 'orders', input: { customer: { email: MAIL }, limit: 5 } }] },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: `card ${CARD}` }] },
          { type: 'tool_result', tool_use_id: 't2', content: `mail ${MAIL}` },
        ],
      },
    ];
    const { messages, vault } = redactMessages(input);
    expect(messages[0].content).toBe('Find orders of [EMAIL_1]');
    expect(messages[1].content).toEqual([thinking, { type: 'tool_use', id: 't1', name: 'orders', input: { customer: { email: '[EMAIL_1]' }, limit: 5 } }]);
    expect((messages[1].content as unknown[])[0]).toBe(thinking);
    expect(messages[2].content).toEqual([
      { type: 'tool_result', tool_use_id: 't1', content: [{ type: 'text', text: 'card [CREDIT_CARD_1]' }] },
      { type: 'tool_result', tool_use_id: 't2', content: 'mail [EMAIL_1]' },
    ]);
    expect(restoreMessages(messages, vault)).toEqual(input);
  });

  it('keeps tokens stable across calls on the same vault and guards typed tokens', () => {
    const vault = createVault();
    const first = redactMessages([{ role: 'user', content: `${MAIL} said [EMAIL_1]` }], { vault });
    const second = redactMessages([{ role: 'user', content: `again ${MAIL}` }], { vault, detectors: [email()] });
    expect(first.messages[0].content).toBe('[EMAIL_1] said [TOKEN_1]');
    expect(second.messages[0].content).toBe('again [EMAIL_1]');
    expect(first.vault).toBe(vault);
    expect(vault.restore(first.messages[0].content as string)).toBe(`${MAIL} said [EMAIL_1]`);
  });

  it('redacts arguments that are not JSON as text, and accepts a custom redactor', () => {
    const labels = createRedactor();
    const { messages } = redactMessages([{ role: 'assistant', tool_calls: [{ function: { name: 'x', arguments: `to ${MAIL}` } }] }], { redactor: labels });
    expect(messages[0]).toEqual({ role: 'assistant', tool_calls: [{ function: { name: 'x', arguments: 'to [EMAIL]' } }] });
  });

  it('restores a model answer with JSON arguments that stay valid', () => {
    const vault = createVault();
    vault.token('PERSON', 'Jo "JJ" Smith');
    const [answer] = restoreMessages([{ role: 'assistant', tool_calls: [{ function: { name: 'x', arguments: '{"name":"[PERSON_1]"}' } }] }], vault);
    expect(JSON.parse(answer.tool_calls[0].function.arguments)).toEqual({ name: 'Jo "JJ" Smith' });
  });

  it('property: no injected value reaches the output and restore gives back the input', () => {
    const value = fc.constantFrom(MAIL, CARD, 'bob@corp.io');
    // Words around the value keep digits of the random text from extending a card number.
    const text = fc.tuple(fc.string(), value, fc.string()).map(([a, v, b]) => `${a} x ${v} ok ${b}`);
    const message: fc.Arbitrary<ChatMessage> = fc.oneof(
      fc.record({ role: fc.constantFrom('user', 'system', 'tool'), content: text }),
      fc.record({ role: fc.constant('user'), content: fc.array(text.map((t) => ({ type: 'text', text: t })), { maxLength: 3 }) }),
      fc.record({ role: fc.constant('assistant'), content: fc.array(text.map((t) => ({ type: 'tool_use', id: 'a', name: 'b', input: { q: t } })), { maxLength: 2 }) }),
    );
    fc.assert(
      fc.property(fc.array(message, { maxLength: 5 }), (input) => {
        const { messages, vault } = redactMessages(input);
        const out = JSON.stringify(messages);
        for (const secret of [MAIL, CARD, 'bob@corp.io']) expect(out).not.toContain(secret);
        expect(restoreMessages(messages, vault)).toEqual(input);
      }),
      { numRuns: 200 },
    );
  });

  it('rejects misuse with the fix in the message', () => {
    expect(() => redactMessages('hi' as never)).toThrow(/array of \{ role, content \}/);
    expect(() => redactMessages([null as never])).toThrow(/messages\[0\]/);
  });
});
