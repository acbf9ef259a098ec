import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor, createScan, defaultDetectors, detectors, mask, type Detector, type Finding, type Redactor } from '../../src/index.js';
import { loadFixtures } from '../fixtures/load.js';
import { expectLabelledSpans, expectSecondPassNearLabels } from '../helpers/labels.js';
import { DIGIT_FORMS } from '../helpers/lookalikes.js';
import { cut, expectStreamEquivalent } from '../helpers/stream.js';
import { plantedValue } from '../helpers/values.js';
import { params, RUNS } from '../helpers/fuzz-runs.js';

/**
 * Fuzzing the streaming contract on MUTATED FIXTURES: the hand-labelled messages of
 * test/fixtures/*.txt (loaded at run time, never copied) carry the real context around values
 * (cues, health phrases, address last lines, idioms, hard negatives). Each property takes one,
 * edits it and checks stream ≡ one-shot, every default detector's `pending` promise at every
 * prefix, `find` from any offset, and valid one-shot spans. The edits:
 *
 * - character edits anywhere or at a labelled span's edge: insert, delete, duplicate, swap
 *   neighbours, flip case, a space turned into '\n', NBSP, '\t', two spaces or nothing,
 *   invisible runs (zero-width, soft hyphen, bidi controls; longer than the normaliser folds),
 *   full-width and other look-alike digits, a surrogate pair (or half of one), a combining mark;
 * - edits of a labelled span: swapped for a fresh valid value (test/helpers/values.ts), cut in two, duplicated, glued to the word before or after, digits
 *   or letters appended, spread one character apart, moved to the end (so `end()` decides it) or
 *   to the start;
 * - splices: the head of one message and the tail of another, two messages joined by ' ', '\n'
 *   or nothing, a message repeated 2 to 20 times;
 * - truncation at any point (streams often end mid-value).
 *
 * FUZZ_RUNS sets the runs per property (default 2000); FC_SEED a fixed seed (the fuzz config
 * loads no setup file, so without it every run explores a new seed, printed on failure).
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

// ---------------------------------------------------------------------------------------------
// The corpus, and the pools the generators draw from.

interface Span {
  readonly start: number;
  readonly end: number;
  /** The labelled type; none for a stretch another edit made up. */
  readonly type?: string;
}
/** A message being mutated, with where its labelled values now lie (kept roughly in step with the edits). */
interface Mutant {
  readonly text: string;
  readonly spans: readonly Span[];
}

const FIXTURES = loadFixtures();
const ALL = FIXTURES.map((fixture): Mutant => ({ text: fixture.text, spans: fixture.spans }));
const POSITIVES = ALL.filter((mutant) => mutant.spans.length > 0);
/** Negative lines written as traps (order numbers, versions, idioms...), not everyday chat. */
const HARD_NEGATIVES = FIXTURES.filter((fixture) => fixture.spans.length === 0 && fixture.file !== 'everyday.txt').map((fixture) => ALL[FIXTURES.indexOf(fixture)]);
const EVERYDAY = FIXTURES.filter((fixture) => fixture.file === 'everyday.txt').map((fixture) => ALL[FIXTURES.indexOf(fixture)]);

const findAll = (detector: Detector, text: string, from = 0) => {
  const out: Finding[] = [];
  detector.find(createScan(text, from), out);
  return out;
};

/**
 * The messages in which some default detector of `type` finds something or a value of `type` is
 * labelled: what a per-detector property mostly mutates, so that it is about that detector.
 */
function poolOf(type: string): Mutant[] {
  const same = detectors.all().filter((detector) => detector.type === type);
  return ALL.filter((mutant, index) => FIXTURES[index].spans.some((span) => span.type === type) || same.some((detector) => findAll(detector, mutant.text).length > 0));
}

// ---------------------------------------------------------------------------------------------
// Edits. Every edit is a splice of the text; spans after it shift, spans it touches stretch.

function splice(mutant: Mutant, at: number, removed: number, inserted: string): Mutant {
  const { text } = mutant;
  const start = Math.max(0, Math.min(at, text.length));
  const end = Math.min(text.length, start + Math.max(0, removed));
  const delta = inserted.length - (end - start);
  const spans: Span[] = [];
  for (const span of mutant.spans) {
    let { start: s, end: e } = span;
    if (e <= start) {
      // before the edit
    } else if (s >= end) {
      s += delta;
      e += delta;
    } else {
      s = Math.min(s, start);
      e = e >= end ? e + delta : start + inserted.length;
    }
    if (e > s) spans.push({ start: s, end: e, type: span.type });
  }
  return { text: text.slice(0, start) + inserted + text.slice(end), spans };
}

/** A position: anywhere (`aim` even), or at or next to an edge of a labelled span. */
function position(mutant: Mutant, seed: number, aim: number): number {
  const { text, spans } = mutant;
  if (spans.length === 0 || aim % 2 === 0) return seed % (text.length + 1);
  const span = spans[seed % spans.length];
  const inside = span.start + ((seed >>> 4) % Math.max(1, span.end - span.start));
  const choices = [span.start, span.end, inside, span.start - 1, span.end + 1, span.start + 1, span.end - 1, inside];
  return Math.max(0, Math.min(text.length, choices[(aim >>> 1) % choices.length]));
}

/** Characters inserted by the plain insert edit: letters, digits, punctuation of values. */
const INSERTS = [...'aZx0159 .-,:;/@#+()_\'"!?=&%$*', 'é', 'ß', '€', '’', '—'];
/** What a space becomes. */
const SPACE_FORMS = ['\n', '\u00a0', '\t', '  ', '', '\r\n', '\u2028', '\u3000', '\u2009', ' \n', '\n\n', '\r'];
/** Default_Ignorable_Code_Point characters the normalised view deletes (see src/normalize.ts). */
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u200e', '\u200f', '\u202a', '\u202c', '\u202e', '\u2060', '\u2063', '\ufeff', '\ufe0f', '\u034f', '\u061c', '\udb40\udc20'];
/** Astral characters (and, rarely, half of one: a lone surrogate is input too). */
const ASTRAL = ['😀', '👩‍💻', '𝒜', '🇩🇪', '\ud835\udfce', '𐀀', '😀😀', '\ud83d', '\ude00'];
/** Combining marks: acute, diaeresis, cedilla, enclosing keycap, Devanagari virama. */
const COMBINING = ['\u0301', '\u0308', '\u0327', '\u20e3', '\u094d', '\u0301\u0301'];
/** Full-width forms the view folds back to ASCII. */
const FULL_WIDTH = ['＠', '．', '－', '：', '／', '＋', '（', '）'];

const CHAR_EDITS = 11;

/** One character edit of kind `kind` at a position drawn from `seed` and `aim`; `variant` picks what is inserted. */
function charEdit(mutant: Mutant, kind: number, seed: number, aim: number, variant: number): Mutant {
  const { text } = mutant;
  const at = position(mutant, seed, aim);
  switch (kind % CHAR_EDITS) {
    case 0:
      return splice(mutant, at, 0, INSERTS[variant % INSERTS.length]);
    case 1:
      return splice(mutant, at, 1, '');
    case 2:
      return splice(mutant, at, 0, text.slice(at, at + 1 + (variant % 3)));
    case 3:
      return at + 1 < text.length ? splice(mutant, at, 2, text[at + 1] + text[at]) : mutant;
    case 4: {
      // One character, or the whole word around `at`, in the other case (or all upper, all lower).
      if (variant % 2 === 0) {
        const char = text.charAt(at);
        const flipped = char === char.toUpperCase() ? char.toLowerCase() : char.toUpperCase();
        return flipped.length === 1 ? splice(mutant, at, 1, flipped) : mutant;
      }
      let start = at;
      let end = at;
      while (start > 0 && text.charCodeAt(start - 1) > 32) start--;
      while (end < text.length && text.charCodeAt(end) > 32) end++;
      const word = text.slice(start, end);
      const recased = variant % 4 === 1 ? word.toUpperCase() : word.toLowerCase();
      return recased.length === word.length ? splice(mutant, start, end - start, recased) : mutant;
    }
    case 5: {
      // The first space at or after `at` (or before it) becomes another separator.
      let space = text.indexOf(' ', at);
      if (space < 0) space = text.lastIndexOf(' ', at);
      return space < 0 ? mutant : splice(mutant, space, 1, SPACE_FORMS[variant % SPACE_FORMS.length]);
    }
    case 6: {
      // 1 to 6 invisibles: up to 4 the view deletes, longer runs stay (MAX_RUN of src/normalize.ts).
      let run = '';
      for (let count = 0; count <= variant % 6; count++) run += INVISIBLES[((variant >>> 3) + count * 7) % INVISIBLES.length];
      return splice(mutant, at, 0, run);
    }
    case 7: {
      // The first digit at or after `at` (wrapping round) in a look-alike form.
      for (let step = 0; step < text.length; step++) {
        const index = (at + step) % text.length;
        const code = text.charCodeAt(index);
        if (code >= 48 && code <= 57) return splice(mutant, index, 1, DIGIT_FORMS[variant % DIGIT_FORMS.length](code - 48));
      }
      return splice(mutant, at, 0, DIGIT_FORMS[variant % DIGIT_FORMS.length](variant % 10));
    }
    case 8:
      return splice(mutant, at, 0, ASTRAL[variant % ASTRAL.length]);
    case 9:
      return splice(mutant, at, 0, COMBINING[variant % COMBINING.length]);
    default: {
      // An ASCII '@ . - : / + ( )' in its full-width form, or one inserted.
      const index = text.slice(at).search(/[@.\-:/+()]/);
      if (index < 0) return splice(mutant, at, 0, FULL_WIDTH[variant % FULL_WIDTH.length]);
      const char = text.charAt(at + index);
      return splice(mutant, at + index, 1, String.fromCharCode(char.charCodeAt(0) + 0xfee0));
    }
  }
}

const CUT_SEPARATORS = [' ', '\n', '-', '. ', '', '\u200b', ', ', '\r\n', '  ', '/', '\t'];
const GLUE_WORDS = ['x', 'my', 'at', 'SSN', 'card', 'tel', 'the', '1', '42', 'Ref', '#', '_', 'é'];
const APPENDED = ['0', '7', '12', '123', '4111', 'x', 'abc', 'Z', 'st', '.5', '-1', '@x', 's', "'s", '%'];
const SPREAD_SEPARATORS = [' ', ' ', ' ', ' ', ' ', '-', '  ', '.', ' - ', '\u00a0'];
const SPAN_EDITS = 8;

/** One edit of a labelled span (a random stretch when the message has none). */
function spanEdit(mutant: Mutant, kind: number, seed: number, variant: number): Mutant {
  const { text, spans } = mutant;
  const span = spans.length > 0 ? spans[seed % spans.length] : { start: seed % (text.length + 1), end: Math.min(text.length, (seed % (text.length + 1)) + 1 + (variant % 12)) };
  const value = text.slice(span.start, span.end);
  const inside = span.start + 1 + ((seed >>> 3) % Math.max(1, span.end - span.start - 1));
  switch (kind % SPAN_EDITS) {
    case 0:
      return splice(mutant, inside, 0, CUT_SEPARATORS[variant % CUT_SEPARATORS.length]);
    case 1:
      return splice(mutant, span.end, 0, pick2(['', ' ', ', ', '\n', ' and '], variant) + value);
    case 2: {
      // Glued to the word before: the whitespace before it goes, or a word is stuck to it.
      let start = span.start;
      while (start > 0 && /\s/.test(text.charAt(start - 1))) start--;
      return start < span.start && variant % 2 === 0 ? splice(mutant, start, span.start - start, '') : splice(mutant, span.start, 0, GLUE_WORDS[variant % GLUE_WORDS.length]);
    }
    case 3: {
      let end = span.end;
      while (end < text.length && /\s/.test(text.charAt(end))) end++;
      return end > span.end && variant % 2 === 0 ? splice(mutant, span.end, end - span.end, '') : splice(mutant, span.end, 0, GLUE_WORDS[variant % GLUE_WORDS.length]);
    }
    case 4:
      return splice(mutant, span.end, 0, APPENDED[variant % APPENDED.length]);
    case 5: {
      // Spread one character apart ("4 1 1 1 ..."), the evasion spaced-digits detectors undo.
      // Dashes kept ("5 3 6 - 2 2 - 1 2 3 4") or dropped.
      const separator = SPREAD_SEPARATORS[variant % SPREAD_SEPARATORS.length];
      const kept = (variant >>> 3) % 2 === 0 ? [...value].filter((char) => char !== ' ') : [...value].filter((char) => char !== ' ' && char !== '-');
      return splice(mutant, span.start, value.length, kept.join(separator));
    }
    case 6: {
      // Moved to the end: the stream's end() decides it.
      const without = splice(mutant, span.start, value.length, '');
      return splice(without, without.text.length, 0, pick2([' ', '', '\n', ': '], variant) + value);
    }
    default: {
      const without = splice(mutant, span.start, value.length, '');
      return splice(without, 0, 0, value + pick2([' ', '', '\n', ', '], variant));
    }
  }
}

/**
 * The edit a detector's evasion variant undoes, applied first to most of its mutants: a value
 * spread one character apart for spaced-*, one space (or a point) inside it turned into a line
 * break for wrapped-* (without it, a fixture line holds no wrapped value at all), '@' and dots
 * spelled out for obfuscated-email.
 */
function focusEdit(detector: Detector, base: Mutant, seed: number, variant: number): Mutant {
  // Only the spans of the detector's type, when the message has some.
  const ofType = base.spans.filter((span) => span.type === detector.type);
  const mutant = ofType.length > 0 ? { text: base.text, spans: ofType } : base;
  const edited = focusEditOf(detector.name, mutant, seed, variant);
  return edited === mutant ? base : edited;
}

function focusEditOf(name: string, mutant: Mutant, seed: number, variant: number): Mutant {
  if (name.startsWith('spaced-')) return spanEdit(mutant, 5, seed, variant);
  if (name === 'obfuscated-email' && mutant.spans.length > 0) {
    // '@' and the dots after it spelled out ("jane at example dot com", "jane(at)example(dot)com").
    const span = mutant.spans[seed % mutant.spans.length];
    const value = mutant.text.slice(span.start, span.end);
    const [at, dot] = SPELLED[variant % SPELLED.length];
    const marker = value.indexOf('@');
    if (marker < 0) return mutant;
    const spelled = value.slice(0, marker) + at + value.slice(marker + 1).replace(/\./g, dot);
    return splice(mutant, span.start, value.length, spelled);
  }
  if (!name.startsWith('wrapped-') || mutant.spans.length === 0) return mutant;
  const span = mutant.spans[seed % mutant.spans.length];
  const breakAt = (variant >>> 1) % 2 === 0 ? '\n' : '\r\n';
  const spaces: number[] = [];
  for (let index = span.start + 1; index < span.end - 1; index++) if (mutant.text.charCodeAt(index) === 32) spaces.push(index);
  if (spaces.length > 0 && variant % 4 !== 3) return splice(mutant, spaces[(seed >>> 3) % spaces.length], 1, breakAt);
  return splice(mutant, span.start + 1 + ((seed >>> 3) % Math.max(1, span.end - span.start - 1)), 0, breakAt);
}

const SPELLED = [[' at ', ' dot '], ['(at)', '(dot)'], [' [at] ', ' [dot] '], [' AT ', ' DOT '], ['[at]', '.'], [' at ', '.'], ['{at}', '{dot}']];

const pick2 = (values: readonly string[], variant: number) => values[(variant >>> 2) % values.length];

const JOINS = [' ', '\n', '', '\r\n', '. ', ' | ', '\n\n'];

/** Splices with a second message `other`: head + tail, joined, or the message repeated. */
function spliceWith(mutant: Mutant, other: Mutant, kind: number, seed: number, variant: number, maxRepeat: number): Mutant {
  const joiner = JOINS[variant % JOINS.length];
  switch (kind % 4) {
    case 0: {
      const head = position(mutant, seed, variant);
      const tail = position(other, seed >>> 5, variant >>> 3);
      const kept = splice(mutant, head, mutant.text.length - head, '');
      return { text: kept.text + other.text.slice(tail), spans: [...kept.spans, ...other.spans.filter((span) => span.start >= tail).map((span) => ({ start: span.start - tail + head, end: span.end - tail + head }))] };
    }
    case 1:
      return concat(mutant, joiner, other);
    case 2:
      return concat(other, joiner, mutant);
    default: {
      let result = mutant;
      const times = 2 + (seed % Math.max(1, maxRepeat - 1));
      for (let count = 1; count < times; count++) result = concat(result, joiner, mutant);
      return result;
    }
  }
}

function concat(first: Mutant, joiner: string, second: Mutant): Mutant {
  const shift = first.text.length + joiner.length;
  return { text: first.text + joiner + second.text, spans: [...first.spans, ...second.spans.map((span) => ({ start: span.start + shift, end: span.end + shift }))] };
}

const nat4 = fc.tuple(fc.nat(), fc.nat(), fc.nat(), fc.nat());

/** `value` `weight` times in `weight + none`, null otherwise. */
const sometimes = <T>(value: fc.Arbitrary<T>, weight: number, none: number) => fc.oneof({ weight: none, arbitrary: fc.constant(null) }, { weight, arbitrary: value });

/** How a mutant is made: span edits, character edits, an optional splice, an optional truncation. */
const recipe = fc.record({
  replace: sometimes(fc.tuple(fc.nat(), plantedValue), 1, 3),
  spanEdits: fc.array(nat4, { maxLength: 2 }),
  charEdits: fc.oneof({ weight: 3, arbitrary: fc.array(nat4, { maxLength: 5 }) }, { weight: 1, arbitrary: fc.array(nat4, { maxLength: 16 }) }),
  recase: sometimes(fc.boolean(), 1, 12),
  splice: sometimes(fc.tuple(fc.nat(), fc.nat(), fc.nat()), 2, 3),
  truncate: sometimes(fc.nat(), 1, 3),
});

/**
 * Mutants of messages drawn from `pool` (a splice partner from the whole corpus), the splice
 * repeating a message at most `maxRepeat` times.
 */
function mutantOf(pool: fc.Arbitrary<Mutant>, maxRepeat = 20, focus?: Detector): fc.Arbitrary<Mutant> {
  const focused = sometimes(fc.tuple(fc.nat(), fc.nat()), 3, 1);
  return fc.tuple(pool, fc.constantFrom(...ALL), recipe, focused).map(([base, other, { replace, spanEdits, charEdits, recase, splice: joined, truncate }, focusing]) => {
    let mutant = base;
    if (replace !== null && mutant.spans.length > 0) {
      // A labelled value swapped for a fresh valid one (of its type or another) in the same context.
      const [seed, planted] = replace;
      const span = mutant.spans[seed % mutant.spans.length];
      mutant = splice(mutant, span.start, span.end - span.start, planted.value);
    }
    if (focusing !== null && focus !== undefined) mutant = focusEdit(focus, mutant, focusing[0], focusing[1]);
    for (const [kind, seed, variant] of spanEdits) mutant = spanEdit(mutant, kind, seed, variant);
    for (const [kind, seed, aim, variant] of charEdits) mutant = charEdit(mutant, kind, seed, aim, variant);
    if (recase !== null) {
      // The whole message shouted or lowered, where the length stays ('ß' would grow).
      const recased = recase ? mutant.text.toUpperCase() : mutant.text.toLowerCase();
      if (recased.length === mutant.text.length) mutant = { text: recased, spans: mutant.spans };
    }
    if (joined !== null) {
      const [kind, seed, variant] = joined;
      mutant = spliceWith(mutant, other, kind, seed, variant, maxRepeat);
    }
    if (truncate !== null) mutant = splice(mutant, position(mutant, truncate, truncate >>> 8), mutant.text.length, '');
    return mutant;
  });
}

/** Mostly labelled messages, then hard negatives, then everyday chat. */
const anyMessage = fc.oneof({ weight: 6, arbitrary: pick(POSITIVES) }, { weight: 2, arbitrary: pick(HARD_NEGATIVES) }, { weight: 1, arbitrary: pick(EVERYDAY) });
const mutant = (maxRepeat?: number) => mutantOf(anyMessage, maxRepeat);
/** Mutants mostly of the messages about `type`. */
const mutantAbout = (detector: Detector, maxRepeat = 20) => {
  const key = `${detector.name} ${maxRepeat}`;
  let made = ABOUT.get(key);
  if (made === undefined) {
    made = mutantOf(fc.oneof({ weight: 4, arbitrary: pick(poolOf(detector.type)) }, { weight: 1, arbitrary: anyMessage }), maxRepeat, detector);
    ABOUT.set(key, made);
  }
  return made;
};
const ABOUT = new Map<string, fc.Arbitrary<Mutant>>();

/** A conversation: 2 to 5 mutants joined by line breaks, spaces or nothing. */
const transcript = fc.tuple(fc.array(mutant(3), { minLength: 2, maxLength: 5 }), fc.array(pick(JOINS), { minLength: 4, maxLength: 4 })).map(([mutants, joins]) =>
  mutants.slice(1).reduce((joined, next, index) => concat(joined, joins[index], next), mutants[0]),
);

/**
 * A chunking of a mutant: random cut points, one code unit at a time, cuts at every edge of its
 * (edited) spans and one off them, or 2- to 5-unit LLM-token chunks.
 */
const chunkingOf = ({ text, spans }: Mutant) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.array(fc.nat({ max: Math.max(1, text.length) }), { maxLength: 12 }).map((points) => cut(text, points)) },
    { weight: 2, arbitrary: fc.constant([...text]) },
    { weight: 1, arbitrary: fc.integer({ min: -1, max: 1 }).map((shift) => cut(text, spans.flatMap((span) => [span.start + shift, span.end + shift]))) },
    { weight: 1, arbitrary: fc.integer({ min: 2, max: 5 }).map((size) => cut(text, Array.from({ length: Math.ceil(text.length / size) }, (_, index) => index * size))) },
  );

// ---------------------------------------------------------------------------------------------
// Checks.

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
const cutsPair = (text: string, index: number) => index > 0 && index < text.length && isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index));
/** Findings as sorted unique strings: duplicates are known and harmless (swift-bic, mac-address report one twice; the resolver keeps one). */
const describeFindings = (findings: readonly Finding[]) => [...new Set(findings.map((f) => `${f.type} ${f.start}-${f.end} ${f.score} ${f.category ?? ''}`))].sort();

/**
 * The pending promise of `detector` at every prefix of `text` (the rest of `text` being what is
 * appended), from 0 and from each of `froms` below the prefix's length: p in [from, length],
 * the findings starting in [from, p) are those of the whole text, and none ends after p; the
 * text held from 0 stays within twice the declared maxLength and lookbehind (plus 32), as
 * digits.fuzz.ts checks for the digit detectors.
 */
function keepsPromise(detector: Detector, text: string, froms: readonly number[]): void {
  const whole = findAll(detector, text);
  for (let length = 0; length <= text.length; length++) {
    const prefix = text.slice(0, length);
    // The pipeline never asks about text ending in half a surrogate pair (see Detector).
    if (isHigh(prefix.charCodeAt(length - 1))) continue;
    const ofPrefix = findAll(detector, prefix);
    for (const from of [0, ...froms.filter((from) => from > 0 && from <= length)]) {
      const p = detector.pending(prefix, from);
      const where = `${detector.name}.pending(${JSON.stringify(prefix)}, ${from}) = ${p}, whole text ${JSON.stringify(text)}`;
      expect(p >= from && p <= length, where).toBe(true);
      // Held text is bounded whatever the input: a generous multiple of what the detector declares.
      if (from === 0) expect(length - p, where).toBeLessThanOrEqual(2 * (detector.maxLength + detector.lookbehind) + 32);
      const decided = (f: Finding) => f.start >= from && f.start < p;
      expect(describeFindings(ofPrefix.filter(decided)), where).toEqual(describeFindings(whole.filter(decided)));
      for (const finding of whole) if (decided(finding)) expect(finding.end, where).toBeLessThanOrEqual(p);
    }
  }
}

/**
 * `find` from `from` reports exactly the findings of a scan from 0 that start at or after `from`,
 * also when the text begins only `lookbehind` code units before `from` (all a stream keeps of
 * what it emitted, when the detector runs alone).
 */
function findsSameFrom(detector: Detector, text: string, whole: readonly Finding[], from: number): void {
  if (from > 0 && isHigh(text.charCodeAt(from - 1)) && isLow(text.charCodeAt(from))) return; // never a scan start
  const expected = describeFindings(whole.filter((f) => f.start >= from));
  expect(describeFindings(findAll(detector, text, from)), `${detector.name}.find from ${from} of ${JSON.stringify(text)}`).toEqual(expected);
  const keep = Math.max(0, from - detector.lookbehind);
  if (keep === 0) return;
  const shifted = findAll(detector, text.slice(keep), from - keep).map((f) => ({ ...f, start: f.start + keep, end: f.end + keep }));
  expect(describeFindings(shifted), `${detector.name}.find from ${from - keep} of ${JSON.stringify(text.slice(keep))} (its lookbehind ${detector.lookbehind} before ${from} of ${JSON.stringify(text)})`).toEqual(expected);
}

/** Offsets worth starting a scan at: every span edge and its neighbours, and a few random ones. */
function edges(mutant: Mutant, seeds: readonly number[]): number[] {
  const at = new Set<number>();
  for (const span of mutant.spans) for (const edge of [span.start - 1, span.start, span.start + 1, span.end - 1, span.end, span.end + 1]) at.add(edge);
  for (const seed of seeds) at.add(seed % (mutant.text.length + 1));
  return [...at].filter((index) => index >= 0 && index <= mutant.text.length);
}

/** Up to 4 scan starts: for each seed, a span edge (or its neighbour) or a random offset. */
function someEdges(mutant: Mutant, seeds: readonly number[]): number[] {
  const all = edges(mutant, []);
  return seeds.map((seed) => (seed % 3 === 0 || all.length === 0 ? (seed >>> 2) % (mutant.text.length + 1) : all[(seed >>> 2) % all.length]));
}

/** How far the default detectors read context around a finding (street-address's words before, a DOB cue after). */
const CONTEXT_BEFORE = 160;
const CONTEXT_AFTER = 64;

const DETECTORS = defaultDetectors();
/** The opt-in detectors of `detectors.all()` (PERSON, national IDs, ...): more-ids.txt and person-dob.txt label their values. */
const OPT_IN = detectors.all().filter((detector) => !DETECTORS.some((other) => other.name === detector.name));
const REDACTORS: { name: string; redactor: Redactor }[] = [
  { name: 'label', redactor: createRedactor() },
  { name: 'mask', redactor: createRedactor({ operator: mask() }) },
  { name: 'label, normalize off', redactor: createRedactor({ normalize: false }) },
  { name: 'mask keepLast 4, normalize off', redactor: createRedactor({ operator: mask({ keepLast: 4 }), normalize: false }) },
];

describe('fuzz: mutated fixtures', () => {
  // Each property runs synchronously for seconds: without a turn of the event loop between them
  // the worker never reads vitest's RPC replies (see words.fuzz.ts).
  afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

  it('builds mutants in which each default detector finds something (the properties below are not vacuous)', () => {
    expect(POSITIVES.length).toBeGreaterThan(500);
    expect(HARD_NEGATIVES.length).toBeGreaterThan(100);
    const counts: Record<string, number> = {};
    const types = new Set<string>();
    for (const detector of DETECTORS) {
      const texts = fc.sample(mutantAbout(detector, 3), params(400)).map((m) => m.text);
      counts[detector.name] = texts.filter((text) => findAll(detector, text).length > 0).length;
      // With the whole default set too: every type survives overlap resolution somewhere.
      for (const text of texts) for (const finding of REDACTORS[0].redactor.find(text)) types.add(finding.type);
    }
    if (process.env.FUZZ_STATS) console.log(counts);
    for (const [name, hits] of Object.entries(counts)) expect(hits, name).toBeGreaterThan(name.startsWith('wrapped') || name.startsWith('spaced') || name.startsWith('obfuscated') ? 4 : 12);
    const optIn: Record<string, number> = {};
    for (const detector of OPT_IN) {
      const texts = fc.sample(mutantAbout(detector, 3), params(200)).map((m) => m.text);
      optIn[detector.name] = texts.filter((text) => findAll(detector, text).length > 0).length;
    }
    if (process.env.FUZZ_STATS) console.log(optIn);
    for (const [name, hits] of Object.entries(optIn)) expect(hits, name).toBeGreaterThan(3);
    expect([...types].sort()).toEqual([...new Set(DETECTORS.map((detector) => detector.type))].sort());
  });

  for (const { name, redactor } of REDACTORS) {
    it(`streams exactly like one-shot redaction (${name}), for random and 1-char chunkings`, () => {
      fc.assert(
        fc.property(fc.oneof({ weight: 3, arbitrary: mutant() }, { weight: 1, arbitrary: transcript }).chain((m) => fc.tuple(fc.constant(m.text), chunkingOf(m))), ([text, chunks]) => {
          expectStreamEquivalent(redactor, text, chunks);
        }),
        params(name === 'label' ? RUNS : RUNS / 2),
      );
    });
  }

  it('streams exactly like one-shot redaction with every detector (detectors.all()), for random and 1-char chunkings', () => {
    const redactors = [createRedactor({ detectors: detectors.all() }), createRedactor({ detectors: detectors.all(), operator: mask({ keepLast: 2 }), normalize: false })];
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: mutant() }, { weight: 1, arbitrary: transcript }).chain((m) => fc.tuple(fc.constant(m.text), chunkingOf(m))), fc.nat(1), ([text, chunks], which) => {
        expectStreamEquivalent(redactors[which], text, chunks);
      }),
      params(RUNS / 2),
    );
  });

  it('streams exactly like one-shot redaction with each detector alone (a stream keeps only its lookbehind as context)', () => {
    const all = [...DETECTORS, ...OPT_IN];
    const alone = all.flatMap((detector) => [false, true].map((normalize) => ({ detector, redactor: createRedactor({ detectors: [detector], normalize }) })));
    fc.assert(
      fc.property(
        fc.nat(alone.length - 1).chain((which) => fc.tuple(fc.constant(alone[which].redactor), mutantAbout(alone[which].detector)).chain(([redactor, m]) => fc.tuple(fc.constant(redactor), fc.constant(m.text), chunkingOf(m)))),
        ([redactor, text, chunks]) => expectStreamEquivalent(redactor, text, chunks),
      ),
      params(RUNS),
    );
  });

  it('streams exactly with values of the messages denied and allowed, a minimum score, and values included', () => {
    fc.assert(
      fc.property(
        fc.oneof({ weight: 3, arbitrary: mutant() }, { weight: 1, arbitrary: transcript }).chain((m) => fc.tuple(fc.constant(m), chunkingOf(m))),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.nat(3)), { minLength: 1, maxLength: 3 }),
        pick([0, 0, 0.5, 0.8, 0.95]),
        ([m, chunks], picks, minScore) => {
          // Literals cut from the mutant itself: a labelled value (or a stretch of it), so that
          // they occur, glued, cut and repeated; each either denied or allowed.
          const deny: string[] = [];
          const allow: string[] = [];
          for (const [which, offset, kind] of picks) {
            const span = m.spans.length > 0 ? m.spans[which % m.spans.length] : { start: which % (m.text.length + 1), end: Math.min(m.text.length, (which % (m.text.length + 1)) + 4) };
            const value = kind === 1 ? m.text.slice(span.start + (offset % Math.max(1, span.end - span.start)), span.end) : m.text.slice(span.start, span.end);
            if (value.length === 0) continue;
            (kind === 3 ? allow : deny).push(value);
          }
          const redactor = createRedactor({ deny, allow, minScore, includeValues: minScore > 0 });
          expectStreamEquivalent(redactor, m.text, chunks);
          expectStreamEquivalent(redactor, m.text, [...m.text]);
        },
      ),
      params(RUNS / 4),
    );
  });

  it('streams exactly when cut in two at every point (what a stream has released at any prefix is final)', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 3, arbitrary: mutant(4) }, { weight: 1, arbitrary: transcript }), fc.nat(REDACTORS.length - 1), (m, which) => {
        const { redactor } = REDACTORS[which];
        for (let at = 1; at < m.text.length; at++) expectStreamEquivalent(redactor, m.text, [m.text.slice(0, at), m.text.slice(at)]);
      }),
      params(RUNS / 8),
    );
  });

  for (const detector of DETECTORS) {
    it(`${detector.name} alone: keeps its pending promise at every prefix of a mutant`, () => {
      fc.assert(
        fc.property(mutantAbout(detector, 3), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (m, seeds) => {
          keepsPromise(detector, m.text, someEdges(m, seeds));
        }),
        params(RUNS / 8),
      );
    });
  }

  for (const detector of OPT_IN) {
    it(`${detector.name} (opt-in) alone: keeps its pending promise at every prefix of a mutant`, () => {
      fc.assert(
        fc.property(mutantAbout(detector, 3), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }), (m, seeds) => {
          keepsPromise(detector, m.text, someEdges(m, seeds));
        }),
        params(RUNS / 16),
      );
    });
  }

  it('every detector finds from any offset exactly what a scan from 0 reports there', () => {
    // Mutants about one detector at a time, so that rare values (dates of birth, secrets) come up.
    const all = [...DETECTORS, ...OPT_IN];
    fc.assert(
      fc.property(fc.nat(all.length - 1).chain((which) => mutantAbout(all[which], 6)), fc.array(fc.nat(), { maxLength: 4 }), (m, seeds) => {
        const around = edges(m, seeds);
        for (const detector of all) {
          const whole = findAll(detector, m.text);
          const offsets = new Set(around);
          for (const finding of whole) for (const at of [finding.start - 1, finding.start, finding.start + 1, finding.end]) offsets.add(at);
          for (const from of offsets) if (from >= 0 && from <= m.text.length) findsSameFrom(detector, m.text, whole, from);
        }
      }),
      params(RUNS / 4),
    );
  });

  it('one-shot spans are in range, sorted, disjoint and keep surrogate pairs whole; label and mask agree; a second pass finds nothing far from a label', () => {
    const [labelled, masked, labelledRaw] = REDACTORS.map(({ redactor }) => redactor);
    fc.assert(
      fc.property(mutant(), (m) => {
        const where = JSON.stringify(m.text);
        const once = labelled.redact(m.text);
        expect(once.error, where).toBeUndefined();
        expectLabelledSpans(m.text, once.text, once.findings);
        for (const finding of [...once.findings, ...labelledRaw.redact(m.text).findings]) {
          expect(cutsPair(m.text, finding.start) || cutsPair(m.text, finding.end), `${where}: ${finding.type} ${finding.start}-${finding.end} cuts a surrogate pair`).toBe(false);
        }
        expectLabelledSpans(m.text, labelledRaw.redact(m.text).text, labelledRaw.redact(m.text).findings);
        expect(masked.redact(m.text).findings, where).toEqual(once.findings);
        expect(labelled.find(m.text), where).toEqual(once.findings);
        expectSecondPassNearLabels(labelled, m.text, CONTEXT_BEFORE, CONTEXT_AFTER);
      }),
      params(RUNS),
    );
  });
});
