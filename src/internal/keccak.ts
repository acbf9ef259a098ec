/**
 * Keccak-256 (the original Keccak submission with 0x01 padding, as Ethereum uses it; FIPS 202
 * SHA3-256 differs only in the padding byte 0x06). Needed for EIP-55 mixed-case address
 * checksums. The 64-bit lanes are kept as pairs of 32-bit halves, so no BigInt is needed; inputs
 * here are 40 hex characters, one permutation.
 */

/** Round constants of ι, low and high halves (Keccak reference, 24 rounds). */
const RC = /* #__PURE__ */ new Uint32Array([
  0x00000001, 0x00000000, 0x00008082, 0x00000000, 0x0000808a, 0x80000000, 0x80008000, 0x80000000,
  0x0000808b, 0x00000000, 0x80000001, 0x00000000, 0x80008081, 0x80000000, 0x00008009, 0x80000000,
  0x0000008a, 0x00000000, 0x00000088, 0x00000000, 0x80008009, 0x00000000, 0x8000000a, 0x00000000,
  0x8000808b, 0x00000000, 0x0000008b, 0x80000000, 0x00008089, 0x80000000, 0x00008003, 0x80000000,
  0x00008002, 0x80000000, 0x00000080, 0x80000000, 0x0000800a, 0x00000000, 0x8000000a, 0x80000000,
  0x80008081, 0x80000000, 0x00008080, 0x80000000, 0x80000001, 0x00000000, 0x80008008, 0x80000000,
]);
/** ρ rotation offsets by lane index x + 5y. */
const ROTATIONS = [0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14];
/** Rate of Keccak-256 in bytes (1600 − 2·256 bits). */
const RATE = 136;

/** Keccak-f[1600] on 25 lanes stored as 50 uint32 (low, high). */
function permute(state: Uint32Array): void {
  const c = new Uint32Array(10);
  const b = new Uint32Array(50);
  for (let round = 0; round < 24; round++) {
    // θ
    for (let x = 0; x < 5; x++) {
      c[2 * x] = state[2 * x] ^ state[2 * x + 10] ^ state[2 * x + 20] ^ state[2 * x + 30] ^ state[2 * x + 40];
      c[2 * x + 1] = state[2 * x + 1] ^ state[2 * x + 11] ^ state[2 * x + 21] ^ state[2 * x + 31] ^ state[2 * x + 41];
    }
    for (let x = 0; x < 5; x++) {
      const next = ((x + 1) % 5) * 2;
      const previous = ((x + 4) % 5) * 2;
      const low = c[previous] ^ ((c[next] << 1) | (c[next + 1] >>> 31));
      const high = c[previous + 1] ^ ((c[next + 1] << 1) | (c[next] >>> 31));
      for (let y = 0; y < 25; y += 5) {
        state[2 * (x + y)] ^= low;
        state[2 * (x + y) + 1] ^= high;
      }
    }
    // ρ and π: lane (x, y) rotated moves to (y, 2x + 3y).
    for (let x = 0; x < 5; x++) {
      for (let y = 0; y < 5; y++) {
        const from = x + 5 * y;
        const to = y + 5 * ((2 * x + 3 * y) % 5);
        let low = state[2 * from];
        let high = state[2 * from + 1];
        let shift = ROTATIONS[from];
        if (shift >= 32) {
          const swap = low;
          low = high;
          high = swap;
          shift -= 32;
        }
        b[2 * to] = shift === 0 ? low : (low << shift) | (high >>> (32 - shift));
        b[2 * to + 1] = shift === 0 ? high : (high << shift) | (low >>> (32 - shift));
      }
    }
    // χ
    for (let y = 0; y < 25; y += 5) {
      for (let x = 0; x < 5; x++) {
        const lane = 2 * (x + y);
        const one = 2 * (((x + 1) % 5) + y);
        const two = 2 * (((x + 2) % 5) + y);
        state[lane] = b[lane] ^ (~b[one] & b[two]);
        state[lane + 1] = b[lane + 1] ^ (~b[one + 1] & b[two + 1]);
      }
    }
    // ι
    state[0] ^= RC[2 * round];
    state[1] ^= RC[2 * round + 1];
  }
}

/**
 * Keccak-256 digest of `data` (32 bytes).
 *
 * @example
 * toHex(keccak256(new Uint8Array(0))) // 'c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470'
 */
export function keccak256(data: Uint8Array): Uint8Array {
  const state = new Uint32Array(50);
  const blocks = Math.floor(data.length / RATE) + 1;
  const padded = new Uint8Array(blocks * RATE);
  padded.set(data);
  padded[data.length] ^= 0x01;
  padded[padded.length - 1] ^= 0x80;
  for (let offset = 0; offset < padded.length; offset += RATE) {
    for (let index = 0; index < RATE; index += 4) {
      const word = padded[offset + index] | (padded[offset + index + 1] << 8) | (padded[offset + index + 2] << 16) | (padded[offset + index + 3] << 24);
      state[index >> 2] ^= word;
    }
    permute(state);
  }
  const digest = new Uint8Array(32);
  for (let index = 0; index < 32; index++) digest[index] = (state[index >> 2] >>> ((index & 3) * 8)) & 0xff;
  return digest;
}
