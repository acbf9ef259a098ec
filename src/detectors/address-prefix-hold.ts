import { DE_TYPE, GERMAN_FIRST, GERMAN_LAST, type Lexicon, UNIT_ID } from './address-lexicon.js';
import { endsWithFolded, foldedEndsWith, foldedIsPrefixOf, foldedLength } from './address-token.js';
import { isBlank, isLetterAt } from './address-tokens.js';

/**
 * The part of the STREET_ADDRESS `pending` that looks at the trailing words (internal): forms
 * that start before their number ("P.O. Box", "Flat", "Hauptstraße", "Berliner Straße") may still
 * get the number. Reads the words in place (offsets in a scratch array, lexicon lookups without
 * slicing): it runs on every stream check, where slicing and lower-casing four words cost more
 * than the rest of `pending` (bench/fixtures.ts `cleanChat` in 4-character chunks).
 */

/** Trailing words checked for a form that starts before its number ("P.O. Box", "Flat", "Hauptstraße"). */
const PREFIX_WORDS = 4;
/** Longest trailing word read; a longer one is decided (the tokeniser takes no longer word). */
const MAX_WORD = 40;
const PO_WORDS = new Set(['p', 'o', 'po', 'pob', 'post', 'office', 'box']);
const PO_PREFIXES = ['post', 'office', 'box'];
/** The one post-office word that starts none of `PO_PREFIXES`. */
const POB = ['pob'];

const CASE_BIT = 0x20;
const LOWER_P = 112; // 'p'
const LOWER_O = 111; // 'o'
const LOWER_B = 98; // 'b'
const LOWER_A = 97; // 'a'
const LOWER_E = 101; // 'e'
const LOWER_R = 114; // 'r'
const UPPER_A = 65; // 'A'

const NEWLINE = 10; // '\n'
const DOT = 46; // '.'
const COMMA = 44; // ','
const APOSTROPHE = 39; // "'"
const RIGHT_QUOTE = 0x2019; // '’'
const HYPHEN = 45; // '-'
const POUND = 0xa3; // '£'
const EURO = 0x20ac; // '€'
const YEN = 0xa5; // '¥'

/**
 * Where a form that starts before its number may begin in the trailing words of `text` (at or
 * after `floor`), or `text.length`. A trailing word that touches the end may still grow into
 * one, so it is held too: the text ends in a letter, in a mark that joins the word to a letter
 * still to come ("Karl-" of "Karl-Marx-Allee 34"), or in the high half of a surrogate pair (the
 * tokeniser's rules, read backwards). `starts` receives the words' offsets (2 per word).
 *
 * @example
 * prefixHold('send it to P.O. Bo', 0, addressLexicon(), new Int32Array(8)) // 11
 */
export function prefixHold(text: string, floor: number, lex: Lexicon, starts: Int32Array): number {
  const quick = asciiTail(text, floor, lex);
  return quick >= 0 ? quick : prefixHoldByWalk(text, floor, lex, starts);
}

/**
 * `prefixHold` by the general walk over the trailing words, for every tail (exported for the
 * test that checks the ASCII shortcut against it).
 *
 * @example
 * prefixHoldByWalk('send it to P.O. Bo', 0, addressLexicon(), new Int32Array(8)) // 11
 */
export function prefixHoldByWalk(text: string, floor: number, lex: Lexicon, starts: Int32Array): number {
  const end = text.length;
  const touching = end > floor && (isLetterAt(text, end - 1) || isInnerMark(text, end - 1) || isHighSurrogate(text.charCodeAt(end - 1)));
  // Most checks end at the last word: the words before it are read only when a rule asks for them.
  let count = trailingWords(text, floor, touching, starts, 1);
  if (count === 0) return end;
  const start0 = starts[0];
  const end0 = starts[1];
  const capital = isCapitalAt(text, start0);
  // A word still being typed is held from its start anyway: only a post-office word or a German
  // type word can hold from further back, and both start with one of a few letters. Most
  // trailing words of chat end here, before any lookup (about 90 of 310 ns per stream check went
  // to this function before: bench/fixtures.ts `cleanChat` in 4-character chunks).
  if (touching && !mayStartForm(text.charCodeAt(start0), capital, lex)) return start0;
  const id = mayHoldWord(text, start0, end0, lex) ? lex.table.find(text, start0, end0) : -1;
  const flags = id < 0 ? 0 : lex.flags[id];
  const poFirst = isPoWord(id, lex) || (touching && isPrefixOfAny(text, start0, end0, PO_PREFIXES));
  const standalone = capital && ((flags & DE_TYPE) !== 0 || (touching && isPrefixOfAny(text, start0, end0, lex.germanTypes)));
  if (poFirst || standalone) count = trailingWords(text, floor, touching, starts, PREFIX_WORDS);
  let hold = touching ? start0 : end;
  // P.O. Box / Post Office Box: hold from the first of the trailing post-office words.
  if (poFirst) {
    let po = 0;
    while (po + 1 < count && isPoWord(lex.table.find(text, starts[2 * po + 2], starts[2 * po + 3]), lex)) po++;
    hold = Math.min(hold, starts[2 * po]);
  }
  if (flags & UNIT_ID) hold = Math.min(hold, start0);
  if (standalone) {
    // "Berliner Straße", "Alte Allee": the adjective before the type word.
    hold = Math.min(hold, count > 1 && isGermanAdjectiveAt(text, starts[2], starts[3]) ? starts[2] : start0);
  } else if (capital && endsWithGermanType(text, start0, end0, lex)) {
    hold = Math.min(hold, start0);
  } else if (capital && !touching && isGermanAdjectiveAt(text, start0, end0)) {
    // A complete "Berliner " may still be followed by "Straße 12": hold that one word.
    hold = Math.min(hold, start0);
  }
  return hold;
}

/**
 * `prefixHold` for the usual tails of chat, read in ASCII only, or -1 when the general walk must
 * decide: a trailing lower-case word still being typed that starts with none of the letters of
 * a post-office word is held from its start ("stopped wor"), a tail after a lower-case word that
 * is no post-office or unit word is decided ("on the desk "), and a tail ending in any other
 * ASCII sign ("40 days. :)", "for £1368.07") is decided. Same answers as the general walk (the
 * tokeniser's rules for ASCII), without its per-character class calls: `prefixHold` ran on every
 * stream check and cost about 80 ns a check in place (bench clean chat, 4-char chunks, the
 * default set), more than the machine on the digit runs. Capitalised words and words that start
 * like a post-office word are decided here too unless they may still become one of those forms:
 * they sent 15% of the 4-char stream checks to the general walk ("The ", "Store ", "pricing pa").
 */
function asciiTail(text: string, floor: number, lex: Lexicon): number {
  const end = text.length;
  if (end <= floor) return end;
  const last = text.charCodeAt(end - 1);
  // A currency sign ("price of £", "Refund of €": Unicode category Sc) is no letter, inner mark,
  // high surrogate or separator: the walk finds no word touching the end and none before it.
  if (last >= 128) return last === POUND || last === EURO || last === YEN ? end : -1;
  if (((last | CASE_BIT) - LOWER_A) >>> 0 <= 25) {
    const start = asciiWordStart(text, floor, end);
    if (start < 0) return compoundTail(text, floor, end, lex);
    // The word is held from its start ("stopped wor", "Than", "pricing pa") unless it may still
    // become a post-office word or, capitalised, a German type word ("P.O. Bo", "Stra"): then the
    // words before it are read.
    const capital = (text.charCodeAt(start) - UPPER_A) >>> 0 <= 25;
    if (!mayStartForm(text.charCodeAt(start), capital, lex)) return start;
    const poWord = isPrefixOfAny(text, start, end, PO_PREFIXES) || (end - start === 3 && isPrefixOfAny(text, start, end, POB));
    const german = capital && isPrefixOfAny(text, start, end, lex.germanTypes);
    if (!poWord && !german) return start;
    // The word before it, as the walk's second trailing word: a post-office word there starts a
    // chain the walk reads ("P.O. Bo"); a German adjective holds from its start ("Berliner
    // Stra"); any other word changes nothing ("the issue is b": 7% of 4-char stream checks).
    let wordEnd = start;
    while (wordEnd > floor && isAsciiSeparator(text.charCodeAt(wordEnd - 1))) wordEnd--;
    if (wordEnd === floor) return start;
    const previousLast = text.charCodeAt(wordEnd - 1);
    if (previousLast >= 128) return -1;
    if (((previousLast | CASE_BIT) - LOWER_A) >>> 0 > 25) return start;
    const previous = asciiWordStart(text, floor, wordEnd);
    if (previous < 0 || (poWord && isPoWord(lex.table.find(text, previous, wordEnd), lex))) return -1;
    return german && isAsciiGermanAdjective(text, previous, wordEnd) ? previous : start;
  }
  if (last === APOSTROPHE || last === HYPHEN) {
    // After a letter the mark may join the word to a letter to come ("is TCK-", "auto-"): the
    // word touches the end (`isInnerMark`). After anything else it is no word and no separator:
    // the walk finds no word ("2025-10-").
    if (end - 1 === 0) return end;
    const previous = text.charCodeAt(end - 2);
    if (previous >= 128) return -1;
    return ((previous | CASE_BIT) - LOWER_A) >>> 0 <= 25 ? compoundTail(text, floor, end, lex) : end;
  }
  let wordEnd = end;
  while (wordEnd > floor && isAsciiSeparator(text.charCodeAt(wordEnd - 1))) wordEnd--;
  if (wordEnd === floor) return end;
  const before = text.charCodeAt(wordEnd - 1);
  if (before >= 128) return -1;
  if (((before | CASE_BIT) - LOWER_A) >>> 0 > 25) return end; // no word: nothing to hold
  const start = asciiWordStart(text, floor, wordEnd);
  if (start < 0) return -1;
  // A complete word holds only as a post-office or unit word (`mayHoldWord` rules those out by
  // first letter, last letter and length) or, capitalised, as a German type word, a compound of
  // one or an adjective before one ("Berliner "): all end in a letter some type ends in.
  if (mayHoldWord(text, start, wordEnd, lex)) {
    // The walk's rules for one complete word ("Store ", "Let ", "at 9% since "): a post-office
    // word may start a chain and a capitalised German type word reads the adjective before it
    // (left to the walk); a unit word holds from its start; else only a German compound or
    // adjective does. Such words sent about 1 in 200 4-char stream checks of bench clean chat to
    // the walk, which costs ten times this tail in place.
    const id = lex.table.find(text, start, wordEnd);
    const flags = id < 0 ? 0 : lex.flags[id];
    const capital = (text.charCodeAt(start) - UPPER_A) >>> 0 <= 25;
    if (isPoWord(id, lex) || (capital && (flags & DE_TYPE) !== 0)) return -1;
    if (flags & UNIT_ID) return start;
    return capital && (endsWithAsciiGermanType(text, start, wordEnd, lex) || isAsciiGermanAdjective(text, start, wordEnd)) ? start : end;
  }
  if ((text.charCodeAt(start) - UPPER_A) >>> 0 > 25 || (lex.germanEnds[before | CASE_BIT] & GERMAN_LAST) === 0) return end;
  return endsWithAsciiGermanType(text, start, wordEnd, lex) || isAsciiGermanAdjective(text, start, wordEnd) ? start : end;
}

/*
 * `endsWithGermanType` and `isGermanAdjectiveAt` for a word of ASCII letters only (what
 * `asciiWordStart` returns): its lower-cased length is its length and its letters fold with
 * CASE_BIT, so neither tests the word for ASCII again nor calls the folded helpers (each of
 * those tests the range once more). A capitalised trailing word ("The ", "Downgrading ", "An")
 * went through them on about one 4-char stream check in seven of bench clean chat, at two to
 * four times the cost of a lower-case tail.
 */

/** `endsWithGermanType` for a word of ASCII letters: a type with a non-ASCII letter ("straße") ends none. */
function endsWithAsciiGermanType(text: string, start: number, end: number, lex: Lexicon): boolean {
  if ((lex.germanEnds[text.charCodeAt(end - 1) | CASE_BIT] & GERMAN_LAST) === 0) return false;
  const length = end - start;
  for (const type of lex.germanTypes) if (length > type.length && endsWithFolded(text, start, end, type)) return true;
  return false;
}

/** `isGermanAdjectiveAt` for a word of ASCII letters: capitalised, longer than two letters, ending in "er" or "e". */
function isAsciiGermanAdjective(text: string, start: number, end: number): boolean {
  if ((text.charCodeAt(start) - UPPER_A) >>> 0 > 25 || end - start <= 2) return false;
  const last = text.charCodeAt(end - 1) | CASE_BIT;
  return last === LOWER_E || (last === LOWER_R && (text.charCodeAt(end - 2) | CASE_BIT) === LOWER_E);
}

/**
 * `prefixHold` for a trailing ASCII word that touches the end and holds an apostrophe or hyphen
 * joining two letters ("auto-sy", "two-ste", "@support-te", "is TCK-"), or -1: held from its
 * start unless its first code unit may start a post-office or German type word (`mayStartForm`),
 * which the walk decides. The walk's `trailingWords` reads the same word: back over ASCII
 * letters and over a mark with a letter before it (`isInnerMark`, which looks below `floor` as
 * here); a word longer than MAX_WORD or a non-ASCII code unit is left to the walk. These tails
 * were about half the 4-char stream checks of bench clean chat that reached the walk.
 */
function compoundTail(text: string, floor: number, end: number, lex: Lexicon): number {
  let start = end;
  while (start > floor && end - start <= MAX_WORD) {
    const code = text.charCodeAt(start - 1);
    if (((code | CASE_BIT) - LOWER_A) >>> 0 > 25) {
      if (code >= 128) return -1;
      if ((code !== APOSTROPHE && code !== HYPHEN) || start - 1 === 0) break;
      const previous = text.charCodeAt(start - 2);
      if (previous >= 128) return -1;
      if (((previous | CASE_BIT) - LOWER_A) >>> 0 > 25) break;
    }
    start--;
  }
  if (end - start > MAX_WORD) return -1;
  const first = text.charCodeAt(start);
  return mayStartForm(first, (first - UPPER_A) >>> 0 <= 25, lex) ? -1 : start;
}

/**
 * Start of the ASCII word of letters ending at `end` (after a letter), or -1 when the general
 * walk must read it: it may go on past a mark or a non-ASCII code unit, or be too long.
 */
function asciiWordStart(text: string, floor: number, end: number): number {
  let start = end - 1;
  while (start > floor && end - start <= MAX_WORD) {
    const code = text.charCodeAt(start - 1);
    if (((code | CASE_BIT) - LOWER_A) >>> 0 > 25) {
      if (code >= 128 || code === APOSTROPHE || code === HYPHEN) return -1;
      break;
    }
    start--;
  }
  return end - start > MAX_WORD ? -1 : start;
}

/** `isSeparator` for ASCII: space, tab, carriage return, line feed, '.' and ','. */
function isAsciiSeparator(code: number): boolean {
  return code === 32 || code === 9 || code === 13 || code === NEWLINE || code === DOT || code === COMMA;
}

/**
 * Reads up to `wanted` trailing words into `starts` (start, end), last word first, and returns
 * how many: the words a form before its number may take, separated by blanks, line breaks, '.'
 * or ','; the walk stops at `floor`, at anything else, and at a word longer than any the
 * machine reads (decided).
 */
function trailingWords(text: string, floor: number, touching: boolean, starts: Int32Array, wanted: number): number {
  let count = 0;
  let index = text.length;
  while (count < wanted && index > floor) {
    let wordEnd = index;
    let start = wordEnd;
    if (count === 0 && touching) {
      if (isHighSurrogate(text.charCodeAt(wordEnd - 1))) start--;
    } else {
      while (wordEnd > floor && isSeparator(text.charCodeAt(wordEnd - 1))) wordEnd--;
      if (wordEnd === floor || !isLetterAt(text, wordEnd - 1)) break;
      start = wordEnd;
    }
    while (start > floor && wordEnd - start <= MAX_WORD) {
      // ASCII first: a letter goes on, a code unit that is neither letter nor mark stops.
      const code = text.charCodeAt(start - 1);
      if (((code | CASE_BIT) - 97) >>> 0 > 25) {
        if (code < 128 && code !== APOSTROPHE && code !== HYPHEN) break;
        if (!isLetterAt(text, start - 1) && !isInnerMark(text, start - 1)) break;
      }
      start--;
    }
    if (wordEnd - start > MAX_WORD) break;
    starts[2 * count] = start;
    starts[2 * count + 1] = wordEnd;
    count++;
    index = start;
  }
  return count;
}

/**
 * False when a trailing word starting with `first` can be neither a post-office word (`PO_WORDS`
 * and the prefixes of `PO_PREFIXES` start with 'p', 'o' or 'b') nor, capitalised, a German type
 * word or the start of one (`DE_STREET_TYPES`: 'straße', 'weg', 'allee'...). A code unit above
 * 0x7f is not decided here (its lower case may be anything).
 */
function mayStartForm(first: number, capital: boolean, lex: Lexicon): boolean {
  if (first >= 128) return true;
  const folded = first | CASE_BIT;
  if (folded === LOWER_P || folded === LOWER_O || folded === LOWER_B) return true;
  return capital && (lex.germanEnds[folded & 0x7f] & GERMAN_FIRST) !== 0;
}

/**
 * False when the word at `[start, end)` is surely none of the words whose lexicon entry matters
 * here (a unit word, a German type word, a post-office word): an ASCII word whose first letter,
 * last letter and length match none of theirs. Chat's trailing words ("days. ", "time, ") then
 * skip the lookup.
 */
function mayHoldWord(text: string, start: number, end: number, lex: Lexicon): boolean {
  const first = (text.charCodeAt(start) | CASE_BIT) - LOWER_A;
  const last = (text.charCodeAt(end - 1) | CASE_BIT) - LOWER_A;
  if (first >>> 0 > 25 || last >>> 0 > 25) return true;
  return (holdWords(lex)[first * 26 + last] & (1 << ((end - start) & 31))) !== 0;
}

let holdLex: Lexicon | undefined;
let holdTable = new Uint32Array(26 * 26);

/** For each first and last letter, the lengths (bit `length & 31`) of the words `mayHoldWord` must look up. */
function holdWords(lex: Lexicon): Uint32Array {
  if (holdLex === lex) return holdTable;
  const table = new Uint32Array(26 * 26);
  const { words } = lex.table;
  for (let id = 0; id < words.length; id++) {
    const word = words[id];
    if ((lex.flags[id] & (UNIT_ID | DE_TYPE)) === 0 && !PO_WORDS.has(word)) continue;
    const first = word.charCodeAt(0) - LOWER_A;
    const last = word.charCodeAt(word.length - 1) - LOWER_A;
    // Only ASCII words can equal an ASCII range of the text.
    if (first >>> 0 <= 25 && last >>> 0 <= 25) table[first * 26 + last] |= 1 << (word.length & 31);
  }
  holdLex = lex;
  holdTable = table;
  return table;
}

/** A compound ending in a German street type, longer than the type ("Hauptstraße", "Parkweg"). */
function endsWithGermanType(text: string, start: number, end: number, lex: Lexicon): boolean {
  // An ASCII word ends in the last letter of a type or ends in none of them.
  const last = text.charCodeAt(end - 1);
  if (last < 128 && (lex.germanEnds[last | CASE_BIT] & GERMAN_LAST) === 0 && isAsciiRange(text, start, end)) return false;
  const length = foldedLength(text, start, end);
  for (const type of lex.germanTypes) if (length > type.length && foldedEndsWith(text, start, end, type)) return true;
  return false;
}

/**
 * The lower-cased word is the start of one of `words` ("Stra" of "straße", "Bo" of "box"). An
 * ASCII word is tested for ASCII once and then compared in place, first letter first: capitalised
 * sentence starters ("Service", "After", "Please") start like a German street type and were
 * tested for ASCII and compared once per type, ten times, on every stream check that ends in one.
 */
function isPrefixOfAny(text: string, start: number, end: number, words: readonly string[]): boolean {
  if (!isAsciiRange(text, start, end)) {
    for (const word of words) if (foldedIsPrefixOf(text, start, end, word)) return true;
    return false;
  }
  const length = end - start;
  const first = foldedCode(text.charCodeAt(start));
  for (const word of words) {
    if (length > word.length || word.charCodeAt(0) !== first) continue;
    let at = 1;
    while (at < length && foldedCode(text.charCodeAt(start + at)) === word.charCodeAt(at)) at++;
    if (at === length) return true;
  }
  return false;
}

/** An ASCII code unit with upper case folded to lower case. */
function foldedCode(code: number): number {
  return (code - 65) >>> 0 <= 25 ? code | CASE_BIT : code;
}

/** `isGermanAdjective` (address-parser.ts) for the word at `[start, end)`, read in place; the capital is tested here. */
function isGermanAdjectiveAt(text: string, start: number, end: number): boolean {
  return isCapitalAt(text, start) && foldedLength(text, start, end) > 2 && (foldedEndsWith(text, start, end, 'er') || foldedEndsWith(text, start, end, 'e'));
}

/** The word with table index `id` is one of "P.O. Box", "PO Box", "POB", "Post Office Box" (any case). */
function isPoWord(id: number, lex: Lexicon): boolean {
  return id >= 0 && PO_WORDS.has(lex.table.words[id]);
}

/** The code unit at `index` is upper case (changes when lower-cased). */
function isCapitalAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return (code - 65) >>> 0 <= 25;
  return text[index] !== text[index].toLowerCase();
}

/** What may stand between the words of a form and its number: the tokeniser's blanks, line breaks, '.' and ','. */
function isSeparator(code: number): boolean {
  return isBlank(code) || code === NEWLINE || code === DOT || code === COMMA;
}

const isHighSurrogate = (code: number): boolean => (code & 0xfc00) === 0xd800;

function isAsciiRange(text: string, start: number, end: number): boolean {
  for (let at = start; at < end; at++) if (text.charCodeAt(at) >= 128) return false;
  return true;
}

function isInnerMark(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN) && index > 0 && isLetterAt(text, index - 1);
}
