import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createRedactor, createScan, createTokenizer, createVault, defaultDetectors, label, mask, type Detector, type Finding, type Redactor } from '../../src/index.js';
// Long stretches come from one seed (mulberry32), not from thousands of shrinkable picks.
import { createRandom } from '../../bench/fixtures.js';
import { DIGIT_FORMS } from '../helpers/lookalikes.js';
import { cut, restoreThrough } from '../helpers/stream.js';
import { expandedLookbehind, hasNormalizable } from '../../src/normalize.js';
import { cardValue, emailValue, ibanValue, ipv4Value, ipv6Value, phoneValue, plantedValue, ssnValue } from '../helpers/values.js';
import { params, RUNS } from '../helpers/fuzz-runs.js';

/**
 * Fuzzing LONG streams (300 to 30,000 code units): the engine's state only changes there. After
 * a release a stream keeps `pipeline.lookbehind` code units of emitted text as context (wider
 * when that text was normalised, `expandedLookbehind`), shifts `base`, tracks `lastWide` across
 * trims, and skips checks (MIN_CHECK, MIN_TOKEN_CHECK, RELEASE_CHECK_LENGTH, AMORTIZE in
 * src/stream/incremental.ts). Texts are chat and log messages with planted values at random
 * offsets: right after long clean stretches, at distances from the previous value near the
 * detectors' lookbehinds, 50 to 250 code units after a context word, far after a non-ASCII or
 * invisible character, with invisible characters inside a late value, after runs of 2,000+ units
 * without a boundary, and joined by '\n', '\r\n' or '\n\n' into one log stream. Each stream mixes
 * chunk sizes of 1, 2-8, 32-200 and 1,000-8,000, and is also cut inside values and surrogate pairs.
 *
 * FUZZ_RUNS sets the runs per property (default 2000; the long-text properties run a fraction
 * of it); FC_SEED a fixed seed (the fuzz config loads no setup file, so without it every run
 * explores a new seed, printed on failure). FUZZ_STATS=1 prints the figures measured.
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);


// ---------------------------------------------------------------------------------------------
// Vocabulary. Prose words no default detector reads as a cue, so a clean stretch is clean.

const PROSE = [
  'the', 'a', 'and', 'then', 'we', 'you', 'it', 'is', 'was', 'will', 'meeting', 'tomorrow', 'please', 'send', 'report', 'thanks',
  'build', 'restarted', 'deploy', 'finished', 'ok', 'sure', 'later', 'review', 'the', 'branch', 'merged', 'tests', 'green', 'lunch',
  'coffee', 'weekend', 'plan', 'agenda', 'notes', 'slides', 'draft', 'sounds', 'good', 'great', 'see', 'friday', 'team', 'update',
  'cache', 'queue', 'worker', 'retry', 'timeout', 'request', 'done', 'ready', 'hello', 'hi', 'yes', 'no', 'maybe', 'with', 'for',
];
const PROSE_PUNCT = [' ', ' ', ' ', ' ', ' ', ', ', '. ', '! ', '? ', ' - ', ': '];
/** Log line heads (timestamps are not birth dates without a cue). */
const LOG_HEADS = [
  '2026-11-23T05:40:50Z INFO ', '2026-11-23 05:41:02,117 WARN [worker-3] ', 'level=info msg="', 'E1123 05:40:50.123456 4242 server.go:88] ',
  '[pid 4242] ', 'GET /api/v1/items/48213 200 12ms ', 'INFO  ', '<14>Nov 23 05:40:50 host app[99]: ', '{"level":"info","msg":"', '',
];
/** Context words placed 50 to 250 code units before a value. */
const CONTEXT = [
  'my SSN is', 'SSN:', 'born on', 'date of birth', 'DOB:', 'I live at', 'my address is', 'diagnosed with', 'password:', 'api_key=',
  'call me at', 'phone', 'email me at', 'card number', 'IBAN:', 'IP', 'token=', 'Authorization: Bearer',
];
const INVISIBLES = ['\u200b', '\u200c', '\u200d', '\u00ad', '\u200e', '\u2060', '\ufeff', '\ufe0f', '\u202e', '\udb40\udc20', '\ud834\udd73'];
/** Non-ASCII characters a stretch may hold far before a value: some change the view (invisible, look-alike digit, full-width), some only set `lastWide`. */
const FAR_CHARS = ['é', 'ß', '😀', '𝒜', '日本', '’', '\u00a0', '\u200b', '\u00ad', '\ufeff', '\u202e', '４', '٣', '𝟒', '＠', '．', '\u2011', '\udb40\udc20', '\u200b'.repeat(5), '\u00ad\u00ad\u00ad\u00ad'];

/** Clean prose of about `length` code units from `seed`: words and punctuation only. */
function prose(seed: number, length: number): string {
  const next = createRandom(seed);
  let text = '';
  while (text.length < length) text += PROSE[Math.floor(next() * PROSE.length)] + PROSE_PUNCT[Math.floor(next() * PROSE_PUNCT.length)];
  return text;
}

/** Log lines of about `length` code units joined by `newline`. */
function logLines(seed: number, length: number, newline: string): string {
  const next = createRandom(seed);
  let text = '';
  while (text.length < length) text += LOG_HEADS[Math.floor(next() * LOG_HEADS.length)] + prose(Math.floor(next() * 2 ** 31), 20 + Math.floor(next() * 100)).trimEnd() + newline;
  return text;
}

/** A run of `length` code units without a word boundary for most detectors: letters, digits, '-', '.', base64. */
const RUN_KINDS = [
  'a', 'x', '1', '9', '-', '.', 'ab1', 'Zx8f', '12-', '1.', 'a.', 'base64', 'hex', 'digits',
  // Runs every detector of a family keeps reading: spaced digits, IPv6 groups, addresses, spelled-out emails, key prefixes.
  '1 ', '12 34 ', '4111 ', '1-', 'a:', '1:', 'ab::', 'a@', '@a.', 'a.b', ' at ', ' dot ', 'x at y ', '(at)', 'Main St ', '12 Main ', '+1 ', '+',
  '=', '%2F', 'eyJ', 'AKIA', 'ghp_', '/', '?a=', '&', '12/', '\n', 'diabetes ', 'born ', 'DOB ', 'SSN ',
  // Runs the view changes, or keeps because they are longer than MAX_RUN: invisibles, look-alike digits, full-width, surrogates.
  '\u200b', '\u00ad', '\u200b1', '1\u00ad', '٣', '𝟒', '４', '＠', '\u2011', '😀', '\udc00', 'é', '\r\n', '\n', ' ',
] as const;
function run(kind: (typeof RUN_KINDS)[number], seed: number, length: number): string {
  const next = createRandom(seed);
  const alphabet = kind === 'base64' ? 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/' : kind === 'hex' ? '0123456789abcdef' : kind === 'digits' ? '0123456789' : undefined;
  if (alphabet === undefined) return kind.repeat(Math.ceil(length / kind.length)).slice(0, length);
  let text = '';
  for (let index = 0; index < length; index++) text += alphabet[Math.floor(next() * alphabet.length)];
  return text;
}

// ---------------------------------------------------------------------------------------------
// Values of every default detector (test/helpers/values.ts, plus the word-driven and evasion shapes).

const digitsOf = (value: string) => value.replace(/[^0-9]/g, '');
const fromAlphabet = (alphabet: string, min: number, max: number) => fc.array(pick([...alphabet]), { minLength: min, maxLength: max }).map((c) => c.join(''));
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const pad2 = (value: number) => String(value).padStart(2, '0');

const dobValue = fc
  .tuple(pick(['DOB: ', 'born on ', 'date of birth: ', 'my birthday is ', 'Date of Birth ', 'b. ']), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1930, max: 2010 }), fc.integer({ min: 0, max: 3 }))
  .map(([cue, d, m, y, format]) => cue + [`${pad2(m)}/${pad2(d)}/${y}`, `${y}-${pad2(m)}-${pad2(d)}`, `${['January', 'March', 'July', 'October'][m % 4]} ${d}, ${y}`, `${d}.${m}.${y}`][format]);
const addressValue = fc
  .tuple(fc.integer({ min: 1, max: 9999 }), pick(['Main', 'Baker', 'High', 'Elm', 'Oak', 'Pennsylvania', 'Sunset', 'Old Mill']), pick(['Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Lane', 'Boulevard', 'Drive']), pick(['', ', Springfield, IL 62704', ' NW, Washington, DC 20500', ', Apt 4B', ', London SW1A 1AA', '']))
  .map(([house, name, suffix, tail]) => `${house} ${name} ${suffix}${tail}`);
const healthValue = pick(['diagnosed with diabetes', 'type 2 diabetes', 'metformin 500mg', 'HIV positive', 'my depression', 'chemo', 'diagnosed with depression', "Crohn's disease", 'panic attacks', 'insulin']);
/** A PEM block with a long body: a value of hundreds to thousands of code units. */
const pemValue = fc
  .tuple(pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY']), fc.integer({ min: 40, max: 3000 }), fc.nat(), pick(['\n', '\r\n']))
  .map(([kind, length, seed, newline]) => {
    const body = run('base64', seed, length).replace(/(.{64})(?=.)/g, `$1${newline}`);
    return `-----BEGIN ${kind}-----${newline}${body}${newline}-----END ${kind}-----`;
  });
const secretValue = fc.oneof(
  fromAlphabet('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 16, 16).map((body) => `AKIA${body}`),
  fromAlphabet(ALNUM, 36, 36).map((body) => `ghp_${body}`),
  fromAlphabet(ALNUM, 24, 24).map((body) => `sk_live_${body}`),
  fromAlphabet(`${ALNUM}!@#$%`, 8, 20).map((body) => `password: ${body}`),
  fromAlphabet(`${ALNUM}_-`, 20, 40).map((body) => `api_key=${body}`),
  pemValue,
);
const urlValue = fc
  .tuple(pick(['https://example.com/reset?token=', 'https://app.example.co.uk/u?email=', 'http://x.io/login?session=', 'https://example.org/a?access_token=']), fromAlphabet(`${ALNUM}-_.`, 8, 40))
  .map(([head, value]) => head + value);
const obfuscatedValue = fc
  .tuple(fromAlphabet('abcdefghij', 2, 8), pick([' at ', '(at)', ' [at] ', ' AT ']), pick(['gmail', 'example', 'corp', 'outlook']), pick([' dot ', '(dot)', ' [dot] ']), pick(['com', 'org', 'io']))
  .map((parts) => parts.join(''));
const spacedCard = cardValue.map((card) => [...digitsOf(card)].join(' '));
const spacedSsn = ssnValue.map((ssn) => [...ssn].map((char) => (char === '-' ? '-' : char)).join(' '));
/** spaced-phone needs a cue (a list of ten digits is not a phone number without one). */
const spacedPhone = fc.tuple(pick(['call me at ', 'phone: ', 'tel ', 'call ']), phoneValue.filter((phone) => phone.startsWith('('))).map(([cue, phone]) => cue + [...digitsOf(phone)].join(' '));
const wrappedCard = fc.tuple(cardValue, pick(['\n', '\r\n'])).map(([card, newline]) => (card.includes(' ') ? card.replace(' ', newline) : `${card.slice(0, 8)}${newline}${card.slice(8)}`));
const wrappedIban = fc.tuple(ibanValue, pick(['\n', '\r\n'])).map(([iban, newline]) => (iban.includes(' ') ? iban.replace(/ (?=\S+ \S+$)/, newline) : `${iban.slice(0, 10)}${newline}${iban.slice(10)}`));

/**
 * Values a detector reports only after a cue a few words before them, the cue 0 to 40 code units
 * away: what a stream's kept context must still hold when the value arrives after a release.
 * (Measured windows: us-ssn 34 units of filler, phone 24, health 21, spaced-phone 20,
 * spaced-us-ssn 35, date-of-birth 4.)
 */
const cuedValue = fc
  .tuple(fc.integer({ min: 0, max: 5 }), fc.nat(), fc.integer({ min: 0, max: 40 }), ssnValue, phoneValue.filter((phone) => phone.startsWith('(')), fc.integer({ min: 1930, max: 2010 }))
  .map(([kind, seed, distance, ssn, phone, year]) => {
    const filler = prose(seed, distance).slice(0, kind === 2 ? distance % 8 : distance);
    switch (kind) {
      case 0: return `SSN: ${filler} ${digitsOf(ssn)}`;
      case 1: return `phone: ${filler} ${digitsOf(phone)}`;
      case 2: return `born on ${filler} 03/04/${year}`;
      case 3: return `diagnosed with ${filler} ${['depression', 'anxiety', 'a stroke', 'cancer'][seed % 4]}`;
      case 4: return `call me at ${filler} ${[...digitsOf(phone)].join(' ')}`;
      default: return `SSN ${filler} ${[...digitsOf(ssn)].join(' ')}`;
    }
  });

/**
 * Values at the length limits of the detectors (src/detectors/secret.ts MAX_VALUE 256, MAX_KEY
 * 64, MAX_TOKEN 4096, MAX_PEM 10,000; url.ts MAX_URL 2048; email.ts MAX_LOCAL 64, MAX_LABEL 63,
 * 318 in all; obfuscated-email.ts MAX_LOCAL_SPAN 96; spaced-digits.ts MAX_DIGITS 24), one or
 * two units either side: a stream must decide them as the whole text does however they are cut.
 */
const limitValue = fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: -3, max: 3 }), fc.nat()).map(([kind, delta, seed]) => {
  const b64url = (length: number) => run('base64', seed, length).replace(/\+/g, '-').replace(/\//g, '_');
  const alnum = (length: number) => b64url(length).replace(/[-_]/g, 'Q');
  switch (kind) {
    case 0: return `password=${alnum(256 + delta)}`;
    case 1: return `${'k'.repeat(55 + delta)}_password=${alnum(12)}`;
    case 2: return `Authorization: Bearer ${b64url(4096 + delta)}`;
    case 3: return `eyJhbGciOiJIUzI1NiJ9.eyJ${b64url(4096 - 66 + delta)}.${b64url(43)}`;
    case 4: return `https://example.com/${'a'.repeat(2048 - 42 + delta)}?token=abc123def456ghi789`;
    case 5: return `${'j'.repeat(64 + Math.min(0, delta))}@${'b'.repeat(63 + Math.min(0, delta))}.${'c'.repeat(63)}.${'d'.repeat(63)}.${'e'.repeat(57 + delta)}.com`;
    case 6: return `https://jane:${alnum(256 + delta)}@example.com/x`;
    case 7: return `-----BEGIN RSA PRIVATE KEY-----\n${run('base64', seed, 10_000 - 62 + delta * 3)}\n-----END RSA PRIVATE KEY-----`;
    case 8: return [...run('digits', seed, 24 + delta)].join(' ');
    default: return `${'x'.repeat(96 + delta)} at gmail dot com`;
  }
});

/** A value of one of the default detectors' shapes. */
const value: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: plantedValue.map((planted) => planted.value) },
  { weight: 1, arbitrary: emailValue },
  { weight: 2, arbitrary: dobValue },
  { weight: 2, arbitrary: addressValue },
  { weight: 2, arbitrary: healthValue },
  { weight: 2, arbitrary: secretValue },
  { weight: 1, arbitrary: urlValue },
  { weight: 1, arbitrary: obfuscatedValue },
  { weight: 1, arbitrary: spacedCard },
  { weight: 1, arbitrary: spacedSsn },
  { weight: 1, arbitrary: spacedPhone },
  { weight: 1, arbitrary: wrappedCard },
  { weight: 1, arbitrary: wrappedIban },
  { weight: 1, arbitrary: fc.oneof(ssnValue, phoneValue, ipv4Value, ipv6Value) },
  { weight: 4, arbitrary: cuedValue },
  { weight: 1, arbitrary: limitValue },
);

/** A value with invisible characters or look-alike digits inside it (what the view sees through). */
const evadedValue = fc.tuple(value, fc.array(fc.tuple(fc.nat(), fc.array(pick(INVISIBLES), { minLength: 1, maxLength: 5 })), { minLength: 1, maxLength: 4 }), fc.nat(), fc.boolean()).map(([text, inserts, variant, swap]) => {
  let out = swap ? text.replace(/[0-9]/g, (digit, index: number) => ((index + variant) % 3 === 0 ? DIGIT_FORMS[variant % DIGIT_FORMS.length](Number(digit)) : digit)) : text;
  for (const [at, invisibles] of inserts) {
    let k = at % (out.length + 1);
    if (k > 0 && k < out.length && (out.charCodeAt(k) & 0xfc00) === 0xdc00) k--; // not inside a pair
    out = out.slice(0, k) + invisibles.join('') + out.slice(k);
  }
  return out;
});

// ---------------------------------------------------------------------------------------------
// Segments: how a long stream is put together. Each knows where its value lies.

interface Segment {
  readonly text: string;
  /** Start and end of the planted value inside `text`, or undefined. */
  readonly value?: readonly [number, number];
}
const withValue = (before: string, planted: string, after = ''): Segment => ({ text: before + planted + after, value: [before.length, before.length + planted.length] });
const SEPARATORS = [' ', ' ', '. ', ', ', '\n', '\r\n', '\n\n', ': ', ' (', ') ', '\t', ''];

const segment: fc.Arbitrary<Segment> = fc.oneof(
  // A long clean stretch (the buffer is trimmed many times), then a value.
  { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 300, max: 4000 }), pick(SEPARATORS), value).map(([seed, length, separator, planted]) => withValue(prose(seed, length) + separator, planted)) },
  // A value at a distance from the previous one near the lookbehinds (60-340 code units).
  { weight: 4, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 60, max: 340 }), pick(SEPARATORS), value).map(([seed, length, separator, planted]) => withValue(prose(seed, length).slice(0, length) + separator, planted)) },
  // A context word, 50-250 code units of prose, a value.
  { weight: 3, arbitrary: fc.tuple(pick(CONTEXT), fc.nat(), fc.integer({ min: 0, max: 250 }), value).map(([context, seed, length, planted]) => withValue(`${context} ${prose(seed, length).slice(0, length)} `, planted)) },
  // A non-ASCII / invisible character far before a value (lastWide set, then trimmed away or not).
  { weight: 3, arbitrary: fc.tuple(pick(FAR_CHARS), fc.nat(), fc.integer({ min: 100, max: 5000 }), pick(SEPARATORS), fc.oneof(value, evadedValue)).map(([far, seed, length, separator, planted]) => withValue(far + prose(seed, length) + separator, planted)) },
  // Invisible characters inside a value that arrives late.
  { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 200, max: 3000 }), pick(SEPARATORS), evadedValue).map(([seed, length, separator, planted]) => withValue(prose(seed, length) + separator, planted)) },
  // A run of 2,000+ code units without a boundary, then a value (glued or not).
  { weight: 2, arbitrary: fc.tuple(pick(RUN_KINDS), fc.nat(), fc.integer({ min: 300, max: 6000 }), pick(['', '', ' ', '\n', '-', '.', '=', '/']), value, pick(['', ' ', '\n'])).map(([kind, seed, length, separator, planted, after]) => withValue(run(kind, seed, length) + separator, planted, after)) },
  // A value, then a run without a boundary: the value's window stays open while the run grows
  // past what a detector re-examines at the end of a held text.
  { weight: 2, arbitrary: fc.tuple(value, pick(['', ' ', '\n', ', ', '-', '.']), pick(RUN_KINDS), fc.nat(), fc.integer({ min: 100, max: 5000 })).map(([planted, separator, kind, seed, length]) => withValue('', planted, separator + run(kind, seed, length))) },
  // Log messages joined by '\n', '\r\n' or '\n\n', a value inside the last one.
  { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 100, max: 3000 }), pick(['\n', '\r\n', '\n\n']), pick(LOG_HEADS), value).map(([seed, length, newline, head, planted]) => withValue(logLines(seed, length, newline) + head, planted, newline)) },
  // A long stretch densely evaded (an invisible run or a look-alike every few units): the view
  // differs from the text all along, the kept context is the widened one, the view maps are long.
  { weight: 2, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 200, max: 3000 }), fc.integer({ min: 1, max: 24 }), fc.array(pick([...INVISIBLES, '\u200b\u200b\u200b\u200b', '\u00ad'.repeat(5), '٣', '４', '\u2011']), { minLength: 1, maxLength: 4 }), pick(SEPARATORS), fc.oneof(value, evadedValue)).map(([seed, length, every, marks, separator, planted]) => {
    const clean = prose(seed, length);
    let text = '';
    for (let index = 0; index < clean.length; index += every) text += clean.slice(index, index + every) + marks[(index / every) % marks.length];
    return withValue(text + separator, planted);
  }) },
  // Log lines each carrying a value: many findings, each released after the context of the last.
  { weight: 1, arbitrary: fc.tuple(fc.array(fc.tuple(pick(LOG_HEADS), fc.nat(), fc.integer({ min: 0, max: 120 }), value), { minLength: 2, maxLength: 20 }), pick(['\n', '\r\n', '\n\n'])).map(([lines, newline]) => {
    let text = '';
    for (const [head, seed, length, planted] of lines.slice(0, -1)) text += `${head}${prose(seed, length).slice(0, length)} ${planted}${newline}`;
    const [head, seed, length, planted] = lines[lines.length - 1];
    return withValue(`${text}${head}${prose(seed, length).slice(0, length)} `, planted, newline);
  }) },
  // Short chat between values: values close together.
  { weight: 3, arbitrary: fc.tuple(fc.nat(), fc.integer({ min: 0, max: 40 }), pick(SEPARATORS), value).map(([seed, length, separator, planted]) => withValue(prose(seed, length).slice(0, length) + separator, planted)) },
);

/** A long text: segments (then a tail of prose, a run, or nothing), with its values' spans. */
interface LongText {
  readonly text: string;
  readonly values: readonly (readonly [number, number])[];
}
const longText = (maxSegments: number, maxLength: number): fc.Arbitrary<LongText> =>
  fc
    .tuple(fc.array(fc.tuple(segment, pick(SEPARATORS)), { minLength: 1, maxLength: maxSegments }), fc.oneof(fc.constant(''), fc.tuple(fc.nat(), fc.integer({ min: 1, max: 600 })).map(([seed, length]) => prose(seed, length)), fc.tuple(pick(RUN_KINDS), fc.nat(), fc.integer({ min: 1, max: 3000 })).map(([kind, seed, length]) => run(kind, seed, length))))
    .map(([segments, tail]) => {
      let text = '';
      const values: [number, number][] = [];
      for (const [{ text: piece, value: span }, separator] of segments) {
        if (text.length + piece.length > maxLength && values.length > 0) break;
        if (span !== undefined) values.push([text.length + span[0], text.length + span[1]]);
        text += piece + separator;
      }
      return { text: text + tail.slice(0, Math.max(0, maxLength - text.length)), values };
    })
    .filter(({ text }) => text.length >= 300);

// ---------------------------------------------------------------------------------------------
// Chunkings: chunk sizes of 1, 2-8, 32-200 and 1,000-8,000 mixed in one stream, plus cuts inside
// values and inside surrogate pairs.

const chunkSize = fc.oneof(fc.constant(1), fc.integer({ min: 2, max: 8 }), fc.integer({ min: 32, max: 200 }), fc.integer({ min: 1000, max: 8000 }));
/** A chunking plan: runs of (size, repeat) cycled until the text is consumed, and extra cuts. */
const chunkPlan = fc.record({
  sizes: fc.array(fc.tuple(chunkSize, fc.integer({ min: 1, max: 60 })), { minLength: 1, maxLength: 8 }),
  insideValues: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 }),
  insidePairs: fc.array(fc.nat(), { maxLength: 4 }),
});
type ChunkPlan = typeof chunkPlan extends fc.Arbitrary<infer T> ? T : never;

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

function chunksOf({ text, values }: LongText, plan: ChunkPlan): string[] {
  const points = new Set<number>();
  let at = 0;
  for (let step = 0; at < text.length; step++) {
    const [size, repeat] = plan.sizes[step % plan.sizes.length];
    for (let k = 0; k < repeat && at < text.length; k++) {
      at += size;
      points.add(at);
    }
  }
  // Cuts inside planted values (a value arriving over two chunks, maybe over a long pause of 1-char chunks).
  for (const [which, offset] of plan.insideValues) {
    if (values.length === 0) break;
    const [start, end] = values[which % values.length];
    points.add(start + 1 + (offset % Math.max(1, end - start - 1)));
  }
  // Cuts between the halves of surrogate pairs.
  const pairs: number[] = [];
  for (let index = 1; index < text.length; index++) if (isHigh(text.charCodeAt(index - 1)) && isLow(text.charCodeAt(index))) pairs.push(index);
  for (const which of plan.insidePairs) if (pairs.length > 0) points.add(pairs[which % pairs.length]);
  return cut(text, [...points]);
}

// ---------------------------------------------------------------------------------------------
// Checks.

const DEFAULTS = defaultDetectors();
const LOOKBEHIND = Math.max(...DEFAULTS.map((detector) => detector.lookbehind));
/**
 * Most code units one detector may hold at the end of a text, as test/fuzz/digits.fuzz.ts bounds
 * it: twice what it declares (maxLength + lookbehind), plus a word. What the detectors hold is
 * bounded but not always within maxLength + lookbehind: credit-card holds 64 units of any run
 * ('.', '1', '-'), more than 23 + 8. The largest seen per detector: FUZZ_STATS=1.
 */
const heldBound = (detector: Detector) => 2 * (detector.maxLength + detector.lookbehind) + 32;
/**
 * Bound on `stream.pending` after any push, from src/stream/incremental.ts: after a check the
 * stream holds what the pipeline holds: the earliest cut of its detectors, moved back out of
 * findings decided before it. A detector holds at most an undecided value (`maxLength`) and
 * what it reads before it (`lookbehind`), or a fixed window over a run (credit-card's 64), in
 * units of the view, each standing for at most expandedLookbehind(1) - 12 = 10 units of an
 * evaded text (1 of a clean one). A skipped check adds less than 1/AMORTIZE of that, or less
 * than RELEASE_CHECK_LENGTH units without a boundary. Measured (FUZZ_STATS=1): 11,103 in clean
 * text (an open PEM block, secret's MAX_PEM 10,000, plus 1/8), bound 11,938.
 */
const streamBound = (detectors: readonly Detector[], evaded: boolean) =>
  Math.ceil(((AMORTIZE + 1) / AMORTIZE) * Math.max(...detectors.map((detector) => detector.maxLength + detector.lookbehind + RUN_WINDOW)) * (evaded ? 10 : 1)) + RELEASE_CHECK_LENGTH;
/** Longest window a default detector keeps over a run of its characters (credit-card's TAIL_LIMIT). */
const RUN_WINDOW = 64;
/**
 * Code units of clean prose after which everything before it is decided: more than the longest
 * reach of a default detector over words (street-address 264 + 160, obfuscated-email 231 + 138),
 * PEM blocks aside. A stream may release it up to 1/AMORTIZE of what it held later (its next
 * check waits for that much text).
 */
const PROSE_SETTLE = 500;
/**
 * Most a stream holds in clean prose once settled: every default detector holds at most the
 * trailing word and its punctuation (measured: 11 units); a stream adds what it skips checking
 * for: up to MIN_TOKEN_CHECK (18) units of small chunks, or a word of letters pushed without a
 * boundary (< RELEASE_CHECK_LENGTH, but a prose word is under 12), or 1/AMORTIZE more. 64 leaves
 * room for a detector that holds two words.
 */
const PROSE_HELD = 64;
/** AMORTIZE and RELEASE_CHECK_LENGTH of src/stream/incremental.ts. */
const AMORTIZE = 8;
const RELEASE_CHECK_LENGTH = 256;

interface Stats {
  /** Largest code units held by each detector at a sampled prefix, over its maxLength + lookbehind. */
  held: Record<string, string>;
  maxPending: number;
  maxPendingProse: number;
  maxPendingClean: number;
  texts: number;
  length: number;
  findings: number;
  pushes: number;
}
const stats: Stats = { held: {}, maxPending: 0, maxPendingProse: 0, maxPendingClean: 0, texts: 0, length: 0, findings: 0, pushes: 0 };

/** Streams `chunks`, checking `pending` after every push; returns output and findings. */
function streamChecked(redactor: Redactor, chunks: readonly string[], bound: number, evaded: boolean) {
  const stream = redactor.stream();
  let out = '';
  let pushed = 0;
  for (const chunk of chunks) {
    out += stream.push(chunk);
    pushed += chunk.length;
    stats.pushes++;
    const pending = stream.pending;
    expect(pending, `pending after ${pushed} code units`).toBeLessThanOrEqual(Math.min(pushed, bound));
    if (pending > stats.maxPending) stats.maxPending = pending;
    if (!evaded && pending > stats.maxPendingClean) stats.maxPendingClean = pending;
  }
  out += stream.end();
  expect(stream.pending).toBe(0);
  return { text: out, findings: stream.findings };
}

/** Stream output and findings equal the one-shot ones; values (includeValues) equal the text's slices. */
function expectLongStreamEquivalent(redactor: Redactor, detectors: readonly Detector[], text: string, chunks: readonly string[], withValues: boolean): void {
  const oneShot = redactor.redact(text);
  expect(oneShot.error).toBeUndefined();
  const evaded = hasNormalizable(text);
  const streamed = streamChecked(redactor, chunks, streamBound(detectors, evaded), evaded);
  const where = `chunk lengths ${JSON.stringify(chunks.map((chunk) => chunk.length))}`;
  expect(streamed.text, where).toBe(oneShot.text);
  expect(streamed.findings, where).toEqual(oneShot.findings);
  if (withValues) for (const finding of streamed.findings) expect((finding as Finding & { value?: string }).value, where).toBe(text.slice(finding.start, finding.end));
  stats.texts++;
  stats.length += text.length;
  stats.findings += oneShot.findings.length;
}

const findAll = (detector: Detector, text: string, from = 0) => {
  const out: Finding[] = [];
  detector.find(createScan(text, from), out);
  return out;
};
const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.type} ${f.start}-${f.end} ${f.score} ${f.category ?? ''}`).sort();

/**
 * The pending promise of `detector` at sampled prefixes of a long text (the rest of the text being
 * what is appended), asked as the engine asks it: on the prefix from 0, and on the prefix cut
 * `lookbehind` units before an index `from` the detector promised at an earlier prefix (the
 * stream's buffer after a release: context, then held text). For each answer q: q in [from,
 * length]; the findings starting in [from, q) are the whole text's, and none ends after q; at
 * most `heldBound` units are held. And `find` on the text cut `lookbehind` units before an index
 * reports the whole text's findings from there (it reads no further back). Sampled: prefixes
 * ending at and around each value's edges, a lookbehind after them, and at random offsets.
 */
function keepsPromiseSampled(detector: Detector, { text, values }: LongText, offsets: readonly number[]): void {
  const lookbehind = detector.lookbehind;
  const whole = findAll(detector, text);
  const lengths = new Set<number>([text.length]);
  for (const [start, end] of values) {
    for (const delta of [-1, 0, 1, 2]) {
      lengths.add(start + delta);
      lengths.add(end + delta);
    }
    lengths.add(end + lookbehind);
    lengths.add(end + lookbehind + 1);
  }
  for (const offset of offsets) {
    lengths.add(offset % (text.length + 1));
    // And where a value's window ends: a few hundred units after it, where a detector stops
    // re-reading the tail (health's REACH, street-address's BACK + FORWARD, secret's MAX_VALUE...).
    for (const [start] of values) lengths.add(start + (offset % 700));
  }
  const sorted = [...lengths].filter((length) => length >= 0 && length <= text.length).sort((a, b) => a - b);
  const where = (call: string, q: number) => `${detector.name}.pending(${call}) = ${q}; text ${JSON.stringify(text)}`;
  const expectPromise = (ofPrefix: readonly Finding[], from: number, q: number, length: number, call: string) => {
    expect(q >= from && q <= length, where(call, q)).toBe(true);
    const decided = (f: Finding) => f.start >= from && f.start < q;
    expect(describeFindings(ofPrefix.filter(decided)), where(call, q)).toEqual(describeFindings(whole.filter(decided)));
    for (const finding of whole) if (decided(finding)) expect(finding.end, where(call, q)).toBeLessThanOrEqual(q);
  };
  let promised = 0;
  let round = 0;
  for (const length of sorted) {
    const prefix = text.slice(0, length);
    if (isHigh(prefix.charCodeAt(length - 1))) continue; // the pipeline holds half a pair itself
    const ofPrefix = findAll(detector, prefix);
    const p0 = detector.pending(prefix, 0);
    expectPromise(ofPrefix, 0, p0, length, `prefix of ${length}, 0`);
    expect(length - p0, `${detector.name} holds ${length - p0} of a prefix of ${length}`).toBeLessThanOrEqual(heldBound(detector));
    const ratio = (length - p0) / (detector.maxLength + detector.lookbehind);
    if (ratio > Number.parseFloat(stats.held[detector.name] ?? '0')) stats.held[detector.name] = `${ratio.toFixed(2)} (${length - p0} of ${detector.maxLength} + ${detector.lookbehind})`;
    // As a stream's buffer: `lookbehind` units of context before `from`, then the held text.
    // `from` is where the stream released up to: this detector's earlier promise, or (every
    // other prefix) an earlier index, where another detector or a crossing finding cut.
    const from = Math.min(round % 2 === 0 ? promised : promised - (offsets[round % offsets.length] % (promised + 1)), length);
    round++;
    const base = Math.max(0, from - lookbehind);
    const buffer = prefix.slice(base);
    const q = base + detector.pending(buffer, from - base);
    const ofBuffer = findAll(detector, buffer, from - base).map((f) => ({ ...f, start: f.start + base, end: f.end + base }));
    expectPromise(ofBuffer, from, q, length, `prefix of ${length} cut at ${base}, ${from - base}`);
    promised = p0;
  }
  // `find` reads at most `lookbehind` units before `scan.from`: from random offsets, and from
  // just before each value (where its cue is behind the cut).
  const froms = offsets.map((offset) => offset % (text.length + 1));
  for (const [start, end] of values) {
    for (const delta of [1, 2, 3, 6, 12]) if (start - delta >= 0) froms.push(start - delta);
    for (let at = start; at < end && at < start + 60; at += 5) froms.push(at);
  }
  for (const from of froms) {
    const base = Math.max(0, from - lookbehind);
    const found = findAll(detector, text.slice(base), from - base).map((f) => ({ ...f, start: f.start + base, end: f.end + base }));
    expect(describeFindings(found), `${detector.name}.find from ${from} on the text cut at ${base}; text ${JSON.stringify(text)}`).toEqual(describeFindings(whole.filter((f) => f.start >= from)));
  }
}

const pick0 = <T>(values: readonly T[], seed: number) => values[seed % values.length];
const chunkedLong = (maxSegments: number, maxLength: number) => fc.tuple(longText(maxSegments, maxLength), chunkPlan).map(([long, plan]) => ({ long, chunks: chunksOf(long, plan) }));

// ---------------------------------------------------------------------------------------------

describe('fuzz: long streams', () => {
  // Properties run synchronously for seconds: give vitest's RPC a turn of the event loop between them.
  afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

  it('builds long texts in which every default detector finds something, with values far into the stream', () => {
    const redactor = createRedactor();
    const hits = new Map<string, number>();
    let far = 0;
    const texts = fc.sample(longText(12, 12_000), params(300));
    for (const { text } of texts) {
      for (const finding of redactor.redact(text).findings) {
        hits.set(finding.detector, (hits.get(finding.detector) ?? 0) + 1);
        if (finding.start > 2 * expandedLookbehind(LOOKBEHIND)) far++;
      }
    }
    const lengths = texts.map(({ text }) => text.length).sort((a, b) => a - b);
    if (process.env.FUZZ_STATS) console.log({ hits: Object.fromEntries(hits), far, medianLength: lengths[lengths.length >> 1], maxLength: lengths[lengths.length - 1] });
    for (const detector of DEFAULTS) expect(hits.get(detector.name) ?? 0, detector.name).toBeGreaterThan(0);
    expect(far).toBeGreaterThan(texts.length);
    expect(lengths[0]).toBeGreaterThanOrEqual(300);
  });

  for (const normalize of [true, false]) {
    it(`default set (normalize ${normalize}): a long stream in mixed chunk sizes gives the one-shot output and findings, and pending stays bounded`, () => {
      const redactor = createRedactor({ normalize });
      fc.assert(
        fc.property(chunkedLong(14, 16_000), ({ long, chunks }) => expectLongStreamEquivalent(redactor, DEFAULTS, long.text, chunks, false)),
        params(RUNS / (normalize ? 8 : 16)),
      );
    });
  }

  it('includeValues and other operators: long streams report the one-shot findings with their values, in whole-stream coordinates, to operators too', () => {
    // An operator that writes each finding's offsets: streamed, it sees them in whole-stream
    // coordinates (the buffer's base added), as one-shot redaction shows them.
    const offsets = (value: string, finding: Finding) => `<${finding.type} ${finding.start}-${finding.end} ${value.length}>`;
    const redactors = [
      createRedactor({ includeValues: true }),
      createRedactor({ includeValues: true, operator: mask({ keepLast: 4 }) }),
      createRedactor({ includeValues: true, normalize: false, operator: label() }),
      createRedactor({ includeValues: true, operator: offsets }),
      createRedactor({ includeValues: true, normalize: false, operator: offsets }),
    ];
    fc.assert(
      fc.property(chunkedLong(10, 12_000), fc.nat(redactors.length - 1), ({ long, chunks }, which) => expectLongStreamEquivalent(redactors[which], DEFAULTS, long.text, chunks, true)),
      params(RUNS / 16),
    );
  });

  it('clean prose after a long stream is held no further than its trailing words, whatever came before', () => {
    const redactor = createRedactor();
    fc.assert(
      fc.property(longText(8, 8_000), fc.nat(), fc.integer({ min: PROSE_SETTLE + 200, max: 4000 }), chunkPlan, (long, seed, length, plan) => {
        const tail = prose(seed, length);
        const text = long.text + pick0(SEPARATORS, seed) + tail;
        const chunks = chunksOf({ text, values: long.values }, plan);
        // An unclosed PEM block (an invisible inserted into its footer) stays open for MAX_PEM units.
        const open = text.includes('-----BEGIN');
        const stream = redactor.stream();
        let out = '';
        let pushed = 0;
        // After a check a stream waits for 1/AMORTIZE of what it held to arrive before the next
        // one: a long hold before the prose (a run secret holds 4,098 units of) delays the check
        // that releases it by up to 1/AMORTIZE of the most ever held.
        let mostHeld = 0;
        const tailStart = text.length - length;
        for (const chunk of chunks) {
          out += stream.push(chunk);
          pushed += chunk.length;
          if (pushed < tailStart + PROSE_SETTLE + Math.ceil(mostHeld / AMORTIZE)) mostHeld = Math.max(mostHeld, stream.pending);
          else if (!open) {
            expect(stream.pending, `pending after ${pushed} of ${text.length} code units, chunk lengths ${JSON.stringify(chunks.map((c) => c.length))}`).toBeLessThanOrEqual(PROSE_HELD);
            if (stream.pending > stats.maxPendingProse) stats.maxPendingProse = stream.pending;
          }
        }
        expect(out + stream.end()).toBe(redactor.redact(text).text);
      }),
      params(RUNS / 16),
    );
  });

  it('a long stream tokenized into a vault restores exactly, one-shot and through the restoring stream, in mixed chunk sizes', () => {
    fc.assert(
      fc.property(chunkedLong(10, 12_000), chunkPlan, ({ long, chunks }, plan) => {
        const vault = createVault();
        const tokenizer = createTokenizer(vault);
        const streamed = streamChecked(tokenizer, chunks, streamBound(DEFAULTS, hasNormalizable(long.text)), hasNormalizable(long.text));
        const tokenized = streamed.text;
        expect(tokenized).toBe(createTokenizer(vault).redact(long.text).text);
        expect(vault.restore(tokenized)).toBe(long.text);
        expect(restoreThrough(vault, chunksOf({ text: tokenized, values: [] }, plan))).toBe(long.text);
      }),
      params(RUNS / 40),
    );
  });

  it('very long streams (up to 30,000 code units) with few, far-apart values', () => {
    const redactor = createRedactor({ includeValues: true });
    fc.assert(
      fc.property(chunkedLong(30, 30_000), ({ long, chunks }) => expectLongStreamEquivalent(redactor, DEFAULTS, long.text, chunks, true)),
      params(RUNS / 40),
    );
  });

  for (const detector of DEFAULTS) {
    it(`${detector.name} alone: keeps its pending promise at sampled prefixes of long texts, and streams them exactly`, () => {
      const alone = createRedactor({ detectors: [detector] });
      fc.assert(
        fc.property(chunkedLong(8, 8_000), fc.array(fc.nat(), { minLength: 4, maxLength: 16 }), ({ long, chunks }, offsets) => {
          keepsPromiseSampled(detector, long, offsets);
          expectLongStreamEquivalent(alone, [detector], long.text, chunks, false);
        }),
        params(RUNS / 40),
      );
    });
  }

  it('reports the figures measured', () => {
    if (process.env.FUZZ_STATS) {
      console.log({ ...stats, meanLength: Math.round(stats.length / Math.max(1, stats.texts)), streamBound: streamBound(DEFAULTS, false), lookbehind: LOOKBEHIND, wideLookbehind: expandedLookbehind(LOOKBEHIND) });
    }
    expect(stats.texts).toBeGreaterThan(0);
  });
});
