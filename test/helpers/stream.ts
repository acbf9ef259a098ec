import fc from 'fast-check';
import { expect } from 'vitest';
import type { createVault, Redactor } from '../../src/index.js';

/** Splits `text` at the given cut points (any order, duplicates and out-of-range ignored). */
export function cut(text: string, points: readonly number[]): string[] {
  const sorted = [...new Set(points.filter((p) => p > 0 && p < text.length))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let last = 0;
  for (const point of sorted) {
    chunks.push(text.slice(last, point));
    last = point;
  }
  chunks.push(text.slice(last));
  return chunks;
}

/** Streams `chunks` through a fresh stream of `redactor`; returns output and findings. */
export function streamThrough(redactor: Redactor, chunks: readonly string[]) {
  const stream = redactor.stream();
  let text = '';
  for (const chunk of chunks) text += stream.push(chunk);
  text += stream.end();
  return { text, findings: stream.findings };
}

/**
 * Streams `text` through a fresh stream of `redactor` in `size`-unit chunks; returns the output
 * and the most code units the stream held after any push (`stream.pending`).
 */
export function streamHolding(redactor: Redactor, text: string, size: number): { text: string; maxHeld: number } {
  const stream = redactor.stream();
  let output = '';
  let maxHeld = 0;
  for (let index = 0; index < text.length; index += size) {
    output += stream.push(text.slice(index, index + size));
    maxHeld = Math.max(maxHeld, stream.pending);
  }
  return { text: output + stream.end(), maxHeld };
}

/**
 * Asserts that streaming `text` in `chunks` gives the one-shot output and findings,
 * printing the chunking on failure.
 */
export function expectStreamEquivalent(redactor: Redactor, text: string, chunks: readonly string[]): void {
  const oneShot = redactor.redact(text);
  const streamed = streamThrough(redactor, chunks);
  const where = `chunking ${JSON.stringify(chunks)}`;
  expect(streamed.text, where).toBe(oneShot.text);
  expect(streamed.findings, where).toEqual(oneShot.findings);
}

/** Every 1-char chunking and a few fixed sizes, then random cut points. */
export function checkAllChunkings(redactor: Redactor, text: string, runs = 40): void {
  expectStreamEquivalent(redactor, text, [...text]);
  for (const size of [2, 3, 4, 7, 32]) {
    const points = [];
    for (let p = size; p < text.length; p += size) points.push(p);
    expectStreamEquivalent(redactor, text, cut(text, points));
  }
  fc.assert(
    fc.property(fc.array(fc.nat({ max: Math.max(1, text.length) }), { maxLength: 12 }), (points) => {
      expectStreamEquivalent(redactor, text, cut(text, points));
    }),
    { numRuns: runs },
  );
}

/** Arbitrary chunking of an arbitrary string: the string plus its cut points. */
export const chunked = (text: fc.Arbitrary<string>) =>
  text.chain((value) => fc.tuple(fc.constant(value), fc.array(fc.nat({ max: Math.max(1, value.length) }), { maxLength: 10 })));

/**
 * Restores `chunks` through a fresh restoring stream of `vault`, checking after each push that
 * only a possible partial token or surrogate is held (at most 64 code units).
 */
export function restoreThrough(vault: ReturnType<typeof createVault>, chunks: readonly string[]): string {
  const stream = vault.restoreStream();
  let out = '';
  for (const chunk of chunks) {
    out += stream.push(chunk);
    expect(stream.pending).toBeLessThanOrEqual(64);
  }
  return out + stream.end();
}
