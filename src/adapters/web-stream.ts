import type { Incremental, StreamSource } from '../index.js';

/**
 * WHATWG streams for piiveil (`piiveil/web`): a `TransformStream<string, string>` that redacts
 * text flowing through it. It uses only the `TransformStream` global, which Node 18+, Deno, Bun,
 * every current browser and edge runtimes (Cloudflare Workers, Vercel Edge) provide, and imports
 * nothing of piiveil at run time, so it adds a few hundred bytes to a bundle.
 */

/**
 * A `TransformStream` that redacts the text piped through it: each chunk out is final redacted
 * text, released as soon as no detector can still change it; the chunks joined equal
 * `redactor.redact(all input).text`. Input must be text: decode bytes first with
 * `TextDecoderStream` (which also handles multi-byte characters split across chunks).
 *
 * Fail closed: if redaction throws (a detector or operator failed, a chunk is not a string) the
 * stream errors with that `PiiveilError` or `TypeError`, whose message never contains input text;
 * nothing of the text it held back is enqueued.
 *
 * @example
 * import { createRedactor } from 'piiveil'
 * import { redactStream } from 'piiveil/web'
 * const redactor = createRedactor()
 * const response = await fetch('https://example.com/chat.txt')
 * const safe = response.body!.pipeThrough(new TextDecoderStream()).pipeThrough(redactStream(redactor))
 * for await (const text of safe) console.log(text)
 */
export function redactStream(redactor: StreamSource): TransformStream<string, string> {
  if (redactor === null || typeof redactor !== 'object' || typeof redactor.stream !== 'function') {
    throw new TypeError('redactStream: pass a redactor made by createRedactor()');
  }
  return transformStream(redactor.stream());
}

/**
 * Wraps any synchronous `{ push, end }` (a redaction stream, a vault's restoring stream, your
 * own) as a `TransformStream<string, string>`: `push` for every chunk, `end` on close, empty
 * outputs skipped. An exception from `push` or `end` errors the stream (both sides).
 *
 * @example
 * import { createRedactor } from 'piiveil'
 * import { transformStream } from 'piiveil/web'
 * const stream = transformStream(createRedactor().stream())
 * const writer = stream.writable.getWriter()
 * writer.write('mail jane@exa'); writer.write('mple.com now'); writer.close()
 * let out = ''
 * for await (const text of stream.readable) out += text // 'mail [EMAIL] now'
 */
export function transformStream(incremental: Incremental): TransformStream<string, string> {
  if (incremental === null || typeof incremental !== 'object' || typeof incremental.push !== 'function' || typeof incremental.end !== 'function') {
    throw new TypeError('transformStream: pass an object with push(chunk) and end(), such as redactor.stream()');
  }
  return new TransformStream<string, string>({
    transform(chunk, controller) {
      const output = incremental.push(chunk);
      if (output.length > 0) controller.enqueue(output);
    },
    flush(controller) {
      const output = incremental.end();
      if (output.length > 0) controller.enqueue(output);
    },
  });
}
