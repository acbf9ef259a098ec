import { isDigit } from '../scanner/char-class.js';

/**
 * The separators between the digit groups of a written phone number (internal to phone.ts):
 * what may join two digit runs into one chain (`gapEnd`), which kinds of separator a gap holds
 * (`gapKinds`, for the shape rules), and the char-code predicates every phone module shares.
 * Separate because the chain builder, the shape screens and the stream tail all read gaps the
 * same way, and must: a gap `find` joins is a gap `pending` holds.
 */

const OPEN = 40; // '('
const CLOSE = 41; // ')'
const HYPHEN = 45; // '-'
const DOT = 46; // '.'
const SLASH = 47; // '/'
const SPACE = 32; // ' '

/** Separator kinds in a gap between two digit groups. */
export const GAP_SPACE = 1;
export const GAP_DASH = 2;
export const GAP_DOT = 4;
export const GAP_SLASH = 8;
export const GAP_OPEN = 16;
export const GAP_CLOSE = 32;
/** Longest gap `gapEnd` accepts: ')', a space, a dash, a space and '(' (`555) - (123`). */
export const MAX_GAP = 5;
/** `gapEnd` ran into the end of the text: more text could still make it a gap. */
export const NEED_MORE = -2;

/**
 * Where the gap that starts at `index` (right after a digit) ends: the index of the next digit,
 * -1 when the text there is no phone separator, NEED_MORE when the text ends inside one.
 * Gap grammar: ')'? ( ' ' ( [-/] ' '? )? | [-/] ' '? | '.' )? '('?, at least one character,
 * where ' ' is a space or no-break space and '-' any dash.
 *
 * @example
 * gapEnd('555-0132', 3, 8) // 4
 * gapEnd('555 -', 3, 5) // NEED_MORE
 */
export function gapEnd(text: string, index: number, limit: number): number {
  let at = index;
  if (at < limit && text.charCodeAt(at) === CLOSE) at++;
  if (at < limit && isSpaceCode(text.charCodeAt(at))) {
    at++;
    if (at < limit && isDashOrSlash(text.charCodeAt(at))) {
      at++;
      if (at < limit && isSpaceCode(text.charCodeAt(at))) at++;
    }
  } else if (at < limit && isDashOrSlash(text.charCodeAt(at))) {
    at++;
    if (at < limit && isSpaceCode(text.charCodeAt(at))) at++;
  } else if (at < limit && text.charCodeAt(at) === DOT) {
    at++;
  }
  if (at < limit && text.charCodeAt(at) === OPEN) at++;
  if (at >= limit) return NEED_MORE;
  if (at === index) return -1;
  return isDigit(text.charCodeAt(at)) ? at : -1;
}

export function gapKinds(text: string, start: number, end: number): number {
  let kinds = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === OPEN) kinds |= GAP_OPEN;
    else if (code === CLOSE) kinds |= GAP_CLOSE;
    else if (code === DOT) kinds |= GAP_DOT;
    else if (code === SLASH) kinds |= GAP_SLASH;
    else if (isSpaceCode(code)) kinds |= GAP_SPACE;
    else kinds |= GAP_DASH;
  }
  return kinds;
}

/**
 * The code unit at `index`, or -1 outside the text: for equality tests only (a chain often ends
 * the text of a stream check, and a `charCodeAt` past either end deoptimises its caller for good).
 */
export const codeAt = (text: string, index: number): number => (index >= 0 && index < text.length ? text.charCodeAt(index) : -1);
export { isDigit };
export const isSpaceCode = (code: number): boolean => code === SPACE || code === 0xa0 || code === 0x202f;
/** Hyphen-minus and the Unicode hyphens/dashes phones are typed with (U+2010–U+2013). */
const isDash = (code: number): boolean => code === HYPHEN || (code - 0x2010) >>> 0 <= 3;
export const isDashOrSlash = (code: number): boolean => code === SLASH || isDash(code);
export const isGapCode = (code: number): boolean => code === OPEN || code === CLOSE || code === DOT || isSpaceCode(code) || isDashOrSlash(code);
