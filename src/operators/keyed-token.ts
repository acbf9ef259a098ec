import type { Operator } from '../types.js';
import { tokenPrefix } from '../vault/syntax.js';
import { hash } from './hash.js';

/** Options of `keyedToken`. */
export interface KeyedTokenOptions {
  /** The caller's secret key (string or bytes); at least 16 bytes. Required. */
  readonly secret: string | Uint8Array;
  /** Hex characters of the digest to keep, 8 to 64. Default: 16 (64 bits). */
  readonly length?: number;
}

/**
 * Replaces each finding with a keyed deterministic token, `[EMAIL:7f3a9c0b12d4e856]`: the type
 * and `HMAC-SHA256(secret, type + "\0" + value)` in hex, truncated to `length` (the same
 * construction as `hash`, in token form). No vault is needed: the same value of the same type
 * gives the same token in every message, process and run that shares the key, so logs and
 * stored transcripts can still be joined and counted.
 *
 * Erasure by key deletion: without the key nobody can recompute a token from a guessed value
 * (HMAC is a pseudorandom function), so deleting the key makes every token derived from it
 * irreversible and unlinkable to new data. Use one key per scope you may need to erase (a
 * tenant, a user) and delete it to honour the request.
 *
 * With 16 hex characters (64 bits), two distinct values of one type share a token with
 * probability about n² / 2^65 for n values (under 10^-7 for a million).
 *
 * @example
 * const redactor = createRedactor({ operator: keyedToken({ secret: process.env.PII_KEY! }) })
 * redactor.redact('mail a@b.io').text // 'mail [EMAIL:5f1c0d4e9a7b3c21]' (depends on the key)
 */
export function keyedToken(options: KeyedTokenOptions): Operator {
  if (options === null || typeof options !== 'object') throw new TypeError('keyedToken: pass { secret } with a key of at least 16 bytes');
  let inner: Operator;
  try {
    inner = hash({ secret: options.secret, length: options.length, format: (digest, finding) => `[${tokenPrefix(finding.type)}:${digest}]` });
  } catch (error) {
    throw error instanceof Error ? new (error.constructor as ErrorConstructor)(error.message.replace(/^hash:/, 'keyedToken:')) : error;
  }
  return { name: 'keyedToken', apply: inner.apply };
}
