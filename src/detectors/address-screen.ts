import { isAsciiLetter as isAsciiLetterCode, isDigit } from '../scanner/char-class.js';
import { ABBREVIATION, COUNT, DE_TYPE, DIRECTION, FR_TYPE, GERMAN_LAST, type Lexicon, MAX_PHRASE_WORDS, MONTH, NOT_NAME, NUMBER_CONTEXT, ROAD, STRONG, SUFFIX, TEMPORAL, UNIT_ALONE, UNIT_ID } from './address-lexicon.js';
import { endsWithFolded } from './address-token.js';
import { ALNUM, COMMA, DASHNUM, NUM, ORD, SLASHNUM, type TokenScan, WORD, type Window, codeIn, isBlank, isLetterAt, scanHouse, scanToken, scanWordBefore } from './address-tokens.js';
import { HALF_LETTERS, PACKED_LETTERS, packHigh, packLow } from './address-word-table.js';

/**
 * The quick screen of the STREET_ADDRESS detector (internal): for most digit runs of ordinary
 * text it decides "no address here" from the character before the run, the run's shape, the word
 * before it and the token or two after it, reading them into two reusable `TokenScan`s: no
 * parser, no token objects, no strings. Clean chat has about four digit runs per message (prices,
 * dates, times, versions, "3 main points") and the screen settles all but about 1 in 30 of them
 * (bench/fixtures.ts `cleanChat`); the parser (address-parser.ts) runs on the rest.
 *
 * The parser is the definition. Every rule here restates one of its rules and only ever answers
 * "no" where the parser finds nothing; test/detectors/address-screen.test.ts checks that on
 * random texts. `mayStartAddress` (for `find`) does not record reads the way the parser does
 * (`Window.touched`); `settledForStream` (for a stream's `pending`) settles an anchor only where
 * its reads are exactly the parser's own, which the same test checks at every cut of the text.
 */

const HYPHEN = 0x2d; // '-'
const SLASH = 0x2f; // '/'
const DOT = 0x2e; // '.'
const COMMA_CODE = 0x2c; // ','
const COLON = 0x3a; // ':'
const CASE_BIT = 0x20;
/** Longest digit run the tokeniser takes as a number (address-tokens.ts MAX_DIGITS). */
const MAX_HOUSE_DIGITS = 6;
/** Names in the names loop of `AddressParser.street`: at most six tokens after the house number. */
const NAME_TOKENS = 6;


/**
 * True when the digit run at `anchor` cannot start an address, decided from the text before it
 * alone: the parser returns at once (`AddressParser.run`), having read nothing after the anchor.
 *
 * @example
 * gluedBefore('$12', 1, 0)    // true: a price
 * gluedBefore('v1.2', 3, 0)   // true: a version's second part
 * gluedBefore('at 12', 3, 0)  // false
 */
export function gluedBefore(text: string, anchor: number, lo: number): boolean {
  if (anchor <= lo) return false;
  const before = text.charCodeAt(anchor - 1);
  // One table look for ASCII (most numbers of chat follow a space): about four digit runs per
  // message reach this test in `find`.
  if (before < 128) {
    const kind = BEFORE[before];
    if (kind === 0) return false;
    if (kind === GLUED) return true;
  } else if (isGlue(before) || isLetterAt(text, anchor - 1)) return true; // '£', '€' without the letter test's regex
  if (isJoiner(before) && anchor - 2 >= lo && (isDigit(text.charCodeAt(anchor - 2)) || isLetterAt(text, anchor - 2))) return true;
  return before === HYPHEN && anchor - 2 >= lo && text.charCodeAt(anchor - 2) === HYPHEN;
}

/** `BEFORE` values: glued to a number (a letter or `isGlue`), joining it (`isJoiner`). */
const GLUED = 1;
const JOINING = 2;
/** `gluedBefore`'s classes of the ASCII code units: GLUED, JOINING or 0. */
const BEFORE = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) table[code] = ((code | 0x20) - 97) >>> 0 <= 25 || isGlue(code) ? GLUED : isJoiner(code) ? JOINING : 0;
  return table;
})();

/** Characters glued to a number that make it a price, a tag, an id or a quantity: `$ £ € ¥ # @ + % & _`. */
function isGlue(code: number): boolean {
  return code === 36 || code === 0xa3 || code === 0x20ac || code === 0xa5 || code === 35 || code === 64 || code === 43 || code === 37 || code === 38 || code === 95;
}

/** Characters that join a number to what comes before it ("3-12", "v1.2", "10:30", "1,200"): `- / . , :`. */
function isJoiner(code: number): boolean {
  return code === HYPHEN || code === 47 || code === 46 || code === 44 || code === 58;
}

/**
 * Exactly four digits from 1900 to 2099 at `anchor`, read through `codeIn` ("In 1999" may grow
 * to "In 19999", so a read of the end is recorded).
 *
 * @example
 * isYearAt({ text: 'In 1999 we', lo: 0, end: 10, touched: false, stream: true }, 3) // true
 */
export function isYearAt(win: Window, anchor: number): boolean {
  for (let index = anchor; index < anchor + 4; index++) if (!isDigit(codeIn(win, index))) return false;
  if (isDigit(codeIn(win, anchor + 4))) return false;
  const text = win.text;
  const century = (text.charCodeAt(anchor) - 48) * 10 + text.charCodeAt(anchor + 1) - 48;
  return century === 19 || century === 20;
}

/**
 * False when the digit run `[start, end)` can be no house number, unit id or box number (NUM,
 * ALNUM, SLASHNUM or DASHNUM, as `scanToken` reads it), decided from the run's length and the
 * code units right after it: a run of more than six digits, a time ("10:30"), a decimal or a
 * thousands group ("1.5", "1,200"), an ordinal or a unit glued on ("3rd", "186x49", "12kg"),
 * a date ("2024-01-05", "05/12/2020"). Every form needs one of those at its anchor, so `find`
 * skips such runs without reading the word before (measured: about half the digit runs of
 * bench/fixtures.ts `cleanChat` end here). True when it may be one.
 *
 * @example
 * mayBeHouse('at 10:30', 3, 5) // false
 * mayBeHouse('at 10 Main', 3, 5) // true
 */
export function mayBeHouse(text: string, start: number, end: number): boolean {
  if (end - start > MAX_HOUSE_DIGITS) return false;
  const after = text.charCodeAt(end);
  if (after === COLON) return false;
  if (after === DOT || after === COMMA_CODE) return !digitAt(text, end + 1);
  if (((after | CASE_BIT) - 97) >>> 0 <= 25) {
    const second = text.charCodeAt(end + 1);
    return !digitAt(text, end + 1) && ((second | CASE_BIT) - 97) >>> 0 > 25;
  }
  if ((after === SLASH || after === HYPHEN) && digitAt(text, end + 1)) {
    // "3/14" and "4-123" are house numbers; a third part makes a date.
    let index = end + 1;
    while (index - end <= MAX_HOUSE_DIGITS && digitAt(text, index)) index++;
    if (index - end - 1 > MAX_HOUSE_DIGITS) return false;
    const next = text.charCodeAt(index);
    return !((next === SLASH || next === HYPHEN) && digitAt(text, index + 1));
  }
  return true;
}

/** An ASCII digit at `index` (false past the end: `isDigit(NaN)` would say true). */
function digitAt(text: string, index: number): boolean {
  return index < text.length && isDigit(text.charCodeAt(index));
}

/** `quickVerdict` and `readQuick`: not decided on ASCII alone (the full screen decides). */
export const UNSURE = -1;
/** `readQuick` kinds: a token no form reads on from (END, OTHER, '#', '(' or ')'). */
export const QUICK_STOP = 0;
export const QUICK_COMMA = 1;
/** `readQuick` kinds: an ASCII WORD in lower case, or capitalised. */
export const QUICK_LOWER = 2;
export const QUICK_CAPITAL = 3;
/** Longest word the tokeniser takes as a word (address-tokens.ts MAX_WORD). */
const MAX_WORD = 40;
const SPACE = 0x20; // ' '
const NEWLINE = 0x0a; // '\n'
const APOSTROPHE = 0x27; // "'"

/**
 * What `readQuick` read besides its kind: the word's lexicon index, where the next token's read
 * starts, and whether a read reached the end of the window since the caller cleared `touched`
 * (`codeIn`'s record, for a stream).
 */
export const quick = { id: -1, next: 0, touched: false };

/**
 * True when `mayStartAddress` would say false at `anchor`, the first digit of a run ending at
 * `runEnd` that `gluedBefore` and `mayBeHouse` let through, in the window `[lo, end)`. It is the
 * same decision taken on ASCII code units in one tight walk each way, without `TokenScan`s: the
 * word before hashed on a backward walk and looked up once; then, when that word decides nothing,
 * the token after the number and, after a lower-case word, the names up to a suffix. False when
 * unsure (a non-ASCII code unit, a word a form starts with, a digit or a capitalised word after
 * the number): the caller then runs the full screen. Why: about one digit run per clean-chat
 * message reaches the screen ("order 48213", "add 32 more", "87% off", "503 after login in"),
 * all ruled out here, and the `TokenScan`s of the full screen cost 50-100 ns per such run
 * against 30-60 here (esbuild bundle, Node 20; one-shot `find` 386 -> 305 ns per
 * bench/fixtures.ts `cleanChat` message). For `find` only: it records no reads (`Window.touched`).
 *
 * @example
 * ruledOut('Please add 32 more licenses', 11, 13, 0, 27, addressLexicon()) // true
 * ruledOut('at 12 Main Street', 3, 5, 0, 17, addressLexicon())            // false
 */
export function ruledOut(text: string, anchor: number, runEnd: number, lo: number, end: number, lex: Lexicon): boolean {
  const verdict = quickVerdict(text, anchor, runEnd, lo, lex);
  if (verdict !== UNDECIDED) return verdict === REFUSED;
  // The house number (`scanHouse`): a NUM ending at `runEnd` before an ASCII code unit that is no
  // letter, '/', '-' or ':'; a '.' after it is its dot, a ',' the next token.
  if (runEnd >= end) return false;
  const after = text.charCodeAt(runEnd);
  if (after >= 128 || isAsciiLetterCode(after) || after === SLASH || after === HYPHEN || after === COLON) return false;
  const kind = readQuick(text, after === DOT ? runEnd + 1 : runEnd, end, lex);
  if (kind === QUICK_COMMA) {
    // `mayFollowHouse`: past a comma only a French street type ("405, rue Sainte-Catherine").
    const word = readQuick(text, quick.next, end, lex);
    if (word === QUICK_LOWER || word === QUICK_CAPITAL) return quick.id < 0 || (lex.flags[quick.id] & FR_TYPE) === 0;
    return word !== UNSURE;
  }
  if (kind !== QUICK_LOWER && kind !== QUICK_CAPITAL) return kind === QUICK_STOP;
  // `mayFollowHouse` on an ASCII WORD.
  const id = quick.id;
  const flags = id < 0 ? 0 : lex.flags[id];
  if (flags & FR_TYPE || (id >= 0 && lex.phraseStarts[id] & ROAD) || id === lex.ids.bis || id === lex.ids.ter) return false;
  if (flags & NOT_NAME) return id !== lex.ids.the; // "123 The Street"
  if (flags & (COUNT | MONTH)) return true;
  if (kind === QUICK_CAPITAL) return false;
  // A lower-case first name: the names loop must meet a suffix.
  for (let count = 1; count < NAME_TOKENS; count++) {
    const next = readQuick(text, quick.next, end, lex);
    if (next === QUICK_STOP || next === QUICK_COMMA) return true;
    if (next === UNSURE) return false;
    const nextFlags = quick.id < 0 ? 0 : lex.flags[quick.id];
    if (nextFlags & SUFFIX) return false;
    if (nextFlags & NOT_NAME) return true;
  }
  return true;
}

/**
 * `wordBeforeVerdict` when the word before is ASCII and no form's: REFUSED or UNDECIDED, read
 * in one backward walk with the word's letters packed for the lexicon (`findPacked`); UNSURE
 * otherwise (a non-ASCII code unit or blank, a word a form starts with). `runEnd`: the end of
 * the anchor's digit run, inside the window.
 *
 * @example
 * quickVerdict('order 12345', 6, 11, 0, addressLexicon()) // REFUSED
 * quickVerdict('Flat 3', 5, 6, 0, addressLexicon())       // UNSURE (a unit word: FORM)
 */
export function quickVerdict(text: string, anchor: number, runEnd: number, lo: number, lex: Lexicon): number {
  // `scanWordBefore`: blanks, one '.', then the word, hashed on the way.
  let index = anchor;
  for (;;) {
    if (index <= lo) return UNDECIDED;
    const code = text.charCodeAt(index - 1);
    if (code === SPACE) index--;
    else if (code >= 128 || isBlank(code)) return UNSURE;
    else break;
  }
  const dot = text.charCodeAt(index - 1) === DOT;
  if (dot) index--;
  const end = index;
  // Letters packed on the way (`packLow`: the n-th from the end at 5n); a longer word is hashed after.
  let low = 0;
  let high = 0;
  let letters = true;
  while (index > lo && end - index <= MAX_WORD) {
    const code = text.charCodeAt(index - 1);
    if (code >= 128) return UNSURE;
    if (!isAsciiLetterCode(code)) {
      // An apostrophe or hyphen inside the word ("O'Neil", "Karl-Marx").
      if ((code !== APOSTROPHE && code !== HYPHEN) || index >= end || index - 2 < lo) break;
      const previous = text.charCodeAt(index - 2);
      if (previous >= 128) return UNSURE;
      if (!isAsciiLetterCode(previous)) break;
      letters = false;
    } else {
      const fromEnd = end - index;
      if (fromEnd < HALF_LETTERS) low |= (code & 31) << (5 * fromEnd);
      else if (fromEnd < PACKED_LETTERS) high |= (code & 31) << (5 * (fromEnd - HALF_LETTERS));
    }
    index--;
  }
  // No word, or one glued to a digit ("abc1 12"); the loop stopped at an ASCII code unit.
  if (index === end || end - index > MAX_WORD || (index > lo && isDigit(text.charCodeAt(index - 1)))) return UNDECIDED;
  const id = letters && end - index <= PACKED_LETTERS ? lex.table.findPacked(low, high) : lex.table.find(text, index, end);
  const flags = id < 0 ? 0 : lex.flags[id];
  const capital = (text.charCodeAt(index) - 65) >>> 0 <= 25;
  if (flags & UNIT_ID || (capital && germanNameEnd(text, index, end, flags, lex)) || id === lex.ids.box) return UNSURE;
  if (flags & (NUMBER_CONTEXT | MONTH)) return REFUSED;
  if (capital && end - index >= 2 && end - index <= 3 && !dot && allUpper(text, index, end)) return REFUSED; // "UA 1234"
  // `isYearAt`: a run of exactly four digits from 1900 to 2099.
  if (flags & TEMPORAL && runEnd - anchor === 4) {
    const century = (text.charCodeAt(anchor) - 48) * 10 + text.charCodeAt(anchor + 1) - 48;
    if (century === 19 || century === 20) return REFUSED;
  }
  return UNDECIDED;
}

/**
 * `quickVerdict` for a stream's `pending` (`settledForStream`): the same code, line for line, in
 * a function of its own. V8 keeps one set of type feedback per function, and one function
 * reading both the texts of one-shot calls and a stream's held texts (strings of other internal
 * shapes) got slower code for both: one-shot `find` 204-209 ns per clean-chat message against
 * 284-290 with the readers shared, `pending` 255-264 ns per 4-char check against 284-293 (same
 * process, bench/fixtures.ts `cleanChat`, esbuild bundle, Node 20). A test checks both copies
 * agree.
 *
 * @example
 * quickVerdictInStream('order 12345', 6, 11, 0, addressLexicon()) // REFUSED
 */
export function quickVerdictInStream(text: string, anchor: number, runEnd: number, lo: number, lex: Lexicon): number {
  // `scanWordBefore`: blanks, one '.', then the word, hashed on the way.
  let index = anchor;
  for (;;) {
    if (index <= lo) return UNDECIDED;
    const code = text.charCodeAt(index - 1);
    if (code === SPACE) index--;
    else if (code >= 128 || isBlank(code)) return UNSURE;
    else break;
  }
  const dot = text.charCodeAt(index - 1) === DOT;
  if (dot) index--;
  const end = index;
  // Letters packed on the way (`packLow`: the n-th from the end at 5n); a longer word is hashed after.
  let low = 0;
  let high = 0;
  let letters = true;
  while (index > lo && end - index <= MAX_WORD) {
    const code = text.charCodeAt(index - 1);
    if (code >= 128) return UNSURE;
    if (!isAsciiLetterCode(code)) {
      // An apostrophe or hyphen inside the word ("O'Neil", "Karl-Marx").
      if ((code !== APOSTROPHE && code !== HYPHEN) || index >= end || index - 2 < lo) break;
      const previous = text.charCodeAt(index - 2);
      if (previous >= 128) return UNSURE;
      if (!isAsciiLetterCode(previous)) break;
      letters = false;
    } else {
      const fromEnd = end - index;
      if (fromEnd < HALF_LETTERS) low |= (code & 31) << (5 * fromEnd);
      else if (fromEnd < PACKED_LETTERS) high |= (code & 31) << (5 * (fromEnd - HALF_LETTERS));
    }
    index--;
  }
  // No word, or one glued to a digit ("abc1 12"); the loop stopped at an ASCII code unit.
  if (index === end || end - index > MAX_WORD || (index > lo && isDigit(text.charCodeAt(index - 1)))) return UNDECIDED;
  const id = letters && end - index <= PACKED_LETTERS ? lex.table.findPacked(low, high) : lex.table.find(text, index, end);
  const flags = id < 0 ? 0 : lex.flags[id];
  const capital = (text.charCodeAt(index) - 65) >>> 0 <= 25;
  if (flags & UNIT_ID || (capital && germanNameEnd(text, index, end, flags, lex)) || id === lex.ids.box) return UNSURE;
  if (flags & (NUMBER_CONTEXT | MONTH)) return REFUSED;
  if (capital && end - index >= 2 && end - index <= 3 && !dot && allUpper(text, index, end)) return REFUSED; // "UA 1234"
  // `isYearAt`: a run of exactly four digits from 1900 to 2099.
  if (flags & TEMPORAL && runEnd - anchor === 4) {
    const century = (text.charCodeAt(anchor) - 48) * 10 + text.charCodeAt(anchor + 1) - 48;
    if (century === 19 || century === 20) return REFUSED;
  }
  return UNDECIDED;
}

/**
 * The token at or after `pos` as `scanToken` reads it, when ASCII decides it: QUICK_STOP,
 * QUICK_COMMA, QUICK_LOWER or QUICK_CAPITAL (its lexicon index in `quick.id`), else UNSURE (a
 * digit, a non-ASCII letter, a word with a digit or a non-ASCII code unit, a word too long).
 * `quick.next`: where the read after it starts; `quick.touched` set when `scanToken` would have
 * read the end of the window (not cleared here). For `find` (`ruledOut`).
 *
 * @example
 * readQuick('12 more', 2, 7, addressLexicon()) // QUICK_LOWER ("more"; quick.touched: the end was read)
 */
export function readQuick(text: string, pos: number, end: number, lex: Lexicon): number {
  let index = pos;
  let newlines = 0;
  for (;;) {
    if (index >= end) {
      quick.touched = true;
      return QUICK_STOP;
    }
    const code = text.charCodeAt(index);
    if (code === SPACE || isBlank(code)) index++;
    else if (code === NEWLINE) {
      if (++newlines > 1) return QUICK_STOP;
      index++;
    } else break;
  }
  const start = index;
  const first = text.charCodeAt(start);
  if (!isAsciiLetterCode(first)) {
    if (isDigit(first)) return UNSURE;
    // A high surrogate: `letterIn` reads its low half too (the end, maybe).
    if (first >= 128) return (first & 0xfc00) === 0xd800 || isLetterAt(text, start) ? UNSURE : QUICK_STOP;
    quick.next = start + 1;
    return first === COMMA_CODE ? QUICK_COMMA : QUICK_STOP;
  }
  // `scanWord` on ASCII letters, packed on the way (`packLow`); a longer word is hashed after.
  let low = 0;
  let high = 0;
  let letters = true;
  while (index - start <= MAX_WORD) {
    if (index >= end) {
      quick.touched = true;
      break;
    }
    const code = text.charCodeAt(index);
    if (code >= 128 || isDigit(code)) return UNSURE;
    if (!isAsciiLetterCode(code)) {
      if (code !== APOSTROPHE && code !== HYPHEN) break;
      // `letterIn` on the code unit after the mark.
      if (index + 1 >= end) {
        quick.touched = true;
        break;
      }
      const next = text.charCodeAt(index + 1);
      if (next >= 128) return UNSURE;
      if (!isAsciiLetterCode(next)) break;
      letters = false;
    } else {
      high = packHigh(high, low);
      low = packLow(low, code);
    }
    index++;
  }
  if (index - start > MAX_WORD) return UNSURE;
  quick.id = letters && index - start <= PACKED_LETTERS ? lex.table.findPacked(low, high) : lex.table.find(text, start, index);
  quick.next = index < end && text.charCodeAt(index) === DOT ? index + 1 : index;
  return first < 97 ? QUICK_CAPITAL : QUICK_LOWER;
}

/**
 * `readQuick` for a stream's `pending` (`quickAfterHouse`): the same code in a function of its
 * own, for the reason `quickVerdictInStream` gives. A test checks both copies agree.
 *
 * @example
 * readQuickInStream('12 more', 2, 7, addressLexicon()) // QUICK_LOWER ("more")
 */
export function readQuickInStream(text: string, pos: number, end: number, lex: Lexicon): number {
  let index = pos;
  let newlines = 0;
  for (;;) {
    if (index >= end) {
      quick.touched = true;
      return QUICK_STOP;
    }
    const code = text.charCodeAt(index);
    if (code === SPACE || isBlank(code)) index++;
    else if (code === NEWLINE) {
      if (++newlines > 1) return QUICK_STOP;
      index++;
    } else break;
  }
  const start = index;
  const first = text.charCodeAt(start);
  if (!isAsciiLetterCode(first)) {
    if (isDigit(first)) return UNSURE;
    // A high surrogate: `letterIn` reads its low half too (the end, maybe).
    if (first >= 128) return (first & 0xfc00) === 0xd800 || isLetterAt(text, start) ? UNSURE : QUICK_STOP;
    quick.next = start + 1;
    return first === COMMA_CODE ? QUICK_COMMA : QUICK_STOP;
  }
  // `scanWord` on ASCII letters, packed on the way (`packLow`); a longer word is hashed after.
  let low = 0;
  let high = 0;
  let letters = true;
  while (index - start <= MAX_WORD) {
    if (index >= end) {
      quick.touched = true;
      break;
    }
    const code = text.charCodeAt(index);
    if (code >= 128 || isDigit(code)) return UNSURE;
    if (!isAsciiLetterCode(code)) {
      if (code !== APOSTROPHE && code !== HYPHEN) break;
      // `letterIn` on the code unit after the mark.
      if (index + 1 >= end) {
        quick.touched = true;
        break;
      }
      const next = text.charCodeAt(index + 1);
      if (next >= 128) return UNSURE;
      if (!isAsciiLetterCode(next)) break;
      letters = false;
    } else {
      high = packHigh(high, low);
      low = packLow(low, code);
    }
    index++;
  }
  if (index - start > MAX_WORD) return UNSURE;
  quick.id = letters && index - start <= PACKED_LETTERS ? lex.table.findPacked(low, high) : lex.table.find(text, start, index);
  quick.next = index < end && text.charCodeAt(index) === DOT ? index + 1 : index;
  return first < 97 ? QUICK_CAPITAL : QUICK_LOWER;
}

/** `before`: the parser rejects the anchor without reading the token at it. */
export const REFUSED = 0;
/** `before`: the word before may start a form that precedes its number (German name, "P.O. Box", "Flat 3"). */
export const FORM = 1;
/** `before`: neither; the anchor is decided by what follows it. */
export const UNDECIDED = 2;

/**
 * What the text before `anchor` says, as the parser reads it first (`AddressParser.run`): REFUSED
 * when the number is glued to what precedes it or its word makes it a count, an id or a date
 * ("order 123", "Jan 12", "UA 1234", "in 1999"); FORM when the parser goes on with a form that
 * starts before the number; else UNDECIDED. Its reads are exactly the parser's (`isYearAt`), so
 * `win.touched` is right after a REFUSED: a stream's `pending` may rely on it. `prev` receives
 * the word before the anchor.
 *
 * @example
 * const win = { text: 'order 12345', lo: 0, end: 11, touched: false, stream: true }
 * before(win, 6, addressLexicon(), createTokenScan()) // REFUSED
 */
export function before(win: Window, anchor: number, lex: Lexicon, prev: TokenScan): number {
  if (gluedBefore(win.text, anchor, win.lo)) return REFUSED;
  return wordBeforeVerdict(win, anchor, lex, prev);
}

/** `before` without its first test (`gluedBefore`). */
function wordBeforeVerdict(win: Window, anchor: number, lex: Lexicon, prev: TokenScan): number {
  if (!scanWordBefore(win, anchor, prev)) return UNDECIDED;
  if (!prev.ascii || mayEndGermanName(prev, win.text, lex) || prev.flags & UNIT_ID || prev.id === lex.ids.box) return FORM;
  if (prev.flags & (NUMBER_CONTEXT | MONTH)) return REFUSED;
  if (prev.cap === 2 && prev.end - prev.start <= 3 && !prev.dot) return REFUSED; // "UA 1234", "NY 10001"
  return prev.flags & TEMPORAL && isYearAt(win, anchor) ? REFUSED : UNDECIDED;
}

/**
 * True when the parser finds no address at `anchor` and `win.touched` is now what the parser's
 * own reads would leave. For a stream's `pending`, where about one anchor in three reaches the
 * parser otherwise (bench/fixtures.ts `cleanChat` in 4-character chunks: "8 days. The monitor
 * I", "9% since", "67 minutes for"), each costing more than the rest of `pending`. Settled:
 * - the number is glued to what precedes it (`gluedBefore`: the parser reads nothing);
 * - the token at the anchor is no house number and its reads did not reach the end: every form
 *   reads that token and stops there (`isYearAt` reads no further than it);
 * - the word before refuses the number (`before`; its reads are the parser's own);
 * - the word before is no form's and the token after the number stops both the French form and
 *   the street line at once (`settledAfterHouse`).
 *
 * @example
 * const win = { text: 'at 10:30 today', lo: 0, end: 14, touched: false, stream: true }
 * settledForStream(win, 3, addressLexicon(), createTokenScan(), createTokenScan()) // true
 *
 * `runEnd`: where the digit run at `anchor` ends, when the caller knows it (-1: unknown).
 */
export function settledForStream(win: Window, anchor: number, lex: Lexicon, prev: TokenScan, token: TokenScan, runEnd = -1): boolean {
  if (gluedBefore(win.text, anchor, win.lo)) return true;
  scanHouse(win, anchor, runEnd, token);
  const house = isHouseKind(token.kind);
  if (!house && !win.touched) return true;
  const houseTouched = win.touched;
  const next = token.next;
  win.touched = false;
  // `quickVerdict` reads as `wordBeforeVerdict` does (`isYearAt` reads no further than the run
  // and the code unit after it, inside the window here), without a `TokenScan`.
  let verdict = runEnd >= 0 && runEnd < win.end ? quickVerdictInStream(win.text, anchor, runEnd, win.lo, lex) : UNSURE;
  if (verdict === UNSURE) verdict = wordBeforeVerdict(win, anchor, lex, prev);
  if (verdict !== UNDECIDED) return verdict === REFUSED;
  // The parser reads the house number now: `isYearAt` read part of it at most.
  win.touched = houseTouched;
  if (!house) return true;
  const settled = quickAfterHouse(win, next, lex);
  return settled === UNSURE ? settledAfterHouse(win, next, lex, token) : settled === 1;
}

/**
 * `settledAfterHouse` on ASCII tokens (`readQuick`): 1 when settled, 0 when not, UNSURE when
 * its `TokenScan` walk must decide (a digit, a non-ASCII letter, a lower-case name word: those
 * read on as the names loop does). Its reads of the end are recorded in `win.touched` when it
 * decides, exactly as the walk records them. Why: "9 days", "9% since", "8 more" after a house
 * number were about a third of the stream screen's time in place (bench/fixtures.ts
 * `cleanChat`, 4-char chunks), most of it in `TokenScan` reads.
 */
function quickAfterHouse(win: Window, pos: number, lex: Lexicon): number {
  const { text, end } = win;
  quick.touched = false;
  const kind = readQuickInStream(text, pos, end, lex);
  let settled = true;
  if (kind === UNSURE) return UNSURE;
  if (kind === QUICK_COMMA) {
    const word = readQuickInStream(text, quick.next, end, lex);
    if (word === UNSURE) return UNSURE;
    settled = (word !== QUICK_LOWER && word !== QUICK_CAPITAL) || quick.id < 0 || (lex.flags[quick.id] & FR_TYPE) === 0;
  } else if (kind !== QUICK_STOP) {
    const id = quick.id;
    const flags = id < 0 ? 0 : lex.flags[id];
    if (flags & FR_TYPE || (id >= 0 && (lex.phraseStarts[id] & ROAD || id === lex.ids.the || id === lex.ids.bis || id === lex.ids.ter))) return 0;
    if ((flags & (NOT_NAME | COUNT | MONTH)) === 0) return kind === QUICK_CAPITAL ? 0 : UNSURE;
    // A stream's `phrase` reads up to MAX_PHRASE_WORDS words from the first.
    for (let words = 1; words < MAX_PHRASE_WORDS; words++) {
      const next = readQuickInStream(text, quick.next, end, lex);
      if (next === UNSURE) return UNSURE;
      if (next !== QUICK_LOWER && next !== QUICK_CAPITAL) break;
    }
  }
  if (quick.touched) win.touched = true;
  return settled ? 1 : 0;
}

/**
 * After a house number and a word before that starts no form: true when `AddressParser.french`
 * and `.street` both return at once on the token at `pos`, having read the tokens read here.
 * Those are a token that neither takes (not a word, comma, ordinal or number), a comma not
 * followed by a French street type, and a first word that is a count, a month or a word no name
 * starts with ("9 days", "9 more", "9 in"), after which a stream's `phrase` reads up to three
 * more words (a road phrase cut by the end would be open).
 */
function settledAfterHouse(win: Window, pos: number, lex: Lexicon, token: TokenScan): boolean {
  scanToken(win, pos, token);
  const kind = token.kind;
  if (kind === COMMA) {
    scanToken(win, token.next, token);
    return token.kind !== WORD || (token.flags & FR_TYPE) === 0;
  }
  if (kind !== WORD) return kind !== ORD && kind !== NUM && kind !== ALNUM;
  const flags = token.flags;
  if (flags & FR_TYPE) return false;
  // "bis"/"ter" (French), "The Street" (British) and road phrases ("County Road") read on.
  if (token.id >= 0 && (lex.phraseStarts[token.id] & ROAD || token.id === lex.ids.the || token.id === lex.ids.bis || token.id === lex.ids.ter)) return false;
  if ((flags & (NOT_NAME | COUNT | MONTH)) === 0) return token.cap === 0 && settledLowerName(win, token);
  for (let words = 1; words < MAX_PHRASE_WORDS; words++) {
    scanToken(win, token.next, token);
    if (token.kind !== WORD) break;
  }
  return true;
}

/**
 * After a house number, a first name word in lower case that is no count, month or function
 * word ("503 after login in the", "2017 shows £1034", "2 da" cut short): true when the names
 * loop of `AddressParser.street` meets no suffix, so the street line fails on its lower-case
 * name without reading its tail. The tokens read here are exactly the parser's: those of the
 * names loop (up to NAME_TOKENS names and the token after the last) and those a stream's
 * `phrase` reads from the first word (up to MAX_PHRASE_WORDS words). Before this rule such
 * anchors went to the parser, about 1 in 27 stream anchors of bench/fixtures.ts `cleanChat`
 * but 40% of the machine's time in a 4-char stream's `pending` (the parser builds tokens).
 * `token` holds the first word (ASCII or not); a non-ASCII name after it is left to the parser.
 */
function settledLowerName(win: Window, token: TokenScan): boolean {
  /** Tokens read: the first word is token 1. */
  let read = 1;
  /** A stream's `phrase` reads on while every token so far is a WORD. */
  let phrase = true;
  // The first word is a name; a '.' after a long word ends the names ("shows. Then").
  let names = !(token.dot && (token.flags & (ABBREVIATION | DIRECTION)) === 0 && token.end - token.start > 2 && token.ascii);
  if (!token.ascii && token.dot) return false; // its folded length is the parser's, not read here
  for (;;) {
    // The names loop reads the token after each of its first NAME_TOKENS names.
    if (!(phrase && read < MAX_PHRASE_WORDS) && !(names && read <= NAME_TOKENS)) return true;
    scanToken(win, token.next, token);
    read++;
    if (token.kind !== WORD) phrase = false;
    if (!names) continue;
    if (read > NAME_TOKENS) {
      names = false; // read after the sixth name, not taken
      continue;
    }
    const kind = token.kind;
    if (kind === ORD) continue;
    if (kind === NUM || kind === ALNUM) {
      // "586 W 207 St": the parser reads the token after the number, a name only before a suffix.
      scanToken(win, token.next, token);
      read++;
      if (token.kind === WORD && token.flags & SUFFIX) return false;
      names = false;
      continue;
    }
    if (kind !== WORD) {
      names = false;
      continue;
    }
    const flags = token.flags;
    if ((flags & (UNIT_ID | UNIT_ALONE) && !(flags & SUFFIX)) || flags & NOT_NAME || (token.cap === 0 && flags & COUNT && !(flags & STRONG))) {
      names = false;
      continue;
    }
    // A suffix among the names: the street line reads on (its tail, a cue).
    if (flags & SUFFIX || !token.ascii) return false;
    if (token.dot && (flags & (ABBREVIATION | DIRECTION)) === 0 && token.end - token.start > 2) names = false;
  }
}

/** The kinds a house number, unit id or box number may have: NUM, ALNUM, SLASHNUM, DASHNUM. */
function isHouseKind(kind: number): boolean {
  return kind === NUM || kind === ALNUM || kind === SLASHNUM || kind === DASHNUM;
}

/**
 * False when the parser finds no address at `anchor`; true when it may. Reads forward without
 * recording reads for a stream: for `find` only.
 *
 * @example
 * const win = { text: 'I have 3 main points', lo: 0, end: 20, touched: false, stream: false }
 * mayStartAddress(win, 7, addressLexicon(), createTokenScan(), createTokenScan()) // false
 */
export function mayStartAddress(win: Window, anchor: number, lex: Lexicon, prev: TokenScan, token: TokenScan, runEnd = -1): boolean {
  if (gluedBefore(win.text, anchor, win.lo)) return false;
  // Every form needs a house number, unit id or box number at the anchor (NUM, ALNUM, SLASHNUM or
  // DASHNUM): "12:30", "1.5", "3rd", "1234567" are none. Tested before the word before, which
  // costs more (a walk and a lookup); `find` needs no particular order of the parser's tests.
  scanHouse(win, anchor, runEnd, token);
  const house = token.kind;
  if (house !== NUM && house !== ALNUM && house !== SLASHNUM && house !== DASHNUM) return false;
  const verdict = wordBeforeVerdict(win, anchor, lex, prev);
  if (verdict !== UNDECIDED) return verdict === FORM;
  scanToken(win, token.next, token);
  return mayFollowHouse(win, lex, token);
}

/**
 * The token after a house number (in `token`) against `AddressParser.french` and `.street`:
 * false when neither can match.
 */
function mayFollowHouse(win: Window, lex: Lexicon, token: TokenScan): boolean {
  const kind = token.kind;
  if (kind === COMMA) {
    // "405, rue Sainte-Catherine": only the French form reads past a comma after the number.
    scanToken(win, token.next, token);
    return token.kind === WORD && (token.flags & FR_TYPE) !== 0;
  }
  if (kind === ORD) return true; // "4500 West 79th Street", "3rd Floor"
  // "586 W 207 St": a number names the street only right before a suffix.
  if (kind === NUM || kind === ALNUM) return suffixAt(win, token.next, token);
  if (kind !== WORD) return false; // the names loop stops at once: no name, no address
  const flags = token.flags;
  if (!token.ascii || flags & FR_TYPE || token.id === lex.ids.bis || token.id === lex.ids.ter) return true;
  if (token.id >= 0 && lex.phraseStarts[token.id] & ROAD) return true; // "2150 County Road 12"
  if (flags & NOT_NAME) return token.cap === 1 && token.id === lex.ids.the; // "123 The Street"
  if (flags & (COUNT | MONTH)) return false; // "10 miles", "12 March"
  if (token.cap > 0) return true;
  // A lower-case first name word: without a suffix among the names the street line fails
  // ("3 main points", "503 after login"). Looking further than the names loop would is safe.
  for (let count = 1; count < NAME_TOKENS; count++) {
    scanToken(win, token.next, token);
    if (token.kind === WORD) {
      if (token.flags & SUFFIX) return true;
      if (token.flags & NOT_NAME) return false;
    } else if (token.kind === NUM || token.kind === ALNUM) {
      return suffixAt(win, token.next, token);
    } else if (token.kind !== ORD) return false;
  }
  return false;
}

/** Scans the token at `pos` into `token`: true for a street suffix word ("St", "Avenue"). */
function suffixAt(win: Window, pos: number, token: TokenScan): boolean {
  scanToken(win, pos, token);
  return token.kind === WORD && (token.flags & SUFFIX) !== 0;
}

/** A capitalised word the parser may take for (the end of) a German street name: a type word or a compound ending in one. */
function mayEndGermanName(word: TokenScan, text: string, lex: Lexicon): boolean {
  // Called for ASCII words only (`wordBeforeVerdict`).
  return word.cap !== 0 && germanNameEnd(text, word.start, word.end, word.flags, lex);
}

/** The ASCII word `[start, end)` with lexicon bits `flags` is a German street type or ends with one. */
function germanNameEnd(text: string, start: number, end: number, flags: number, lex: Lexicon): boolean {
  if (flags & DE_TYPE) return true;
  // The last letter must end a type.
  if ((lex.germanEnds[text.charCodeAt(end - 1) | CASE_BIT] & GERMAN_LAST) === 0) return false;
  const length = end - start;
  const types = lex.germanTypes;
  for (let k = 0; k < types.length; k++) if (length > types[k].length + 2 && endsWithFolded(text, start, end, types[k])) return true;
  return false;
}

/** Every code unit of `[start, end)` is an ASCII capital letter. */
function allUpper(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if ((text.charCodeAt(at) - 65) >>> 0 > 25) return false;
  return true;
}
