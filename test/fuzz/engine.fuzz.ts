import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactTransform, createTransform } from '../../src/adapters/node-stream.js';
import { redactStream, transformStream } from '../../src/adapters/web-stream.js';
import {
  createRedactor,
  createTokenizer,
  createVault,
  defaultDetectors,
  keyedToken,
  label,
  mask,
  PiiveilError,
  policies,
  redactIterable,
  redactValue,
  remove,
  restoreTransform,
  restoreValue,
  surrogate,
  transformIterable,
  type Detector,
  type Finding,
  type Operator,
  type Redactor,
  type ValueFinding,
} from '../../src/index.js';
import { hasNormalizable } from '../../src/normalize.js';
import { expectLabelledSpans, expectSecondPassNearLabels } from '../helpers/labels.js';
import { DIGIT_FORMS } from '../helpers/lookalikes.js';
import { cut, expectStreamEquivalent, restoreThrough, streamThrough } from '../helpers/stream.js';
import { plantedValue } from '../helpers/values.js';
import { params, RUNS } from '../helpers/fuzz-runs.js';

/**
 * Fuzzing everything around the detectors, with the full default set: normalisation (invisible
 * and look-alike characters inside values and context words), the vault (tokenize → restore,
 * one-shot and through the restoring stream; a full vault), the stream adapters with their real
 * runtime objects (Node Transform with UTF-8 bytes cut inside characters, WHATWG
 * TransformStream, async iterables; failing closed), and redactValue / policies on JSON-like
 * values. Each property states a guarantee of the README (Evasion, Streaming, Stream adapters,
 * Tokenization and the vault, Adapters) as exactly as it is written there.
 *
 * FUZZ_RUNS sets the runs per property (default 2000; the async adapter and vault properties
 * run a fraction of it); FC_SEED a fixed seed (the fuzz config loads no setup file, so without
 * it every run explores a new seed, printed on failure).
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

// ---------------------------------------------------------------------------------------------
// Clean text: values, hard negatives and context words of the default detectors, joined by
// separators. "Clean" means the normaliser changes nothing in it (no invisible, look-alike or
// full-width character, no lone surrogate), so an evasion of it (below) has it as its exact view.

const CONTEXT = [
  'SSN', 'ssn:', 'social security', 'email', 'E-mail:', 'mail me at', 'phone', 'call me at', 'tel', 'card', 'credit card',
  'IBAN', 'DOB', 'born on', 'date of birth', 'my password is', 'password=', 'api_key=', 'token:', 'address', 'lives at',
  'diagnosed with', 'diabetes', 'HIV', 'metformin', 'Dr.', 'Mr.', 'Jane Doe', 'John Smith', 'Maria Garcia', 'NINO', 'NHS',
  'passport', 'routing', 'ITIN', 'PAN', 'Aadhaar', 'SIN', 'TFN', 'CPF', 'wallet', 'MAC', 'IP', 'server', 'at', 'dot', 'on',
];
const FIXED_VALUES = [
  'jane.doe@example.com', 'bob@corp.io', 'jane dot doe at gmail dot com', 'jane(at)gmail(dot)com', 'bob [at] corp [dot] com',
  '12 Main Street', '221B Baker St', '1600 Pennsylvania Avenue NW, Washington, DC 20500', 'Springfield, IL 62704',
  '01/02/1990', '1990-01-02', 'March 3, 1985', 'https://example.com/a?b=c&email=x@y.io', 'www.example.org/path',
  'AKIAIOSFODNN7EXAMPLE', 'ghp_1234567890abcdefghijklmnopqrstuvwxyzAB', 'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
  '00:1a:2b:3c:4d:5e', '4111 1111\n1111 1111', '4 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1', '536 - 22 - 1234', 'call 5 5 5 - 0 1 2 3',
  'AB123456C', '943 476 5919', '046 454 286', '1234 5678 9012', 'ABCDE1234F', '12345678Z', 'X1234567L',
  'RSSMRA85T10A562S', '1 85 05 78 006 084 36', '12 345 678 903', '123.456.789-09', '11.222.333/0001-81',
  '900-70-1234', '011000015', 'DEUTDEFF500', '1BoatSLRHtKNngkdXEeobR76b53LETtpyT', '0x52908400098527886E0F7030069857D2E4169EE7',
  '4111111111111111', 'DE89 3704 0044 0532 0130 00', '+1 415 555 2671', '(212) 555-0199', '192.168.1.20', '2001:db8::1',
];
const NEGATIVES = [
  'order #12345678', 'invoice 2024-0042', '$1,234.56', 'v1.2.3', '10:30', '3.14159', '4111 1111 1111 1112', '000-00-0000',
  '1234', '12', '2026', 'x', 'ok', 'the', 'at home', 'look at google dot com', 'at 5 pm', 'Main', 'Street', '#', '+', '@', '.',
  '[EMAIL]', '[PHONE]', '[CREDIT_CARD]', '[US_SSN]', '[REDACTED]',
  // Deny-list literals of the vault properties, also glued to words ('x867-5309y').
  '867-5309', 'x867-5309y', '867-5309_', 'Project Falcon', 'Project Falconry',
];
/** Deny-list entries of the vault properties: literals matched even inside words, the case a surrogate must not be used for. */
const DENY = [{ value: '867-5309', type: 'PHONE' }, 'Project Falcon'];
const TOKENISH = ['[EMAIL_1]', 'EMAIL_2', '[TOKEN_1]', '[ email_1 ]', 'PHONE_1', '[CREDIT_CARD_1]', '[US_SSN_1', 'IBAN_1]', '[[EMAIL_1]]', 'xEMAIL_1', 'EMAIL_01', 'TOKEN_12'];
const UNICODE = ['😀', '👩‍💻', '𝒜', 'e\u0301', '\u0301', 'ß', 'Ünï', 'שלום', 'مرحبا', '日本', '🇩🇪', '’', '—', '€'];
const SEPARATORS = [' ', ' ', ' ', ' ', '', '  ', '\n', '\r\n', '\t', ', ', '. ', ': ', ';', '\u00a0', '(', ')', '"', '/', ' - ', '|', '\u3000', '\u2028', '=', '<', '>'];

const cleanPiece = fc.oneof(
  { weight: 4, arbitrary: plantedValue.map((planted) => planted.value) },
  { weight: 3, arbitrary: pick(FIXED_VALUES) },
  { weight: 4, arbitrary: pick(CONTEXT) },
  { weight: 2, arbitrary: pick(NEGATIVES) },
  { weight: 1, arbitrary: pick(TOKENISH) },
  { weight: 1, arbitrary: pick(UNICODE) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'abcxyz0123456789@.-_ '), maxLength: 8 }) },
);

/** Clean text of up to `max` pieces: a view the normaliser leaves as it is. */
const cleanText = (max: number) =>
  fc
    .array(fc.tuple(cleanPiece, pick(SEPARATORS)), { minLength: 1, maxLength: max })
    .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''))
    .filter((text) => !hasNormalizable(text) && !hasLoneSurrogate(text));

function hasLoneSurrogate(text: string): boolean {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
      else return true;
    } else if (code >= 0xdc00 && code <= 0xdfff) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Evasion: invisible runs inserted anywhere (inside values, context words, surrogate pairs) and
// look-alike forms swapped in, exactly as README "Evasion" and src/normalize.ts describe.

/** Default_Ignorable_Code_Point characters the view deletes: zero-width, soft hyphen, bidi, joiners, variation selectors, tags. */
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u200e', '\u200f', '\u202a', '\u202c', '\u202e', '\u2060', '\u2063', '\ufeff', '\ufe0f', '\ufe00', '\u034f', '\u061c', '\u180e', '\udb40\udc20', '\udb40\udd00', '\ud834\udd73'];
/** MAX_RUN of src/normalize.ts: longer runs of invisibles stay in the view. */
const MAX_RUN = 4;
const invisibleRun = fc.array(pick(INVISIBLES), { minLength: 1, maxLength: MAX_RUN }).map((run) => run.join(''));

const DASH_FORMS = ['\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\ufe63', '\uff0d'];

/** A look-alike of one ASCII character that the view folds back to it, or the character itself. */
function lookAlike(char: string, variant: number): string {
  const code = char.charCodeAt(0);
  if (code >= 48 && code <= 57) return DIGIT_FORMS[variant % DIGIT_FORMS.length](code - 48);
  if (char === '-') return DASH_FORMS[variant % DASH_FORMS.length];
  // '＠', '．', 'ａ', 'Ａ', '［'...: the full-width forms U+FF01..U+FF5E of '!'..'~'.
  if (code >= 0x21 && code <= 0x7e) return String.fromCharCode(code + 0xfee0);
  return char;
}

/** An evasion of `clean`: the text, and where each unit of `clean` landed in it (start, width). */
interface Evaded {
  readonly clean: string;
  readonly text: string;
  readonly at: readonly number[];
  readonly width: readonly number[];
  /** Indexes in `text` where an inserted invisible run starts and ends (cuts between a base and its invisible). */
  readonly seams: readonly number[];
}

function evade(clean: string, inserts: readonly (readonly [number, string])[], swaps: readonly (readonly [number, number])[]): Evaded {
  const runs = new Map<number, string>();
  for (const [point, run] of inserts) runs.set(point % (clean.length + 1), run); // one run per gap: runs never merge past MAX_RUN
  const swapped = new Map<number, number>();
  for (const [point, variant] of swaps) if (clean.length > 0) swapped.set(point % clean.length, variant);
  let text = '';
  const at: number[] = [];
  const width: number[] = [];
  const seams: number[] = [];
  for (let index = 0; index <= clean.length; index++) {
    const run = runs.get(index);
    if (run !== undefined) {
      seams.push(text.length);
      text += run;
      seams.push(text.length);
    }
    if (index === clean.length) break;
    const char = clean[index];
    const variant = swapped.get(index);
    const form = variant === undefined ? char : lookAlike(char, variant);
    at.push(text.length);
    width.push(form.length);
    text += form;
  }
  return { clean, text, at, width, seams };
}

const evaded = (max: number) =>
  fc
    .tuple(
      cleanText(max),
      fc.array(fc.tuple(fc.nat(), invisibleRun), { maxLength: 12 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 16 }),
    )
    .map(([clean, inserts, swaps]) => evade(clean, inserts, swaps));

/** Raw noise the clean generator avoids: lone surrogates, long invisible runs, everything the view changes. */
const NOISE = ['\ud835', '\udfce', '\ud83d', '\u200b'.repeat(5), '\u00ad\u00ad\u00ad\u00ad\u00ad\u00ad', '\u200b\u200b', '\u00ad\u00ad\u00ad', '\udb40\udc20\udb40\udc21', '\ufe0f', '\ud835\udfce\u200b\u200b\u200b', '４', '٤', '𝟒', '＠', '．', '\u202e', '\ufeff', '\u2011', '\udb40', '\udc20'];
const noisyText = (max: number) =>
  fc
    .array(fc.oneof({ weight: 6, arbitrary: evaded(3).map((e) => e.text) }, { weight: 2, arbitrary: pick(NOISE) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) }), { minLength: 1, maxLength: max })
    .map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------
// Shared checks.

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** True when `index` falls between the two halves of a surrogate pair of `text`. */
const cutsPair = (text: string, index: number) => index > 0 && index < text.length && isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index));

/** Spans in range, sorted, non-overlapping, never between the halves of a surrogate pair. */
function expectValidSpans(text: string, findings: readonly Finding[], where: string): void {
  let last = 0;
  for (const finding of findings) {
    const at = `${where}: ${finding.type} ${finding.start}-${finding.end}`;
    expect(Number.isInteger(finding.start) && Number.isInteger(finding.end), at).toBe(true);
    expect(finding.start, at).toBeGreaterThanOrEqual(last);
    expect(finding.end, at).toBeGreaterThan(finding.start);
    expect(finding.end, at).toBeLessThanOrEqual(text.length);
    expect(cutsPair(text, finding.start) || cutsPair(text, finding.end), `${at} cuts a surrogate pair`).toBe(false);
    last = finding.end;
  }
}

/** Streams `chunks`, checking that no piece starts with the second half of a pair the output split. */
function streamChecked(redactor: Redactor, chunks: readonly string[]) {
  const stream = redactor.stream();
  let text = '';
  for (const chunk of chunks) {
    const piece = stream.push(chunk);
    if (piece.length > 0 && text.length > 0) expect(isHigh(text.charCodeAt(text.length - 1)) && isLow(piece.charCodeAt(0)), 'a piece splits a surrogate pair').toBe(false);
    text += piece;
  }
  return text + stream.end();
}

const randomCuts = (text: string, points: readonly number[]) => cut(text, points.map((point) => point % (text.length + 1)));

/** How far a second pass over labelled text may find from a label (as in test/fuzz/words.fuzz.ts). */
const CONTEXT_BEFORE = 160;
const CONTEXT_AFTER = 64;

const OPERATORS: Operator[] = [label(), mask(), mask({ keepLast: 4 }), keyedToken({ secret: 'engine-fuzz-secret-0123456789' }), remove()];
const REDACTORS = {
  normalized: OPERATORS.map((operator) => createRedactor({ operator })),
  raw: OPERATORS.map((operator) => createRedactor({ operator, normalize: false })),
};

// ---------------------------------------------------------------------------------------------

describe('fuzz: normalisation (README "Evasion")', () => {
  const redactor = REDACTORS.normalized[0];

  it('an evaded text gives the findings of its clean view, mapped back over the inserted characters', () => {
    fc.assert(
      fc.property(evaded(10), ({ clean, text, at, width }) => {
        const expected = redactor.redact(clean).findings.map((finding) => ({
          ...finding,
          start: at[finding.start],
          end: at[finding.end - 1] + width[finding.end - 1],
        }));
        const result = redactor.redact(text);
        expect(result.error).toBeUndefined();
        expect(result.findings, `${JSON.stringify(text)} (view ${JSON.stringify(clean)})`).toEqual(expected);
      }),
      params(RUNS),
    );
  });

  it('spans of an evaded text are valid, start and end on a kept character, and the values are gone', () => {
    fc.assert(
      fc.property(evaded(10), fc.boolean(), ({ text }, normalize) => {
        const result = (normalize ? REDACTORS.normalized : REDACTORS.raw)[0].redact(text);
        expectValidSpans(text, result.findings, JSON.stringify(text));
        if (!normalize) return;
        for (const finding of result.findings) {
          // The view's map turns a span back into original units from a kept character to a kept
          // character: an invisible run is covered only inside a span, never at its edges.
          const span = text.slice(finding.start, finding.end);
          expect(INVISIBLES.some((invisible) => span.startsWith(invisible) || span.endsWith(invisible)), `${JSON.stringify(text)} ${finding.start}-${finding.end}`).toBe(false);
        }
      }),
      params(RUNS),
    );
  });

  for (const mode of ['normalized', 'raw'] as const) {
    it(`streams evaded text exactly (normalize ${mode === 'normalized'}): random chunks, cuts at every inserted run, 1-char chunks`, () => {
      fc.assert(
        fc.property(evaded(8), fc.nat(OPERATORS.length - 1), fc.array(fc.nat(), { maxLength: 12 }), (e, which, points) => {
          const redactor = REDACTORS[mode][which];
          expectStreamEquivalent(redactor, e.text, randomCuts(e.text, points));
          expectStreamEquivalent(redactor, e.text, cut(e.text, e.seams));
          expectStreamEquivalent(redactor, e.text, [...e.text]);
          expect(streamChecked(redactor, [...e.text])).toBe(redactor.redact(e.text).text);
        }),
        params(RUNS / 4),
      );
    });

    it(`streams noisy text exactly (normalize ${mode === 'normalized'}): lone surrogates, long invisible runs, cuts inside pairs`, () => {
      fc.assert(
        fc.property(noisyText(6), fc.nat(OPERATORS.length - 1), fc.array(fc.nat(), { maxLength: 12 }), (text, which, points) => {
          const redactor = REDACTORS[mode][which];
          const result = redactor.redact(text);
          expect(result.error).toBeUndefined();
          expectValidSpans(text, result.findings, JSON.stringify(text));
          expectStreamEquivalent(redactor, text, randomCuts(text, points));
          expectStreamEquivalent(redactor, text, [...text]);
          expect(streamChecked(redactor, randomCuts(text, points))).toBe(result.text);
        }),
        params(RUNS / 4),
      );
    });
  }

  it('streams densely evaded text exactly: a run of MAX_RUN invisibles (astral ones too) between every two characters', () => {
    // Each view unit then stands for up to 2 + 2 × MAX_RUN original units, the bound
    // expandedLookbehind is built on: context words far before a value must still be seen.
    const dense = fc.tuple(cleanText(6), fc.array(invisibleRun.filter((run) => [...run].length === MAX_RUN), { minLength: 1, maxLength: 4 })).map(([clean, runs]) => {
      let text = '';
      let k = 0;
      for (const char of clean) text += char + runs[k++ % runs.length];
      return text;
    });
    fc.assert(
      fc.property(dense, fc.array(fc.nat(), { maxLength: 12 }), fc.nat(OPERATORS.length - 1), (text, points, which) => {
        const redactor = REDACTORS.normalized[which];
        expectStreamEquivalent(redactor, text, randomCuts(text, points));
        expectStreamEquivalent(redactor, text, [...text]);
      }),
      params(RUNS / 8),
    );
  });

  it('labelled output holds nothing more to redact except next to a label', () => {
    fc.assert(
      fc.property(fc.oneof(evaded(10).map((e) => e.text), noisyText(6)), (text) => {
        expectSecondPassNearLabels(redactor, text, CONTEXT_BEFORE, CONTEXT_AFTER);
      }),
      params(RUNS),
    );
  });
});

// ---------------------------------------------------------------------------------------------

/** Text for the vault: values, token-like text, evasions, noise. */
const vaultText = fc.oneof({ weight: 3, arbitrary: evaded(8).map((e) => e.text) }, { weight: 1, arbitrary: noisyText(4) }, { weight: 2, arbitrary: cleanText(8) });

/**
 * A conversation: messages, some quoting a slice of an earlier output (real tokens and
 * surrogates of the vault), the quote itself sometimes evaded (`[EMA\u200bIL_1]`, `EMAIL_１`).
 */
const quoteEvasion = fc.option(fc.tuple(fc.array(fc.tuple(fc.nat(), invisibleRun), { maxLength: 2 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 })), { freq: 2 });
const conversation = fc.array(fc.tuple(vaultText, fc.option(fc.tuple(fc.nat(), fc.nat(), fc.nat(), quoteEvasion), { freq: 2 })), { minLength: 1, maxLength: 4 });

function quote(outputs: readonly string[], message: string, reference: readonly [number, number, number, (readonly [(readonly [number, string])[], (readonly [number, number])[]]) | null] | null): string {
  if (reference === null || outputs.length === 0) return message;
  const earlier = outputs[reference[0] % outputs.length];
  const start = reference[1] % (earlier.length + 1);
  let slice = earlier.slice(start, start + (reference[2] % 40));
  if (reference[3] !== null) slice = evade(slice, reference[3][0], reference[3][1]).text;
  const at = reference[2] % (message.length + 1);
  return message.slice(0, at) + slice + message.slice(at);
}


describe('fuzz: tokenization and the vault (README "Tokenization and the vault")', () => {
  const makers: Record<string, (vault: ReturnType<typeof createVault>) => Redactor> = {
    tokenizer: (vault) => createTokenizer(vault),
    'policies.llm': (vault) => createRedactor(policies.llm(vault)),
  };

  for (const [name, make] of Object.entries(makers)) {
    it(`${name}: restore(tokenize(x)) === x over a conversation, one-shot, streamed, and through the restoring stream`, () => {
      fc.assert(
        fc.property(conversation, fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }), (messages, inCuts, outCuts) => {
          const vault = createVault({ seed: 'engine fuzz vault seed 0123456789' });
          const tokenizer = make(vault);
          const outputs: string[] = [];
          for (const [raw, reference] of messages) {
            const message = quote(outputs, raw, reference);
            const where = JSON.stringify(message);
            const result = tokenizer.redact(message);
            expect(result.error, where).toBeUndefined();
            expect(vault.restore(result.text), where).toBe(message);
            // The same message streamed: the vault already holds its values, so the same tokens.
            const streamed = streamThrough(tokenizer, randomCuts(message, inCuts));
            expect(streamed.text, where).toBe(result.text);
            expect(vault.restore(streamed.text), where).toBe(message);
            // The tokenized text restored through the restoring stream, in random and 1-char chunks.
            expect(restoreThrough(vault, randomCuts(result.text, outCuts)), where).toBe(message);
            expect(restoreThrough(vault, [...result.text]), where).toBe(message);
            outputs.push(result.text);
          }
        }),
        params(RUNS / 8),
      );
    });
  }

  for (const operator of ['tokens', 'surrogates'] as const) {
    it(`${operator}: a conversation streamed into a fresh vault restores exactly, through the restoring stream too`, () => {
      fc.assert(
        fc.property(conversation, fc.array(fc.nat(), { maxLength: 10 }), fc.array(fc.nat(), { maxLength: 10 }), (messages, inCuts, outCuts) => {
          const vault = createVault({ seed: 'engine fuzz stream seed 0123456789' });
          const tokenizer = createTokenizer(vault, operator === 'surrogates' ? { operator: surrogate(vault), deny: DENY } : { deny: DENY });
          const outputs: string[] = [];
          for (const [raw, reference] of messages) {
            const message = quote(outputs, raw, reference);
            const where = JSON.stringify(message);
            const streamed = streamThrough(tokenizer, randomCuts(message, inCuts)).text;
            expect(vault.restore(streamed), where).toBe(message);
            expect(restoreThrough(vault, randomCuts(streamed, outCuts)), where).toBe(message);
            outputs.push(streamed);
          }
        }),
        params(RUNS / 8),
      );
    });
  }

  it('surrogates: restore(redact(x)) === x over a conversation, one-shot and through the restoring stream', () => {
    fc.assert(
      fc.property(conversation, fc.array(fc.nat(), { maxLength: 10 }), (messages, outCuts) => {
        const vault = createVault({ seed: 'engine fuzz surrogate seed 0123456789' });
        const tokenizer = createTokenizer(vault, { operator: surrogate(vault), deny: DENY });
        const outputs: string[] = [];
        for (const [raw, reference] of messages) {
          const message = quote(outputs, raw, reference);
          const where = JSON.stringify(message);
          const result = tokenizer.redact(message);
          expect(result.error, where).toBeUndefined();
          expect(vault.restore(result.text), where).toBe(message);
          expect(restoreThrough(vault, randomCuts(result.text, outCuts)), where).toBe(message);
          expect(restoreThrough(vault, [...result.text]), where).toBe(message);
          outputs.push(result.text);
        }
      }),
      params(RUNS / 8),
    );
  });

  it('the restoring stream equals vault.restore on any text, for random and 1-char chunkings', () => {
    const vault = createVault({ seed: 'engine fuzz restore seed 012345678' });
    const tokenizer = createTokenizer(vault, { operator: surrogate(vault) });
    const filled = tokenizer.redact('jane@corp.com, bob@corp.io, 4111 1111 1111 1111, 536-22-1234, +1 415 555 2671, 192.168.1.20, DE89 3704 0044 0532 0130 00').text;
    const plain = createTokenizer(vault);
    const tokens = plain.redact('ann@x.io, AB123456C, 12 Main Street, diabetes, sk_live_4eC39HqLyjWDarjtT1zdp7dc').text;
    const pieces = [...filled.split(/, /), ...tokens.split(/, /), '[email_1]', '[ EMAIL_1 ]', '"EMAIL_1"', 'EMAIL_1x', '[EMAIL_9]', '[TOKEN_1]'];
    const text = fc.array(fc.oneof(pick(pieces), pick(pieces).map((piece) => piece.slice(0, -1)), vaultText), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 12 }), (whole, points) => {
        const expected = vault.restore(whole);
        expect(restoreThrough(vault, randomCuts(whole, points))).toBe(expected);
        expect(restoreThrough(vault, [...whole])).toBe(expected);
        // JSON mode: the same positions, each original escaped for a string literal.
        const json = vault.restoreStream({ json: true });
        expect(randomCuts(whole, points).map((chunk) => json.push(chunk)).join('') + json.end()).toBe(vault.restore(whole, { json: true }));
        // A vault saved and loaded restores the same.
        expect(createVault.fromJSON(JSON.stringify(vault)).restore(whole)).toBe(expected);
      }),
      params(RUNS / 4),
    );
  });

  it('a full vault fails closed: VAULT_FULL and the fallback text one-shot; streamed, only a prefix of the unlimited output, then the same error', () => {
    fc.assert(
      fc.property(vaultText, fc.integer({ min: 1, max: 4 }), fc.array(fc.nat(), { maxLength: 10 }), fc.boolean(), (message, maxEntries, points, fakes) => {
        const seed = 'engine fuzz full vault seed 0123456789';
        const make = (vault: ReturnType<typeof createVault>) => createTokenizer(vault, fakes ? { operator: surrogate(vault) } : {});
        const unlimited = createVault({ seed });
        const full = make(unlimited).redact(message);
        expect(full.error).toBeUndefined();
        const needed = unlimited.size;
        const where = `${JSON.stringify(message)} needs ${needed} entries, max ${maxEntries}`;

        const vault = createVault({ maxEntries, seed });
        const result = make(vault).redact(message);
        expect(vault.size, where).toBeLessThanOrEqual(maxEntries);
        if (needed > maxEntries) {
          expect(result.error?.code, where).toBe('VAULT_FULL');
          expect(result.text, where).toBe('[REDACTED]');
          expect(result.findings, where).toEqual([]);
        } else {
          expect(result.error, where).toBeUndefined();
          expect(result.text, where).toBe(full.text);
        }

        const streamVault = createVault({ maxEntries, seed });
        const stream = make(streamVault).stream();
        let out = '';
        let failure: unknown;
        for (const chunk of [...randomCuts(message, points), undefined]) {
          try {
            out += chunk === undefined ? stream.end() : stream.push(chunk);
          } catch (error) {
            failure = error;
            break;
          }
        }
        expect(streamVault.size, where).toBeLessThanOrEqual(maxEntries);
        if (needed > maxEntries) {
          expect(failure, where).toBeInstanceOf(PiiveilError);
          expect((failure as PiiveilError).code, where).toBe('VAULT_FULL');
          expect(full.text.startsWith(out), `${where}: emitted ${JSON.stringify(out)}`).toBe(true);
          expect(() => stream.push('more'), where).toThrow(PiiveilError);
          expect(() => stream.end(), where).toThrow(PiiveilError);
        } else {
          expect(failure, where).toBeUndefined();
          expect(out, where).toBe(full.text);
        }
      }),
      params(RUNS / 4),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Stream adapters with the real runtime objects.

/** Text whose UTF-8 round trip is lossless (no lone surrogate, no U+FFFD). */
const adapterText = fc.oneof(evaded(8).map((e) => e.text), cleanText(8)).filter((text) => !hasLoneSurrogate(text) && !text.includes('\ufffd'));

/** Byte cuts: for each multi-byte character, one cut at a random offset inside it, plus random cuts. */
function byteChunks(text: string, inside: readonly number[], points: readonly number[]): Buffer[] {
  const bytes = Buffer.from(text, 'utf8');
  const cuts = new Set<number>();
  let offset = 0;
  let k = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (size > 1) cuts.add(offset + 1 + ((inside[k++ % Math.max(1, inside.length)] ?? 0) % (size - 1)));
    offset += size;
  }
  for (const point of points) cuts.add(point % (bytes.length + 1));
  const sorted = [...cuts].filter((at) => at > 0 && at < bytes.length).sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let last = 0;
  for (const at of sorted) {
    chunks.push(bytes.subarray(last, at));
    last = at;
  }
  chunks.push(bytes.subarray(last));
  return chunks;
}

async function throughNode(transform: ReturnType<typeof createTransform>, chunks: readonly (string | Uint8Array)[], out: (string | Buffer)[] = []) {
  const sink = new Writable({
    decodeStrings: false,
    write(chunk, _encoding, callback) {
      out.push(chunk);
      callback();
    },
  });
  await pipeline(Readable.from(chunks, { objectMode: true }), transform, sink);
  return out;
}

async function throughWeb(stream: TransformStream<string, string>, chunks: readonly string[], out: string[] = []) {
  const readable = new ReadableStream<string>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  }).pipeThrough(stream);
  const reader = readable.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

/** Pushes `chunks` through `redactIterable` (an async source), collecting into `out`; rejects with the iteration's error. */
async function throughIterable(redactor: Parameters<typeof redactIterable>[0], chunks: readonly string[], out: string[] = []) {
  for await (const piece of redactIterable(redactor, slowly(chunks))) out.push(piece);
  return out;
}

async function* slowly<T>(chunks: readonly T[]) {
  for (const chunk of chunks) {
    await Promise.resolve();
    yield chunk;
  }
}

/** A detector that throws on '☢' (a character no other piece of the vocabulary holds). */
const BOMB = '☢';
const exploding: Detector = {
  name: 'exploding',
  type: 'TEST',
  maxLength: 1,
  lookbehind: 0,
  find(scan) {
    if (scan.text.indexOf(BOMB, scan.from) >= 0) throw new Error('exploded');
  },
  pending: (text) => text.length,
};

describe('fuzz: stream adapters (README "Stream adapters")', () => {
  const redactor = createRedactor();
  const bomber = createRedactor({ detectors: [...defaultDetectors(), exploding] });

  it('piiveil/node: UTF-8 Buffers cut inside characters (and 1-byte chunks) give the one-shot output, as strings and as Buffers', async () => {
    await fc.assert(
      fc.asyncProperty(adapterText, fc.array(fc.nat(), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), async (text, inside, points) => {
        const expected = redactor.redact(text).text;
        const strings = await throughNode(createRedactTransform(redactor), byteChunks(text, inside, points));
        expect(strings.every((piece) => typeof piece === 'string')).toBe(true);
        expect(strings.join(''), JSON.stringify(text)).toBe(expected);
        const bytes = [...Buffer.from(text, 'utf8')].map((byte) => Uint8Array.of(byte));
        expect((await throughNode(createRedactTransform(redactor), bytes)).join(''), JSON.stringify(text)).toBe(expected);
        const buffers = await throughNode(createRedactTransform(redactor, { output: 'buffer' }), byteChunks(text, inside, points));
        for (const piece of buffers) {
          expect(Buffer.isBuffer(piece)).toBe(true);
          // Each Buffer holds whole characters: it decodes alone without a replacement character.
          expect((piece as Buffer).toString('utf8')).not.toContain('\ufffd');
        }
        expect(Buffer.concat(buffers as Buffer[]).toString('utf8'), JSON.stringify(text)).toBe(expected);
      }),
      params(RUNS / 8),
    );
  });

  it('piiveil/node: the restoring stream as a Transform restores tokenized bytes cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(adapterText, fc.array(fc.nat(), { maxLength: 30 }), fc.array(fc.nat(), { maxLength: 8 }), async (text, inside, points) => {
        const vault = createVault();
        const tokenized = createTokenizer(vault).redact(text).text;
        const out = await throughNode(createTransform(restoreTransform(vault)), byteChunks(tokenized, inside, points));
        expect(out.join(''), JSON.stringify(text)).toBe(text);
      }),
      params(RUNS / 8),
    );
  });

  it('piiveil/web and redactIterable: any chunking gives the one-shot output', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(adapterText, noisyText(5)), fc.array(fc.nat(), { maxLength: 12 }), async (text, points) => {
        const expected = redactor.redact(text).text;
        const chunks = randomCuts(text, points);
        const web = await throughWeb(redactStream(redactor), chunks);
        expect(web.join(''), JSON.stringify(chunks)).toBe(expected);
        expect(web.every((piece) => piece.length > 0)).toBe(true);
        const iterated = await throughIterable(redactor, chunks);
        expect(iterated.join(''), JSON.stringify(chunks)).toBe(expected);
        expect(iterated.every((piece) => piece.length > 0)).toBe(true);
        const synced: string[] = [];
        for await (const piece of redactIterable(redactor, chunks)) synced.push(piece);
        expect(synced.join('')).toBe(expected);
        // A vault's restoring stream through the web wrapper and transformIterable.
        const vault = createVault();
        const tokenized = createTokenizer(vault).redact(text).text;
        const tokenChunks = randomCuts(tokenized, points);
        expect((await throughWeb(transformStream(vault.restoreStream()), tokenChunks)).join('')).toBe(text);
        const restored: string[] = [];
        for await (const piece of transformIterable(vault.restoreStream(), slowly(tokenChunks))) restored.push(piece);
        expect(restored.join('')).toBe(text);
      }),
      params(RUNS / 8),
    );
  });

  it('fails closed in every adapter: the error surfaces, and what was emitted is a prefix of the safe output without the bomb', async () => {
    const withBomb = fc.tuple(adapterText, fc.nat(), fc.array(fc.nat(), { maxLength: 10 })).map(([text, at, points]) => {
      const k = at % (text.length + 1);
      const whole = cutsPair(text, k) ? text : text.slice(0, k) + BOMB + text.slice(k);
      return { whole, points };
    });
    await fc.assert(
      fc.asyncProperty(withBomb, async ({ whole, points }) => {
        if (!whole.includes(BOMB)) return;
        const safe = redactor.redact(whole).text;
        const where = JSON.stringify(whole);
        const expectFailedClosed = (emitted: string, error: unknown) => {
          expect(error, where).toBeInstanceOf(PiiveilError);
          expect((error as PiiveilError).code, where).toBe('DETECTOR_FAILED');
          expect(safe.startsWith(emitted), `${where}: emitted ${JSON.stringify(emitted)}`).toBe(true);
          expect(emitted.includes(BOMB), where).toBe(false);
        };
        // One-shot: the whole unit is replaced.
        const oneShot = bomber.redact(whole);
        expect(oneShot.error?.code).toBe('DETECTOR_FAILED');
        expect(oneShot.text).toBe('[REDACTED]');
        const chunks = randomCuts(whole, points);

        const nodeOut: (string | Buffer)[] = [];
        // The bytes of the whole text cut anywhere (a chunk of text may end inside a surrogate pair, which has no UTF-8 of its own).
        const nodeError = await throughNode(createRedactTransform(bomber), byteChunks(whole, points, points), nodeOut).then(() => undefined, (error: unknown) => error);
        expectFailedClosed(nodeOut.join(''), nodeError);

        const webOut: string[] = [];
        const webError = await throughWeb(redactStream(bomber), chunks, webOut).then(() => undefined, (error: unknown) => error);
        expectFailedClosed(webOut.join(''), webError);

        const iterOut: string[] = [];
        const iterError = await throughIterable(bomber, chunks, iterOut).then(() => undefined, (error: unknown) => error);
        expectFailedClosed(iterOut.join(''), iterError);
      }),
      params(RUNS / 8),
    );
  });

  it('a full vault fails closed through the adapters too: VAULT_FULL, and only a prefix of the unlimited output emitted', async () => {
    await fc.assert(
      fc.asyncProperty(adapterText, fc.integer({ min: 1, max: 3 }), fc.array(fc.nat(), { maxLength: 10 }), async (text, maxEntries, points) => {
        const unlimited = createVault();
        const full = createTokenizer(unlimited).redact(text).text;
        if (unlimited.size <= maxEntries) return;
        const where = JSON.stringify(text);
        const chunks = randomCuts(text, points);
        const check = (emitted: string, error: unknown) => {
          expect(error, where).toBeInstanceOf(PiiveilError);
          expect((error as PiiveilError).code, where).toBe('VAULT_FULL');
          expect(full.startsWith(emitted), `${where}: emitted ${JSON.stringify(emitted)}`).toBe(true);
        };
        // Each error is awaited before its output is read: an argument list reads `out` first.
        const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => error);
        const webOut: string[] = [];
        const webError = await failure(throughWeb(redactStream(createTokenizer(createVault({ maxEntries }))), chunks, webOut));
        check(webOut.join(''), webError);
        const nodeOut: (string | Buffer)[] = [];
        const nodeError = await failure(throughNode(createRedactTransform(createTokenizer(createVault({ maxEntries }))), byteChunks(text, points, points), nodeOut));
        check(nodeOut.join(''), nodeError);
        const iterOut: string[] = [];
        const iterError = await failure(throughIterable(createTokenizer(createVault({ maxEntries })), chunks, iterOut));
        check(iterOut.join(''), iterError);
      }),
      params(RUNS / 8),
    );
  });

  it('redactIterable: a source that throws ends the iteration with its error and yields only what the pushes before it released', async () => {
    await fc.assert(
      fc.asyncProperty(adapterText, fc.array(fc.nat(), { maxLength: 10 }), fc.nat(), async (text, points, at) => {
        const chunks = randomCuts(text, points);
        const stop = at % (chunks.length + 1);
        const failure = new Error('source failed');
        async function* source() {
          for (let index = 0; index < stop; index++) yield chunks[index];
          throw failure;
        }
        const stream = redactor.stream();
        let released = '';
        for (let index = 0; index < stop; index++) released += stream.push(chunks[index]);
        const out: string[] = [];
        let caught: unknown;
        try {
          for await (const piece of redactIterable(redactor, source())) out.push(piece);
        } catch (error) {
          caught = error;
        }
        expect(caught).toBe(failure);
        expect(out.join('')).toBe(released);
      }),
      params(RUNS / 8),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// redactValue and policies on JSON-like values.

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
const KEYS = ['email', 'note', 'user', 'password', 'items', 'a b', 'x.y', '0', 'token', '__proto__x', 'constructor'];
const { json } = fc.letrec<{ json: Json; string: string }>((tie) => ({
  string: fc.oneof({ weight: 4, arbitrary: vaultText }, { weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: tie('json').map((value) => JSON.stringify(value)) }),
  json: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 4, arbitrary: tie('string') },
    { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null)) },
    { weight: 1, arbitrary: fc.array(tie('json'), { maxLength: 4 }) },
    { weight: 1, arbitrary: fc.dictionary(pick(KEYS), tie('json'), { maxKeys: 4 }) },
  ),
}));

/** What redactValue should give: every string redacted alone, key paths censored, everything else as it is. */
function expectedValue(value: Json, redactor: Redactor, censored: (path: readonly (string | number)[]) => boolean, path: (string | number)[] = [], findings: ValueFinding[] = []): Json {
  if (path.length > 0 && censored(path)) {
    findings.push({ type: 'KEY_PATH', start: 0, end: typeof value === 'string' ? value.length : 0, score: 1, detector: 'paths', rule: '**.password', path: path.slice() });
    return '[REDACTED]';
  }
  if (typeof value === 'string') {
    if (value.length === 0) return value;
    const result = redactor.redact(value);
    for (const finding of result.findings) findings.push({ ...finding, path: path.slice() });
    return result.text;
  }
  if (Array.isArray(value)) return value.map((item, index) => expectedValue(item, redactor, censored, [...path, index], findings));
  if (value !== null && typeof value === 'object') {
    const copy: { [key: string]: Json } = {};
    for (const key of Object.keys(value)) copy[key] = expectedValue(value[key], redactor, censored, [...path, key], findings);
    return copy;
  }
  return value;
}

function strings(value: Json, into: string[] = []): string[] {
  if (typeof value === 'string') into.push(value);
  else if (Array.isArray(value)) for (const item of value) strings(item, into);
  else if (value !== null && typeof value === 'object') for (const key of Object.keys(value)) strings(value[key], into);
  return into;
}

const byPath = (findings: readonly ValueFinding[]) => [...findings].sort((a, b) => JSON.stringify(a.path).localeCompare(JSON.stringify(b.path)) || a.start - b.start);

describe('fuzz: redactValue and policies (README "Adapters")', () => {
  const redactor = createRedactor(policies.logs());

  it('redacts every string like the redactor alone, censors key paths, keeps the rest, never mutates', () => {
    const censored = (path: readonly (string | number)[]) => path[path.length - 1] === 'password';
    fc.assert(
      fc.property(json, fc.boolean(), (value, withPaths) => {
        const before = structuredClone(value);
        const findings: ValueFinding[] = [];
        const expected = expectedValue(value, redactor, withPaths ? censored : () => false, [], findings);
        const result = redactValue(value, { redactor, paths: withPaths ? ['**.password'] : [] });
        expect(result.error).toBeUndefined();
        expect(result.value).toEqual(expected);
        expect(byPath(result.findings)).toEqual(byPath(findings));
        expect(value).toEqual(before);
        // mutate: true gives the same value, in place for containers.
        const target = structuredClone(value);
        const mutated = redactValue(target, { redactor, paths: withPaths ? ['**.password'] : [], mutate: true });
        expect(mutated.value).toEqual(expected);
        if (target !== null && typeof target === 'object') {
          expect(mutated.value).toBe(target);
          expect(target).toEqual(expected);
        }
      }),
      params(RUNS / 2),
    );
  });

  it('label redaction of a value is idempotent but next to a label', () => {
    fc.assert(
      fc.property(json, (value) => {
        const once = redactValue(value, { redactor }).value;
        const originals = strings(value);
        const redacted = strings(once);
        expect(redacted.length).toBe(originals.length);
        originals.forEach((original, index) => {
          expect(redacted[index]).toBe(redactor.redact(original).text);
          expectSecondPassNearLabels(redactor, original, CONTEXT_BEFORE, CONTEXT_AFTER);
        });
      }),
      params(RUNS / 4),
    );
  });

  it('policies.llm: restoreValue(redactValue(v)) gives v back: exactly as plain strings, and JSON strings as valid JSON', () => {
    fc.assert(
      fc.property(json, (value) => {
        const vault = createVault();
        const result = redactValue(value, { redactor: createRedactor(policies.llm(vault)) });
        expect(result.error).toBeUndefined();
        const where = JSON.stringify(value);
        // Plain restore of every string is exact (README: restore(redact(x)) === x).
        expect(restoreValue(result.value, vault, { parseJson: false }), where).toEqual(value);
        // With JSON strings restored as JSON (escaping each original for its string literal),
        // the structure is the same, every other string is exact, and a JSON string stays
        // valid JSON; it is exact when it holds no escape and every token stood inside one of
        // its string literals (an original taken from JSON text with escapes in it is escaped
        // again: reported, see the fuzz report of 2026-11-23).
        const restored = strings(restoreValue(result.value, vault) as Json);
        const originals = strings(value);
        expect(restored.length, where).toBe(originals.length);
        const redactedStrings = strings(result.value as Json);
        originals.forEach((original, index) => {
          const isJson = /^[ \t\n\r]*[[{]/.test(original) && parses(original);
          if (!isJson) return expect(restored[index], where).toBe(original);
          expect(parses(restored[index]), `${where}: ${JSON.stringify(restored[index])}`).toBe(true);
          if (!original.includes('\\') && tokensInsideLiterals(redactedStrings[index])) expect(restored[index], where).toBe(original);
        });
      }),
      params(RUNS / 4),
    );
  });
});

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** True when every token `[…_N]` of tokenized JSON text (without backslashes) lies between two quotes of one string literal. */
function tokensInsideLiterals(text: string): boolean {
  let inside = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (char === '"') inside = !inside;
    else if (char === '[' && !inside && /^\[[A-Z][A-Z0-9_]*_[1-9][0-9]*\]/.test(text.slice(index))) return false;
  }
  return true;
}
