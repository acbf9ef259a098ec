import { keccak256 } from '../internal/keccak.js';
import { sha256 } from '../internal/sha256.js';
import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';

/** Options of `cryptoWallet`. */
export interface CryptoWalletOptions {
  /** Score of a checksummed address (base58check, bech32, EIP-55 mixed case). Default: 0.99. */
  readonly score?: number;
  /** Score of an all-lower or all-upper case Ethereum address (no checksum to verify). Default: 0.9. */
  readonly uncheckedScore?: number;
}

/** BIP173: a segwit address is at most 90 characters; base58 ones 26–35; Ethereum 42. */
const MAX_LENGTH = 90;
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
/** BIP350: bech32m's checksum constant (bech32 uses 1). */
const BECH32M_CONST = 0x2bc830a3;
const GENERATOR = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];

const isAlnum = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 25;
const isHex = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 5;

/**
 * True for a Bitcoin base58check address (P2PKH `1…`, P2SH `3…`): 25 bytes, version 0 or 5,
 * the last four the first four of SHA-256(SHA-256(the rest)) (Bitcoin wiki, "Base58Check encoding").
 */
export function validBase58Address(value: string): boolean {
  if (value.length < 26 || value.length > 35) return false;
  const bytes = new Uint8Array(25);
  let leadingOnes = 0;
  while (value.charCodeAt(leadingOnes) === 49) leadingOnes++;
  for (let index = 0; index < value.length; index++) {
    let carry = BASE58.indexOf(value[index]);
    if (carry < 0) return false;
    for (let at = 24; at >= 0; at--) {
      carry += bytes[at] * 58;
      bytes[at] = carry & 0xff;
      carry >>>= 8;
    }
    if (carry !== 0) return false; // more than 25 bytes
  }
  let zeros = 0;
  while (zeros < 25 && bytes[zeros] === 0) zeros++;
  if (zeros !== leadingOnes) return false;
  const version = bytes[0];
  if (!((version === 0 && value[0] === '1') || (version === 5 && value[0] === '3'))) return false;
  const check = sha256(sha256(bytes.subarray(0, 21)));
  return check[0] === bytes[21] && check[1] === bytes[22] && check[2] === bytes[23] && check[3] === bytes[24];
}

/** True for a Bitcoin mainnet segwit address (BIP173 bech32 for v0, BIP350 bech32m for v1–16). */
export function validBech32Address(value: string): boolean {
  const lower = value.toLowerCase();
  if (lower !== value && value.toUpperCase() !== value) return false; // mixed case is invalid
  if (!lower.startsWith('bc1') || lower.length < 14 || lower.length > MAX_LENGTH) return false;
  const data: number[] = [];
  for (let index = 3; index < lower.length; index++) {
    const digit = BECH32.indexOf(lower[index]);
    if (digit < 0) return false;
    data.push(digit);
  }
  // Polymod over the expanded human-readable part 'bc' (high bits, 0, low bits) and the data.
  let check = 1;
  const step = (digit: number): void => {
    const top = check >>> 25;
    check = ((check & 0x1ffffff) << 5) ^ digit;
    for (let bit = 0; bit < 5; bit++) if ((top >>> bit) & 1) check ^= GENERATOR[bit];
  };
  for (const code of [98, 99]) step(code >>> 5);
  step(0);
  for (const code of [98, 99]) step(code & 31);
  for (const digit of data) step(digit);
  const version = data[0];
  if (version > 16 || check !== (version === 0 ? 1 : BECH32M_CONST)) return false;
  // The witness program: 5-bit groups regrouped to bytes, at most 4 zero padding bits.
  const groups = data.length - 7;
  const bits = groups * 5;
  const bytes = bits >>> 3;
  if (bits % 8 > 4 || bytes < 2 || bytes > 40) return false;
  if (version === 0 && bytes !== 20 && bytes !== 32) return false;
  const last = data[data.length - 7];
  return (last & ((1 << (bits % 8)) - 1)) === 0;
}

/** EIP-55: in a mixed-case address, a letter is upper case exactly when its Keccak-256 nibble is ≥ 8. */
export function validEip55(hex: string): boolean {
  const lower = hex.toLowerCase();
  const bytes = new Uint8Array(40);
  for (let index = 0; index < 40; index++) bytes[index] = lower.charCodeAt(index);
  const hash = keccak256(bytes);
  for (let index = 0; index < 40; index++) {
    const code = hex.charCodeAt(index);
    if (code <= 57) continue;
    const nibble = (hash[index >> 1] >>> ((index & 1) === 0 ? 4 : 0)) & 15;
    if ((code < 97) !== nibble >= 8) return false;
  }
  return true;
}

/** What the token `text[start, end)` is: 'btc', 'eth-checked', 'eth' or undefined. */
function classify(text: string, start: number, end: number): 'btc' | 'eth-checked' | 'eth' | undefined {
  const length = end - start;
  const first = text.charCodeAt(start);
  if (first === 48 /* 0 */) {
    if (length !== 42 || (text.charCodeAt(start + 1) | 0x20) !== 120 /* x */) return undefined;
    let upper = false;
    let lower = false;
    for (let index = start + 2; index < end; index++) {
      const code = text.charCodeAt(index);
      if (!isHex(code)) return undefined;
      if (code >= 97) lower = true;
      else if (code >= 65) upper = true;
    }
    if (!(upper && lower)) return 'eth';
    return validEip55(text.slice(start + 2, end)) ? 'eth-checked' : undefined;
  }
  const value = text.slice(start, end);
  if (first === 49 || first === 51) return validBase58Address(value) ? 'btc' : undefined;
  if ((first | 0x20) === 98 /* b */) return validBech32Address(value) ? 'btc' : undefined;
  return undefined;
}

/**
 * Finds cryptocurrency wallet addresses (`CRYPTO_WALLET`, category `btc` or `eth`): Bitcoin
 * base58check addresses (`1…`, `3…`, checked with double SHA-256), segwit addresses (`bc1…`,
 * bech32/bech32m checksums) and Ethereum addresses (`0x` + 40 hex; a mixed-case one must pass
 * its EIP-55 checksum). An address is a whole token of letters and digits.
 *
 * @example
 * createRedactor({ detectors: [cryptoWallet()] }).redact('send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2').text
 * // 'send to [CRYPTO_WALLET]'
 */
export function cryptoWallet(options: CryptoWalletOptions = {}): Detector {
  const score = options.score ?? 0.99;
  const uncheckedScore = options.uncheckedScore ?? 0.9;
  return {
    name: 'crypto-wallet',
    type: 'CRYPTO_WALLET',
    maxLength: MAX_LENGTH,
    lookbehind: MAX_LENGTH + 2,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns, from } = scan;
      let tokenEnd = -1;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const run = digitRuns[k];
        if (run < tokenEnd) continue; // same token as the previous run
        // Every address holds a digit ('1', '3', '0x', 'bc1'): its token holds this run.
        let start = run;
        const floor = Math.max(0, run - MAX_LENGTH - 1);
        while (start > floor && isAlnum(text.charCodeAt(start - 1))) start--;
        let end = digitRuns[k + 1];
        const ceiling = Math.min(text.length, start + MAX_LENGTH + 1);
        while (end < ceiling && isAlnum(text.charCodeAt(end))) end++;
        tokenEnd = end;
        // Before `from` (decided earlier), or longer than any address.
        if (start < from || end - start > MAX_LENGTH || (start > 0 && isAlnum(text.charCodeAt(start - 1)))) continue;
        if (start > 0 && text.charCodeAt(start - 1) === 95) continue; // '_' joins identifiers
        if (end < text.length && text.charCodeAt(end) === 95) continue;
        const kind = classify(text, start, end);
        if (kind === undefined) continue;
        const btc = kind === 'btc';
        out.push({ type: 'CRYPTO_WALLET', start, end, score: kind === 'eth' ? uncheckedScore : score, detector: 'crypto-wallet', category: btc ? 'btc' : 'eth' });
      }
    },
    pending(text, from) {
      // Only the trailing token is open; an address is a whole token, so a token longer than
      // any address, or one that cannot start one, decides nothing more.
      const end = text.length;
      let start = end;
      const floor = Math.max(from, end - MAX_LENGTH - 1);
      while (start > floor && isAlnum(text.charCodeAt(start - 1))) start--;
      if (start === end) return end;
      if (start === floor && floor > from) return end;
      if (start > 0 && start === from && isAlnum(text.charCodeAt(start - 1))) return end;
      const first = text.charCodeAt(start);
      return first === 48 || first === 49 || first === 51 || (first | 0x20) === 98 ? start : end;
    },
  };
}
