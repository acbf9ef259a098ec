import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';
import { DE_TYPE, type Lexicon, UNIT_ID, addressLexicon } from './address-lexicon.js';
import { AddressParser, BACK, type Span, isGermanAdjective } from './address-parser.js';
import { type Window, isBlank, isLetterAt } from './address-tokens.js';

/** Options of `streetAddress`. */
export interface StreetAddressOptions {
  /** Score of a finding. Default: 0.85. */
  readonly score?: number;
}

/**
 * Furthest an address reaches after its anchor (the first digit of its house number): about
 * 20 tokens. "12345 North Westchester Boulevard Northwest, Suite 1234, Building 12, Rancho Santa
 * Margarita, California 92688-1234, United States" is 150 code units.
 */
const FORWARD = 200;
/**
 * Text read before an anchor: a German street name or "Post Office Box" (at most BACK = 64 code
 * units), and the five words before it where a location cue ("I live at") may stand.
 */
const LOOKBEHIND = BACK + 96;
const MAX_LENGTH = BACK + FORWARD;
/** Trailing words checked for a form that starts before its number ("P.O. Box", "Flat", "Hauptstraße"). */
const PREFIX_WORDS = 4;
const PO_WORDS = new Set(['p', 'o', 'po', 'pob', 'post', 'office', 'box']);
const PO_PREFIXES = ['post', 'office', 'box'];

const NEWLINE = 10; // '\n'
const DOT = 46; // '.'
const COMMA = 44; // ','

const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;

/**
 * Finds postal street addresses in chat and support text: US and Canadian street lines with
 * units and a last line ("1600 Pennsylvania Ave NW, Washington, DC 20500"), PO boxes, numbered
 * roads ("2150 County Road 12"), UK ("Flat 3, 12 High Street, London SW1A 1AA"), Australian
 * ("3/14 Smith St, Richmond VIC 3121"), German ("Hauptstraße 5, 10115 Berlin") and French
 * ("12 rue de la Paix, 75002 Paris") forms. A token-level state machine anchored on the scanner's
 * digit runs (every form has a number), so text without digits costs nothing here. It rejects
 * counts ("3 main points", "10 miles down the road"), times, prices and IDs ("at 5 pm", "page
 * 4"), numbered roads without a house number ("Route 66"), years ("In 1999 Main Street…"), a ZIP
 * alone, and a city and state without a street ("Springfield, IL").
 *
 * @example
 * createRedactor({ detectors: [streetAddress()] }).redact('Ship it to 221B Baker Street, London NW1 6XE please').text
 * // 'Ship it to [STREET_ADDRESS] please'
 */
export function streetAddress(options: StreetAddressOptions = {}): Detector {
  const score = options.score ?? 0.85;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) throw new RangeError('streetAddress: options.score must be a number from 0 to 1');
  const lex = addressLexicon();
  return {
    name: 'street-address',
    type: 'STREET_ADDRESS',
    maxLength: MAX_LENGTH,
    lookbehind: LOOKBEHIND,
    find(scan, out) {
      if ((scan.flags & HAS_DIGIT) === 0) return;
      const { text, digitRuns } = scan;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const anchor = digitRuns[k];
        if (anchor < scan.from) continue;
        const match = analyse(text, anchor, lex).match;
        if (match !== undefined && match.start >= scan.from) {
          out.push({ type: 'STREET_ADDRESS', start: match.start, end: match.end, score, detector: 'street-address' });
        }
      }
    },
    pending(text, from) {
      const end = text.length;
      let hold = end;
      // An address whose machine read up to the end of the text may still grow or change.
      for (let index = end - 1; index >= Math.max(from, end - FORWARD); index--) {
        if (!isAnchor(text, index)) continue;
        const result = analyse(text, index, lex);
        if (result.open && result.earliest < hold) hold = result.earliest;
      }
      hold = Math.min(hold, prefixHold(text, from, lex));
      if (hold >= end) return end;
      // A decided address that starts before `hold` must not be cut: hold from its start.
      for (let moved = true; moved && hold > from; ) {
        moved = false;
        const last = Math.min(end, hold + BACK + 1);
        for (let index = Math.max(from, hold - FORWARD); index < last; index++) {
          if (!isAnchor(text, index)) continue;
          const result = analyse(text, index, lex);
          const match = result.match;
          if (!result.open && match !== undefined && match.start < hold && match.end > hold) {
            hold = match.start;
            moved = true;
            break;
          }
        }
      }
      return Math.max(from, hold);
    },
  };
}

function isAnchor(text: string, index: number): boolean {
  return isDigit(text.charCodeAt(index)) && (index === 0 || !isDigit(text.charCodeAt(index - 1)));
}

/** Runs the machine for one anchor in its bounded window. */
function analyse(text: string, anchor: number, lex: Lexicon): { match: Span | undefined; open: boolean; earliest: number } {
  const limit = anchor + FORWARD;
  const win: Window = { text, lo: Math.max(0, anchor - LOOKBEHIND), end: Math.min(text.length, limit), touched: false };
  const parser = new AddressParser(win, lex, anchor);
  const match = parser.run();
  return { match, open: win.touched && win.end < limit, earliest: parser.earliest };
}

/**
 * Where a form that starts before its number may begin in the trailing words ("P.O. Box",
 * "Flat", "Hauptstraße", "Berliner Straße" with the number still to come), or `text.length`.
 * A trailing word that touches the end may still grow into one, so it is held too: the text
 * ends in a letter, in a mark that joins the word to a letter still to come ("Karl-" of
 * "Karl-Marx-Allee 34"), or in the high half of a surrogate pair (the tokeniser's rules, read
 * backwards).
 */
function prefixHold(text: string, from: number, lex: Lexicon): number {
  const end = text.length;
  const floor = Math.max(from, end - LOOKBEHIND);
  const starts: number[] = [];
  const words: string[] = [];
  const caps: boolean[] = [];
  const last = text.charCodeAt(end - 1);
  const touching = end > floor && (isLetterAt(text, end - 1) || isInnerMark(text, end - 1) || isHighSurrogate(last));
  let index = end;
  while (starts.length < PREFIX_WORDS && index > floor) {
    let wordEnd = index;
    let start = wordEnd;
    if (starts.length === 0 && touching) {
      if (isHighSurrogate(last)) start--;
    } else {
      while (wordEnd > floor && isSeparator(text.charCodeAt(wordEnd - 1))) wordEnd--;
      if (wordEnd === floor || !isLetterAt(text, wordEnd - 1)) break;
      start = wordEnd;
    }
    while (start > floor && wordEnd - start <= 40 && (isLetterAt(text, start - 1) || isInnerMark(text, start - 1))) start--;
    if (wordEnd - start > 40) break; // longer than any word the machine reads: decided
    starts.push(start);
    words.push(text.slice(start, wordEnd).toLowerCase());
    const first = text[start];
    caps.push(first !== first.toLowerCase());
    index = start;
  }
  if (starts.length === 0) return end;
  let hold = end;
  if (touching) hold = starts[0];
  // P.O. Box / Post Office Box: hold from the first of the trailing post-office words.
  let po = -1;
  for (let k = 0; k < words.length && (PO_WORDS.has(words[k]) || (k === 0 && touching && PO_PREFIXES.some((word) => word.startsWith(words[0])))); k++) po = k;
  if (po >= 0) hold = Math.min(hold, starts[po]);
  const flags = lex.words.get(words[0]) ?? 0;
  if (flags & UNIT_ID) hold = Math.min(hold, starts[0]);
  if (caps[0]) {
    const word = words[0];
    const standalone = (flags & DE_TYPE) !== 0 || (touching && lex.germanTypes.some((type) => type.startsWith(word)));
    if (standalone) {
      // "Berliner Straße", "Alte Allee": the adjective before the type word.
      hold = Math.min(hold, words.length > 1 && isGermanAdjective(words[1], caps[1]) ? starts[1] : starts[0]);
    } else if (lex.germanTypes.some((type) => word.length > type.length && word.endsWith(type))) {
      hold = Math.min(hold, starts[0]);
    } else if (!touching && isGermanAdjective(word, true)) {
      // A complete "Berliner " may still be followed by "Straße 12": hold that one word.
      hold = Math.min(hold, starts[0]);
    }
  }
  return hold;
}

/** What may stand between the words of a form and its number: the tokeniser's blanks, line breaks, '.' and ','. */
function isSeparator(code: number): boolean {
  return isBlank(code) || code === NEWLINE || code === DOT || code === COMMA;
}

const isHighSurrogate = (code: number): boolean => (code & 0xfc00) === 0xd800;

function isInnerMark(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return (code === 39 || code === 0x2019 || code === 45) && index > 0 && isLetterAt(text, index - 1);
}
