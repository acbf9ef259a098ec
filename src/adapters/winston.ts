import winston from 'winston';
import { createRedactor, createValueRedactor, type RedactValueOptions } from '../index.js';

/**
 * winston integration (`piiveil/winston`): a format that redacts the message and every string
 * field of each log entry, for `format.combine(...)`.
 */

/** Options of `redactFormat`: those of `redactValue` except `mutate`. */
export type WinstonRedactionOptions = Omit<RedactValueOptions, 'mutate'>;

const LEVEL = Symbol.for('level');
const SPLAT = Symbol.for('splat');
const MESSAGE = Symbol.for('message');

/**
 * A winston format that redacts each entry: `message`, every other field at any depth (with
 * `redactValue`: nested objects are copied, never changed in place), the arguments waiting for
 * `format.splat()`, and the finished line if a finalizing format already ran. `level` is kept.
 * Put it first in `format.combine(...)`, before `errors()`, `splat()`, `json()` or `printf()`,
 * so every later format only sees redacted text. An entry that is itself an `Error` (logged with
 * `logger.error(error)`) is replaced by a redacted copy, so your error is not changed.
 *
 * @example
 * import winston from 'winston'
 * import { redactFormat } from 'piiveil/winston'
 * const logger = winston.createLogger({
 *   format: winston.format.combine(redactFormat({ paths: ['password'] }), winston.format.json()),
 *   transports: [new winston.transports.Console()],
 * })
 * logger.info('signup', { email: 'jane@corp.com', password: 'hunter2' })
 * // {"email":"[EMAIL]","level":"info","message":"signup","password":"[REDACTED]"}
 */
export function redactFormat(options: WinstonRedactionOptions = {}): winston.Logform.Format {
  if (options === null || typeof options !== 'object') throw new TypeError('redactFormat: options must be an object (or omitted)');
  const redactor = options.redactor ?? createRedactor();
  const values = createValueRedactor({ ...options, redactor, mutate: false });

  const transform = (info: winston.Logform.TransformableInfo): winston.Logform.TransformableInfo => {
    const entry = info as Record<string | symbol, unknown>;
    const view: Record<string, unknown> = {};
    for (const key of Object.keys(entry)) if (key !== 'level') view[key] = entry[key];
    // An Error's message and stack are own but not enumerable.
    for (const key of ['message', 'stack']) if (!(key in view) && Object.prototype.hasOwnProperty.call(entry, key)) view[key] = entry[key];
    const redacted = values.redact(view).value;
    const target: Record<string | symbol, unknown> = info instanceof Error ? { level: info.level } : entry;
    Object.assign(target, redacted);
    if (info instanceof Error) for (const symbol of Object.getOwnPropertySymbols(info)) target[symbol] = entry[symbol];
    const splat = entry[SPLAT];
    if (Array.isArray(splat)) target[SPLAT] = values.redact(splat).value;
    const message = entry[MESSAGE];
    if (typeof message === 'string') target[MESSAGE] = redactor.redact(message).text;
    if (target[LEVEL] === undefined && entry[LEVEL] !== undefined) target[LEVEL] = entry[LEVEL];
    return target as winston.Logform.TransformableInfo;
  };
  return winston.format(transform)();
}
