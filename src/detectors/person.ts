import { isDigit, isWordCodeAt } from '../scanner/char-class.js';
import type { Detector, Finding } from '../types.js';
import {
  AMBIGUOUS,
  DEAR,
  FIELD,
  FIRST,
  GREETING,
  LAST,
  NAME_FIELD,
  PARTICLE,
  POISON,
  SIGNOFF,
  STOP,
  SUFFIX,
  TITLE,
  personLexicon,
} from './person-lexicon.js';

/** Options of `person`. */
export interface PersonOptions {
  /**
   * Also report a lone first name without any context ("Anna said she'd call"), when it is not
   * an ordinary word ("Grace", "May"), a place or a product. Default: true.
   */
  readonly bareFirstNames?: boolean;
}

/** Longest name token; anything longer is not a name ("Supercalifragilistic..."). */
const MAX_TOKEN = 24;
/** Tokens in a capitalised run; a longer run is a heading in Title Case, not a name. */
const MAX_RUN = 6;
/** Name tokens reported from the first one (first, middle, middle, last). */
const MAX_NAME_TOKENS = 4;
/** Particles in a row inside a name ("de la"). */
const MAX_PARTICLES = 2;
/** Code units between a context word and the name: spaces, quotes, ':', '=', ',', '-', line breaks. */
const MAX_GAP = 8;
/** Longest context word read before a run ("customer_name", "congratulations"). */
const MAX_CUE = 16;
/** A run with its particles and suffix: MAX_RUN tokens, separators, two particles, a suffix. */
const MAX_LENGTH = MAX_RUN * (MAX_TOKEN + 2) + MAX_PARTICLES * 7 + 5;
/** Furthest a walk back to a run's start goes: one token more than a run may hold, with particles. */
const WALK_BACK = (MAX_RUN + MAX_PARTICLES + 1) * (MAX_TOKEN + 2);
/** Walking back to a run's start, then the gap and two context words before it. */
const LOOKBEHIND = WALK_BACK + MAX_GAP + 2 * (MAX_CUE + 2) + 4;

const SCORE_CONTEXT = 0.9;
const SCORE_GREETING = 0.85;
const SCORE_FULL = 0.8;
const SCORE_BARE = 0.7;

const SPACE = 32;
const NBSP = 0xa0;
const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 45;
const DOT = 46;
const LF = 10;
const CR = 13;

/** Cue kind of a place word before a run ("avenue", "St."): no name. */
const PLACE = -1;

// Shapes of a token.
const NOT_NAME = 0;
const TITLE_CASE = 1;
const ALL_CAPS = 2;
const INITIAL = 3;

/**
 * An uppercase letter that may start a name: ASCII, Latin-1 and Latin Extended-A/B (whose
 * upper and lower cases interleave; `isUpperAt` decides). One native search over the text finds
 * every candidate, so lower-case prose costs one pass: measured on 50,000 chat messages (Node 20,
 * esbuild bundle) the search with the token checks takes 0.8–1.0× the time of the baseline
 * `text.replace(/[0-9@]/g, '#')`. The class has no quantifier, so it cannot backtrack.
 */
const CAPITAL = /[A-Z\u00c0-\u00de\u0100-\u024f]/g;
const UPPER = /\p{Lu}/uy;
const LETTER = /\p{L}/uy;

/**
 * Finds names of people in chat and log text, without a model: a capitalised run of name-shaped
 * words is a name when context says so ("Mr./Dr.", "my name is", "Dear …,", "Hi …", a signature
 * "Thanks,\nAnna", a `name:`/`customer=`/`"patient":` field) or when its first word is a first
 * name from the dictionary (src/data/names.ts, from Faker's name lists) that is not also an
 * ordinary word, place, month or product. "Grace", "Will", "May", "Austin" need context or a
 * surname after them; "Dear Sir or Madam", "Hi team", "I'm Happy", "this is Monday" and
 * "Washington" stay untouched. Titles are not reported ("Dr. [Robert Chen]"); generational
 * suffixes are ("Martin Luther King Jr."). ALL-CAPS names are found with context or as a
 * first name plus surname ("JOHN SMITH"); lower-case names are not.
 *
 * @example
 * createRedactor({ detectors: [person()] }).redact('Hi Anna, Dr. Chen asked me to call Robert Smith').text
 * // 'Hi [PERSON], Dr. [PERSON] asked me to call [PERSON]'
 */
export function person(options: PersonOptions = {}): Detector {
  if (options === null || typeof options !== 'object') throw new TypeError('person: options must be an object (or omitted)');
  const bare = options.bareFirstNames !== false;
  const analyser = createAnalyser(personLexicon(), bare);
  return {
    name: 'person',
    type: 'PERSON',
    maxLength: MAX_LENGTH,
    lookbehind: LOOKBEHIND,
    find(scan, out) {
      const { text, from } = scan;
      const capital = CAPITAL;
      let index = from;
      while (index < text.length) {
        capital.lastIndex = index;
        if (!capital.test(text)) return;
        const at = capital.lastIndex - 1;
        if (!analyser.isTokenStart(text, at)) {
          index = wordEnd(text, at + 1);
          continue;
        }
        if (!analyser.isNamey(text, at)) {
          index = wordEnd(text, at + 1);
          continue;
        }
        const start = analyser.runStart(text, at, Math.max(0, from - WALK_BACK));
        const end = analyser.analyse(text, start);
        if (analyser.found && analyser.start >= from) out.push(analyser.finding());
        index = Math.max(end, at + 1);
      }
    },
    pending(text, from) {
      const end = text.length;
      // Clean prose: a trailing lower-case word (that is no particle) closes every run before it,
      // and cannot itself become a name.
      let index = end;
      while (index > from && index > end - 3 && !isLetterAt(text, index - 1)) index--;
      let wordStart = index;
      while (wordStart > from && wordStart > index - 8 && isLowerAscii(text.charCodeAt(wordStart - 1))) wordStart--;
      if (wordStart < index && !isLetterAt(text, wordStart - 1) && text.charCodeAt(wordStart - 1) !== APOSTROPHE && !analyser.mayBeParticle(text, wordStart, index)) return end;
      // Otherwise only the last runs may still change: evaluate those that start in the reach.
      const floor = Math.max(from, end - MAX_LENGTH - MAX_GAP - 2);
      for (index = floor; index < end; ) {
        const code = text.charCodeAt(index);
        if (!isCapitalCode(code) || !analyser.isTokenStart(text, index)) {
          index++;
          continue;
        }
        if (!analyser.isNameyAtEnd(text, index)) {
          // A capitalised word cut by the end ("A" of "Anna", "Th" of "Thomas") may still become one.
          if (analyser.touched) return Math.max(from, analyser.runStart(text, index, Math.max(0, floor - WALK_BACK)));
          index++;
          continue;
        }
        const start = analyser.runStart(text, index, Math.max(0, floor - WALK_BACK));
        const runEnd = analyser.analyse(text, start);
        if (analyser.touched) return Math.max(from, start);
        index = Math.max(runEnd, index + 1);
      }
      // `find` searches Latin capitals only, but a run it finds may start with a Cyrillic or
      // Greek token ("Анна Smith"): a trailing run the loop above had no trigger in ("Анна ",
      // "Анна van ", "Анн", "Анна v", the start of a particle) is still open to a Latin token:
      // hold it.
      let last = end;
      // A joiner at the very end ("Ελένη-") may still join a Latin token ("Ελένη-Grace"): step over it.
      if (last - 1 > floor && isJoiner(text.charCodeAt(last - 1)) && isLetterAt(text, last - 2)) last--;
      while (last > floor && end - last <= MAX_TOKEN && isLetterOrJoiner(text, last - 1)) last--;
      const joinAt = last < end && (isLowerAscii(text.charCodeAt(last)) || analyser.isTokenStart(text, last)) ? last : end;
      const start = analyser.runStart(text, joinAt, Math.max(0, floor - WALK_BACK));
      return start < end ? Math.max(from, start) : end;
    },
  };
}

interface Analyser {
  isTokenStart(text: string, index: number): boolean;
  /** True when the token at `index` may be part of a name (name-shaped, not a stop, cue or suffix word). */
  isNamey(text: string, index: number): boolean;
  /** `isNamey`, with `touched` telling whether the token ran into the end of the text. */
  isNameyAtEnd(text: string, index: number): boolean;
  mayBeParticle(text: string, start: number, end: number): boolean;
  /** Start of the capitalised run holding the token at `index` (never before `floor`). */
  runStart(text: string, index: number, floor: number): number;
  /** Decides the run at `start`; returns where it ends. Sets `found`, `start`, `end`, `score`, `touched`. */
  analyse(text: string, start: number): number;
  finding(): Finding;
  readonly found: boolean;
  readonly start: number;
  readonly touched: boolean;
}

function createAnalyser(lexicon: Map<string, number>, bare: boolean): Analyser {
  // Scratch state of the last token read and the last run analysed; reused, so no call allocates
  // beyond the one lower-cased slice per token it looks up.
  let shape = NOT_NAME;
  let tokenEnd = 0;
  /** The last token read is ASCII only (no accent folding needed for its lookup). */
  let tokenAscii = true;
  /** Word-class flags of the last token `isNamey` accepted. */
  let tokenFlags = 0;
  let touched = false;
  let found = false;
  let foundStart = 0;
  let foundEnd = 0;
  let foundScore = 0;
  const starts = new Int32Array(MAX_RUN + 1);
  const ends = new Int32Array(MAX_RUN + 1);
  const shapes = new Uint8Array(MAX_RUN + 1);
  const classes = new Int32Array(MAX_RUN + 1);

  /** Reads the name-shaped token at `index`; sets `shape` and `tokenEnd`. */
  const readToken = (text: string, index: number): void => {
    shape = NOT_NAME;
    tokenAscii = text.charCodeAt(index) < 128;
    const length = text.length;
    if (!isUpperAt(text, index)) return;
    let position = index + 1;
    let lower = 0;
    let upper = 1;
    while (position < length && position - index <= MAX_TOKEN) {
      const code = text.charCodeAt(position);
      if (isLowerAscii(code)) {
        lower++;
        position++;
      } else if (isUpperAscii(code)) {
        // Inside a Title Case word only after Mc, Mac, O', D', De, Di, La, Le, Du or a hyphen.
        if (lower > 0 && !mayCapitaliseAt(text, index, position)) return;
        upper++;
        position++;
      } else if ((code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE) && position + 1 < length && isUpperAt(text, position + 1)) {
        position += 2;
        upper++;
      } else if ((code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE) && position + 1 >= length) {
        // A joiner at the very end ("O'" of "O'Brien") may still join the next letter: undecided.
        touched = true;
        break;
      } else if (code >= 128 && isLetterAt(text, position)) {
        tokenAscii = false;
        if (isUpperAt(text, position)) {
          if (lower > 0) return;
          upper++;
        } else lower++;
        position++;
      } else break;
    }
    if (position - index > MAX_TOKEN) return;
    if (position >= length) touched = true;
    const next = position < length ? text.charCodeAt(position) : SPACE;
    // Glued to digits, '_', '@', '/' or a dotted word ("Anna.Smith@", "John2", "Report.pdf"): not a name.
    if ((next - 48) >>> 0 <= 9 || next === 95 || next === 64 || next === 47) return;
    if (next === DOT && position + 1 < length && isLetterAt(text, position + 1)) return;
    if (next === DOT && position + 1 >= length) touched = true;
    tokenEnd = position;
    if (position - index === 1) {
      shape = INITIAL;
      if (next === DOT) tokenEnd++;
    } else shape = lower === 0 ? ALL_CAPS : TITLE_CASE;
  };

  const classOf = (text: string, start: number, end: number): number => {
    let word = text.slice(start, end).toLowerCase();
    if (word.charCodeAt(word.length - 1) === DOT) word = word.slice(0, -1);
    let flags = lexicon.get(word);
    if (flags !== undefined) return flags;
    // "Seán", "Zoë": the lists spell most names without accents.
    if (!tokenAscii) {
      flags = lexicon.get(word.normalize('NFD').replace(COMBINING_MARKS, ''));
      if (flags !== undefined) return flags;
    }
    const hyphen = word.indexOf('-');
    if (hyphen < 0) return 0;
    // "Marie-Claire" is a first name; "Karl-Marx-Allee" a street.
    const last = lexicon.get(word.slice(word.lastIndexOf('-') + 1)) ?? 0;
    return ((lexicon.get(word.slice(0, hyphen)) ?? 0) & (FIRST | LAST)) | (last & POISON);
  };

  /** True when the token at `index` can continue a run (name-shaped and not a stop word). */
  const isNamey = (text: string, index: number): boolean => {
    readToken(text, index);
    if (shape === NOT_NAME) return false;
    tokenFlags = 0;
    if (shape === INITIAL) return text.charCodeAt(index) !== 73 && text.charCodeAt(index) !== 65; // "I", "A"
    const flags = classOf(text, index, tokenEnd);
    tokenFlags = flags;
    if (tokenEnd - index <= 3 && shape === ALL_CAPS) return false; // "OK", "IT", "VIC"; "II" only as a suffix
    return (flags & (STOP | TITLE | GREETING | SIGNOFF | DEAR)) === 0;
  };
  /** Like `isNamey`, for a suffix after a name token ("Jr.", "III"). */
  const isSuffix = (text: string, index: number): boolean => {
    readToken(text, index);
    // Every suffix ("Jr", "Sr", "II", "III", "IV") has at most three letters: skip the lookup otherwise.
    return shape !== NOT_NAME && shape !== INITIAL && tokenEnd - index <= 3 && (classOf(text, index, tokenEnd) & SUFFIX) !== 0;
  };

  const isTokenStart = (text: string, index: number): boolean => {
    if (!isUpperAt(text, index)) return false;
    if (index === 0) return true;
    const before = text.charCodeAt(index - 1);
    if (before === 64 || before === 95 || before === 47 || before === 35 || before === HYPHEN || before === APOSTROPHE || before === RIGHT_QUOTE) {
      // '@mention', 'snake_Case', '/path', '#tag' never; a hyphen or apostrophe only after a non-letter.
      return (before === HYPHEN || before === APOSTROPHE || before === RIGHT_QUOTE) && !isLetterAt(text, index - 2);
    }
    if (before === DOT && index >= 2 && isLetterAt(text, index - 2)) return false;
    return !isWordCodeAt(text, index - 1);
  };

  /** True when the separator before `index` joins it to a run: one space after a name-shaped token. */
  const previousToken = (text: string, index: number, floor: number): number => {
    if (index - 2 < floor) return -1;
    const gap = text.charCodeAt(index - 1);
    if (gap !== SPACE && gap !== NBSP) return -1;
    let position = index - 2;
    if (text.charCodeAt(position) === DOT) position--;
    const wordEndAt = position + 1;
    while (position > floor && wordEndAt - position <= MAX_TOKEN && isLetterOrJoiner(text, position - 1)) position--;
    if (!isTokenStart(text, position)) {
      // A particle between two name tokens: "Ludwig van Beethoven".
      if (!isLowerAscii(text.charCodeAt(position)) || (position > 0 && isLetterAt(text, position - 1))) return -1;
      if ((classOf(text, position, wordEndAt) & PARTICLE) === 0) return -1;
      const before = previousToken(text, position, floor);
      return before >= 0 ? position : -1;
    }
    const savedShape = shape;
    const savedEnd = tokenEnd;
    const savedTouched = touched;
    // A suffix ends a run ("John Smith Jr. Anna" is two runs), so it never joins what follows.
    const namey = isNamey(text, position) && (tokenFlags & SUFFIX) === 0 && tokenEnd === wordEndAt + (text.charCodeAt(wordEndAt) === DOT ? 1 : 0);
    shape = savedShape;
    tokenEnd = savedEnd;
    touched = savedTouched;
    return namey ? position : -1;
  };

  const runStart = (text: string, index: number, floor: number): number => {
    let start = index;
    for (let count = 0; count <= MAX_RUN + MAX_PARTICLES; count++) {
      const previous = previousToken(text, start, floor);
      if (previous < 0) return start;
      start = previous;
    }
    return start;
  };

  let cueKind = 0;
  let cueNewline = false;
  let cueKey = false;
  /** Classifies the context before `start`: sets `cueKind` (TITLE, GREETING, ... or 0). */
  const readCue = (text: string, start: number): void => {
    cueKind = 0;
    cueNewline = false;
    cueKey = false;
    let position = start;
    const floor = Math.max(0, start - MAX_GAP);
    let newlines = 0;
    let comma = false;
    while (position > floor) {
      const code = text.charCodeAt(position - 1);
      if (code === LF) newlines++;
      else if (code === 58 || code === 61 || code === 63) cueKey = true; // ':' '=' '?'
      else if (code === 44) comma = true;
      else if (!(code === SPACE || code === 9 || code === CR || code === NBSP || code === 34 || code === APOSTROPHE || code === RIGHT_QUOTE || code === HYPHEN || code === 0x2013 || code === 0x2014 || code === 40 || code === 62)) break;
      position--;
    }
    if (newlines > 2) return;
    cueNewline = newlines > 0;
    const dotted = position > 0 && text.charCodeAt(position - 1) === DOT;
    if (dotted) position--;
    const wordEndAt = position;
    while (position > 0 && wordEndAt - position <= MAX_CUE && isCueChar(text.charCodeAt(position - 1))) position--;
    if (position === wordEndAt || wordEndAt - position > MAX_CUE || (position > 0 && isWordCodeAt(text, position - 1))) return;
    let cue = text.slice(position, wordEndAt).toLowerCase();
    if (cue.includes('\u2019')) cue = cue.replace(RIGHT_QUOTE_ALL, "'");
    const flags = lexicon.get(cue) ?? 0;
    // "MS Teams", "DR 12": an all-caps title only before an all-caps name ("DR SMITH").
    const capsCue = wordEndAt - position >= 2 && isUpperAscii(text.charCodeAt(position)) && isUpperAscii(text.charCodeAt(position + 1));
    // A dot after a full word ends a sentence ("doctor. Absolutely"); titles are abbreviated ("Dr.").
    if ((flags & TITLE) !== 0 && !cueNewline && !comma && !cueKey && (!dotted || wordEndAt - position <= 4)) cueKind = capsCue && !isUpperAscii(text.charCodeAt(start + 1)) ? PLACE : TITLE;
    // "avenue Jean Jaurès", "St. John's", "Lake Placid": a place word right before the run.
    else if ((flags & POISON) !== 0 && !cueNewline && !comma && !cueKey) cueKind = PLACE;
    else if ((flags & DEAR) !== 0 && !cueNewline) cueKind = DEAR;
    else if ((flags & GREETING) !== 0 && !cueNewline && !cueKey) cueKind = GREETING;
    // Sign-offs ("Best,", "Love,", "Regards\n") need the comma or the line break: "I love Paris".
    else if ((flags & SIGNOFF) !== 0 && (cueNewline || comma) && !cueKey) cueKind = GREETING;
    else if ((flags & NAME_FIELD) !== 0 && !cueNewline && cueKey) cueKind = NAME_FIELD;
    else if ((flags & FIELD) !== 0 && !cueNewline && (cueKey || text.startsWith('name', position))) {
      // "last name? Boyle", "partner's name Nicole": a name key of a person is a name field.
      cueKind = wordEndAt - position === 4 && text.startsWith('name', position) && OWNER_WORDS.has(wordBefore(text, position)) ? NAME_FIELD : FIELD;
    }
    else if (!cueNewline && !cueKey && !comma) {
      // Two-word cues: "my name is", "name's", "call me", "thank you".
      const lower = text.slice(position, wordEndAt).toLowerCase();
      if (lower === "name's" || lower === 'name’s' || lower === 'names') cueKind = NAME_FIELD;
      else if (lower === 'is' || lower === 'me' || lower === 'you') {
        const previous = wordBefore(text, position);
        if ((lower === 'is' && previous === 'name') || (lower === 'me' && previous === 'call')) cueKind = NAME_FIELD;
        else if (lower === 'you' && previous === 'thank') cueKind = GREETING;
      }
    }
  };

  const evidence = (index: number, count: number): number => {
    const flags = classes[index];
    if (shapes[index] === INITIAL) return 0;
    const name = flags & (FIRST | LAST);
    const nextIsName = index + 1 < count && shapes[index + 1] !== INITIAL && (classes[index + 1] & (FIRST | LAST)) !== 0 && (classes[index + 1] & AMBIGUOUS) === 0;
    if ((flags & FIRST) !== 0 && (flags & AMBIGUOUS) === 0) return 2;
    if (name !== 0 && nextIsName) return 2;
    return name !== 0 ? 1 : 0;
  };

  const analyse = (text: string, start: number): number => {
    touched = false;
    found = false;
    const length = text.length;
    let count = 0;
    let position = start;
    let poisoned = false;
    let suffixEnd = -1;
    let lastEnd = start + 1;
    let longTouched = false;
    // Collect the run: name-shaped tokens joined by one space, particles between them, a suffix.
    for (;;) {
      if (count > 0 && isSuffix(text, position)) {
        suffixEnd = tokenEnd < length && text.charCodeAt(tokenEnd) === DOT ? tokenEnd + 1 : tokenEnd;
        position = tokenEnd;
        break;
      }
      if (!isNamey(text, position)) break;
      const flags = tokenFlags;
      if (count === 0 && (flags & SUFFIX) !== 0) break;
      if (count <= MAX_RUN) {
        // Past MAX_RUN tokens the run is a heading: keep reading to its end, store nothing.
        starts[count] = position;
        ends[count] = tokenEnd;
        shapes[count] = shape;
        classes[count] = flags;
        count++;
        // The token that made the run too long may still stop being a name ("Ann" of
        // "Anna_Anna"): the run is decided only once that token is.
        if (count > MAX_RUN) longTouched = touched;
      }
      if ((flags & POISON) !== 0) poisoned = true;
      lastEnd = tokenEnd;
      position = tokenEnd;
      if (position >= length) break;
      const gap = text.charCodeAt(position);
      if (gap !== SPACE && gap !== NBSP) break;
      let next = position + 1;
      if (next >= length) {
        touched = true;
        break;
      }
      // Particles: "van", "de la", then a name token.
      for (let particles = 0; particles < MAX_PARTICLES && isLowerAscii(text.charCodeAt(next)); particles++) {
        let wordEndAt = next;
        while (wordEndAt < length && wordEndAt - next < 6 && isLowerAscii(text.charCodeAt(wordEndAt))) wordEndAt++;
        if (wordEndAt >= length) touched = true;
        if ((classOf(text, next, wordEndAt) & PARTICLE) === 0 || text.charCodeAt(wordEndAt) !== SPACE) break;
        if (wordEndAt + 1 >= length) touched = true;
        next = wordEndAt + 1;
      }
      if (!isUpperAt(text, next)) break;
      position = next;
    }
    const runEnd = suffixEnd >= 0 ? suffixEnd : lastEnd;
    if (count > MAX_RUN) touched = longTouched; // no name, whatever follows, once its seventh token is decided
    if (count === 0 || count > MAX_RUN || poisoned) return runEnd;
    if (runEnd >= length) touched = true;
    readCue(text, start);
    const after = runEnd < length ? text.charCodeAt(runEnd) : -1;
    const vocative = after < 0 || after === 44 || after === 33 || after === DOT || after === 58 || after === 59 || after === 63 || after === LF || after === CR || after === 41;
    if (cueKind === PLACE) return runEnd;
    let first = 0;
    let score = 0;
    const evidence0 = evidence(0, count);
    switch (cueKind) {
      case TITLE:
      case NAME_FIELD:
        if (shapes[0] !== INITIAL || count > 1) score = SCORE_CONTEXT;
        break;
      case DEAR:
        if (evidence0 > 0 || (vocative && shapes[0] === TITLE_CASE)) score = SCORE_GREETING;
        break;
      case GREETING:
        if (evidence0 === 2 || (evidence0 === 1 && (vocative || count > 1))) score = SCORE_GREETING;
        break;
      case FIELD:
        if (evidence0 === 2 || (evidence0 === 1 && count > 1)) score = SCORE_GREETING;
        break;
      default:
        for (first = 0; first < count && first < 2; first++) {
          const strength = evidence(first, count);
          const pair = first + 1 < count;
          if (strength === 2 && (shapes[first] === TITLE_CASE ? bare || pair : pair)) {
            score = pair ? SCORE_FULL : SCORE_BARE;
            break;
          }
        }
        // Those two checks read up to 7 code units past the run (", VIC A1": the eighth is
        // `runEnd + 7`): undecided while one is missing, whichever way they answer.
        if (score !== 0 && runEnd + 8 > length) touched = true;
        // "Jan 19", "Apt 13": a lone word before a number is a month or a unit, not a name.
        if (score === SCORE_BARE && after === SPACE && isDigit(text.charCodeAt(runEnd + 1))) score = 0;
        // "Henderson, NV 89052", "Ann Arbor, MI": a city before a state code.
        if (score !== 0 && isStateCode(text, after === 44 ? runEnd + 1 : runEnd)) score = 0;
    }
    if (score === 0) return runEnd;
    const last = Math.min(count, first + MAX_NAME_TOKENS) - 1;
    foundStart = starts[first];
    foundEnd = suffixEnd >= 0 && last === count - 1 ? suffixEnd : ends[last];
    // An initial's dot at the very end is a sentence end, not part of the name ("... with Anna B.").
    foundScore = score;
    found = true;
    return runEnd;
  };

  return {
    isTokenStart,
    isNamey,
    isNameyAtEnd(text, index) {
      touched = false;
      return isNamey(text, index);
    },
    mayBeParticle(text, start, end) {
      const word = text.slice(start, end).toLowerCase();
      for (const particle of PARTICLE_LIST) if (particle.startsWith(word)) return true;
      return false;
    },
    runStart,
    analyse,
    finding() {
      return { type: 'PERSON', start: foundStart, end: foundEnd, score: foundScore, detector: 'person' };
    },
    get found() {
      return found;
    },
    get start() {
      return foundStart;
    },
    get touched() {
      return touched;
    },
  };
}

/** ", NV 89052", ", MI", " TAS 7000": a space, two or three capitals, then no letter (a US, Canadian or Australian state). */
function isStateCode(text: string, index: number): boolean {
  if (text.charCodeAt(index) !== SPACE || !isUpperAscii(text.charCodeAt(index + 1)) || !isUpperAscii(text.charCodeAt(index + 2))) return false;
  let end = index + 3;
  if (isUpperAscii(text.charCodeAt(end))) {
    // Australian states with three letters (the two-letter ones, SA, WA, NT, pass as above).
    if (!AU_STATES.includes(text.slice(index + 1, index + 4))) return false;
    end++;
  }
  // Then the end, a line break, a comma or a postcode: "DOB, 1990" is no state.
  const next = text.charCodeAt(end);
  if (end >= text.length || next === LF || next === CR || next === 44) return end - index === 3;
  return next === SPACE && (isDigit(text.charCodeAt(end + 1)) || (isUpperAscii(text.charCodeAt(end + 1)) && isDigit(text.charCodeAt(end + 2))));
}

/** Words before "name" that make it a person's name field: "last name", "my name", "partner's name". */
const OWNER_WORDS = new Set(['last', 'first', 'middle', 'maiden', 'full', 'my', 'his', 'her', 'their', 'your', 'our', 's']);

const AU_STATES = ['NSW', 'VIC', 'QLD', 'TAS', 'ACT'];

const PARTICLE_LIST = ['van', 'von', 'der', 'den', 'de', 'del', 'della', 'di', 'da', 'das', 'dos', 'du', 'le', 'la', 'ten', 'ter', 'bin', 'binti', 'ibn', 'al', 'el'];
const RIGHT_QUOTE_ALL = /\u2019/g;
const COMBINING_MARKS = /[\u0300-\u036f]/g;

function wordBefore(text: string, end: number): string {
  let position = end;
  while (position > 0 && end - position <= 2 && text.charCodeAt(position - 1) === SPACE) position--;
  const wordEndAt = position;
  while (position > 0 && wordEndAt - position <= 6 && isLetterAt(text, position - 1)) position--;
  return text.slice(position, wordEndAt).toLowerCase();
}

/** May a capital follow at `position` inside the Title Case word starting at `start`? */
function mayCapitaliseAt(text: string, start: number, position: number): boolean {
  const prefix = position - start;
  if (prefix === 2) {
    const pair = (text.charCodeAt(start) << 8) | (text.charCodeAt(start + 1) | 0x20);
    // Mc, De, Di, La, Le, Du
    return pair === 0x4d63 || pair === 0x4465 || pair === 0x4469 || pair === 0x4c61 || pair === 0x4c65 || pair === 0x4475;
  }
  return prefix === 3 && text.startsWith('Mac', start);
}

function wordEnd(text: string, index: number): number {
  while (index < text.length && isLetterAt(text, index)) index++;
  return index;
}

// These class checks compare ranges, not `(code - 97) >>> 0 <= 25`: past the end
// `charCodeAt` gives NaN, which that form takes for 'a' (NaN >>> 0 is 0) and these reject; the
// shared `isDigit` does the same for digits.
const isLowerAscii = (code: number): boolean => code >= 97 && code <= 122;
const isUpperAscii = (code: number): boolean => code >= 65 && code <= 90;
const isCapitalCode = (code: number): boolean => isUpperAscii(code) || (code >= 0xc0 && code <= 0x24f);
const isCueChar = (code: number): boolean => isLowerAscii(code | 0x20) || code === 95 || code === APOSTROPHE || code === RIGHT_QUOTE;

function isUpperAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return isUpperAscii(code);
  UPPER.lastIndex = index;
  return UPPER.test(text);
}

function isLetterAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return isLowerAscii(code | 0x20);
  LETTER.lastIndex = index;
  return LETTER.test(text);
}

const isJoiner = (code: number): boolean => code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE;

function isLetterOrJoiner(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE) return isUpperAt(text, index + 1) && isLetterAt(text, index - 1);
  return isLetterAt(text, index);
}
