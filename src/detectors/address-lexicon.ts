import {
  AMBIGUOUS_STATE_CODES,
  AU_STATES,
  CA_PROVINCES,
  CITY_PARTICLES,
  COUNT_NOUNS,
  COUNTRIES,
  DE_STREET_TYPES,
  DIRECTIONALS,
  EXTRA_SUFFIXES,
  FR_PARTICLES,
  FR_STREET_TYPES,
  LOCATION_CUES,
  MONTHS,
  NOT_NAME_WORDS,
  NUMBER_CONTEXT_WORDS,
  ROAD_TYPES,
  TEMPORAL_PREPOSITIONS,
  UNIT_BARE,
  UNIT_WITH_ID,
  US_STATES,
} from '../data/address-tables.js';
import { STREET_SUFFIX_ROWS, STRONG_SUFFIXES, STRONG_WHEN_CAPITALISED } from '../data/street-suffixes.js';
import { type WordTable, createWordTable } from './address-word-table.js';

/**
 * The STREET_ADDRESS word tables unpacked (internal): one lower-case word → bit set, one lower-case
 * phrase ("new york", "county road") → bit set, and the same facts in the shapes the parser reads
 * without allocating: a word table indexed by a range of the text, each known word's bits, and the
 * phrases as a tree of words. Built once, on first use, from the literal tables in src/data/
 * (about 1,300 words; a few hundred microseconds).
 */

export const SUFFIX = 1;
export const STRONG = 2;
export const STRONG_CAP = 4;
/** A suffix form that is an abbreviation ("St", "Ave"): a '.' after it does not end a sentence. */
export const ABBREVIATION = 8;
export const UNIT_ID = 16;
export const UNIT_ALONE = 32;
export const DIRECTION = 64;
export const NOT_NAME = 128;
export const COUNT = 256;
export const CUE = 512;
export const FR_TYPE = 1024;
export const FR_PARTICLE = 2048;
export const CITY_PARTICLE = 4096;
export const NUMBER_CONTEXT = 8192;
export const TEMPORAL = 16384;
export const MONTH = 32768;
export const DE_TYPE = 65536;
export const AMBIGUOUS_STATE = 131072;

/** Bits of `Lexicon.germanEnds`. */
export const GERMAN_FIRST = 1;
export const GERMAN_LAST = 2;

/** Phrase kinds (values of `phrases`). */
export const US_STATE = 1;
export const CA_PROVINCE = 2;
export const AU_STATE = 4;
export const ROAD = 8;
export const COUNTRY = 16;
/** Longest phrase in words ("federated states of micronesia"). */
export const MAX_PHRASE_WORDS = 4;

/**
 * Words the parser compares by value ("bis", "box", "the"...): in the word table so that such a
 * comparison never needs the word sliced from the text.
 */
const KEYWORDS = 'bis ter po pob o p post office box the floor fl str';

/** One word of a phrase tree: the phrase kinds ending here, read with spaces and with dots ("u.s.a"). */
export interface PhraseNode {
  kinds: number;
  dotted: number;
  readonly next: Map<string, PhraseNode>;
}

export interface Lexicon {
  readonly words: ReadonlyMap<string, number>;
  readonly phrases: ReadonlyMap<string, number>;
  /** German street types, longest first, for compound endings ("Hauptstraße"). */
  readonly germanTypes: readonly string[];
  /**
   * By ASCII code: GERMAN_FIRST when a German street type starts with that letter, GERMAN_LAST
   * when one ends with it. A word whose last letter no type ends with is no compound of one, so
   * most words skip the ten `germanTypes` comparisons.
   */
  readonly germanEnds: Uint8Array;
  /** Every word of `words`, of the phrases and KEYWORDS; `table.words` holds them interned. */
  readonly table: WordTable;
  /** Bits of `words` for each entry of `table`. */
  readonly flags: Int32Array;
  /** The phrases as a tree: first word → node (each word of a phrase is in `table`). */
  readonly phraseTree: ReadonlyMap<string, PhraseNode>;
  /** For each entry of `table`, the kinds of every phrase starting with it (0: none). */
  readonly phraseStarts: Int32Array;
  /** Indices in `table` of the words the screen compares on every candidate: compared as numbers, not strings. */
  readonly ids: KeywordIds;
}

/** Indices of a few KEYWORDS in `Lexicon.table`. */
export interface KeywordIds {
  readonly bis: number;
  readonly ter: number;
  readonly the: number;
  readonly box: number;
}

/** Bits of the lower-cased `text.slice(start, end)`, without slicing it when it is ASCII. */
export function wordFlagsAt(lex: Lexicon, text: string, start: number, end: number): number {
  const id = lex.table.find(text, start, end);
  return id < 0 ? 0 : lex.flags[id];
}

let built: Lexicon | undefined;

/** The lexicon, built on first use. */
export function addressLexicon(): Lexicon {
  built ??= build();
  return built;
}

function build(): Lexicon {
  const words = new Map<string, number>();
  const phrases = new Map<string, number>();
  const add = (list: string, bit: number): void => {
    for (const word of list.split(' ')) if (word !== '') words.set(word, (words.get(word) ?? 0) | bit);
  };
  const addPhrase = (name: string, bit: number): void => {
    const phrase = name.replace(/_/g, ' ');
    phrases.set(phrase, (phrases.get(phrase) ?? 0) | bit);
  };
  for (const row of STREET_SUFFIX_ROWS.split(';')) {
    const [head, rest] = row.split('|');
    const [primary, standard] = head.split(' ');
    for (const form of [primary, standard, ...rest.split(' ')]) {
      if (form === '') continue;
      add(form.toLowerCase(), SUFFIX | (form === primary ? 0 : ABBREVIATION));
    }
  }
  add('close', SUFFIX);
  add(EXTRA_SUFFIXES, SUFFIX);
  add(STRONG_SUFFIXES.toLowerCase(), STRONG);
  add(STRONG_WHEN_CAPITALISED.toLowerCase(), STRONG_CAP);
  add(UNIT_WITH_ID, UNIT_ID);
  add(UNIT_BARE, UNIT_ALONE);
  add(DIRECTIONALS, DIRECTION);
  add(NOT_NAME_WORDS, NOT_NAME);
  add(COUNT_NOUNS, COUNT);
  add(LOCATION_CUES, CUE);
  add(FR_STREET_TYPES, FR_TYPE);
  add(FR_PARTICLES, FR_PARTICLE);
  add(CITY_PARTICLES, CITY_PARTICLE);
  add(NUMBER_CONTEXT_WORDS, NUMBER_CONTEXT);
  add(TEMPORAL_PREPOSITIONS, TEMPORAL);
  add(MONTHS, MONTH);
  add(DE_STREET_TYPES, DE_TYPE);
  add(AMBIGUOUS_STATE_CODES, AMBIGUOUS_STATE);
  for (const [list, bit] of [
    [US_STATES, US_STATE],
    [CA_PROVINCES, CA_PROVINCE],
    [AU_STATES, AU_STATE],
  ] as const) {
    for (const row of list.split('|')) {
      const [code, name] = row.split(' ');
      addPhrase(code, bit);
      addPhrase(name, bit);
    }
  }
  for (const name of ROAD_TYPES.split(' ')) addPhrase(name, ROAD);
  for (const name of COUNTRIES.split(' ')) addPhrase(name, COUNTRY);
  const germanTypes = DE_STREET_TYPES.split(' ').sort((a, b) => b.length - a.length);
  const phraseTree = new Map<string, PhraseNode>();
  const known = [...words.keys(), ...KEYWORDS.split(' ')];
  for (const [phrase, kinds] of phrases) {
    // A key joins token words with ' ' and, from two words on, with '.': the parser walks both.
    for (const [separator, dotted] of [[' ', false], ['.', true]] as const) {
      const path = phrase.split(separator);
      known.push(...path);
      let level = phraseTree;
      let node: PhraseNode | undefined;
      for (const word of path) {
        node = level.get(word);
        if (node === undefined) {
          node = { kinds: 0, dotted: 0, next: new Map() };
          level.set(word, node);
        }
        level = node.next;
      }
      if (node !== undefined && dotted) node.dotted |= kinds;
      else if (node !== undefined) node.kinds |= kinds;
    }
  }
  const table = createWordTable(known);
  const flags = new Int32Array(table.words.length);
  const phraseStarts = new Int32Array(table.words.length);
  for (let id = 0; id < flags.length; id++) {
    flags[id] = words.get(table.words[id]) ?? 0;
    const node = phraseTree.get(table.words[id]);
    if (node !== undefined) phraseStarts[id] = kindsBelow(node);
  }
  const germanEnds = new Uint8Array(128);
  for (const type of germanTypes) {
    const first = type.charCodeAt(0);
    const last = type.charCodeAt(type.length - 1);
    if (first < 128) germanEnds[first] |= GERMAN_FIRST;
    if (last < 128) germanEnds[last] |= GERMAN_LAST;
  }
  const id = (word: string): number => table.find(word, 0, word.length);
  const ids = { bis: id('bis'), ter: id('ter'), the: id('the'), box: id('box') };
  return { words, phrases, germanTypes, germanEnds, table, flags, phraseTree, phraseStarts, ids };
}

/** Every phrase kind of `node` and the nodes below it. */
function kindsBelow(node: PhraseNode): number {
  let kinds = node.kinds | node.dotted;
  for (const child of node.next.values()) kinds |= kindsBelow(child);
  return kinds;
}
