import { isDigit, isWordCodeAt } from '../scanner/char-class.js';
import { addressLexicon } from './address-lexicon.js';
import { ALNUM, CLOSE, COMMA, DASHNUM, END, HASH, IDENT, NUM, OPEN, ORD, OTHER, SLASHNUM, type Token, WORD, makeToken } from './address-token.js';
import { HASH_BASE } from './address-word-table.js';

export { ALNUM, CLOSE, COMMA, DASHNUM, END, HASH, IDENT, NUM, OPEN, ORD, OTHER, SLASHNUM, Token, WORD } from './address-token.js';

/**
 * The lazy tokeniser of the STREET_ADDRESS detector (internal). It reads one token at a time from
 * a position, inside a bounded window `[lo, end)` around one anchor, and records whether it had to
 * look at the end of the text: that is what makes a match "open" for streaming (more text could
 * change it). No token is longer than MAX_WORD code units, so every read is bounded.
 *
 * Each read fills a `TokenScan` (plain numbers, no allocation, the word hashed on the way for the
 * lexicon); `readToken` and `wordBefore` turn it into a `Token` for the parser, while the quick
 * screen (address-screen.ts) reads the `TokenScan` directly.
 */

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
const CASE_BIT = 0x20;

/** One token as plain fields, overwritten by every scan into it. */
export interface TokenScan {
  kind: number;
  start: number;
  end: number;
  next: number;
  cap: number;
  dot: boolean;
  /** Index of a WORD in the lexicon's word table, or -1. */
  id: number;
  /** Lexicon bits of a WORD (0 otherwise). */
  flags: number;
  /** No code unit of the token is above 0x7f. */
  ascii: boolean;
}

/**
 * An empty `TokenScan` to read into.
 *
 * @example
 * const scan = createTokenScan()
 * scanToken({ text: '12 Main St', lo: 0, end: 10, touched: false, stream: false }, 2, scan)
 * scan.kind === WORD // true ("Main", from 3 to 7)
 */
export function createTokenScan(): TokenScan {
  return { kind: END, start: 0, end: 0, next: 0, cap: 0, dot: false, id: -1, flags: 0, ascii: true };
}

/** The text window one anchor may read, and whether a read reached the end of the text. */
export interface Window {
  text: string;
  /** Nothing before `lo` is read (the detector's lookbehind). */
  lo: number;
  /** Reads stop here: the end of the text or the anchor's forward limit. */
  end: number;
  /** True when a read needed the character at `end` (set by `codeIn`). */
  touched: boolean;
  /**
   * True when the caller reads `touched` (a stream's `pending`). Otherwise reads made only to
   * record that the end was reached (a phrase's look-ahead past a word no phrase starts with)
   * are skipped: they cannot change a match.
   */
  stream: boolean;
}

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
  scanToken(win, pos, scratch);
  return toToken(win.text, scratch);
}

/** `readToken` into `out`, without allocating. */
export function scanToken(win: Window, pos: number, out: TokenScan): void {
  let index = pos;
  let newlines = 0;
  for (;;) {
    const code = codeIn(win, index);
    if (code < 0) return set(out, END, win.end, win.end);
    if (isBlank(code)) index++;
    else if (code === NEWLINE) {
      if (++newlines > 1) return set(out, END, index, index);
      index++;
    } else break;
  }
  const start = index;
  const code = win.text.charCodeAt(index);
  if (isDigit(code)) return scanNumber(win, start, out);
  if (code < 128 ? isAsciiLetter(code) : letterIn(win, index)) return scanWord(win, start, out);
  const kind = code === COMMA_CODE ? COMMA : code === HASH_CODE ? HASH : code === OPEN_CODE ? OPEN : code === CLOSE_CODE ? CLOSE : OTHER;
  set(out, kind, start, start + 1);
}

/**
 * `scanToken` at `anchor`, the first digit of a run that ends at `runEnd` (pass -1 when unknown):
 * a run of at most MAX_DIGITS followed, inside the window, by an ASCII code unit that is no
 * letter, '/', '-', '.', ',' or ':' is a NUM ending there, taken without reading the run again
 * (the same reads as `scanNumber`, none at the end of the window). Most house-number candidates of
 * chat are that ("9 days", "9% off"); the rest go through `scanToken`.
 *
 * @example
 * const scan = createTokenScan()
 * scanHouse({ text: 'at 12 Main', lo: 0, end: 10, touched: false, stream: false }, 3, 5, scan)
 * scan.kind === NUM // true
 */
export function scanHouse(win: Window, anchor: number, runEnd: number, out: TokenScan): void {
  if (runEnd > anchor && runEnd - anchor <= MAX_DIGITS && runEnd < win.end) {
    const code = win.text.charCodeAt(runEnd);
    if (code < 128 && !isAsciiLetter(code) && code !== SLASH && code !== HYPHEN && code !== DOT && code !== COMMA_CODE && code !== COLON) {
      return set(out, NUM, anchor, runEnd);
    }
    // `scanNumber` after '.', ',' or ':' with the code unit after it inside the window: a time,
    // decimal or thousands group ("8:56", "1.5") read on to its end, else the number and its dot
    // ("code 1. Thanks"). About one stream anchor in six of chat (bench/fixtures.ts `cleanChat`).
    if ((code === DOT || code === COMMA_CODE || code === COLON) && runEnd + 1 < win.end) {
      if (isDigit(win.text.charCodeAt(runEnd + 1))) return skipRun(win, anchor, runEnd + 1, out);
      if (code === COLON) return set(out, OTHER, anchor, runEnd);
      set(out, NUM, anchor, runEnd);
      return withDot(win, out);
    }
  } else if (runEnd > anchor && runEnd - anchor <= MAX_DIGITS && runEnd === win.end) {
    // A number at the end of the window ("at 12" in a stream): its read of the end is recorded.
    win.touched = true;
    return set(out, NUM, anchor, runEnd);
  }
  scanToken(win, anchor, out);
}

function scanWord(win: Window, start: number, out: TokenScan): void {
  const { text } = win;
  let index = start;
  let upper = 0;
  let letters = 0;
  let hasDigit = false;
  let ascii = true;
  let hash = 0;
  while (index - start <= MAX_WORD) {
    const code = codeIn(win, index);
    if (code < 0) break;
    if (code < 128 ? isAsciiLetter(code) : letterIn(win, index)) {
      letters++;
      if (code >= 128) ascii = false;
      if (code < 128 ? code < 97 : text[index] !== text[index].toLowerCase()) upper++;
    } else if (isDigit(code)) {
      hasDigit = true;
    } else if ((code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN) && letterIn(win, index + 1)) {
      if (code === RIGHT_QUOTE) ascii = false;
    } else break;
    hash = (Math.imul(hash, HASH_BASE) + (code >= 65 && code <= 90 ? code | CASE_BIT : code)) | 0;
    index++;
  }
  if (index - start > MAX_WORD) {
    while (letterIn(win, index)) index++;
    return set(out, OTHER, start, index);
  }
  const first = text.charCodeAt(start);
  const firstUpper = first < 128 ? first < 97 : text[start] !== text[start].toLowerCase();
  set(out, hasDigit ? IDENT : WORD, start, index);
  out.cap = firstUpper ? (upper === letters && letters > 1 ? 2 : 1) : 0;
  out.ascii = ascii;
  if (!hasDigit) lookUp(out, text, hash);
  withDot(win, out);
}

function scanNumber(win: Window, start: number, out: TokenScan): void {
  const { text } = win;
  let index = start;
  while (isDigit(codeIn(win, index))) index++;
  if (index - start > MAX_DIGITS) return skipRun(win, start, index, out);
  const code = codeIn(win, index);
  if (code < 0) return set(out, NUM, start, index);
  if (isAsciiLetter(code)) {
    let letterEnd = index;
    while (letterEnd - index < 4 && isAsciiLetter(codeIn(win, letterEnd))) letterEnd++;
    if (letterIn(win, letterEnd) || isDigit(codeIn(win, letterEnd))) return skipRun(win, start, letterEnd, out);
    const kind = letterEnd - index === 1 ? ALNUM : letterEnd - index === 2 && isOrdinalEnding(text.charCodeAt(index) | CASE_BIT, text.charCodeAt(index + 1) | CASE_BIT) ? ORD : OTHER;
    set(out, kind, start, letterEnd);
    return withDot(win, out);
  }
  if ((code === SLASH || code === HYPHEN) && isDigit(codeIn(win, index + 1))) {
    let second = index + 1;
    while (isDigit(codeIn(win, second))) second++;
    if (second - index - 1 > MAX_DIGITS) return skipRun(win, start, second, out);
    if (isAsciiLetter(codeIn(win, second)) && !letterIn(win, second + 1)) second++;
    if (letterIn(win, second) || isDigit(codeIn(win, second))) return skipRun(win, start, second, out);
    const next = codeIn(win, second);
    if ((next === SLASH || next === HYPHEN) && isDigit(codeIn(win, second + 1))) return skipRun(win, start, second, out);
    return set(out, code === SLASH ? SLASHNUM : DASHNUM, start, second);
  }
  if ((code === DOT || code === COMMA_CODE || code === COLON) && isDigit(codeIn(win, index + 1))) return skipRun(win, start, index + 1, out);
  if (code === COLON) return set(out, OTHER, start, index);
  if (letterIn(win, index)) return skipRun(win, start, index, out);
  set(out, NUM, start, index);
  withDot(win, out);
}

/** An OTHER token over a run that is not a number we use (decimals, times, long digit runs). */
function skipRun(win: Window, start: number, from: number, out: TokenScan): void {
  let index = from;
  while (index < start + 64) {
    const code = codeIn(win, index);
    if (code < 0 || isBlank(code) || code === NEWLINE) break;
    index++;
  }
  set(out, OTHER, start, index);
}

function withDot(win: Window, out: TokenScan): void {
  if (codeIn(win, out.end) === DOT) {
    out.dot = true;
    out.next = out.end + 1;
  }
}

/** A token without case or lexicon entry (WORD and IDENT set theirs after). */
function set(out: TokenScan, kind: number, start: number, end: number): void {
  out.kind = kind;
  out.start = start;
  out.end = end;
  out.next = end;
  out.cap = 0;
  out.dot = false;
  out.id = -1;
  out.flags = 0;
  out.ascii = true;
}

/** Finds the scanned word in the lexicon: by the hash of its walk when ASCII, else by its lower-cased text. */
function lookUp(out: TokenScan, text: string, hash: number): void {
  const lex = addressLexicon();
  out.id = out.ascii ? lex.table.findHashed(hash, text, out.start, out.end) : lex.table.find(text, out.start, out.end);
  out.flags = out.id < 0 ? 0 : lex.flags[out.id];
}

/** English ordinal endings after a number ("1st", "2nd", "3rd", "4th"), lower case. */
function isOrdinalEnding(first: number, second: number): boolean {
  return (first === 115 && second === 116) || (first === 110 && second === 100) || (first === 114 && second === 100) || (first === 116 && second === 104); // st nd rd th
}

/** Scratch of `readToken` and `wordBefore`: they copy it into a Token before returning. */
const scratch: TokenScan = { kind: END, start: 0, end: 0, next: 0, cap: 0, dot: false, id: -1, flags: 0, ascii: true };

function toToken(text: string, scan: TokenScan): Token {
  const result = makeToken(text, scan.kind, scan.start, scan.end, scan.cap, scan.id, scan.ascii);
  result.dot = scan.dot;
  result.next = scan.next;
  return result;
}

/** The word ending right before `pos` (blanks, one '.' allowed between) as a WORD token, or undefined. */
export function wordBefore(win: Window, pos: number): Token | undefined {
  return scanWordBefore(win, pos, scratch) ? toToken(win.text, scratch) : undefined;
}

/** `wordBefore` into `out`, without allocating; false when there is no such word. */
export function scanWordBefore(win: Window, pos: number, out: TokenScan): boolean {
  const { text, lo } = win;
  let index = pos;
  while (index > lo && isBlank(text.charCodeAt(index - 1))) index--;
  let dot = false;
  if (index > lo && text.charCodeAt(index - 1) === DOT) {
    dot = true;
    index--;
  }
  const end = index;
  // One walk finds the start and hashes the word for the lexicon (used when it is ASCII).
  let hash = 0;
  let power = 1;
  let ascii = true;
  while (index > lo && end - index <= MAX_WORD) {
    const code = text.charCodeAt(index - 1);
    if (code < 128) {
      if (!isAsciiLetter(code) && !((code === APOSTROPHE || code === HYPHEN) && index - 2 >= lo && isLetterAt(text, index - 2) && index < end)) break;
      hash = (hash + Math.imul(code < 97 ? code | CASE_BIT : code, power)) | 0;
      power = Math.imul(power, HASH_BASE);
    } else {
      if (!isLetterAt(text, index - 1) && !(code === RIGHT_QUOTE && index - 2 >= lo && isLetterAt(text, index - 2) && index < end)) break;
      ascii = false;
    }
    index--;
  }
  if (index === end || end - index > MAX_WORD) return false;
  // The low surrogate of a letter outside the BMP: step back onto its high surrogate.
  if (!ascii && index > lo && text.charCodeAt(index) >= 0xdc00 && text.charCodeAt(index) <= 0xdfff) index--;
  if (index > lo && (isDigit(text.charCodeAt(index - 1)) || isLetterAt(text, index - 1))) return false;
  set(out, WORD, index, end);
  out.ascii = ascii;
  out.cap = ascii ? asciiCap(text, index, end) : capOf(text, index, end);
  lookUp(out, text, hash);
  if (dot) {
    out.dot = true;
    out.next = end + 1;
  }
  return true;
}

/**
 * Case of a word before a number, over its code units as `toLowerCase` sees them: 0 lower case,
 * 1 capitalised, 2 every code unit upper case and two or more ("NW"; "O'NEIL" is 1).
 */
function asciiCap(text: string, start: number, end: number): number {
  if ((text.charCodeAt(start) - 65) >>> 0 > 25) return 0;
  if (end - start < 2) return 1;
  for (let at = start + 1; at < end; at++) if ((text.charCodeAt(at) - 65) >>> 0 > 25) return 1;
  return 2;
}

/** `asciiCap` for a word with a non-ASCII code unit. */
function capOf(text: string, start: number, end: number): number {
  let upper = 0;
  for (let at = start; at < end; at++) if (text[at] !== text[at].toLowerCase()) upper++;
  const first = text.charCodeAt(start);
  const firstUpper = first < 128 ? (first - 65) >>> 0 <= 25 : text[start] !== text[start].toLowerCase();
  return firstUpper ? (upper === end - start && end - start > 1 ? 2 : 1) : 0;
}
