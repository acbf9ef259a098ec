import type { Detector } from '../types.js';
import { type HasState, MAX_SURROGATE, STATE, type VaultEntry } from './state.js';
import { MAX_COUNTER_DIGITS, MAX_INNER_SPACES, MAX_NAME, MAX_TOKEN_TEXT, NEED_MORE, NO_MATCH, tokenPrefix } from './syntax.js';

/** Options of `vaultGuard`. */
export interface VaultGuardOptions {
  /**
   * Entity types the tokenizer may issue tokens for; their prefixes are guarded from the first
   * message on (prefixes the vault already issued always are). Default: none.
   */
  readonly types?: readonly string[];
}

const UNDERSCORE = 95; // '_'

/**
 * The detector that makes tokens unforgeable. It reports, as findings of type `TOKEN`, all text
 * of the input that `vault.restore` could ever replace:
 * - every `PREFIX_N` (any ASCII case, N = 1 to 9 digits without a leading zero) for a prefix the
 *   vault issued or `types` names, even inside a longer word: a neighbouring finding's
 *   replacement can turn a word boundary into a bracket, so restore could otherwise reach it;
 *   with every shorter counter too (`TOKEN_1` and `TOKEN_13` of `TOKEN_137`), for a finding
 *   that starts inside the digits and wins the overlap;
 * - every occurrence of a surrogate the vault issued, also inside longer words.
 * The tokenizer replaces these like any finding, so a user who types "[EMAIL_1]" gets
 * "[TOKEN_1]" in the prompt and exactly "[EMAIL_1]" back from restore, never someone's address.
 * `createTokenizer` adds it first in its detector list; score 1 so `minScore` never drops it.
 *
 * @example
 * const vault = createVault()
 * const redactor = createRedactor({ detectors: [vaultGuard(vault, { types: ['EMAIL'] }), email()], operator: tokenize(vault) })
 * redactor.redact('literal [EMAIL_1] and a@b.io').text // 'literal [[TOKEN_1]] and [EMAIL_1]'
 */
export function vaultGuard(vault: HasState, options: VaultGuardOptions = {}): Detector {
  if (vault === null || typeof vault !== 'object' || !(STATE in vault)) throw new TypeError('vaultGuard: pass a vault made by createVault()');
  const state = vault[STATE];
  const fixed = new Set<string>(['TOKEN']);
  for (const type of options.types ?? []) fixed.add(tokenPrefix(type));
  let version = -1;
  let prefixes: string[] = [];
  /** Bit per upper-case ASCII letter that starts some prefix. */
  let starts = new Uint8Array(128);
  const found: { value: VaultEntry | undefined } = { value: undefined };

  const refresh = (): void => {
    if (version === state.prefixVersion) return;
    version = state.prefixVersion;
    prefixes = [...new Set([...fixed, ...state.prefixes])];
    starts = new Uint8Array(128);
    for (const prefix of prefixes) starts[prefix.charCodeAt(0)] = 1;
  };

  /** Longest guarded text starting at `at`, NO_MATCH, or NEED_MORE (text not final). */
  const matchAt = (text: string, at: number): number => {
    const length = text.length;
    if (text.charCodeAt(at) === OPEN) {
      // The bracketed form `[ NAME ]`, reported around a guarded name.
      let index = at + 1;
      while (index < length && index <= at + MAX_INNER_SPACES && isInnerSpace(text.charCodeAt(index))) index++;
      if (index === length) return NEED_MORE;
      const end = matchPlain(text, index);
      return end === NEED_MORE || end === NO_MATCH ? end : bracketAfter(text, end);
    }
    return matchPlain(text, at);
  };

  /** Longest guarded name or surrogate at `at` (no brackets). */
  const matchPlain = (text: string, at: number): number => {
    const length = text.length;
    let best = NO_MATCH;
    const first = foldCode(text.charCodeAt(at));
    if (first < 128 && starts[first] === 1) {
      for (const prefix of prefixes) {
        let index = at;
        let k = 0;
        for (; k < prefix.length && index < length && foldCode(text.charCodeAt(index)) === prefix.charCodeAt(k); k++) index++;
        if (k < prefix.length) {
          if (index === length) return NEED_MORE;
          continue;
        }
        if (index === length) return NEED_MORE;
        if (text.charCodeAt(index) !== UNDERSCORE) continue;
        const end = digitsEnd(text, index + 1);
        if (end === NEED_MORE) return NEED_MORE;
        if (end > best) best = end;
      }
    }
    if (state.surrogates.size > 0 && state.trie.starts(text.charCodeAt(at))) {
      const end = state.trie.match(text, at, false, false, found);
      if (end === NEED_MORE) return NEED_MORE;
      if (end > best) best = end;
    }
    return best;
  };

  return {
    name: 'vault-guard',
    type: 'TOKEN',
    maxLength: Math.max(MAX_TOKEN_TEXT, MAX_SURROGATE),
    lookbehind: 0,
    find(scan, out) {
      refresh();
      const { text, from } = scan;
      // Token names: anchored on '_' followed by a digit 1-9, then the prefixes ending there.
      for (let at = text.indexOf('_', from); at >= 0; at = text.indexOf('_', at + 1)) {
        // charCodeAt past the end is NaN, and NaN >>> 0 is 0: test the length first.
        if (at + 1 >= text.length || (text.charCodeAt(at + 1) - 49) >>> 0 > 8) continue;
        let end = at + 2;
        while (end < text.length && end < at + 1 + MAX_COUNTER_DIGITS && (text.charCodeAt(end) - 48) >>> 0 <= 9) end++;
        for (const prefix of prefixes) {
          const start = at - prefix.length;
          if (start < from || !equalsFolded(text, start, prefix)) continue;
          // Every shorter counter too: a finding that starts inside the digits ('TOKEN_1' then a
          // card '3782 826276 84176') may win the overlap, and its replacement then ends the name
          // early, leaving 'TOKEN_1' for restore to replace. The longest wins when nothing cuts it.
          for (let short = at + 2; short < end; short++) out.push({ type: 'TOKEN', start, end: short, score: 1, detector: 'vault-guard' });
          out.push({ type: 'TOKEN', start, end, score: 1, detector: 'vault-guard' });
          // In brackets, take the brackets too, so the prompt reads [TOKEN_1] rather than [[TOKEN_1]].
          const open = bracketBefore(text, start, from);
          const close = open >= 0 ? bracketAfter(text, end) : NO_MATCH;
          if (close > 0) out.push({ type: 'TOKEN', start: open, end: close, score: 1, detector: 'vault-guard' });
        }
      }
      if (state.surrogates.size === 0) return;
      const trie = state.trie;
      for (let at = from; at < text.length; at++) {
        if (!trie.starts(text.charCodeAt(at))) continue;
        const end = trie.match(text, at, true, false, found);
        if (end > at) out.push({ type: 'TOKEN', start: at, end, score: 1, detector: 'vault-guard' });
      }
    },
    pending(text, from) {
      refresh();
      // Walk back from the end: a position is undecided when its match runs into the end, and
      // the cut must also move before any match that crosses it. Matches are at most `reach`
      // long, so the walk stops `reach` below the cut (and, against pathological chains of
      // overlapping surrogates, 8 × reach below the end).
      const reach = Math.max(MAX_TOKEN_TEXT, state.trie.maxDepth);
      const floor = Math.max(from, text.length - 8 * reach);
      let cut = text.length;
      for (let at = text.length - 1; at >= floor && at + reach > cut; at--) {
        const end = matchAt(text, at);
        if (end === NEED_MORE || end > cut) cut = at;
      }
      return cut;
    },
  };
}

/** End of the 1-9 digit counter after `_` at `from - 1`; NO_MATCH or NEED_MORE at the end of text. */
function digitsEnd(text: string, from: number): number {
  if (from === text.length) return NEED_MORE;
  if ((text.charCodeAt(from) - 49) >>> 0 > 8) return NO_MATCH;
  let end = from + 1;
  const limit = from + MAX_COUNTER_DIGITS;
  while (end < text.length && end < limit && (text.charCodeAt(end) - 48) >>> 0 <= 9) end++;
  return end === text.length && end < limit ? NEED_MORE : end;
}

const OPEN = 91; // '['
const CLOSE = 93; // ']'
const isInnerSpace = (code: number): boolean => code === 32 || code === 9;

/** Index of a `[` before `start` with at most MAX_INNER_SPACES spaces between, not before `from`; else -1. */
function bracketBefore(text: string, start: number, from: number): number {
  let index = start - 1;
  while (index >= from && index >= start - MAX_INNER_SPACES && isInnerSpace(text.charCodeAt(index))) index--;
  return index >= from && text.charCodeAt(index) === OPEN ? index : -1;
}

/** End of a `]` after `end` with at most MAX_INNER_SPACES spaces between; NO_MATCH, or NEED_MORE at the end of text. */
function bracketAfter(text: string, end: number): number {
  let index = end;
  while (index < text.length && index < end + MAX_INNER_SPACES && isInnerSpace(text.charCodeAt(index))) index++;
  if (index === text.length) return NEED_MORE;
  return text.charCodeAt(index) === CLOSE ? index + 1 : NO_MATCH;
}

/** ASCII lower-case letters folded to upper case; other codes unchanged. */
const foldCode = (code: number): number => ((code - 97) >>> 0 <= 25 ? code - 32 : code);

function equalsFolded(text: string, start: number, prefix: string): boolean {
  for (let k = 0; k < prefix.length; k++) if (foldCode(text.charCodeAt(start + k)) !== prefix.charCodeAt(k)) return false;
  return true;
}
