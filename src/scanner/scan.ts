/** Longest stretch of digits the scanner walks back over when a scan starts inside a run. */
const MAX_RUN_LOOKBACK = 64;
const AT = 64; // '@'
const COLON = 58; // ':'

/** What is present in the scanned range, so detectors can return at once when their trigger is absent. */
export const HAS_DIGIT = 1;
export const HAS_AT = 2;
export const HAS_COLON = 4;
/** '=' (secret's `key=value`). */
export const HAS_EQUALS = 8;
/** '\n' (line-wrapped values). */
export const HAS_NEWLINE = 16;
/** A '.' before an ASCII letter, or `dot` in any case: a domain's dot (obfuscated email). */
export const HAS_DOT_SIGN = 32;
/** `www.` (url). */
export const HAS_WWW = 64;
/** `-----` (PEM armour, secret). */
export const HAS_ARMOUR = 128;
/** `pass` or `pwd` in any case (secret's 'my password is …'). */
export const HAS_PASS = 256;

/**
 * The next character any structured detector starts from: an ASCII digit, '@', full-width '＠'
 * or ':'; or a mark a detector would otherwise search the whole text for ('=', '\n', a dot
 * sign, `www.`, `-----`, `pass`/`pwd`: see the HAS_* flags). Searching for it with a native regex and then
 * walking the (short) digit run by hand is what makes clean text cheap: measured on 60,000 chat
 * messages of 40–200 characters (Node 20, esbuild bundle), this scan takes 0.7× the time of the
 * baseline `text.replace(/[0-9@]/g, '#')`, while a `charCodeAt` loop over every character takes
 * 1.7×. The marks ride on the same pass: on bench clean chat it cost 295 ns a message against
 * 239 without them, and spared obfuscated-email's regex, url's, secret's and line-wrapped's
 * native searches, 433 ns with the scan (bench/fixtures.ts `cleanChat`, best of 30).
 * No quantifier, and no two alternatives start with the same code unit, so it cannot backtrack.
 */
const TRIGGER = /[0-9@:=\n\uff20]|\.[a-zA-Z]|[dD][oO][tT]|www\.|-----|[pP](?:[aA][sS][sS]|[wW][dD])/g;

/**
 * TRIGGER, or any code unit from U+00AD up (FIRST_NORMALIZABLE in src/normalize.ts: the first
 * one the normalised view may change). One-shot redaction scans with it until the first such
 * unit, so that ASCII text is proved plain by the pass that finds its triggers rather than by a
 * pass of its own: one native pass instead of two (see WideProbe).
 */
const TRIGGER_OR_WIDE = /[0-9@:=\n\u00ad-\uffff]|\.[a-zA-Z]|[dD][oO][tT]|www\.|-----|[pP](?:[aA][sS][sS]|[wW][dD])/g;
const FIRST_WIDE = 0xad;
const DOT = 46; // '.'
const LOWER_S = 115; // 's'
const LOWER_D = 100; // 'd'
const FULLWIDTH_AT = 0xff20; // '＠'

/**
 * The trigger search once the marks of `seen` (HAS_* bits) have been flagged, with or without
 * the wide units: a mark is flagged once and then dropped from the search, so a text full of one
 * (a stack trace's dotted names, a '=====' rule) costs one stop for it, not one per occurrence
 * (measured: `"a.".repeat(n)` took 3.4 times as long with the dot sign kept in the search).
 * Built from the same fixed parts on first use; at most 128 variants.
 */
function triggerFor(seen: number, wantWide: boolean): RegExp {
  const key = (seen >> 3) | (wantWide ? 64 : 0);
  return (TRIGGERS[key] ??= buildTrigger(seen, wantWide));
}

const TRIGGERS: (RegExp | undefined)[] = /* #__PURE__ */ (() => {
  const variants: (RegExp | undefined)[] = new Array(128).fill(undefined);
  variants[0] = TRIGGER;
  variants[64] = TRIGGER_OR_WIDE;
  return variants;
})();

function buildTrigger(seen: number, wantWide: boolean): RegExp {
  let units = wantWide ? '0-9@:\\u00ad-\\uffff' : '0-9@:\\uff20';
  if ((seen & HAS_EQUALS) === 0) units += '=';
  if ((seen & HAS_NEWLINE) === 0) units += '\\n';
  let source = `[${units}]`;
  if ((seen & HAS_DOT_SIGN) === 0) source += '|\\.[a-zA-Z]|[dD][oO][tT]';
  if ((seen & HAS_WWW) === 0) source += '|www\\.';
  if ((seen & HAS_ARMOUR) === 0) source += '|-----';
  if ((seen & HAS_PASS) === 0) source += '|[pP](?:[aA][sS][sS]|[wW][dD])';
  return new RegExp(source, 'g');
}

/**
 * The HAS_* flag of a TRIGGER match by its last code unit (ASCII): the multi-unit marks end in a
 * letter (a dot sign; `pass` and `pwd` are told apart from it in `createScan`), '.' (`www.`) or
 * '-' (`-----`), which no single-unit trigger is; '=' and '\n' are single units. 0 for the others
 * (digits, '@', ':', wide units).
 */
const MARK_OF_LAST: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 65; code <= 90; code++) table[code] = table[code + 32] = HAS_DOT_SIGN;
  table[46] = HAS_WWW; // '.'
  table[45] = HAS_ARMOUR; // '-'
  table[61] = HAS_EQUALS; // '='
  table[10] = HAS_NEWLINE; // '\n'
  return table;
})();

/**
 * The result of one pass over `text` from `from`: the few places worth a closer look.
 * Every detector reads these instead of walking the text with its own regex, so clean text
 * costs about one pass whatever the number of detectors.
 */
/** A read-only list of offsets (a plain array, or an `Int32Array` when long): index it, take its length, iterate it. */
export type Positions = ArrayLike<number> & Iterable<number>;

export interface Scan {
  readonly text: string;
  /** Findings are wanted from here on; text before is context only. */
  readonly from: number;
  /**
   * HAS_* bits for what occurs at or after `from` (a mark: when it starts there; a scan that
   * starts inside a digit run counts from the run's end, where no mark can start earlier).
   */
  readonly flags: number;
  /**
   * Maximal runs of ASCII digits as flat `[start, end)` pairs, ascending. The first run may start
   * before `from` (at most 64 code units before) when `from` falls inside it.
   */
  readonly digitRuns: Positions;
  /** Positions of '@' (and full-width '＠') at or after `from`. */
  readonly ats: Positions;
  /** Positions of ':' at or after `from`. */
  readonly colons: Positions;
}

/**
 * Where a scan saw its first code unit from U+00AD up (`at`, -1 for none): filled by `createScan`
 * when passed one. The pipeline asks the normaliser about the text from there only; text below
 * U+00AD needs no view (measured on bench clean chat: the view's own regex test was 115 ns a
 * message, a third of the trigger scan, which a wider class made 30 ns dearer).
 */
export interface WideProbe {
  at: number;
}

/**
 * Scans `text` from `from` in one pass. With `wide`, also notes in it the first code unit at or
 * after the scan's start that is U+00AD or above.
 *
 * @example
 * const scan = createScan('call 555-0100 or a@b.io', 0)
 * [...scan.digitRuns] // [5, 8, 9, 13]
 * [...scan.ats]       // [18]
 */
export function createScan(text: string, from = 0, wide?: WideProbe): Scan {
  const length = text.length;
  let runCount = 0;
  let atCount = 0;
  let colonCount = 0;
  let index = from;
  if (from > 0 && from < length && isAsciiDigit(text.charCodeAt(from - 1)) && isAsciiDigit(text.charCodeAt(from))) {
    // Started inside a digit run: find where it began, but never walk back further than any
    // detector could care about (no numeric value has more than 34 contiguous digits).
    let runStart = from - 1;
    const limit = Math.max(0, from - MAX_RUN_LOOKBACK);
    while (runStart > limit && isAsciiDigit(text.charCodeAt(runStart - 1))) runStart--;
    index = from + 1;
    while (index < length && isAsciiDigit(text.charCodeAt(index))) index++;
    scratchRuns[0] = runStart;
    scratchRuns[1] = index;
    runCount = 2;
  }
  let wantWide = wide !== undefined;
  if (wide !== undefined) wide.at = -1;
  let trigger = wantWide ? TRIGGER_OR_WIDE : TRIGGER;
  let marks = 0;
  while (index < length) {
    trigger.lastIndex = index;
    if (!trigger.test(text)) break;
    const end = trigger.lastIndex;
    const last = text.charCodeAt(end - 1);
    let mark = last < 128 ? MARK_OF_LAST[last] : 0;
    // A match ending in a letter is a dot sign ('.x', `dot`) or `pass`/`pwd`: only those end in
    // 's' or 'd' after something other than '.'.
    if (mark === HAS_DOT_SIGN && ((last | 0x20) === LOWER_S || (last | 0x20) === LOWER_D) && text.charCodeAt(end - 2) !== DOT) mark = HAS_PASS;
    if (mark !== 0) {
      marks |= mark;
      trigger = triggerFor(marks, wantWide);
      // A dot sign's letter may start `dot` and the '.' of `www.` a dot sign: read on from the
      // last unit. Nothing starts inside `-----` or after '=' and '\n' but the next unit.
      index = mark === HAS_ARMOUR || mark === HAS_EQUALS || mark === HAS_NEWLINE ? end : end - 1;
      continue;
    }
    const at = end - 1;
    const code = last;
    if (code >= FIRST_WIDE && wantWide) {
      // Noted once; the rest of the text is scanned for the triggers alone.
      wide!.at = at;
      wantWide = false;
      trigger = triggerFor(marks, false);
      if (code !== FULLWIDTH_AT) {
        index = at + 1;
        continue;
      }
    }
    if (code === AT || code === FULLWIDTH_AT) {
      if (atCount === scratchAts.length) scratchAts = grow(scratchAts);
      scratchAts[atCount++] = at;
      index = at + 1;
    } else if (code === COLON) {
      if (colonCount === scratchColons.length) scratchColons = grow(scratchColons);
      scratchColons[colonCount++] = at;
      index = at + 1;
    } else {
      let end = at + 1;
      while (end < length && isAsciiDigit(text.charCodeAt(end))) end++;
      if (runCount === scratchRuns.length) scratchRuns = grow(scratchRuns);
      scratchRuns[runCount++] = at;
      scratchRuns[runCount++] = end;
      index = end;
    }
  }
  const flags = (runCount > 0 ? HAS_DIGIT : 0) | (atCount > 0 ? HAS_AT : 0) | (colonCount > 0 ? HAS_COLON : 0) | marks;
  const digitRuns = positions(scratchRuns, runCount);
  const ats = positions(scratchAts, atCount);
  const colons = positions(scratchColons, colonCount);
  // A scratch buffer grown by a huge input is dropped, not kept for the life of the process.
  if (scratchRuns.length > KEEP) scratchRuns = new Int32Array(KEEP);
  if (scratchAts.length > KEEP) scratchAts = new Int32Array(KEEP);
  if (scratchColons.length > KEEP) scratchColons = new Int32Array(KEEP);
  return { text, from, flags, digitRuns, ats, colons };
}

/**
 * Positions are collected in scratch buffers shared by every scan (a scan calls nothing that
 * could scan again while it fills them) and copied out at their exact size. Why not plain
 * arrays all along: `Array.prototype.push` costs grow from about 5 ns to 20 ns per entry
 * between 10^4 and 10^6 entries (GC scans the elements), which made 1 MB adversarial inputs
 * look super-linear (measured: 12× from 100 kB to 1 MB, against 7–9× with typed arrays).
 * Why not fresh typed arrays per scan: allocating three `Int32Array`s and their `subarray`
 * views cost more than the whole pass over a chat message (0.64 µs against 0.19 µs for plain
 * arrays, 108-character messages of bench/fixtures.ts `cleanChat`, Node 20, esbuild bundle).
 */
let scratchRuns: Int32Array = /* #__PURE__ */ new Int32Array(64);
let scratchAts: Int32Array = /* #__PURE__ */ new Int32Array(16);
let scratchColons: Int32Array = /* #__PURE__ */ new Int32Array(16);
/** Largest scratch buffer kept between scans (entries). */
const KEEP = 4096;
/** Longest list handed out as a plain array; longer ones are `Int32Array`s (see above). */
const SMALL = 1024;

/** The list of a kind absent from the range (most scans: chat has few '@' and ':'), shared. */
const NONE: Positions = Object.freeze([]);

function positions(buffer: Int32Array, count: number): Positions {
  if (count === 0) return NONE;
  if (count > SMALL) return buffer.slice(0, count);
  // Allocated at its exact size rather than grown by `push` (which reserves 17 entries at the
  // first one): createScan 0.21 µs -> 0.195 µs per cleanChat message.
  const list: number[] = new Array(count);
  for (let k = 0; k < count; k++) list[k] = buffer[k];
  return list;
}

function grow(array: Int32Array): Int32Array {
  const bigger = new Int32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

const isAsciiDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
