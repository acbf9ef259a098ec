import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, PiiveilError, redactIterable, transformIterable, type Detector } from '../../src/index.js';
import { chunked, cut } from '../helpers/stream.js';
import { emailValue } from '../helpers/values.js';

const collect = async (iterable: AsyncIterable<string>): Promise<string[]> => {
  const out: string[] = [];
  for await (const piece of iterable) out.push(piece);
  return out;
};

async function* slowly(chunks: readonly string[]) {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

describe('redactIterable', () => {
  const redactor = createRedactor();

  it('redacts an email split across async chunks', async () => {
    const out = await collect(redactIterable(redactor, slowly(['Mail jane.d', 'oe@exam', 'ple.com', ' or call'])));
    expect(out.join('')).toBe('Mail [EMAIL] or call');
    expect(out.every((piece) => piece.length > 0)).toBe(true);
    expect(out[0]).toBe('Mail '); // released before the address is complete
  });

  it('accepts a plain iterable of strings', async () => {
    expect((await collect(redactIterable(redactor, ['a@b.io', ' ok']))).join('')).toBe('[EMAIL] ok');
  });

  it('equals one-shot redaction for every chunking', async () => {
    await fc.assert(
      fc.asyncProperty(chunked(fc.tuple(fc.string(), emailValue, fc.string()).map((parts) => parts.join(' '))), async ([text, points]) => {
        const out = await collect(redactIterable(redactor, slowly(cut(text, points))));
        expect(out.join('')).toBe(redactor.redact(text).text);
      }),
      { numRuns: 100 },
    );
  });

  it('fails closed when redaction throws: the iteration throws and held text is not yielded', async () => {
    const exploding: Detector = {
      name: 'exploding', type: 'TEST', maxLength: 1, lookbehind: 0,
      find(scan) { if (scan.text.includes('BOOM', scan.from)) throw new Error('boom'); },
      pending: (text) => text.length,
    };
    const out: string[] = [];
    const run = async () => {
      for await (const piece of redactIterable(createRedactor({ detectors: [exploding] }), slowly(['fine text here ', 'secret BOOM ', 'after ']))) out.push(piece);
    };
    await expect(run()).rejects.toThrow(PiiveilError);
    expect(out.join('')).toBe('fine text here ');
  });

  it('rethrows an error of the source without yielding what was held', async () => {
    async function* broken() {
      yield 'mail jane@exa';
      throw new Error('network down');
    }
    const out: string[] = [];
    const run = async () => {
      for await (const piece of redactIterable(redactor, broken())) out.push(piece);
    };
    await expect(run()).rejects.toThrow('network down');
    expect(out.join('')).toBe('mail ');
  });

  it('rejects what is not a redactor or an iterable', async () => {
    expect(() => redactIterable({} as never, [])).toThrow(TypeError);
    await expect(collect(redactIterable(redactor, 42 as never))).rejects.toThrow(TypeError);
    await expect(collect(redactIterable(redactor, [42 as never]))).rejects.toThrow(TypeError);
  });
});

describe('transformIterable', () => {
  it('wraps any push/end object', async () => {
    const upper = { push: (chunk: string) => chunk.toUpperCase(), end: () => '!' };
    expect(await collect(transformIterable(upper, ['a', '', 'b']))).toEqual(['A', 'B', '!']);
  });
});
