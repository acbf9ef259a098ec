import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createRedactor,
  createScan,
  dateOfBirth,
  email,
  health,
  HIGH_CONFIDENCE_SECRETS,
  label,
  mask,
  obfuscatedEmail,
  secret,
  streetAddress,
  url,
  type Detector,
  type Finding,
  type Operator,
} from '../../src/index.js';
import { HEALTH_LEXICON } from '../../src/data/health-lexicon.js';
import {
  AU_STATES,
  CA_PROVINCES,
  COUNT_NOUNS,
  COUNTRIES,
  DE_STREET_TYPES,
  DIRECTIONALS,
  FR_STREET_TYPES,
  LOCATION_CUES,
  MONTHS,
  NUMBER_CONTEXT_WORDS,
  ROAD_TYPES,
  TEMPORAL_PREPOSITIONS,
  UNIT_BARE,
  UNIT_WITH_ID,
  US_STATES,
} from '../../src/data/address-tables.js';
import { STREET_SUFFIX_ROWS } from '../../src/data/street-suffixes.js';
import { expectLabelledSpans, expectSecondPassNearLabels } from '../helpers/labels.js';
import { cut, expectStreamEquivalent } from '../helpers/stream.js';
import { params, RUNS } from '../helpers/fuzz-runs.js';

/**
 * Fuzzing the word-driven detectors (HEALTH, STREET_ADDRESS, DATE_OF_BIRTH, SECRET, URL, EMAIL
 * and obfuscated EMAIL) for hold-back bugs: texts are built from their vocabulary (lexicon
 * forms, idioms, cues, address pieces, dates, key prefixes, URL parts, email markers), as
 * complete values, values cut short or cut at the head, values broken by an inserted character,
 * and values in another case, joined by whitespace, punctuation and awkward Unicode (CR LF, NBSP,
 * zero-width, soft hyphen, full-width and look-alike digits, surrogate pairs, combining marks).
 *
 * FUZZ_RUNS sets the runs per property (default 2000); FC_SEED a fixed seed (the fuzz config
 * loads no setup file, so without it every run explores a new seed, printed on failure).
 */

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
/** Space- and '|'-separated table words, '_' standing for a space ("new_york"). */
const tableWords = (...tables: string[]) => tables.join(' ').split(/[ |;]+/).filter(Boolean).map((word) => word.replace(/_/g, ' '));
const digitString = (min: number, max: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: min, maxLength: max }).map((d) => d.join(''));
const fromAlphabet = (alphabet: string, min: number, max: number) => fc.array(pick([...alphabet]), { minLength: min, maxLength: max }).map((c) => c.join(''));
const pad2 = (value: number) => String(value).padStart(2, '0');
const join = (parts: fc.Arbitrary<string>[]) => fc.tuple(...parts).map((pieces) => pieces.join(''));
const maybe = (value: fc.Arbitrary<string>, freq = 2) => fc.option(value, { nil: '', freq });

// ---------------------------------------------------------------------------------------------
// Separators and Unicode that break or hide shapes.

const SEPARATORS = [' ', ' ', ' ', ' ', ' ', '', '', '  ', '\n', '\r\n', '\t', ', ', '. ', ': ', ';', '\u00a0', '\u200b', '\u00ad', ' - ', '/', '(', ')', '"', "'", '\u3000', '\u2028', '!', '?', '='];
const UNICODE = ['😀', '👩‍💻', '𝒜', 'e\u0301', '\u0301', '\u200d', '\u202e', 'ß', 'Ünï', 'שלום', 'مرحبا', '日本', '１２', '３', '＠', '．', '٣', '४', '𝟒', '\ud835', '\udfce', '🇩🇪', '\ufeff', '\u2060', '\u00a0', '\u2009', '’'];
/** Characters inserted inside a value to break it (or to be seen through by normalisation). */
const BREAKERS = [' ', '\n', '\r\n', '\u00a0', '\u200b', '\u00ad', '-', '.', ',', '/', ':', '@', '＠', '１', '٣', '𝟒', '0', 'O', 'l', 'e\u0301', '😀', 'x', "'", '_', '\t'];

/** Complete, cut short, cut at the head, broken inside, re-cased: how a value arrives in chat. */
const mangled = (value: fc.Arbitrary<string>) =>
  fc.tuple(value, fc.nat(), fc.integer({ min: 0, max: 9 }), pick(BREAKERS)).map(([text, at, mode, breaker]) => {
    const k = text.length === 0 ? 0 : at % (text.length + 1);
    switch (mode) {
      case 0:
      case 1:
      case 2:
      case 3:
        return text;
      case 4:
        return text.slice(0, k);
      case 5:
        return text.slice(k);
      case 6:
        return text.slice(0, k) + breaker + text.slice(k);
      case 7:
        return text.toUpperCase();
      case 8:
        return text.toLowerCase();
      default:
        return text.slice(0, k) + text.slice(k + 1); // one character dropped
    }
  });

// ---------------------------------------------------------------------------------------------
// HEALTH: every lexicon group (T1/T2/T3 terms, cues, idioms), plus hand-written phrases.

const LEXICON_GROUPS = new Map<string, string[]>();
for (const line of HEALTH_LEXICON) {
  const tab = line.indexOf('\t');
  LEXICON_GROUPS.set(line.slice(0, tab), line.slice(tab + 1).split('|'));
}
const group = (predicate: (name: string) => boolean) => [...LEXICON_GROUPS].filter(([name]) => predicate(name)).flatMap(([, forms]) => forms);
const T1 = group((name) => name.endsWith(':T1'));
const T2 = group((name) => name.endsWith(':T2'));
const T3 = group((name) => name.endsWith(':T3'));
const CUES = group((name) => name.startsWith('cue_'));
const IDIOMS = group((name) => name === 'anti');
const HEALTH_PHRASES = [
  'type 2 diabetes', 'Type II diabetes', 'metformin', 'Metformin 500mg', 'diagnosed with depression', 'cold brew', 'a cold',
  'under pressure', 'blood pressure', 'MS', 'MS Teams', 'ms', 'PrEP', 'prep', 'PREP', '14 weeks pregnant', '14-weeks pregnant',
  'diab', 'diabetic', 'diabetics', "Crohn's", 'Crohn’s disease', 'ER', 'the ER', 'PT', 'ED', 'my ED meds', 'stroke of genius',
  'heart attack', 'panic attacks', 'I have', "I've been", 'my', 'her', 'on', 'meds', 'flare up', 'flare-up', 'depression',
  'the Great Depression', 'anxiety', 'chemo', 'x-ray', 'X ray', 'HIV+', 'HIV-positive', 'STDs', 'AIDS', 'aids', 'ADD', 'add',
];
const healthTerm = mangled(fc.oneof({ weight: 3, arbitrary: pick(T1) }, { weight: 3, arbitrary: pick(T2) }, { weight: 2, arbitrary: pick(T3) }, { weight: 3, arbitrary: pick(CUES) }, { weight: 2, arbitrary: pick(IDIOMS) }, { weight: 3, arbitrary: pick(HEALTH_PHRASES) }));
/** A cue, a few words, a term, a few words, an after cue: what the T2 windows read. */
const healthSentence = fc
  .tuple(pick(CUES), fc.array(pick(['the', 'a', 'bad', 'of', 'and', 'really', 'with', '2', 'and my']), { maxLength: 5 }), fc.oneof(pick(T2), pick(T3), pick(T1)), maybe(pick(['s', "'s", 'es', 'ed', 'ing'])), fc.array(pick(['for', 'years', 'now', ',', 'and']), { maxLength: 3 }), maybe(pick(CUES)))
  .map(([cue, filler, term, inflection, after, cueAfter]) => [cue, ...filler, term + inflection, ...after, cueAfter].filter(Boolean).join(' '));

// ---------------------------------------------------------------------------------------------
// STREET_ADDRESS: house numbers, names, suffixes, units, last lines, foreign forms, hard negatives.

const SUFFIXES = tableWords(STREET_SUFFIX_ROWS).flatMap((word) => [word, word[0] + word.slice(1).toLowerCase()]);
const UNITS = tableWords(UNIT_WITH_ID, UNIT_BARE);
const STATES = tableWords(US_STATES, CA_PROVINCES, AU_STATES);
const ADDRESS_WORDS = [
  ...tableWords(DIRECTIONALS, ROAD_TYPES, DE_STREET_TYPES, FR_STREET_TYPES, COUNTRIES, LOCATION_CUES, COUNT_NOUNS, NUMBER_CONTEXT_WORDS, TEMPORAL_PREPOSITIONS, MONTHS),
  'Main', 'St', 'St.', 'Street', 'N', 'N.', 'Apt 4B', 'Apt. 4B', 'Flat 3', '#5', 'PO Box', 'P.O. Box', 'Post Office Box', 'County Road 12',
  'Route 66', 'Springfield, IL 62704', 'SW1A 1AA', 'Hauptstraße 5', '10115 Berlin', "21 quai d'Orsay, 75007 Paris", '3 main points',
  'at 5 pm', '$12.99', '12:30', '1999', 'In 1999', 'I live at', 'ship it to', 'my address is', 'Baker', 'High', 'Elm', 'Oak',
  'Pennsylvania', 'Washington, DC 20500', 'London', 'Richmond VIC 3121', 'Rancho Santa Margarita', 'Frankfurt am Main', "d'Orsay",
  'rue de la Paix', 'Suite 200', 'Unit 7', 'Bldg', 'Floor 2', 'bis', 'ter', 'Str.', 'straße', 'Straße', 'Berliner', 'NW', 'SE',
];
const houseNumber = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 99999 }).map(String) },
  { weight: 1, arbitrary: pick(['221B', '3/14', '12-14', '12a', '1½', '0', '007', '1600', '12 1/2', '5-7', '42bis', '100000', '3 ']) },
);
const streetName = fc.array(fc.oneof(pick(['Main', 'Baker', 'High', 'Elm', 'Oak', 'Martin Luther King', 'Pennsylvania', 'Old Mill', 'the', 'Saint', '5th', '42nd', 'First', 'Sunset', 'main', 'north']), pick(SUFFIXES)), { minLength: 1, maxLength: 3 }).map((w) => w.join(' '));
const zip = fc.oneof(digitString(5, 5), join([digitString(5, 5), fc.constant('-'), digitString(4, 4)]), pick(['SW1A 1AA', 'NW1 6XE', 'K1A 0B1', 'EC1A 1BB', 'M1 1AE', '10115', '75007', '3121', '2000']), digitString(3, 6));
const lastLine = join([pick(['Springfield', 'London', 'Richmond', 'Berlin', 'Paris', 'New York', 'Austin', 'Toronto', 'San Francisco', 'Sydney']), pick([', ', ' ', ',']), maybe(pick(STATES)), pick([' ', ', ', '']), maybe(zip), maybe(pick([', USA', ', UK', ' Canada', ', Deutschland', ', France']))]);
const addressLine = fc
  .tuple(
    maybe(pick(['I live at ', 'ship it to ', 'my address is ', 'meet me at ', 'Address: ', 'Anschrift: ', 'send to ', 'Flat 3, ', 'Apt 2, ', 'In ', 'the ', 'page ', 'Route ', 'order #'])),
    houseNumber,
    pick([' ', ' ', ' ', '', '  ', '\u00a0', ', ']),
    maybe(pick(['N ', 'S. ', 'North ', 'SW ', 'E '])),
    streetName,
    maybe(pick([' NW', ' N', ' East', ' S.'])),
    maybe(join([pick([', ', ' ', ' #']), pick(UNITS), pick([' ', '']), fc.oneof(digitString(1, 4), pick(['4B', 'B', '12A', '']))])),
    maybe(join([pick([', ', ' ', '\n']), lastLine])),
  )
  .map((parts) => parts.join(''));
const foreignAddress = fc.oneof(
  join([pick(['Hauptstraße', 'Berliner Straße', 'Am Ring', 'Lindenweg', 'Goethestr.', 'Kastanienallee', 'Marktplatz']), pick([' ', '']), houseNumber, maybe(join([pick([', ', ' ']), digitString(5, 5), pick([' Berlin', ' München', ' Frankfurt am Main', ''])]))]),
  join([houseNumber, pick([' ', ', ']), maybe(pick(['bis ', 'ter '])), pick(FR_STREET_TYPES.split(' ')), pick([" d'Orsay", ' de la Paix', ' du Faubourg', ' des Lilas', ' Victor Hugo', ' l’Église']), maybe(join([pick([', ', ' ']), digitString(5, 5), pick([' Paris', ' Lyon', ''])]))]),
  join([pick(['PO Box ', 'P.O. Box ', 'Post Office Box ', 'POB ', 'po box ', 'Box ']), fc.integer({ min: 0, max: 99999 }).map(String), maybe(join([pick([', ', ' ']), lastLine]))]),
  join([fc.integer({ min: 1, max: 99999 }).map(String), pick([' ', '']), pick(['County Road ', 'Route ', 'US ', 'FM ', 'State Route ', 'Highway ', 'Rural Route ', 'CR ']), fc.integer({ min: 1, max: 999 }).map(String)]),
  join([pick(['Flat ', 'Unit ', 'Apt ']), digitString(1, 3), pick([', ', '/', ' ']), houseNumber, pick([' High Street', ' Smith St', ' Baker St', ' George Street']), maybe(join([pick([', London ', ', Richmond VIC ', ' ']), zip]))]),
  pick(['3 main points', '10 miles down the road', 'at 5 pm', 'page 4', 'Route 66', 'In 1999 Main Street', 'Springfield, IL', '2 blocks', '4 wheel drive', '12 March', '$12.99 St', 'v1.2 Street', '5 Main Street Journal', 'version 3 Road']),
  // British, no house number: [house name,] street line, [locality,] city, postcode, each part optional or bent.
  join([
    maybe(pick(['The Old Rectory, ', 'Rose Cottage, ', 'Hi Sam, ', 'Thanks. ', 'the ', 'The ', 'Flat 3, '])),
    streetName,
    pick([', ', ',', ' ', ',\n', '. ']),
    maybe(pick(["St. James's, ", 'Little Hadham, ', 'Mayfair ', 'and '])),
    pick(['London', 'Bury St Edmunds', 'Leeds', 'london', 'I', 'King’s Lynn']),
    pick([' ', ', ', '']),
    maybe(pick(['W6 9EJ', 'SW1A 1BQ', 'LS1 8TL', 'W6', 'SW1A 1', 'sw1a 1bq', 'W1 2345', 'EC1A1BB'])),
    maybe(pick([', United Kingdom', ' UK', ' by Friday'])),
  ]),
);

// ---------------------------------------------------------------------------------------------
// DATE_OF_BIRTH: birth cues, dates of every format (valid, impossible, out of range), timestamps.

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'Sept.', 'Apr.', 'apr', 'APRIL'];
const BIRTH_CUES = ['DOB', 'DOB:', 'dob', 'D.O.B.', 'D.O.B', 'date of birth', 'Date of Birth:', 'date of birth is', 'birth date', 'birthdate:', 'born on', 'born', 'Born', 'born on the', 'born in Leeds on', 'birthday', 'my birthday is', 'b.', 'b', 'DOB=', 'dob:', '"dob": "', 'is my birthday', '(DOB)', 'birth', 'born 19'];
const ordinal = (day: number) => `${day}${day % 10 === 1 && day !== 11 ? 'st' : day % 10 === 2 && day !== 12 ? 'nd' : day % 10 === 3 && day !== 13 ? 'rd' : 'th'}`;
const dateValue = fc
  .record({ d: fc.integer({ min: 0, max: 32 }), m: fc.integer({ min: 0, max: 13 }), y: fc.integer({ min: 1850, max: 2060 }), format: fc.integer({ min: 0, max: 13 }), sep: pick(['/', '-', '.', ' ', '/']), twoDigits: fc.boolean(), time: fc.integer({ min: 0, max: 5 }) })
  .map(({ d, m, y, format, sep, twoDigits, time }) => {
    const year = twoDigits ? pad2(y % 100) : String(y);
    const name = MONTH_NAMES[(m + 11) % 12];
    const short = MONTH_SHORT[m % MONTH_SHORT.length];
    const dates = [
      `${y}-${pad2(m)}-${pad2(d)}`,
      `${pad2(d)}${sep}${pad2(m)}${sep}${year}`,
      `${m}${sep}${d}${sep}${year}`,
      `${d}.${m}.${year}`,
      `${pad2(d)}-${short}-${year}`,
      `${name} ${d}, ${year}`,
      `${d} ${name} ${year}`,
      `${ordinal(d)} of ${name} ${year}`,
      `${short} ${ordinal(d)}, ${year}`,
      `${name} ${d} ${year}`,
      `${d} ${short} ${year}`,
      `${y}${pad2(m)}${pad2(d)}`,
      `${pad2(m)}/${pad2(d)}`,
      `${y}/${m}/${d}`,
    ];
    const date = dates[format];
    return time === 0 ? `${date} 10:30` : time === 1 ? `${date}T08:15:00Z` : date;
  });
const dobLine = fc.tuple(pick(BIRTH_CUES), pick([' ', ': ', ' ', '', '  ', '\n', ' on ', ' is ', ' - ']), dateValue, maybe(pick([' (DOB)', ' is my birthday', ', born', ' was born', '.', ' birthday', ' at 10:30']))).map((parts) => parts.join(''));

// ---------------------------------------------------------------------------------------------
// SECRET: documented prefixes with bodies of the exact length and one off, key=value forms, PEM, JWT.

const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64 = `${ALNUM}+/`;
const BASE64URL = `${ALNUM}-_`;
/** `prefix` + a body of `length` characters of `alphabet`, give or take one or two. */
const keyed = (prefix: string, alphabet: string, length: number) =>
  fc.tuple(pick([0, 0, 0, -1, 1, 2, -2]), fc.nat()).chain(([delta]) => fromAlphabet(alphabet, length + delta, length + delta).map((body) => prefix + body));
const jwt = fc.tuple(pick(['eyJhbGciOiJIUzI1NiJ9', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', 'eyJ0eXAiOiJKV1QifQ', 'eyJhbGc', 'eyJub3QganNvbg']), fromAlphabet(BASE64URL, 4, 30), fromAlphabet(BASE64URL, 0, 43)).map(([head, body, sig]) => `${head}.eyJ${body}.${sig}`);
const pem = fc.tuple(pick(['RSA PRIVATE KEY', 'PRIVATE KEY', 'EC PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'PUBLIC KEY', 'CERTIFICATE']), fromAlphabet(BASE64, 0, 80), pick(['\n', '\r\n', ' ', '']), fc.boolean())
  .map(([kind, body, newline, closed]) => `-----BEGIN ${kind}-----${newline}${body}${newline}${closed ? `-----END ${kind}-----` : '-----END'}`);
const secretValue = fc.oneof(
  keyed('AKIA', UPPER_ALNUM, 16),
  keyed('ASIA', UPPER_ALNUM, 16),
  keyed('ghp_', ALNUM, 36),
  keyed('gho_', ALNUM, 36),
  keyed('github_pat_', `${ALNUM}_`, 82),
  keyed('glpat-', `${ALNUM}-_`, 20),
  keyed('xoxb-', `${ALNUM}-`, 30),
  keyed('sk_live_', ALNUM, 24),
  keyed('pk_live_', ALNUM, 24),
  keyed('AIza', `${ALNUM}-_`, 35),
  keyed('sk-', `${ALNUM}-_`, 48),
  keyed('sk-proj-', `${ALNUM}-_`, 48),
  keyed('sk-ant-api03-', `${ALNUM}-_`, 93),
  jwt,
  pem,
  join([pick(['password=', 'password: ', 'Password:', 'pwd:', 'passwd=', '"passphrase": "', "'password': '", 'PASSWORD=', 'pass=', 'password is ', 'password = ']), fc.oneof(fromAlphabet(`${ALNUM}!@#$%^&*._-`, 0, 24), pick(['${VAR}', '<password>', '****', 'null', 'required', 'hunter2', 'Tr0ub4dor&3', 'changeme', '""']))]),
  join([pick(['api_key=', 'api_key: ', 'token:', 'secret: ', 'apiKey="', 'access_token=', 'client_secret=']), fromAlphabet(`${ALNUM}_-`, 0, 48)]),
  join([pick(['aws_secret_access_key=', 'aws_secret_access_key = ', 'AWS_SECRET_ACCESS_KEY:']), fromAlphabet(BASE64, 38, 42)]),
  join([pick(['Authorization: Bearer ', 'authorization: bearer ', 'Bearer ', 'Authorization: Basic ']), fc.oneof(fromAlphabet(`${BASE64URL}.~+/=`, 0, 60), jwt)]),
  join([pick(['https://', 'postgres://', 'redis://', 'ftp://', 'mongodb+srv://']), fromAlphabet('abcdefghij', 1, 8), pick([':', '']), fromAlphabet(`${ALNUM}!$%`, 0, 16), pick(['@', '＠', '']), pick(['db.example.com', 'localhost:5432', 'host', '10.0.0.1'])]),
);
const SECRET_WORDS = ['password=', 'api_key:', 'AKIA', 'ASIA', '-----BEGIN', '-----END', 'PRIVATE KEY-----', 'ghp_', 'github_pat_', 'glpat-', 'xoxb-', 'sk_live_', 'AIza', 'sk-', 'sk-ant-', 'eyJ', 'Bearer', 'Authorization:', 'token=', 'secret:', 'pwd:', '${PASSWORD}', '****'];

// ---------------------------------------------------------------------------------------------
// URL: schemes, hosts, paths, sensitive and harmless parameters, values holding emails and keys.

const urlValue = fc
  .tuple(
    pick(['https://', 'http://', 'www.', 'ftp://', 'ftps://', 'HTTPS://', 'https:/', 'https://www.', 'file://', 'mailto:']),
    maybe(join([fromAlphabet('abcdefghij', 1, 6), pick([':', '']), fromAlphabet(`${ALNUM}%!`, 0, 10), fc.constant('@')]), 4),
    pick(['example.com', 'app.example.co.uk', 'x.io', 'localhost', 'localhost:3000', '127.0.0.1', '[2001:db8::1]', 'a.b', 'exa', 'example.c', 'bücher.de', 'xn--bcher-kva.de']),
    maybe(pick(['/', '/reset', '/users/jane@example.com/profile', '/a_(b)', '/path/to/file.pdf', '/12345678901', '/%40', '/~jane'])),
    fc.array(
      fc.tuple(pick(['email', 'token', 'key', 'password', 'session', 'X-Amz-Signature', 'lang', 'page', 'q', 'code', 'sid', 'user', 'utm_source', 'id', 'access_token', 'dob', 'e-mail', 'Email']), fc.oneof(pick(['jane@example.com', 'jane%40example.com', 'en', '2', 'AKIAIOSFODNN7EXAMPLE', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.abc', '']), fromAlphabet(`${ALNUM}-_.~%`, 0, 24), digitString(1, 14))),
      { maxLength: 3 },
    ),
    maybe(pick(['#token=abc123def456ghi789', '#section', '#', '#access_token=9f8e7d6c5b4a3921abcd'])),
    maybe(pick(['.', ',', ')', ']', '!', '?', "'", ':', '*', ');', '.)'])),
  )
  .map(([scheme, userinfo, host, path, query, fragment, trailing]) => `${scheme}${userinfo}${host}${path}${query.length === 0 ? '' : `?${query.map(([name, value]) => `${name}=${value}`).join('&')}`}${fragment}${trailing}`);
const URL_WORDS = ['www.', 'https://', 'http://', '://', '?email=', 'token=', '&', '?', '#', 'http', 'https', 'www', '.com', '(see', ')'];

// ---------------------------------------------------------------------------------------------
// EMAIL and obfuscated EMAIL.

const local = fc.oneof(fromAlphabet('abcdefghijklmnopqrstuvwxyz0123456789', 1, 10), pick(['jane', 'jane.doe', 'j.doe+news', "o'brien", 'jane_doe', 'JANE', 'me', 'home', 'look', 'meet', 'jdoe42', 'x']));
const domain = fc.oneof(pick(['gmail', 'example', 'outlook', 'corp', 'home', 'google', 'mail.example', 'yahoo', 'proton', 'bücher', 'sub-domain', 'a']), fromAlphabet('abcdefghijklmnopqrstuvwxyz0123456789-', 1, 10));
const tld = fc.oneof(pick(['com', 'org', 'io', 'co.uk', 'de', 'xyz', 'c', 'comm', 'museum', 'xn--p1ai', 'local', '1']), fromAlphabet('abcdefghijklmnopqrstuvwxyz', 1, 6));
const emailValue = fc.tuple(local, pick(['@', '@', '＠', ' @ ', '@@', '@ ']), domain, pick(['.', '.', '．', '..', '. ']), tld).map((parts) => parts.join(''));
const spelledDot = pick([' dot ', ' DOT ', '(dot)', '[dot]', ' (dot) ', ' [dot] ', '{dot}', '<dot>', ' . ', '.', ' d0t ', ' dot', 'dot ']);
const spelledAt = pick([' at ', ' AT ', '(at)', '[at]', ' (at) ', ' [at] ', '{at}', '<at>', ' @ ', '(@)', '[@]', ' at', 'at ', ' a t ']);
const obfuscatedValue = fc
  .tuple(maybe(pick(['email ', 'mail me: ', 'contact ', 'reach me at ', 'look at ', 'meet at ', 'write to '])), local, maybe(join([spelledDot, local])), spelledAt, domain, spelledDot, tld, maybe(join([spelledDot, tld]), 4))
  .map((parts) => parts.join(''));
const EMAIL_WORDS = ['@', '＠', ' at ', '(at)', '[at]', ' dot ', '(dot)', '[dot]', 'gmail', 'dot com', 'jane dot doe at gmail dot com', 'jane [at] example [dot] com', 'jane(at)example(dot)com', 'jane@example.com', 'user@localhost', '@mention', 'pkg@1.2.3', 'mailto:'];

// ---------------------------------------------------------------------------------------------
// Texts.

const ALL_WORDS = [...HEALTH_PHRASES, ...ADDRESS_WORDS, ...BIRTH_CUES, ...MONTH_SHORT, ...SECRET_WORDS, ...URL_WORDS, ...EMAIL_WORDS, 'hello', 'Thanks', 'order #48213', 'v1.2.3', '2024-05-01', 'I', 'the', 'and'];

const VALUES = {
  health: fc.oneof({ weight: 3, arbitrary: healthTerm }, { weight: 2, arbitrary: mangled(healthSentence) }),
  address: fc.oneof({ weight: 3, arbitrary: mangled(addressLine) }, { weight: 2, arbitrary: mangled(foreignAddress) }),
  dob: fc.oneof({ weight: 3, arbitrary: mangled(dobLine) }, { weight: 1, arbitrary: mangled(dateValue) }),
  secret: mangled(secretValue),
  url: mangled(urlValue),
  email: fc.oneof(mangled(emailValue), mangled(obfuscatedValue)),
};
type Focus = keyof typeof VALUES;

const filler = fc.oneof(
  { weight: 4, arbitrary: mangled(pick(ALL_WORDS)) },
  { weight: 2, arbitrary: pick(UNICODE) },
  { weight: 1, arbitrary: digitString(1, 12) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }) },
);

/** A text of values (mostly of `focus` when given) and filler, each joined by a separator. */
const textOf = (focus?: Focus, maxParts = 10) => {
  const value = focus === undefined ? fc.oneof(...Object.values(VALUES)) : fc.oneof({ weight: 4, arbitrary: VALUES[focus] }, { weight: 1, arbitrary: fc.oneof(...Object.values(VALUES)) });
  const part = fc.oneof({ weight: 3, arbitrary: value }, { weight: 2, arbitrary: filler });
  return fc.array(fc.tuple(part, pick(SEPARATORS)), { minLength: 1, maxLength: maxParts }).map((parts) => parts.map(([text, separator]) => text + separator).join(''));
};

/**
 * Long text before the values, so that `pending` meets the floors of its windows (a health
 * REACH, a secret's longest token, the address and date tails): prose, or one token without
 * spaces, of 100 to 5,000 code units.
 */
const padding = fc.oneof(
  fc.tuple(fc.array(pick(ALL_WORDS), { minLength: 20, maxLength: 300 }), pick([' ', '\n', ', ', '  '])).map(([words, separator]) => words.join(separator)),
  fc
    .tuple(pick(['a', 'x1', 'Zx8f', '-', '/', '9', 'ab/', '%2F', '.', '=', 'A', 'the ', '12 ', ' ', 'ab.', 'eyJ']), fc.integer({ min: 100, max: 5000 }))
    .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
);
/** A long padding, a separator (or none), then a text of `focus`; with the padding's length. */
const paddedTextOf = (focus?: Focus) => fc.tuple(padding, pick(['', ' ', '\n', '/', '=']), textOf(focus, 6)).map(([pad, separator, text]) => ({ text: pad + separator + text, padLength: pad.length }));

/** A text with a chunking: random cut points, or one character at a time. */
const chunkedTextOf = (focus?: Focus, maxParts?: number) =>
  textOf(focus, maxParts).chain((text) =>
    fc.record({ text: fc.constant(text), chunks: fc.oneof(fc.array(fc.nat({ max: Math.max(1, text.length) }), { maxLength: 12 }).map((points) => cut(text, points)), fc.constant([...text])) }),
  );

// ---------------------------------------------------------------------------------------------
// Checks.

const isHighSurrogate = (code: number) => (code & 0xfc00) === 0xd800;
const findAll = (detector: Detector, text: string, from = 0) => {
  const out: Finding[] = [];
  detector.find(createScan(text, from), out);
  return out;
};
const describeFindings = (findings: readonly Finding[]) => findings.map((f) => `${f.type} ${f.start}-${f.end} ${f.score} ${f.category ?? ''}`).sort();

/**
 * The pending promise at every prefix of `text` (the rest of `text` being what is appended), from
 * 0 and from `fromSeed` (clamped): p in [from, length], the findings starting in [from, p) are
 * those of the whole text, and none of them ends after p. Plus `find` from an inner position reports
 * exactly the whole text's findings that start there or later. Prefixes shorter than
 * `firstLength` are not checked (a long padding whose prefixes are all alike).
 */
function keepsPromise(detector: Detector, text: string, fromSeed: number, firstLength = 0): void {
  const whole = findAll(detector, text);
  for (let length = firstLength; length <= text.length; length++) {
    const prefix = text.slice(0, length);
    // The pipeline never asks about text ending in half a surrogate pair (see Detector).
    if (isHighSurrogate(prefix.charCodeAt(length - 1))) continue;
    const ofPrefix = findAll(detector, prefix);
    for (const from of [0, Math.min(fromSeed, length)]) {
      const p = detector.pending(prefix, from);
      const where = `${detector.name}.pending(${JSON.stringify(prefix)}, ${from}) = ${p}, whole text ${JSON.stringify(text)}`;
      expect(p >= from && p <= length, where).toBe(true);
      // Findings before `from` were decided by an earlier call: only [from, p) is promised here.
      const decided = (f: Finding) => f.start >= from && f.start < p;
      expect(describeFindings(ofPrefix.filter(decided)), where).toEqual(describeFindings(whole.filter(decided)));
      for (const finding of whole) if (decided(finding)) expect(finding.end, where).toBeLessThanOrEqual(p);
    }
  }
  const from = Math.min(fromSeed, text.length);
  if (!isHighSurrogate(text.charCodeAt(from - 1)) || from === 0) {
    expect(describeFindings(findAll(detector, text, from)), `${detector.name}.find from ${from} of ${JSON.stringify(text)}`).toEqual(describeFindings(whole.filter((f) => f.start >= from)));
  }
}

/** Every detector of this file's focus, with the options that change what it reports or holds. */
const DETECTORS: { name: string; focus: Focus; make: () => Detector }[] = [
  { name: 'health', focus: 'health', make: () => health() },
  { name: 'health T2 only', focus: 'health', make: () => health({ tiers: ['T2'] }) },
  { name: 'health T3 only', focus: 'health', make: () => health({ tiers: ['T3'], categories: ['condition', 'reproductive'] }) },
  { name: 'streetAddress', focus: 'address', make: () => streetAddress() },
  { name: 'dateOfBirth', focus: 'dob', make: () => dateOfBirth() },
  { name: 'secret', focus: 'secret', make: () => secret() },
  { name: 'secret high confidence', focus: 'secret', make: () => secret({ kinds: HIGH_CONFIDENCE_SECRETS }) },
  { name: 'url', focus: 'url', make: () => url() },
  { name: 'url every URL', focus: 'url', make: () => url({ sensitiveOnly: false }) },
  { name: 'url parts', focus: 'url', make: () => url({ redactParts: true }) },
  { name: 'email', focus: 'email', make: () => email() },
  { name: 'obfuscatedEmail', focus: 'email', make: () => obfuscatedEmail() },
];

/** How far the default detectors read context around a finding: street-address's five words before, a DOB cue after. */
const CONTEXT_BEFORE = 160;
const CONTEXT_AFTER = 64;

const operators: fc.Arbitrary<Operator> = pick([label(), mask(), mask({ keepLast: 2, char: '#' })]);

describe('fuzz: word-driven detectors', () => {
  // Each property runs synchronously for seconds (minutes at 10,000 runs): without a turn of
  // the event loop between them the worker never reads vitest's RPC replies and fails the run
  // with "Timeout calling onTaskUpdate". setImmediate runs after the poll phase that reads them.
  afterEach(() => new Promise<void>((resolve) => setImmediate(resolve)));

  it('builds texts in which each detector finds something (the properties below are not vacuous)', () => {
    const counts: Record<string, string> = {};
    for (const { name, focus, make } of DETECTORS) {
      const detector = make();
      const texts = fc.sample(textOf(focus, 8), params(400));
      const hits = texts.filter((text) => findAll(detector, text).length > 0).length;
      const length = texts.reduce((sum, text) => sum + text.length, 0) / texts.length;
      counts[name] = `${hits}/400 texts with a finding, mean length ${Math.round(length)}`;
      expect(hits, name).toBeGreaterThan(20);
    }
    if (process.env.FUZZ_STATS) console.log(counts);
  });

  it('streams exactly like one-shot redaction with the default set, for random and 1-char chunkings', () => {
    const redactors = [false, true].flatMap((normalize) => [label(), mask()].map((operator) => createRedactor({ operator, normalize })));
    fc.assert(
      fc.property(chunkedTextOf(undefined, 12), fc.nat(redactors.length - 1), ({ text, chunks }, which) => {
        expectStreamEquivalent(redactors[which], text, chunks);
      }),
      params(RUNS),
    );
  });

  it('streams exactly like one-shot redaction with the default set after a long padding', () => {
    const redactor = createRedactor();
    fc.assert(
      fc.property(
        paddedTextOf().chain(({ text }) => fc.tuple(fc.constant(text), fc.array(fc.nat({ max: text.length }), { maxLength: 30 }))),
        ([text, points]) => expectStreamEquivalent(redactor, text, cut(text, points)),
      ),
      params(Math.ceil(RUNS / 10)),
    );
  });

  for (const { name, focus, make } of DETECTORS) {
    it(`${name}: keeps its pending promise at every prefix and finds the same from any start`, () => {
      const detector = make();
      fc.assert(
        fc.property(textOf(focus, 8), fc.nat(400), (text, fromSeed) => keepsPromise(detector, text, fromSeed)),
        params(Math.ceil(RUNS / 4)),
      );
    });

    it(`${name}: keeps its pending promise after a long padding`, () => {
      const detector = make();
      fc.assert(
        fc.property(paddedTextOf(focus), fc.nat(6000), ({ text, padLength }, fromSeed) => keepsPromise(detector, text, fromSeed, Math.max(0, padLength - 40))),
        params(Math.ceil(RUNS / 10)),
      );
    });

    it(`${name}: streams exactly like one-shot redaction alone`, () => {
      const redactors = [false, true].map((normalize) => createRedactor({ detectors: [make()], normalize }));
      fc.assert(
        fc.property(chunkedTextOf(focus, 10), fc.nat(1), operators, ({ text, chunks }, which, operator) => {
          expectStreamEquivalent(which === 0 ? redactors[0] : createRedactor({ detectors: [make()], operator }), text, chunks);
        }),
        params(Math.ceil(RUNS / 2)),
      );
    });
  }

  it('reports sorted, non-overlapping spans in range, and a second redaction of the labelled text finds nothing but through a label', () => {
    const redactor = createRedactor();
    fc.assert(
      fc.property(textOf(undefined, 12), (text) => {
        // Idempotence: labelled text holds nothing more to redact, except through a label: a
        // second pass may find a label again (`password=[SECRET]` is a password again, a URL
        // whose query holds a label is masked whole) or read a label's words as context
        // (`[STREET_ADDRESS], 1 Main Flat`: "address" is a location cue; `[DATE_OF_BIRTH]
        // 03/04/1991`: "birth" is a birth cue). Never text far from every label.
        expectSecondPassNearLabels(redactor, text, CONTEXT_BEFORE, CONTEXT_AFTER);
      }),
      params(RUNS),
    );
  });
});
