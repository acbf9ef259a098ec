import { Transform } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Incremental, StreamSource } from '../index.js';

/**
 * Node streams for piiveil (`piiveil/node`): a `stream.Transform` that redacts text or UTF-8
 * bytes flowing through it, for `pipeline(source, createRedactTransform(redactor), sink)`.
 * Imports nothing of piiveil at run time.
 */

/** Options of `createRedactTransform` and `createTransform`. */
export interface RedactTransformOptions {
  /**
   * What the readable side emits: `'string'` (default) emits strings (the readable side's
   * encoding is `utf8`, so `data` events carry strings and `process.stdout` accepts them);
   * `'buffer'` emits UTF-8 `Buffer`s, for sinks that want bytes.
   */
  readonly output?: 'string' | 'buffer';
}

/**
 * A Node `Transform` that redacts what is written to it. Accepts strings and `Buffer`s /
 * `Uint8Array`s of UTF-8 (a character split across two buffers is decoded whole, with
 * `string_decoder`); emits redacted text as soon as it is final, never splitting a character.
 * The output joined equals `redactor.redact(all input).text`.
 *
 * Fail closed: if redaction throws, the transform is destroyed with that error (a
 * `PiiveilError` whose message holds no input text), `pipeline` rejects with it, and nothing of
 * the text held back is emitted.
 *
 * @example
 * import { pipeline } from 'node:stream/promises'
 * import { createRedactor } from 'piiveil'
 * import { createRedactTransform } from 'piiveil/node'
 * await pipeline(process.stdin, createRedactTransform(createRedactor()), process.stdout)
 */
export function createRedactTransform(redactor: StreamSource, options: RedactTransformOptions = {}): Transform {
  if (redactor === null || typeof redactor !== 'object' || typeof redactor.stream !== 'function') {
    throw new TypeError('createRedactTransform: pass a redactor made by createRedactor()');
  }
  return createTransform(redactor.stream(), options);
}

/**
 * Wraps any synchronous `{ push, end }` (a redaction stream, a vault's restoring stream, your
 * own) as a Node `Transform` with the input decoding and output options of
 * `createRedactTransform`. An exception from `push` or `end` destroys the transform with it.
 *
 * @example
 * import { createRedactor } from 'piiveil'
 * import { createTransform } from 'piiveil/node'
 * const transform = createTransform(createRedactor().stream())
 * transform.on('data', (text) => console.log(text))
 * transform.write(Buffer.from('mail jane@example.com ')); transform.end('now')
 * // 'mail [EMAIL] ', then 'now'
 */
export function createTransform(incremental: Incremental, options: RedactTransformOptions = {}): Transform {
  if (incremental === null || typeof incremental !== 'object' || typeof incremental.push !== 'function' || typeof incremental.end !== 'function') {
    throw new TypeError('createTransform: pass an object with push(chunk) and end(), such as redactor.stream()');
  }
  const output = options.output ?? 'string';
  if (output !== 'string' && output !== 'buffer') throw new TypeError("createTransform: options.output must be 'string' or 'buffer'");
  const decoder = new StringDecoder('utf8');
  return new Transform({
    // Strings stay strings (no round trip through bytes); the readable side encodes as asked.
    decodeStrings: false,
    encoding: output === 'string' ? 'utf8' : undefined,
    transform(chunk: unknown, encoding: BufferEncoding | 'buffer', callback) {
      let text: string;
      try {
        text = decode(decoder, chunk, encoding);
        const safe = text.length > 0 ? incremental.push(text) : '';
        callback(null, safe.length > 0 ? safe : undefined);
      } catch (error) {
        callback(error as Error);
      }
    },
    flush(callback) {
      try {
        // Bytes of an incomplete character at the very end become U+FFFD, as TextDecoder does.
        const tail = decoder.end();
        const safe = (tail.length > 0 ? incremental.push(tail) : '') + incremental.end();
        callback(null, safe.length > 0 ? safe : undefined);
      } catch (error) {
        callback(error as Error);
      }
    },
  });
}

function decode(decoder: StringDecoder, chunk: unknown, encoding: BufferEncoding | 'buffer'): string {
  if (typeof chunk === 'string') {
    // A string after an incomplete byte sequence: those bytes can no longer complete a character.
    const before = decoder.end();
    // `write(text, 'hex' | 'base64')` hands over bytes spelled as text; any other string is text.
    if (encoding === 'hex' || encoding === 'base64' || encoding === 'base64url') return before + decoder.write(Buffer.from(chunk, encoding));
    return before + chunk;
  }
  if (chunk instanceof Uint8Array) return decoder.write(chunk);
  throw new TypeError(`createTransform: write strings or Buffers, got ${chunk === null ? 'null' : typeof chunk}`);
}
