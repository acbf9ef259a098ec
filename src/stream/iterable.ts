import type { Incremental } from './incremental.js';

/** What `redactIterable` needs of a redactor: a way to start a stream. */
export interface StreamSource {
  stream(): Incremental;
}

/**
 * Redacts text arriving as an (async) iterable of string chunks, for example the text deltas of
 * an LLM response, yielding each piece of redacted text as soon as it is final. The output
 * joined equals `redactor.redact(input joined).text` whatever the chunking. Empty pieces are
 * not yielded.
 *
 * Fail closed: when redaction throws (a detector or operator failed, a chunk is not a string) or
 * the source throws, the iteration throws that error and nothing of the text held back is
 * yielded.
 *
 * @example
 * import { createRedactor, redactIterable } from 'piiveil'
 * const redactor = createRedactor()
 * async function* source() { yield 'mail jane@exa'; yield 'mple.com now' }
 * let out = ''
 * for await (const safe of redactIterable(redactor, source())) out += safe
 * out // 'mail [EMAIL] now'
 */
export function redactIterable(redactor: StreamSource, source: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> {
  if (redactor === null || typeof redactor !== 'object' || typeof redactor.stream !== 'function') {
    throw new TypeError('redactIterable: pass a redactor made by createRedactor() and an iterable of strings');
  }
  return transformIterable(redactor.stream(), source);
}

/**
 * Runs an iterable of string chunks through any `{ push, end }` (a redaction stream, a vault's
 * restoring stream), yielding each non-empty output. `redactIterable` is this over
 * `redactor.stream()`.
 *
 * @example
 * import { createRedactor, transformIterable } from 'piiveil'
 * for await (const safe of transformIterable(createRedactor().stream(), ['Mail a@b.io', ' today, thanks'])) console.log(safe)
 * // 'Mail [EMAIL] today, ', then 'thanks'
 */
export async function* transformIterable(incremental: Incremental, source: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> {
  if (source === null || typeof source !== 'object' || !(Symbol.asyncIterator in source || Symbol.iterator in source)) {
    throw new TypeError('redactIterable: source must be an iterable or async iterable of strings');
  }
  for await (const chunk of source) {
    const output = incremental.push(chunk);
    if (output.length > 0) yield output;
  }
  const rest = incremental.end();
  if (rest.length > 0) yield rest;
}
