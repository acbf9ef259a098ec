import { toHex, utf8 } from '../internal/sha256.js';
import { createRestoreStream, type RestoreStream } from '../stream/restore.js';
import type { EntityType } from '../types.js';
import { restoreText } from './restore-text.js';
import { MAX_SURROGATE, STATE, type VaultEntry, type VaultState, addEntry, clearState, isCanonicalToken, newState, tokenFor } from './state.js';
import { upperName } from './syntax.js';

/** Options of `createVault`; every field is optional. */
export interface VaultOptions {
  /**
   * Most tokens and surrogates the vault holds. Issuing one more throws a `PiiveilError` with
   * code `VAULT_FULL` (a tokenizer reports it as its `error` and fails closed). Bounds memory
   * when a scope is fed untrusted text. Default: 100 000.
   */
  readonly maxEntries?: number;
  /**
   * Secret seed of the surrogate generator (string or at least 16 bytes). Surrogates are a keyed
   * function of it, so equal seeds give equal surrogates and nobody without it can predict them.
   * Default: 32 random bytes from `crypto.getRandomValues`.
   */
  readonly seed?: string | Uint8Array;
}

/** Options of `vault.restore` and `vault.restoreStream`. */
export interface RestoreOptions {
  /**
   * Escape originals for the inside of a JSON string literal (`"` → `\"`), for tool-call
   * arguments that arrive as JSON text. Default: false.
   */
  readonly json?: boolean;
}

/** The serialized form of a vault: plain JSON data (it holds the originals: store it like them). */
export interface VaultData {
  readonly version: 1;
  /** Hex of the surrogate seed. */
  readonly seed: string;
  readonly maxEntries: number;
  readonly entries: readonly VaultEntry[];
}

/**
 * A caller-owned map from tokens and surrogates to the original values, for one scope (a
 * conversation, a request). Nothing is global: separate vaults never share entries.
 */
export interface Vault {
  /** Number of tokens and surrogates held. */
  readonly size: number;
  readonly maxEntries: number;
  /** The token of `value` of `type` (`[EMAIL_1]`), issued on first use and stable after. */
  token(type: EntityType, value: string): string;
  /** The original behind a token (`[EMAIL_1]`, `EMAIL_1`, any case) or surrogate, if known. */
  lookup(text: string): { readonly type: EntityType; readonly value: string } | undefined;
  /** Replaces every known token and surrogate in `text` with its original; see README for what is tolerated. */
  restore(text: string, options?: RestoreOptions): string;
  /** A restoring stream: tokens split across chunks are restored exactly. */
  restoreStream(options?: RestoreOptions): RestoreStream;
  /** Forgets every entry (the seed stays, so surrogates of re-added values come back the same). */
  clear(): void;
  /** Plain data for `JSON.stringify`; `createVault.fromJSON` reads it back. */
  toJSON(): VaultData;
  /** @internal */
  readonly [STATE]: VaultState;
}

const DEFAULT_MAX_ENTRIES = 100_000;

function create(options: VaultOptions = {}): Vault {
  if (options === null || typeof options !== 'object') throw new TypeError('createVault: options must be an object (or omitted)');
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new RangeError('createVault: options.maxEntries must be a positive integer');
  return fromState(newState(seedBytes(options.seed), maxEntries));
}

function fromState(state: VaultState): Vault {
  return {
    [STATE]: state,
    get size() {
      return state.entries.length;
    },
    get maxEntries() {
      return state.maxEntries;
    },
    token(type, value) {
      if (typeof type !== 'string' || typeof value !== 'string') throw new TypeError('vault.token: type and value must be strings');
      return tokenFor(state, type, value);
    },
    lookup(text) {
      const entry = state.surrogates.get(text) ?? state.tokens.get(upperName(text, text.startsWith('[') ? 1 : 0, text.endsWith(']') ? text.length - 1 : text.length));
      return entry === undefined ? undefined : { type: entry.type, value: entry.value };
    },
    restore(text, options = {}) {
      if (typeof text !== 'string') throw new TypeError(`vault.restore: text must be a string, got ${text === null ? 'null' : typeof text}`);
      return restoreText(state, text, options.json === true);
    },
    restoreStream(options = {}) {
      return createRestoreStream(state, options.json === true);
    },
    clear() {
      clearState(state);
    },
    toJSON() {
      return { version: 1, seed: toHex(state.seed), maxEntries: state.maxEntries, entries: state.entries.map((entry) => ({ ...entry })) };
    },
  };
}

/**
 * Rebuilds a vault from `vault.toJSON()` (the object, or its JSON text). Throws `TypeError` on
 * malformed data, naming the first bad entry by index, never its value.
 */
function fromJSON(data: VaultData | string): Vault {
  const parsed: unknown = typeof data === 'string' ? JSON.parse(data) : data;
  const input = parsed as Partial<VaultData> | null;
  if (input === null || typeof input !== 'object' || input.version !== 1 || typeof input.seed !== 'string' || !Array.isArray(input.entries)) {
    throw new TypeError('createVault.fromJSON: expected the object vault.toJSON() returns ({ version: 1, seed, maxEntries, entries })');
  }
  if (!/^(?:[0-9a-f]{2}){16,}$/.test(input.seed)) throw new TypeError('createVault.fromJSON: seed must be hex of at least 16 bytes');
  const maxEntries = input.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!Number.isInteger(maxEntries) || maxEntries < input.entries.length) throw new TypeError('createVault.fromJSON: maxEntries must be an integer not below the number of entries');
  const seed = new Uint8Array(input.seed.length / 2);
  for (let index = 0; index < seed.length; index++) seed[index] = Number.parseInt(input.seed.slice(index * 2, index * 2 + 2), 16);
  const state = newState(seed, maxEntries);
  input.entries.forEach((entry, index) => {
    const ok =
      entry !== null &&
      typeof entry === 'object' &&
      typeof entry.type === 'string' &&
      typeof entry.value === 'string' &&
      typeof entry.key === 'string' &&
      (entry.kind === 'token' ? isCanonicalToken(entry.key) && !state.tokens.has(entry.key.slice(1, -1)) : entry.kind === 'surrogate' && entry.key.length > 0 && entry.key.length <= MAX_SURROGATE && !state.surrogates.has(entry.key));
    if (!ok) throw new TypeError(`createVault.fromJSON: entry ${index} is malformed or duplicated`);
    addEntry(state, { key: entry.key, type: entry.type, value: entry.value, kind: entry.kind });
  });
  return fromState(state);
}

function seedBytes(seed: string | Uint8Array | undefined): Uint8Array {
  if (seed === undefined) {
    const crypto = (globalThis as { crypto?: { getRandomValues?: (array: Uint8Array) => Uint8Array } }).crypto;
    if (typeof crypto?.getRandomValues !== 'function') throw new TypeError('createVault: no crypto.getRandomValues in this runtime; pass options.seed');
    return crypto.getRandomValues(new Uint8Array(32));
  }
  const bytes = typeof seed === 'string' ? utf8(seed) : seed;
  if (!(bytes instanceof Uint8Array) || bytes.length < 16) throw new TypeError('createVault: options.seed must be a string or Uint8Array of at least 16 bytes');
  return bytes.slice();
}

/**
 * Creates an empty vault: the caller-owned memory of one scope that makes tokenization
 * reversible. Pass it to `createTokenizer` (or the `tokenize` / `surrogate` operators), then
 * restore the model's answer with `vault.restore` or `vault.restoreStream()`.
 *
 * `createVault.fromJSON(data)` rebuilds a vault saved with `JSON.stringify(vault)`.
 *
 * @example
 * const vault = createVault()
 * const tokenizer = createTokenizer(vault, { detectors: [email()] })
 * const prompt = tokenizer.redact('Mail jane@corp.com').text // 'Mail [EMAIL_1]'
 * vault.restore('I wrote to [EMAIL_1].')                    // 'I wrote to jane@corp.com.'
 * const saved = JSON.stringify(vault)
 * createVault.fromJSON(saved).restore('[EMAIL_1]')           // 'jane@corp.com'
 */
export const createVault: ((options?: VaultOptions) => Vault) & { fromJSON: (data: VaultData | string) => Vault } =
  /* #__PURE__ */ Object.assign(create, { fromJSON });
