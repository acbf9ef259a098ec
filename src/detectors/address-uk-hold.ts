import { isDigit } from '../scanner/char-class.js';
import { type Lexicon, NOT_NAME, SUFFIX } from './address-lexicon.js';
import { BACK } from './address-parser.js';
import { isBlank, isLetterAt } from './address-tokens.js';

const COMMA = 44; // ','
const DOT = 46; // '.'
const APOSTROPHE = 39; // "'"
const RIGHT_QUOTE = 0x2019; // '’'
const HYPHEN = 45; // '-'
const UPPER_T = 84; // 'T'

/**
 * The part of the STREET_ADDRESS `pending` for British addresses without a house number
 * (internal). `AddressParser.ukBack` reads those back from their postcode, so until the
 * postcode's first digit arrives a stream must hold every trailing run of text that could still
 * become the street line, locality and city before it ("ship it to Hammersmith Bridge Road,
 * Lon"): capitalised words, with blanks, line breaks, commas and dots between them. The run ends
 * at a lower-case word, a digit, any other mark, or a complete word that `ukBack` never takes
 * (NOT_NAME: "Hi", "I", "Thanks"; not "The", which may open a house name), and reaches back at
 * most BACK code units, as `ukBack` does from its anchor, which lies after the end. Once the
 * digit is there, the anchor's own run holds what it needs (`open`, `earliest`).
 *
 * A superset of what `ukBack` accepts, so holding from the run's first word is always enough:
 * any word `ukBack` could read back to starts in it. Most chat tails end in a lower-case word,
 * decided after reading it.
 *
 * @returns the start of the run's earliest word, or `text.length` when nothing is held
 * @example
 * ukTailHold('ship it to Hammersmith Bridge Road, Lon', 0, addressLexicon()) // 11
 */
export function ukTailHold(text: string, floor: number, lex: Lexicon): number {
  const end = text.length;
  const limit = Math.max(floor, end - BACK);
  let hold = end;
  let index = end;
  while (index > limit) {
    const kind = kindAt(text, index - 1);
    if (kind === SEPARATOR) {
      index--;
      continue;
    }
    if (kind !== WORD_PART) break; // a mark or a digit
    const wordEnd = index;
    // Clean chat mostly ends in a lower-case ASCII word: one table read per code unit.
    for (index--; index > limit && kindAt(text, index - 1) === WORD_PART; index--);
    // A word reaching past the limit: its start is too early to be read back.
    if (index === limit && index > 0 && kindAt(text, index - 1) === WORD_PART) break;
    const first = text.charCodeAt(index);
    if ((first - 97) >>> 0 <= 25) break;
    // A word glued to a number is no word to `ukBack` ("29Abbey"); after a mark it is ("29’Abbey").
    if (index > 0 && isDigit(text.charCodeAt(index - 1)) && isLetterAt(text, index)) break;
    // A complete word `ukBack` never takes ends the run; a word still being typed may grow.
    if (wordEnd < end) {
      const id = lex.table.find(text, index, wordEnd);
      if (id >= 0 && (lex.flags[id] & (NOT_NAME | SUFFIX)) === NOT_NAME && !(wordEnd - index === 3 && first === UPPER_T && lex.table.words[id] === 'the')) break;
    }
    hold = index;
  }
  return hold;
}

const OTHER = 0;
const SEPARATOR = 1;
const WORD_PART = 2;

/** Kind of each ASCII code unit: blanks and control codes, ',' and '.' separate; letters, "'" and '-' make words. */
const ASCII_KIND = new Uint8Array(128);
for (let code = 0; code <= 32; code++) ASCII_KIND[code] = SEPARATOR;
ASCII_KIND[COMMA] = SEPARATOR;
ASCII_KIND[DOT] = SEPARATOR;
for (let code = 65; code <= 90; code++) ASCII_KIND[code] = ASCII_KIND[code + 32] = WORD_PART;
ASCII_KIND[APOSTROPHE] = ASCII_KIND[HYPHEN] = WORD_PART;

/** Kind of the code unit at `index`: the table for ASCII; the tokeniser's blanks, letters and '’' above. */
function kindAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 128) return ASCII_KIND[code];
  if (isBlank(code)) return SEPARATOR;
  return code === RIGHT_QUOTE || isLetterAt(text, index) ? WORD_PART : OTHER;
}
