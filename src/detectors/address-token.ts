import { addressLexicon } from './address-lexicon.js';

/**
 * Token kinds and the token object of the STREET_ADDRESS tokeniser (internal; the tokeniser is
 * address-tokens.ts).
 */

export const END = 0;
export const WORD = 1;
/** 1 to 6 digits: a house number, a ZIP, a unit id. */
export const NUM = 2;
/** Digits and one letter: "221B", "12a". */
export const ALNUM = 3;
/** Digits and an English ordinal ending: "79th", "3rd". */
export const ORD = 4;
/** Australian/Canadian unit/number: "3/14", "4-123", "11-59". */
export const SLASHNUM = 5;
export const DASHNUM = 6;
export const COMMA = 7;
export const HASH = 8;
export const OPEN = 9;
export const CLOSE = 10;
/** Letters then digits: "A12", "B2" (unit ids). */
export const IDENT = 11;
export const OTHER = 12;

const CASE_BIT = 0x20;

/**
 * One token. Its lower-case text (`word`) is made only when asked for: a word the lexicon knows
 * carries the lexicon's own string (`id`), any other ASCII one is sliced on first use, and one
 * with a non-ASCII code unit is lower-cased when made (`toLowerCase` may change its length).
 * Most words next to a number are decided by their lexicon bits alone and never sliced.
 *
 * @example
 * const token = new Token(WORD, 3, 9, 1, -1, 'at Elmore', undefined)
 * token.word // 'elmore'
 */
export class Token {
  /** Where the next token is read from (after a '.' that follows the token). */
  next: number;
  /** A '.' follows directly ("St.", "P.O."). */
  dot = false;
  /** Lexicon bits of a WORD (0 for an unknown word and for every other kind). */
  readonly flags: number;

  constructor(
    readonly kind: number,
    readonly start: number,
    /** End of the token itself (a '.' after a word is not part of it). */
    readonly end: number,
    /** WORD case: 0 lower case, 1 capitalised, 2 all capitals (two letters or more). */
    readonly cap: number,
    /** Index of a WORD in the lexicon's word table, or -1. */
    readonly id: number,
    private readonly text: string,
    /** The lower-case text when already known (kinds without text: ''); else made on demand. */
    private lower: string | undefined,
  ) {
    this.next = end;
    this.flags = id < 0 ? 0 : addressLexicon().flags[id];
  }

  /** Lower-case text of WORD, NUM, ALNUM, ORD, IDENT, SLASHNUM and DASHNUM tokens; '' otherwise. */
  get word(): string {
    this.lower ??= this.id >= 0 ? addressLexicon().table.words[this.id] : this.text.slice(this.start, this.end).toLowerCase();
    return this.lower;
  }

  /** True for a WORD equal to `word`, which must be one of the lexicon's words (its KEYWORDS). */
  is(word: string): boolean {
    return this.id >= 0 && this.word === word;
  }

  /** Length of `word` (an ASCII text keeps its length when lower-cased). */
  get length(): number {
    return this.lower === undefined ? this.end - this.start : this.lower.length;
  }

  /** `word.endsWith(suffix)` for a lower-case `suffix`, compared on the text when it is ASCII. */
  endsWith(suffix: string): boolean {
    if (this.lower !== undefined || this.id >= 0) return this.word.endsWith(suffix);
    return endsWithFolded(this.text, this.start, this.end, suffix);
  }
}

/**
 * A token of `text`; a WORD or IDENT with a non-ASCII code unit gets its lower-case text now.
 *
 * @example
 * makeToken('12 Main', WORD, 3, 7, 1, -1, true).word // 'main'
 */
export function makeToken(text: string, kind: number, start: number, end: number, cap: number, id: number, ascii: boolean): Token {
  return new Token(kind, start, end, cap, id, text, hasText(kind) ? (ascii ? undefined : text.slice(start, end).toLowerCase()) : '');
}

/** Kinds whose `word` is their text: WORD, NUM, ALNUM, ORD, SLASHNUM, DASHNUM, IDENT. */
function hasText(kind: number): boolean {
  return kind === WORD || (kind >= NUM && kind <= DASHNUM) || kind === IDENT;
}

/**
 * `text.slice(start, end).toLowerCase().endsWith(suffix)` for an ASCII range and a lower-case `suffix`.
 *
 * @example
 * endsWithFolded('Hauptstrasse', 0, 12, 'strasse') // true
 */
export function endsWithFolded(text: string, start: number, end: number, suffix: string): boolean {
  const offset = end - suffix.length;
  if (offset < start) return false;
  for (let k = 0; k < suffix.length; k++) {
    let code = text.charCodeAt(offset + k);
    if ((code - 65) >>> 0 <= 25) code |= CASE_BIT;
    if (code !== suffix.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Length of `text.slice(start, end).toLowerCase()`, sliced only when the range holds a non-ASCII
 * code unit (`toLowerCase` keeps an ASCII text's length).
 *
 * @example
 * foldedLength('Straße', 0, 6) // 6
 */
export function foldedLength(text: string, start: number, end: number): number {
  return isAsciiRange(text, start, end) ? end - start : text.slice(start, end).toLowerCase().length;
}

/**
 * `text.slice(start, end).toLowerCase().endsWith(suffix)`, sliced only when non-ASCII.
 *
 * @example
 * foldedEndsWith('BERLINER', 0, 8, 'er') // true
 */
export function foldedEndsWith(text: string, start: number, end: number, suffix: string): boolean {
  return isAsciiRange(text, start, end) ? endsWithFolded(text, start, end, suffix) : text.slice(start, end).toLowerCase().endsWith(suffix);
}

/**
 * `target.startsWith(text.slice(start, end).toLowerCase())`: the word is the start of `target`.
 *
 * @example
 * foldedIsPrefixOf('P.O. Bo', 5, 7, 'box') // true
 */
export function foldedIsPrefixOf(text: string, start: number, end: number, target: string): boolean {
  if (!isAsciiRange(text, start, end)) return target.startsWith(text.slice(start, end).toLowerCase());
  if (end - start > target.length) return false;
  for (let k = 0; k < end - start; k++) {
    let code = text.charCodeAt(start + k);
    if ((code - 65) >>> 0 <= 25) code |= CASE_BIT;
    if (code !== target.charCodeAt(k)) return false;
  }
  return true;
}

function isAsciiRange(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (text.charCodeAt(at) >= 128) return false;
  return true;
}
