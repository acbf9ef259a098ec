import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createRedactor,
  defaultDetectors,
  hash,
  label,
  mask,
  PiiveilError,
  remove,
  type Detector,
  type EntityType,
  type Finding,
  type Operator,
  type OperatorFunction,
  type Redactor,
  type RedactorOptions,
} from '../../src/index.js';
import { normalizeText } from '../../src/normalize.js';
import { createPipeline } from '../../src/pipeline.js';
import { expectPendingContract } from '../helpers/pending.js';
import { cut } from '../helpers/stream.js';
import { plantedValue } from '../helpers/values.js';
import { params, RUNS } from '../helpers/fuzz-runs.js';

/**
 * Fuzzing the options of `createRedactor` under streaming, which the other fuzz files leave at
 * their defaults: `deny` (overlapping literals, prefixes of each other, spaces, '\n', non-ASCII,
 * surrogates, invisibles, literals inside a detector's finding), `allow` (a finding's exact text
 * and near misses), `minScore` around the scores detectors give, `operators` per type mixed with
 * a default `operator` (functions that record every call, return '' or text that looks like PII
 * or a label, or run the same redactor again), `includeValues`, `normalize: false`, `onError`
 * with a detector or operator that throws, a small `maxInputLength`, and detectors a user writes
 * (a toy `ORDER-1234` one and one that reads a context word through its `lookbehind`).
 *
 * The guarantee checked everywhere is README "Streaming": for every chunking the stream gives
 * the one-shot text and findings, and (checked here) calls the operators with the same findings,
 * in whole-stream offsets, in the same order; failing closed emits only a prefix of the output.
 *
 * FUZZ_RUNS sets the runs per property (default 2000); FC_SEED a fixed seed (the fuzz config
 * loads no setup file, so without it every run explores a new seed, printed on failure).
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

// ---------------------------------------------------------------------------------------------
// Detectors a user writes (src/types.ts `Detector`), with a correct `pending`.

const isDigit = (code: number) => code >= 48 && code <= 57; // '0'..'9'
const isAlnum = (code: number) => isDigit(code) || ((code | 0x20) >= 97 && (code | 0x20) <= 122);

const ORDER_PREFIX = 'ORDER-';
const ORDER_MIN_DIGITS = 4;
const ORDER_MAX_DIGITS = 8;

/**
 * `ORDER-` and 4 to 8 digits, not glued to a letter or digit before it nor to a digit after it
 * (a ninth digit makes it no order number at all). Score 0.6: under most `minScore` values.
 */
function orderNumber(): Detector {
  return {
    name: 'order-number',
    type: 'ORDER',
    maxLength: ORDER_PREFIX.length + ORDER_MAX_DIGITS,
    lookbehind: 1,
    find(scan, out) {
      const text = scan.text;
      for (let at = text.indexOf(ORDER_PREFIX, scan.from); at >= 0; at = text.indexOf(ORDER_PREFIX, at + 1)) {
        if (at > 0 && isAlnum(text.charCodeAt(at - 1))) continue;
        let end = at + ORDER_PREFIX.length;
        while (end < text.length && end - at <= ORDER_PREFIX.length + ORDER_MAX_DIGITS && isDigit(text.charCodeAt(end))) end++;
        const digits = end - at - ORDER_PREFIX.length;
        if (digits >= ORDER_MIN_DIGITS && digits <= ORDER_MAX_DIGITS && !isDigit(text.charCodeAt(end))) {
          out.push({ type: 'ORDER', start: at, end, score: 0.6, detector: 'order-number' });
        }
      }
    },
    pending(text, from) {
      // Trailing digits (at most 8 of them matter) after 'ORDER-' may still grow: hold from 'O'.
      let digitsFrom = text.length;
      while (digitsFrom > 0 && text.length - digitsFrom <= ORDER_MAX_DIGITS && isDigit(text.charCodeAt(digitsFrom - 1))) digitsFrom--;
      if (text.length - digitsFrom <= ORDER_MAX_DIGITS && text.endsWith(ORDER_PREFIX, digitsFrom)) return Math.max(from, digitsFrom - ORDER_PREFIX.length);
      if (digitsFrom < text.length) return text.length;
      // A trailing proper prefix of 'ORDER-' may still become one.
      for (let length = Math.min(ORDER_PREFIX.length - 1, text.length); length > 0; length--) {
        if (text.endsWith(ORDER_PREFIX.slice(0, length))) return Math.max(from, text.length - length);
      }
      return text.length;
    },
  };
}

const MEMBER_WORD = 'member';
const MEMBER_WINDOW = 16;
const MEMBER_DIGITS = 6;

/**
 * Exactly six digits (no digit on either side) with the word `member` in the 16 code units before
 * them: the detector reads that context through `lookbehind`, so a stream must keep it. 0.7.
 */
function memberId(): Detector {
  return {
    name: 'member-id',
    type: 'MEMBER_ID',
    maxLength: MEMBER_DIGITS,
    lookbehind: MEMBER_WINDOW,
    find(scan, out) {
      const text = scan.text;
      for (let at = scan.from; at < text.length; at++) {
        if (!isDigit(text.charCodeAt(at))) continue;
        let end = at;
        while (end < text.length && isDigit(text.charCodeAt(end))) end++;
        const glued = at > 0 && isDigit(text.charCodeAt(at - 1));
        if (!glued && end - at === MEMBER_DIGITS && text.slice(Math.max(0, at - MEMBER_WINDOW), at).includes(MEMBER_WORD)) {
          out.push({ type: 'MEMBER_ID', start: at, end, score: 0.7, detector: 'member-id' });
        }
        at = end - 1;
      }
    },
    pending(text, from) {
      // A trailing run of at most six digits may still grow to six or past it.
      let digitsFrom = text.length;
      while (digitsFrom > 0 && text.length - digitsFrom <= MEMBER_DIGITS && isDigit(text.charCodeAt(digitsFrom - 1))) digitsFrom--;
      return text.length - digitsFrom <= MEMBER_DIGITS ? Math.max(from, digitsFrom) : text.length;
    },
  };
}

const BOOM = 'BOOM';

/** Throws where it would find `BOOM`; holds a trailing prefix of it, like a well-behaved detector. */
function exploding(): Detector {
  return {
    name: 'exploding',
    type: 'TEST',
    maxLength: BOOM.length,
    lookbehind: 0,
    find(scan) {
      if (scan.text.indexOf(BOOM, scan.from) >= 0) throw new Error(`found ${BOOM} in ${scan.text}`);
    },
    pending(text, from) {
      for (let length = Math.min(BOOM.length - 1, text.length); length > 0; length--) {
        if (text.endsWith(BOOM.slice(0, length))) return Math.max(from, text.length - length);
      }
      return text.length;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Texts: valid values, the toys' values, deny-list material, hard negatives and noise.

const FIXED_VALUES = [
  'jane.doe@example.com', 'bob@corp.io', '4111 1111 1111 1111', '536-22-1234', 'ssn: 536221234', 'tel 5550199',
  '(212) 555-0199', '12 Main Street', 'diagnosed with diabetes', 'born on 01/02/1990', '192.168.1.20', 'DE89 3704 0044 0532 0130 00',
  'jane dot doe at gmail dot com', 'AKIAIOSFODNN7EXAMPLE', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1',
];
const TOY_VALUES = ['ORDER-1234', 'ORDER-12345678', 'ORDER-123', 'ORDER-123456789', 'xORDER-1234', 'ORDER-', 'ORD', MEMBER_WORD, 'member 123456', 'member no. 654321', '1234567', '123456'];
/** Deny-list literals: prefixes and suffixes of each other, spaces, '\n', non-ASCII, surrogates, invisibles, look-alikes. */
const DENY_VOCABULARY = [
  'ab', 'abc', 'bc', 'b', 'a b', 'x\ny', 'Falcon', 'Project Falcon', 'Project', '--', 'é', 'e\u0301', '😀', '\ud83d', '\ude00', '𝒜',
  '٤١', '41', 'ＡＢ', 'a\u200bb', '\u200b', 'x\u2013y', 'jane', 'doe@', '1111', '555', 'Main', 'ORDER', '[EMAIL]', 'mask',
];
const NEGATIVES = ['order #12345678', '$1,234.56', 'v1.2.3', '10:30', '4111 1111 1111 1112', '000-00-0000', '2026', 'at home', '[EMAIL]', '[DENY]', '***'];
const NOISE = ['\u200b', '\u200b\u200b\u200b\u200b', '\u200b'.repeat(5), '\u00ad', '\u2013', '４', '٤', '𝟒', '＠', '\ud835', '\udfce', '🙂', 'e\u0301', 'مرحبا', '\u202e', '\r\n'];
const SEPARATORS = [' ', ' ', ' ', '', '\n', ', ', '. ', ': ', '\t', '(', ')', '"', '/', '\u00a0'];

/** `member` and six digits with runs of invisibles between: in the view, the word is nearer than in the text. */
const memberEvaded = fc
  .tuple(fc.array(pick([' ', '\u200b\u200b\u200b\u200b', '\u00ad\u00ad', '\u200b']), { maxLength: 8 }), fc.integer({ min: 0, max: 999999 }))
  .map(([gap, number]) => `${MEMBER_WORD}${gap.join('')}${String(number).padStart(MEMBER_DIGITS, '0')}`);

const piece = fc.oneof(
  { weight: 4, arbitrary: plantedValue.map((planted) => planted.value) },
  { weight: 2, arbitrary: memberEvaded },
  { weight: 3, arbitrary: pick(FIXED_VALUES) },
  { weight: 3, arbitrary: pick(TOY_VALUES) },
  { weight: 3, arbitrary: pick(DENY_VOCABULARY) },
  { weight: 2, arbitrary: pick(NEGATIVES) },
  { weight: 2, arbitrary: pick(NOISE) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abcORDEmr0123456789@.- '), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);

const textOf = (max: number) =>
  fc.array(fc.tuple(piece, pick(SEPARATORS)), { minLength: 1, maxLength: max }).map((parts) => parts.map(([value, separator]) => value + separator).join(''));

const randomCuts = (text: string, points: readonly number[]) => cut(text, points.map((point) => point % (text.length + 1)));

// ---------------------------------------------------------------------------------------------
// Option combinations. Each is a recipe; `build` makes the options with every operator call
// recorded in `log`, so one-shot and streamed redaction can be compared call by call.

type OperatorKind = 'label' | 'mask' | 'keepLast' | 'remove' | 'hash' | 'empty' | 'long' | 'pii' | 'labelish';
const OPERATOR_KINDS: readonly OperatorKind[] = ['label', 'mask', 'keepLast', 'remove', 'hash', 'empty', 'long', 'pii', 'labelish'];
const TYPES: readonly EntityType[] = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'IBAN', 'STREET_ADDRESS', 'HEALTH', 'DATE_OF_BIRTH', 'SECRET', 'URL', 'DENY', 'ORDER', 'MEMBER_ID', 'CODE'];
/** The scores the detectors give (0.6 order, 0.65 phone with context, 0.7 member, 0.8, 0.85 ... 1 deny) and the values around them. */
const MIN_SCORES = [0, 0, 0, 0.5, 0.6, 0.61, 0.65, 0.66, 0.7, 0.71, 0.8, 0.85, 0.86, 0.9, 0.95, 0.97, 0.99, 1];

interface DenyPick {
  readonly literal?: string;
  /** Where a substring of the text starts (modulo its length) and how long it is. */
  readonly at: number;
  readonly length: number;
  readonly shift: -1 | 0 | 1;
  readonly type: 'string' | 'DENY' | 'EMAIL' | 'CODE' | 'none';
}

interface Recipe {
  readonly detectors: 'default' | 'default+toys' | 'toys' | 'email+toys' | 'deny only';
  readonly operator: OperatorKind;
  readonly operators: readonly (readonly [EntityType, OperatorKind])[];
  readonly deny: readonly DenyPick[];
  /** Findings (by index modulo their count) whose text is allowed, exactly or as a near miss. */
  readonly allow: readonly (readonly [number, 'exact' | 'shorter' | 'longer' | 'case'])[];
  readonly minScore: number;
  readonly includeValues: boolean;
  readonly normalize: boolean;
  /** Every operator first runs the same redactor (on ''), as an operator logging through it would. */
  readonly reenter: boolean;
}

const denyPick: fc.Arbitrary<DenyPick> = fc.record({
  literal: fc.option(pick(DENY_VOCABULARY), { nil: undefined }),
  at: fc.nat(),
  length: fc.oneof({ weight: 4, arbitrary: fc.integer({ min: 1, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 13, max: 80 }) }),
  shift: pick([-1, 0, 1] as const),
  type: pick(['string', 'string', 'DENY', 'EMAIL', 'CODE', 'none'] as const),
});

const recipe: fc.Arbitrary<Recipe> = fc.record({
  detectors: pick(['default', 'default+toys', 'default+toys', 'toys', 'email+toys', 'deny only'] as const),
  operator: pick(OPERATOR_KINDS),
  operators: fc.array(fc.tuple(pick(TYPES), pick(OPERATOR_KINDS)), { maxLength: 4 }),
  deny: fc.array(denyPick, { maxLength: 5 }),
  allow: fc.array(fc.tuple(fc.nat(), pick(['exact', 'exact', 'shorter', 'longer', 'case'] as const)), { maxLength: 3 }),
  minScore: pick(MIN_SCORES),
  includeValues: fc.boolean(),
  normalize: fc.boolean(),
  reenter: fc.boolean(),
});

/** What an operator was called with: the value and every field of the finding. */
type Call = readonly [string, Finding];

function detectorsOf(kind: Recipe['detectors']): Detector[] {
  switch (kind) {
    case 'default':
      return defaultDetectors();
    case 'default+toys':
      return [...defaultDetectors(), orderNumber(), memberId()];
    case 'toys':
      return [orderNumber(), memberId()];
    case 'deny only':
      return [];
    default:
      return [...defaultDetectors().filter((detector) => detector.name === 'email'), orderNumber(), memberId()];
  }
}

/** The deny entries of `picks`: literals, and substrings of `text` (overlapping ones too). */
function denyEntries(picks: readonly DenyPick[], text: string): RedactorOptions['deny'] {
  const entries: (string | { value: string; type?: EntityType })[] = [];
  for (const choice of picks) {
    let value = choice.literal;
    if (value === undefined) {
      if (text.length === 0) continue;
      const start = Math.max(0, (choice.at % text.length) + choice.shift);
      value = text.slice(start, start + choice.length);
      if (value.length === 0) continue;
    }
    entries.push(choice.type === 'string' ? value : choice.type === 'none' ? { value } : { value, type: choice.type });
  }
  return entries;
}

/**
 * Builds the options of `recipe` for `text`, each operator wrapped so that it records its calls
 * in `log`. `holder.redactor` is the redactor a `reenter` operator runs again.
 */
function build(recipe: Recipe, text: string, log: Call[], holder: { redactor?: Redactor }, extra: Partial<RedactorOptions> = {}): RedactorOptions {
  const operatorOf = (kind: OperatorKind): Operator => {
    const inner: OperatorFunction = (() => {
      switch (kind) {
        case 'label': return label().apply;
        case 'mask': return mask().apply;
        case 'keepLast': return mask({ keepLast: 4 }).apply;
        case 'remove': return remove().apply;
        case 'hash': return hash({ secret: 'options-fuzz-secret-0123456789' }).apply;
        case 'empty': return () => '';
        case 'long': return (value: string) => `<<${value.length}:${'#'.repeat(value.length * 3)}>>`;
        case 'pii': return () => 'jane.doe@example.com 4111 1111 1111 1111 ORDER-1234';
        case 'labelish': return (_value: string, finding: Finding) => `[${finding.type}]`;
      }
    })();
    return {
      name: kind,
      apply(value, finding) {
        log.push([value, { ...finding }]);
        if (recipe.reenter) holder.redactor?.redact('');
        return inner(value, finding);
      },
    };
  };
  const operators: Partial<Record<EntityType, Operator>> = {};
  for (const [type, kind] of recipe.operators) operators[type] = operatorOf(kind);
  return {
    detectors: detectorsOf(recipe.detectors),
    operator: operatorOf(recipe.operator),
    operators,
    deny: denyEntries(recipe.deny, text),
    minScore: recipe.minScore,
    includeValues: recipe.includeValues,
    normalize: recipe.normalize,
    ...extra,
  };
}

/** The allow-list of `recipe`: texts of findings of `text` under `options`, exactly or nearly. */
function allowList(recipe: Recipe, text: string, options: RedactorOptions): string[] {
  if (recipe.allow.length === 0) return [];
  const findings = createRedactor({ ...options, operator: label(), operators: {} }).find(text);
  if (findings.length === 0) return [];
  return recipe.allow.map(([index, kind]) => {
    const finding = findings[index % findings.length];
    const value = text.slice(finding.start, finding.end);
    if (kind === 'shorter') return value.slice(1);
    if (kind === 'longer') return text.slice(finding.start, finding.end + 1);
    return kind === 'case' ? value.toUpperCase() : value;
  });
}

interface Built {
  readonly redactor: Redactor;
  readonly log: Call[];
  readonly options: RedactorOptions;
}

/** A redactor of `recipe` for `text` with its own call log. */
function redactorFor(recipe: Recipe, text: string, extra: Partial<RedactorOptions> = {}): Built {
  const log: Call[] = [];
  const holder: { redactor?: Redactor } = {};
  const base = build(recipe, text, log, holder, extra);
  // The allow-list is read from findings of the text without a length limit.
  const options = { ...base, allow: allowList(recipe, text, { ...base, maxInputLength: undefined }) };
  const redactor = createRedactor(options);
  holder.redactor = redactor;
  return { redactor, log, options };
}

/** Streams `chunks`; returns output, findings and the operator calls the stream made. */
function streamed(built: Built, chunks: readonly string[]) {
  const from = built.log.length;
  const stream = built.redactor.stream();
  let text = '';
  for (const chunk of chunks) text += stream.push(chunk);
  text += stream.end();
  return { text, findings: stream.findings, calls: built.log.slice(from) };
}

/** The text detectors scan: the normalised view unless normalisation is off. */
const viewOf = (text: string, normalize: boolean) => (normalize ? (normalizeText(text)?.text ?? text) : text);

/** Counts of what the generated cases exercised, checked after each property (none is vacuous). */
const seen = new Map<string, number>();
const count = (what: string, yes = true) => {
  if (yes) seen.set(what, (seen.get(what) ?? 0) + 1);
};
const expectSeen = (...whats: string[]) => {
  for (const what of whats) expect(seen.get(what) ?? 0, `no generated case had ${what}`).toBeGreaterThan(0);
};

// ---------------------------------------------------------------------------------------------

describe('fuzz: redactor options under streaming', () => {
  it('streams like one-shot with random options: same text, findings and operator calls, for random and 1-char chunkings; find equals redact', () => {
    fc.assert(
      fc.property(recipe, textOf(10), fc.array(fc.nat(), { maxLength: 12 }), (config, text, points) => {
        const built = redactorFor(config, text);
        const oneShot = built.redactor.redact(text);
        const oneShotCalls = built.log.slice();
        const where = `${JSON.stringify(text)} with ${JSON.stringify({ ...built.options, detectors: config.detectors })}`;
        expect(oneShot.error, where).toBeUndefined();
        // Operators see each finding of the result once, in order, with its text.
        expect(oneShotCalls.map(([value, finding]) => [value, finding.start, finding.end, finding.type]), where).toEqual(
          oneShot.findings.map((finding) => [text.slice(finding.start, finding.end), finding.start, finding.end, finding.type]),
        );
        for (const finding of oneShot.findings) {
          expect(finding.score, where).toBeGreaterThanOrEqual(config.minScore);
          expect(built.options.allow?.includes(text.slice(finding.start, finding.end)), where).toBe(false);
          if (config.includeValues) expect(finding.value, where).toBe(text.slice(finding.start, finding.end));
          else expect('value' in finding, where).toBe(false);
          count(`a finding of ${finding.detector}`);
        }
        count('an allowed value dropped', (built.options.allow ?? []).some((value) => text.includes(value)));
        count('a finding under minScore dropped', config.minScore > 0 && createRedactor({ ...built.options, minScore: 0, allow: [] }).find(text).some((finding) => finding.score < config.minScore));
        expect(built.redactor.find(text), where).toEqual(oneShot.findings);

        for (const chunks of [randomCuts(text, points), [...text]]) {
          const result = streamed(built, chunks);
          const at = `${where}, chunking ${JSON.stringify(chunks)}`;
          expect(result.text, at).toBe(oneShot.text);
          expect(result.findings, at).toEqual(oneShot.findings);
          expect(result.calls, at).toEqual(oneShotCalls);
        }
      }),
      params(RUNS),
    );
    expectSeen('a finding of deny-list', 'a finding of member-id', 'a finding of order-number', 'a finding of email', 'an allowed value dropped', 'a finding under minScore dropped');
  });

  it('operators that run the same redactor again (a logging hook) leave the stream exact, context words cut off by a release included', () => {
    // A finding released together with a context word whose number is still to come: the
    // stream must keep the word as context, whatever the operator of that finding does.
    const lead = pick(['ORDER-1234', 'Falcon', 'jane.doe@example.com', '536-22-1234']);
    // Runs of invisibles split by spaces, so that none grows past MAX_RUN: far in the text, near in the view.
    const wideGap = fc.array(pick([' \u200b\u200b\u200b\u200b', ' \u00ad\u00ad', ' ', ' \u200b']), { minLength: 2, maxLength: 6 }).map((gap) => gap.join(''));
    fc.assert(
      fc.property(recipe, lead, pick(SEPARATORS), wideGap, fc.integer({ min: 0, max: 999999 }), textOf(3), fc.array(fc.nat(), { maxLength: 4 }), (config, first, separator, gap, number, rest, points) => {
        const head = `${first}${separator}${MEMBER_WORD}${gap}`;
        const text = `${head}${String(number).padStart(MEMBER_DIGITS, '0')} ${rest}`;
        const built = redactorFor({ ...config, reenter: true, deny: [{ literal: 'Falcon', at: 0, length: 1, shift: 0, type: 'string' }, ...config.deny] }, text);
        const oneShot = built.redactor.redact(text);
        const calls = built.log.slice();
        count('a member number in a reentrant case', oneShot.findings.some((finding) => finding.type === 'MEMBER_ID'));
        for (const chunks of [cut(text, [head.length, ...points.map((point) => point % (text.length + 1))]), [head, text.slice(head.length)]]) {
          const result = streamed(built, chunks);
          const where = `${JSON.stringify(chunks)} with ${JSON.stringify({ ...built.options, detectors: config.detectors })}`;
          expect(result.text, where).toBe(oneShot.text);
          expect(result.findings, where).toEqual(oneShot.findings);
          expect(result.calls, where).toEqual(calls);
        }
      }),
      params(RUNS / 4),
    );
    expectSeen('a member number in a reentrant case');
  });

  it('two streams and one-shot calls of one redactor, interleaved, each give their own one-shot result', () => {
    fc.assert(
      fc.property(recipe, textOf(8), textOf(8), fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat({ max: 2 }), { maxLength: 40 }), (config, first, second, pointsA, pointsB, schedule) => {
        const built = redactorFor(config, first + second);
        const { redactor } = built;
        const expected = [redactor.redact(first), redactor.redact(second)];
        const chunks = [randomCuts(first, pointsA), randomCuts(second, pointsB)];
        const streams = [redactor.stream(), redactor.stream()];
        const outputs = ['', ''];
        const next = [0, 0];
        const step = (which: number) => {
          if (next[which] < chunks[which].length) outputs[which] += streams[which].push(chunks[which][next[which]++]);
        };
        for (const turn of schedule) {
          if (turn === 2) redactor.redact(first.slice(0, 7) + second);
          else step(turn);
        }
        for (const which of [0, 1]) {
          while (next[which] < chunks[which].length) step(which);
          outputs[which] += streams[which].end();
        }
        const where = `${JSON.stringify([first, second])} with ${JSON.stringify({ ...built.options, detectors: config.detectors })}`;
        expect(outputs, where).toEqual(expected.map((result) => result.text));
        expect(streams.map((stream) => stream.findings), where).toEqual(expected.map((result) => result.findings));
      }),
      params(RUNS / 4),
    );
  });

  it("the deny-list detector keeps its pending promise at every prefix, whatever its literals", () => {
    fc.assert(
      fc.property(fc.array(denyPick, { minLength: 1, maxLength: 6 }), textOf(6), (picks, text) => {
        const entries = denyEntries(picks, text) ?? [];
        if (entries.length === 0) return;
        const [deny] = createPipeline({ detectors: [], deny: entries }, () => []).detectors;
        expect(deny.name).toBe('deny-list');
        // The pipeline never passes text ending in the first half of a surrogate pair (src/types.ts).
        const whole = (text.charCodeAt(text.length - 1) & 0xfc00) === 0xd800 ? text.slice(0, -1) : text;
        expectPendingContract(deny, whole);
      }),
      params(RUNS / 4),
    );
  });

  it('the toy detectors keep their pending promise (so the properties above test the engine, not them)', () => {
    fc.assert(
      fc.property(textOf(8), (text) => {
        for (const detector of [orderNumber(), memberId(), exploding()]) expectPendingContract(detector, text);
      }),
      params(RUNS / 4),
    );
  });
});

describe('fuzz: failing closed with options (README "Fail closed")', () => {
  type Bomb =
    | { readonly kind: 'detector' }
    | { readonly kind: 'nth'; readonly method: 'find' | 'pending'; readonly k: number }
    | { readonly kind: 'call'; readonly k: number }
    | { readonly kind: 'value'; readonly value: string };
  const bomb: fc.Arbitrary<Bomb> = fc.oneof(
    fc.constant({ kind: 'detector' as const }),
    fc.tuple(pick(['find', 'pending'] as const), fc.integer({ min: 1, max: 6 })).map(([method, k]) => ({ kind: 'nth' as const, method, k })),
    fc.integer({ min: 1, max: 4 }).map((k) => ({ kind: 'call' as const, k })),
    pick(['@', '1', 'ORDER', 'member', 'a', ' ']).map((value) => ({ kind: 'value' as const, value })),
  );
  const textWithBomb = fc.tuple(textOf(8), fc.nat(), fc.boolean()).map(([text, at, planted]) => {
    const k = at % (text.length + 1);
    return planted ? text.slice(0, k) + BOOM + text.slice(k) : text;
  });

  /** The error messages of src/pipeline.ts with the names of this file's detectors and operators. */
  const SAFE_MESSAGE = /^(?:Detector "(?:exploding|flaky)" threw while (?:scanning|checking pending text)|Operator "bomb" threw on a [A-Z_]+ finding at \d+-\d+)$/;

  /** A detector that throws on its k-th call of `method`: a stream calls them more often than one-shot redaction. */
  const flaky = (method: 'find' | 'pending', k: number): Detector => {
    let calls = 0;
    return {
      name: 'flaky',
      type: 'TEST',
      maxLength: 1,
      lookbehind: 0,
      find(scan) {
        if (method === 'find' && ++calls === k) throw new Error(`failed on ${scan.text}`);
      },
      pending(text) {
        if (method === 'pending' && ++calls === k) throw new Error(`failed on ${text}`);
        return text.length;
      },
    };
  };

  /** Throws on the k-th operator call, or on a value holding the given text: as a buggy user operator would. */
  const bombed = (inner: Operator | OperatorFunction | undefined, trigger: Bomb, calls: { n: number }): Operator => {
    const apply = inner === undefined ? label().apply : typeof inner === 'function' ? inner : inner.apply;
    return {
      name: 'bomb',
      apply(value, finding) {
        calls.n++;
        if ((trigger.kind === 'call' && calls.n === trigger.k) || (trigger.kind === 'value' && value.includes(trigger.value))) throw new Error(`operator failed on ${value}`);
        return apply(value, finding);
      },
    };
  };

  for (const onError of ['mask', 'throw'] as const) {
    it(`onError '${onError}': one-shot gives the fallback or throws, a stream throws a PiiveilError quoting no text, every later call throws it, and only a prefix of the safe output left`, () => {
      fc.assert(
        fc.property(recipe, textWithBomb, bomb, fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (config, text, trigger, points, single) => {
          const safe = redactorFor(config, text);
          const expected = safe.redactor.redact(text);
          const make = () => {
            const calls = { n: 0 };
            const built = redactorFor(config, text, { onError, fallbackText: '<gone>' });
            const options: RedactorOptions =
              trigger.kind === 'detector' || trigger.kind === 'nth'
                ? { ...built.options, detectors: [...(built.options.detectors ?? []), trigger.kind === 'nth' ? flaky(trigger.method, trigger.k) : exploding()] }
                : {
                    ...built.options,
                    operator: bombed(built.options.operator, trigger, calls),
                    operators: Object.fromEntries(Object.entries(built.options.operators ?? {}).map(([type, operator]) => [type, bombed(operator, trigger, calls)])),
                  };
            return createRedactor(options);
          };
          // Whether one-shot redaction fails (it calls each detector's find once, never pending).
          const fails =
            trigger.kind === 'detector' ? viewOf(text, config.normalize).includes(BOOM)
            : trigger.kind === 'nth' ? trigger.method === 'find' && trigger.k === 1
            : trigger.kind === 'call' ? expected.findings.length >= trigger.k
            : expected.findings.some((finding) => text.slice(finding.start, finding.end).includes(trigger.value));
          const code = trigger.kind === 'detector' || trigger.kind === 'nth' ? 'DETECTOR_FAILED' : 'OPERATOR_FAILED';
          const where = `${JSON.stringify(text)} bomb ${JSON.stringify(trigger)}`;
          count(`a ${code} case`, fails);
          // A message is one of the pipeline's templates, naming our detector or operator, a type and offsets: no room for text.
          const quotes = (message: string) => !SAFE_MESSAGE.test(message);

          const redactor = make();
          if (onError === 'mask') {
            const result = redactor.redact(text);
            if (fails) {
              expect(result, where).toEqual({ text: '<gone>', findings: [], error: { code, message: expect.any(String) } });
              expect(quotes(result.error!.message), `${where}: ${result.error!.message}`).toBe(false);
            } else expect(result, where).toEqual(expected);
          } else if (fails) {
            let thrown: unknown;
            try {
              redactor.redact(text);
            } catch (error) {
              thrown = error;
            }
            expect(thrown, where).toBeInstanceOf(PiiveilError);
            expect((thrown as PiiveilError).code, where).toBe(code);
            expect(quotes((thrown as PiiveilError).message), `${where}: ${(thrown as PiiveilError).message}`).toBe(false);
          } else expect(redactor.redact(text), where).toEqual(expected);

          const stream = make().stream();
          let out = '';
          let failure: unknown;
          for (const chunk of [...(single ? [...text] : randomCuts(text, points)), undefined]) {
            try {
              out += chunk === undefined ? stream.end() : stream.push(chunk);
            } catch (error) {
              failure = error;
              break;
            }
          }
          // A flaky detector may fail a stream (more calls) where one-shot redaction did not.
          if (failure === undefined) {
            expect(fails, where).toBe(false);
            expect(out, where).toBe(expected.text);
            return;
          }
          if (trigger.kind === 'nth') count('a stream failed by a flaky detector', !fails);
          else expect(fails, where).toBe(true);
          expect(failure, where).toBeInstanceOf(PiiveilError);
          const error = failure as PiiveilError;
          expect(error.code, where).toBe(code);
          expect(quotes(error.message), `${where}: ${error.message}`).toBe(false);
          expect(expected.text.startsWith(out), `${where}: emitted ${JSON.stringify(out)}`).toBe(true);
          if (trigger.kind === 'detector') expect(out.includes(BOOM), where).toBe(false);
          for (const call of [() => stream.push('more ORDER-1234'), () => stream.end(), () => stream.push('')]) {
            let again: unknown;
            try {
              call();
            } catch (caught) {
              again = caught;
            }
            expect(again, where).toBe(error);
          }
        }),
        params(RUNS / 2),
      );
      expectSeen('a DETECTOR_FAILED case', 'a OPERATOR_FAILED case', 'a stream failed by a flaky detector');
    });
  }

  it("a user detector whose pending answers no index (undefined, NaN, 2.5) fails a stream closed instead of releasing what it holds", () => {
    const answers = [undefined, Number.NaN, 2.5, '3', Infinity] as unknown as number[];
    fc.assert(
      fc.property(recipe, textOf(8), fc.integer({ min: 1, max: 6 }), pick(answers), fc.array(fc.nat(), { maxLength: 12 }), fc.boolean(), (config, text, k, answer, points, single) => {
        const safe = redactorFor({ ...config, detectors: 'toys' }, text);
        const expected = safe.redactor.redact(text).text;
        const order = orderNumber();
        let calls = 0;
        // Answers garbage from its k-th call on, as a detector with a forgotten `return` would.
        const broken: Detector = { ...order, pending: (held, from) => (++calls >= k ? answer : order.pending(held, from)) };
        const redactor = createRedactor({ ...redactorFor({ ...config, detectors: 'toys' }, text).options, detectors: [broken, memberId()] });
        const stream = redactor.stream();
        let out = '';
        let failure: unknown;
        for (const chunk of [...(single ? [...text] : randomCuts(text, points)), undefined]) {
          try {
            out += chunk === undefined ? stream.end() : stream.push(chunk);
          } catch (error) {
            failure = error;
            break;
          }
        }
        const where = `${JSON.stringify(text)} answer ${String(answer)} from call ${k}`;
        count('a pending that answers no index', failure !== undefined);
        if (failure === undefined) expect(out, where).toBe(expected);
        else {
          expect(failure, where).toBeInstanceOf(PiiveilError);
          expect((failure as PiiveilError).code, where).toBe('DETECTOR_FAILED');
          expect(expected.startsWith(out), `${where}: emitted ${JSON.stringify(out)}`).toBe(true);
        }
      }),
      params(RUNS / 4),
    );
    expectSeen('a pending that answers no index');
  });

  it('a small maxInputLength: one-shot gives the fallback over it; a stream throws INPUT_TOO_LARGE only when it holds more, never leaking', () => {
    fc.assert(
      fc.property(recipe, textOf(14), fc.integer({ min: 20, max: 500 }), fc.array(fc.nat(), { maxLength: 16 }), fc.boolean(), pick(['mask', 'throw'] as const), (config, text, maxInputLength, points, single, onError) => {
        const unlimited = redactorFor(config, text).redactor.redact(text);
        const limited = redactorFor(config, text, { maxInputLength, onError }).redactor;
        const where = `${JSON.stringify(text)} (${text.length}) maxInputLength ${maxInputLength}`;
        if (text.length > maxInputLength) {
          if (onError === 'mask') expect(limited.redact(text), where).toEqual({ text: '[REDACTED]', findings: [], error: { code: 'INPUT_TOO_LARGE', message: expect.any(String) } });
          else expect(() => limited.redact(text), where).toThrow(PiiveilError);
          expect(() => limited.find(text), where).toThrow(PiiveilError);
        } else expect(limited.redact(text), where).toEqual(unlimited);

        const stream = limited.stream();
        let out = '';
        let failure: unknown;
        for (const chunk of [...(single ? [...text] : randomCuts(text, points)), undefined]) {
          const held = stream.pending + (chunk?.length ?? 0);
          try {
            out += chunk === undefined ? stream.end() : stream.push(chunk);
          } catch (error) {
            failure = error;
            expect(held, `${where}: threw while holding ${held}`).toBeGreaterThan(maxInputLength);
            break;
          }
        }
        count('a stream over maxInputLength', failure !== undefined);
        if (failure === undefined) {
          expect(out, where).toBe(unlimited.text);
          return;
        }
        expect(failure, where).toBeInstanceOf(PiiveilError);
        expect((failure as PiiveilError).code, where).toBe('INPUT_TOO_LARGE');
        expect(unlimited.text.startsWith(out), `${where}: emitted ${JSON.stringify(out)}`).toBe(true);
        expect(() => stream.push('x'), where).toThrow(failure as PiiveilError);
      }),
      params(RUNS / 2),
    );
    expectSeen('a stream over maxInputLength');
  });
});
