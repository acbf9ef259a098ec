import { isAsciiLetter, isDigit } from '../scanner/char-class.js';
import { CONTEXT_AFTER, CONTEXT_BEFORE, CONTEXT_FOUND, CONTEXT_TOUCHED, CUE_AFTER, CUE_BEFORE, CONTEXT_WORDS, contextAfter, createCueCursor, hasContextBefore } from './birth-context.js';
import { HAS_DIGIT, type Positions } from '../scanner/scan.js';
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

/** "12th of September, 1990" is 23 code units; "Sept. 12th, 1990" 16. A date ends at most this far after its first digit. */
const MAX_DATE = 28;
/** Longest month name read, "september". */
const MAX_MONTH = 9;
/** A month name before the day, the context window before the date, "date of " before "birth". */
const LOOKBEHIND = MAX_MONTH + 2 + CONTEXT_BEFORE + 10;
/** Text after a date's first code unit that decides it: the date, a time after it, the after context and its last word. */
const TAIL = MAX_DATE + CONTEXT_AFTER + 24;
/**
 * Where the 'b' of a birth cue must stand for the digit run at `anchor` to start a date of birth:
 * `[anchor - CUE_REACH_BEFORE, anchor + CUE_REACH_AFTER)`. The date starts at most a month name
 * and ". " before the anchor and ends at most MAX_DATE after it; see `CUE_BEFORE`/`CUE_AFTER`.
 */
const CUE_REACH_BEFORE = MAX_MONTH + 2 + CUE_BEFORE;
const CUE_REACH_AFTER = MAX_DATE + CUE_AFTER;

/** A barrier word starts at least this far before the end (see `READ_ON`). */
const BARRIER_ROOM = 8;

const SPACE = 32;
const COMMA = 44;
const HYPHEN = 45;
const DOT = 46;
const APOSTROPHE = 39;
const SLASH = 47;
const COLON = 58;

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** Bit (letter - 'a') set for the first letters of month names: a d f j m n o s. */
const MONTH_INITIALS = /* #__PURE__ */ MONTH_NAMES.reduce((bits, name) => bits | (1 << (name.charCodeAt(0) - 97)), 0);
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

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
  const cues = createCueCursor();
  /** A cue 'b' stands within reach of the digit run at `anchor` (anchors asked in ascending order after `cues.reset`). */
  const cueNear = (anchor: number): boolean => {
    const cue = cues.next(Math.max(0, anchor - CUE_REACH_BEFORE));
    return cue >= 0 && cue < anchor + CUE_REACH_AFTER;
  };
  const parser = createDateParser(minYear, maxYear, cueNear);
  /** Starts of the digit runs in the undecided tail (at most one per two code units of TAIL). */
  const starts = new Int32Array(TAIL / 2 + 1);
  /** Spans of the dates `pending` found decided, in the order found. */
  const decidedStarts = new Int32Array(TAIL / 2 + 1);
  const decidedEnds = new Int32Array(TAIL / 2 + 1);
  /**
   * `cut`, or the start of the first of the `decided` dates that crosses it: a later run may be
   * undecided inside a date already decided ("DOB 01-Jan-50 D", where "50 D" may still become
   * "50 Dec..."), and no finding may cross what `pending` returns.
   */
  const outside = (cut: number, decided: number): number => {
    for (let k = 0; k < decided; k++) if (decidedStarts[k] < cut && decidedEnds[k] > cut) cut = decidedStarts[k];
    return cut;
  };
  return {
    name: 'date-of-birth',
    type: 'DATE_OF_BIRTH',
    maxLength: MAX_DATE,
    lookbehind: LOOKBEHIND,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      cues.reset(text);
      for (let k = 0; k < digitRuns.length; k += 2) {
        const anchor = digitRuns[k];
        if (anchor < scan.from) continue;
        // A date starts with its day, month or year: a run of 3 or 5+ digits never does (parse
        // rejects it at once), nor a run the digit runs after it cannot complete (see
        // `mayStartDate`). Without a cue in reach the date, if any, is not a birth date: in
        // clean chat (dates, times, versions, prices) that skips parsing altogether.
        const digits = digitRuns[k + 1] - anchor;
        if (digits === 3 || digits > 4 || !mayStartDate(text, digitRuns, k) || !cueNear(anchor)) continue;
        if (parser.decide(text, anchor, true) && parser.start >= scan.from) {
          out.push({ type: 'DATE_OF_BIRTH', start: parser.start, end: parser.end, score, detector: 'date-of-birth' });
        }
      }
    },
    pending(text, from) {
      const end = text.length;
      const floor = Math.max(from, end - TAIL);
      let hold = end;
      // One walk back from the end. The last word, when a month name may still grow from it
      // ("Apr" -> "April 12, 1990"), is held. A date whose reading ran into the end may still
      // change: the digit runs that may start one are collected up to the first barrier word
      // (see `READ_ON`), since no reading from before it gets past it. Clean prose meets one
      // within a word or two, so a check reads about a dozen code units.
      let count = 0;
      /** Start of the collected digit run that ends the text, or -1. */
      let tail = -1;
      let closed = false;
      let last = true;
      let index = end;
      while (index > floor) {
        const code = text.charCodeAt(index - 1);
        if (isAsciiLetter(code)) {
          const wordEnd = index;
          index--;
          while (index > floor && isAsciiLetter(text.charCodeAt(index - 1))) index--;
          const length = wordEnd - index;
          const whole = index === 0 || !isAsciiLetter(text.charCodeAt(index - 1));
          // The last word, after at most 3 other code units.
          if (last && wordEnd >= end - 3 && whole && length <= MAX_MONTH + 1 && isMonthPrefix(text, index, wordEnd)) hold = index;
          last = false;
          if (closed && whole && index + BARRIER_ROOM <= end && length >= 3 && (length > MAX_MONTH || !readsOn(text, index, length))) break;
          continue;
        }
        // Anything but a letter, '.' or "'" ends a context word: the word before it is complete.
        if (code !== DOT && code !== APOSTROPHE) closed = true;
        if (isDigit(code)) {
          const runEnd = index;
          index--;
          while (index > floor && isDigit(text.charCodeAt(index - 1))) index--;
          if ((index > floor || floor === 0 || !isDigit(text.charCodeAt(floor - 1))) && mayReachEnd(text, index, runEnd)) {
            if (runEnd === end) tail = index;
            starts[count++] = index;
          }
          continue;
        }
        index--;
      }
      if (count > 0) cues.reset(text);
      let decided = 0;
      for (let k = count - 1; k >= 0; k--) {
        const anchor = starts[k];
        if (anchor === tail) {
          // A run that ends the text and passed the screen: reading its digits (at most 5)
          // reaches the end, so it is undecided from its start, or from the month name before
          // a day ("Feb 1"), as `decide` would find: a third of the runs left to parse.
          const digits = end - anchor;
          if (digits <= 5) return Math.max(from, outside(Math.min(hold, digits <= 2 ? parser.dayStart(text, anchor) : anchor), decided));
          continue;
        }
        if (parser.decide(text, anchor, false)) {
          decidedStarts[decided] = parser.start;
          decidedEnds[decided++] = parser.end;
        }
        if (parser.touched) return Math.max(from, outside(Math.min(hold, parser.earliest), decided));
      }
      return Math.max(from, hold);
    },
  };
}

/**
 * False when the digit run `runs[k]` (1, 2 or 4 digits) starts no date whatever its context:
 * a necessary condition of `parse`, read from the scanner's runs and a code unit or two, so
 * that most runs of clean chat are dropped before the birth cue is searched for. `parse`
 * rejects a run glued to a word or a number before it; every date it accepts holds a second
 * digit run after the first (a month, a day or a year), which starts at most 20 code units after
 * the anchor ("12th of September, 1990"; MAX_DATE bounds it); a 4-digit run starts only a
 * year-first date, whose month and day are the next two runs, each right after a separator; a
 * 1- or 2-digit run is followed by a separator, a space, a comma or an ordinal suffix. Times
 * ("8:56"), prices ("1368.07"), version parts and lone numbers fail: on bench/fixtures.ts
 * `cleanChat` the runs that reach `cueNear` fell from 3.3 to 0.3 a message (0.27 of messages: dates and versions). The runs alone are read first.
 */
function mayStartDate(text: string, runs: Positions, k: number): boolean {
  if (k + 2 >= runs.length) return false;
  const anchor = runs[k];
  const runEnd = runs[k + 1];
  const second = runs[k + 2];
  const secondDigits = runs[k + 3] - second;
  const adjacent = second === runEnd + 1;
  // First what the runs alone rule out (most runs: "8:56", "1368.07", "24 seats"), then the
  // code units around the run.
  if (runEnd - anchor === 4) {
    // 1990-04-12: a month and a day of 1 or 2 digits, each right after a separator.
    if (!adjacent || secondDigits > 2) return false;
    const third = thirdDigits(runs, k);
    if (third < 1 || third > 2) return false;
  } else if (secondDigits === 2 || secondDigits === 4) {
    // A year (12-Apr-1990, 12 April 1990, April 12, 1990) or a month or day (12/04/90).
    if (second >= anchor + MAX_DATE) return false;
  } else {
    // 12/4/1990: a day or month of 1 digit, then the year right after a separator.
    if (!adjacent || secondDigits > 2) return false;
    const third = thirdDigits(runs, k);
    if (third !== 2 && third !== 4) return false;
  }
  const previous = anchor > 0 ? text.charCodeAt(anchor - 1) : SPACE;
  if (isAsciiLetter(previous)) return false;
  if ((previous === SLASH || previous === DOT || previous === HYPHEN || previous === COLON) && anchor >= 2 && isDigit(text.charCodeAt(anchor - 2))) return false;
  const next = text.charCodeAt(runEnd);
  if (next === HYPHEN || next === SLASH || next === DOT) {
    // 1990-04-12 (the runs passed above); 12/04/1990, 12/04/90; 12-Apr-1990, whose year is the second run.
    if (runEnd - anchor === 4 || !adjacent) return true;
    if (secondDigits > 2) return false;
    const third = thirdDigits(runs, k);
    return third === 2 || third === 4;
  }
  // 12 April 1990, April 12, 1990, 12th of April 1990: the year, of 4 digits, is the second run.
  return runEnd - anchor <= 2 && (next === SPACE || next === COMMA || isAsciiLetter(next)) && secondDigits === 4;
}

/** Digits of the run after `runs[k + 2]` when one code unit separates them, else 0. */
function thirdDigits(runs: Positions, k: number): number {
  return k + 4 < runs.length && runs[k + 4] === runs[k + 3] + 1 ? runs[k + 5] - runs[k + 4] : 0;
}

/**
 * False when `parse` rejects the digit run `[start, runEnd)` before reading to the end of the
 * text, so that no text appended can change it (`pending` then skips it): glued to a word or a
 * number before it (its first check), or, when the run ends before the end of the text, a run
 * that cannot start a date: 3 or 5+ digits, 4 not followed by '-', '/' or '.' (a year first),
 * 1 or 2 followed by none of those, a space, a comma or a letter ("9:02", "24%"; a day is
 * followed by a separator, a month name, a suffix or ", "). Most digit runs of a chat tail are
 * such (times, prices, "v5.5", order numbers): screening them cut the runs `pending` parses
 * from 0.46 to 0.18 a stream check on bench/fixtures.ts `cleanChat` (4-char chunks).
 */
function mayReachEnd(text: string, start: number, runEnd: number): boolean {
  const previous = start > 0 ? text.charCodeAt(start - 1) : SPACE;
  if (isAsciiLetter(previous)) return false;
  if ((previous === SLASH || previous === DOT || previous === HYPHEN || previous === COLON) && start >= 2 && isDigit(text.charCodeAt(start - 2))) return false;
  if (runEnd === text.length) return true;
  const digits = runEnd - start;
  if (digits > 4 || digits === 3) return false;
  const next = text.charCodeAt(runEnd);
  if (next === HYPHEN || next === SLASH || next === DOT) return true;
  return digits < 3 && (next === SPACE || next === COMMA || isAsciiLetter(next));
}

interface DateParser {
  /**
   * True when the digit run at `anchor` starts a date of birth; sets `start`, `end`, `touched`,
   * `earliest`. `cueChecked`: the caller knows a cue stands within reach; otherwise the parser
   * asks `cueNear` once the date has parsed, and without a cue reads no context word (the answer
   * is then false, and only whether the reading after the date reaches the end is learnt).
   */
  decide(text: string, anchor: number, cueChecked: boolean): boolean;
  readonly start: number;
  readonly end: number;
  /** The reading reached the end of the text: more text could change the answer. */
  readonly touched: boolean;
  /** Earliest index the date could start at (a month name before the anchor). */
  readonly earliest: number;
  /** Where a date whose day is the 1 or 2 digits at `anchor` starts: the month name right before it ("Feb 1"), else `anchor`. */
  dayStart(text: string, anchor: number): number;
}

function createDateParser(minYear: number, maxYear: number, cueNear: (anchor: number) => boolean): DateParser {
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
    const length = text.length;
    let position = index;
    while (position - index < MAX_MONTH && position < length && isAsciiLetter(text.charCodeAt(position))) position++;
    // The word (or the dot after it) is read up to the end: more letters could follow.
    if (position >= length) touched = true;
    else if (isAsciiLetter(text.charCodeAt(position))) return 0;
    const month = monthOf(text, index, position - index);
    if (month === 0) return 0;
    monthEnd = text.charCodeAt(position) === DOT ? position + 1 : position;
    return month;
  };

  /** Parses the date whose first digit run is at `anchor`; sets `start`/`end`, returns false if none. */
  const parse = (text: string, anchor: number): boolean => {
    start = anchor;
    earliest = anchor;
    // Not inside a word or a longer number: "v2", "1.2.1990", "10:1990".
    const previous = anchor > 0 ? text.charCodeAt(anchor - 1) : SPACE;
    if (isAsciiLetter(previous)) return false;
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
    if (position + 3 > text.length && isAsciiLetter(text.charCodeAt(position))) touched = true;
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
    while (position > 0 && wordEnd - position < MAX_MONTH && isAsciiLetter(text.charCodeAt(position - 1))) position--;
    if (position > 0 && isAsciiLetter(text.charCodeAt(position - 1))) return 0;
    // The word lies wholly before the anchor, so reading it never reaches the end of the text.
    const month = monthOf(text, position, wordEnd - position);
    if (month > 0) monthStart = position;
    return month;
  };

  const decide = (text: string, anchor: number, cueChecked: boolean): boolean => {
    touched = false;
    if (!parse(text, anchor)) return false;
    // A date glued to more digits, letters or a time is something else ("1990-04-12T10:00", "12/04/1990 14:30").
    const next = at(text, end);
    if (isDigit(next) || isAsciiLetter(next)) return false;
    if ((next === SLASH || next === DOT || next === HYPHEN || next === COLON) && isDigit(at(text, end + 1))) return false;
    if (next === SPACE && isDigit(at(text, end + 1))) {
      const hourDigits = digitsAt(text, end + 1, 2);
      if (hourDigits <= 2 && at(text, end + 1 + hourDigits) === COLON) return false;
    }
    if (!cueChecked && !cueNear(anchor)) {
      if ((contextAfter(text, end) & CONTEXT_TOUCHED) !== 0) touched = true;
      return false;
    }
    if (hasContextBefore(text, start)) return true;
    const after = contextAfter(text, end);
    if ((after & CONTEXT_TOUCHED) !== 0) touched = true;
    return (after & CONTEXT_FOUND) !== 0;
  };

  return {
    decide,
    dayStart: (text, anchor) => (monthBefore(text, anchor) > 0 ? monthStart : anchor),
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

function ordinalAt(text: string, index: number): number {
  const a = text.charCodeAt(index) | 0x20;
  const b = text.charCodeAt(index + 1) | 0x20;
  if ((a === 115 && b === 116) || (a === 110 && b === 100) || (a === 114 && b === 100) || (a === 116 && b === 104)) {
    return isAsciiLetter(text.charCodeAt(index + 2)) ? 0 : 2; // st nd rd th
  }
  return 0;
}

/**
 * Month number (1–12) of the English month name or abbreviation `text[start, start + length)`
 * (ASCII letters: "April", "apr", "Sept"), or 0. Compared by char code, `| 0x20` folding case.
 */
function monthOf(text: string, start: number, length: number): number {
  if (length < 3 || length > 9 || ((MONTH_INITIALS >>> ((text.charCodeAt(start) | 0x20) - 97)) & 1) === 0) return 0;
  for (let month = 0; month < 12; month++) {
    const name = MONTH_NAMES[month];
    // The full name, its first three letters, or "sept".
    if ((length === name.length || length === 3 || (length === 4 && month === 8)) && foldedPrefix(text, start, name, length)) return month + 1;
  }
  return 0;
}

/**
 * A barrier word, for `pending`: no reading of a date that starts before it gets past it. It is
 * a whole run of at least 3 ASCII letters that is no month name or abbreviation (which a date
 * would read on) and none of CONTEXT_WORDS (which the context after a date would read on, or
 * decide on). A date reads its parts in order (digits, separators, a month name, "of", an
 * ordinal suffix) and stops at the first that does not fit; the context after it reads whole
 * words of letters, '.' and "'", and stops at the first that is none of CONTEXT_WORDS. So both
 * stop at this word or before, provided the context word around it is complete (`pending`
 * checks that a code unit that ends words follows it) and that it starts BARRIER_ROOM units
 * before the end: the other ways a reading learns it is cut short look at most 3 units past a
 * date part and 13 past a "date" or "birth" word (which stands at least 5 units before this one).
 * `READ_ON` holds the words that are not barriers (at most MAX_MONTH letters: every longer word
 * is a barrier).
 */
const READ_ON: readonly string[] = /* #__PURE__ */ [...MONTH_NAMES, ...MONTH_NAMES.map((name) => name.slice(0, 3)), 'sept', ...CONTEXT_WORDS].filter((word) => /^[a-z]+$/.test(word));

/**
 * `READ_ON` by length and first letter: slot `length * 26 + (letter - 'a')` holds the words of
 * that length and initial, concatenated (most slots are empty). A stream check asks about a word
 * or two: comparing letters with the one or two words of its slot cost 11% of date-of-birth's
 * `pending` less than hashing the word into a Set of numbers (bench/fixtures.ts `cleanChat`).
 */
const READ_ON_SLOTS: readonly string[] = /* #__PURE__ */ buildSlots(READ_ON, MAX_MONTH);

/** Bit (letter - 'a') of `READ_ON_INITIALS[length]` set when a word of `READ_ON` has that length and initial. */
const READ_ON_INITIALS: Int32Array = /* #__PURE__ */ READ_ON.reduce((bits, word) => {
  bits[word.length] |= 1 << (word.charCodeAt(0) - 97);
  return bits;
}, new Int32Array(MAX_MONTH + 1));

/** Month names by first letter: slot `letter - 'a'` holds those months' names, concatenated with a space after each. */
const MONTHS_BY_INITIAL: readonly string[] = /* #__PURE__ */ buildSlots(
  MONTH_NAMES.map((name) => `${name} `),
  0,
);

/** Words grouped into slots by length (up to `maxLength`; 0: by initial only) and initial, each slot the concatenation of its words. */
function buildSlots(words: readonly string[], maxLength: number): string[] {
  const slots: string[] = new Array<string>((maxLength + 1) * 26).fill('');
  for (const word of new Set(words)) slots[(maxLength === 0 ? 0 : word.length * 26) + word.charCodeAt(0) - 97] += word;
  return slots;
}

/** True when the word `text[start, start + length)` (ASCII letters, 3 to MAX_MONTH) is one of `READ_ON`, ignoring case. */
function readsOn(text: string, start: number, length: number): boolean {
  const initial = (text.charCodeAt(start) | 0x20) - 97;
  // Most words have no slot: the bit of their length and initial is clear (no string is loaded).
  if (((READ_ON_INITIALS[length] >>> initial) & 1) === 0) return false;
  const words = READ_ON_SLOTS[length * 26 + initial];
  for (let at = 0; at < words.length; at += length) {
    let k = 1;
    while (k < length && (text.charCodeAt(start + k) | 0x20) === words.charCodeAt(at + k)) k++;
    if (k === length) return true;
  }
  return false;
}

/** True when `text[start, end)` (ASCII letters) may begin a month name: "Ap", "Sept", "decem"; a word shorter than 3 only at the end. */
function isMonthPrefix(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 3 && end < text.length) return false;
  // Most words start with a letter no month name does (a stream check asks for every trailing
  // word); the others are compared with the one to three months of their initial.
  const initial = (text.charCodeAt(start) | 0x20) - 97;
  if (((MONTH_INITIALS >>> initial) & 1) === 0) return false;
  const names = MONTHS_BY_INITIAL[initial];
  for (let at = 0; at < names.length; ) {
    let k = 1;
    while (k < length && (text.charCodeAt(start + k) | 0x20) === names.charCodeAt(at + k)) k++;
    // A name shorter than the word stops the match at its space.
    if (k === length) return true;
    at = names.indexOf(' ', at) + 1;
  }
  return false;
}

/** True when `text[start, start + length)` (ASCII letters) equals the first `length` letters of `name` (lower case), ignoring case. */
function foldedPrefix(text: string, start: number, name: string, length: number): boolean {
  for (let k = 0; k < length; k++) if ((text.charCodeAt(start + k) | 0x20) !== name.charCodeAt(k)) return false;
  return true;
}

