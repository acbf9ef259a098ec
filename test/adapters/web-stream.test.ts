import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { redactStream, transformStream } from '../../src/adapters/web-stream.js';
import { createRedactor, PiiveilError, type Detector } from '../../src/index.js';
import { chunked, cut } from '../helpers/stream.js';
import { emailValue } from '../helpers/values.js';

const readableOf = <T>(chunks: readonly T[]) =>
  new ReadableStream<T>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });

const collect = async (stream: ReadableStream<string>, into: string[] = []): Promise<string[]> => {
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return into;
    into.push(value);
  }
};

const exploding: Detector = {
  name: 'exploding', type: 'TEST', maxLength: 1, lookbehind: 0,
  find(scan) { if (scan.text.includes('BOOM', scan.from)) throw new Error('saw BOOM'); },
  pending: (text) => text.length,
};

describe('redactStream', () => {
  const redactor = createRedactor();

  it('redacts an email split across chunks of a ReadableStream', async () => {
    const out = await collect(readableOf(['Write to jane.d', 'oe@exa', 'mple.com', ' today']).pipeThrough(redactStream(redactor)));
    expect(out.join('')).toBe('Write to [EMAIL] today');
    expect(out[0]).toBe('Write to ');
  });

  it('redacts UTF-8 bytes split inside characters through TextDecoderStream', async () => {
    const text = 'Grüße 😀 — mail jörg@bücher.de 日本';
    const bytes = new TextEncoder().encode(text);
    // Cut every 3 bytes: splits 'ü', 'ß', the emoji, the dash and the CJK characters.
    const pieces: BufferSource[] = [];
    for (let at = 0; at < bytes.length; at += 3) pieces.push(bytes.slice(at, at + 3));
    const out = await collect(readableOf(pieces).pipeThrough(new TextDecoderStream()).pipeThrough(redactStream(redactor)));
    expect(out.join('')).toBe('Grüße 😀 — mail [EMAIL] 日本');
    for (const piece of out) expect(piece).not.toContain('\ufffd');
  });

  it('equals one-shot redaction for every chunking', async () => {
    await fc.assert(
      fc.asyncProperty(chunked(fc.tuple(fc.string({ unit: 'grapheme' }), emailValue, fc.string()).map((parts) => parts.join(' '))), async ([text, points]) => {
        const out = await collect(readableOf(cut(text, points)).pipeThrough(redactStream(redactor)));
        expect(out.join('')).toBe(redactor.redact(text).text);
      }),
      { numRuns: 100 },
    );
  });

  it('errors the stream and emits nothing held when redaction fails', async () => {
    const out: string[] = [];
    const failing = readableOf(['fine text here ', 'secret BOOM ', 'after ']).pipeThrough(redactStream(createRedactor({ detectors: [exploding] })));
    const error = await collect(failing, out).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiiveilError);
    expect((error as PiiveilError).message).not.toMatch(/secret|BOOM/);
    expect(out.join('')).toBe('fine text here ');
  });

  it('rejects the writer when redaction fails', async () => {
    const stream = redactStream(createRedactor({ detectors: [exploding] }));
    const reading = collect(stream.readable).catch(() => 'errored');
    const writer = stream.writable.getWriter();
    await expect(writer.write('BOOM right now ')).rejects.toThrow(PiiveilError);
    await expect(writer.close()).rejects.toThrow(); // a TypeError: closing an errored stream
    expect(await reading).toBe('errored');
  });

  it('errors with a TypeError that names TextDecoderStream when given bytes', async () => {
    const bytes = readableOf([new Uint8Array([104, 105])]) as unknown as ReadableStream<string>;
    await expect(collect(bytes.pipeThrough(redactStream(redactor)))).rejects.toThrow(/TextDecoderStream/);
  });

  it('rejects what is not a redactor', () => {
    expect(() => redactStream({} as never)).toThrow(TypeError);
  });
});

describe('transformStream', () => {
  it('wraps any push/end object', async () => {
    let flushed = false;
    const upper = { push: (chunk: string) => chunk.toUpperCase(), end: () => ((flushed = true), '!') };
    expect(await collect(readableOf(['a', '', 'b']).pipeThrough(transformStream(upper)))).toEqual(['A', 'B', '!']);
    expect(flushed).toBe(true);
  });

  it('rejects an object without push and end', () => {
    expect(() => transformStream({ push: () => '' } as never)).toThrow(TypeError);
  });
});
