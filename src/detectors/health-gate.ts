import { isWordCodeAt } from '../scanner/char-class.js';

/**
 * A cheap per-word gate in front of the health matcher. It follows a trie of the lexicon's term
 * forms only (no cues, no anti-cues), folded to lower case, over each token's characters as the
 * matcher's walk reads them. A token whose walk falls off this trie before a term could end
 * cannot start a term, so the matcher would say NONE for it; only the other tokens (0.1 of the
 * 21.5 words of a bench chat message) go on to the matcher's walks, cue windows and anti-cues.
 *
 * Why an automaton: the earlier gate, a sticky regex of term prefixes in a negative lookahead,
 * was the costliest single item of the default redactor (11.5% of its profile), and a plain
 * loop that walks a trie per word paid a mispredicted branch wherever a word fell off the trie
 * (measured 0.6-0.7 µs a message, more than the regex). Here one table load per character does
 * both jobs, finding token boundaries and following the trie for the first AUTOMATON_DEPTH
 * characters of each token (deeper in rows made as texts need them, and a phrase on into the
 * tokens after it, see `deepen` and `extend`), with no branch but the loop's and a rare exit to
 * the plain walk (0.11 a bench chat message: where a term may end, "add", "delivery").
 * Measured on bench/fixtures.ts `cleanChat` (108-character messages, esbuild
 * bundle, Node 20, .cache-p/det.ts): the detector's one-shot `find` 0.86-1.05 → 0.53-0.55 µs a
 * message, `pending` per stream check (4-character chunks) 0.49-0.54 → 0.11-0.13 µs. What is
 * left is mostly the loop itself, within 10-20% of a bare `charCodeAt` and kind-table loop over
 * the same messages (220 against 244-258 ns a message, same process). The table's size is not
 * what costs: renumbering rows hottest first (by visits on these very messages) measured 343 →
 * 340 and 388 → 353 ns for the loop alone, 1,872 → 1,861 ns for the whole default redactor; a
 * 3-row table that sits in L1 324-333; Int16 entries holding row numbers (a multiply on the
 * chain of loads) were slower, 407-428. Nor is the chain of dependent loads: reading two halves
 * of a message in one loop (two independent chains, cut at a space where the automaton stands
 * BETWEEN, 80% of the messages) made the gate slower, 214-218 → 284-287 ns a message.
 */
export interface TermGate {
  /**
   * First token start at or after `index` whose characters may begin a term, or `text.length`.
   * `index` must not be inside a token (a token start, or a character that continues none).
   * `streaming`: a walk cut by the end of the text passes (more text could complete a term).
   */
  next(text: string, index: number, streaming: boolean): number;
  /**
   * Set by `next` when streaming: true when it stopped because the text ended inside the path of
   * a lower-case (caseless) term, or right after a term of that kind. The matcher's walk then
   * sees that term still open, so its verdict is UNDECIDED whatever it would read elsewhere.
   */
  readonly open: boolean;
}

// What the walk does with a character ("kind"). Symbols as in the matcher's lower-case trie: a-z
// 0-25, 0-9 26-35 (a "run" of letters and digits), then the separator and the apostrophe.
const SEP = 36; // '-' (and, in a form, the space between tokens)
const APOS = 37; // "'" and U+2019
/** Spaces and tabs: a gap of one to MAX_GAP of them reads as one separator. */
const GAP = 38;
/** A letter or digit the walk does not read (ª, ², ж): it continues a token that starts no term. */
const WORD = 39;
/** Anything else: it ends a token. */
const OTHER = 40;
/**
 * A code unit beyond Latin-1 whose kind is not known yet (see KIND): the automaton leaves on it
 * (UNKNOWN_EXIT) for `next` to learn it.
 */
const UNKNOWN = 41;
const KINDS = 42;
/** The automaton's entry for an UNKNOWN unit: below every leave code, -(AUTOMATON_DEPTH + 2) at most. */
const UNKNOWN_EXIT = -1024;
/**
 * The automaton's entry where a phrase goes on into the next token ("in t", "on the s"): not
 * worked out yet, `extend` does it on the first visit (below every leave code, not UNKNOWN_EXIT).
 *
 * Why phrase rows: a gap row ("in ", "on ") used to leave for the plain walk whenever the next
 * token's first letter could go on with the phrase ("in the", "on the", "in a": 0.5 of the 1.33
 * exits a bench chat message), and that walk read the phrase and the next token, then came back
 * at the gap to read the token again. A phrase row follows the phrase and, beside it, the state
 * the automaton would be in had it started at the phrase's gap: once the phrase is dead it goes
 * on from that state without leaving. Made lazily, the first `health()` builds none (a row per
 * phrase node within MAX_PHRASE_ROW would be 1,200 to 3,200 more rows to fill); the bench's chat
 * makes 18. Measured on bench/fixtures.ts `cleanChat` (esbuild bundles, old and new in turns in
 * one process): the gate alone 296 → 263 ns a message, the detector's one-shot `find` 371-385 →
 * 353-357 (two copies of the old tree against this one, min of 100 rounds); stream checks the
 * same (pending 106 against 106 ns at 4-char chunks: their ~21 new characters rarely hold a
 * phrase); the first `health()` 30.8 → 30.1 ms (median of 15 fresh processes, noise).
 */
const EXTEND = -2048;
/** Longest phrase start (code units) a phrase row follows; beyond, the plain walk takes over. */
const MAX_PHRASE_ROW = 48;
/**
 * The automaton's entry for a term's letter or digit past AUTOMATON_DEPTH ("morni", "press"): its
 * row is not made yet, `deepen` makes it on the first visit (like EXTEND, a code of its own).
 *
 * Why: such a word left for the plain walk, which read it with a child search per character and
 * came back at its end ("morning", "still", "should", "pressure", "placed": 0.8 exits a bench
 * chat message once phrase rows took the phrases). Rows made on the first visit follow it at one
 * load a character; the first `health()` builds none (16.4 against 16.4 ms, median of 15 fresh
 * processes), the bench's chat makes a few dozen. Exits 0.83 → 0.11 a message (where a term may
 * end: "add", "delivery"). Measured (bench/fixtures.ts `cleanChat`, esbuild bundles, old and new
 * in turns in one process): the gate alone 305 → 235 ns a message; the detector's one-shot `find`
 * 386-390 → 317-322 (min of 100 rounds, against two copies of the tree before phrase rows), a
 * 4-char stream check's `pending` 114-120 → 110-111, `pending` and `find` at 32-char chunks
 * 371-405 → 359.
 */
const DEEPEN = -3072;
/** Deepest token position (code units) a row made by `deepen` follows; beyond, the plain walk. */
const MAX_DEEP_ROW = 32;
/**
 * Rows the table has room for beyond the built ones (352 KB), made as texts need them (`extend`,
 * `deepen`); once they are all made, a walk that needs another leaves for the plain walk as before.
 */
const LAZY_ROWS = 2048;
/** No row numbers: `deepen` fills rows past AUTOMATON_DEPTH, whose children have none. */
const NO_ROWS = new Int32Array(0);
/** Automaton row width: a column per kind, and one that holds the row's own number. */
const STRIDE = KINDS + 1;
/** Spaces between two tokens of a phrase: more than this and the phrase is broken (as the matcher). */
const MAX_GAP = 3;

const HYPHEN = 45; // '-'
const APOSTROPHE = 39; // "'"
const RIGHT_QUOTE = 0x2019; // '’', read as an apostrophe
const SPACE = 32;
const TAB = 9;

// Latin-1 letters folded to their base letter (é → e), as the matcher folds them.
const LATIN1_FOLD = 'aaaaaaaceeeeiiii-nooooo-ouuuuy--aaaaaaaceeeeiiii-nooooo-ouuuuy-y';

/**
 * Kind of each UTF-16 code unit, one load in the automaton's loop. Below 256 it is built here;
 * beyond, a unit is UNKNOWN until first met, then `learnKind` stores what a Unicode-property regex
 * test (isWordCodeAt) says, once per process ('€' in a third of the bench's prices). Surrogates
 * stay UNKNOWN: a surrogate's kind depends on its pair. Why 64 KB rather than a 256-entry table
 * and a test for the rest: the automaton's loop loses its `code < 256` branch and '€' its regex
 * test per sight. The bare loop over bench/fixtures.ts `cleanChat` went 244 → 220 ns a message,
 * the detector's one-shot `find` 543-1058 → 483-908 (.cache-p/abdet.ts, old and new in turns;
 * three runs on a shared machine).
 */
const KIND: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(65536).fill(UNKNOWN, 256);
  for (let code = 0; code < 256; code++) table[code] = isWordCodeAt(String.fromCharCode(code), 0) ? WORD : OTHER;
  for (let code = 97; code <= 122; code++) table[code] = table[code - 32] = code - 97;
  for (let code = 48; code <= 57; code++) table[code] = 26 + code - 48;
  for (let code = 0xc0; code <= 0xff; code++) {
    const letter = LATIN1_FOLD.charCodeAt(code - 0xc0);
    if (letter !== HYPHEN) table[code] = letter - 97;
  }
  table[HYPHEN] = SEP;
  table[APOSTROPHE] = table[RIGHT_QUOTE] = APOS;
  table[SPACE] = table[TAB] = GAP;
  return table;
})();

/** Kind of the UNKNOWN code unit at `index`, stored in KIND unless it is a surrogate. */
function learnKind(text: string, index: number): number {
  const code = text.charCodeAt(index);
  const kind = isWordCodeAt(text, index) ? WORD : OTHER;
  if (code < 0xd800 || code > 0xdfff) KIND[code] = kind;
  return kind;
}

/** Kind of the code unit at `index`. */
function kindAt(text: string, index: number): number {
  const kind = KIND[text.charCodeAt(index)];
  return kind === UNKNOWN ? learnKind(text, index) : kind;
}

// Trie nodes: 0 is the root, and as a walk's node NONE (it fell off): a walk never stands at the
// root, since it starts at a row's node, one character or more into a token.
const NONE = 0;

// Automaton states, as row offsets into its table; rows 0-2 are not in a live walk.
/** Not inside a token: a letter or digit here starts one. */
const BETWEEN = 0;
/** Inside a token that starts no term. */
const DEAD = STRIDE;
/** Just after a connector ('-', "'") inside a dead token: a letter or digit continues the token. */
const JOIN = 2 * STRIDE;
/**
 * Trie depth the automaton's built rows follow. A word still alive past it goes on into rows
 * made on the first visit (`deepen`, up to MAX_DEEP_ROW); one whose letters may end a term or go
 * on into a separator leaves the automaton for the plain walk (`walkOn`). Built rows only (before
 * `deepen`): depth 4 gives 3,855 rows (a 663 KB table) and 1.3 exits a bench chat message; depth
 * 3 had 2.9 exits and cost 10-15% more, depth 6 saved 15% more for a 1.5 MB table. Depth 5
 * (6,393 rows, 0.87 exits) measured the same `find` (513 against 501 ns, same process) and a
 * first `health()` 2.8 ms slower (median of 15 fresh processes): rows made as texts need them
 * cost the first call nothing. A phrase ("in the", "on the") is followed past its gap by phrase
 * rows (see `extend`), whatever the depth.
 */
const AUTOMATON_DEPTH = 4;

/**
 * Builds the gate from the term forms (one space between tokens, letters, digits and
 * apostrophes, as src/data/health-lexicon.ts stores them; any other character throws): `forms`
 * compared in any case and `exactForms` compared in their exact case by the matcher (the gate
 * folds them all).
 *
 * @example
 * const gate = createTermGate(['type 2 diabetes', 'metformin'], ['PrEP'])
 * gate.next('we ate metformin', 0, false) // 7
 * gate.next('we ate dinner', 0, false)    // 13
 */
export function createTermGate(forms: Iterable<string>, exactForms: Iterable<string> = []): TermGate {
  const caselessList = [...forms];
  const exactList = [...exactForms];
  let capacity = 1;
  for (const form of caselessList) capacity += form.length;
  for (const form of exactList) capacity += form.length;
  const builder = createTrieBuilder(FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, capacity);
  for (const form of caselessList) builder.add(form, 0, form.length, CASELESS_FORM, 0);
  for (const form of exactList) builder.add(form, 0, form.length, EXACT_FORM, 0);
  return createTermGateOver(builder.finish(), CASELESS_FORM | EXACT_FORM, CASELESS_FORM);
}

// Flags of the forms `createTermGate` puts in its trie.
const CASELESS_FORM = 1;
const EXACT_FORM = 2;

/**
 * The gate over a trie already built with `createTrieBuilder` and FOLDED_SYMBOL_OF (the health
 * matcher's lower-case trie): the terms are the forms whose flags have a bit of `termFlags`,
 * compared in any case when they have a bit of `caselessFlags`. Other forms (cues, idioms) are
 * not in the gate: their nodes are left out.
 *
 * Why over the matcher's trie: the first `health()` in a process builds everything interpreted,
 * and a trie of its own for the gate (the forms inserted again, then packed depth-first for the
 * plain walk) was half of it. Reading the matcher's trie, with the automaton built from its first
 * four levels only, the first `health()` went from 24-35 ms to 11.5-18 ms (median 13; Node 20,
 * fresh processes). The plain walk lost its packed copy and measured the same: the health
 * detector's `find` 571 → 564 ns a bench chat message, the default redactor 2,558 → 2,519
 * (.cache-p A/B, same process, best of 15).
 *
 * @example
 * const builder = createTrieBuilder(FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, 64)
 * builder.add('metformin', 0, 9, 1, 0)
 * builder.add('my doctor', 0, 9, 2, 0) // a cue: not in the gate
 * const gate = createTermGateOver(builder.finish(), 1, 1)
 * gate.next('my doctor gave me metformin', 0, false) // 18
 */
export function createTermGateOver(trie: Trie, termFlags: number, caselessFlags: number): TermGate {
  const automaton = buildAutomaton(trie, termFlags);
  const { table, rowNode, rowAt, rowBack, rowPhrase, rowFresh, rowGap } = automaton;
  const { first, count, edgeSymbol, edgeTarget, flags, below } = trie;
  /** Rows in use: the built ones, then those `extend` and `deepen` make, up to the table's room. */
  let rows = automaton.rows;
  /** Why the last `next` stopped: see `TermGate.open`. */
  let stoppedOpen = false;

  /** The child of `node` by `symbol` when a term goes on through it, else NONE. */
  const childOf = (node: number, symbol: number): number => {
    for (let edge = first[node], last = edge + count[node]; edge < last; edge++) {
      const edgeAt = edgeSymbol[edge];
      if (edgeAt === symbol) return (below[edgeTarget[edge]] & termFlags) !== 0 ? edgeTarget[edge] : NONE;
      if (edgeAt > symbol) break; // edges are sorted
    }
    return NONE;
  };

  /**
   * The plain walk, from the live `node` reached at `position` by a walk from the token start
   * `start`, reading the text as the matcher's walk does (a gap of one to three spaces is one
   * separator). Returns -1 when a term may start at `start`, else where the automaton goes on:
   * the end of the token that starts there.
   */
  const walkOn = (text: string, start: number, node: number, position: number, streaming: boolean, resume: number): number => {
    const length = text.length;
    // `resume`: -1 while in the token's first run; the gap's start once past one; -2 past a
    // connector. A phrase row's walk starts past the gap, so it comes in with the gap's start.
    for (;;) {
      if (position >= length) {
        // A term ending here ends at the text's end; a shorter walk may go on in more text.
        if (!streaming) {
          if ((flags[node] & termFlags) !== 0) return -1;
          break;
        }
        stoppedOpen = (below[node] & caselessFlags) !== 0;
        return -1;
      }
      let kind = kindAt(text, position);
      if (kind < SEP) {
        node = childOf(node, kind);
        if (node === NONE) break;
        position++;
        continue;
      }
      // A run of letters and digits ends: a term may end here (the matcher checks the boundary).
      if ((flags[node] & termFlags) !== 0) return -1;
      let advance = 1;
      if (kind === GAP) {
        while (advance < MAX_GAP && position + advance < length) {
          const next = text.charCodeAt(position + advance);
          if (next !== SPACE && next !== TAB) break;
          advance++;
        }
        if (position + advance >= length) {
          const gap = streaming ? childOf(node, SEP) : NONE;
          if (gap === NONE) break;
          stoppedOpen = (below[gap] & caselessFlags) !== 0;
          return -1;
        }
        const next = text.charCodeAt(position + advance);
        if (next === SPACE || next === TAB) break;
        kind = SEP;
        if (resume === -1) resume = position;
      } else if (kind === SEP || kind === APOS) {
        if (resume === -1) resume = -2;
      } else {
        break;
      }
      node = childOf(node, kind);
      if (node === NONE) break;
      position += advance;
    }
    if (resume === -1) return tokenEnd(text, position); // still in the first run (or at its end)
    return resume >= 0 ? resume : tokenEnd(text, start);
  };

  /** State where `run` stopped, and the table entry that made it leave (negative) or 0 at the end. */
  let runState = BETWEEN;
  let runExit = 0;
  /**
   * The automaton from `index` in `state` until it leaves or the text ends; returns where it
   * stopped. A function of its own, with nothing but the loop: its few values stay in registers.
   */
  const run = (text: string, index: number, state: number): number => {
    const length = text.length;
    for (; index < length; index++) {
      const next = table[state + KIND[text.charCodeAt(index)]];
      if (next < 0) {
        runState = state;
        runExit = next;
        return index;
      }
      state = next;
    }
    runState = state;
    runExit = 0;
    return length;
  };

  /**
   * The entry of the phrase row `state` for `kind` (EXTEND there): a new phrase row that follows
   * both the phrase and the tokens after its last gap, or, when the tokens after the gap leave
   * the automaton, too long a phrase or a full table, the plain walk from the phrase's start.
   * Stored in the table, so each entry is worked out once per process.
   */
  const extend = (state: number, kind: number): number => {
    const row = state / STRIDE;
    const at = rowBack[row]; // code units from the phrase's start to the one being read
    const fresh = table[rowFresh[row] + kind];
    const phrase = childOf(rowPhrase[row], kind === GAP ? SEP : kind);
    let entry = -(at + 1);
    if (phrase !== NONE && fresh >= 0 && at < MAX_PHRASE_ROW && rows < rowNode.length) {
      entry = STRIDE * rows++;
      fillPhraseRow(entry, phrase, kind === GAP ? rowPhrase[row] : phrase, kind === GAP ? at : at + 1, at + 1, rowGap[row], fresh);
    }
    table[state + kind] = entry;
    return entry;
  };

  /**
   * The entry of the row `state` for `kind` (DEEPEN there): the row of the child a term goes on
   * through (and its gap row where a phrase goes on), or, when the table is full, the plain walk
   * from the token's start as before. Stored in the table, so each is worked out once per process.
   */
  const deepen = (state: number, kind: number): number => {
    const row = state / STRIDE;
    const depth = rowAt[row] + 1;
    const node = childOf(rowNode[row], kind);
    let entry = -depth;
    if (node !== NONE && rows + 2 <= rowNode.length) {
      entry = STRIDE * rows++;
      const gap = (flags[node] & termFlags) === 0 && childOf(node, SEP) !== NONE ? STRIDE * rows++ : 0;
      fillNodeRow(automaton, trie, termFlags, NO_ROWS, entry, node, depth, gap);
    }
    table[state + kind] = entry;
    return entry;
  };

  /**
   * Fills the phrase row at offset `at`: the walk from the phrase's start stands at `phrase`
   * (`node` and `walkAt` are where the plain walk starts: the gap itself after a gap, so that it
   * reads one to three spaces as the matcher does), `back` code units after the phrase's start,
   * its first gap `gapAt` after it; `fresh` is the state the automaton would be in had it
   * started at that gap (what it goes on with once the phrase is dead). Every entry is what the
   * plain walk from the phrase's start would do: leave where it may go on or end a term, else
   * follow `fresh` (or leave when `fresh` leaves: the walk comes back at the gap).
   */
  const fillPhraseRow = (at: number, phrase: number, node: number, walkAt: number, back: number, gapAt: number, fresh: number): void => {
    const row = at / STRIDE;
    rowNode[row] = node;
    rowAt[row] = walkAt;
    rowBack[row] = back;
    rowPhrase[row] = phrase;
    rowFresh[row] = fresh;
    rowGap[row] = gapAt;
    const leave = -(back + 1);
    const afterGap = node !== phrase;
    const ends = (flags[phrase] & termFlags) !== 0;
    for (let kind = 0; kind < UNKNOWN; kind++) {
      const goOn = table[fresh + kind];
      let entry = goOn >= 0 ? goOn : leave;
      if (kind < SEP) {
        if (childOf(phrase, kind) !== NONE) entry = EXTEND;
      } else if (kind === GAP) {
        // A second space: the plain walk reads up to three as one gap.
        if (afterGap || ends) entry = leave;
        else if (childOf(phrase, SEP) !== NONE) entry = EXTEND;
      } else if (ends || ((kind === SEP || kind === APOS) && childOf(phrase, kind) !== NONE)) {
        entry = leave;
      }
      table[at + kind] = entry;
    }
    table[at + UNKNOWN] = UNKNOWN_EXIT;
    table[at + KINDS] = row;
  };

  return {
    next(text, index, streaming) {
      const length = text.length;
      stoppedOpen = false;
      let state = BETWEEN;
      for (;;) {
        index = run(text, index, state);
        if (runExit === UNKNOWN_EXIT) {
          // A code unit not met before: learn its kind and take the step the loop could not.
          const next = table[runState + learnKind(text, index)];
          if (next >= 0) {
            state = next;
            index++;
            continue;
          }
          runExit = next;
        }
        if (runExit === EXTEND || runExit === DEEPEN) {
          const kind = KIND[text.charCodeAt(index)];
          const next = runExit === EXTEND ? extend(runState, kind) : deepen(runState, kind);
          if (next >= 0) {
            state = next;
            index++;
            continue;
          }
          runExit = next;
        }
        const row = table[runState + KINDS];
        // A phrase row's plain walk starts past the phrase's first gap: it comes back there.
        const gapAt = rowAt[row] > rowGap[row] && rowGap[row] > 0 ? rowGap[row] : -1;
        if (index >= length) {
          // The text ends inside a live walk (or none).
          const start = length - rowBack[row];
          if (start >= length) return length;
          const resume = walkOn(text, start, rowNode[row], start + rowAt[row], streaming, gapAt < 0 ? -1 : start + gapAt);
          if (resume < 0) return start;
          if (gapAt < 0) return length;
          // The tokens after the phrase's gap, read again by themselves (as without phrase rows).
          index = resume;
          state = BETWEEN;
          continue;
        }
        // Leave for the plain walk; come back at the end of the token.
        const start = index + runExit + 1;
        const resume = walkOn(text, start, rowNode[row], start + rowAt[row], streaming, gapAt < 0 ? -1 : start + gapAt);
        if (resume < 0) return start;
        index = resume;
        state = BETWEEN;
      }
    },
    get open() {
      return stoppedOpen;
    },
  };
}

/** End of the token at `index`: word characters joined by single internal apostrophes or hyphens. */
function tokenEnd(text: string, index: number): number {
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (code < 128 && KIND[code] < SEP) index++;
    else if (code >= 128 && isWordUnitAt(text, index)) index++;
    else if ((code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE) && index + 1 < length && isWordAt(text, index + 1)) index += 2;
    else break;
  }
  return index;
}

function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 ? KIND[code] < SEP : isWordUnitAt(text, index);
}

/**
 * `isWordCodeAt` (a letter, digit or mark of any script) for a code unit beyond ASCII, with the
 * regex test done once per code unit (see kindAt): '£' and '€' sit next to the words a match
 * looks around.
 *
 * @example
 * isWordUnitAt('£5 ж', 0) // false
 * isWordUnitAt('£5 ж', 3) // true
 */
export function isWordUnitAt(text: string, index: number): boolean {
  const kind = kindAt(text, index);
  return kind < SEP || kind === WORD;
}


/**
 * A trie as flat arrays; node 0 is the root. Children of node n: edges first[n] to
 * first[n] + count[n] - 1, sorted by symbol. `root` and `second` hold the first two levels
 * densely, so a walk's first two characters cost one load each.
 */
export interface Trie {
  readonly symbols: number;
  /** Dense children of the root. */
  readonly root: Int32Array;
  /** Dense children of the root's children (symbols × symbols). */
  readonly second: Int32Array;
  readonly first: Int32Array;
  readonly count: Uint8Array;
  readonly edgeSymbol: Uint8Array;
  readonly edgeTarget: Int32Array;
  /** What the forms ending at the node are (the caller's bits). */
  readonly flags: Uint8Array;
  /** Flags of the node and of every node below it. */
  readonly below: Uint8Array;
  /** Flags of every node below this one: what a walk stopped here could still become. */
  readonly next: Uint8Array;
  /** The caller's byte for the node (the health matcher: a term's category and tier). */
  readonly info: Uint8Array;
}

/** Symbols of the folded trie, the gate's and the health matcher's lower-case one: a-z 0-25, 0-9 26-35, SEP, APOS. */
export const FOLDED_SYMBOLS = APOS + 1;
/** No symbol: a character no form may hold. */
const INVALID = 255;
/** Symbol of each ASCII code unit a form may hold, either case folded (see FOLDED_SYMBOLS). */
export const FOLDED_SYMBOL_OF: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128).fill(INVALID);
  for (let code = 97; code <= 122; code++) table[code] = table[code - 32] = code - 97;
  for (let code = 48; code <= 57; code++) table[code] = 26 + code - 48;
  table[SPACE] = table[HYPHEN] = SEP;
  table[APOSTROPHE] = APOS;
  return table;
})();

/**
 * A trie builder over flat typed arrays sized up front for `capacity` nodes (a form adds at most
 * one node per code unit). `symbolOf` maps each ASCII code unit a form may hold to a symbol below
 * `symbols` (INVALID, 255: none). Nodes are numbered in creation order and each node's children
 * kept in a list sorted by symbol, so `finish` lays the edges out sorted in one pass.
 *
 * Why: the first `health()` in a process builds its tries, and runs this code once, interpreted,
 * where every typed-array access costs several ns. A Map per node (and the forms split into
 * strings) took 58-76 ms, half of it garbage collection; the dense first two levels save the
 * longest child searches (113,000 list steps over today's forms).
 *
 * @example
 * const builder = createTrieBuilder(FOLDED_SYMBOL_OF, FOLDED_SYMBOLS, 32)
 * builder.add('flu|cold', 0, 3, 1, 0)
 * builder.add('flu|cold', 4, 8, 1, 0)
 * builder.finish().count[0] // 2
 */
export function createTrieBuilder(symbolOf: Uint8Array, symbols: number, capacity: number) {
  // Node 0 is the root, never a child: 0 also means "no child" / "no sibling".
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  const childCount = new Uint8Array(capacity);
  const symbol = new Uint8Array(capacity);
  const flags = new Uint8Array(capacity);
  const infos = new Uint8Array(capacity);
  const root = new Int32Array(symbols);
  const second = new Int32Array(symbols * symbols);
  let size = 1;
  return {
    /** Adds the form `text[start, end)` with `flag` (or-ed in) and, when not 0, `info`. */
    add(text: string, start: number, end: number, flag: number, info: number): void {
      let node = 0;
      for (let index = start; index < end; index++) {
        const wanted = symbolOf[text.charCodeAt(index)]; // undefined beyond ASCII
        if (!(wanted < symbols)) throw new TypeError('trie: a form has a character outside letters, digits, apostrophe, hyphen and space');
        const depth = index - start;
        // Below the first two levels, a walk along the sorted list finds the child or the place
        // of a new one (between `previous` and `child`).
        let previous = 0;
        let child: number;
        if (depth >= 2) {
          child = firstChild[node];
          while (child !== 0 && symbol[child] < wanted) {
            previous = child;
            child = nextSibling[child];
          }
          if (child !== 0 && symbol[child] === wanted) {
            node = child;
            continue;
          }
        } else {
          child = depth === 0 ? root[wanted] : second[symbol[node] * symbols + wanted];
          if (child !== 0) {
            node = child;
            continue;
          }
          // New on the first two levels (at most symbols + symbols² times): its list place.
          child = firstChild[node];
          while (child !== 0 && symbol[child] < wanted) {
            previous = child;
            child = nextSibling[child];
          }
        }
        const created = size++;
        symbol[created] = wanted;
        childCount[node]++;
        nextSibling[created] = child;
        if (previous === 0) firstChild[node] = created;
        else nextSibling[previous] = created;
        if (depth === 0) root[wanted] = created;
        else if (depth === 1) second[symbol[node] * symbols + wanted] = created;
        node = created;
      }
      flags[node] |= flag;
      if (info !== 0) infos[node] = info;
    },
    finish(): Trie {
      const first = new Int32Array(size);
      const count = childCount.slice(0, size);
      const edgeSymbol = new Uint8Array(size - 1); // every node but the root is one edge's target
      const edgeTarget = new Int32Array(size - 1);
      const below = new Uint8Array(size);
      const next = new Uint8Array(size);
      // Children are created after their parents: backwards, a node's children are complete
      // when it is reached, so one pass lays out its edges (still in node order, from the end)
      // and ORs their flags into its own.
      for (let node = size - 1, edge = size - 1; node >= 0; node--) {
        edge -= count[node];
        first[node] = edge;
        let reach = 0;
        for (let child = firstChild[node], at = edge; child !== 0; child = nextSibling[child], at++) {
          edgeSymbol[at] = symbol[child];
          edgeTarget[at] = child;
          reach |= below[child];
        }
        next[node] = reach;
        below[node] = flags[node] | reach;
      }
      return { symbols, root, second, first, count, edgeSymbol, edgeTarget, flags: flags.slice(0, size), below, next, info: infos.slice(0, size) };
    },
  };
}

/**
 * The automaton's table: next state = table[state + kind]. A negative entry -(back + 1) leaves
 * it for the plain walk, from the token start `back` characters before the one being read.
 * Rows: BETWEEN, DEAD, JOIN; one per term node (a `termFlags` bit at or below it) up to
 * AUTOMATON_DEPTH, level by level (the first two levels, read at every word, share the first
 * 54 KB); and one per such node followed by one space where a phrase goes on ("in ", "my ",
 * "the "): these are BETWEEN for the next token, but go on into a phrase row (EXTEND, made on
 * the first visit) when its first letter or digit may go on with the phrase, and leave on a
 * second space or a connector that may. Per row, the plain walk's starting point:
 * its node, how far after the token start, and how far back that start is. Only the nodes of the
 * first levels (about 3,900 of 34,000) are visited, each row filled from its node's edges. The
 * table has room for LAZY_ROWS more rows, filled by the gate's `extend` and `deepen`.
 */
function buildAutomaton(trie: Trie, termFlags: number): Automaton {
  const { first, count, edgeSymbol, edgeTarget, flags, below } = trie;
  const size = first.length;
  // The rows' nodes, level by level (a breadth-first walk), and each one's row offset.
  const shallow = new Int32Array(size);
  const levelEnd = new Int32Array(AUTOMATON_DEPTH + 1);
  const rowOf = new Int32Array(size);
  let shallowCount = 0;
  let rows = 3;
  let head = -1; // the root (node 0), then the nodes of each level in turn
  for (let level = 1; level <= AUTOMATON_DEPTH; level++) {
    const parents = shallowCount;
    for (; head < parents; head++) {
      const node = head < 0 ? 0 : shallow[head];
      for (let edge = first[node], last = edge + count[node]; edge < last; edge++) {
        const target = edgeTarget[edge];
        if ((below[target] & termFlags) === 0) continue;
        shallow[shallowCount++] = target;
        rowOf[target] = STRIDE * rows++;
      }
    }
    levelEnd[level] = shallowCount;
  }
  // A phrase row after each node (not a term's end) with a separator edge.
  const gapOf = new Int32Array(shallowCount);
  for (let k = 0; k < shallowCount; k++) {
    const node = shallow[k];
    if ((flags[node] & termFlags) !== 0) continue;
    for (let edge = first[node], last = edge + count[node]; edge < last; edge++) {
      if (edgeSymbol[edge] === SEP && (below[edgeTarget[edge]] & termFlags) !== 0) gapOf[k] = STRIDE * rows++;
    }
  }
  const table = new Int32Array(STRIDE * (rows + LAZY_ROWS));
  for (let row = 0; row < rows; row++) {
    table[row * STRIDE + UNKNOWN] = UNKNOWN_EXIT;
    table[row * STRIDE + KINDS] = row;
  }
  const rowNode = new Int32Array(rows + LAZY_ROWS);
  const rowAt = new Uint8Array(rows + LAZY_ROWS);
  const rowBack = new Uint8Array(rows + LAZY_ROWS);
  // Phrase rows (a gap row, and those `extend` adds): the phrase's node, the state the automaton
  // would be in had it started at the phrase's first gap, and that gap's distance from its start.
  const rowPhrase = new Int32Array(rows + LAZY_ROWS);
  const rowFresh = new Int32Array(rows + LAZY_ROWS);
  const rowGap = new Uint8Array(rows + LAZY_ROWS);
  for (let kind = 0; kind < UNKNOWN; kind++) {
    const run = kind < SEP;
    table[BETWEEN + kind] = run || kind === WORD ? DEAD : BETWEEN;
    table[DEAD + kind] = run || kind === WORD ? DEAD : kind === SEP || kind === APOS ? JOIN : BETWEEN;
    table[JOIN + kind] = run || kind === WORD ? DEAD : BETWEEN;
  }
  for (let edge = first[0], last = edge + count[0]; edge < last; edge++) {
    const target = edgeTarget[edge];
    if (edgeSymbol[edge] < SEP && (below[target] & termFlags) !== 0) table[BETWEEN + edgeSymbol[edge]] = rowOf[target];
  }
  const automaton = { table, rowNode, rowAt, rowBack, rowPhrase, rowFresh, rowGap, rows };
  for (let k = 0, depth = 1; k < shallowCount; k++) {
    while (k === levelEnd[depth]) depth++;
    fillNodeRow(automaton, trie, termFlags, rowOf, rowOf[shallow[k]], shallow[k], depth, gapOf[k]);
  }
  return automaton;
}

/** The automaton's arrays (see buildAutomaton) and how many rows are filled. */
interface Automaton {
  readonly table: Int32Array;
  readonly rowNode: Int32Array;
  readonly rowAt: Uint8Array;
  readonly rowBack: Uint8Array;
  readonly rowPhrase: Int32Array;
  readonly rowFresh: Int32Array;
  readonly rowGap: Uint8Array;
  readonly rows: number;
}

/**
 * Fills the row at offset `at` for the trie node `node`, `depth` code units into its token, and,
 * when `gap` is not 0, the gap row at offset `gap` after it and one space. A child within
 * AUTOMATON_DEPTH is `rowOf`'s row; a deeper one, up to MAX_DEEP_ROW, is made on the first
 * visit (DEEPEN); deeper still, it leaves for the plain walk.
 */
function fillNodeRow(automaton: Automaton, trie: Trie, termFlags: number, rowOf: Int32Array, at: number, node: number, depth: number, gap: number): void {
  const { table, rowNode, rowAt, rowBack, rowPhrase, rowFresh, rowGap } = automaton;
  const { first, count, edgeSymbol, edgeTarget, flags, below } = trie;
  const ends = (flags[node] & termFlags) !== 0;
  const row = at / STRIDE;
  rowNode[row] = node;
  rowAt[row] = rowBack[row] = depth;
  table[at + UNKNOWN] = UNKNOWN_EXIT;
  table[at + KINDS] = row;
  const leave = -(depth + 1);
  // A child too deep for a row is entered by leaving: its token started `depth` code units back.
  const enter = depth < AUTOMATON_DEPTH ? 0 : depth < MAX_DEEP_ROW ? DEEPEN : leave;
  // No child: a letter or digit makes the token dead; the edges below overwrite the rest.
  table.fill(DEAD, at, at + SEP);
  let hyphen = ends; // '-' or "'" where a form goes on (or one ends) leaves for the plain walk
  let apostrophe = ends;
  let phrase = NONE;
  for (let edge = first[node], last = edge + count[node]; edge < last; edge++) {
    const target = edgeTarget[edge];
    if ((below[target] & termFlags) === 0) continue;
    const symbol = edgeSymbol[edge];
    if (symbol < SEP) table[at + symbol] = enter === 0 ? rowOf[target] : enter;
    else if (symbol === SEP) {
      hyphen = true;
      phrase = target;
    } else if (symbol === APOS) apostrophe = true;
  }
  table[at + SEP] = hyphen ? leave : JOIN;
  table[at + APOS] = apostrophe ? leave : JOIN;
  table[at + GAP] = ends ? leave : gap !== 0 ? gap : BETWEEN;
  // No term ends inside a word, and the walk stops here; past AUTOMATON_DEPTH the rows do what the
  // plain walk did there before they were made: leave where a term ends.
  table[at + WORD] = ends && depth > AUTOMATON_DEPTH ? leave : DEAD;
  table[at + OTHER] = ends ? leave : BETWEEN;
  if (gap === 0) return;
  // After the node and one space: a new token starts, and the phrase may go on.
  const gapRow = gap / STRIDE;
  rowNode[gapRow] = node;
  rowAt[gapRow] = depth;
  rowBack[gapRow] = depth + 1;
  rowPhrase[gapRow] = phrase;
  rowFresh[gapRow] = BETWEEN;
  rowGap[gapRow] = depth;
  const leaveGap = -(depth + 2);
  table.copyWithin(gap, BETWEEN, BETWEEN + KINDS);
  table[gap + GAP] = leaveGap;
  table[gap + KINDS] = gapRow;
  // A letter or digit that goes on with the phrase: a phrase row, made on the first visit.
  for (let edge = first[phrase], last = edge + count[phrase]; edge < last; edge++) {
    if (edgeSymbol[edge] <= APOS && (below[edgeTarget[edge]] & termFlags) !== 0) table[gap + edgeSymbol[edge]] = edgeSymbol[edge] < SEP ? EXTEND : leaveGap;
  }
}
