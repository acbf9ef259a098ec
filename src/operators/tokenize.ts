import type { Operator } from '../types.js';
import { type HasState, STATE, tokenFor } from '../vault/state.js';

/**
 * Replaces each finding with a numbered token of its type, `[EMAIL_1]`, `[PHONE_2]`, recorded in
 * `vault` so `vault.restore` can put the original back. The same value of the same type gets the
 * same token for as long as the vault lives (across messages); different values never share
 * one, because numbers only grow per type.
 *
 * Use it through `createTokenizer(vault)`, which also guards against token-like text already in
 * the input (a user typing "[EMAIL_1]"); with `createRedactor({ operator: tokenize(vault) })`
 * alone such text would pass through and be "restored" to someone's address.
 *
 * When the vault is full it throws a `PiiveilError` with code `VAULT_FULL`, so the redactor
 * fails closed.
 *
 * @example
 * const vault = createVault()
 * const tokenizer = createTokenizer(vault, { operator: tokenize(vault), detectors: [email()] })
 * tokenizer.redact('a@x.io, b@y.io, a@x.io').text // '[EMAIL_1], [EMAIL_2], [EMAIL_1]'
 */
export function tokenize(vault: HasState): Operator {
  if (vault === null || typeof vault !== 'object' || !(STATE in vault)) throw new TypeError('tokenize: pass a vault made by createVault()');
  const state = vault[STATE];
  return { name: 'tokenize', apply: (value, finding) => tokenFor(state, finding.type, value) };
}
