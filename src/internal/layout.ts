import { HAS_DIGIT, type Scan } from '../scanner/scan.js';
import type { Detector, EntityType, Finding } from '../types.js';
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
    if (start >= length) return NONE;
    // Most candidates fail on their first character: test it before the boundary.
    const first = text.charCodeAt(start);
    let fitsSome = false;
    for (let k = 0; k < layouts.length && !fitsSome; k++) fitsSome = fits(layouts[k].classes[0], layouts[k].literals[0], first);
    if (!fitsSome || joinedBefore(text, start)) return NONE;
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
  const runLengths = digitRunLengths(spec.layouts);
  const groups = digitGroups(spec.layouts);
  const { name, type, category } = spec;
  const window = spec.contextWindow ?? 40;
  const lookbehind = matcher.lookbehind;
  const reach = maxLength + DECIDE_READ;
  // Detectors that need a context word for every candidate first look for the words natively
  // (case-insensitive, no boundary rules: a superset of what `hasContextBefore` accepts), so
  // a text without any of them costs one search, not one check per digit run.
  const contextSearch =
    spec.requireContext === true && (spec.context ?? []).length > 0
      ? new RegExp(alternation(spec.context ?? []), 'giu')
      : undefined;
  /** The last starts tried during one `find` (a token holds several digit runs), and their count. */
  const recent = new Int32Array(RECENT);
  let tried = 0;
  /** Context-word hits of the current `find`, computed on first need. */
  let hits: number[] | undefined;
  let scanText = '';
  let scanFrom = 0;
  let output: Finding[] = NO_OUTPUT;

  const tryAt = (start: number): void => {
    if (start < scanFrom) return;
    const known = tried < RECENT ? tried : RECENT;
    for (let k = 0; k < known; k++) if (recent[k] === start) return;
    recent[tried & (RECENT - 1)] = start;
    tried++;
    const text = scanText;
    if (contextSearch !== undefined) {
      hits ??= contextHits(text, Math.max(0, scanFrom - window - 1), contextSearch);
      if (!hasHitBefore(hits, start, window)) return;
    }
    const end = matcher.evaluate(text, start, true);
    if (end < 0) return;
    const finding = { type, start, end, score: matcher.scoreAt(text, start), detector: name };
    output.push(category === undefined ? finding : { ...finding, category });
  };

  return {
    name,
    type,
    maxLength,
    lookbehind,
    find(scan, out) {
      const { text, from } = scan;
      const runs = scan.digitRuns;
      const custom = spec.candidates;
      if ((scan.flags & HAS_DIGIT) === 0 && custom === undefined) return;
      // Per-call state lives in the closure above (no allocation per call); `find` never
      // re-enters itself.
      tried = 0;
      hits = undefined;
      scanText = text;
      scanFrom = from;
      output = out;
      for (let k = 0; k < runs.length; k += 2) {
        const run = runs[k];
        // A match's digit runs are exactly its digit groups: skip runs of other lengths.
        const length = runs[k + 1] - run;
        if (runLengths !== ANY_LENGTH && (length > 31 || (runLengths & (1 << length)) === 0 || !fitsSomeGroup(groups, text, run, length))) continue;
        for (let j = 0; j < firstOffsets.length; j++) tryAt(run - firstOffsets[j]);
        tryAt(wordStart(text, run, maxLength));
      }
      if (custom !== undefined) custom(scan, tryAt, window);
      scanText = '';
      output = NO_OUTPUT;
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

/** Placeholder for the output list between calls (never written: `find` sets the real one). */
const NO_OUTPUT: Finding[] = [];
/** How many recent candidate starts `find` remembers to skip repeats. */
const RECENT = 8; // a power of two
/** `digitRunLengths` for layouts whose digit positions may also hold letters. */
const ANY_LENGTH = -1;

/**
 * Bit set of the lengths a maximal digit run inside a match can have: the lengths of the
 * layouts' `D` groups (a match is never glued to digits on either side). ANY_LENGTH when some
 * position may be a digit or a letter (`X`, `H`).
 */
function digitRunLengths(layouts: readonly string[]): number {
  let mask = 0;
  for (const layout of layouts) {
    if (/[XH]/.test(layout)) return ANY_LENGTH;
    for (const group of layout.replace(/^~/, '').split(/[^D]+/)) {
      if (group.length === 0) continue;
      if (group.length > 31) return ANY_LENGTH;
      mask |= 1 << group.length;
    }
  }
  return mask;
}

/** Context words as a regex alternation of literals (special characters escaped). */
function alternation(words: readonly string[]): string {
  return words.map((word) => word.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|');
}

/** A `D` group of a layout and the layout characters around it (0: the layout's edge). */
interface DigitGroup {
  readonly length: number;
  readonly beforeClass: number;
  readonly beforeLiteral: number;
  readonly afterClass: number;
  readonly afterLiteral: number;
}

const EDGE = 0;

function classOf(char: string | undefined): number {
  return char === 'D' ? CLASS_DIGIT : char === 'A' ? CLASS_UPPER : char === 'X' ? CLASS_UPPER_OR_DIGIT : char === 'H' ? CLASS_HEX : 0;
}

/** Every `D` group of the layouts with its neighbours (empty for ANY_LENGTH layouts). */
function digitGroups(layouts: readonly string[]): DigitGroup[] {
  const groups: DigitGroup[] = [];
  for (const raw of layouts) {
    const layout = raw.replace(/^~/, '');
    for (const match of layout.matchAll(/D+/g)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      const before = layout[start - 1];
      const after = layout[end];
      groups.push({
        length: match[0].length,
        beforeClass: before === undefined ? EDGE : classOf(before),
        beforeLiteral: before === undefined || classOf(before) !== 0 ? 0 : before.charCodeAt(0),
        afterClass: after === undefined ? EDGE : classOf(after),
        afterLiteral: after === undefined || classOf(after) !== 0 ? 0 : after.charCodeAt(0),
      });
    }
  }
  return groups;
}

/**
 * True when the digit run `[run, run + length)` can be one of the layouts' digit groups given
 * the characters on either side (a literal, a class, or no letter or digit at a layout edge).
 * Reads the unit before and after the run: a cheap filter before any candidate is evaluated.
 */
function fitsSomeGroup(groups: readonly DigitGroup[], text: string, run: number, length: number): boolean {
  const before = run > 0 ? text.charCodeAt(run - 1) : -1;
  const after = run + length < text.length ? text.charCodeAt(run + length) : -1;
  for (let k = 0; k < groups.length; k++) {
    const group = groups[k];
    if (group.length !== length) continue;
    if (!neighbourFits(group.beforeClass, group.beforeLiteral, before)) continue;
    if (neighbourFits(group.afterClass, group.afterLiteral, after)) return true;
  }
  return false;
}

function neighbourFits(cls: number, literal: number, code: number): boolean {
  if (cls === EDGE && literal === 0) return code < 0 || !isAlnum(code);
  if (code < 0) return false;
  return fits(cls, literal, code);
}

/**
 * Start and end of the context word found at each position from `from` on (ascending starts).
 * Overlapping occurrences count: a search that went on after a match's end missed words
 * starting inside it ("idnr" in "tax idnr"), so a scan from 0 and a later one saw different
 * words, and a stream redacted a tax ID that one-shot redaction did not.
 */
function contextHits(text: string, from: number, search: RegExp): number[] {
  const ends: number[] = [];
  search.lastIndex = from;
  for (let hit = search.exec(text); hit !== null; hit = search.exec(text)) {
    ends.push(hit.index, hit.index + hit[0].length);
    search.lastIndex = hit.index + 1;
  }
  return ends;
}

/**
 * True when some hit lies wholly inside the `window` units before `start`. Hits are ascending,
 * so a binary search finds the first one that starts in the window: a linear walk per
 * candidate was quadratic on text dense in both context words and candidates (swift-bic on
 * repeated "SSN swift bic": 5.5 s at 1 MB).
 */
function hasHitBefore(hits: readonly number[], start: number, window: number): boolean {
  const low = start - window;
  let lo = 0;
  let hi = hits.length >> 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (hits[2 * mid] < low) lo = mid + 1;
    else hi = mid;
  }
  // Hits starting in the window and ending by `start`; they are few (the window is short).
  for (let k = 2 * lo; k < hits.length && hits[k] < start; k += 2) if (hits[k + 1] <= start) return true;
  return false;
}
