import { NEED_MORE, NO_MATCH, isNameCode } from './syntax.js';

interface TrieNode<T> {
  children: Map<number, TrieNode<T>> | undefined;
  value: T | undefined;
}

/**
 * A character trie of the surrogate values a vault issued, so `restore` finds any of them at a
 * position in at most `maxDepth` steps whatever their number (a scan is O(text × maxDepth) in the
 * worst case and about one table load per character on prose, since few positions start a key).
 */
export interface Trie<T> {
  /** Length of the longest key. */
  readonly maxDepth: number;
  insert(key: string, value: T): void;
  /**
   * Longest key at `at`. With `bounded`, a key whose first (last) character is a letter, digit
   * or `_` only matches when the character before (after) it is not one, so `192.0.2.1` is not
   * found inside `192.0.2.10`.
   * @returns the match end (the value is in `found.value`), NO_MATCH, or NEED_MORE when `final`
   * is false and the text ends before the answer is known.
   */
  match(text: string, at: number, final: boolean, bounded: boolean, found: { value: T | undefined }): number;
  /** True when some key starts with this code unit: a one-load filter before `match`. */
  starts(code: number): boolean;
}

/** Builds an empty trie. */
export function createTrie<T>(): Trie<T> {
  const root: TrieNode<T> = { children: undefined, value: undefined };
  /** Bit per ASCII first character; non-ASCII first characters fall back to the root map. */
  const asciiStarts = new Uint8Array(128);
  let maxDepth = 0;
  return {
    get maxDepth() {
      return maxDepth;
    },
    insert(key, value) {
      if (key.length === 0) return;
      let node = root;
      for (let index = 0; index < key.length; index++) {
        const code = key.charCodeAt(index);
        node.children ??= new Map();
        let next = node.children.get(code);
        if (next === undefined) {
          next = { children: undefined, value: undefined };
          node.children.set(code, next);
        }
        node = next;
      }
      node.value = value;
      const first = key.charCodeAt(0);
      if (first < 128) asciiStarts[first] = 1;
      if (key.length > maxDepth) maxDepth = key.length;
    },
    starts(code) {
      return code < 128 ? asciiStarts[code] === 1 : root.children !== undefined && root.children.has(code);
    },
    match(text, at, final, bounded, found) {
      const length = text.length;
      if (bounded && at > 0 && isNameCode(text.charCodeAt(at)) && isNameCode(text.charCodeAt(at - 1))) return NO_MATCH;
      let node = root;
      let index = at;
      let best = NO_MATCH;
      for (;;) {
        if (node.value !== undefined && index > at) {
          if (!bounded || !isNameCode(text.charCodeAt(index - 1))) {
            best = index;
            found.value = node.value;
          } else if (index < length) {
            if (!isNameCode(text.charCodeAt(index))) {
              best = index;
              found.value = node.value;
            }
          } else if (final) {
            best = index;
            found.value = node.value;
          } else return NEED_MORE;
        }
        if (index === length) {
          if (!final && node.children !== undefined) return NEED_MORE;
          break;
        }
        const next = node.children?.get(text.charCodeAt(index));
        if (next === undefined) break;
        node = next;
        index++;
      }
      return best;
    },
  };
}
