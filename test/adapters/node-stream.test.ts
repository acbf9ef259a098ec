import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactTransform, createTransform, type RedactTransformOptions } from '../../src/adapters/node-stream.js';
import { createRedactor, PiiveilError, type Detector, type Redactor } from '../../src/index.js';
import { chunked, cut } from '../helpers/stream.js';
import { emailValue } from '../helpers/values.js';

/** Pipes `chunks` (strings or Buffers) through a redacting transform; returns what came out. */
async function run(redactor: Redactor, chunks: readonly (string | Uint8Array)[], options?: RedactTransformOptions) {
  const out: (string | Buffer)[] = [];
  const sink = new Writable({
    decodeStrings: false,
    write(chunk, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  // objectMode: each element is one chunk, strings stay strings.
  await pipeline(Readable.from(chunks, { objectMode: true }), createRedactTransform(redactor, options), sink);
  return out;
}

const bytesIn = (text: string, size: number): Buffer[] => {
  const bytes = Buffer.from(text, 'utf8');
  const pieces: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += size) pieces.push(bytes.subarray(at, at + size));
  return pieces;
};

const exploding: Detector = {
  name: 'exploding', type: 'TEST', maxLength: 1, lookbehind: 0,
  find(scan) { if (scan.text.includes('BOOM', scan.from)) throw new Error('saw BOOM'); },
  pending: (text) => text.length,
};

describe('createRedactTransform', () => {
  const redactor = createRedactor();

  it('redacts an email split across string chunks and emits strings', async () => {
    const out = await run(redactor, ['Write to jane.d', 'oe@exa', 'mple.com', ' today']);
    expect(out.every((piece) => typeof piece === 'string')).toBe(true);
    expect(out.join('')).toBe('Write to [EMAIL] today');
    expect(out[0]).toBe('Write to ');
  });

  it('decodes UTF-8 split inside characters across Buffer chunks', async () => {
    const text = 'Grüße 😀 — mail jörg@bücher.de 日本 and a@b.io';
    for (const size of [1, 2, 3, 5]) {
      const out = await run(redactor, bytesIn(text, size));
      expect(out.join(''), `${size}-byte chunks`).toBe('Grüße 😀 — mail [EMAIL] 日本 and [EMAIL]');
    }
  });

  it('emits UTF-8 Buffers with output: buffer, never splitting a character', async () => {
    const text = '😀😀 mail jane@example.com 😀';
    const out = await run(redactor, [...text], { output: 'buffer' });
    expect(out.every((piece) => Buffer.isBuffer(piece))).toBe(true);
    for (const piece of out) expect((piece as Buffer).toString('utf8')).not.toContain('\ufffd');
    expect(Buffer.concat(out as Buffer[]).toString('utf8')).toBe('😀😀 mail [EMAIL] 😀');
  });

  it('equals one-shot redaction for every chunking of the bytes', async () => {
    await fc.assert(
      fc.asyncProperty(chunked(fc.tuple(fc.string({ unit: 'grapheme' }), emailValue, fc.string({ unit: 'grapheme' })).map((parts) => parts.join(' '))), async ([text, points]) => {
        const bytes = Buffer.from(text, 'utf8');
        const pieces = cut(bytes.toString('latin1'), points.map((point) => point * 2)).map((piece) => Buffer.from(piece, 'latin1'));
        const out = await run(redactor, pieces);
        expect(out.join('')).toBe(redactor.redact(text).text);
      }),
      { numRuns: 60 },
    );
  });

  it('decodes hex and base64 strings as bytes and ends an incomplete character as U+FFFD', async () => {
    const transform = createRedactTransform(redactor);
    let out = '';
    transform.on('data', (text: string) => (out += text));
    const done = new Promise((resolve) => transform.on('end', resolve));
    transform.write(Buffer.from('mail a@b.io ').toString('hex'), 'hex');
    transform.write(Buffer.from('ok ').toString('base64'), 'base64');
    transform.end(Buffer.from([0xf0, 0x9f]));
    await done;
    expect(out).toBe('mail [EMAIL] ok \ufffd');
  });

  it('fails closed: pipeline rejects with the PiiveilError and nothing held is emitted', async () => {
    const out: (string | Buffer)[] = [];
    const sink = new Writable({ write(chunk, _encoding, callback) { out.push(chunk); callback(); } });
    const source = Readable.from(['fine text here ', 'secret BOOM ', 'after '], { objectMode: true });
    const error = await pipeline(source, createRedactTransform(createRedactor({ detectors: [exploding] })), sink).then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(PiiveilError);
    expect((error as PiiveilError).message).not.toMatch(/secret|BOOM/);
    expect(Buffer.concat(out.map((piece) => Buffer.from(piece))).toString()).toBe('fine text here ');
  });

  it('refuses a chunk that is neither text nor bytes', () => {
    expect(() => createRedactTransform(redactor).write(42 as never)).toThrow(TypeError);
  });

  it('rejects bad arguments at construction', () => {
    expect(() => createRedactTransform({} as never)).toThrow(TypeError);
    expect(() => createRedactTransform(redactor, { output: 'bytes' as never })).toThrow(TypeError);
  });
});

describe('createTransform', () => {
  it('wraps any push/end object', async () => {
    const upper = { push: (chunk: string) => chunk.toUpperCase(), end: () => '!' };
    const out: string[] = [];
    await pipeline(
      Readable.from(['a', 'b'], { objectMode: true }),
      createTransform(upper),
      new Writable({ decodeStrings: false, write(chunk, _encoding, callback) { out.push(chunk); callback(); } }),
    );
    expect(out).toEqual(['A', 'B', '!']);
  });
});
