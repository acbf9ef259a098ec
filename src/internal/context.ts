/**
 * Context words: many identifiers are only digits of a common length (a 9-digit SIN, TFN or
 * routing number), so their detectors report a candidate only when a word that names it
 * ("SIN", "routing", "passport") stands shortly before. Reading only text before the candidate
 * keeps streaming simple: the context is decided when the candidate starts.
 */

/** True for an ASCII letter or digit (a context word must not continue one: `business` ∌ `sin`). */
const isAlnum = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 25;

/**
 * True when one of `words` (lower case, ASCII) occurs as a whole word within the `window` code
 * units before `start`. Matching ignores ASCII case. Reads at most `window + 1` code units
 * before `start` and allocates one string of `window` units.
 *
 * @example
 * hasContextBefore('my SIN: 046 454 286', 8, 20, ['sin']) // true
 * hasContextBefore('business 046 454 286', 9, 20, ['sin']) // false
 */
export function hasContextBefore(text: string, start: number, window: number, words: readonly string[]): boolean {
  const low = Math.max(0, start - window);
  const head = text.slice(low, start).toLowerCase();
  for (let k = 0; k < words.length; k++) {
    const word = words[k];
    for (let at = head.indexOf(word); at >= 0; at = head.indexOf(word, at + 1)) {
      const before = at > 0 ? head.charCodeAt(at - 1) : low > 0 ? text.charCodeAt(low - 1) | 0x20 : 32;
      const afterIndex = at + word.length;
      const after = afterIndex < head.length ? head.charCodeAt(afterIndex) : 32;
      if (!isAlnum(before) && !isAlnum(after)) return true;
    }
  }
  return false;
}
