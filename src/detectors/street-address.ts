import { isDigit } from '../scanner/char-class.js';
import { HAS_DIGIT } from '../scanner/scan.js';
import type { Detector } from '../types.js';
import { type Lexicon, addressLexicon } from './address-lexicon.js';
import { AddressParser, BACK, type Span } from './address-parser.js';
import { prefixHold } from './address-prefix-hold.js';
import { ukTailHold } from './address-uk-hold.js';
import { gluedBefore, mayBeHouse, mayStartAddress, ruledOut, settledForStream } from './address-screen.js';
import { type Window, createTokenScan, isLetterAt } from './address-tokens.js';

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

/** An ASCII digit; searched from a set `lastIndex` (no quantifier: it cannot backtrack). */
const DIGIT = /[0-9]/g;

/**
 * Finds postal street addresses in chat and support text: US and Canadian street lines with
 * units and a last line ("1600 Pennsylvania Ave NW, Washington, DC 20500"), PO boxes, numbered
 * roads ("2150 County Road 12"), UK ("Flat 3, 12 High Street, London SW1A 1AA", and without a
 * house number, read back from the postcode: "Rose Cottage, Mill Lane, Abingdon OX14 4RA"),
 * Australian ("3/14 Smith St, Richmond VIC 3121"), German ("Hauptstraße 5, 10115 Berlin") and
 * French ("12 rue de la Paix, 75002 Paris") forms. A token-level state machine anchored on the
 * scanner's digit runs (every form has a number or a postcode), so text without digits costs
 * nothing here. It rejects counts ("3 main points", "10 miles down the road"), times, prices and
 * IDs ("at 5 pm", "page 4"), numbered roads without a house number ("Route 66"), years ("In 1999
 * Main Street…"), a ZIP alone, and a city and state without a street ("Springfield, IL").
 *
 * @example
 * createRedactor({ detectors: [streetAddress()] }).redact('Ship it to 221B Baker Street, London NW1 6XE please').text
 * // 'Ship it to [STREET_ADDRESS] please'
 */
export function streetAddress(options: StreetAddressOptions = {}): Detector {
  const score = options.score ?? 0.85;
  if (typeof score !== 'number' || !(score >= 0 && score <= 1)) throw new RangeError('streetAddress: options.score must be a number from 0 to 1');
  const machine = new Machine(addressLexicon());
  const lex = machine.lex;
  /** Offsets of the trailing words `prefixHold` reads. */
  const starts = new Int32Array(8);
  /** Decided matches of one `pending` call: anchor, start, end (at most one per two code units of FORWARD). */
  const decided = new Int32Array(3 * (FORWARD / 2 + 1));
  /**
   * Matches of the last `pending` call (start, end; last anchor first) for the `find` that follows
   * on the same text from the same index: `memoText` set while they stand, dropped at first use
   * so no text is kept longer (as health.ts does). A check's `find` ran the machine on the anchors
   * `pending` had just run: 3.3% of a 4-char stream's CPU samples in place (bench clean chat).
   */
  const memo = new Int32Array(2 * (FORWARD / 2 + 1));
  /** Anchors of one `pending` call and the ends of their digit runs, in text order (as many). */
  const found = new Int32Array(2 * (FORWARD / 2 + 1));
  let memoText: string | undefined;
  let memoFrom = 0;
  let memoCount = 0;
  return {
    name: 'street-address',
    type: 'STREET_ADDRESS',
    maxLength: MAX_LENGTH,
    lookbehind: LOOKBEHIND,
    find(scan, out) {
      const { text, digitRuns } = scan;
      if (memoText !== undefined) {
        const hit = text === memoText && scan.from === memoFrom;
        memoText = undefined;
        if (hit) {
          // The `pending` just before ran every anchor at or after `from` (see `memo`).
          for (let k = memoCount - 2; k >= 0; k -= 2) {
            if (memo[k] >= scan.from) out.push({ type: 'STREET_ADDRESS', start: memo[k], end: memo[k + 1], score, detector: 'street-address' });
          }
          return;
        }
      }
      if ((scan.flags & HAS_DIGIT) === 0) return;
      for (let k = 0; k < digitRuns.length; k += 2) {
        const anchor = digitRuns[k];
        // Most digit runs of chat are prices, times, dates and versions: decided here from the
        // code units around them, before the machine reads any word.
        const runEnd = digitRuns[k + 1];
        if (anchor < scan.from) continue;
        // A postcode's outward code ("W6 9EJ") is glued to its letters: no house number, but the
        // machine reads a street line back from it (`ukBack`).
        if (outwardStart(text, anchor) < 0) {
          if (gluedBefore(text, anchor, 0) || !mayBeHouse(text, anchor, runEnd)) continue;
          // The rest ("order 48213", "add 32 more", "87% off") on ASCII code units, before any token.
          if (ruledOut(text, anchor, runEnd, anchor > LOOKBEHIND ? anchor - LOOKBEHIND : 0, Math.min(text.length, anchor + FORWARD), lex)) continue;
        }
        const match = machine.run(text, anchor, false, runEnd);
        if (match !== undefined && match.start >= scan.from) {
          out.push({ type: 'STREET_ADDRESS', start: match.start, end: match.end, score, detector: 'street-address' });
        }
      }
    },
    pending(text, from) {
      memoText = undefined;
      const end = text.length;
      let hold = end;
      // An address whose machine read up to the end of the text may still grow or change. The
      // decided matches met on the way are kept for the second step (`decided`).
      const low = Math.max(from, end - FORWARD);
      // The anchors, found by the native regex (about 0.3 ns per code unit against 1.7 for a
      // charCodeAt walk on this machine, and a walk back over a 4-char stream's held text cost
      // three times the regex in place; most tails of chat hold no digit), then run last first.
      let anchors = 0;
      const digit = DIGIT;
      digit.lastIndex = low;
      while (digit.test(text)) {
        const at = digit.lastIndex - 1;
        let runEnd = at + 1;
        while (runEnd < end && isDigit(text.charCodeAt(runEnd))) runEnd++;
        if (at > low || at === 0 || !isDigit(text.charCodeAt(at - 1))) {
          found[anchors++] = at;
          found[anchors++] = runEnd;
        }
        digit.lastIndex = runEnd;
      }
      let count = 0;
      let memoed = 0;
      while (anchors > 0) {
        const runEnd = found[--anchors];
        const anchor = found[--anchors];
        const match = machine.run(text, anchor, true, runEnd);
        if (match !== undefined) {
          // Open or not, the match is what `find` reads on this text (the stream's reads only add
          // to `touched`): kept for the `find` that follows.
          memo[memoed++] = match.start;
          memo[memoed++] = match.end;
        }
        if (machine.open) {
          if (machine.earliest < hold) hold = machine.earliest;
        } else if (match !== undefined) {
          decided[3 * count] = anchor;
          decided[3 * count + 1] = match.start;
          decided[3 * count + 2] = match.end;
          count++;
        }
      }
      // A stream's check calls `find` on the same text from the same `from` next (src/pipeline.ts):
      // when every anchor after `from` was run here, it reads these matches instead of running the
      // machine again.
      if (low === from) {
        memoText = text;
        memoFrom = from;
        memoCount = memoed;
      } else memoText = undefined;
      // An open anchor holds from its `earliest`, at or before its first digit. `prefixHold` and
      // `ukTailHold` answer the end or the start of a trailing word, and no ASCII digit lies
      // between such a start and the end (their words are letters and inner marks, joined by
      // blanks, line breaks, '.' and ','): those answers come after every anchor and cannot lower
      // `hold`. So they are asked only when no anchor is open (about one 4-char stream check in
      // eight of bench clean chat skips them).
      if (hold === end) {
        const floor = Math.max(from, end - LOOKBEHIND);
        hold = Math.min(prefixHold(text, floor, lex, starts), ukTailHold(text, floor, lex));
      }
      if (hold >= end) return end;
      // A decided address that starts before `hold` must not be cut: hold from its start. The
      // first anchor (in text order) whose address crosses `hold` moves it, then look again.
      for (let moved = true; moved && hold > from; ) {
        moved = false;
        const first = Math.max(from, hold - FORWARD);
        const last = Math.min(end, hold + BACK + 1);
        // Anchors before `low` were not run above (a text longer than FORWARD after `from`).
        for (let index = first; index < Math.min(last, low); index++) {
          if (!isAnchor(text, index)) continue;
          // The screen rules most anchors out; `open` needs the parser's own reads.
          if (machine.run(text, index, false) === undefined) continue;
          const match = machine.run(text, index, true);
          if (!machine.open && match !== undefined && match.start < hold && match.end > hold) {
            hold = match.start;
            moved = true;
            break;
          }
        }
        for (let k = count - 1; !moved && k >= 0; k--) {
          const anchor = decided[3 * k];
          if (anchor >= first && anchor < last && decided[3 * k + 1] < hold && decided[3 * k + 2] > hold) {
            hold = decided[3 * k + 1];
            moved = true;
          }
        }
      }
      return Math.max(from, hold);
    },
  };
}

/**
 * Start of the 1-2 capital letters a digit run at `anchor` is glued to when they begin a word
 * (a British outward code: "W6", "SW1A", "LS1"), or -1.
 */
function outwardStart(text: string, anchor: number): number {
  let index = anchor;
  while (index > 0 && anchor - index < 2 && (text.charCodeAt(index - 1) - 65) >>> 0 <= 25) index--;
  if (index === anchor || (index > 0 && (isDigit(text.charCodeAt(index - 1)) || isLetterAt(text, index - 1)))) return -1;
  return index;
}

function isAnchor(text: string, index: number): boolean {
  return isDigit(text.charCodeAt(index)) && (index === 0 || !isDigit(text.charCodeAt(index - 1)));
}

/**
 * The machine of one detector: one window and one parser, reset for each anchor (no allocation
 * per anchor). A class rather than a closure over mutable variables: V8 keeps its fields in
 * place, and a call to `run` cost about 60 ns more per digit run reaching it as a closure
 * (bench/fixtures.ts `cleanChat`, esbuild bundle, Node 20).
 */
class Machine {
  private readonly win: Window = { text: '', lo: 0, end: 0, touched: false, stream: false };
  private readonly parser: AddressParser;
  private readonly prev = createTokenScan();
  private readonly token = createTokenScan();
  private limit = 0;

  constructor(readonly lex: Lexicon) {
    this.parser = new AddressParser(this.win, lex);
  }

  /**
   * The address anchored at `anchor` in its bounded window, or undefined; sets `open` and
   * `earliest`, which are exact only when `stream` is true (see `Window.stream`). `runEnd`: the
   * end of the anchor's digit run when known, else -1.
   */
  run(text: string, anchor: number, stream: boolean, runEnd = -1): Span | undefined {
    const { win, lex } = this;
    const limit = anchor + FORWARD;
    this.limit = limit;
    win.stream = stream;
    win.text = text;
    win.lo = anchor > LOOKBEHIND ? anchor - LOOKBEHIND : 0;
    win.end = limit < text.length ? limit : text.length;
    win.touched = false;
    this.parser.reset(anchor);
    const outward = outwardStart(text, anchor);
    if (outward >= 0) return this.parser.ukBack(outward);
    // The screen settles most digit runs of ordinary text without the parser. A stream needs
    // the parser's reads (`touched`): there only the part of the screen that reads as the
    // parser does may decide.
    if (stream) {
      if (settledForStream(win, anchor, lex, this.prev, this.token, runEnd)) return undefined;
      win.touched = false; // the parser may read less than the screen did
    } else if (!mayStartAddress(win, anchor, lex, this.prev, this.token, runEnd)) return undefined;
    return this.parser.run();
  }

  /** The last run read up to the end of the text (before its forward limit): more text may change it. */
  get open(): boolean {
    return this.win.touched && this.win.end < this.limit;
  }

  /** Earliest start the last run considered: what a stream must hold while it is open. */
  get earliest(): number {
    return this.parser.earliest;
  }
}
