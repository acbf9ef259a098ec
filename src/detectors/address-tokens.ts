import { isWordCodeAt } from '../scanner/char-class.js';

/**
 * The lazy tokeniser of the STREET_ADDRESS detector (internal). It reads one token at a time from
 * a position, inside a bounded window `[lo, end)` around one anchor, and records whether it had to
 * look at the end of the text: that is what makes a match "open" for streaming (more text could
 * change it). No token is longer than MAX_WORD code units, so every read is bounded.
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

/** Longest word taken as a word; longer runs of letters are OTHER. */
const MAX_WORD = 40;
/** Longest digit run taken as a number (house numbers have at most 6 digits). */
const MAX_DIGITS = 6;

const DOT = 46;
const COMMA_CODE = 44;
const HASH_CODE = 35;
const OPEN_CODE = 40;
const CLOSE_CODE = 41;
const SLASH = 47;
const HYPHEN = 45;
const COLON = 58;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const NEWLINE = 10;

export interface Token {
  kind: number;
  start: number;
  /** End of the token itself (a '.' after a word is not part of it). */
  end: number;
  /** Where the next token is read from (after a '.' that follows the token). */
  next: number;
  /** Lower-case text of WORD, ALNUM, ORD and IDENT tokens; '' otherwise. */
  word: string;
  /** WORD case: 0 lower case, 1 capitalised, 2 all capitals (two letters or more). */
  cap: number;
  /** A '.' follows directly ("St.", "P.O."). */
  dot: boolean;
}

/** The text window one anchor may read, and whether a read reached the end of the text. */
export interface Window {
  readonly text: string;
  /** Nothing before `lo` is read (the detector's lookbehind). */
  readonly lo: number;
  /** Reads stop here: the end of the text or the anchor's forward limit. */
  readonly end: number;
  /** True when a read needed the character at `end` (set by `codeIn`). */
  touched: boolean;
}

const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
const isAsciiLetter = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;
const isHighSurrogate = (code: number): boolean => (code & 0xfc00) === 0xd800;

/** True for a letter of any script (not a digit). */
export function isLetterAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return isAsciiLetter(code);
  return isWordCodeAt(text, index) && !(code >= 0xff10 && code <= 0xff19);
}

/** Blanks between the words of one address line (a line break is counted apart). */
export function isBlank(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === 0xa0 || code === 0x202f || code === 0x3000 || (code >= 0x2000 && code <= 0x200a);
}

/**
 * The code unit at `index`, or -1 at or past the window's end, and then the read is recorded in
 * `win.touched`. Every forward read of the tokeniser and the parser goes through here (or through
 * `letterIn`), so any answer that depended on the absence of a character ("d" stops before the
 * apostrophe of a trailing "d'" because no letter follows it yet) marks the match open: a
 * streaming caller then holds it until the character arrives. A hand-written `index < end` test
 * would skip that record, so none is written outside this function.
 */
export function codeIn(win: Window, index: number): number {
  if (index >= win.end) {
    win.touched = true;
    return -1;
  }
  return win.text.charCodeAt(index);
}

/**
 * `isLetterAt` through `codeIn`. The high half of a surrogate pair whose low half lies past the
 * end also counts as a read of the end: the pair may be a letter once it is whole.
 */
function letterIn(win: Window, index: number): boolean {
  const code = codeIn(win, index);
  if (code < 0) return false;
  if (code < 128) return isAsciiLetter(code);
  if (isHighSurrogate(code)) codeIn(win, index + 1);
  return isLetterAt(win.text, index);
}

/**
 * Reads the token at or after `pos` (skipping blanks and one line break; a blank line ends the
 * address, reported as END).
 */
export function readToken(win: Window, pos: number): Token {
  let index = pos;
  let newlines = 0;
  for (;;) {
    const code = codeIn(win, index);
    if (code < 0) return token(END, win.end, win.end, '', 0);
    if (isBlank(code)) index++;
    else if (code === NEWLINE) {
      if (++newlines > 1) return token(END, index, index, '', 0);
      index++;
    } else break;
  }
  const start = index;
  const code = win.text.charCodeAt(index);
  if (isDigit(code)) return readNumber(win, start);
  if (code < 128 ? isAsciiLetter(code) : letterIn(win, index)) return readWord(win, start);
  const kind = code === COMMA_CODE ? COMMA : code === HASH_CODE ? HASH : code === OPEN_CODE ? OPEN : code === CLOSE_CODE ? CLOSE : OTHER;
  return token(kind, start, start + 1, '', 0);
}

function readWord(win: Window, start: number): Token {
  const { text } = win;
  let index = start;
  let upper = 0;
  let letters = 0;
  let hasDigit = false;
  while (index - start <= MAX_WORD) {
    const code = codeIn(win, index);
    if (code < 0) break;
    if (code < 128 ? isAsciiLetter(code) : letterIn(win, index)) {
      letters++;
      if (code < 128 ? code < 97 : text[index] !== text[index].toLowerCase()) upper++;
      index++;
    } else if (isDigit(code)) {
      hasDigit = true;
      index++;
    } else if ((code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN) && letterIn(win, index + 1)) {
      index++;
    } else break;
  }
  if (index - start > MAX_WORD) {
    while (letterIn(win, index)) index++;
    return token(OTHER, start, index, '', 0);
  }
  const first = text.charCodeAt(start);
  const firstUpper = first < 128 ? first < 97 : text[start] !== text[start].toLowerCase();
  const cap = firstUpper ? (upper === letters && letters > 1 ? 2 : 1) : 0;
  const result = token(hasDigit ? IDENT : WORD, start, index, text.slice(start, index).toLowerCase(), cap);
  return withDot(win, result);
}

function readNumber(win: Window, start: number): Token {
  const { text } = win;
  let index = start;
  while (isDigit(codeIn(win, index))) index++;
  if (index - start > MAX_DIGITS) return skipRun(win, start, index);
  const code = codeIn(win, index);
  if (code < 0) return token(NUM, start, index, text.slice(start, index), 0);
  if (isAsciiLetter(code)) {
    let letterEnd = index;
    while (letterEnd - index < 4 && isAsciiLetter(codeIn(win, letterEnd))) letterEnd++;
    if (letterIn(win, letterEnd) || isDigit(codeIn(win, letterEnd))) return skipRun(win, start, letterEnd);
    const suffix = text.slice(index, letterEnd).toLowerCase();
    const kind = letterEnd - index === 1 ? ALNUM : suffix === 'st' || suffix === 'nd' || suffix === 'rd' || suffix === 'th' ? ORD : OTHER;
    return withDot(win, token(kind, start, letterEnd, text.slice(start, letterEnd).toLowerCase(), 0));
  }
  if ((code === SLASH || code === HYPHEN) && isDigit(codeIn(win, index + 1))) {
    let second = index + 1;
    while (isDigit(codeIn(win, second))) second++;
    if (second - index - 1 > MAX_DIGITS) return skipRun(win, start, second);
    if (isAsciiLetter(codeIn(win, second)) && !letterIn(win, second + 1)) second++;
    if (letterIn(win, second) || isDigit(codeIn(win, second))) return skipRun(win, start, second);
    const next = codeIn(win, second);
    if ((next === SLASH || next === HYPHEN) && isDigit(codeIn(win, second + 1))) return skipRun(win, start, second);
    return token(code === SLASH ? SLASHNUM : DASHNUM, start, second, text.slice(start, second).toLowerCase(), 0);
  }
  if ((code === DOT || code === COMMA_CODE || code === COLON) && isDigit(codeIn(win, index + 1))) return skipRun(win, start, index + 1);
  if (code === COLON) return token(OTHER, start, index, '', 0);
  if (letterIn(win, index)) return skipRun(win, start, index);
  return withDot(win, token(NUM, start, index, text.slice(start, index), 0));
}

/** An OTHER token over a run that is not a number we use (decimals, times, long digit runs). */
function skipRun(win: Window, start: number, from: number): Token {
  let index = from;
  while (index < start + 64) {
    const code = codeIn(win, index);
    if (code < 0 || isBlank(code) || code === NEWLINE) break;
    index++;
  }
  return token(OTHER, start, index, '', 0);
}

function withDot(win: Window, result: Token): Token {
  if (codeIn(win, result.end) === DOT) {
    result.dot = true;
    result.next = result.end + 1;
  }
  return result;
}

function token(kind: number, start: number, end: number, word: string, cap: number): Token {
  return { kind, start, end, next: end, word, cap, dot: false };
}

/** The word ending right before `pos` (blanks, one '.' allowed between), or undefined. */
export function wordBefore(win: Window, pos: number): { start: number; end: number; word: string; cap: number; dot: boolean } | undefined {
  const { text, lo } = win;
  let index = pos;
  while (index > lo && isBlank(text.charCodeAt(index - 1))) index--;
  let dot = false;
  if (index > lo && text.charCodeAt(index - 1) === DOT) {
    dot = true;
    index--;
  }
  const end = index;
  while (index > lo && end - index <= MAX_WORD) {
    const code = text.charCodeAt(index - 1);
    if (isLetterAt(text, index - 1)) index--;
    else if ((code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN) && index - 2 >= lo && isLetterAt(text, index - 2) && index < end) index--;
    else break;
  }
  if (index === end || end - index > MAX_WORD) return undefined;
  // The low surrogate of a letter outside the BMP: step back onto its high surrogate.
  if (index > lo && text.charCodeAt(index) >= 0xdc00 && text.charCodeAt(index) <= 0xdfff) index--;
  if (index > lo && (isDigit(text.charCodeAt(index - 1)) || isLetterAt(text, index - 1))) return undefined;
  const first = text.charCodeAt(index);
  const word = text.slice(index, end);
  let upper = 0;
  for (let k = 0; k < word.length; k++) if (word[k] !== word[k].toLowerCase()) upper++;
  const firstUpper = first < 128 ? first >= 65 && first <= 90 : word[0] !== word[0].toLowerCase();
  return { start: index, end, word: word.toLowerCase(), cap: firstUpper ? (upper === word.length && word.length > 1 ? 2 : 1) : 0, dot };
}
