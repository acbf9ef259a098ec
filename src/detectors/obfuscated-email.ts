import { HAS_DOT_SIGN } from '../scanner/scan.js';
import type { Detector } from '../types.js';

/** Options of `obfuscatedEmail`. */
export interface ObfuscatedEmailOptions {
  /** Score of a finding with a bracketed marker (`(at)`, `[at]`) or a spaced `@`. Default: 0.9. */
  readonly score?: number;
  /** Score of a finding with a bare ` at `. Default: 0.85. */
  readonly bareScore?: number;
}

/** Longest local part in code units, its dots spelled out (`j dot a dot n dot e`): 64 (RFC 5321) plus room for markers. */
const MAX_LOCAL_SPAN = 96;
/** Longest domain in code units, dots spelled out; a longer one is not reported. */
const MAX_DOMAIN_SPAN = 128;
/** Longest marker: ` (dot) `. */
const MAX_MARKER = 7;
const MAX_LABELS = 8;
const LABEL_STARTS = /* #__PURE__ */ new Int32Array(MAX_LABELS);
const LABEL_ENDS = /* #__PURE__ */ new Int32Array(MAX_LABELS);
/** A context word (`email`, `contact`, `reach`) is looked for this far before a bare-` at ` address. */
const CONTEXT_WINDOW = 40;

const SPACE = 32;
const DOT = 46;
/** The spelled-out dot of a dot marker, compared letter by letter in lower case. */
const DOT_WORD = 'dot';
const AT = 64;
const LOWER_A = 97;
const LOWER_T = 116;
const APOSTROPHE = 39;
/** The at markers spelled as words, compared in lower case ('@' as it is). */
const AT_WORD = 'at';
const AT_SIGN_WORD = '@';

/**
 * Where an obfuscated address may be: ` at `, `(at)`, `[at]`, `{at}`, `<at>` or a spaced or
 * bracketed `@`. Fixed length 4, no quantifier: one native pass, one step per position (see
 * docs/regex-audit.md).
 */
const MARKER = /[ ([{<](?:at|@)[ )\]}>]/gi;

/** Words spelled as the dot of an address, in any of the markers `dotMarkerAfter` accepts. */
const OPENERS = '([{<';
const CLOSERS = ')]}>';

/**
 * Top-level domains a bare ` at ` address must end with: the generic ones people type and the
 * country codes of the largest email populations (IANA root zone database). With a bracketed
 * marker any TLD of 2–24 letters counts.
 */
const BARE_TLDS = new Set(
  'com net org edu gov mil int io co me info biz tv ai app dev xyz email online uk us ca de fr es it nl be ch at se no dk fi pl cz pt ie au nz in br mx ar jp cn kr ru eu'.split(' '),
);
/**
 * Mailbox providers whose domain makes a bare ` at ` address credible on its own (`jane at gmail
 * dot com`), while `look at google dot com` is a website and `meet at home dot com` a sentence.
 */
const PROVIDERS = new Set(
  'gmail googlemail yahoo ymail hotmail outlook live msn icloud me mac aol proton protonmail pm gmx web mail yandex zoho fastmail hey tutanota tuta qq 163 naver rediffmail comcast verizon att sbcglobal orange free laposte libero t-online'.split(
    ' ',
  ),
);
/** Local parts that are words of the sentence around a bare ` at `, never a mailbox: `email me at home dot com`. */
const STOP_WORDS = new Set('me us you him her them it is are was were be been look looking meet arrive arrived stay staying home work find found see email mail reach contact'.split(' '));

/** Result of a parse that ran into the end of the text while text may still come. */
const OPEN = -2;

/** How far before the end `pending` looks for a marker whose domain runs into the end. */
const REACH = MAX_MARKER + MAX_DOMAIN_SPAN + MAX_MARKER + 1;

/**
 * Finds email addresses written to dodge a plain email matcher: `jane dot doe at gmail dot com`,
 * `jane(at)gmail(dot)com`, `jane [at] gmail [dot] com`, `jane @ gmail.com`, `jane at gmail.com`.
 * Findings have type EMAIL and category `obfuscated`.
 *
 * Precision first: a bracketed marker (`(at)`, `[at]`, `{at}`, `<at>`) or a spaced `@` is taken
 * as intent, with a domain of two or more labels ending in a TLD of 2–24 letters. A bare ` at `
 * is ordinary English, so it also needs a TLD from a short list, and one of: a mailbox provider
 * as domain (`gmail`, `outlook`, `proton`…), a local part no word has (a dot, digit, `_` or `+`:
 * `jane dot doe`, `jdoe42`), or a context word (`email`, `mail`, `contact`, `reach`) within 40
 * characters before it, the local part not a word of the sentence (`me`, `home`, `look`…). So
 * `look at google dot com` (a website), `meet at home dot com` and `at 5 pm` are not addresses.
 * The span runs from the local part to the top-level domain. ASCII addresses only.
 *
 * @example
 * createRedactor({ detectors: [obfuscatedEmail()] }).redact('mail jane dot doe at gmail dot com or bob(at)corp(dot)io').text
 * // 'mail [EMAIL] or [EMAIL]'
 */
export function obfuscatedEmail(options: ObfuscatedEmailOptions = {}): Detector {
  const score = options.score ?? 0.9;
  const bareScore = options.bareScore ?? 0.85;
  return {
    name: 'obfuscated-email',
    type: 'EMAIL',
    maxLength: MAX_LOCAL_SPAN + MAX_MARKER + MAX_DOMAIN_SPAN,
    // A local part, the at marker before it and that marker's own local part and context
    // window (`coveredByPrevious`), and the unit before each local part.
    lookbehind: 2 * MAX_LOCAL_SPAN + MAX_MARKER + CONTEXT_WINDOW + 3,
    find(scan, out) {
      const { text, from } = scan;
      // The dot of the domain comes after the marker, which comes at or after `from`: a '.'
      // before a letter or the word `dot` in any case (HAS_DOT_SIGN). Every finding has one (its
      // top-level domain follows a dot marker and is made of letters), and chat rarely does: none
      // of the bench's 3,000 clean messages. The scanner's pass tells; a regex of this detector's
      // own for it cost ~100 ns on a 108-character message, against ~110 ns for MARKER, which
      // also matches every ` at ` of the prose (15% of the clean messages) and parses around it.
      if ((scan.flags & HAS_DOT_SIGN) === 0) return;
      const marker = MARKER;
      marker.lastIndex = from;
      while (marker.test(text)) {
        const at = markerStartOf(text, marker.lastIndex);
        marker.lastIndex = at + 1;
        const match = matchAt(text, at, text.length, false, bareScore, score, true);
        if (match !== undefined && match.start >= from) {
          out.push({ type: 'EMAIL', start: match.start, end: match.end, score: match.score, detector: 'obfuscated-email', category: 'obfuscated' });
        }
      }
    },
    pending(text, from) {
      const end = text.length;
      if (from >= end) return end;
      const prose = proseHold(text, from, end);
      if (prose >= 0) return prose;
      const hold = trailingHold(text, from, end);
      // Below: what only lowers the hold, never under `from`.
      if (hold === from) return from;
      const start = markerFloor(text, Math.max(from, end - REACH), end);
      return start < 0 ? hold : settle(text, from, end, hold, start, bareScore, score);
    },
  };
}

/**
 * The hold of the commonest ends of a stream check on prose, or -1 for every other end (the
 * general walk decides those). Exactly what `trailingHold` and `markerFloor` find there:
 * - a unit no address has, alone or before a final ' ' or '.' ("way? ", "fine!"): nothing can
 *   continue, `end`;
 * - a word of letters and digits, alone or before a final ' ' or '.', right after such a unit or
 *   a space that belongs to no marker ("the word", "a word."): the word's start, for it may be a
 *   local part that ` at ` or '.' continues, or `end` when it can be none ("I'm", after a
 *   non-ASCII letter, longer than MAX_LOCAL_SPAN). No marker starts inside the word.
 * 90% of the bench's stream checks (clean chat in 4-char chunks) end so.
 */
function proseHold(text: string, from: number, end: number): number {
  let wordEnd = end;
  let code = text.charCodeAt(end - 1);
  if (isBarrier(code)) return end;
  if (code === SPACE || code === DOT) {
    if (end < 2) return -1;
    wordEnd = end - 1;
    if (isBarrier(text.charCodeAt(wordEnd - 1))) return end;
  }
  const low = from > end - REACH ? from : end - REACH;
  let index = wordEnd;
  while (index > low) {
    code = text.charCodeAt(index - 1);
    if (!isAlphanumeric(code)) break;
    index--;
  }
  if (index === wordEnd || index === low) return -1;
  if (code < 128 && ADDRESS_UNIT[code] !== BARRIER && !(code === SPACE && isLoneSpace(text, index - 1, end))) return -1;
  return code === APOSTROPHE || code > 0x7f || wordEnd - index > MAX_LOCAL_SPAN ? end : index;
}

/**
 * Hold for an address whose local part ends the text, or ends right before a marker that has
 * begun to arrive (' a' may be the start of ' at ', ' (d' of ' (dot) '): the earliest start of
 * such a local part, not before `from`; `end` when there is none. Every reading counts.
 */
function trailingHold(text: string, from: number, end: number): number {
  let hold = end;
  let tail = localStart(text, end);
  if (tail >= 0) hold = Math.max(from, tail);
  // Walk back over the last MAX_MARKER units while they can still be the start of a marker:
  // the first unit no marker has ends the walk (prose ending in a letter: one step).
  const low = Math.max(from, 1, end - MAX_MARKER);
  let key = 0;
  let scale = 1;
  for (let index = end - 1; index >= low; index--) {
    const code = text.charCodeAt(index);
    const digit = code < 128 ? MARKER_UNIT[code] : 0;
    if (digit === 0) break;
    key += digit * scale;
    scale *= MARKER_BASE;
    if (!MARKER_PREFIXES.has(key) || !isLocalCode(text.charCodeAt(index - 1))) continue;
    tail = localStart(text, index);
    if (tail >= 0 && tail < hold) hold = Math.max(from, tail);
  }
  return hold;
}

/**
 * Where MARKER matches that can still move the hold may start, or -1 when none does in
 * `[low, end)`.
 *
 * An address (or one whose domain runs into the end) is made only of local and domain
 * characters, dots, brackets, '@' and spaces that belong to a marker (` at `, ` dot `, ` @ `, a
 * space before an opening or after a closing bracket). A marker can only move the hold through
 * an address that crosses it or runs to the end, so a unit no address has — a comma, a line
 * break, a space between two plain words — decides everything before it: the walk stops at the
 * first one from the end (prose: the space before the last word). Only a marker start past it
 * (a space or opening bracket before `at` or `@`) sends the caller to the full parse.
 */
function markerFloor(text: string, low: number, end: number): number {
  let index = end;
  let found = false;
  while (index > low) {
    const code = text.charCodeAt(index - 1);
    const kind = code < 128 ? ADDRESS_UNIT[code] : BARRIER;
    if (kind === BARRIER) break;
    if (kind === SPACE_UNIT) {
      if (isLoneSpace(text, index - 1, end)) break;
      found ||= markerAt(text, index - 1, end);
    } else if (kind === OPENER_UNIT) found ||= markerAt(text, index - 1, end);
    index--;
  }
  return found ? index : -1;
}

/**
 * What the markers from `start` change: one whose domain runs into the end holds from its local
 * part; a decided address that would cross the hold moves it back to its start.
 */
function settle(text: string, from: number, end: number, hold: number, start: number, bareScore: number, score: number): number {
  const marker = MARKER;
  marker.lastIndex = start;
  const decided: number[] = [];
  while (marker.test(text)) {
    const at = markerStartOf(text, marker.lastIndex);
    marker.lastIndex = at + 1;
    const match = matchAt(text, at, end, true, bareScore, score, true);
    if (match === undefined) continue;
    if (match.end === OPEN) {
      if (match.start >= from && match.start < hold) hold = match.start;
    } else if (match.start >= from) decided.push(match.start, match.end);
  }
  for (let moved = true; moved; ) {
    moved = false;
    for (let k = 0; k < decided.length; k += 2) {
      if (decided[k] < hold && decided[k + 1] > hold) {
        hold = decided[k];
        moved = true;
      }
    }
  }
  return hold;
}

/** True when MARKER matches at `at` (`[ ([{<](?:at|@)[ )\]}>]`, case-insensitive). */
function markerAt(text: string, at: number, end: number): boolean {
  if (at + 2 >= end) return false;
  const next = text.charCodeAt(at + 1);
  if (next === AT) return isMarkerClose(text.charCodeAt(at + 2));
  return at + 3 < end && (next | 0x20) === LOWER_A && (text.charCodeAt(at + 2) | 0x20) === LOWER_T && isMarkerClose(text.charCodeAt(at + 3));
}

/**
 * True when the space at `at` can be part of no address: it neither leads nor trails a marker
 * (` at `, ` dot `, ` @ `, a bracket), nor may it still turn into one when text is appended.
 */
function isLoneSpace(text: string, at: number, end: number): boolean {
  if (at + 1 >= end) return false;
  const next = text.charCodeAt(at + 1);
  if (next < 128 && (MARKER_EDGE[next] & LEADS) !== 0) {
    if (isOpenerCode(next)) return false;
    if (startsMarkerWord(text, at + 1, end, next === AT ? AT_SIGN_WORD : (next | 0x20) === LOWER_A ? AT_WORD : DOT_WORD)) return false;
  }
  if (at === 0) return true;
  const before = text.charCodeAt(at - 1);
  if (before >= 128 || (MARKER_EDGE[before] & ENDS) === 0) return true;
  if (isCloserCode(before)) return false;
  if (before === AT) return !endsMarkerWord(text, at, AT_SIGN_WORD);
  return !(endsMarkerWord(text, at, AT_WORD) || endsMarkerWord(text, at, DOT_WORD));
}

/** True when `text` from `at` reads `word` and a space, or a prefix of it running to `end`. */
function startsMarkerWord(text: string, at: number, end: number, word: string): boolean {
  for (let k = 0; k <= word.length; k++) {
    if (at + k >= end) return true;
    const code = text.charCodeAt(at + k);
    if (k === word.length) return code === SPACE;
    if ((code === AT ? code : code | 0x20) !== word.charCodeAt(k)) return false;
  }
  return false;
}

/** True when the space at `at` ends ` word` (the trailing space of a bare marker). */
function endsMarkerWord(text: string, at: number, word: string): boolean {
  const start = at - word.length;
  if (start < 1 || text.charCodeAt(start - 1) !== SPACE) return false;
  for (let k = 0; k < word.length; k++) {
    const code = text.charCodeAt(start + k);
    if ((code === AT ? code : code | 0x20) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/** Start of the MARKER match ending at `end` (4 units for `at`, 3 for `@`). */
const markerStartOf = (text: string, end: number): number => (text.charCodeAt(end - 2) === AT ? end - 3 : end - 4);

/**
 * The address around the marker candidate at `at` (its delimiter), or undefined; with `open`,
 * `end: OPEN` when deciding needs text at or after `limit` (start is then where it would begin).
 * With `unchained`, none whose local part the address of the at marker right before it covers
 * (see `coveredByPrevious`).
 */
function matchAt(
  text: string,
  at: number,
  limit: number,
  open: boolean,
  bareScore: number,
  score: number,
  unchained: boolean,
): { start: number; end: number; score: number } | undefined {
  const opener = text.charCodeAt(at);
  const word = text.charCodeAt(at + 1) !== AT;
  const closeAt = word ? at + 3 : at + 2;
  const close = text.charCodeAt(closeAt);
  let markerStart = at;
  let markerEnd = closeAt + 1;
  let bare = false;
  if (opener === SPACE) {
    if (close !== SPACE) return undefined;
    bare = word;
  } else {
    if (closerIndex(close) !== openerIndex(opener)) return undefined;
    if (at > 0 && text.charCodeAt(at - 1) === SPACE) markerStart--;
    if (text.charCodeAt(markerEnd) === SPACE) markerEnd++;
  }
  const start = localStart(text, markerStart);
  if (start < 0) return undefined;
  if (unchained && coveredByPrevious(text, start, bareScore, score)) return undefined;
  const domain = domainEnd(text, markerEnd, limit, open, bare);
  if (domain === OPEN) return { start, end: OPEN, score: 0 };
  if (domain < 0) return undefined;
  if (!bare) return { start, end: domain, score };
  return credible(text, start, markerStart, markerEnd, domain) ? { start, end: domain, score: bareScore } : undefined;
}

/**
 * True when the local part starting at `start` comes right after an at marker whose own address
 * covers it: in `a [at] b [dot] comc [at] d [dot] com`, `b [dot] comc` is both the domain of
 * the first address and the local part of the second. Such addresses overlap one after the
 * other without end (`…comc [at] b [dot] comc [at] …`), and overlap resolution keeps the
 * longest, so whether the first is reported would depend on text any distance ahead: a stream
 * had to hold all of it (memory and time growing with the input). Only the first of a chain is
 * reported. The address before is parsed without this rule (one step back, bounded): its marker
 * ends at most MAX_MARKER + 1 units before `start`, and every marker ends in ' ' or a closing
 * bracket, so the walk back stops at the first unit that is neither a label unit nor one of those.
 */
function coveredByPrevious(text: string, start: number, bareScore: number, score: number): boolean {
  let label = start;
  while (label > 0 && isLocalCode(text.charCodeAt(label - 1))) label--;
  for (let at = label - MAX_MARKER + 1; at <= label - 3; at++) {
    if (at < 0 || !(text.charCodeAt(at) === SPACE || isOpenerCode(text.charCodeAt(at))) || !markerAt(text, at, label)) continue;
    const previous = matchAt(text, at, text.length, false, bareScore, score, false);
    if (previous !== undefined && previous.end > start) return true;
  }
  return false;
}

/**
 * Start of the local part ending at `end`: labels of atext joined by dot markers, at most
 * MAX_LOCAL_SPAN units; -1 when there is none, it is longer, or it continues a word or address.
 */
function localStart(text: string, end: number): number {
  const floor = end - MAX_LOCAL_SPAN;
  let index = end;
  let labelEnd: number;
  for (;;) {
    labelEnd = index;
    while (index > 0 && isLocalCode(text.charCodeAt(index - 1))) {
      index--;
      if (index < floor) return -1;
    }
    if (index === labelEnd) return -1;
    const marker = dotMarkerBefore(text, index);
    if (marker < 0 || marker < floor) break;
    index = marker;
  }
  // The address starts at the first letter or digit of its first label ("-jane"), never past
  // it: a first label without one ("- <dot>jane") leaves no address, not one that starts
  // inside its dot marker.
  while (index < labelEnd && !isAlphanumeric(text.charCodeAt(index))) index++;
  if (index === labelEnd) return -1;
  if (index > 0) {
    const before = text.charCodeAt(index - 1);
    // Part of something longer: a word, a real address, an apostrophe ("I'm at …").
    if (isAlphanumeric(before) || before === AT || before === 39 || before === 0x2019 || before === DOT || before > 0x7f) return -1;
  }
  return index;
}

/**
 * End of the domain starting at `start` (labels joined by dot markers, the longest prefix of two
 * or more labels ending in an acceptable TLD), -1, or OPEN when `open` and it reads `limit`.
 */
function domainEnd(text: string, start: number, limit: number, open: boolean, bare: boolean): number {
  const ceiling = start + MAX_DOMAIN_SPAN;
  // Label bounds in scratch buffers shared by every call (no array per candidate marker).
  const ends = LABEL_ENDS;
  const starts = LABEL_STARTS;
  let labels = 0;
  let index = start;
  while (labels < MAX_LABELS) {
    const labelStart = index;
    while (index < limit && isDomainCode(text.charCodeAt(index))) index++;
    if (index >= limit && open) return OPEN;
    if (index === labelStart) break;
    if (index > ceiling) return -1;
    starts[labels] = labelStart;
    ends[labels++] = index;
    const next = dotMarkerAfter(text, index, limit);
    if (next === OPEN) {
      if (open) return OPEN;
      break;
    }
    if (next < 0) break;
    index = next;
  }
  if (labels === MAX_LABELS) return -1;
  const after = text.charCodeAt(ends[labels - 1]);
  if (after === AT || after === 95) return -1; // '_' or '@' glued: not a domain we can bound
  for (let k = labels - 1; k >= 1; k--) {
    if (validTld(text, starts[k], ends[k], bare)) return ends[k];
  }
  return -1;
}

/** A bare ` at ` address needs more than shape (see `obfuscatedEmail`). */
function credible(text: string, start: number, markerStart: number, domainStart: number, domain: number): boolean {
  // Anything but letters in the local part (a digit, '_', '+', '-', or a dot marker): no word of
  // a sentence looks like that.
  for (let index = start; index < markerStart; index++) if (((text.charCodeAt(index) | 0x20) - 97) >>> 0 > 25) return true;
  // The label before the top-level domain.
  let tldStart = domain;
  while (tldStart > domainStart && isDomainCode(text.charCodeAt(tldStart - 1))) tldStart--;
  const labelEnd = dotMarkerBefore(text, tldStart);
  if (labelEnd >= domainStart) {
    let labelStart = labelEnd;
    while (labelStart > domainStart && isDomainCode(text.charCodeAt(labelStart - 1))) labelStart--;
    if (PROVIDERS.has(text.slice(labelStart, labelEnd).toLowerCase())) return true;
  }
  if (STOP_WORDS.has(text.slice(start, markerStart).toLowerCase())) return false;
  const context = text.slice(Math.max(0, start - CONTEXT_WINDOW), start).toLowerCase();
  return context.includes('mail') || context.includes('contact') || context.includes('reach');
}

function validTld(text: string, start: number, end: number, bare: boolean): boolean {
  const length = end - start;
  if (length < 2 || length > 24) return false;
  for (let index = start; index < end; index++) if (((text.charCodeAt(index) | 0x20) - 97) >>> 0 > 25) return false;
  return !bare || BARE_TLDS.has(text.slice(start, end).toLowerCase());
}

/**
 * End of the dot marker at `at` (`.`, ` dot `, `(dot)`, ` [dot] ` …) when a label character
 * follows it, -1 otherwise, OPEN when that needs text at or after `limit`.
 */
function dotMarkerAfter(text: string, at: number, limit: number): number {
  if (at >= limit) return OPEN;
  if (text.charCodeAt(at) === DOT) return at + 1 >= limit ? OPEN : isDomainStart(text.charCodeAt(at + 1)) ? at + 1 : -1;
  let index = at;
  if (text.charCodeAt(index) === SPACE) index++;
  if (index >= limit) return OPEN;
  const opener = openerIndex(text.charCodeAt(index));
  if (opener >= 0) index++;
  for (let k = 0; k < 3; k++) {
    if (index >= limit) return OPEN;
    if ((text.charCodeAt(index) | 0x20) !== DOT_WORD.charCodeAt(k)) return -1;
    index++;
  }
  if (index >= limit) return OPEN;
  if (opener >= 0) {
    if (text.charCodeAt(index) !== CLOSERS.charCodeAt(opener)) return -1;
    index++;
    if (index >= limit) return OPEN;
    if (text.charCodeAt(index) === SPACE) index++;
  } else {
    if (index === at || text.charCodeAt(index) !== SPACE) return -1; // ' dot ' needs its spaces
    index++;
  }
  if (index >= limit) return OPEN;
  return isDomainStart(text.charCodeAt(index)) ? index : -1;
}

/** Start of the dot marker that ends at `end` when a local character precedes it, else -1 (mirror of `dotMarkerAfter`). */
function dotMarkerBefore(text: string, end: number): number {
  if (end < 2) return -1;
  if (text.charCodeAt(end - 1) === DOT) return isLocalCode(text.charCodeAt(end - 2)) ? end - 1 : -1;
  let index = end;
  if (text.charCodeAt(index - 1) === SPACE) index--;
  const closer = index > 0 ? closerIndex(text.charCodeAt(index - 1)) : -1;
  if (closer >= 0) index--;
  for (let k = 2; k >= 0; k--) {
    if (index < 1 || (text.charCodeAt(index - 1) | 0x20) !== DOT_WORD.charCodeAt(k)) return -1;
    index--;
  }
  if (closer >= 0) {
    if (index < 1 || text.charCodeAt(index - 1) !== OPENERS.charCodeAt(closer)) return -1;
    index--;
    if (index > 0 && text.charCodeAt(index - 1) === SPACE) index--;
  } else {
    if (index === end - 3 || index < 1 || text.charCodeAt(index - 1) !== SPACE || text.charCodeAt(end - 1) !== SPACE) return -1;
    index--;
  }
  return index > 0 && isLocalCode(text.charCodeAt(index - 1)) ? index : -1;
}

/**
 * Markers an address may still continue with at the end of a text (` at `, ` (dot) `, …),
 * longest first. A bracketed one may be followed by a space with none before it (`jane[dot] doe`).
 */
const MARKER_TEXTS = [
  ' (dot) ', ' [dot] ', ' {dot} ', ' <dot> ', ' (at) ', ' [at] ', ' {at} ', ' <at> ', '(dot) ', '[dot] ', '{dot} ', '<dot> ', ' dot ',
  '(dot)', '[dot]', '{dot}', '<dot>', '(at) ', '[at] ', '{at} ', '<at> ', ' at ', '(at)', '[at]', '{at}', '<at>', ' (@) ', ' [@] ', '(@) ', '[@] ',
  ' @ ', '(@)', '[@]', '.',
];

const isLetterCode = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;

/** RFC 5322 atext without the characters that separate a key or path from an address (see email.ts), and without '.' (a dot marker). */
const isLocalCode = (code: number): boolean => isAlphanumeric(code) || code === 95 || code === 37 || code === 43 || code === 45;
const isDomainCode = (code: number): boolean => isAlphanumeric(code) || code === 45;
const isDomainStart = (code: number): boolean => isAlphanumeric(code);
const isAlphanumeric = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 25;

/**
 * Units of the markers a text may end inside (MARKER_TEXTS), as base-16 digits: a run of up to
 * MAX_MARKER units read as one number is looked up in MARKER_PREFIXES instead of being compared
 * with every marker. ASCII letters fold to lower case; every other unit has digit 0 (none).
 */
const MARKER_BASE = 16;
const MARKER_UNIT = /* #__PURE__ */ markerUnits(' ([{<)]}>.dota@');
const MARKER_PREFIXES = /* #__PURE__ */ markerPrefixes(MARKER_TEXTS);

function markerUnits(units: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let k = 0; k < units.length; k++) {
    const code = units.charCodeAt(k);
    table[code] = k + 1;
    if (isLetterCode(code)) table[code & ~0x20] = k + 1;
  }
  return table;
}

function markerPrefixes(markers: readonly string[]): Set<number> {
  const keys = new Set<number>();
  for (const marker of markers) {
    let key = 0;
    for (let k = 0; k < marker.length; k++) keys.add((key = key * MARKER_BASE + MARKER_UNIT[marker.charCodeAt(k)]));
  }
  return keys;
}

/**
 * What a unit can be in an address: none (BARRIER), a space (only next to a marker), an opening
 * bracket (may start a marker), or anything else an address has (local and domain characters,
 * '.', '@', closing brackets).
 */
const BARRIER = 0;
const ADDRESS_PART = 1;
const SPACE_UNIT = 2;
const OPENER_UNIT = 3;
const ADDRESS_UNIT = /* #__PURE__ */ addressUnits();

function addressUnits(): Uint8Array {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) if (isLocalCode(code)) table[code] = ADDRESS_PART;
  for (const unit of '.@' + CLOSERS) table[unit.charCodeAt(0)] = ADDRESS_PART;
  for (const unit of OPENERS) table[unit.charCodeAt(0)] = OPENER_UNIT;
  table[SPACE] = SPACE_UNIT;
  return table;
}

/**
 * Units next to a space that may belong to a marker: LEADS after it (an opening bracket, '@',
 * the first letter of `at` or `dot`), ENDS before it (a closing bracket, '@', the last letter of
 * `at` or `dot`). A space between two other units is part of no address.
 */
const LEADS = 1;
const ENDS = 2;
const MARKER_EDGE = /* #__PURE__ */ markerEdges();

function markerEdges(): Uint8Array {
  const table = new Uint8Array(128);
  for (const unit of OPENERS + '@aAdD') table[unit.charCodeAt(0)] |= LEADS;
  for (const unit of CLOSERS + '@tT') table[unit.charCodeAt(0)] |= ENDS;
  return table;
}

/** True for a unit no address has (see `markerFloor`). */
const isBarrier = (code: number): boolean => code >= 128 || ADDRESS_UNIT[code] === BARRIER;
/** Which bracket of OPENERS / CLOSERS a unit is, or -1 (char codes, no one-unit strings). */
const openerIndex = (code: number): number => (code === 40 ? 0 : code === 91 ? 1 : code === 123 ? 2 : code === 60 ? 3 : -1);
const closerIndex = (code: number): number => (code === 41 ? 0 : code === 93 ? 1 : code === 125 ? 2 : code === 62 ? 3 : -1);
const isOpenerCode = (code: number): boolean => openerIndex(code) >= 0;
const isCloserCode = (code: number): boolean => closerIndex(code) >= 0;
/** The last unit of a MARKER match: a space or a closing bracket. */
const isMarkerClose = (code: number): boolean => code === SPACE || isCloserCode(code);
