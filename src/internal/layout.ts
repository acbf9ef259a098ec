import { HAS_DIGIT, type Scan } from '../scanner/scan.js';
import type { Detector, EntityType } from '../types.js';
import { hasContextBefore } from './context.js';
import { gluedAfter, gluedBefore, isDigit, NO_SEPARATOR } from './digit-boundary.js';

/**
 * The engine behind the fixed-format identifiers (national IDs, routing numbers, MAC addresses):
 * each is a short list of printed layouts (`'DDD DDD DDDD'`), a check algorithm and maybe
 * required context words. One matcher serves `find` and `pending`, so the two cannot disagree:
 * `evaluate(text, start, final)` returns the end of a match, NONE, or, while streaming, UNDECIDED
 * when the answer needs text that has not arrived. A candidate reads at most its layout plus
 * two code units after it and the context window plus two before it, so `pending` only has to
 * re-evaluate the last `maxLength + 2` starts: bounded whatever the input.
 */

/** Layout classes: an ASCII digit, upper-case letter, upper-case letter or digit, hex digit. */
const CLASS_DIGIT = 1;
const CLASS_UPPER = 2;
const CLASS_UPPER_OR_DIGIT = 3;
const CLASS_HEX = 4;
/** Code units after a match that decide it (`gluedAfter` and a separator followed by a digit). */
const AFTER_READ = 2;
/**
 * Code units after a match a stream waits for: AFTER_READ plus one, because the second unit
 * read may be a high surrogate whose low half (a letter or not) has not arrived.
 */
const DECIDE_READ = AFTER_READ + 1;

/** Score of a checksummed match with a context word before it. */
const CONTEXT_SCORE = 0.97;

/** A layout is not matched at this start. */
export const NONE = -1;
/** Streaming only: the answer depends on text after the end of `text`. */
export const UNDECIDED = -2;

/** One printed layout of a format. */
interface Layout {
  /** Class per position (0 for a literal). */
  readonly classes: Uint8Array;
  /** Literal code unit per position (0 for a class position). */
  readonly literals: Uint16Array;
  /** Distinct literal separators, for the "continues with another group" check. */
  readonly separators: string;
  readonly needsContext: boolean;
}

/** What a layout detector is made of. */
export interface LayoutSpec {
  readonly name: string;
  readonly type: EntityType;
  /**
   * Printed layouts, tried in order (the first that matches and validates wins): `D` digit, `A`
   * upper-case letter, `X` upper-case letter or digit, `H` hex digit of either case, anything else
   * a literal. A leading `~` means the layout counts only after a context word.
   */
  readonly layouts: readonly string[];
  /** Check algorithm on the letters and digits of the candidate (separators removed). */
  readonly validate: (compact: string) => boolean;
  /** Lower-case context words; required by `~` layouts (and by all when `requireContext`). */
  readonly context?: readonly string[];
  /** Code units before the candidate a context word may start in. Default: 40. */
  readonly contextWindow?: number;
  /** Require a context word for every layout. */
  readonly requireContext?: boolean;
  readonly score: number;
  /**
   * Score when a context word stands before the match: a checksum plus a word naming the
   * identifier beats a phone number or a card of the same digits when overlaps are resolved.
   * Default: 0.97.
   */
  readonly contextScore?: number;
  readonly category?: string;
  /** Boundary before a candidate; default: not glued to a word, a decimal, a date (reads ≤ 2 units). */
  readonly joinedBefore?: (text: string, start: number) => boolean;
  /** Boundary after a candidate; default: not glued to a word or a decimal (reads ≤ 2 units). */
  readonly joinedAfter?: (text: string, end: number) => boolean;
  /**
   * Candidate starts other than those derived from digit runs (formats that may hold no digit).
   * Must call `tryAt` for every start at or after `scan.from` where a match could begin.
   */
  readonly candidates?: (scan: Scan, tryAt: (start: number) => void, window: number) => void;
  /** Code units a custom `joinedBefore` reads before a candidate, when more than 2. */
  readonly boundaryLookbehind?: number;
}

/** Options every identifier detector takes. */
export interface IdOptions {
  /** Score of a finding. Default: per detector (0.8–0.95). */
  readonly score?: number;
  /** Require a context word before every form, not only the weak ones. Default: false. */
  readonly requireContext?: boolean;
}

function compile(layout: string): Layout {
  const needsContext = layout.charCodeAt(0) === 126; // '~'
  const body = needsContext ? layout.slice(1) : layout;
  const classes = new Uint8Array(body.length);
  const literals = new Uint16Array(body.length);
  let separators = '';
  for (let index = 0; index < body.length; index++) {
    const char = body[index];
    const cls = char === 'D' ? CLASS_DIGIT : char === 'A' ? CLASS_UPPER : char === 'X' ? CLASS_UPPER_OR_DIGIT : char === 'H' ? CLASS_HEX : 0;
    classes[index] = cls;
    if (cls === 0) {
      literals[index] = char.charCodeAt(0);
      if (!separators.includes(char)) separators += char;
    }
  }
  return { classes, literals, separators, needsContext };
}

const isUpper = (code: number): boolean => (code - 65) >>> 0 <= 25;
const isHex = (code: number): boolean => isDigit(code) || ((code | 0x20) - 97) >>> 0 <= 5;
const isAlnum = (code: number): boolean => isDigit(code) || ((code | 0x20) - 97) >>> 0 <= 25;

function fits(cls: number, literal: number, code: number): boolean {
  switch (cls) {
    case CLASS_DIGIT:
      return isDigit(code);
    case CLASS_UPPER:
      return isUpper(code);
    case CLASS_UPPER_OR_DIGIT:
      return isUpper(code) || isDigit(code);
    case CLASS_HEX:
      return isHex(code);
    default:
      return code === literal;
  }
}

/** The letters and digits of `text[start, end)`, upper-cased (hex may be either case). */
export function compactOf(text: string, start: number, end: number): string {
  let compact = '';
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (isAlnum(code)) compact += String.fromCharCode(isDigit(code) ? code : code & ~0x20);
  }
  return compact;
}

/** The matcher of a spec: `evaluate` plus the bounds streaming needs. */
export interface LayoutMatcher {
  readonly maxLength: number;
  readonly lookbehind: number;
  /** End of the match at `start`, NONE, or (when `final` is false) UNDECIDED. */
  evaluate(text: string, start: number, final: boolean): number;
  /** The score of the match at `start` (call only after `evaluate` matched). */
  scoreAt(text: string, start: number): number;
}

export function layoutMatcher(spec: LayoutSpec): LayoutMatcher {
  const layouts = spec.layouts.map(compile);
  const window = spec.contextWindow ?? 40;
  const words = spec.context ?? [];
  const requireContext = spec.requireContext === true;
  const validate = spec.validate;
  const joinedBefore = spec.joinedBefore ?? gluedBefore;
  const joinedAfter = spec.joinedAfter ?? ((text: string, end: number) => gluedAfter(text, end, NO_SEPARATOR));
  const score = spec.score;
  const contextScore = spec.contextScore ?? CONTEXT_SCORE;
  let maxLength = 0;
  for (const layout of layouts) maxLength = Math.max(maxLength, layout.classes.length);

  const hasContext = (text: string, start: number): boolean => words.length > 0 && hasContextBefore(text, start, window, words);

  /** Index of the layout matching at `start`, or NONE / UNDECIDED. */
  const layoutAt = (text: string, start: number, final: boolean): number => {
    const length = text.length;
    if (start >= length || joinedBefore(text, start)) return NONE;
    const before = start > 1 ? text.charCodeAt(start - 1) : 0;
    for (let k = 0; k < layouts.length; k++) {
      const { classes, literals, separators, needsContext } = layouts[k];
      const size = classes.length;
      let index = 0;
      while (index < size && start + index < length && fits(classes[index], literals[index], text.charCodeAt(start + index))) index++;
      if (index < size) {
        if (start + index >= length && !final) return UNDECIDED;
        continue;
      }
      const end = start + size;
      if (!final && end + DECIDE_READ > length) return UNDECIDED;
      if (joinedAfter(text, end)) continue;
      // A group of a longer chain printed the same way ('12 943 476 5919', '943 476 5919 12').
      if (separators.length > 0) {
        if (end + 1 < length && separators.includes(text[end]) && isDigit(text.charCodeAt(end + 1))) continue;
        if (start > 1 && separators.includes(String.fromCharCode(before)) && isDigit(text.charCodeAt(start - 2))) continue;
      }
      if ((needsContext || requireContext) && !hasContext(text, start)) continue;
      if (!validate(compactOf(text, start, end))) continue;
      return k;
    }
    return NONE;
  };

  return {
    maxLength,
    lookbehind: Math.max(AFTER_READ, spec.boundaryLookbehind ?? 0, words.length > 0 ? window + 1 : 0),
    evaluate(text, start, final) {
      const k = layoutAt(text, start, final);
      return k >= 0 ? start + layouts[k].classes.length : k;
    },
    scoreAt(text, start) {
      const k = layoutAt(text, start, true);
      if (k < 0) return score;
      return layouts[k].needsContext || requireContext || hasContext(text, start) ? contextScore : score;
    },
  };
}

/** Longest stretch of letters and digits walked back from a digit run to find where a word starts. */
function wordStart(text: string, at: number, limit: number): number {
  let start = at;
  const floor = Math.max(0, at - limit);
  while (start > floor && isAlnum(text.charCodeAt(start - 1))) start--;
  return start;
}

/**
 * A detector over `spec`. Candidates start where a digit run starts, at the fixed offsets of the
 * first digit in each layout (`AB 12 34 56 C` starts 3 before its first digit) and at the start
 * of the word holding the run (formats whose letters and digits mix); `spec.candidates` adds
 * others.
 *
 * @example
 * layoutDetector({ name: 'x', type: 'X', layouts: ['DDD-DDD'], validate: () => true, score: 0.9 })
 */
export function layoutDetector(spec: LayoutSpec): Detector {
  const matcher = layoutMatcher(spec);
  const { maxLength } = matcher;
  const offsets = new Set<number>();
  for (const layout of spec.layouts) {
    const body = layout.replace(/^~/, '');
    const first = body.search(/[DXH]/);
    if (first >= 0) offsets.add(first);
  }
  const firstOffsets = [...offsets];
  const { name, type, category } = spec;
  const window = spec.contextWindow ?? 40;
  // The word-start walk reads maxLength units before a run; candidates start at or after
  // `from`, so that walk never needs more than the boundary before `from`.
  const lookbehind = matcher.lookbehind;
  const reach = maxLength + DECIDE_READ;

  return {
    name,
    type,
    maxLength,
    lookbehind,
    find(scan, out) {
      const { text, from } = scan;
      let tried: Set<number> | undefined;
      const tryAt = (start: number): void => {
        if (start < from) return;
        tried ??= new Set();
        if (tried.has(start)) return;
        tried.add(start);
        const end = matcher.evaluate(text, start, true);
        if (end < 0) return;
        const finding = { type, start, end, score: matcher.scoreAt(text, start), detector: name };
        out.push(category === undefined ? finding : { ...finding, category });
      };
      if ((scan.flags & HAS_DIGIT) !== 0) {
        const runs = scan.digitRuns;
        for (let k = 0; k < runs.length; k += 2) {
          const run = runs[k];
          for (let j = 0; j < firstOffsets.length; j++) tryAt(run - firstOffsets[j]);
          tryAt(wordStart(text, run, maxLength));
        }
      }
      if (spec.candidates !== undefined) spec.candidates(scan, tryAt, window);
    },
    pending(text, from) {
      // Starts before `length - reach` read only text that is there (a match and the units
      // after it that decide it): decided.
      const end = text.length;
      let undecided = text.length;
      for (let start = Math.max(from, end - reach); start < text.length; start++) {
        if (matcher.evaluate(text, start, false) === UNDECIDED) {
          undecided = start;
          break;
        }
      }
      if (undecided === text.length) return text.length;
      // A decided match starting before the undecided one may still end after it: hold it too.
      for (let start = Math.max(from, undecided - maxLength); start < undecided; start++) {
        if (matcher.evaluate(text, start, false) > undecided) return start;
      }
      return undecided;
    },
  };
}
