import { PassThrough, Writable } from 'node:stream';
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream, streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import { redactionMiddleware } from '../../src/adapters/ai-sdk.js';
import { redactMessages, restoreMessages } from '../../src/adapters/messages.js';
import { pinoRedaction } from '../../src/adapters/pino.js';
import { redactFormat } from '../../src/adapters/winston.js';
import { createRedactor, createVault, policies, redactValue } from '../../src/index.js';

/** The examples of the README "Adapters" section, run as written (consoles and models swapped for in-memory ones). */
describe('README adapters examples', () => {
  it('redactValue', () => {
    const { value, findings } = redactValue(
      { user: { email: 'jane@corp.com', password: 'hunter2' }, items: [{ note: 'call 415-867-5309' }] },
      { paths: ['user.password'] },
    );
    expect(value).toEqual({ user: { email: '[EMAIL]', password: '[REDACTED]' }, items: [{ note: 'call [PHONE]' }] });
    expect(findings[0]).toMatchObject({ type: 'EMAIL', path: ['user', 'email'], start: 0, end: 13 });
    expect(findings.every((finding) => finding.value === undefined)).toBe(true);
  });

  it('policies', () => {
    const logs = createRedactor(policies.logs());
    const llm = createRedactor(policies.llm(createVault()));
    const storage = createRedactor(policies.storage({ secret: 'a key of 16+ bytes' }));
    expect(logs.redact('jane@corp.com').text).toBe('[EMAIL]');
    expect(llm.redact('jane@corp.com').text).toBe('[EMAIL_1]');
    expect(storage.redact('jane@corp.com').text).toMatch(/^\[EMAIL:[0-9a-f]{16}\]$/);
  });

  it('pino', () => {
    const lines: string[] = [];
    const destination = new Writable({ write: (chunk, _encoding, callback) => (lines.push(String(chunk)), callback()) });
    const logger = pino({ ...pinoRedaction({ paths: ['password'] }) }, destination);
    logger.info({ user: 'jane@corp.com', password: 'hunter2' }, 'login by %s', 'jane@corp.com');
    expect(lines[0]).toMatch(/^\{"level":30,.*,"user":"\[EMAIL\]","password":"\[REDACTED\]","msg":"login by \[EMAIL\]"\}\n$/);
  });

  it('winston', () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (chunk) => chunks.push(String(chunk)));
    const logger = winston.createLogger({
      format: winston.format.combine(redactFormat({ paths: ['password'] }), winston.format.json()),
      transports: [new winston.transports.Stream({ stream })],
    });
    logger.info('signup', { email: 'jane@corp.com', password: 'hunter2' });
    expect(chunks.join('')).toBe('{"email":"[EMAIL]","level":"info","message":"signup","password":"[REDACTED]"}\n');
  });

  it('Vercel AI SDK', async () => {
    const answer: LanguageModelV3StreamPart[] = [
      { type: 'text-start', id: '1' },
      ...['Dear [EM', 'AIL_1], thanks', ' for writing.'].map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id: '1', delta })),
      { type: 'text-end', id: '1' },
      {
        type: 'finish',
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } },
      },
    ];
    const openaiModel = new MockLanguageModelV3({ doStream: async () => ({ stream: simulateReadableStream({ chunks: answer, chunkDelayInMs: null }) }) });

    const vault = createVault(); // one per conversation
    const model = wrapLanguageModel({ model: openaiModel, middleware: redactionMiddleware({ vault }) });
    const result = streamText({ model, prompt: 'Draft a reply to jane@corp.com' });
    let out = '';
    for await (const text of result.textStream) out += text;

    expect(openaiModel.doStreamCalls[0].prompt).toEqual([{ role: 'user', content: [{ type: 'text', text: 'Draft a reply to [EMAIL_1]' }] }]);
    expect(out).toBe('Dear jane@corp.com, thanks for writing.');
  });

  it('chat message arrays', () => {
    const { messages, vault } = redactMessages([
      { role: 'system', content: 'Customer: jane@corp.com' },
      { role: 'user', content: [{ type: 'text', text: 'Refund card 4111 1111 1111 1111' }] },
    ]);
    expect(messages).toEqual([
      { role: 'system', content: 'Customer: [EMAIL_1]' },
      { role: 'user', content: [{ type: 'text', text: 'Refund card [CREDIT_CARD_1]' }] },
    ]);
    const answer = { role: 'assistant', content: 'Refunded [CREDIT_CARD_1] for [EMAIL_1].' };
    expect(restoreMessages([answer], vault)).toEqual([{ role: 'assistant', content: 'Refunded 4111 1111 1111 1111 for jane@corp.com.' }]);
  });
});
