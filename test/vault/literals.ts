import type { Detector } from '../../src/index.js';

const isNameCode = (code: number): boolean =>
  ((code | 0x20) - 97) >>> 0 <= 25 || (code - 48) >>> 0 <= 9 || code === 95;

/**
 * A test detector of fixed literals of one type, found only as whole words (not next to an ASCII
 * letter, digit or '_'), honouring the streaming contract: it stands in for detectors that land
 * in parallel (phone, card, ...) so surrogate round trips can be tested on every type.
 */
export function wordLiterals(type: string, literals: readonly string[]): Detector {
  const maxLength = Math.max(...literals.map((literal) => literal.length));
  return {
    name: `literal-${type}`,
    type,
    maxLength,
    lookbehind: 1,
    find(scan, out) {
      const { text, from } = scan;
      for (const literal of literals) {
        for (let at = text.indexOf(literal, from); at >= 0; at = text.indexOf(literal, at + 1)) {
          const end = at + literal.length;
          if (at > 0 && isNameCode(text.charCodeAt(at - 1))) continue;
          if (end < text.length && isNameCode(text.charCodeAt(end))) continue;
          out.push({ type, start: at, end, score: 0.9, detector: `literal-${type}` });
        }
      }
    },
    pending(text, from) {
      // A tail that is a prefix of a literal (or a whole literal, whose end boundary is unknown).
      for (let at = Math.max(from, text.length - maxLength); at < text.length; at++) {
        const tail = text.slice(at);
        if (literals.some((literal) => literal.startsWith(tail))) return at;
      }
      return text.length;
    },
  };
}
