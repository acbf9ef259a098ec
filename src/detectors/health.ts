import { HEALTH_LEXICON, HEALTH_MAX_FORM_LENGTH } from '../data/health-lexicon.js';
import { createTermGateOver, createTrieBuilder, FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, isWordUnitAt, type TermGate, type Trie } from './health-gate.js';
import { cutOutside } from '../internal/uncross.js';
import type { Detector, Finding } from '../types.js';

/** What a HEALTH finding is about; reported as `finding.category`. */
export type HealthCategory = 'condition' | 'mental_health' | 'reproductive' | 'medication' | 'procedure';
/** Lexicon tiers: T1 fires anywhere, T2 needs a cue nearby, T3 compares the exact case. */
export type HealthTier = 'T1' | 'T2' | 'T3';

/** Options of `health`. */
export interface HealthOptions {
  /** Categories to report. Default: all five. */
  readonly categories?: readonly HealthCategory[];
  /** Tiers to report. Default: all three. */
  readonly tiers?: readonly HealthTier[];
}

const CATEGORIES: readonly HealthCategory[] = ['condition', 'mental_health', 'reproductive', 'medication', 'procedure'];
const TIERS: readonly HealthTier[] = ['T1', 'T2', 'T3'];
const SCORES = [0, 0.9, 0.8, 0.85]; // by tier number: cue-gated T2 scores below T1 so T1 wins overlaps

// Windows (see ../shared/notes/health-and-address.md, "Tiers"): a cue counts within 6 tokens
// before a T2 term or within 3 tokens after it, in the same sentence. Both windows are also
// capped in code units so that a huge token cannot make the look-around (and a stream's
// hold-back) unbounded: a token that starts more than BEFORE_CHARS before the term is simply not
// in the window, and the after window ends AFTER_CHARS past the term.
const BEFORE_TOKENS = 6;
const AFTER_TOKENS = 3;
const BEFORE_CHARS = 96;
const AFTER_CHARS = 48;
/** A self cue ("my", "I have") must end at most this many tokens before the term. */
const SELF_GAP = 2;
/** Spaces between two tokens of a phrase: more than this and the phrase is broken. */
const MAX_GAP = 3;
const MAX_PHRASE_TOKENS = 6;
/** Longest span one match can cover: the longest form, wider gaps, a possessive "'s". */
const MAX_MATCH = HEALTH_MAX_FORM_LENGTH + (MAX_PHRASE_TOKENS - 1) * (MAX_GAP - 1) + 2;
/** Text before the end that `pending` re-examines: a term, its after window, a cue and an overlap. */
const REACH = 3 * MAX_MATCH + AFTER_CHARS + 8;

// Node flags: what a form ending at this node is.
const TERM = 1;
const CUE_BEFORE = 2;
const CUE_SELF = 4;
const CUE_AFTER = 8;
const ANTI = 16;
/**
 * A T3 term folded to lower case, in the lower-case trie for the gate only (./health-gate.ts
 * builds its trie from this one). The matcher never reads it: every walk asks `below` for the
 * flags it wants, and none wants this one, so a walk leaves such a node as if it were absent.
 */
const GATE_EXACT = 32;
/** Term info bit: a short all-caps T3 acronym (MS, ED, STD) that also needs a strong cue. */
const NEEDS_CUE = 64;

// Symbols: lower-case trie a-z 0-25, 0-9 26-35; exact trie A-Z 0-25, a-z 26-51, 0-9 52-61.
const LOWER_SEP = 36;
const LOWER_APOS = 37;
const LOWER_SYMBOLS = FOLDED_SYMBOLS; // the gate's symbols: its trie is built from this one
const EXACT_SEP = 62;
const EXACT_APOS = 63;
const EXACT_SYMBOLS = 64;

/**
 * ASCII letters and digits, as a local table: the hot loop reads it once per character, and a
 * module-local constant stays a plain load even where a loader turns imports into getters
 * (tsx and vitest do; measured 16 → 60+ MB/s on clean text).
 */
const WORD = 1;
const ASCII_CLASS: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 48; code <= 57; code++) table[code] = WORD;
  for (let code = 65; code <= 90; code++) table[code] = table[code + 32] = WORD;
  return table;
})();

const HYPHEN = 45; // '-'
const APOSTROPHE = 39; // "'"
const RIGHT_QUOTE = 0x2019; // '’'
const SPACE = 32;
const TAB = 9;

interface Lexicon {
  readonly lower: Trie;
  readonly exact: Trie;
  /** Per-word gate: passes only words whose characters may begin a term (see ./health-gate.ts). */
  readonly gate: TermGate;
}

let shared: Lexicon | undefined;

/**
 * Finds mentions of health conditions, mental health, reproductive health, medications and
 * procedures in chat text, from a hand-written lexicon of about 3,900 entries (lexicon/health.tsv).
 * Unambiguous terms (T1: "metformin", "type 2 diabetes") fire anywhere; ambiguous ones (T2:
 * "depression", "cold", "stroke") only with a cue nearby ("diagnosed with", "my", "... meds");
 * idioms ("cold brew", "stroke of genius", "MS Teams") switch a match off; acronyms (T3: "PrEP",
 * "MS") compare the exact case. One linear pass over the text with a per-word gate
 * (./health-gate.ts), a trie walk per word that passes it; the longest match wins through
 * overlap resolution.
 *
 * @example
 * createRedactor({ detectors: [health()] }).redact('I was diagnosed with type 2 diabetes, now on metformin').text
 * // 'I was diagnosed with [HEALTH], now on [HEALTH]'
 */
export function health(options: HealthOptions = {}): Detector {
  if (options === null || typeof options !== 'object') throw new TypeError('health: options must be an object (or omitted)');
  const categoryMask = maskOf(options.categories, CATEGORIES, 'categories');
  const tierMask = maskOf(options.tiers, TIERS, 'tiers');
  const lexicon = (shared ??= buildLexicon());
  const matcher = createMatcher(lexicon, categoryMask, tierMask);
  const { gate } = lexicon;
  // A stream's check calls `pending(text, from)` and then, to release text, `find` on the same
  // text from the same index (src/pipeline.ts): the decided words are the same, and a decided
  // verdict does not depend on `streaming` (that flag only turns verdicts into UNDECIDED). So
  // `pending` keeps its findings, and the `find` that follows starts where it stopped instead of
  // walking every held word again (about 40% of this detector's cost per check on the bench's
  // clean chat in 4-char chunks). Used once, then dropped: it never outlives the next call.
  let memoText: string | undefined;
  let memoFrom = 0;
  let memoUntil = 0;
  let memoFound: Finding[] | undefined;
  return {
    name: 'health',
    type: 'HEALTH',
    maxLength: MAX_MATCH,
    lookbehind: BEFORE_CHARS + 3,
    find(scan, out) {
      const { text, from } = scan;
      const length = text.length;
      let index = from;
      if (memoText !== undefined && from === memoFrom && text === memoText) {
        if (memoFound !== undefined) for (const finding of memoFound) out.push(finding);
        index = memoUntil;
      } else if (insideToken(text, index)) {
        // Started inside a word: the word belongs to text already decided.
        index = tokenEnd(text, index);
      }
      memoText = memoFound = undefined;
      for (;;) {
        index = gate.next(text, index, false);
        if (index >= length) break;
        if (matcher.decide(text, index, false) === EMIT) out.push(matcher.finding(index));
        index = tokenEnd(text, index);
      }
    },
    pending(text, from) {
      const length = text.length;
      let index = Math.max(from, length - REACH);
      if (insideToken(text, index)) index = tokenEnd(text, index);
      let held = length;
      let found: Finding[] | undefined;
      memoText = memoFound = undefined;
      for (;;) {
        index = gate.next(text, index, true);
        if (index >= length) break;
        // The usual last word of a held text, a term cut short ("metfor"): the matcher's walk
        // would see it open and say UNDECIDED before anything else.
        const verdict = gate.open ? UNDECIDED : matcher.decide(text, index, true);
        if (verdict === UNDECIDED) {
          held = index;
          break;
        }
        if (verdict === EMIT) (found ??= []).push(matcher.finding(index));
        index = tokenEnd(text, index);
      }
      // `find` from `from` starts at the same word only when the region began at `from`.
      if (length - REACH <= from) {
        memoText = text;
        memoFrom = from;
        memoUntil = held;
        memoFound = found;
      }
      // A region that starts after `from` may start inside a decided phrase ("Crohn's disease"
      // with the region starting at "disease", held open by a long word after it): a term that
      // starts before the region ends at most MAX_MATCH later, so read those starts too.
      const region = length - REACH;
      if (held < length && region > from) {
        let start = Math.max(from, region - MAX_MATCH);
        if (insideToken(text, start)) start = tokenEnd(text, start);
        for (start = gate.next(text, start, false); start < region; start = gate.next(text, tokenEnd(text, start), false)) {
          if (matcher.decide(text, start, false) === EMIT && matcher.end > held) (found ??= []).push(matcher.finding(start));
        }
      }
      if (held === length || found === undefined) return held;
      // A decided finding that crosses the cut is held with it (rare: only near the end), and
      // so is one that crosses its start ("the pill" under "pill addiction"), until none does.
      // `found` holds every finding that starts in the region before the cut.
      return cutOutside(found, held);
    },
  };
}

const NONE = 0;
const EMIT = 1;
const UNDECIDED = 2;

interface Matcher {
  /** Verdict for a match starting at the token start `start`; sets `end`, `info`. */
  decide(text: string, start: number, streaming: boolean): number;
  finding(start: number): Finding;
  readonly end: number;
}

/** Per-detector scratch state: the results of the last walk, reused so no call allocates. */
function createMatcher(lexicon: Lexicon, categoryMask: number, tierMask: number): Matcher {
  const { lower, exact } = lexicon;
  // Results of `walk`.
  let termEnd = -1;
  let termInfo = 0;
  let beforeEnd = -1;
  let selfEnd = -1;
  let afterFound = false;
  let antiEnd = -1;
  let open = 0;
  // Tokens before the candidate, nearest first.
  const tokenStarts = new Int32Array(BEFORE_TOKENS);
  const tokenEnds = new Int32Array(BEFORE_TOKENS);
  let matchEnd = 0;
  let matchInfo = 0;

  /**
   * Follows `trie` from `start` as far as the text allows (at most MAX_MATCH code units) and
   * records every form that ends there at a token boundary. `limit` bounds where a before-cue may
   * end. Sets `open` to what the walk could still become when it ran into the end of the text.
   * `want`: the flags the caller reads (results and `open` bits outside it are left unset); the
   * walk stops where no form below its node has one of them (`below`), so an after-window walk
   * that wants only CUE_AFTER leaves a word as soon as no unit or cue can follow. Measured on
   * the bench's "move my delivery to Monday" messages: one decide 750 → 630 ns.
   */
  const walk = (trie: Trie, text: string, start: number, limit: number, want: number): void => {
    termEnd = -1;
    beforeEnd = -1;
    selfEnd = -1;
    afterFound = false;
    antiEnd = -1;
    open = 0;
    const length = text.length;
    const isExact = trie.symbols === EXACT_SYMBOLS;
    let node = 0;
    let firstSymbol = -1;
    let position = start;
    for (;;) {
      if (position >= length) {
        open |= trie.next[node];
        return;
      }
      const code = text.charCodeAt(position);
      let symbol: number;
      let advance = 1;
      if (code < 128) {
        const cls = ASCII_CLASS[code];
        if ((cls & WORD) !== 0) {
          if (code <= 57) symbol = (isExact ? 52 : 26) + code - 48;
          else if (isExact) symbol = code <= 90 ? code - 65 : code - 97 + 26;
          else symbol = (code | 0x20) - 97;
        } else if (code === HYPHEN) {
          symbol = isExact ? EXACT_SEP : LOWER_SEP;
        } else if (code === SPACE || code === TAB) {
          if (node === 0) return;
          while (advance < MAX_GAP && position + advance < length) {
            const next = text.charCodeAt(position + advance);
            if (next !== SPACE && next !== TAB) break;
            advance++;
          }
          if (position + advance >= length) {
            const gap = node === 0 ? 0 : childOf(trie, node, isExact ? EXACT_SEP : LOWER_SEP);
            if (gap > 0) open |= trie.next[gap] | trie.flags[gap];
            return;
          }
          const next = text.charCodeAt(position + advance);
          if (next === SPACE || next === TAB) return;
          symbol = isExact ? EXACT_SEP : LOWER_SEP;
        } else if (code === APOSTROPHE) {
          symbol = isExact ? EXACT_APOS : LOWER_APOS;
        } else {
          return;
        }
      } else if (code === RIGHT_QUOTE) {
        symbol = isExact ? EXACT_APOS : LOWER_APOS;
      } else {
        const folded = isExact ? -1 : foldLatin1(code);
        if (folded < 0) return;
        symbol = folded;
      }
      let child: number;
      if (node === 0) {
        child = trie.root[symbol];
        firstSymbol = symbol;
      } else if (firstSymbol >= 0) {
        child = trie.second[firstSymbol * trie.symbols + symbol];
        firstSymbol = -1;
      } else {
        child = childOf(trie, node, symbol);
      }
      if (child <= 0 || (trie.below[child] & want) === 0) return;
      node = child;
      position += advance;
      const flags = trie.flags[node];
      if (flags === 0) continue;
      // A form ends here only at a token boundary; a possessive "'s" may follow.
      const boundary = boundaryAt(text, position);
      if (boundary === 0) continue;
      if (boundary === 2) open |= flags;
      if ((flags & TERM) !== 0) {
        termEnd = position;
        termInfo = trie.info[node];
      }
      if ((flags & CUE_BEFORE) !== 0 && position <= limit && beforeEnd < 0) beforeEnd = position;
      if ((flags & CUE_SELF) !== 0 && position <= limit) selfEnd = position;
      if ((flags & CUE_AFTER) !== 0) afterFound = true;
      if ((flags & ANTI) !== 0) antiEnd = position;
    }
  };

  /** Fills tokenStarts/tokenEnds with up to 6 tokens before `start` in its sentence; returns how many. */
  const collectBefore = (text: string, start: number): number => {
    const floor = Math.max(0, start - BEFORE_CHARS);
    let count = 0;
    let position = start;
    while (count < BEFORE_TOKENS) {
      while (position > floor && !isWordAt(text, position - 1)) {
        if (isBreak(text.charCodeAt(position - 1))) return count;
        position--;
      }
      if (position <= floor) return count;
      const end = position;
      while (position > floor && (isWordAt(text, position - 1) || (position - 1 > floor && isConnector(text.charCodeAt(position - 1)) && isWordAt(text, position - 2)))) position--;
      if (!isTokenStart(text, position)) return count; // the token began before the window
      tokenStarts[count] = position;
      tokenEnds[count] = end;
      count++;
    }
    return count;
  };

  const decide = (text: string, start: number, streaming: boolean): number => {
    if (!isTokenStart(text, start)) return NONE;
    walk(lower, text, start, start, TERM | ANTI);
    let end = termEnd;
    let info = termInfo;
    let undecided = streaming && (open & TERM) !== 0;
    // The anti-cue walk of the match's first token below is this same walk: keep its results.
    const startAnti = antiEnd;
    const startOpen = open;
    const code = text.charCodeAt(start);
    if ((code - 65) >>> 0 <= 25) {
      walk(exact, text, start, start, TERM);
      if (termEnd > end) {
        end = termEnd;
        info = termInfo;
      }
      if (streaming && (open & TERM) !== 0) undecided = true;
    }
    if (undecided) return UNDECIDED;
    if (end < 0) return NONE;
    const tier = info & 3;
    if ((categoryMask & (1 << ((info >> 2) & 7))) === 0 || (tierMask & (1 << (tier - 1))) === 0) return NONE;
    matchEnd = end;
    matchInfo = info;
    // Anti-cues: an idiom that overlaps the match, starting in the 6 tokens before or inside it.
    // An idiom starting at the match ("cold brew") makes it NONE whatever the look-around finds
    // (which only returns NONE or sets `undecided`, read after this): decide before it.
    // An idiom that ends the text ("cold brew" of "my cold brew") may still grow into another
    // word ("brewery"): the walk then reports it found and open at once, and open wins.
    const startAntiOpen = streaming && (startOpen & ANTI) !== 0;
    if (startAnti > 0 && !startAntiOpen) return NONE;
    const count = collectBefore(text, start);
    let strongBefore = false;
    let selfCue = false;
    let pairCue = false;
    for (let k = 0; k < count; k++) {
      walk(lower, text, tokenStarts[k], start, TERM | CUE_BEFORE | CUE_SELF | ANTI);
      if (streaming && (open & ANTI) !== 0) undecided = true;
      else if (antiEnd > start) return NONE;
      // A health phrase before the term, or an unambiguous (T1) term ("bipolar disorder and lithium").
      if (beforeEnd >= 0 || (termEnd >= 0 && termEnd <= start && (termInfo & 3) === 1)) strongBefore = true;
      // Another ambiguous condition just before ("a fever and a bad cough"): together they are a symptom list.
      else if (termEnd >= 0 && termEnd <= start && (termInfo & 3) === 2 && ((termInfo >> 2) & 7) === 0) pairCue = true;
      // "my cold", "I have a cold": the self cue ends right before the term or one token earlier.
      if (selfEnd >= 0 && (selfEnd === tokenEnds[0] || (count >= SELF_GAP && selfEnd === tokenEnds[SELF_GAP - 1]))) selfCue = true;
    }
    if (startAntiOpen) undecided = true;
    for (let token = nextTokenStart(text, start, end); token < end; token = nextTokenStart(text, token, end)) {
      walk(lower, text, token, start, ANTI);
      if (streaming && (open & ANTI) !== 0) undecided = true;
      else if (antiEnd > 0) return NONE;
    }
    if (undecided) return UNDECIDED;
    if (tier === 1 || (tier === 3 && (info & NEEDS_CUE) === 0)) return EMIT;
    const category = (info >> 2) & 7;
    const strongOnly = tier === 3 || category === 3 || category === 4; // medication, procedure
    if (strongBefore || (!strongOnly && (selfCue || (pairCue && category === 0)))) return EMIT;
    // After window: a cue starting within the next 3 tokens of the sentence.
    let position = tokenEnd(text, end);
    const ceiling = end + AFTER_CHARS;
    for (let k = 0; k < AFTER_TOKENS; k++) {
      while (position < text.length && !isWordAt(text, position)) {
        if (isBreak(text.charCodeAt(position))) return NONE;
        position++;
      }
      if (position >= text.length) return streaming ? UNDECIDED : NONE;
      if (position >= ceiling) return NONE;
      // "20mg": the unit after a number is the cue.
      let from = position;
      while (from < position + 12 && from < text.length && (text.charCodeAt(from) - 48) >>> 0 <= 9) from++;
      walk(lower, text, from, from, CUE_AFTER);
      // Open first: a cue that ends the text ("cancer meds") may still grow into another word
      // ("medsx"), and the walk then reports it found and open at once.
      if (streaming && (open & CUE_AFTER) !== 0) return UNDECIDED;
      if (afterFound) return EMIT;
      position = tokenEnd(text, position);
    }
    return NONE;
  };

  return {
    decide,
    finding(start) {
      const tier = matchInfo & 3;
      return { type: 'HEALTH', start, end: matchEnd, score: SCORES[tier], detector: 'health', category: CATEGORIES[(matchInfo >> 2) & 7] };
    },
    get end() {
      return matchEnd;
    },
  };
}

function childOf(trie: Trie, node: number, symbol: number): number {
  const first = trie.first[node];
  const last = first + trie.count[node];
  for (let edge = first; edge < last; edge++) {
    const edgeSymbol = trie.edgeSymbol[edge];
    if (edgeSymbol === symbol) return trie.edgeTarget[edge];
    if (edgeSymbol > symbol) return 0; // edges are sorted
  }
  return 0;
}

/** 0: the token goes on; 1: a boundary; 2: the text ends before the boundary is known. */
function boundaryAt(text: string, position: number): number {
  const length = text.length;
  if (position >= length) return 2;
  if (isWordAt(text, position)) return 0;
  const code = text.charCodeAt(position);
  if (!isConnector(code)) return 1;
  if (position + 1 >= length) return 2;
  if (!isWordAt(text, position + 1)) return 1;
  // A possessive "'s" ends the token: "Crohn's", "metformin's".
  if (code !== HYPHEN && (text.charCodeAt(position + 1) | 0x20) === 115) {
    if (position + 2 >= length) return 2;
    if (isWordAt(text, position + 2)) return 0;
    const after = text.charCodeAt(position + 2);
    if (isConnector(after)) return position + 3 >= length ? 2 : isWordAt(text, position + 3) ? 0 : 1;
    return 1;
  }
  return 0;
}

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  return code < 128 ? (ASCII_CLASS[code] & WORD) !== 0 : isWordUnitAt(text, index);
}

const isConnector = (code: number): boolean => code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE;

/** Sentence ends that close the cue windows: . ! ? ; and line breaks. */
const isBreak = (code: number): boolean => code === 46 || code === 33 || code === 63 || code === 59 || code === 10 || code === 13;

/** A token starts at a word character not preceded by one (or by a connector inside a word). */
function isTokenStart(text: string, index: number): boolean {
  if (!isWordAt(text, index)) return false;
  if (index === 0) return true;
  if (isWordAt(text, index - 1)) return false;
  return !(isConnector(text.charCodeAt(index - 1)) && isWordAt(text, index - 2));
}

/**
 * True when `index` continues a token that starts before it. Not merely "not a token start": a
 * hyphen after a space (' -ibuprofen') starts nothing and continues nothing, and skipping from it
 * with `tokenEnd` would jump over the word after it (a stream that resumed there missed
 * 'ibuprofen' in 'a@a.aa -ibuprofen.', found by the stream equivalence property).
 */
function insideToken(text: string, index: number): boolean {
  if (index <= 0 || index >= text.length) return false;
  if (isWordAt(text, index)) return !isTokenStart(text, index);
  return isConnector(text.charCodeAt(index)) && isWordAt(text, index - 1) && isWordAt(text, index + 1);
}

/** End of the token at `index`: word characters joined by single internal apostrophes or hyphens. */
function tokenEnd(text: string, index: number): number {
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < 128 && (ASCII_CLASS[code] & WORD) !== 0) index++;
    else if (isWordAt(text, index)) index++;
    else if (isConnector(code) && isWordAt(text, index + 1)) index += 2;
    else break;
  }
  return index;
}

function nextTokenStart(text: string, index: number, limit: number): number {
  let position = tokenEnd(text, index);
  while (position < limit && !isWordAt(text, position)) position++;
  return position < limit ? position : limit;
}

// Latin-1 letters folded to their base letter (é → e) so "Sjögren's" finds "sjogren's".
const LATIN1_FOLD = 'aaaaaaaceeeeiiii-nooooo-ouuuuy--aaaaaaaceeeeiiii-nooooo-ouuuuy-y';
function foldLatin1(code: number): number {
  if (code < 0xc0 || code > 0xff) return -1;
  const letter = LATIN1_FOLD.charCodeAt(code - 0xc0);
  return letter === HYPHEN ? -1 : letter - 97;
}

function maskOf<T extends string>(values: readonly T[] | undefined, all: readonly T[], name: string): number {
  if (values === undefined) return (1 << all.length) - 1;
  if (!Array.isArray(values)) throw new TypeError(`health: options.${name} must be an array of ${all.join(', ')}`);
  let mask = 0;
  for (const value of values) {
    const index = all.indexOf(value);
    if (index < 0) throw new TypeError(`health: options.${name} has an unknown value; use ${all.join(', ')}`);
    mask |= 1 << index;
  }
  return mask;
}

/**
 * Reads the packed groups once, code unit by code unit, and builds both tries and the gate. The
 * first `health()` in a process pays this, interpreted (a typed-array access costs several ns
 * there), so it is counted in accesses: one insertion per form into typed arrays sized from the
 * groups' lengths (see createTrieBuilder), and the gate derived from the lower-case trie rather
 * than built from the forms again. Measured on Node 20, fresh processes: 58-76 ms with a Map per
 * node and the forms split into strings, 24-35 ms with typed arrays, 11.5-18 ms (median 13) with
 * the gate read from the lower-case trie, 9-15 ms (median 11.6) with the builder's last pass
 * merged into one.
 */
function buildLexicon(): Lexicon {
  // A form adds at most one node per code unit: a group's length bounds its forms' nodes. The
  // lower-case trie also holds the T3 forms folded, for the gate.
  let lowerUnits = 1;
  let exactUnits = 1;
  for (const group of HEALTH_LEXICON) {
    if (isExactGroup(group)) exactUnits += group.length;
    lowerUnits += group.length;
  }
  const lower = createTrieBuilder(FOLDED_SYMBOL_OF, LOWER_SYMBOLS, lowerUnits);
  const exact = createTrieBuilder(EXACT_SYMBOL_OF, EXACT_SYMBOLS, exactUnits);
  for (const group of HEALTH_LEXICON) {
    const tab = group.indexOf('\t');
    const key = group.slice(0, tab);
    let flag = TERM;
    let info = 0;
    if (key === 'cue_before') flag = CUE_BEFORE;
    else if (key === 'cue_self') flag = CUE_SELF;
    else if (key === 'cue_after') flag = CUE_AFTER;
    else if (key === 'anti') flag = ANTI;
    else {
      const [category, tier] = key.split(':');
      info = (CATEGORIES.indexOf(category as HealthCategory) << 2) | (TIERS.indexOf(tier as HealthTier) + 1);
    }
    const isExact = flag === TERM && (info & 3) === 3;
    for (let start = tab + 1; start < group.length; ) {
      let end = group.indexOf('|', start);
      if (end < 0) end = group.length;
      // Two- and three-letter all-caps acronyms (MS, ED, STD) are common tokens: cue needed.
      if (isExact) exact.add(group, start, end, flag, info | (isShortAcronym(group, start, end) ? NEEDS_CUE : 0));
      else lower.add(group, start, end, flag, info);
      start = end + 1;
    }
  }
  // After every other form, so the matcher's nodes keep the numbers (and layout) they had.
  for (const group of HEALTH_LEXICON) {
    if (!isExactGroup(group)) continue;
    for (let start = group.indexOf('\t') + 1; start < group.length; ) {
      let end = group.indexOf('|', start);
      if (end < 0) end = group.length;
      lower.add(group, start, end, GATE_EXACT, 0);
      start = end + 1;
    }
  }
  const lowerTrie = lower.finish();
  return { lower: lowerTrie, exact: exact.finish(), gate: createTermGateOver(lowerTrie, TERM | GATE_EXACT, TERM) };
}

/** A group of T3 terms ("reproductive:T3\tPrEP|ED"): compared in their exact case. */
const isExactGroup = (group: string): boolean => group.endsWith(':T3', group.indexOf('\t'));

/** `/^[A-Z]{1,3}s?$/` on `text[start, end)`: one to three capitals, maybe a plural "s". */
function isShortAcronym(text: string, start: number, end: number): boolean {
  let capitals = start;
  while (capitals < end && (text.charCodeAt(capitals) - 65) >>> 0 <= 25) capitals++;
  if (capitals < end && text.charCodeAt(capitals) === 115 && capitals + 1 === end) return capitals - start >= 1 && capitals - start <= 3;
  return capitals === end && end - start >= 1 && end - start <= 3;
}

/** Symbol of each ASCII code unit an exact-case form may hold (255: none). */
const EXACT_SYMBOL_OF: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128).fill(255);
  for (let code = 65; code <= 90; code++) table[code] = code - 65;
  for (let code = 97; code <= 122; code++) table[code] = code - 97 + 26;
  for (let code = 48; code <= 57; code++) table[code] = 52 + code - 48;
  table[SPACE] = EXACT_SEP;
  table[APOSTROPHE] = EXACT_APOS;
  return table;
})();
