import { hmacSha256, toHex, utf8 } from '../internal/sha256.js';
import type { Finding, Operator } from '../types.js';

/** Options of `hash`. */
export interface HashOptions {
  /** The caller's secret key (string or bytes); at least 16 bytes. Required. */
  readonly secret: string | Uint8Array;
  /** Hex characters of the digest to keep, 8 to 64. Default: 16 (64 bits). */
  readonly length?: number;
  /** Builds the replacement from the finding and the hex digest. Default: the digest alone. */
  readonly format?: (digest: string, finding: Finding) => string;
}

/**
 * Replaces each finding with a keyed pseudonym: `HMAC-SHA256(secret, type + "\0" + value)` in
 * hex, truncated. Deterministic (the same value of the same type always maps to the same
 * pseudonym, so joins and counts still work) and synchronous in every runtime.
 *
 * Why it is safe for pseudonyms: without the key, HMAC is a pseudorandom function, so nobody can
 * test guesses (a phone number or SSN has few enough possible values that a plain unkeyed hash
 * would be reversed by enumeration). Deleting the key makes every pseudonym derived from it
 * irreversible, which is how an erasure request can be honoured. The type is part of the message
 * so equal strings of different types do not link.
 *
 * @example
 * const redactor = createRedactor({ operator: hash({ secret: process.env.PII_KEY! }) })
 * redactor.redact('mail a@b.io').text // 'mail 5f1c0d4e9a7b3c21' (depends on the key)
 */
export function hash(options: HashOptions): Operator {
  if (options === null || typeof options !== 'object') throw new TypeError('hash: pass { secret } with a key of at least 16 bytes');
  const key = typeof options.secret === 'string' ? utf8(options.secret) : options.secret;
  if (!(key instanceof Uint8Array) || key.length < 16) {
    throw new TypeError('hash: options.secret must be a string or Uint8Array of at least 16 bytes');
  }
  const length = options.length ?? 16;
  if (!Number.isInteger(length) || length < 8 || length > 64) throw new RangeError('hash: options.length must be an integer from 8 to 64');
  const format = options.format;
  const secret = key.slice();
  return {
    name: 'hash',
    apply(value, finding) {
      const digest = toHex(hmacSha256(secret, utf8(`${finding.type}\u0000${value}`))).slice(0, length);
      return format ? format(digest, finding) : digest;
    },
  };
}
