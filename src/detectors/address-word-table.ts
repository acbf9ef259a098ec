/**
 * A fixed set of lower-case words looked up by a range of the text (internal). ASCII ranges are
 * hashed and compared code by code with ASCII case folding, so a word of the text is found
 * without slicing or lower-casing it; only a range holding a non-ASCII code unit is sliced and
 * lower-cased (`toLowerCase` can change its length: "İ" becomes two code units), then looked up
 * in a Map. Why: slicing and lower-casing every word near a digit run was the largest cost of the
 * STREET_ADDRESS detector on clean chat (about 40% of 825 ns per message, esbuild bundle, Node 20).
 */

export interface WordTable {
  /** The words, each at its index. */
  readonly words: readonly string[];
  /** Index of `text.slice(start, end).toLowerCase()` among `words`, or -1. */
  find(text: string, start: number, end: number): number;
  /**
   * `find` for an ASCII range whose hash (see HASH_BASE) the caller computed while walking it,
   * forwards or backwards: the hash is positional, so both walks give the same value.
   */
  findHashed(hash: number, text: string, start: number, end: number): number;
}

/**
 * Multiplier of the positional hash `sum(code[k] * BASE^(n-1-k)) mod 2^32` over the folded codes.
 * Forwards it is `hash * BASE + code`; backwards `hash + code * power`, `power *= BASE`, so a
 * backward walk over a word hashes it on the way, with no second pass.
 */
export const HASH_BASE = 0x01000193;
/** Slots per word: a sparse table keeps most misses (the usual case) at one probe. */
const SPREAD = 4;
const UPPER_A = 65; // 'A'
const UPPER_Z = 90; // 'Z'
const CASE_BIT = 0x20;

/**
 * Builds the table once for a list of lower-case words (duplicates are kept once).
 *
 * @example
 * const table = createWordTable(['street', 'ave'])
 * table.find('12 Main STREET', 8, 14) // 0
 * table.find('12 Main Road', 8, 12)   // -1
 */
export function createWordTable(list: Iterable<string>): WordTable {
  const words: string[] = [];
  const index = new Map<string, number>();
  for (const word of list) {
    if (!index.has(word)) {
      index.set(word, words.length);
      words.push(word);
    }
  }
  let size = 1;
  while (size < words.length * SPREAD) size *= 2;
  const mask = size - 1;
  /** Slot → word index + 1 (0: empty). */
  const slots = new Int32Array(size);
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    let slot = hashRange(word, 0, word.length) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = k + 1;
  }
  const findHashed = (hash: number, text: string, start: number, end: number): number => {
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[slot];
      if (entry === 0) return -1;
      const word = words[entry - 1];
      if (word.length === length && sameFolded(text, start, word)) return entry - 1;
    }
  };
  return {
    words,
    findHashed,
    find(text, start, end) {
      for (let at = start; at < end; at++) if (text.charCodeAt(at) >= 128) return index.get(text.slice(start, end).toLowerCase()) ?? -1;
      return findHashed(hashRange(text, start, end), text, start, end);
    },
  };
}

/** The code unit at `at` with ASCII upper case folded to lower case. */
export function foldedCodeAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= UPPER_A && code <= UPPER_Z ? code | CASE_BIT : code;
}

/** The positional hash of the range, ASCII upper case folded (keys are lower case already). */
function hashRange(text: string, start: number, end: number): number {
  let hash = 0;
  for (let at = start; at < end; at++) hash = (Math.imul(hash, HASH_BASE) + foldedCodeAt(text, at)) | 0;
  return hash;
}

function sameFolded(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let code = text.charCodeAt(start + k);
    if (code >= UPPER_A && code <= UPPER_Z) code |= CASE_BIT;
    if (code !== word.charCodeAt(k)) return false;
  }
  return true;
}
