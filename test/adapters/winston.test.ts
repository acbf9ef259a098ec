import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import winston from 'winston';
import { redactFormat, type WinstonRedactionOptions } from '../../src/adapters/winston.js';
import { createRedactor, createVault, email, keyedToken } from '../../src/index.js';

const MAIL = 'jane.doe@example.com';
const CARD = '4111 1111 1111 1111';

/** A real winston logger with a Stream transport on an in-memory PassThrough. */
function memoryLogger(format: winston.Logform.Format) {
  const stream = new PassThrough();
  const chunks: string[] = [];
  stream.on('data', (chunk) => chunks.push(String(chunk)));
  const logger = winston.createLogger({ level: 'debug', format, transports: [new winston.transports.Stream({ stream })] });
  const lines = () => chunks.join('').split('\n').filter(Boolean);
  return { logger, lines, records: () => lines().map((line) => JSON.parse(line) as Record<string, any>) };
}

const jsonWith = (options?: WinstonRedactionOptions) => winston.format.combine(redactFormat(options), winston.format.json());

describe('redactFormat', () => {
  it('redacts the message and every string field, nested or not', () => {
    const { logger, records, lines } = memoryLogger(jsonWith());
    const meta = { user: MAIL, order: 1234, payment: { cards: [CARD], note: 'fine' } };
    logger.info(`paid by ${MAIL}`, meta);
    expect(records()).toEqual([{ level: 'info', message: 'paid by [EMAIL]', user: '[EMAIL]', order: 1234, payment: { cards: ['[CREDIT_CARD]'], note: 'fine' } }]);
    expect(lines().join('')).not.toContain('jane');
    expect(meta.payment.cards[0]).toBe(CARD);
  });

  it('redacts splat arguments before format.splat() interpolates them', () => {
    const format = winston.format.combine(redactFormat(), winston.format.splat(), winston.format.printf((info) => `${info.level}: ${info.message}`));
    const { logger, lines } = memoryLogger(format);
    logger.info('mail %s about %s', MAIL, `card ${CARD}`);
    expect(lines()).toEqual(['info: mail [EMAIL] about card [CREDIT_CARD]']);
  });

  it('redacts the finished line when placed after a finalizing format', () => {
    const format = winston.format.combine(winston.format.printf((info) => `${info.level} ${info.message}`), redactFormat());
    const { logger, lines } = memoryLogger(format);
    logger.warn(`to ${MAIL}`);
    expect(lines()).toEqual(['warn to [EMAIL]']);
  });

  it('applies key-path rules', () => {
    const { logger, records } = memoryLogger(jsonWith({ paths: ['password', 'headers.authorization'] }));
    logger.info('login', { password: 'hunter2', headers: { authorization: 'Bearer abc', host: 'a.io' } });
    expect(records()[0]).toEqual({ level: 'info', message: 'login', password: '[REDACTED]', headers: { authorization: '[REDACTED]', host: 'a.io' } });
  });

  it('redacts logged errors without changing them, with format.errors()', () => {
    const format = winston.format.combine(redactFormat(), winston.format.errors({ stack: true }), winston.format.json());
    const { logger, records, lines } = memoryLogger(format);
    const error = Object.assign(new Error(`no account for ${MAIL}`), { user: MAIL });
    logger.error(error);
    const [record] = records();
    expect(record.message).toBe('no account for [EMAIL]');
    expect(record.user).toBe('[EMAIL]');
    expect(record.stack).toContain('no account for [EMAIL]');
    expect(lines().join('')).not.toContain('jane');
    expect(error.message).toBe(`no account for ${MAIL}`);
    expect(error.user).toBe(MAIL);
  });

  it('redacts default meta and child logger fields', () => {
    const { logger, records } = memoryLogger(jsonWith());
    logger.child({ customer: MAIL }).debug('hello');
    expect(records()[0]).toEqual({ level: 'debug', message: 'hello', customer: '[EMAIL]' });
  });

  it('uses any redactor, such as keyed tokens for logs that must still be joined', () => {
    const redactor = createRedactor({ detectors: [email()], operator: keyedToken({ secret: 'sixteen-bytes-key!!' }) });
    const { logger, records } = memoryLogger(jsonWith({ redactor }));
    logger.info(MAIL, { again: MAIL });
    const [record] = records();
    expect(record.message).toMatch(/^\[EMAIL:[0-9a-f]{16}\]$/);
    expect(record.again).toBe(record.message);
  });

  it('fails closed: a broken redactor writes the fallback, never the text', () => {
    const broken = createRedactor({
      detectors: [{ name: 'broken', type: 'X', maxLength: 1, lookbehind: 0, find: () => { throw new Error('boom') }, pending: (text) => text.length }],
    });
    const { logger, records } = memoryLogger(jsonWith({ redactor: broken }));
    logger.info(MAIL, { user: MAIL });
    expect(records()[0]).toEqual({ level: 'info', message: '[REDACTED]', user: '[REDACTED]' });
  });

  it('rejects misuse at construction', () => {
    expect(() => redactFormat({ redactor: createVault() as never })).toThrow(TypeError);
    expect(() => redactFormat({ paths: ['a..b'] })).toThrow(TypeError);
  });
});
