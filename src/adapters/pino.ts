import pino from 'pino';
import { createRedactor, createValueRedactor, type RedactValueOptions } from '../index.js';

/**
 * pino integration (`piiveil/pino`): options to spread into `pino({...})` so the message and
 * every string of every record are redacted before the line is written.
 *
 * Where it hooks in, and why there (pino 10, `lib/tools.js` `_asJson`):
 * - `formatters.log(object)` receives the merged object of each call (your fields, `mixin()`
 *   output, an `err`) before serializers run, and returns what gets written: every string in it
 *   is redacted with `redactValue`, at any depth. Errors stay `Error`s (with redacted `message`,
 *   `stack` and fields) so pino's `err` serializer still recognizes them.
 * - `serializers[messageKey]` receives the message after pino interpolated it
 *   (`logger.info('user %s', email)`, `msgPrefix`), which neither `formatters.log` nor
 *   `hooks.logMethod` sees: `logMethod` runs before interpolation, so a value spread over the
 *   template and an argument would be missed.
 * - `onChild` redacts child-logger bindings (`logger.child({ user })`) once, when the child is
 *   made: pino serializes them into a string right away, and `formatters.bindings` is applied
 *   to the root logger's `base` only, so the child's serialized bindings are parsed, redacted
 *   and put back (`pino.symbols.chindingsSym`).
 * - Serializers you pass in `options.serializers` (for `req`, `res`, ...) run after
 *   `formatters.log` and could emit unredacted text, so they are wrapped: their input is left
 *   as it is for them, and their output is redacted.
 * Not covered: `base` fields (`pid`, `hostname`) and the level and time, which pino writes
 * itself and hold no personal data.
 */

type Serializer = (value: any) => unknown;

const CHINDINGS: symbol = pino.symbols.chindingsSym;

/** Options of `pinoRedaction`: those of `redactValue` (except `mutate`) and two of pino's. */
export interface PinoRedactionOptions extends Omit<RedactValueOptions, 'mutate'> {
  /** pino's `messageKey`, if you changed it. Default: `'msg'`. */
  readonly messageKey?: string;
  /** Your serializers by key; their output is redacted too. Default: none. */
  readonly serializers?: Readonly<Record<string, Serializer>>;
}

/** What `pinoRedaction` returns: spread it into `pino({...})`. */
export interface PinoRedaction {
  readonly formatters: {
    log(object: Record<string, unknown>): Record<string, unknown>;
    bindings(bindings: Record<string, unknown>): Record<string, unknown>;
  };
  readonly serializers: Record<string, Serializer>;
  onChild(child: object): void;
}

/**
 * Builds pino options that redact each record: the message and every string field, nested or
 * not, with the redactor's detectors (default: every built-in detector, labels like `[EMAIL]`),
 * plus optional key-path rules (`paths: ['password', 'req.headers.authorization']`).
 * If you set `formatters`, `serializers` or `onChild` yourself, merge them with these.
 *
 * @example
 * import pino from 'pino'
 * import { pinoRedaction } from 'piiveil/pino'
 * const logger = pino({ ...pinoRedaction({ paths: ['password'] }) })
 * logger.info({ user: 'jane@corp.com', password: 'hunter2' }, 'login by %s', 'jane@corp.com')
 * // {"level":30,...,"user":"[EMAIL]","password":"[REDACTED]","msg":"login by [EMAIL]"}
 */
export function pinoRedaction(options: PinoRedactionOptions = {}): PinoRedaction {
  if (options === null || typeof options !== 'object') throw new TypeError('pinoRedaction: options must be an object (or omitted)');
  const messageKey = options.messageKey ?? 'msg';
  if (typeof messageKey !== 'string' || messageKey.length === 0) throw new TypeError('pinoRedaction: options.messageKey must be the non-empty string you gave pino');
  const redactor = options.redactor ?? createRedactor();
  const values = createValueRedactor({ ...options, redactor, mutate: false });
  const own = options.serializers ?? {};
  for (const [key, serializer] of Object.entries(own)) {
    if (typeof serializer !== 'function') throw new TypeError(`pinoRedaction: options.serializers.${key} must be a function`);
  }
  /** Keys whose value a serializer handles: `formatters.log` leaves them to it. */
  const handled = new Set([messageKey, ...Object.keys(own)]);

  // A serialized value is redacted under its key, so path rules like `req.headers.cookie` apply.
  const redactUnder = (key: string, value: unknown): unknown => (values.redact({ [key]: value }).value as Record<string, unknown>)[key];

  const serializers: Record<string, Serializer> = {};
  for (const [key, serializer] of Object.entries(own)) serializers[key] = (value) => redactUnder(key, serializer(value));
  const message = serializers[messageKey];
  serializers[messageKey] = message ?? ((value: unknown) => (typeof value === 'string' ? redactor.redact(value).text : redactUnder(messageKey, value)));

  return {
    formatters: {
      log(object) {
        let keep: Record<string, unknown> | undefined;
        let rest: Record<string, unknown> | undefined;
        for (const key in object) {
          if (!Object.prototype.hasOwnProperty.call(object, key)) continue;
          if (handled.has(key)) (keep ??= {})[key] = object[key];
          else (rest ??= {})[key] = object[key];
        }
        if (rest === undefined) return object;
        const redacted = values.redact(rest).value;
        return keep === undefined ? redacted : Object.assign(redacted, keep);
      },
      bindings: (bindings) => values.redact(bindings).value,
    },
    serializers,
    onChild(child) {
      const holder = child as Record<symbol, unknown>;
      const own = holder[CHINDINGS];
      if (typeof own !== 'string' || own.length === 0) return;
      // The parent's part is already redacted; only the bindings this child added are parsed.
      const inherited = (Object.getPrototypeOf(child) as Record<symbol, unknown>)[CHINDINGS];
      const from = typeof inherited === 'string' && own.startsWith(inherited) ? inherited.length : 0;
      if (from === own.length) return;
      let added: Record<string, unknown>;
      try {
        added = JSON.parse(`{${own.slice(from + 1)}}`) as Record<string, unknown>;
      } catch {
        holder[CHINDINGS] = own.slice(0, from); // unparsable (a custom stringifier): fail closed
        return;
      }
      const redacted = JSON.stringify(values.redact(added).value);
      holder[CHINDINGS] = redacted.length > 2 ? `${own.slice(0, from)},${redacted.slice(1, -1)}` : own.slice(0, from);
    },
  };
}
