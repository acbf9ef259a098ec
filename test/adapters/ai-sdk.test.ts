import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { generateText, jsonSchema, simulateReadableStream, streamText, tool, wrapLanguageModel, type ModelMessage } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactionMiddleware } from '../../src/adapters/ai-sdk.js';
import { createVault } from '../../src/index.js';

const MAIL = 'jane.doe@example.com';
const CARD = '4111 1111 1111 1111';
const PERSON = 'Jo "JJ" Smith';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};
const finish: LanguageModelV3StreamPart = { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage };

function streamingModel(parts: LanguageModelV3StreamPart[]) {
  return new MockLanguageModelV3({
    doStream: async () => ({ stream: simulateReadableStream({ chunks: parts, initialDelayInMs: null, chunkDelayInMs: null }) }),
  });
}

function textParts(deltas: readonly string[], id = 't1'): LanguageModelV3StreamPart[] {
  return [{ type: 'text-start', id }, ...deltas.map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id, delta })), { type: 'text-end', id }];
}

/** Every string the model was given, as one JSON text. */
const seenBy = (model: MockLanguageModelV3) => JSON.stringify([...model.doGenerateCalls, ...model.doStreamCalls].map((call) => call.prompt));

const sendTool = (received: unknown[]) =>
  tool({
    description: 'send a mail',
    inputSchema: jsonSchema<{ to: string; name: string }>({ type: 'object', properties: { to: { type: 'string' }, name: { type: 'string' } }, required: ['to', 'name'] }),
    execute: async (input) => {
      received.push(input);
      return { sent: true, to: input.to };
    },
  });

describe('redactionMiddleware', () => {
  it('generateText: the model sees tokens, the caller gets the originals back', async () => {
    const vault = createVault();
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [{ type: 'text', text: 'I will mail [EMAIL_1] and charge [CREDIT_CARD_1].' }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage,
        warnings: [],
      }),
    });
    const result = await generateText({
      model: wrapLanguageModel({ model, middleware: redactionMiddleware({ vault }) }),
      system: `The customer is ${MAIL}.`,
      prompt: `Charge ${CARD} and mail ${MAIL}.`,
    });
    const seen = seenBy(model);
    expect(seen).not.toContain('jane');
    expect(seen).not.toContain('4111');
    expect(model.doGenerateCalls[0].prompt).toEqual([
      { role: 'system', content: 'The customer is [EMAIL_1].' },
      { role: 'user', content: [{ type: 'text', text: 'Charge [CREDIT_CARD_1] and mail [EMAIL_1].' }] },
    ]);
    expect(result.text).toBe(`I will mail ${MAIL} and charge ${CARD}.`);
  });

  it('generateText: a tool call is executed with the restored, still valid JSON input', async () => {
    const vault = createVault();
    const received: unknown[] = [];
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({
        content: [{ type: 'tool-call', toolCallId: 'c1', toolName: 'send', input: '{"to":"[EMAIL_1]","name":"[PERSON_1]"}' }],
        finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
        usage,
        warnings: [],
      }),
    });
    const result = await generateText({
      model: wrapLanguageModel({ model, middleware: redactionMiddleware({ vault, deny: [{ value: PERSON, type: 'PERSON' }] }) }),
      prompt: `Send the report to ${PERSON} at ${MAIL}`,
      tools: { send: sendTool(received) },
    });
    expect(seenBy(model)).not.toContain('jane');
    expect(seenBy(model)).not.toContain('JJ');
    expect(received).toEqual([{ to: MAIL, name: PERSON }]);
    expect(result.toolCalls[0].input).toEqual({ to: MAIL, name: PERSON });
  });

  it('tokenizes earlier assistant tool calls and tool results in a multi-step prompt', async () => {
    const vault = createVault();
    const model = new MockLanguageModelV3({
      doGenerate: async () => ({ content: [{ type: 'text', text: 'Done, [EMAIL_1] has phone [PHONE_1].' }], finishReason: { unified: 'stop', raw: 'stop' }, usage, warnings: [] }),
    });
    const messages: ModelMessage[] = [
      { role: 'user', content: [{ type: 'text', text: `Look up ${MAIL}` }] },
      { role: 'assistant', content: [{ type: 'text', text: `Looking up ${MAIL}` }, { type: 'tool-call', toolCallId: 'c1', toolName: 'lookup', input: { email: MAIL } }] },
      { role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c1', toolName: 'lookup', output: { type: 'json', value: { phone: '+1 415-555-2671', owner: { email: MAIL } } } }] },
    ];
    const result = await generateText({ model: wrapLanguageModel({ model, middleware: redactionMiddleware({ vault }) }), messages });
    const seen = seenBy(model);
    expect(seen).not.toContain('jane');
    expect(seen).not.toContain('555');
    expect(model.doGenerateCalls[0].prompt[2]).toMatchObject({
      role: 'tool',
      content: [{ type: 'tool-result', output: { type: 'json', value: { phone: '[PHONE_1]', owner: { email: '[EMAIL_1]' } } } }],
    });
    expect(model.doGenerateCalls[0].prompt[1]).toMatchObject({ content: [{ text: 'Looking up [EMAIL_1]' }, { input: { email: '[EMAIL_1]' } }] });
    expect(result.text).toBe(`Done, ${MAIL} has phone +1 415-555-2671.`);
  });

  it('streamText: restores tokens split across text deltas, releasing clean text early', async () => {
    const vault = createVault();
    vault.token('EMAIL', MAIL);
    vault.token('CREDIT_CARD', CARD);
    const model = streamingModel([...textParts(['Hello, I wrote to [EMA', 'IL_', '1] about [CRE', 'DIT_CARD_1', '] today.']), finish]);
    const result = streamText({ model: wrapLanguageModel({ model, middleware: redactionMiddleware({ vault }) }), prompt: 'hi' });
    const deltas: string[] = [];
    for await (const text of result.textStream) deltas.push(text);
    expect(deltas.join('')).toBe(`Hello, I wrote to ${MAIL} about ${CARD} today.`);
    expect(deltas[0]).toBe('Hello, I wrote to ');
    for (const delta of deltas) expect(delta).not.toMatch(/\[[A-Z_]*$|^[A-Z_0-9]*\]/);
  });

  it('streamText: restores tool-input deltas with JSON escaping and the complete tool call', async () => {
    const vault = createVault();
    vault.token('EMAIL', MAIL);
    vault.token('PERSON', PERSON);
    const received: unknown[] = [];
    const model = streamingModel([
      { type: 'tool-input-start', id: 'c1', toolName: 'send' },
      ...['{"to":"[EM', 'AIL_1]","na', 'me":"[PERSON', '_1]"}'].map((delta): LanguageModelV3StreamPart => ({ type: 'tool-input-delta', id: 'c1', delta })),
      { type: 'tool-input-end', id: 'c1' },
      { type: 'tool-call', toolCallId: 'c1', toolName: 'send', input: '{"to":"[EMAIL_1]","name":"[PERSON_1]"}' },
      { ...finish, finishReason: { unified: 'tool-calls', raw: 'tool_calls' } },
    ]);
    const result = streamText({ model: wrapLanguageModel({ model, middleware: redactionMiddleware({ vault }) }), prompt: 'send it', tools: { send: sendTool(received) } });
    let input = '';
    const calls: unknown[] = [];
    for await (const part of result.fullStream) {
      if (part.type === 'tool-input-delta') input += part.delta;
      if (part.type === 'tool-call') calls.push(part.input);
    }
    expect(JSON.parse(input)).toEqual({ to: MAIL, name: PERSON });
    expect(calls).toEqual([{ to: MAIL, name: PERSON }]);
    expect(received).toEqual([{ to: MAIL, name: PERSON }]);
  });

  it('streamText: restores reasoning deltas and flushes an unterminated part before finish', async () => {
    const vault = createVault();
    vault.token('EMAIL', MAIL);
    const model = streamingModel([
      { type: 'reasoning-start', id: 'r1' },
      { type: 'reasoning-delta', id: 'r1', delta: 'user is [EMAIL' },
      { type: 'reasoning-delta', id: 'r1', delta: '_1]' },
      { type: 'reasoning-end', id: 'r1' },
      { type: 'text-start', id: 't1' },
      { type: 'text-delta', id: 't1', delta: 'Bye EMAIL_' },
      { type: 'text-delta', id: 't1', delta: '1' },
      finish,
    ]);
    const result = streamText({ model: wrapLanguageModel({ model, middleware: redactionMiddleware({ vault }) }), prompt: 'x' });
    let reasoning = '';
    let text = '';
    for await (const part of result.fullStream) {
      if (part.type === 'reasoning-delta') reasoning += part.text;
      if (part.type === 'text-delta') text += part.text;
    }
    expect(reasoning).toBe(`user is ${MAIL}`);
    expect(text).toBe(`Bye ${MAIL}`);
  });

  it('property: for every chunking of an answer, the streamed text is vault.restore of the whole', async () => {
    const vault = createVault();
    const tokens = [vault.token('EMAIL', MAIL), vault.token('CREDIT_CARD', CARD), vault.token('EMAIL', 'b@c.io')];
    const piece = fc.oneof(fc.string(), fc.constantFrom(...tokens, 'EMAIL_1', '[email_2]', '[ EMAIL_1 ]', '[EMAIL_9]', '['));
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 12 }), async (pieces, cuts) => {
        const answer = pieces.join('');
        const points = [...new Set(cuts.map((cut) => cut % (answer.length + 1)))].sort((a, b) => a - b);
        const deltas: string[] = [];
        let last = 0;
        for (const point of [...points, answer.length]) {
          if (point > last) deltas.push(answer.slice(last, point));
          last = Math.max(last, point);
        }
        const model = streamingModel([...textParts(deltas), finish]);
        const result = streamText({ model: wrapLanguageModel({ model, middleware: redactionMiddleware({ vault }) }), prompt: 'x' });
        let text = '';
        for await (const delta of result.textStream) text += delta;
        expect(text).toBe(vault.restore(answer));
      }),
      { numRuns: 100 },
    );
  });

  it('rejects a missing vault with the fix in the message', () => {
    expect(() => redactionMiddleware({} as never)).toThrow(/createVault/);
  });
});
