import type { VaultEntry, VaultState } from './state.js';
import { NEED_MORE, type TokenMatch, matchToken, upperName } from './syntax.js';

const OPEN = 91; // '['

/**
 * The one restore loop behind `vault.restore`, `vault.restoreStream` and `restoreValue`.
 *
 * Walks `text` from `from` and appends to `parts` the text with every known token and surrogate
 * replaced by its original. At each position it tries the surrogate trie (exact text, whole-word
 * edges) and the token recognizer (`matchToken`: brackets, case, spaces, bare word), takes the
 * longer known match and jumps past it; unknown tokens stay as they are. Every decision reads
 * `text[at - 1]` and a bounded window after `at`, so the loop is linear and a stream can resume
 * at any position given one character of context.
 *
 * @param final false for a stream that may continue: the walk then stops at the first position
 * it cannot decide (a partial token at the end) and returns it
 * @param json escape replacements for the inside of a JSON string literal
 * @returns the index where the walk stopped (`text.length` when final)
 */
export function restoreInto(state: VaultState, text: string, from: number, final: boolean, json: boolean, parts: string[]): number {
  const length = text.length;
  if (state.entries.length === 0) {
    parts.push(from === 0 ? text : text.slice(from));
    return length;
  }
  const trie = state.trie;
  const hasSurrogates = state.surrogates.size > 0;
  const hasTokens = state.tokens.size > 0;
  const found: { value: VaultEntry | undefined } = { value: undefined };
  const token: TokenMatch = { end: 0, nameStart: 0, nameEnd: 0 };
  let copied = from;
  let index = from;
  while (index < length) {
    const code = text.charCodeAt(index);
    let end = -1;
    let entry: VaultEntry | undefined;
    if (hasSurrogates && trie.starts(code)) {
      const match = trie.match(text, index, final, true, found);
      if (match === NEED_MORE) break;
      if (match > index) {
        end = match;
        entry = found.value;
      }
    }
    if (hasTokens && (code === OPEN || ((code | 0x20) - 97) >>> 0 <= 25)) {
      const match = matchToken(text, index, final, token);
      if (match === NEED_MORE) break;
      if (match > end) {
        const known = state.tokens.get(upperName(text, token.nameStart, token.nameEnd));
        if (known !== undefined) {
          end = match;
          entry = known;
        }
      }
    }
    if (entry === undefined) {
      index++;
      continue;
    }
    if (index > copied) parts.push(text.slice(copied, index));
    parts.push(json ? JSON.stringify(entry.value).slice(1, -1) : entry.value);
    index = end;
    copied = end;
  }
  if (copied < index) parts.push(copied === 0 && index === length ? text : text.slice(copied, index));
  return index;
}

/** Restores a whole text; returns `text` itself when nothing was replaced. */
export function restoreText(state: VaultState, text: string, json: boolean): string {
  const parts: string[] = [];
  restoreInto(state, text, 0, true, json, parts);
  return parts.length === 1 ? parts[0] : parts.join('');
}
