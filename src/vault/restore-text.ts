import type { VaultEntry, VaultState } from './state.js';
import { MAX_INNER_SPACES, MAX_NAME, MAX_TOKEN_TEXT, NEED_MORE, type TokenMatch, isNameCode, matchToken, upperName } from './syntax.js';

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
  // Every token has a '_' within MAX_TOKEN_TEXT of its start: positions farther from the next
  // '_' cannot start one, so without surrogates the loop jumps straight there (clean prose then
  // costs one native indexOf; measured 75 → 1 GB/s-class on the clean chat corpus).
  // In a stream, a token may also be incomplete at the end: only in the trailing run of
  // characters a token can begin with ('[', spaces, name characters).
  let underscore = hasTokens ? text.indexOf('_', index) : -1;
  const tail = final || !hasTokens ? length : tokenTail(text, from);
  while (index < length) {
    if (underscore !== -1 && underscore < index) underscore = text.indexOf('_', index);
    const tokenPossible = hasTokens && ((underscore !== -1 && underscore - index <= MAX_TOKEN_TEXT) || index >= tail);
    if (!tokenPossible && !hasSurrogates) {
      let next = underscore === -1 ? length : underscore - MAX_TOKEN_TEXT;
      if (next > tail) next = tail;
      index = next > index ? next : index + 1;
      continue;
    }
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
    if (tokenPossible && (code === OPEN || ((code | 0x20) - 97) >>> 0 <= 25)) {
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

/**
 * Where a token still incomplete at the end of `text` could start: the trailing name characters,
 * with `[` and up to MAX_INNER_SPACES spaces before and after them (`[ EMAIL_1 `).
 */
function tokenTail(text: string, from: number): number {
  let index = skipSpaces(text, text.length, from);
  const nameEnd = index;
  while (index > from && nameEnd - index <= MAX_NAME && isNameCode(text.charCodeAt(index - 1))) index--;
  const nameStart = index;
  index = skipSpaces(text, index, from);
  return index > from && text.charCodeAt(index - 1) === OPEN ? index - 1 : nameStart;
}

function skipSpaces(text: string, end: number, from: number): number {
  let index = end;
  while (index > from && end - index < MAX_INNER_SPACES && (text.charCodeAt(index - 1) === 32 || text.charCodeAt(index - 1) === 9)) index--;
  return index;
}
