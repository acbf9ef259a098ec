/**
 * ASCII character classes as bit flags in one 128-entry table, so the scanner's inner loop is a
 * single indexed load per character (the layout fb55/entities uses for its decode tables).
 */

export const DIGIT = 1;
export const UPPER = 2;
export const LOWER = 4;
export const HEX = 8;
/** Characters that may appear in the local part of an email address (RFC 5322 atext, plus '.'). */
export const EMAIL_LOCAL = 16;
export const SPACE = 32;
/** Characters the scanner records positions of: '@' and ':'. */
export const MARK = 64;
/** Characters that may continue a word token: letters, digits. */
export const WORD = 128;

export const LETTER = UPPER | LOWER;

const build = (): Uint8Array => {
  const table = new Uint8Array(128);
  for (let c = 48; c <= 57; c++) table[c] = DIGIT | HEX | EMAIL_LOCAL | WORD;
  for (let c = 65; c <= 90; c++) table[c] = UPPER | EMAIL_LOCAL | WORD | (c <= 70 ? HEX : 0);
  for (let c = 97; c <= 122; c++) table[c] = LOWER | EMAIL_LOCAL | WORD | (c <= 102 ? HEX : 0);
  // RFC 5322 atext minus '=', '/', '|', '`', '{', '}': legal but in chat and logs they separate
  // a key or path from the address (`email=jane@x.com`, `users/jane@x.com`) far more often than
  // they sit inside one.
  for (const ch of "!#$%&'*+-?^_~.") table[ch.charCodeAt(0)] |= EMAIL_LOCAL;
  for (const c of [9, 10, 11, 12, 13, 32]) table[c] |= SPACE;
  table[64] |= MARK; // '@'
  table[58] |= MARK; // ':'
  return table;
};

/** Class bits for each ASCII code unit. */
export const ASCII_CLASS: Uint8Array = /* #__PURE__ */ build();

/**
 * True for '0'..'9'. False for NaN, what `charCodeAt` returns past the end of the text: a
 * read one unit too far then ends a run instead of extending it.
 */
export const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/** True for ASCII letters. */
export const isAsciiLetter = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;

/** True for ASCII whitespace and the Unicode spaces chat text carries (NBSP, narrow NBSP, ideographic). */
export const isSpace = (code: number): boolean =>
  code < 128 ? (ASCII_CLASS[code] & SPACE) !== 0 : code === 0xa0 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029;

const LETTER_OR_NUMBER = /[\p{L}\p{N}\p{M}]/uy;

/**
 * True when the code unit at `index` belongs to a letter, digit or mark (any script): the second
 * half of a surrogate pair answers for the pair, a lone half of one is no letter.
 *
 * @example
 * isWordCodeAt('a𝒜', 2) // true: the low half of U+1D49C, a letter
 * isWordCodeAt('a\udc00', 1) // false: a lone low surrogate
 */
export const isWordCodeAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  if (code < 128) return (ASCII_CLASS[code] & WORD) !== 0;
  if (code >= 0xdc00 && code <= 0xdfff) {
    // Only the unit just before can start the pair. Following any low surrogate back instead
    // made a run of lone ones take the class of whatever preceded the run, which a stream with
    // 2 units of context could not see (its findings differed from one-shot ones), and it
    // recursed once per unit (20,000 of them overflowed the stack).
    const high = index > 0 ? text.charCodeAt(index - 1) : 0;
    if (high < 0xd800 || high > 0xdbff) return false;
    LETTER_OR_NUMBER.lastIndex = index - 1;
    return LETTER_OR_NUMBER.test(text);
  }
  LETTER_OR_NUMBER.lastIndex = index;
  return LETTER_OR_NUMBER.test(text);
};
