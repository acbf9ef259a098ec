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
 * characters of each token, with no branch but the loop's and a rare exit to the plain walk
 * (1.3 a message). Measured on bench/fixtures.ts `cleanChat` (108-character messages, esbuild
 * bundle, Node 20, .cache-p/det.ts): the detector's one-shot `find` 0.86-1.05 → 0.53-0.55 µs a
 * message, `pending` per stream check (4-character chunks) 0.49-0.54 → 0.11-0.13 µs. What is
 * left is mostly the loop itself, bound by each load waiting for the one before (about 4 ns a
 * character); a plain `charCodeAt` loop over the same messages already costs 120-170 ns.
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
const KINDS = 41;
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

/** Kind of each code unit below 256. */
const KIND: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(256);
  for (let code = 0; code < 256; code++) table[code] = isWordCodeAt(String.fromCharCode(code), 0) ? WORD : OTHER;
  for (let code = 97; code <= 122; code++) table[code] = table[code - 32] = code - 97;
  for (let code = 48; code <= 57; code++) table[code] = 26 + code - 48;
  for (let code = 0xc0; code <= 0xff; code++) {
    const letter = LATIN1_FOLD.charCodeAt(code - 0xc0);
    if (letter !== HYPHEN) table[code] = letter - 97;
  }
  table[HYPHEN] = SEP;
  table[APOSTROPHE] = APOS;
  table[SPACE] = table[TAB] = GAP;
  return table;
})();

/** Kind of the code unit at `index` (a regex test only beyond Latin-1). */
function kindAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 256) return KIND[code];
  if (code === RIGHT_QUOTE) return APOS;
  return isWordCodeAt(text, index) ? WORD : OTHER;
}

// Trie nodes: 0 has no children (a walk that fell off), 1 is the root.
const NONE = 0;
const ROOT = 1;

// Automaton states, as row offsets into its table; rows 0-2 are not in a live walk.
/** Not inside a token: a letter or digit here starts one. */
const BETWEEN = 0;
/** Inside a token that starts no term. */
const DEAD = STRIDE;
/** Just after a connector ('-', "'") inside a dead token: a letter or digit continues the token. */
const JOIN = 2 * STRIDE;
/**
 * Trie depth the automaton follows itself. A word still alive past it, or one whose letters may
 * end a term or go on into a separator, leaves the automaton for the plain walk (`walkOn`).
 * Depth 4 gives 3,855 rows (a 648 KB table) and 1.3 exits a bench chat message; depth 3 had 2.9
 * exits and cost 10-15% more, depth 6 saved 15% more for a 1.5 MB table.
 */
const AUTOMATON_DEPTH = 4;

/**
 * Builds the gate from the term forms (one space between tokens, letters, digits and
 * apostrophes, as src/data/health-lexicon.ts stores them): `forms` compared in any case and
 * `exactForms` compared in their exact case by the matcher (the gate folds them all).
 *
 * @example
 * const gate = createTermGate(['type 2 diabetes', 'metformin'], ['PrEP'])
 * gate.next('we ate metformin', 0, false) // 7
 * gate.next('we ate dinner', 0, false)    // 13
 */
export function createTermGate(forms: Iterable<string>, exactForms: Iterable<string> = []): TermGate {
  const trie = buildTrie(forms, exactForms);
  const { table, rowNode, rowAt, rowBack } = buildAutomaton(trie);
  const nodes = packTrie(trie);
  // The plain walk starts from packed nodes.
  for (let row = 0; row < rowNode.length; row++) rowNode[row] = nodes.at[rowNode[row]];
  const { packed } = nodes;
  /** Why the last `next` stopped: see `TermGate.open`. */
  let stoppedOpen = false;

  const childOf = (node: number, symbol: number): number => {
    const last = node + 1 + 2 * (packed[node] >> 2);
    for (let edge = node + 1; edge < last; edge += 2) if (packed[edge] === symbol) return packed[edge + 1];
    return NONE;
  };

  /**
   * The plain walk, from the live `node` reached at `position` by a walk from the token start
   * `start`, reading the text as the matcher's walk does (a gap of one to three spaces is one
   * separator). Returns -1 when a term may start at `start`, else where the automaton goes on:
   * the end of the token that starts there.
   */
  const walkOn = (text: string, start: number, node: number, position: number, streaming: boolean): number => {
    const length = text.length;
    /** -1 while in the token's first run; the gap's start once past one; -2 past a connector. */
    let resume = -1;
    for (;;) {
      if (position >= length) {
        // A term ending here ends at the text's end; a shorter walk may go on in more text.
        if (!streaming) {
          if ((packed[node] & PACKED_TERM) !== 0) return -1;
          break;
        }
        stoppedOpen = (packed[node] & PACKED_OPEN) !== 0;
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
      if ((packed[node] & PACKED_TERM) !== 0) return -1;
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
          stoppedOpen = (packed[gap] & PACKED_OPEN) !== 0;
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
      const code = text.charCodeAt(index);
      const next = table[state + (code < 256 ? KIND[code] : kindAt(text, index))];
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

  return {
    next(text, index, streaming) {
      const length = text.length;
      stoppedOpen = false;
      for (;;) {
        index = run(text, index, BETWEEN);
        const row = table[runState + KINDS];
        if (index >= length) {
          // The text ends inside a live walk (or none).
          const start = length - rowBack[row];
          if (start < length && walkOn(text, start, rowNode[row], start + rowAt[row], streaming) < 0) return start;
          return length;
        }
        // Leave for the plain walk; come back at the end of the token.
        const start = index + runExit + 1;
        const resume = walkOn(text, start, rowNode[row], start + rowAt[row], streaming);
        if (resume < 0) return start;
        index = resume;
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
    else if (code >= 128 && isWordCodeAt(text, index)) index++;
    else if ((code === HYPHEN || code === APOSTROPHE || code === RIGHT_QUOTE) && index + 1 < length && isWordAt(text, index + 1)) index += 2;
    else break;
  }
  return index;
}

function isWordAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 ? KIND[code] < SEP : isWordCodeAt(text, index);
}

interface Trie {
  readonly size: number;
  readonly depth: Uint8Array;
  /** A form ends at the node. */
  readonly term: Uint8Array;
  /** A caseless form ends at the node or below it. */
  readonly open: Uint8Array;
  /** Children of node n: edges first[n] to first[n + 1] - 1 (few: a linear search). */
  readonly first: Int32Array;
  readonly edgeSymbol: Uint8Array;
  readonly edgeTarget: Int32Array;
}

/**
 * The folded trie of the forms, flat (about 30,000 nodes with today's lexicon). Typed arrays
 * sized up front (a form adds at most one node per code unit), filled in one pass: the first
 * construction in a process pays for this, and a Map from (node, symbol) to child with growing
 * arrays cost about 20 ms of it, mostly garbage collection.
 */
function buildTrie(forms: Iterable<string>, exactForms: Iterable<string>): Trie {
  const caselessList = Array.isArray(forms) ? (forms as readonly string[]) : [...forms];
  const exactList = Array.isArray(exactForms) ? (exactForms as readonly string[]) : [...exactForms];
  let capacity = 2;
  for (const form of caselessList) capacity += form.length;
  for (const form of exactList) capacity += form.length;
  const parents = new Int32Array(capacity);
  const symbols = new Uint8Array(capacity);
  const depth = new Uint8Array(capacity);
  const term = new Uint8Array(capacity);
  const open = new Uint8Array(capacity);
  // Children while building: dense tables for the first two levels (where a node has up to 38
  // children: a list there cost 113,000 steps over today's forms), lists below.
  const firstLevel = new Int32Array(KINDS);
  const secondLevel = new Int32Array(KINDS * KINDS);
  const firstChild = new Int32Array(capacity);
  const nextSibling = new Int32Array(capacity);
  let size = 2;
  const add = (form: string, isCaseless: boolean): void => {
    let node = ROOT;
    let top = 0; // the first symbol's offset into secondLevel
    for (let index = 0; index < form.length; index++) {
      const code = form.charCodeAt(index);
      const symbol = code === SPACE ? SEP : code < 256 ? KIND[code] : kindAt(form, index); // folds the case
      let child: number;
      if (index === 0) {
        child = firstLevel[symbol];
        top = symbol * KINDS;
      } else if (index === 1) {
        child = secondLevel[top + symbol];
      } else {
        child = firstChild[node];
        while (child !== NONE && symbols[child] !== symbol) child = nextSibling[child];
      }
      if (child === NONE) {
        child = size++;
        parents[child] = node;
        symbols[child] = symbol;
        depth[child] = index < 255 ? index + 1 : 255;
        if (index === 0) firstLevel[symbol] = child;
        else if (index === 1) secondLevel[top + symbol] = child;
        else {
          nextSibling[child] = firstChild[node];
          firstChild[node] = child;
        }
      }
      node = child;
      if (isCaseless) open[node] = 1;
    }
    term[node] = 1;
  };
  for (let k = 0; k < caselessList.length; k++) add(caselessList[k], true);
  for (let k = 0; k < exactList.length; k++) add(exactList[k], false);
  // Edges grouped by parent, in node order: count, prefix sums, fill.
  const first = new Int32Array(size + 1);
  for (let node = 2; node < size; node++) first[parents[node] + 1]++;
  for (let node = 0; node < size; node++) first[node + 1] += first[node];
  const edgeSymbol = new Uint8Array(size);
  const edgeTarget = new Int32Array(size);
  const filled = first.slice(0, size);
  for (let node = 2; node < size; node++) {
    const edge = filled[parents[node]]++;
    edgeSymbol[edge] = symbols[node];
    edgeTarget[edge] = node;
  }
  return { size, depth: depth.subarray(0, size), term: term.subarray(0, size), open: open.subarray(0, size), first, edgeSymbol, edgeTarget };
}

// Packed nodes: a node is a run of cells, its mark and child count (PACKED_TERM | PACKED_OPEN |
// count << 2), then (symbol, child) pairs.
const PACKED_TERM = 1;
const PACKED_OPEN = 2;

/**
 * The trie again for the plain walk, one Int32Array in depth-first order: a node's marks and
 * edges share a cache line and its first child follows it, where the flat arrays put them in five
 * places. The walk runs after the automaton leaves (1.3 times a bench chat message), mostly in
 * rows other detectors' work has evicted, so what it costs in place is cache misses.
 * `at[node]` is the packed offset of the flat node `node`; offset 0 is NONE (no children).
 */
function packTrie({ size, term, open, first, edgeSymbol, edgeTarget }: Trie) {
  const packed = new Int32Array(1 + size + 2 * (size - 2));
  const at = new Int32Array(size);
  let offset = 1;
  // A stack of nodes to place: each node is pushed once, so `size` cells hold it.
  const order = new Int32Array(size);
  let top = 0;
  order[top++] = ROOT;
  while (top > 0) {
    const node = order[--top];
    at[node] = offset;
    offset += 1 + 2 * (first[node + 1] - first[node]);
    // Children pushed last-first come out first-first: a node's first child follows it.
    for (let edge = first[node + 1] - 1; edge >= first[node]; edge--) order[top++] = edgeTarget[edge];
  }
  for (let node = ROOT; node < size; node++) {
    const base = at[node];
    const count = first[node + 1] - first[node];
    packed[base] = (term[node] !== 0 ? PACKED_TERM : 0) | (open[node] !== 0 ? PACKED_OPEN : 0) | (count << 2);
    for (let k = 0; k < count; k++) {
      packed[base + 1 + 2 * k] = edgeSymbol[first[node] + k];
      packed[base + 2 + 2 * k] = at[edgeTarget[first[node] + k]];
    }
  }
  return { packed, at };
}

/**
 * The automaton's table: next state = table[state + kind]. A negative entry -(back + 1) leaves
 * it for the plain walk, from the token start `back` characters before the one being read.
 * Rows: BETWEEN, DEAD, JOIN; one per trie node up to AUTOMATON_DEPTH; and one per such node
 * followed by one space where a phrase goes on ("in ", "my ", "the "): these are BETWEEN for
 * the next token, but leave when its first character may go on with the phrase. Per row, the
 * plain walk's starting point: its node, how far after the token start, and how far back that
 * start is. Rows are filled from each node's edges (a default, then one write per edge), not
 * by a child search per kind: that search was most of this function's cost.
 */
function buildAutomaton({ size, depth, term, first, edgeSymbol, edgeTarget }: Trie) {
  const nodeRow = new Int32Array(size).fill(-1);
  const gapRow = new Int32Array(size).fill(-1);
  const phraseOf = new Int32Array(size); // the child by SEP of a node with a gap row
  // Rows by depth: the first two levels, read at every word, share the first 54 KB. Row numbers
  // by a counting sort on depth (levels in order, nodes in order within a level).
  const levelRow = new Int32Array(AUTOMATON_DEPTH + 2);
  for (let node = 2; node < size; node++) if (depth[node] <= AUTOMATON_DEPTH) levelRow[depth[node] + 1]++;
  levelRow[1] = 3;
  for (let level = 1; level <= AUTOMATON_DEPTH; level++) levelRow[level + 1] += levelRow[level];
  let rows = levelRow[AUTOMATON_DEPTH + 1];
  for (let node = 2; node < size; node++) if (depth[node] <= AUTOMATON_DEPTH) nodeRow[node] = STRIDE * levelRow[depth[node]]++;
  for (let node = 2; node < size; node++) {
    if (nodeRow[node] < 0 || term[node] !== 0) continue;
    for (let edge = first[node]; edge < first[node + 1]; edge++) {
      if (edgeSymbol[edge] !== SEP) continue;
      phraseOf[node] = edgeTarget[edge];
      gapRow[node] = STRIDE * rows++;
      break;
    }
  }
  const table = new Int32Array(STRIDE * rows);
  for (let row = 0; row < rows; row++) table[row * STRIDE + KINDS] = row;
  const rowNode = new Int32Array(rows);
  const rowAt = new Uint8Array(rows);
  const rowBack = new Uint8Array(rows);
  // A node too deep for the automaton is entered by leaving it: its token started depth - 1
  // characters before the one being read.
  const enter = (node: number): number => (nodeRow[node] >= 0 ? nodeRow[node] : -depth[node]);
  for (let kind = 0; kind < KINDS; kind++) {
    const run = kind < SEP;
    table[BETWEEN + kind] = run || kind === WORD ? DEAD : BETWEEN;
    table[DEAD + kind] = run || kind === WORD ? DEAD : kind === SEP || kind === APOS ? JOIN : BETWEEN;
    table[JOIN + kind] = run || kind === WORD ? DEAD : BETWEEN;
  }
  for (let edge = first[ROOT]; edge < first[ROOT + 1]; edge++) if (edgeSymbol[edge] < SEP) table[BETWEEN + edgeSymbol[edge]] = enter(edgeTarget[edge]);
  for (let node = 2; node < size; node++) {
    const row = nodeRow[node];
    if (row < 0) continue;
    const ends = term[node] !== 0;
    rowNode[row / STRIDE] = node;
    rowAt[row / STRIDE] = rowBack[row / STRIDE] = depth[node];
    const leave = -(depth[node] + 1);
    // No child: a letter or digit makes the token dead; the edges below overwrite the rest.
    table.fill(DEAD, row, row + SEP);
    let joins = ends; // '-' or "'" where a form goes on (or one ends) leaves for the plain walk
    let apostrophe = ends;
    for (let edge = first[node]; edge < first[node + 1]; edge++) {
      const symbol = edgeSymbol[edge];
      if (symbol < SEP) table[row + symbol] = enter(edgeTarget[edge]);
      else if (symbol === SEP) joins = true;
      else if (symbol === APOS) apostrophe = true;
    }
    table[row + SEP] = joins ? leave : JOIN;
    table[row + APOS] = apostrophe ? leave : JOIN;
    table[row + GAP] = ends ? leave : gapRow[node] >= 0 ? gapRow[node] : BETWEEN;
    table[row + WORD] = DEAD; // no term ends inside a word, and the walk stops here
    table[row + OTHER] = ends ? leave : BETWEEN;
    const gap = gapRow[node];
    if (gap < 0) continue;
    // After the node and one space: a new token starts, and the phrase may go on.
    const phrase = phraseOf[node];
    rowNode[gap / STRIDE] = node;
    rowAt[gap / STRIDE] = depth[node];
    rowBack[gap / STRIDE] = depth[node] + 1;
    const leaveGap = -(depth[node] + 2);
    table.copyWithin(gap, BETWEEN, BETWEEN + KINDS);
    table[gap + GAP] = leaveGap;
    for (let edge = first[phrase]; edge < first[phrase + 1]; edge++) if (edgeSymbol[edge] <= APOS) table[gap + edgeSymbol[edge]] = leaveGap;
  }
  return { table, rowNode, rowAt, rowBack };
}
