import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';

/** Options of `dateOfBirth`. */
export interface DateOfBirthOptions {
  /** Earliest plausible birth year. Default: 1900. */
  readonly minYear?: number;
  /**
   * Latest plausible birth year. Default: 2039. The core reads no clock (it is zero-I/O), so the
   * range is fixed; pass the current year to reject future dates.
   */
  readonly maxYear?: number;
  /** Score of a finding. Default: 0.9. */
  readonly score?: number;
}

/** "12th of September, 1990" is 23 code units; "Sept. 12th, 1990" 16. */
const MAX_DATE = 28;
/** Code units before a date where its birth context may stand ("date of birth is: "). */
const BEFORE = 48;
/** Code units after a date where "is my birthday" or "(DOB)" may stand. */
const AFTER = 32;
/** Filler words between a context word and the date ("born on the", "DOB is"). */
const MAX_FILLERS = 4;
/** Any words between "born" and the date, in the same sentence ("born in Leeds on ..."). */
const MAX_BORN_WORDS = 6;
/** Longest month name read, "september". */
const MAX_MONTH = 9;
/** A month name before the day, the context window before the date, "date of " before "birth". */
const LOOKBEHIND = MAX_MONTH + 2 + BEFORE + 10;
/** Text after a date's first code unit that decides it: the date, a time after it, the after context and its last word. */
const TAIL = MAX_DATE + AFTER + 24;

const SPACE = 32;
const COMMA = 44;
const HYPHEN = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const LF = 10;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Words allowed between a context word and the date. */
const FILLERS = new Set(['is', 'was', 'on', 'of', 'the', 'my', 'his', 'her', 'their', 'your', 'our', "it's", 'its', 'it', 'date', 'at', 'as', 'to', 'listed', 'file', 'record', 'reads', 'be', 'am']);
/** Context words after the date: "1990-04-12 is my birthday", "12/04/1990 (DOB)". */
const AFTER_CUES = new Set(['birthday', 'dob', 'd.o.b', 'd.o.b.', 'birthdate']);

/**
 * Finds dates of birth: a date next to birth context ("DOB", "D.O.B.", "date of birth", "birth
 * date", "born (on)", "birthday", "b." in forms) written 1990-04-12, 12/04/1990, 04/12/1990,
 * 12.04.1990, 12-Apr-1990, April 12, 1990, 12 April 1990 or 12th of April 1990 (two-digit years
 * too). The date must exist (Gregorian calendar, leap years) and its year must be a plausible
 * birth year (`minYear`–`maxYear`); a date followed by a time is a timestamp and is skipped.
 * Other dates (appointments, deadlines, logs) are left alone. Anchored on the scanner's digit
 * runs, so text without digits costs nothing here. The finding is the date, not its context.
 *
 * @example
 * createRedactor({ detectors: [dateOfBirth()] }).redact('DOB: 12/04/1990, appointment on 2024-05-01').text
 * // 'DOB: [DATE_OF_BIRTH], appointment on 2024-05-01'
 */
export function dateOfBirth(options: DateOfBirthOptions = {}): Detector {
  if (options === null || typeof options !== 'object') throw new TypeError('dateOfBirth: options must be an object (or omitted)');
  const minYear = options.minYear ?? 1900;
  const maxYear = options.maxYear ?? 2039;
  const score = options.score ?? 0.9;
  if (!Number.isInteger(minYear) || !Number.isInteger(maxYear) || minYear > maxYear) throw new RangeError('dateOfBirth: options.minYear and options.maxYear must be integers with minYear <= maxYear');
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) throw new RangeError('dateOfBirth: options.score must be a number from 0 to 1');
  const parser = createDateParser(minYear, maxYear);
  return {
    name: 'date-of-birth',
    type: 'DATE_OF_BIRTH',
    maxLength: MAX_DATE,
    lookbehind: LOOKBEHIND,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const anchor = digitRuns[k];
        if (anchor < scan.from) continue;
        if (parser.decide(text, anchor) && parser.start >= scan.from) {
          out.push({ type: 'DATE_OF_BIRTH', start: parser.start, end: parser.end, score, detector: 'date-of-birth' });
        }
      }
    },
    pending(text, from) {
      const end = text.length;
      const floor = Math.max(from, end - TAIL);
      let hold = end;
      // A month name at the end may still start "April 12, 1990".
      let index = end;
      while (index > floor && end - index < 3 && !isLetter(text.charCodeAt(index - 1))) index--;
      const wordEnd = index;
      while (index > floor && wordEnd - index <= MAX_MONTH && isLetter(text.charCodeAt(index - 1))) index--;
      if (index < wordEnd && (index === 0 || !isLetter(text.charCodeAt(index - 1))) && isMonthPrefix(text, index, wordEnd)) hold = index;
      // A date whose reading ran into the end may still change.
      for (index = floor; index < end; index++) {
        if (!isDigit(text.charCodeAt(index)) || (index > 0 && isDigit(text.charCodeAt(index - 1)))) continue;
        parser.decide(text, index);
        if (parser.touched) return Math.max(from, Math.min(hold, parser.earliest));
      }
      return Math.max(from, hold);
    },
  };
}

interface DateParser {
  /** True when the digit run at `anchor` starts a date of birth; sets `start`, `end`, `touched`, `earliest`. */
  decide(text: string, anchor: number): boolean;
  readonly start: number;
  readonly end: number;
  /** The reading reached the end of the text: more text could change the answer. */
  readonly touched: boolean;
  /** Earliest index the date could start at (a month name before the anchor). */
  readonly earliest: number;
}

function createDateParser(minYear: number, maxYear: number): DateParser {
  let start = 0;
  let end = 0;
  let touched = false;
  let earliest = 0;

  const at = (text: string, index: number): number => {
    if (index >= text.length) {
      touched = true;
      return -1;
    }
    return text.charCodeAt(index);
  };
  const digitsAt = (text: string, index: number, max: number): number => {
    let count = 0;
    while (count <= max && isDigit(at(text, index + count))) count++;
    return count;
  };
  const number = (text: string, index: number, count: number): number => {
    let value = 0;
    for (let k = 0; k < count; k++) value = value * 10 + text.charCodeAt(index + k) - 48;
    return value;
  };
  const fullYear = (value: number, digits: number): number => (digits === 4 ? value : value + (value + 2000 <= maxYear ? 2000 : 1900));
  const validYear = (year: number): boolean => year >= minYear && year <= maxYear;
  const validDay = (year: number, month: number, day: number): boolean => {
    if (month < 1 || month > 12 || day < 1 || day > DAYS_IN_MONTH[month - 1]) return false;
    return month !== 2 || day !== 29 || (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0));
  };
  /** Month number of the English month name or abbreviation at `index` (sets `monthEnd`), or 0. */
  let monthEnd = 0;
  const monthAt = (text: string, index: number): number => {
    let position = index;
    while (position - index < MAX_MONTH && isLetter(at(text, position))) position++;
    if (isLetter(at(text, position))) return 0;
    const length = position - index;
    if (length < 3) return 0;
    const word = text.slice(index, position).toLowerCase();
    for (let month = 0; month < 12; month++) {
      if (word === MONTH_NAMES[month] || (length === 3 && word === MONTHS[month]) || (word === 'sept' && month === 8)) {
        monthEnd = position;
        if (at(text, position) === DOT) monthEnd++;
        return month + 1;
      }
    }
    return 0;
  };

  /** Parses the date whose first digit run is at `anchor`; sets `start`/`end`, returns false if none. */
  const parse = (text: string, anchor: number): boolean => {
    start = anchor;
    earliest = anchor;
    // Not inside a word or a longer number: "v2", "1.2.1990", "10:1990".
    const previous = anchor > 0 ? text.charCodeAt(anchor - 1) : SPACE;
    if (isLetter(previous)) return false;
    if ((previous === SLASH || previous === DOT || previous === HYPHEN || previous === COLON) && anchor >= 2 && isDigit(text.charCodeAt(anchor - 2))) return false;
    const first = digitsAt(text, anchor, 4);
    const separator = at(text, anchor + first);
    if (first === 4 && (separator === HYPHEN || separator === SLASH || separator === DOT)) {
      // ISO 8601 / year first: 1990-04-12, 1990/4/12.
      const year = number(text, anchor, 4);
      const monthDigits = digitsAt(text, anchor + 5, 2);
      if (monthDigits < 1 || monthDigits > 2 || at(text, anchor + 5 + monthDigits) !== separator) return false;
      const dayAt = anchor + 6 + monthDigits;
      const dayDigits = digitsAt(text, dayAt, 2);
      if (dayDigits < 1 || dayDigits > 2) return false;
      end = dayAt + dayDigits;
      return validYear(year) && validDay(year, number(text, anchor + 5, monthDigits), number(text, dayAt, dayDigits));
    }
    if (first < 1 || first > 2) return false;
    const firstValue = number(text, anchor, first);
    if (separator === HYPHEN || separator === SLASH || separator === DOT) {
      const secondAt = anchor + first + 1;
      const second = digitsAt(text, secondAt, 2);
      let month2 = 0;
      let yearAt: number;
      if (second >= 1 && second <= 2) {
        if (at(text, secondAt + second) !== separator) return false;
        yearAt = secondAt + second + 1;
      } else {
        // 22-Nov-1972, 22.Nov.1972
        month2 = monthAt(text, secondAt);
        if (month2 === 0 || at(text, monthEnd) !== separator && !(text.charCodeAt(monthEnd - 1) === DOT && at(text, monthEnd) !== -1)) return false;
        yearAt = text.charCodeAt(monthEnd) === separator ? monthEnd + 1 : monthEnd;
      }
      const yearDigits = digitsAt(text, yearAt, 4);
      if (yearDigits !== 2 && yearDigits !== 4) return false;
      end = yearAt + yearDigits;
      const year = fullYear(number(text, yearAt, yearDigits), yearDigits);
      if (!validYear(year)) return false;
      if (month2 > 0) return validDay(year, month2, firstValue);
      const secondValue = number(text, secondAt, second);
      // Day-month or month-day order: either reading must be a real date.
      return validDay(year, secondValue, firstValue) || validDay(year, firstValue, secondValue);
    }
    // "12 April 1990", "12th of April, 1990", "April 12, 1990", "Apr. 12th 1990".
    let position = anchor + first;
    // An ordinal suffix cut by the end ("12t") is still undecided.
    if (position + 3 > text.length && isLetter(text.charCodeAt(position))) touched = true;
    const suffix = ordinalAt(text, position);
    position += suffix;
    let month = 0;
    let yearAt = -1;
    const backMonth = monthBefore(text, anchor);
    if (backMonth > 0) {
      month = backMonth;
      earliest = start = monthStart;
      if (at(text, position) === COMMA) position++;
      if (at(text, position) !== SPACE) return false;
      yearAt = position + 1;
    } else {
      earliest = anchor;
      if (at(text, position) !== SPACE && at(text, position) !== HYPHEN) return false;
      position++;
      if (text.startsWith('of ', position)) position += 3;
      else if (position + 3 > text.length) touched = true;
      month = monthAt(text, position);
      if (month === 0) return false;
      position = monthEnd;
      if (at(text, position) === COMMA) position++;
      const gap = at(text, position);
      if (gap !== SPACE && gap !== HYPHEN) return false;
      yearAt = position + 1;
    }
    const yearDigits = digitsAt(text, yearAt, 4);
    if (yearDigits !== 4) return false;
    end = yearAt + yearDigits;
    const year = number(text, yearAt, 4);
    return validYear(year) && validDay(year, month, firstValue);
  };

  let monthStart = 0;
  /** Month name right before the day at `anchor` ("April 12", "Apr. 12"), or 0. */
  const monthBefore = (text: string, anchor: number): number => {
    let position = anchor - 1;
    if (position < 0 || text.charCodeAt(position) !== SPACE) return 0;
    if (position > 0 && text.charCodeAt(position - 1) === DOT) position--;
    const wordEnd = position;
    while (position > 0 && wordEnd - position < MAX_MONTH && isLetter(text.charCodeAt(position - 1))) position--;
    if (position > 0 && isLetter(text.charCodeAt(position - 1))) return 0;
    const saved = touched;
    const month = monthAt(text, position);
    touched = saved;
    if (month === 0 || (monthEnd !== wordEnd && monthEnd !== wordEnd + 1)) return 0;
    monthStart = position;
    return month;
  };

  const decide = (text: string, anchor: number): boolean => {
    touched = false;
    if (!parse(text, anchor)) return false;
    // A date glued to more digits, letters or a time is something else ("1990-04-12T10:00", "12/04/1990 14:30").
    const next = at(text, end);
    if (isDigit(next) || isLetter(next)) return false;
    if ((next === SLASH || next === DOT || next === HYPHEN || next === COLON) && isDigit(at(text, end + 1))) return false;
    if (next === SPACE && isDigit(at(text, end + 1))) {
      const hourDigits = digitsAt(text, end + 1, 2);
      if (hourDigits <= 2 && at(text, end + 1 + hourDigits) === COLON) return false;
    }
    if (hasContextBefore(text, start)) return true;
    return hasContextAfter(text, end);
  };

  const hasContextAfter = (text: string, from: number): boolean => {
    let position = from;
    for (let words = 0; words <= MAX_FILLERS && position - from < AFTER; words++) {
      while (position - from < AFTER) {
        const code = at(text, position);
        if (code === SPACE || code === COMMA || code === HYPHEN || code === 40 || code === 58 || code === 34 || code === 39) position++;
        else break;
      }
      const wordStart = position;
      while (position - wordStart < 16 && (isLetter(at(text, position)) || text.charCodeAt(position) === DOT || text.charCodeAt(position) === 39)) position++;
      if (position === wordStart) return false;
      let word = text.slice(wordStart, position).toLowerCase();
      if (word.endsWith('.') && !AFTER_CUES.has(word)) word = word.slice(0, -1);
      if (AFTER_CUES.has(word)) return true;
      if (word === 'date' || word === 'birth') {
        // "date of birth", "birth date": the next words, compared in lower case.
        const rest = text.slice(wordStart, wordStart + 13).toLowerCase();
        if (rest === 'date of birth' || rest.startsWith('birth date')) return true;
        if (wordStart + 13 > text.length) touched = true;
      }
      if (!FILLERS.has(word)) return false;
    }
    return false;
  };

  return {
    decide,
    get start() {
      return start;
    },
    get end() {
      return end;
    },
    get touched() {
      return touched;
    },
    get earliest() {
      return earliest;
    },
  };
}

/** True when birth context ends shortly before `start` with only filler between. */
function hasContextBefore(text: string, start: number): boolean {
  const floor = Math.max(0, start - BEFORE);
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
      } else if (!(code === SPACE || code === 9 || code === 13 || code === COMMA || code === COLON || code === 61 || code === HYPHEN || code === 40 || code === 41 || code === 34 || code === 39 || code === 63 || code === DOT || code === 0xa0)) break;
      position--;
    }
    if (position <= floor) return false;
    const wordEnd = position;
    while (position > floor && (isLetter(text.charCodeAt(position - 1)) || text.charCodeAt(position - 1) === 39 || (text.charCodeAt(position - 1) === DOT && position - 1 > floor && isLetter(text.charCodeAt(position - 2))))) position--;
    if (position === wordEnd) return false;
    if (position > 0 && isLetter(text.charCodeAt(position - 1))) return false;
    const word = text.slice(position, wordEnd).toLowerCase();
    const bare = word.replace(/\./g, '');
    // "b." in forms: a lone letter b with its dot.
    if (bare === 'dob' || bare === 'birthday' || bare === 'birthdate' || bare === 'born' || bare === 'dateofbirth') return true;
    if (bare === 'b' && text.charCodeAt(wordEnd) === DOT) return true;
    if (bare === 'birth' || bare === 'date') {
      // "date of birth", "day of birth", "birth date": the words before, compared in lower case.
      const head = text.slice(Math.max(0, position - 8), position).toLowerCase();
      if (bare === 'birth' ? head.endsWith('date of ') || head.endsWith('day of ') : head.endsWith('birth ')) return true;
    }
    words++;
    if (FILLERS.has(word)) fillers++;
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
    while (index > floor && isLetter(text.charCodeAt(index - 1))) index--;
    if (index === wordEnd || index <= floor) return false;
    if (wordEnd - index === 4 && text.slice(index, wordEnd).toLowerCase() === 'born' && !isLetter(text.charCodeAt(index - 1))) return true;
  }
  return false;
}

function ordinalAt(text: string, index: number): number {
  const a = text.charCodeAt(index) | 0x20;
  const b = text.charCodeAt(index + 1) | 0x20;
  if ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) {
    return isLetter(text.charCodeAt(index + 2)) ? 0 : 2; // st nd rd th
  }
  return 0;
}

function isMonthPrefix(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end).toLowerCase();
  if (word.length < 3 && end < text.length) return false;
  return MONTH_NAMES.some((name) => name.startsWith(word)) || word === 'sept';
}

const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
const isLetter = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;
