import { describe, expect, it } from 'vitest';
import { keccak256 } from '../../src/internal/keccak.js';
import { toHex } from '../../src/internal/sha256.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('keccak256', () => {
  it('hashes the empty input (Keccak team / Ethereum test vector)', () => {
    expect(toHex(keccak256(new Uint8Array(0)))).toBe('c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470');
  });
  it('hashes "abc"', () => {
    expect(toHex(keccak256(bytes('abc')))).toBe('4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45');
  });
  it('hashes inputs spanning two blocks (checked against SHA3-256 with the padding byte swapped)', () => {
    expect(toHex(keccak256(new Uint8Array(200).fill(0x61)))).toBe('96ea54061def936c4be90b518992fdc6f12f535068a256229aca54267b4d084d');
  });
  it('hashes exactly one rate block (136 bytes)', () => {
    expect(keccak256(new Uint8Array(136)).length).toBe(32);
    expect(toHex(keccak256(new Uint8Array(136)))).not.toBe(toHex(keccak256(new Uint8Array(135))));
  });
});
