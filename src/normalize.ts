/**
 * The normalised view detectors run on when text hides values behind invisible or look-alike
 * characters: `4111\u200b1111…`, `jane\u00addoe@x.com`, `４１１１…`, Arabic-Indic digits, `jane＠x.com`.
 *
 * The view is built from deletions and one-to-one mappings only, so every unit of the view comes
 * from one character of the original and an index map turns a finding of the view back into a
 * span of the original that covers every invisible character inside it. Text without such
 * characters costs one native regex test and is scanned as it is.
 *
 * What is changed (compatibility folds of Unicode, UAX #15 NFKC, restricted to what a value can
 * hide behind; nothing else):
 * - deleted: Default_Ignorable_Code_Point characters (Unicode DerivedCoreProperties.txt: soft
 *   hyphen, zero-width space/joiners, bidi controls, word joiner, BOM, variation selectors, tags),
 *   in runs of at most MAX_RUN code points (longer runs stay, see MAX_RUN);
 * - to ASCII digits: every General_Category=Nd digit outside ASCII (full-width, Arabic-Indic,
 *   Devanagari, …, Mathematical digits), except the Segmented digits U+1FBF0..9 whose lead
 *   surrogate is the one of common emoji;
 * - to ASCII: the full-width forms U+FF01..U+FF5E (`＠`, `．`, `ａ`…; NFKC maps them so);
 * - to '-': hyphen, non-breaking hyphen, figure dash, en dash, minus sign, small hyphen-minus.
 */

/**
 * Longest run of deletable characters (in code points) that is deleted. A longer run stays in
 * the view as it is. The bound is what keeps streaming exact and its memory bounded: one unit of
 * the view then stands for at most 2 + 2 × MAX_RUN code units of the original, so a stream that
 * keeps `expandedLookbehind(L)` units of context gives every detector its L units of view. Four
 * covers a zero-width character between every two characters of a value and mixed invisibles
 * (ZWSP + ZWJ + BOM); an attacker who knows the bound can exceed it, as SECURITY.md says.
 */
export const MAX_RUN = 4;

/**
 * Every code unit that may start a change: BMP deletables, the dashes, the full-width forms, the
 * BMP decimal digits outside ASCII, and the lead surrogates of astral deletables and digits
 * (U+104A0 … U+1E95F, U+1BCA0, U+1D173, U+E0000 … U+E0FFF). A class without quantifiers cannot
 * backtrack; V8 runs it as one native pass, the only cost clean text pays.
 */
const NORMALIZABLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8\u2010-\u2013\u2212\ufe63\uff01-\uff5e\u0660-\u0669\u06f0-\u06f9\u07c0-\u07c9\u0966-\u096f\u09e6-\u09ef\u0a66-\u0a6f\u0ae6-\u0aef\u0b66-\u0b6f\u0be6-\u0bef\u0c66-\u0c6f\u0ce6-\u0cef\u0d66-\u0d6f\u0de6-\u0def\u0e50-\u0e59\u0ed0-\u0ed9\u0f20-\u0f29\u1040-\u1049\u1090-\u1099\u17e0-\u17e9\u1810-\u1819\u1946-\u194f\u19d0-\u19d9\u1a80-\u1a89\u1a90-\u1a99\u1b50-\u1b59\u1bb0-\u1bb9\u1c40-\u1c49\u1c50-\u1c59\ua620-\ua629\ua8d0-\ua8d9\ua900-\ua909\ua9d0-\ua9d9\ua9f0-\ua9f9\uaa50-\uaa59\uabf0-\uabf9\ud801\ud803-\ud807\ud818\ud81a\ud81b\ud82f\ud833-\ud835\ud838-\ud83a\udb40-\udb43]/g;

/**
 * Code point of the digit zero of every run of ten General_Category=Nd digits outside ASCII
 * (Unicode 17, as Node 20's ICU reports `/\p{Nd}/u`), ascending; a digit's value is its distance
 * to the zero before it. U+FF10 (full-width) is handled with the other full-width forms.
 */
const DIGIT_ZEROS: readonly number[] = [
  0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66, 0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090,
  0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
  0xabf0, 0x104a0, 0x10d30, 0x10d40, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650, 0x116c0, 0x116d0,
  0x116da, 0x11730, 0x118e0, 0x11950, 0x11bf0, 0x11c50, 0x11d50, 0x11da0, 0x11de0, 0x11f50, 0x16130, 0x16a60, 0x16ac0, 0x16b50,
  0x16d70, 0x1ccf0, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e4f0, 0x1e5f1, 0x1e950,
];

const HYPHEN_MINUS = 45; // '-'
const ZERO = 48; // '0'
const FULLWIDTH_FIRST = 0xff01;
const FULLWIDTH_LAST = 0xff5e;
/** Full-width form minus its ASCII counterpart (U+FF01 '！' − U+0021 '!'). */
const FULLWIDTH_SHIFT = 0xfee0;

/** A normalised view of a text and the map back to the original. */
export interface NormalizedText {
  /** The view detectors scan. */
  readonly text: string;
  /** Original index of the character that view unit `index` comes from (`text.length` maps to the original's length). */
  toOriginal(index: number): number;
  /** First view index whose character starts at or after original index `index`. */
  toNormalized(index: number): number;
  /** Original end (exclusive) of the character that view unit `index` comes from. */
  originalEnd(index: number): number;
  /**
   * The view up to `undecidedFrom`: what detectors may decide on while text can still be
   * appended (their `pending` runs on it; anything after it counts as not yet received).
   */
  readonly decidedText: string;
  /**
   * Original index from which appending text may still change the view: a trailing run of
   * deletable characters (it may still grow past MAX_RUN and stay) or a trailing lead surrogate
   * (it may still become a digit or a deletable). The original's length when nothing is open.
   */
  readonly undecidedFrom: number;
}

/**
 * Smallest code unit the view ever changes (U+00AD, the soft hyphen): text made only of code
 * units below it needs no view, which a stream can tell from each chunk as it arrives instead
 * of testing its whole buffer again at every check (test/normalize.test.ts checks the bound).
 */
export const FIRST_NORMALIZABLE = 0xad;

/**
 * True when `text` holds, at or after `from`, a character the view would change. One native regex test.
 *
 * @example
 * hasNormalizable('card 4111 1111') // false
 * hasNormalizable('card 4111\u200b1111') // true
 * hasNormalizable('card 4111\u200b1111', 10) // false
 */
export function hasNormalizable(text: string, from = 0): boolean {
  NORMALIZABLE.lastIndex = from;
  return NORMALIZABLE.test(text);
}

/**
 * The normalised view of `text`, or undefined when it would equal `text` (the usual case, found
 * by one native regex test). Linear in the length of `text`.
 *
 * @example
 * const view = normalizeText('card ４１１１\u200b1111')!
 * view.text            // 'card 41111111'
 * view.toOriginal(9)   // 10 (the '1' after the zero-width space)
 * view.originalEnd(12) // 14
 */
export function normalizeText(text: string): NormalizedText | undefined {
  NORMALIZABLE.lastIndex = 0;
  if (!NORMALIZABLE.test(text)) return undefined;
  const length = text.length;
  let index = NORMALIZABLE.lastIndex - 1;
  let copied = 0;
  let out = '';
  let changed = false;
  // Breakpoints of the map: from view index breaks[k] on, original = view + shifts[k].
  const breaks: number[] = [0];
  const shifts: number[] = [0];
  let shift = 0;
  while (index < length) {
    const code = text.charCodeAt(index);
    const width = deletableWidth(text, index);
    if (width > 0) {
      // A run of deletable code points: deleted when short, kept whole when long.
      let end = index + width;
      let count = 1;
      for (let next = deletableWidth(text, end); next > 0; next = deletableWidth(text, end)) {
        end += next;
        count++;
      }
      if (count <= MAX_RUN) {
        out += text.slice(copied, index);
        copied = end;
        shift += end - index;
        breaks.push(index - shift + (end - index));
        shifts.push(shift);
        changed = true;
      }
      index = end;
    } else {
      const mapped = mappedCode(text, index, code);
      if (mapped >= 0) {
        out += text.slice(copied, index) + String.fromCharCode(mapped);
        changed = true;
        if (code >= 0xd800 && code <= 0xdbff) {
          // An astral digit: two code units become one; the low half is the deleted unit.
          copied = index + 2;
          shift += 1;
          breaks.push(index + 2 - shift);
          shifts.push(shift);
          index += 2;
        } else {
          copied = index + 1;
          index++;
        }
      } else index++;
    }
    if (index >= length) break;
    NORMALIZABLE.lastIndex = index;
    if (!NORMALIZABLE.test(text)) break;
    index = NORMALIZABLE.lastIndex - 1;
  }
  // A trailing lead surrogate of a digit or deletable changes nothing yet but is still open: a
  // view whose decided part stops before it keeps a stream from deciding on the lone half.
  const open = undecidedFrom(text);
  if (!changed && open === length) return undefined;
  return createView(text, changed ? out + text.slice(copied) : text, breaks, shifts, open);
}

/**
 * Context a stream must keep so that every detector still sees `lookbehind` units of the view:
 * each view unit stands for at most 2 + 2 × MAX_RUN original units, and a run cut by the context
 * edge needs 2 × (MAX_RUN + 1) more to be classified as it is in the whole text, and 2 more
 * keep a surrogate pair at the edge whole. Detectors that read nothing before `from` need those
 * 12 too: a run cut by a release is the context edge itself.
 *
 * @example
 * expandedLookbehind(10) // 112
 * expandedLookbehind(0) // 12
 */
export function expandedLookbehind(lookbehind: number): number {
  return lookbehind * (2 + 2 * MAX_RUN) + 2 * (MAX_RUN + 1) + 2;
}

function createView(original: string, view: string, breaks: readonly number[], shifts: readonly number[], open: number): NormalizedText {
  // Last breakpoint at or before view index `index` (breaks is ascending; breaks[0] = 0).
  const segment = (index: number): number => {
    let low = 0;
    let high = breaks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (breaks[middle] <= index) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const toOriginal = (index: number): number => index + shifts[segment(index)];
  const toNormalized = (index: number): number => {
    // Last segment whose first unit starts at or before `index` in the original.
    let low = 0;
    let high = breaks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (breaks[middle] + shifts[middle] <= index) low = middle;
      else high = middle - 1;
    }
    let result = index - shifts[low];
    // `index` inside the deleted units before the next segment: the next segment's first unit.
    if (low + 1 < breaks.length && result > breaks[low + 1]) result = breaks[low + 1];
    if (result > view.length) result = view.length;
    return result;
  };
  return {
    text: view,
    toOriginal,
    toNormalized,
    decidedText: open === original.length ? view : view.slice(0, toNormalized(open)),
    originalEnd(index) {
      const start = toOriginal(index);
      const code = original.charCodeAt(start);
      // An astral digit became one ASCII unit; any other kept or mapped character is one unit.
      return code >= 0xd800 && code <= 0xdbff && view.charCodeAt(index) < 0xd800 ? start + 2 : start + 1;
    },
    undecidedFrom: open,
  };
}

/** See `NormalizedText.undecidedFrom`. Reads at most 2 × (MAX_RUN + 2) code units from the end. */
function undecidedFrom(text: string): number {
  let at = text.length;
  if (at > 0 && isLead(text.charCodeAt(at - 1))) at--;
  let start = at;
  let count = 0;
  while (start > 0 && count <= MAX_RUN) {
    const code = text.charCodeAt(start - 1);
    if (code >= 0xdc00 && code <= 0xdfff && start >= 2 && deletableWidth(text, start - 2) === 2) start -= 2;
    else if (isBmpDeletable(code)) start--;
    else break;
    count++;
  }
  return count <= MAX_RUN ? start : at;
}

const isLead = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

/** Code units of the deletable code point at `index` (1 or 2), or 0. */
function deletableWidth(text: string, index: number): number {
  if (index >= text.length) return 0;
  const code = text.charCodeAt(index);
  if (code < 0xad) return 0;
  if (isBmpDeletable(code)) return 1;
  if (!isLead(code)) return 0;
  const low = text.charCodeAt(index + 1);
  if (!(low >= 0xdc00 && low <= 0xdfff)) return 0;
  const point = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  // Default_Ignorable_Code_Point outside the BMP: shorthand format controls, musical symbol
  // formatting, tags and variation selectors supplement.
  return (point >= 0x1bca0 && point <= 0x1bca3) || (point >= 0x1d173 && point <= 0x1d17a) || (point >= 0xe0000 && point <= 0xe0fff) ? 2 : 0;
}

/** Default_Ignorable_Code_Point in the BMP (DerivedCoreProperties.txt). */
function isBmpDeletable(code: number): boolean {
  if (code < 0x2000) return code === 0xad || code === 0x34f || code === 0x61c || code === 0x115f || code === 0x1160 || code === 0x17b4 || code === 0x17b5 || (code >= 0x180b && code <= 0x180f);
  return (
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x206f) ||
    code === 0x3164 ||
    (code >= 0xfe00 && code <= 0xfe0f) ||
    code === 0xfeff ||
    code === 0xffa0 ||
    (code >= 0xfff0 && code <= 0xfff8)
  );
}

/** The ASCII code the character at `index` maps to, or -1. */
function mappedCode(text: string, index: number, code: number): number {
  if (code >= FULLWIDTH_FIRST && code <= FULLWIDTH_LAST) return code - FULLWIDTH_SHIFT;
  if ((code >= 0x2010 && code <= 0x2013) || code === 0x2212 || code === 0xfe63) return HYPHEN_MINUS;
  let point = code;
  if (isLead(code)) {
    const low = text.charCodeAt(index + 1);
    if (!(low >= 0xdc00 && low <= 0xdfff)) return -1;
    point = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  }
  const value = digitValue(point);
  return value < 0 ? -1 : ZERO + value;
}

/** Value of a non-ASCII decimal digit, or -1. */
function digitValue(point: number): number {
  let low = 0;
  let high = DIGIT_ZEROS.length - 1;
  if (point < DIGIT_ZEROS[0]) return -1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (DIGIT_ZEROS[middle] <= point) low = middle;
    else high = middle - 1;
  }
  const value = point - DIGIT_ZEROS[low];
  return value < 10 ? value : -1;
}
