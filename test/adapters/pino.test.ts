import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { pinoRedaction } from '../../src/adapters/pino.js';
import { createRedactor, createVault, email, mask, policies } from '../../src/index.js';

const MAIL = 'jane.doe@example.com';
const CARD = '4111 1111 1111 1111';

/** A real pino logger writing synchronously into memory; returns it and the parsed lines. */
function memoryLogger(options: pino.LoggerOptions) {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      callback();
    },
  });
  const logger = pino({ ...options, base: undefined, timestamp: false }, destination);
  return { logger, records: () => lines.map((line) => JSON.parse(line) as Record<string, any>), raw: () => lines.join('\n') };
}

describe('pinoRedaction', () => {
  it('redacts the message and every string field, nested or not', () => {
    const { logger, records, raw } = memoryLogger(pinoRedaction());
    logger.info({ user: MAIL, order: 1234, meta: { cards: [CARD], note: 'fine' } }, `paid by ${MAIL}`);
    expect(records()).toEqual([{ level: 30, user: '[EMAIL]', order: 1234, meta: { cards: ['[CREDIT_CARD]'], note: 'fine' }, msg: 'paid by [EMAIL]' }]);
    expect(raw()).not.toContain('jane');
  });

  it('redacts the message after interpolation and msgPrefix', () => {
    const { logger, records } = memoryLogger({ ...pinoRedaction(), msgPrefix: 'mail jane.doe@exa' });
    logger.info('mple.com sent to %s and %o', MAIL, { to: MAIL });
    expect(records()[0].msg).toBe('mail [EMAIL] sent to [EMAIL] and {"to":"[EMAIL]"}');
  });

  it('applies key-path rules and keeps the caller object unchanged', () => {
    const { logger, records } = memoryLogger(pinoRedaction({ paths: ['password', 'req.headers.authorization'] }));
    const payload = { password: 'hunter2', req: { headers: { authorization: 'Bearer x', host: 'a.io' } } };
    logger.warn(payload, 'login');
    expect(records()[0]).toEqual({ level: 40, password: '[REDACTED]', req: { headers: { authorization: '[REDACTED]', host: 'a.io' } }, msg: 'login' });
    expect(payload.password).toBe('hunter2');
  });

  it('redacts errors through pino’s own err serializer, including the message taken from them', () => {
    const { logger, records, raw } = memoryLogger(pinoRedaction());
    const error = Object.assign(new Error(`no account for ${MAIL}`, { cause: new Error(`lookup ${MAIL}`) }), { code: 'E_USER', user: MAIL });
    logger.error(error);
    logger.error({ err: error }, 'failed');
    const [first, second] = records();
    expect(first.msg).toBe('no account for [EMAIL]');
    expect(first.err.type).toBe('Error');
    expect(first.err.message).toBe('no account for [EMAIL]: lookup [EMAIL]');
    expect(first.err.code).toBe('E_USER');
    expect(first.err.user).toBe('[EMAIL]');
    expect(second.err.stack).toContain('no account for [EMAIL]');
    expect(raw()).not.toContain('jane');
    expect(error.message).toBe(`no account for ${MAIL}`);
  });

  it('redacts child bindings and mixin fields', () => {
    const { logger, records } = memoryLogger({ ...pinoRedaction(), mixin: () => ({ requester: MAIL }) });
    logger.child({ customer: MAIL, plan: 'pro' }).info('hello');
    expect(records()[0]).toEqual({ level: 30, customer: '[EMAIL]', plan: 'pro', requester: '[EMAIL]', msg: 'hello' });
  });

  it('redacts the bindings of grandchildren and children made with options', () => {
    const { logger, records, raw } = memoryLogger(pinoRedaction());
    const child = logger.child({ customer: MAIL });
    child.child({ card: CARD, step: 2 }).info('a');
    child.child({ other: `x ${MAIL}` }, { level: 'debug' }).info('b');
    expect(records()).toEqual([
      { level: 30, customer: '[EMAIL]', card: '[CREDIT_CARD]', step: 2, msg: 'a' },
      { level: 30, customer: '[EMAIL]', other: 'x [EMAIL]', msg: 'b' },
    ]);
    expect(raw()).not.toContain('jane');
  });

  it('wraps your serializers: they see the raw value, their output is redacted', () => {
    const seen: unknown[] = [];
    class Request {
      constructor(readonly url: string) {}
    }
    const serializers = {
      req: (request: Request) => {
        seen.push(request);
        return { url: request.url, kind: request instanceof Request ? 'request' : 'other' };
      },
    };
    const { logger, records } = memoryLogger(pinoRedaction({ serializers }));
    const request = new Request(`/reset?email=${MAIL}`);
    logger.info({ req: request }, 'reset');
    expect(seen[0]).toBe(request);
    expect(records()[0].req).toEqual({ url: '/reset?email=[EMAIL]', kind: 'request' });
  });

  it('uses any redactor: a policy with masks, keyed tokens, a changed messageKey', () => {
    const redactor = createRedactor(policies.logs({ detectors: [email()], operators: { EMAIL: mask({ keepFirst: 1 }) } }));
    const { logger, records } = memoryLogger({ ...pinoRedaction({ redactor, messageKey: 'message' }), messageKey: 'message' });
    logger.info({ a: MAIL }, MAIL);
    expect(records()[0]).toEqual({ level: 30, a: 'j***.***@*******.***', message: 'j***.***@*******.***' });
  });

  it('writes clean records unchanged and tolerates empty objects and non-string messages', () => {
    const { logger, records } = memoryLogger(pinoRedaction());
    logger.info('plain text');
    logger.info({}, 'x');
    logger.info({ n: 1, ok: true, none: null });
    expect(records()).toEqual([
      { level: 30, msg: 'plain text' },
      { level: 30, msg: 'x' },
      { level: 30, n: 1, ok: true, none: null },
    ]);
  });

  it('fails closed: a broken redactor writes the fallback, never the text', () => {
    const broken = createRedactor({
      detectors: [{ name: 'broken', type: 'X', maxLength: 1, lookbehind: 0, find: () => { throw new Error('boom') }, pending: (text) => text.length }],
    });
    const { logger, records } = memoryLogger(pinoRedaction({ redactor: broken }));
    logger.info({ user: MAIL }, MAIL);
    expect(records()[0]).toEqual({ level: 30, user: '[REDACTED]', msg: '[REDACTED]' });
  });

  it('rejects misuse at construction', () => {
    expect(() => pinoRedaction({ serializers: { req: 'nope' as never } })).toThrow(/serializers\.req must be a function/);
    expect(() => pinoRedaction({ messageKey: '' })).toThrow(TypeError);
    expect(() => pinoRedaction({ redactor: createVault() as never })).toThrow(TypeError);
  });
});
