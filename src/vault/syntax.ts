/**
 * The token syntax shared by `tokenize` (which writes tokens), `vault.restore` (which reads them
 * back, tolerating what models do to them) and the vault guard (which finds token-like text in
 * the input so it cannot be forged). Keeping all three here is what makes
 * `restore(redact(x)) === x` hold: the guard flags a superset of what restore can replace.
 *
 * Canonical form: `[` PREFIX `_` N `]`, e.g. `[EMAIL_1]`, `[US_SSN_12]`.
 * - PREFIX is the entity type upper-cased, other characters folded to `_` (`tokenPrefix`).
 * - N counts from 1 per prefix, decimal without leading zeros.
 * Why this shape: models copy bracketed ALL-CAPS placeholders verbatim (they read as template
 * slots), the type stays visible so the model can still reason ("send it to [EMAIL_1]"), and it
 * uses no character Markdown or HTML rendering eats (`<…>`, `*…*`, `{{…}}`).
 */

/** Longest PREFIX of a token name, in code units. */
export const MAX_PREFIX = 40;
/** Most digits of N (counters stay below 10^9). */
export const MAX_COUNTER_DIGITS = 9;
/** Longest token name `PREFIX_N`. */
export const MAX_NAME = MAX_PREFIX + 1 + MAX_COUNTER_DIGITS;
/** Spaces or tabs tolerated between a bracket and the name: `[ EMAIL_1 ]`. */
export const MAX_INNER_SPACES = 2;
/** Longest text `restore` reads as one token. */
export const MAX_TOKEN_TEXT = MAX_NAME + 2 + 2 * MAX_INNER_SPACES;

/** A matcher ran into the end of text that is not final: it needs more text to decide. */
export const NEED_MORE = -1;
/** No match at this position. */
export const NO_MATCH = -2;

const OPEN = 91; // '['
const CLOSE = 93; // ']'
const UNDERSCORE = 95; // '_'
const SPACE = 32; // ' '
const TAB = 9; // '\t'

/** ASCII letter, digit or underscore: what a token name (and a word around it) is made of. */
export const isNameCode = (code: number): boolean =>
  ((code | 0x20) - 97) >>> 0 <= 25 || (code - 48) >>> 0 <= 9 || code === UNDERSCORE;

const isLetter = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;
const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;

/**
 * The PREFIX of tokens for an entity type: `EMAIL` → `EMAIL`, `my-type` → `MY_TYPE`,
 * `2fa` → `X2FA`. Always matches `[A-Z][A-Z0-9_]*` without a trailing `_`.
 */
export function tokenPrefix(type: string): string {
  let prefix = '';
  let gap = false;
  for (let index = 0; index < type.length && prefix.length < MAX_PREFIX; index++) {
    const code = type.charCodeAt(index);
    if (isLetter(code) || isDigit(code)) {
      if (gap && prefix.length > 0) prefix += '_';
      gap = false;
      prefix += String.fromCharCode(isLetter(code) ? code & ~0x20 : code);
    } else gap = true;
  }
  if (prefix.length === 0 || isDigit(prefix.charCodeAt(0))) prefix = `X${prefix}`;
  prefix = prefix.slice(0, MAX_PREFIX);
  while (prefix.charCodeAt(prefix.length - 1) === UNDERSCORE) prefix = prefix.slice(0, -1);
  return prefix;
}

/**
 * True when `text[start, end)` has the shape of a token name: a letter, name characters, then
 * `_` and N (1 to 9 digits, no leading zero).
 */
export function isNameShape(text: string, start: number, end: number): boolean {
  if (end - start < 3 || end - start > MAX_NAME || !isLetter(text.charCodeAt(start))) return false;
  let digits = end;
  while (digits > start && isDigit(text.charCodeAt(digits - 1))) digits--;
  const count = end - digits;
  return count >= 1 && count <= MAX_COUNTER_DIGITS && text.charCodeAt(digits) !== 48 && text.charCodeAt(digits - 1) === UNDERSCORE && digits - 1 > start;
}

/** Result slots of `matchToken`, reused to allocate nothing per position. */
export interface TokenMatch {
  /** End of the replaced text (after `]` in the bracket form). */
  end: number;
  nameStart: number;
  nameEnd: number;
}

/**
 * Recognizes a token starting at `at` as `restore` tolerates it:
 * - bracket form `[NAME]`, with up to two spaces or tabs inside each bracket: the brackets are
 *   replaced too;
 * - bare form `NAME` as a whole word (not preceded or followed by a letter, digit or `_`):
 *   what remains when a model drops the brackets, or wraps the name in quotes or backticks,
 *   which are kept.
 * The name is looked up without regard to ASCII case by the caller. Reads `text[at - 1]` and at
 * most MAX_TOKEN_TEXT + 1 code units from `at`.
 *
 * @returns the match end (and fills `match`), NO_MATCH, or NEED_MORE when `final` is false and
 * the text ends before the answer is known.
 */
export function matchToken(text: string, at: number, final: boolean, match: TokenMatch): number {
  const length = text.length;
  const code = text.charCodeAt(at);
  if (code === OPEN) {
    let index = at + 1;
    const spacesEnd = Math.min(length, index + MAX_INNER_SPACES);
    while (index < spacesEnd && isInnerSpace(text.charCodeAt(index))) index++;
    if (index === length) return final ? NO_MATCH : NEED_MORE;
    if (!isLetter(text.charCodeAt(index))) return NO_MATCH;
    const nameStart = index;
    const nameLimit = Math.min(length, nameStart + MAX_NAME + 1);
    while (index < nameLimit && isNameCode(text.charCodeAt(index))) index++;
    if (index - nameStart > MAX_NAME) return NO_MATCH;
    if (index === length) return final ? NO_MATCH : NEED_MORE;
    const nameEnd = index;
    if (!isNameShape(text, nameStart, nameEnd)) return NO_MATCH;
    const closeLimit = Math.min(length, index + MAX_INNER_SPACES);
    while (index < closeLimit && isInnerSpace(text.charCodeAt(index))) index++;
    if (index === length) return final ? NO_MATCH : NEED_MORE;
    if (text.charCodeAt(index) !== CLOSE) return NO_MATCH;
    match.end = index + 1;
    match.nameStart = nameStart;
    match.nameEnd = nameEnd;
    return match.end;
  }
  if (!isLetter(code) || (at > 0 && isNameCode(text.charCodeAt(at - 1)))) return NO_MATCH;
  let index = at + 1;
  const limit = Math.min(length, at + MAX_NAME + 1);
  while (index < limit && isNameCode(text.charCodeAt(index))) index++;
  // A word reaching the end of unfinished text may still grow into (or out of) a token.
  if (index === length && !final) return NEED_MORE;
  if (index === limit && index < length && isNameCode(text.charCodeAt(index))) return NO_MATCH; // longer than any name
  if (!isNameShape(text, at, index)) return NO_MATCH;
  match.end = index;
  match.nameStart = at;
  match.nameEnd = index;
  return index;
}

const isInnerSpace = (code: number): boolean => code === SPACE || code === TAB;

/** `name` upper-cased in ASCII only (token names are ASCII by construction). */
export function upperName(text: string, start: number, end: number): string {
  const name = text.slice(start, end);
  for (let index = 0; index < name.length; index++) {
    if ((name.charCodeAt(index) - 97) >>> 0 <= 25) return name.toUpperCase();
  }
  return name;
}
