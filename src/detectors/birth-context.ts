import { isAsciiLetter } from '../scanner/char-class.js';
/**
 * Birth context around a date: "DOB", "D.O.B.", "date of birth", "birth date", "born (on)",
 * "birthday", "b." in forms before it; "is my birthday", "(DOB)" after it. Used by
 * `dateOfBirth` (date-of-birth.ts), which parses the date itself.
 *
 * Every reading here works on char codes: no word is sliced or lower-cased. A word is made of
 * ASCII letters, apostrophes and dots, so `code | 0x20` lower-cases all of it exactly (it leaves
 * `'` and `.` as they are), and comparing with a lower-case word ignores ASCII case as
 * `toLowerCase` did.
 */

/** Code units before a date where its birth context may stand ("date of birth is: "). */
export const CONTEXT_BEFORE = 48;
/** Code units after a date where "is my birthday" or "(DOB)" may stand. */
export const CONTEXT_AFTER = 32;
/** Filler words between a context word and the date ("born on the", "DOB is"). */
const MAX_FILLERS = 4;
/** Any words between "born" and the date, in the same sentence ("born in Leeds on ..."). */
const MAX_BORN_WORDS = 6;
/** Longest word read after a date. */
const MAX_AFTER_WORD = 16;
/** "birth " read before "date" (the words before a context word are read this far back). */
const HEAD = 6;

/**
 * Where the 'b' of a cue may stand around a date `[start, end)` for `hasContextBefore` or
 * `contextAfter` to find context: from `start - CUE_BEFORE` ("birth " read before a context word
 * at the edge of the window) to before `end + CUE_AFTER` (a word may start CONTEXT_AFTER units
 * after the date and run MAX_AFTER_WORD units).
 */
export const CUE_BEFORE = CONTEXT_BEFORE + HEAD;
export const CUE_AFTER = CONTEXT_AFTER + MAX_AFTER_WORD;

/** `contextAfter` result bits. */
export const CONTEXT_FOUND = 1;
/** The reading reached the end of the text: more text could change the answer. */
export const CONTEXT_TOUCHED = 2;

const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const QUOTE = 34; // '"'
const APOSTROPHE = 39;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const COMMA = 44;
const HYPHEN = 45;
const DOT = 46;
const COLON = 58;
const EQUALS = 61;
const QUESTION = 63;
const NBSP = 0xa0;
const LOWER_B = 98;
const LOWER_D = 100;
const LOWER_I = 105;
const LOWER_O = 111;
const LOWER_R = 114;

/** Words allowed between a context word and the date. */
const FILLERS = ['is', 'was', 'on', 'of', 'the', 'my', 'his', 'her', 'their', 'your', 'our', "it's", 'its', 'it', 'date', 'at', 'as', 'to', 'listed', 'file', 'record', 'reads', 'be', 'am'];
/** Context words after the date: "1990-04-12 is my birthday", "12/04/1990 (DOB)". */
const AFTER_CUES = ['birthday', 'dob', 'd.o.b', 'd.o.b.', 'birthdate'];
/**
 * The words `contextAfter` reads on past (fillers) or decides on (cues, "date", "birth"): at any
 * other word it stops.
 */
export const CONTEXT_WORDS: readonly string[] = [...FILLERS, ...AFTER_CUES, 'birth'];
/** Longest filler word ("listed", "record"): longer words are not looked up. */
const MAX_FILLER = 6;
/** The fillers as `wordKey` numbers: a Set of small integers, looked up without building a string. */
const FILLER_KEYS: ReadonlySet<number> = /* #__PURE__ */ new Set(FILLERS.map((word) => wordKey(word, 0, word.length)));

/** Finds the 'b' of birth cues left to right in one text (see `createCueCursor`). */
export interface CueCursor {
  /** Starts over on `text`. */
  reset(text: string): void;
  /** Index of the first cue 'b' at or after `from`, or -1. `from` must not decrease between calls after a reset. */
  next(from: number): number;
}

/**
 * A cursor over the 'b' of birth cues: every cue word has one ("dob", "d.o.b", "birth…", "born",
 * "b."), so a date with no such 'b' within reach has no context to read. It is a 'b' followed by
 * "ir", "or" or '.', or preceded by "do" (dots allowed between): rare in chat, where "about",
 * "but" and "by" are not cues. Found with native `indexOf('b')` / `indexOf('B')`, each resumed
 * where it last stopped, so one text costs one pass whatever the number of dates: on
 * bench/fixtures.ts `cleanChat` (107 code units a message) that is 55 ns a message, against
 * 237 ns for a `charCodeAt` loop over the same text and 92 ns for one native regex test.
 *
 * @example
 * const cues = createCueCursor()
 * cues.reset('about my DOB: 1990-04-12')
 * cues.next(0) // 11
 */
export function createCueCursor(): CueCursor {
  let text = '';
  /** Next 'b' / 'B' at or after the last search start (text.length when none); -1 before any search. */
  let lower = -1;
  let upper = -1;
  return {
    reset(next) {
      text = next;
      lower = -1;
      upper = -1;
    },
    next(from) {
      for (let at = from; ; ) {
        if (lower < at) {
          lower = text.indexOf('b', at);
          if (lower < 0) lower = text.length;
        }
        if (upper < at) {
          upper = text.indexOf('B', at);
          if (upper < 0) upper = text.length;
        }
        const b = lower < upper ? lower : upper;
        if (b >= text.length) return -1;
        if (isCueB(text, b)) return b;
        at = b + 1;
      }
    },
  };
}

/** The 'b' at `index` starts "bir", "bor" or "b.", or ends "dob" with dots allowed between. */
function isCueB(text: string, index: number): boolean {
  const next = text.charCodeAt(index + 1);
  if (next === DOT) return true;
  const fold = next | 0x20;
  if ((fold === LOWER_I || fold === LOWER_O) && (text.charCodeAt(index + 2) | 0x20) === LOWER_R) return true;
  let back = index - 1;
  if (text.charCodeAt(back) === DOT) back--;
  if ((text.charCodeAt(back) | 0x20) !== LOWER_O) return false;
  back--;
  if (text.charCodeAt(back) === DOT) back--;
  return (text.charCodeAt(back) | 0x20) === LOWER_D;
}

/**
 * True when birth context ends shortly before `start` with only filler between.
 *
 * @example
 * hasContextBefore('date of birth is 12/04/1990', 17) // true
 * hasContextBefore('meeting on 12/04/1990', 11) // false
 */
export function hasContextBefore(text: string, start: number): boolean {
  const floor = Math.max(0, start - CONTEXT_BEFORE);
  let position = start;
  let fillers = 0;
  let words = 0;
  let newlines = 0;
  for (;;) {
    // Punctuation and spaces between words.
    while (position > floor) {
      const code = text.charCodeAt(position - 1);
      if (code === LF) {
        if (++newlines > 1) return false;
      } else if (!isGap(code)) break;
      position--;
    }
    if (position <= floor) return false;
    const wordEnd = position;
    // Letters and apostrophes, and dots right after a letter ("d.o.b").
    for (;;) {
      if (position <= floor) break;
      const code = text.charCodeAt(position - 1);
      if (!(isAsciiLetter(code) || code === APOSTROPHE || (code === DOT && position - 1 > floor && isAsciiLetter(text.charCodeAt(position - 2))))) break;
      position--;
    }
    if (position === wordEnd) return false;
    if (position > 0 && isAsciiLetter(text.charCodeAt(position - 1))) return false;
    // The word is compared without its dots: "D.O.B." is "dob".
    if (bareIs(text, position, wordEnd, 'dob') || bareIs(text, position, wordEnd, 'birthday') || bareIs(text, position, wordEnd, 'birthdate') || bareIs(text, position, wordEnd, 'born') || bareIs(text, position, wordEnd, 'dateofbirth')) return true;
    // "b." in forms: a lone letter b with its dot.
    if (text.charCodeAt(wordEnd) === DOT && bareIs(text, position, wordEnd, 'b')) return true;
    // "date of birth", "day of birth", "birth date": the words before, compared in lower case.
    if (bareIs(text, position, wordEnd, 'birth')) {
      if (endsWith(text, position, 'date of ') || endsWith(text, position, 'day of ')) return true;
    } else if (bareIs(text, position, wordEnd, 'date') && endsWith(text, position, 'birth ')) return true;
    words++;
    if (FILLER_KEYS.has(wordKey(text, position, wordEnd))) fillers++;
    else return bornBefore(text, position, floor, words);
    if (fillers > MAX_FILLERS || words > MAX_BORN_WORDS) return false;
  }
}

/** True when "born" stands before `position` in the same sentence, at most MAX_BORN_WORDS words back. */
function bornBefore(text: string, position: number, floor: number, used: number): boolean {
  let index = position;
  for (let words = used; words <= MAX_BORN_WORDS; words++) {
    while (index > floor && (text.charCodeAt(index - 1) === SPACE || text.charCodeAt(index - 1) === COMMA)) index--;
    const wordEnd = index;
    while (index > floor && isAsciiLetter(text.charCodeAt(index - 1))) index--;
    if (index === wordEnd || index <= floor) return false;
    if (wordEnd - index === 4 && bareIs(text, index, wordEnd, 'born') && !isAsciiLetter(text.charCodeAt(index - 1))) return true;
  }
  return false;
}

/**
 * Birth context after a date ending at `from` ("is my birthday", "(DOB)", "— date of birth"):
 * CONTEXT_FOUND when found, plus CONTEXT_TOUCHED when the reading reached the end of the text.
 *
 * @example
 * contextAfter('1985-01-01 is my birthday.', 10) // CONTEXT_FOUND
 * contextAfter('1985-01-01 is my', 10) // CONTEXT_TOUCHED
 */
export function contextAfter(text: string, from: number): number {
  const length = text.length;
  let touched = 0;
  let position = from;
  for (let words = 0; words <= MAX_FILLERS && position - from < CONTEXT_AFTER; words++) {
    while (position - from < CONTEXT_AFTER) {
      if (position >= length) {
        touched = CONTEXT_TOUCHED;
        break;
      }
      const code = text.charCodeAt(position);
      if (code === SPACE || code === COMMA || code === HYPHEN || code === OPEN_PAREN || code === COLON || code === QUOTE || code === APOSTROPHE) position++;
      else break;
    }
    const wordStart = position;
    while (position - wordStart < MAX_AFTER_WORD) {
      if (position >= length) {
        touched = CONTEXT_TOUCHED;
        break;
      }
      const code = text.charCodeAt(position);
      if (isAsciiLetter(code) || code === DOT || code === APOSTROPHE) position++;
      else break;
    }
    if (position === wordStart) return touched;
    let wordEnd = position;
    // A sentence's full stop is not part of the word ("… my birthday.") unless it ends "d.o.b.".
    if (text.charCodeAt(wordEnd - 1) === DOT && !isAfterCue(text, wordStart, wordEnd)) wordEnd--;
    if (isAfterCue(text, wordStart, wordEnd)) return CONTEXT_FOUND | touched;
    if (wordIs(text, wordStart, wordEnd, 'date') || wordIs(text, wordStart, wordEnd, 'birth')) {
      // "date of birth", "birth date": the next words, compared in lower case.
      if (startsWith(text, wordStart, 'date of birth') || startsWith(text, wordStart, 'birth date')) return CONTEXT_FOUND | touched;
      if (wordStart + 13 > length) touched = CONTEXT_TOUCHED;
    }
    if (!FILLER_KEYS.has(wordKey(text, wordStart, wordEnd))) return touched;
  }
  return touched;
}

/** True for a context word after the date: "1990-04-12 is my birthday", "12/04/1990 (DOB)". */
function isAfterCue(text: string, start: number, end: number): boolean {
  for (let k = 0; k < AFTER_CUES.length; k++) if (wordIs(text, start, end, AFTER_CUES[k])) return true;
  return false;
}

/** Separators skipped between context words before a date. */
const isGap = (code: number): boolean =>
  code === SPACE || code === TAB || code === CR || code === COMMA || code === COLON || code === EQUALS || code === HYPHEN || code === OPEN_PAREN || code === CLOSE_PAREN || code === QUOTE || code === APOSTROPHE || code === QUESTION || code === DOT || code === NBSP;

/**
 * A word of letters, apostrophes and dots as a number (a=1 … z=26, `'`=27, `.`=28, five bits
 * each), or -1 when it is longer than any filler. Lower-cased by `| 0x20`, which is exact for
 * these characters.
 */
function wordKey(text: string, start: number, end: number): number {
  if (end - start > MAX_FILLER) return -1;
  let key = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index) | 0x20;
    key = key * 32 + (code === APOSTROPHE ? 27 : code === DOT ? 28 : code - 96);
  }
  return key;
}

/** True when the word `text[start, end)` is `word` (lower case) ignoring ASCII case. */
function wordIs(text: string, start: number, end: number, word: string): boolean {
  if (end - start !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((text.charCodeAt(start + k) | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/** True when the word `text[start, end)` without its dots is `word` (lower case) ignoring ASCII case. */
function bareIs(text: string, start: number, end: number, word: string): boolean {
  let k = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === DOT) continue;
    if (k === word.length || (code | 0x20) !== word.charCodeAt(k)) return false;
    k++;
  }
  return k === word.length;
}

/** True when `text` holds `words` (lower-case letters and spaces) at `start`, ignoring ASCII case. */
function startsWith(text: string, start: number, words: string): boolean {
  if (start + words.length > text.length) return false;
  for (let k = 0; k < words.length; k++) if (!sameFolded(text.charCodeAt(start + k), words.charCodeAt(k))) return false;
  return true;
}

/** True when `text[0, end)` ends with `words` (lower-case letters and spaces), ignoring ASCII case. */
function endsWith(text: string, end: number, words: string): boolean {
  const start = end - words.length;
  return start >= 0 && startsWith(text, start, words);
}

/** `code` is `lower` (a lower-case letter or a space) ignoring ASCII case; `| 0x20` alone would also take NUL for a space. */
const sameFolded = (code: number, lower: number): boolean => (lower === SPACE ? code === SPACE : (code | 0x20) === lower);

