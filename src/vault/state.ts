import { PiiveilError } from '../errors.js';
import { NEED_MORE, NO_MATCH, type TokenMatch, isNameShape, matchToken, tokenPrefix, upperName } from './syntax.js';
import { createTrie, type Trie } from './trie.js';

/**
 * The inside of a vault, shared by the operators that fill it and the restore paths that read
 * it. Internal: reached through the `STATE` symbol, never exported from the package.
 */

/** One issued token or surrogate and the original it stands for. */
export interface VaultEntry {
  /** The text written into redacted output: `[EMAIL_1]`, or a surrogate such as `alex.4821@example.net`. */
  readonly key: string;
  readonly type: string;
  readonly value: string;
  readonly kind: 'token' | 'surrogate';
}

/** Longest surrogate a vault accepts; bounds what streams hold back. */
export const MAX_SURROGATE = 64;

export interface VaultState {
  readonly seed: Uint8Array;
  readonly maxEntries: number;
  entries: VaultEntry[];
  /** Token name without brackets, upper case (`EMAIL_1`) → entry. */
  tokens: Map<string, VaultEntry>;
  /** Surrogate text → entry. */
  surrogates: Map<string, VaultEntry>;
  /** `type \0 value` → token key. */
  tokenOf: Map<string, string>;
  /** `type \0 value` → surrogate key. */
  surrogateOf: Map<string, string>;
  /** Every original value, so a surrogate never equals one. */
  originals: Set<string>;
  counters: Map<string, number>;
  /** Token prefixes issued so far; `prefixVersion` changes when one is added. */
  prefixes: Set<string>;
  prefixVersion: number;
  trie: Trie<VaultEntry>;
  /**
   * Text of the message being redacted by a tokenizer, so a new surrogate never equals text in
   * it and a finding glued to a word gets a token: the whole message one-shot, the held text
   * and the chunk being pushed in a stream.
   */
  input: string | undefined;
  /** Position of `input[0]` in the coordinates of the findings the operators see (a stream's offset). */
  inputOffset: number;
  /** False while a stream may still append text after `input`, so the character after its end is unknown. */
  inputFinal: boolean;
  /** Set when the vault refused an entry; a tokenizer reports it as `VAULT_FULL`. */
  failure: PiiveilError | undefined;
}

export const STATE: unique symbol = /* #__PURE__ */ Symbol('piiveil.vault');

/** Anything holding vault state (a `Vault`). */
export interface HasState {
  readonly [STATE]: VaultState;
}

export function newState(seed: Uint8Array, maxEntries: number): VaultState {
  return {
    seed,
    maxEntries,
    entries: [],
    tokens: new Map(),
    surrogates: new Map(),
    tokenOf: new Map(),
    surrogateOf: new Map(),
    originals: new Set(),
    counters: new Map(),
    prefixes: new Set(),
    prefixVersion: 0,
    trie: createTrie(),
    input: undefined,
    inputOffset: 0,
    inputFinal: true,
    failure: undefined,
  };
}

/** Empties the state in place (seed and limit stay). */
export function clearState(state: VaultState): void {
  const version = state.prefixVersion;
  Object.assign(state, newState(state.seed, state.maxEntries));
  state.prefixVersion = version + 1;
}

function checkRoom(state: VaultState): void {
  if (state.entries.length < state.maxEntries) return;
  const error = new PiiveilError('VAULT_FULL', `Vault is full (maxEntries ${state.maxEntries}); clear it or create it with a larger maxEntries`);
  state.failure = error;
  throw error;
}

const valueKey = (type: string, value: string): string => `${type}\u0000${value}`;

/** The token for `value` of `type`, issuing the next number of its prefix when new. */
export function tokenFor(state: VaultState, type: string, value: string): string {
  const key = valueKey(type, value);
  const existing = state.tokenOf.get(key);
  if (existing !== undefined) return existing;
  checkRoom(state);
  const prefix = tokenPrefix(type);
  // Numbers only ever grow per prefix, so two values can never share a name.
  const number = (state.counters.get(prefix) ?? 0) + 1;
  if (number >= 1e9) {
    const error = new PiiveilError('VAULT_FULL', 'Vault has no token numbers left for this type; clear it');
    state.failure = error;
    throw error;
  }
  const name = `${prefix}_${number}`;
  addEntry(state, { key: `[${name}]`, type, value, kind: 'token' });
  return `[${name}]`;
}

/** The surrogate already issued for `value` of `type`, if any. */
export function surrogateOf(state: VaultState, type: string, value: string): string | undefined {
  return state.surrogateOf.get(valueKey(type, value));
}

/**
 * Records `candidate` as the surrogate of `value` when it collides with nothing: not an issued
 * token or surrogate, not an original value, not text of the message being redacted.
 */
export function addSurrogate(state: VaultState, type: string, value: string, candidate: string): boolean {
  if (candidate.length === 0 || candidate.length > MAX_SURROGATE || candidate === value) return false;
  if (state.surrogates.has(candidate) || state.originals.has(candidate)) return false;
  if (state.input !== undefined && state.input.includes(candidate)) return false;
  if (looksLikeToken(candidate)) return false;
  checkRoom(state);
  addEntry(state, { key: candidate, type, value, kind: 'surrogate' });
  return true;
}

const scratch: TokenMatch = { end: 0, nameStart: 0, nameEnd: 0 };

/** True when restore could read a token inside `text` (a surrogate must never contain one). */
function looksLikeToken(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const end = matchToken(text, index, true, scratch);
    if (end !== NO_MATCH && end !== NEED_MORE) return true;
  }
  return false;
}

/** Adds a checked entry (also used to rebuild a vault from JSON). */
export function addEntry(state: VaultState, entry: VaultEntry): void {
  const key = valueKey(entry.type, entry.value);
  if (entry.kind === 'token') {
    const name = entry.key.slice(1, -1);
    const underscore = name.lastIndexOf('_');
    const prefix = name.slice(0, underscore);
    const number = Number(name.slice(underscore + 1));
    state.tokens.set(name, entry);
    state.tokenOf.set(key, entry.key);
    if (number > (state.counters.get(prefix) ?? 0)) state.counters.set(prefix, number);
    if (!state.prefixes.has(prefix)) {
      state.prefixes.add(prefix);
      state.prefixVersion++;
    }
  } else {
    state.surrogates.set(entry.key, entry);
    state.surrogateOf.set(key, entry.key);
    state.trie.insert(entry.key, entry);
  }
  state.originals.add(entry.value);
  state.entries.push(entry);
}

/** True when `key` is a canonical token `[NAME_N]`. */
export function isCanonicalToken(key: string): boolean {
  return key.length > 2 && key.charCodeAt(0) === 91 && key.charCodeAt(key.length - 1) === 93 && isNameShape(key, 1, key.length - 1) && upperName(key, 1, key.length - 1) === key.slice(1, -1);
}
