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
  /**
   * `find` for a range of one to PACKED_LETTERS ASCII letters given as its key (`packLow`,
   * `packHigh`): one multiply and a load, no code unit compared.
   */
  findPacked(low: number, high: number): number;
}

/** Most letters a packed key holds: five bits each, six in each of two 30-bit halves. */
export const PACKED_LETTERS = 12;
/** Letters in each half of a packed key. */
export const HALF_LETTERS = 6;

/**
 * The key of a run of ASCII letters, extended by one letter on the right: the run's last six
 * letters in `low`, the six before in `high`, five bits each, 1 for 'a' or 'A' up to 26 for 'z'
 * or 'Z' (case folds for free; no letter is 0, so words of different lengths differ). A forward
 * walk shifts the pair (`packHigh` with the old `low`, then `packLow`); a backward walk ORs the
 * n-th letter from the end in at `5 * n` (in `low` for n < 6, then in `high`): the same key.
 *
 * @example
 * packLow(packLow(0, 65), 98) === packLow(packLow(0, 97), 66) // true ("Ab", "aB")
 */
export function packLow(low: number, code: number): number {
  return ((low << 5) | (code & 31)) & LOW_MASK;
}

/**
 * The `high` half of a packed key as `packLow` extends it: call it first, with the old `low`.
 *
 * @example
 * packHigh(0, packLow(0, 97)) // 0 (a word of one letter has no high half)
 */
export function packHigh(high: number, low: number): number {
  return (high << 5) | (low >>> 25);
}

const LOW_MASK = 0x3fffffff;

/**
 * Multiplier of the positional hash `sum(code[k] * BASE^(n-1-k)) mod 2^32` over the folded codes.
 * Forwards it is `hash * BASE + code`; backwards `hash + code * power`, `power *= BASE`, so a
 * backward walk over a word hashes it on the way, with no second pass.
 */
export const HASH_BASE = 0x01000193;
/** Slots per word: a sparse table keeps most misses (the usual case) at one probe. */
const SPREAD = 4;
/** 2^32 / golden ratio, the multiplier of Fibonacci hashing. */
const FIBONACCI = 0x9e3779b1 | 0;
/** Spreads the high half before it joins the low one (MurmurHash3's first constant). */
const HIGH_MIX = 0x85ebca6b | 0;
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
  // Words of one to PACKED_LETTERS letters a-z by key: Fibonacci hashing (Knuth, TAOCP vol. 3,
  // 6.4) on a table of 8 slots per word, so a lookup is mostly one load and one compare.
  let packedSize = 1;
  while (packedSize < words.length * 8) packedSize *= 2;
  const packedShift = 32 - Math.log2(packedSize);
  const packedMask = packedSize - 1;
  /** Slot → key halves (low 0: empty) and the word index of that key. */
  const packedLow = new Int32Array(packedSize);
  const packedHigh = new Int32Array(packedSize);
  const packedIds = new Int32Array(packedSize);
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    if (word.length > PACKED_LETTERS || !isLowerLetters(word)) continue;
    let low = 0;
    let high = 0;
    for (let at = 0; at < word.length; at++) {
      high = packHigh(high, low);
      low = packLow(low, word.charCodeAt(at));
    }
    let slot = packedSlot(low, high, packedShift);
    while (packedLow[slot] !== 0) slot = (slot + 1) & packedMask;
    packedLow[slot] = low;
    packedHigh[slot] = high;
    packedIds[slot] = k;
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
    findPacked(low, high) {
      for (let slot = packedSlot(low, high, packedShift); ; slot = (slot + 1) & packedMask) {
        const entry = packedLow[slot];
        if (entry === low && packedHigh[slot] === high) return packedIds[slot];
        if (entry === 0) return -1;
      }
    },
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

/** Slot of a packed key in a table of 2^(32 - shift) slots. */
function packedSlot(low: number, high: number, shift: number): number {
  return Math.imul(low ^ Math.imul(high, HIGH_MIX), FIBONACCI) >>> shift;
}

/** Every code unit of `word` is one of 'a'..'z'. */
function isLowerLetters(word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((word.charCodeAt(k) - 97) >>> 0 > 25) return false;
  return true;
}

function sameFolded(text: string, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    let code = text.charCodeAt(start + k);
    if (code >= UPPER_A && code <= UPPER_Z) code |= CASE_BIT;
    if (code !== word.charCodeAt(k)) return false;
  }
  return true;
}
