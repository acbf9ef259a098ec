import { defaultDetectors } from './detectors/defaults.js';
import { keyedToken, type KeyedTokenOptions } from './operators/keyed-token.js';
import { label } from './operators/label.js';
import { tokenize } from './operators/tokenize.js';
import type { RedactorOptions } from './types.js';
import { vaultGuard } from './vault/guard.js';
import { type HasState, STATE } from './vault/state.js';

/**
 * Redactor options per destination, so one app states once how each sink treats personal data
 * and passes the result to `createRedactor` (or to an adapter's `redactor` option):
 *
 * - `policies.logs()`: every built-in detector, every finding replaced by its label (`[EMAIL]`).
 *   Logs are read by many people and kept long; nothing in them needs the value back.
 * - `policies.llm(vault)`: every finding replaced by a reversible token (`[EMAIL_1]`) recorded in
 *   `vault`, with `vaultGuard(vault)` first so token-like text typed by a user cannot be forged:
 *   `vault.restore(createRedactor(policies.llm(vault)).redact(x).text) === x`. The model keeps
 *   the type and identity of each value; the user gets the originals back.
 * - `policies.storage({ secret })`: keyed deterministic tokens (`[EMAIL:7f3a9c0b12d4e856]`), no
 *   vault: stored transcripts can still be joined and counted, and deleting the key erases.
 *
 * Each takes `overrides`, merged over the policy (`operators` merged per type; for `llm`, the
 * guard stays first in front of your `detectors`).
 *
 * @example
 * import { createRedactor, createVault, mask, policies } from 'piiveil'
 * const logs = createRedactor(policies.logs({ operators: { CREDIT_CARD: mask({ keepLast: 4 }) } }))
 * const vault = createVault()
 * const llm = createRedactor(policies.llm(vault))
 * const storage = createRedactor(policies.storage({ secret: process.env.PII_KEY! }))
 * logs.redact('mail jane@corp.com').text    // 'mail [EMAIL]'
 * llm.redact('mail jane@corp.com').text     // 'mail [EMAIL_1]'
 * storage.redact('mail jane@corp.com').text // 'mail [EMAIL:…16 hex…]'
 */
export const policies: {
  logs(overrides?: RedactorOptions): RedactorOptions;
  llm(vault: HasState, overrides?: RedactorOptions): RedactorOptions;
  storage(key: KeyedTokenOptions, overrides?: RedactorOptions): RedactorOptions;
} = {
  logs(overrides = {}) {
    return merge({ operator: label() }, overrides, 'policies.logs');
  },
  llm(vault, overrides = {}) {
    if (vault === null || typeof vault !== 'object' || !(STATE in vault)) throw new TypeError('policies.llm: pass a vault made by createVault()');
    const merged = merge({ operator: tokenize(vault) }, overrides, 'policies.llm');
    const detectors = [...(merged.detectors ?? defaultDetectors())];
    // The guard reserves the token prefixes of every type this redactor can issue (as
    // createTokenizer does), so "[EMAIL_1]" typed before any email was seen is guarded too.
    const types = new Set<string>(['DENY']);
    for (const detector of detectors) if (detector !== null && typeof detector === 'object') types.add(detector.type);
    for (const entry of merged.deny ?? []) if (entry !== null && typeof entry === 'object' && typeof entry.type === 'string') types.add(entry.type);
    for (const type of Object.keys(merged.operators ?? {})) types.add(type);
    return { ...merged, detectors: [vaultGuard(vault, { types: [...types] }), ...detectors] };
  },
  storage(key, overrides = {}) {
    if (key === null || typeof key !== 'object') throw new TypeError('policies.storage: pass { secret } with a key of at least 16 bytes');
    return merge({ operator: keyedToken(key) }, overrides, 'policies.storage');
  },
};

function merge(base: RedactorOptions, overrides: RedactorOptions, where: string): RedactorOptions {
  if (overrides === null || typeof overrides !== 'object') throw new TypeError(`${where}: overrides must be an object of createRedactor options (or omitted)`);
  const merged: RedactorOptions = { ...base, ...overrides, operator: overrides.operator ?? base.operator };
  return base.operators === undefined && overrides.operators === undefined ? merged : { ...merged, operators: { ...base.operators, ...overrides.operators } };
}
