import { isDigit } from '../scanner/char-class.js';
import { HAS_ARMOUR, HAS_AT, HAS_COLON, HAS_DIGIT, HAS_EQUALS, HAS_PASS, createScan, type Positions, type Scan } from '../scanner/scan.js';
import { cutOutside } from '../internal/uncross.js';
import type { Detector, Finding } from '../types.js';

/** What kind of credential a SECRET finding is (its `category`). */
export type SecretKind =
  | 'aws-access-key-id'
  | 'aws-secret-key'
  | 'github-token'
  | 'gitlab-token'
  | 'slack-token'
  | 'stripe-key'
  | 'google-api-key'
  | 'openai-key'
  | 'anthropic-key'
  | 'jwt'
  | 'private-key'
  | 'bearer-token'
  | 'url-password'
  | 'password'
  | 'generic';

/** Options of `secret`. */
export interface SecretOptions {
  /** Kinds to report. Default: all. `HIGH_CONFIDENCE_SECRETS` (the default set's choice) leaves out `generic`. */
  readonly kinds?: readonly SecretKind[];
  /**
   * Minimum Shannon entropy, in bits per character, of a value after a generic context word
   * (`api_key=`, `token:`, `secret:`). Default: 3.5 (see `GENERIC_MIN_ENTROPY`).
   */
  readonly minEntropy?: number;
}

/**
 * Every kind but `generic`, the one that rests on an entropy heuristic: structural kinds
 * (documented prefixes, JWT, PEM, URL userinfo, bearer) and values right after a key that
 * names a password. `defaultDetectors()` uses these.
 */
export const HIGH_CONFIDENCE_SECRETS: readonly SecretKind[] = [
  'aws-access-key-id', 'aws-secret-key', 'github-token', 'gitlab-token', 'slack-token', 'stripe-key', 'google-api-key',
  'openai-key', 'anthropic-key', 'jwt', 'private-key', 'bearer-token', 'url-password', 'password',
];

/**
 * Shannon entropy threshold for generic values. Measured on the strings of test/detectors/
 * secret.test.ts: random base62 keys of 16–64 characters score 3.7–5.2 bits per character,
 * hex keys of 32+ 3.6–4.0, while identifiers and words people put after `token:`/`secret:`
 * (`refresh_required`, `production_database`, `my-secret-value`) score 2.8–3.4.
 */
export const GENERIC_MIN_ENTROPY = 3.5;
/** A generic value is at least this long: shorter strings cannot reach the entropy above. */
const GENERIC_MIN_LENGTH = 16;
const PASSWORD_MIN_LENGTH = 6;
/** Longest value read after a context word, URL password, or prefixed key. */
const MAX_VALUE = 256;
/** Longest JWT or bearer token: 4 KiB covers ID tokens with large claim sets. */
const MAX_TOKEN = 4096;
/** Longest PEM block: an 8192-bit RSA private key in PKCS#1 PEM is about 6.5 KB. */
const MAX_PEM = 10_000;
/**
 * Shortest prefixed key, JWT or bearer token (a Slack `xoxb-` + 10): a token with a digit that
 * is shorter is skipped at once. Chat text is full of short ones (`3pm`, `$25`, `v2`); measured
 * on 60,000 chat messages, this check cut the detector's cost by about two thirds.
 */
const MIN_TOKEN = 15;
/** Longest key name read before '=' or ':'. */
const MAX_KEY = 64;
/**
 * Units between a ':'/'=' and the value it introduces: up to three spaces, a quote, and for
 * `Authorization:` a scheme word (`Bearer`, `Basic`, `Token`) and a space.
 */
const MAX_GAP = 16;

const EQUALS = 61;
const COLON = 58;
const AT = 64;
const SLASH = 47;
const QUOTE = 34;
const APOSTROPHE = 39;

const isUpper = (code: number): boolean => (code - 65) >>> 0 <= 25;
const isLower = (code: number): boolean => (code - 97) >>> 0 <= 25;
const isAlnum = (code: number): boolean => isDigit(code) || ((code | 0x20) - 97) >>> 0 <= 25;
/** Characters of prefixed keys (base62 plus '_' and '-'). */
const isKeyCode = (code: number): boolean => isAlnum(code) || code === 95 || code === 45;
/** RFC 6750 b64token characters (and the '.' of a JWT), without the trailing '='. */
const isTokenCode = (code: number): boolean => isKeyCode(code) || code === 46 || code === 126 || code === 43 || code === SLASH;
/**
 * `isTokenCode` as a table, for the walks over the token around each digit run (most units of
 * chat text are letters or spaces, which the chain of comparisons above tests last or fails
 * at its end). Only for codes read inside the text: `isTokenCode(NaN)` is true.
 */
const TOKEN_CODES: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) if (isTokenCode(code)) table[code] = 1;
  return table;
})();
const isTokenCodeIn = (code: number): boolean => code < 128 && TOKEN_CODES[code] === 1;
/** Printable ASCII: every non-PEM finding is made of these and ends before anything else. */
const isPrintable = (code: number): boolean => code > 32 && code < 127;
/** '＠': the scanner reports it among `ats`, so it delimits URL userinfo like '@' does. */
const FULLWIDTH_AT = 0xff20;
/**
 * What `pending` treats as the open tail: printable ASCII and '＠', after which a URL password
 * is still decided by the host's first unit.
 */
const isOpenCode = (code: number): boolean => isPrintable(code) || code === FULLWIDTH_AT;
const isSpace = (code: number): boolean => code === 32 || code === 9;

/** A token prefix and its kind, body class and length bounds (after the prefix). */
interface Prefix {
  readonly text: string;
  readonly kind: SecretKind;
  readonly min: number;
  readonly max: number;
  readonly body: (code: number) => boolean;
}

const upperOrDigit = (code: number): boolean => isUpper(code) || isDigit(code);

// Prefixes and lengths as the issuers document them: AWS IAM "Unique identifier prefixes"
// (AKIA access key, ASIA temporary, 20 characters); GitHub "About authentication" token
// formats (ghp_/gho_/ghu_/ghs_/ghr_ + 36, github_pat_ + 82); GitLab "Personal access token"
// glpat- + 20 or more; Slack "Token types" xoxb-/xoxp-/xoxa-/xoxr-; Stripe "API keys"
// sk_live_/rk_live_/pk_live_; Google Cloud "API keys" AIza + 35; OpenAI sk- / sk-proj- and
// Anthropic sk-ant- keys (no published length; their keys are 40–200 characters).
const PREFIXES: readonly Prefix[] = [
  { text: 'AKIA', kind: 'aws-access-key-id', min: 16, max: 16, body: upperOrDigit },
  { text: 'ASIA', kind: 'aws-access-key-id', min: 16, max: 16, body: upperOrDigit },
  { text: 'ghp_', kind: 'github-token', min: 36, max: 36, body: isAlnum },
  { text: 'gho_', kind: 'github-token', min: 36, max: 36, body: isAlnum },
  { text: 'ghu_', kind: 'github-token', min: 36, max: 36, body: isAlnum },
  { text: 'ghs_', kind: 'github-token', min: 36, max: 36, body: isAlnum },
  { text: 'ghr_', kind: 'github-token', min: 36, max: 36, body: isAlnum },
  { text: 'github_pat_', kind: 'github-token', min: 82, max: 82, body: (code) => isAlnum(code) || code === 95 },
  { text: 'glpat-', kind: 'gitlab-token', min: 20, max: 64, body: isKeyCode },
  { text: 'xoxb-', kind: 'slack-token', min: 10, max: 250, body: isKeyCode },
  { text: 'xoxp-', kind: 'slack-token', min: 10, max: 250, body: isKeyCode },
  { text: 'xoxa-', kind: 'slack-token', min: 10, max: 250, body: isKeyCode },
  { text: 'xoxr-', kind: 'slack-token', min: 10, max: 250, body: isKeyCode },
  { text: 'sk_live_', kind: 'stripe-key', min: 24, max: 247, body: isAlnum },
  { text: 'rk_live_', kind: 'stripe-key', min: 24, max: 247, body: isAlnum },
  { text: 'pk_live_', kind: 'stripe-key', min: 24, max: 247, body: isAlnum },
  { text: 'AIza', kind: 'google-api-key', min: 35, max: 35, body: isKeyCode },
  { text: 'sk-ant-', kind: 'anthropic-key', min: 32, max: 240, body: isKeyCode },
  { text: 'sk-', kind: 'openai-key', min: 32, max: 240, body: isKeyCode },
];

/** Context key names (lower case, '_' and '-' removed) and the kind of value they introduce. */
const AWS_SECRET_KEYS = ['awssecretaccesskey', 'secretaccesskey', 'awssecretkey', 'awssecret'];
const PASSWORD_KEYS = ['password', 'passwd', 'pwd', 'pass', 'passphrase', 'dbpassword'];
const GENERIC_KEY_ENDINGS = ['apikey', 'token', 'secret', 'secretkey', 'privatekey', 'accesskey', 'clientsecret', 'authkey'];
/** Values that stand for a missing secret, not one. */
const PLACEHOLDERS = new Set(['null', 'none', 'nil', 'true', 'false', 'undefined', 'redacted', 'required', 'hidden', 'empty', 'string', 'optional', 'password', 'secret', 'token']);

const SCORES: Readonly<Record<SecretKind, number>> = {
  'aws-access-key-id': 0.99, 'aws-secret-key': 0.95, 'github-token': 0.99, 'gitlab-token': 0.99, 'slack-token': 0.99,
  'stripe-key': 0.99, 'google-api-key': 0.99, 'openai-key': 0.95, 'anthropic-key': 0.99, jwt: 0.99, 'private-key': 1,
  'bearer-token': 0.95, 'url-password': 0.99, password: 0.9, generic: 0.85,
};

const PEM_BEGIN = '-----BEGIN ';
/** Shortest PEM block: '-----BEGIN PRIVATE KEY-----' and '-----END PRIVATE KEY-----' (RFC 7468). */
const MIN_PEM = 52;
/** PEM armour labels of private keys (RFC 7468 §10, §11; OpenSSH, PuTTY-less ones). */
const PEM_HEADER = /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED )?PRIVATE KEY)-----/y;

/**
 * Finds credentials (`SECRET`, with the kind as `category`): AWS access key ids and secret keys,
 * GitHub, GitLab, Slack, Stripe, Google, OpenAI and Anthropic keys by their documented prefixes
 * and lengths; JWTs whose header decodes to JSON with `alg`; PEM private key blocks; the token of
 * `Authorization: Bearer …`; the password of `scheme://user:password@host`; and, after a context
 * word (`password=`, `api_key:`, `"token": "…"`), a value that is not a placeholder and, unless
 * the key names a password, has at least `minEntropy` bits per character.
 *
 * Anchored on what the scanner already found (digit runs: every prefixed key, JWT and bearer
 * token of realistic length holds a digit; ':' for `key: value` and headers; '@' for URL
 * passwords) plus one native search for '=' and '-----BEGIN '. A prefixed key without any
 * digit is missed: 3.6 % of AWS key ids, under 0.5 % of the longer keys.
 *
 * @example
 * createRedactor({ detectors: [secret()] }).redact('key AKIAIOSFODNN7EXAMPLE, password=hunter22').text
 * // 'key [SECRET], password=[SECRET]'
 */
export function secret(options: SecretOptions = {}): Detector {
  const kinds = new Set<SecretKind>(options.kinds ?? (Object.keys(SCORES) as SecretKind[]));
  const minEntropy = options.minEntropy ?? GENERIC_MIN_ENTROPY;
  const wantContext = kinds.has('password') || kinds.has('generic') || kinds.has('aws-secret-key') || kinds.has('bearer-token');
  // Looked up once: a `Set` lookup by string on every call cost about 10 ns each.
  const wantUrlPassword = kinds.has('url-password');
  const wantPrivateKey = kinds.has('private-key');
  const wantPassword = kinds.has('password');

  const push = (out: Finding[], start: number, end: number, kind: SecretKind): void => {
    if (!kinds.has(kind)) return;
    out.push({ type: 'SECRET', start, end, score: SCORES[kind], detector: 'secret', category: kind });
  };

  const find = (scan: Scan, out: Finding[]): void => {
    const { text, from } = scan;
    if ((scan.flags & HAS_DIGIT) !== 0) findTokens(text, from, scan.digitRuns, out, push);
    if ((scan.flags & HAS_AT) !== 0 && wantUrlPassword) {
      for (const at of scan.ats) urlPassword(text, from, at, out, push);
    }
    if (!wantContext && !wantPrivateKey) return;
    // Anchors: ':' from the scanner, '=' and PEM armour from one native search. A value may
    // start at `from` after an anchor just before it, so look MAX_GAP units back too.
    // Native searches rather than a loop over those units: a stream check reads them on every
    // call (16 units of context), and the loop was its largest line in the stream's profile.
    if (wantContext) {
      const low = Math.max(0, from - MAX_GAP);
      if (low < from) for (let at = text.indexOf(':', low); at >= 0 && at < from; at = text.indexOf(':', at + 1)) contextValue(text, from, at, out, push, minEntropy);
      if ((scan.flags & HAS_COLON) !== 0) {
        const colons = scan.colons;
        for (let k = 0; k < colons.length; k++) contextValue(text, from, colons[k], out, push, minEntropy);
      }
      // '=' for `key=value`, before and after `from` in one search; after `from` only when the
      // scanner saw one there (HAS_EQUALS).
      const until = (scan.flags & HAS_EQUALS) !== 0 ? text.length : from;
      if (low < until) for (let at = text.indexOf('=', low); at >= 0 && at < until; at = text.indexOf('=', at + 1)) contextValue(text, from, at, out, push, minEntropy);
    }
    // 'my password is …': searched where the scanner saw `pass`/`pwd` (HAS_PASS), or in the few
    // units of context before `from` where a stream's earlier text may hold the words.
    if (wantPassword) {
      if ((scan.flags & HAS_PASS) !== 0) proseValues(text, from, text.length, out, push);
      else if (from > 0 && mayHoldPass(text, Math.max(0, from - PROSE_REACH), from)) proseValues(text, from, from, out, push);
    }
    // A native search for PEM armour.
    // A stream's short window cannot hold a whole block starting in it: no search; nor without
    // `-----` at or after `from` (HAS_ARMOUR).
    if (wantPrivateKey && text.length - from >= MIN_PEM && (scan.flags & HAS_ARMOUR) !== 0) {
      const cache: FooterCache = { from: -1, at: -1 };
      for (let at = text.indexOf(PEM_BEGIN, from); at >= 0; at = text.indexOf(PEM_BEGIN, at + 1)) {
        const end = pemEnd(text, at, true, cache);
        if (end > 0) push(out, at, end, 'private-key');
      }
    }
  };

  /**
   * `cut`, or the start of a decided finding that crosses it: a value may run into the armour
   * of an open PEM header (`Bearer A-----BEGIN `, `password=hunter2-----BEGIN `), and no
   * finding may cross what `pending` returns. Rare (an open header), so a `find` is affordable.
   */
  const outside = (text: string, from: number, cut: number): number => {
    const found: Finding[] = [];
    find(createScan(text, Math.max(from, cut - MAX_TOKEN - 1)), found);
    return Math.max(from, cutOutside(found, cut));
  };

  return {
    name: 'secret',
    type: 'SECRET',
    maxLength: MAX_PEM,
    lookbehind: MAX_VALUE + MAX_KEY, // URL userinfo walk (≤ 260) and a key before ':'/'=' (≤ 80)
    find,
    pending(text, from) {
      const end = text.length;
      // Every finding but a PEM block is printable ASCII and is decided by the unit after it
      // (a URL password by the unit after its '@' or '＠'): only the trailing run is open.
      const floor = Math.max(from, end - MAX_TOKEN - 2);
      let run = end;
      while (run > floor && isOpenCode(text.charCodeAt(run - 1))) run--;
      let hold = run;
      if (run === floor && floor > from) {
        // A run longer than any finding: starts before `floor` are decided, but one of their
        // findings may still cross it; then hold from its start.
        const window = Math.max(from, floor - MAX_TOKEN - 1);
        const found: Finding[] = [];
        find(createScan(text, window), found);
        for (const finding of found) if (finding.start < hold && finding.end > floor) hold = finding.start;
        hold = Math.min(hold, floor);
      }
      // An open PEM block (or a complete one the run rule would cut) is held whole.
      if (kinds.has('private-key')) {
        const cache: FooterCache = { from: -1, at: -1 };
        for (let at = text.indexOf(PEM_BEGIN, Math.max(from, end - MAX_PEM)); at >= 0 && at < hold; at = text.indexOf(PEM_BEGIN, at + 1)) {
          const blockEnd = pemEnd(text, at, false, cache);
          if (blockEnd === UNDECIDED || blockEnd > hold) return outside(text, from, at);
        }
      }
      return hold;
    },
  };
}

type Push = (out: Finding[], start: number, end: number, kind: SecretKind) => void;

/**
 * A password said in prose: 'my password is Tr0ub4dor&3', 'the wifi password was hunter22'. One
 * native search (case-insensitive, literal words, no nested quantifier); no ':' or '=' anchors it.
 */
const PROSE_PASSWORD = /\b(?:password|passcode|passphrase|pwd)\s{1,3}(?:is|was)(?::\s{0,3}|\s{1,3})/gi;
/** Longest match of PROSE_PASSWORD: where a search must start to find a value at `from`. */
const PROSE_REACH = 'passphrase'.length + 3 + 'was:'.length + 3;
/** Quotes around a value in prose, and the sentence punctuation after it that is not part of it. */
const isOpeningQuote = (code: number): boolean => code === QUOTE || code === APOSTROPHE || code === 0x201c || code === 0x2018;
const isTrailingMark = (code: number): boolean => code === 46 || code === 44 || code === 59 || code === 58 || code === 41 || code === QUOTE || code === APOSTROPHE; // . , ; : ) " '

/** Whether `pa` or `pw` in any case starts in `text[low, high)`: a stream check's few units of context, before a search. */
function mayHoldPass(text: string, low: number, high: number): boolean {
  for (let index = low; index < high; index++) {
    if ((text.charCodeAt(index) | 0x20) !== 112) continue; // 'p'
    const next = text.charCodeAt(index + 1) | 0x20;
    if (next === 97 || next === 119) return true; // 'a', 'w'
  }
  return false;
}

/**
 * Values after PROSE_PASSWORD matches starting before `before`: a printable run without its
 * closing sentence punctuation, of PASSWORD_MIN_LENGTH or more, holding a digit or a symbol other
 * than '-' and "'" (prose says 'the password is Expired', 'incorrect' or 'case-sensitive'; a
 * password written out has more than letters). Decided by the unit after the run, as every
 * non-PEM secret.
 */
function proseValues(text: string, from: number, before: number, out: Finding[], push: Push): void {
  const search = PROSE_PASSWORD;
  search.lastIndex = Math.max(0, from - PROSE_REACH);
  for (let match = search.exec(text); match !== null && match.index < before; match = search.exec(text)) {
    let start = search.lastIndex;
    if (start < text.length && isOpeningQuote(text.charCodeAt(start))) start++;
    let end = start;
    while (end < text.length && end - start <= MAX_VALUE && isPrintable(text.charCodeAt(end))) end++;
    if (end - start > MAX_VALUE) continue;
    while (end > start && isTrailingMark(text.charCodeAt(end - 1))) end--;
    if (start < from || end - start < PASSWORD_MIN_LENGTH) continue;
    const first = text.charCodeAt(start);
    if (first === 36 || first === 60 || first === 123 || first === 37 || first === 91 || first === 42) continue; // $ < { % [ *
    if (!writtenOut(text, start, end) || PLACEHOLDERS.has(text.slice(start, end).toLowerCase())) continue;
    push(out, start, end, 'password');
  }
}

const UNDECIDED = -2;

/**
 * Prefixed keys, JWTs and bearer tokens, found from the digit runs they hold: each token is
 * walked once (back to its start, bounded, and forward to its end), then classified.
 */
function findTokens(text: string, from: number, runs: Positions, out: Finding[], push: Push): void {
  let done = 0;
  for (let k = 0; k < runs.length; k += 2) {
    const run = runs[k];
    if (run < done) continue;
    // A short run between two units no token has ('32 seats', '8:56 AM') is its own
    // token and too short: decided from its two neighbours, without the walks below.
    const runEnd = runs[k + 1];
    if (runEnd - run < MIN_TOKEN && (run === 0 || !isTokenCodeIn(text.charCodeAt(run - 1))) && (runEnd === text.length || !isTokenCodeIn(text.charCodeAt(runEnd)))) {
      done = runEnd;
      continue;
    }
    // The b64token around the run, bounded: a longer one is no JWT or bearer token.
    let start = run;
    const floor = Math.max(0, run - MAX_TOKEN - 1);
    while (start > floor && isTokenCodeIn(text.charCodeAt(start - 1))) start--;
    let end = runEnd;
    const ceiling = Math.min(text.length, run + MAX_TOKEN + 1);
    while (end < ceiling && isTokenCodeIn(text.charCodeAt(end))) end++;
    if (end - start < MIN_TOKEN) {
      done = end;
      continue;
    }
    // Prefixed keys start where a run of key characters starts (also after '.', '/', '+'),
    // and are decided by their own characters only, whatever the token's length.
    let keyAtStart = false;
    for (let at = Math.max(start, done, from); at < end; at++) {
      if (at > 0 && isKeyCode(text.charCodeAt(at - 1))) continue;
      const keyEnd = prefixedKey(text, at);
      if (keyEnd < 0) continue;
      push(out, at, keyEnd, keyKind(text, at));
      if (at === start) keyAtStart = true;
    }
    done = end;
    if (start < from || end - start > MAX_TOKEN || (start > 0 && isTokenCode(text.charCodeAt(start - 1)))) continue;
    if (end < text.length && isTokenCode(text.charCodeAt(end))) continue;
    // Trailing '.', '/', '+', '~' are punctuation, not part of the token.
    let tokenEnd = end;
    while (tokenEnd > start && !isKeyCode(text.charCodeAt(tokenEnd - 1))) tokenEnd--;
    if (text.startsWith('eyJ', start) && isJwt(text, start, tokenEnd)) {
      push(out, start, tokenEnd, 'jwt');
      continue;
    }
    if (!keyAtStart && tokenEnd - start >= 16 && afterBearer(text, start)) {
      let padded = tokenEnd;
      if (padded === end) while (padded < text.length && padded - tokenEnd < 2 && text.charCodeAt(padded) === EQUALS) padded++;
      push(out, start, padded, 'bearer-token');
    }
  }
}

/** Kind of the prefixed key at `start` (call after `prefixedKey` matched). */
function keyKind(text: string, start: number): SecretKind {
  for (const prefix of PREFIXES) if (text.startsWith(prefix.text, start)) return prefix.kind;
  return 'generic';
}

/** End of a prefixed key at `start`, or -1. Reads at most the key and one unit after it. */
function prefixedKey(text: string, start: number): number {
  // Every prefix starts with one of 'A', 'g', 'x', 's', 'r', 'p'.
  const first = text.charCodeAt(start);
  if (first !== 65 && first !== 103 && first !== 120 && first !== 115 && first !== 114 && first !== 112) return -1;
  for (const prefix of PREFIXES) {
    if (!text.startsWith(prefix.text, start)) continue;
    const bodyStart = start + prefix.text.length;
    let end = bodyStart;
    const ceiling = Math.min(text.length, bodyStart + prefix.max + 1);
    while (end < ceiling && prefix.body(text.charCodeAt(end))) end++;
    const length = end - bodyStart;
    if (length < prefix.min || length > prefix.max) return -1;
    // Never a slice of a longer key: the key ends where its characters end.
    if (end < text.length && isKeyCode(text.charCodeAt(end))) return -1;
    // 'sk-' keys: demand a digit and a letter mix, so words like 'sk-learn-…' stay.
    if (prefix.text === 'sk-' || prefix.text === 'sk-ant-') {
      if (!mixesClasses(text, bodyStart, end)) return -1;
    }
    return end;
  }
  return -1;
}

function mixesClasses(text: string, start: number, end: number): boolean {
  let classes = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    classes |= isDigit(code) ? 1 : isUpper(code) ? 2 : isLower(code) ? 4 : 0;
  }
  return classes === 7;
}

/** RFC 7519: `header.payload.signature`, base64url; the header decodes to a JSON object with "alg". */
function isJwt(text: string, start: number, end: number): boolean {
  if (end - start > MAX_TOKEN) return false;
  let first = -1;
  let second = -1;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === 46) {
      if (first < 0) first = index;
      else if (second < 0) second = index;
      else return false; // a fourth segment: JWE or something else
    } else if (!isKeyCode(code)) return false;
  }
  // A header of a few fields, a payload, and a signature (HS256 gives 43 characters).
  if (second < 0 || first - start < 10 || first - start > 1024 || second - first < 3 || end - second < 16) return false;
  const header = decodeBase64Url(text.slice(start, first));
  if (header === undefined) return false;
  try {
    const parsed: unknown = JSON.parse(header);
    return parsed !== null && typeof parsed === 'object' && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Decodes base64url to a Latin-1 string (enough for a JSON header), or undefined. */
function decodeBase64Url(value: string): string | undefined {
  let bits = 0;
  let buffer = 0;
  let decoded = '';
  for (let index = 0; index < value.length; index++) {
    const digit = BASE64URL.indexOf(value[index]);
    if (digit < 0) return undefined;
    buffer = (buffer << 6) | digit;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      decoded += String.fromCharCode((buffer >>> bits) & 0xff);
    }
  }
  return decoded;
}

/** True when "Bearer" and one to three spaces stand right before `start` (RFC 6750 §2.1). */
function afterBearer(text: string, start: number): boolean {
  let at = start;
  while (at > 0 && start - at < 3 && isSpace(text.charCodeAt(at - 1))) at--;
  if (at === start || at < 6) return false;
  if (text.slice(at - 6, at).toLowerCase() !== 'bearer') return false;
  return at === 6 || !isAlnum(text.charCodeAt(at - 7));
}

/** `scheme://user:password@host`: reports the password, anchored on the '@'. */
function urlPassword(text: string, from: number, at: number, out: Finding[], push: Push): void {
  // Walk back over userinfo characters (RFC 3986 §3.2.1) to '//' after a scheme.
  let start = at;
  const floor = Math.max(0, at - MAX_VALUE);
  while (start > floor) {
    const code = text.charCodeAt(start - 1);
    if (!isPrintable(code) || code === SLASH || code === AT || code === QUOTE || code === 60 || code === 62) break;
    start--;
  }
  if (start < 3 || text.charCodeAt(start - 1) !== SLASH || text.charCodeAt(start - 2) !== SLASH || text.charCodeAt(start - 3) !== COLON) return;
  if (start < 4 || !isAlnum(text.charCodeAt(start - 4))) return;
  const colon = text.indexOf(':', start);
  if (colon < 0 || colon >= at - 1 || colon === start) return;
  if (colon + 1 < from) return;
  // The host must follow: a letter or digit (or '[' of an IPv6 literal).
  const host = text.charCodeAt(at + 1);
  if (!(isAlnum(host) || host === 91)) return;
  push(out, colon + 1, at, 'url-password');
}

/**
 * A value after the ':' or '=' at `anchor`, when the key before it names a secret. Reads at
 * most MAX_KEY + MAX_GAP units before the anchor and MAX_VALUE + 1 after it.
 */
function contextValue(text: string, from: number, anchor: number, out: Finding[], push: Push, minEntropy: number): void {
  // The key: letters, digits, '_', '-', '.', maybe quoted (`"api_key": …`).
  let keyEnd = anchor;
  if (keyEnd > 0 && (text.charCodeAt(keyEnd - 1) === QUOTE || text.charCodeAt(keyEnd - 1) === APOSTROPHE)) keyEnd--;
  while (keyEnd > 0 && anchor - keyEnd < 3 && isSpace(text.charCodeAt(keyEnd - 1))) keyEnd--;
  // Every context key ends in one of these letters (…key, …token, …secret, …password, pass,
  // passphrase, authorization): most `name=value` pairs of a log line stop here.
  if (keyEnd === 0 || !isKeyLastLetter(text.charCodeAt(keyEnd - 1))) return;
  // Its last three letters name no context key ('update'), or its last letters spell none of
  // the names that share them ('question' against 'authorization'): no walk over the key.
  // Read from further back than the key may start, the tail is the key's own or rules it out,
  // and a name that ends the key read from there is one that may end the key itself.
  const floor = Math.max(0, keyEnd - MAX_KEY);
  const tail = keyTail(text, floor, keyEnd);
  if (tail < 0 || (KEY_TAIL_BITS[tail >>> 5] & (1 << (tail & 31))) === 0) return;
  if (!endsWithContextKey(text, floor, keyEnd, CONTEXT_KEYS.get(tail) as KeyGroup)) return;
  let keyStart = keyEnd;
  while (keyStart > 0 && keyEnd - keyStart < MAX_KEY && (isKeyCode(text.charCodeAt(keyStart - 1)) || text.charCodeAt(keyStart - 1) === 46)) keyStart--;
  if (keyStart === keyEnd) return;
  const kind = keyKindOf(text, keyStart, keyEnd);
  if (kind === undefined) return;
  // The value: after up to three spaces and a quote, printable units up to a delimiter.
  let start = anchor + 1;
  while (start < text.length && start - anchor <= 3 && isSpace(text.charCodeAt(start))) start++;
  let quoted = 0;
  const open = text.charCodeAt(start);
  if (open === QUOTE || open === APOSTROPHE) {
    quoted = open;
    start++;
  }
  if (kind === 'authorization') {
    // `Authorization: Bearer <token>` / `Basic <credentials>`: only the credentials.
    const scheme = start;
    while (start < text.length && start - scheme < 8 && isAlnum(text.charCodeAt(start))) start++;
    const word = text.slice(scheme, start).toLowerCase();
    if (word !== 'bearer' && word !== 'basic' && word !== 'token') return;
    if (!isSpace(text.charCodeAt(start))) return;
    start++;
    if (start < from) return;
    // A bearer token holding a digit is reported from its digit run already.
    let end = start;
    while (end < text.length && end - start <= MAX_TOKEN && isTokenCode(text.charCodeAt(end))) end++;
    while (end < text.length && end - start <= MAX_TOKEN && text.charCodeAt(end) === EQUALS) end++;
    if (end - start < 8 || end - start > MAX_TOKEN || hasDigit(text, start, end)) return;
    if (end < text.length && isPrintable(text.charCodeAt(end)) && !isDelimiter(text.charCodeAt(end), quoted)) return;
    push(out, start, end, 'bearer-token');
    return;
  }
  if (start < from) return;
  let end = start;
  while (end < text.length && end - start <= MAX_VALUE && isPrintable(text.charCodeAt(end)) && !isDelimiter(text.charCodeAt(end), quoted)) end++;
  const length = end - start;
  if (length === 0 || length > MAX_VALUE) return;
  if (kind === 'aws-secret-key') {
    if (length === 40 && isAwsSecret(text, start, end)) push(out, start, end, 'aws-secret-key');
    return;
  }
  const first = text.charCodeAt(start);
  // Templates and masks: ${VAR}, <password>, {{x}}, %s, [redacted], ****, xxxx.
  if (first === 36 || first === 60 || first === 123 || first === 37 || first === 91 || first === 42) return;
  if (PLACEHOLDERS.has(text.slice(start, end).toLowerCase())) return;
  if (kind === 'password') {
    if (length >= PASSWORD_MIN_LENGTH && (classCount(text, start, end) >= 2 || entropy(text, start, end) >= 3)) push(out, start, end, 'password');
    return;
  }
  if (length >= GENERIC_MIN_LENGTH && classCount(text, start, end) >= 2 && entropy(text, start, end) >= minEntropy) push(out, start, end, 'generic');
}

/** Letters 'y', 'n', 't', 'd', 's', 'e' as bits of their index in the alphabet. */
const KEY_LAST_LETTERS = (1 << 24) | (1 << 13) | (1 << 19) | (1 << 3) | (1 << 18) | (1 << 4);

/** True for the last letter of some context key, either case ('yntdse'). */
const isKeyLastLetter = (code: number): boolean => {
  const letter = (code | 0x20) - 97;
  return letter >>> 0 <= 25 && ((KEY_LAST_LETTERS >>> letter) & 1) !== 0;
};

type ContextKind = 'aws-secret-key' | 'password' | 'generic' | 'authorization';

/** A context key name, the kind of value it introduces, and whether a longer key may end with it. */
interface ContextKey {
  readonly word: string;
  readonly kind: ContextKind;
  readonly suffix: boolean;
}

/**
 * The names that share a tail, in the order they are tried, and the letters their fourth and
 * fifth letters from the end may be (bit sets over 'a'..'z'; ANY_LETTER when a name is too short
 * to have one, so that letter proves nothing).
 */
interface KeyGroup {
  readonly keys: readonly ContextKey[];
  readonly fourth: number;
  readonly fifth: number;
}

/** Every letter: a screen that lets any key through. */
const ANY_LETTER = (1 << 26) - 1;

/**
 * The context key names in the order they are tried (the first match decides), grouped by
 * their last three letters (`keyTail`): a key is compared with the few names that share its
 * tail only. Comparing every key before ':' with all 20 names cost about 100 ns per chat
 * message ('Quick question: …' ends in a key letter); most keys share no tail with any name.
 */
const CONTEXT_KEYS: ReadonlyMap<number, KeyGroup> = /* #__PURE__ */ (() => {
  const keys: ContextKey[] = [
    { word: 'authorization', kind: 'authorization', suffix: false },
    { word: 'proxyauthorization', kind: 'authorization', suffix: false },
    ...AWS_SECRET_KEYS.map((word): ContextKey => ({ word, kind: 'aws-secret-key', suffix: false })),
    ...PASSWORD_KEYS.map((word): ContextKey => ({ word, kind: 'password', suffix: word.length >= 6 })),
    ...GENERIC_KEY_ENDINGS.map((word): ContextKey => ({ word, kind: 'generic', suffix: true })),
  ];
  const byTail = new Map<number, ContextKey[]>();
  for (const key of keys) {
    const tail = keyTail(key.word, 0, key.word.length);
    const list = byTail.get(tail);
    if (list === undefined) byTail.set(tail, [key]);
    else list.push(key);
  }
  const groups = new Map<number, KeyGroup>();
  for (const [tail, list] of byTail) {
    let fourth = 0;
    let fifth = 0;
    for (const { word } of list) {
      fourth |= word.length < 4 ? ANY_LETTER : 1 << (word.charCodeAt(word.length - 4) - 97);
      fifth |= word.length < 5 ? ANY_LETTER : 1 << (word.charCodeAt(word.length - 5) - 97);
    }
    groups.set(tail, { keys: list, fourth, fifth });
  }
  return groups;
})();

/**
 * The tails of CONTEXT_KEYS as a bit set (32^3 bits, 4 KB): tested on every key before ':' or '='
 * instead of a `Map` lookup, which hashes the number first.
 */
const KEY_TAIL_BITS: Uint32Array = /* #__PURE__ */ (() => {
  const bits = new Uint32Array(1024);
  for (const tail of CONTEXT_KEYS.keys()) bits[tail >>> 5] |= 1 << (tail & 31);
  return bits;
})();

/**
 * True when some name of `group` ends the key `text[start, end)` (read as `keyKindOf` does).
 * Its fourth and fifth letters from the end are screened first: 'question' shares 'ion' with
 * 'authorization' but not 'at', and comparing it with both names cost ~60 ns per
 * 'Quick question:' (one bench clean-chat message in ten opens so).
 */
function endsWithContextKey(text: string, start: number, end: number, group: KeyGroup): boolean {
  if (group.fourth !== ANY_LETTER) {
    let index = end;
    for (let count = 0; count < 5; count++) {
      while (index > start && isKeySeparator(text.charCodeAt(index - 1))) index--;
      if (count >= 3) {
        const letters = count === 3 ? group.fourth : group.fifth;
        if (letters === ANY_LETTER) break;
        // Past the key's start, or a unit no name's letter folds to: no name of 4+ (5+) letters ends it.
        if (index === start) return false;
        const letter = (text.charCodeAt(index - 1) | 0x20) - 97;
        if (letter >>> 0 > 25 || ((letters >>> letter) & 1) === 0) return false;
      } else if (index === start) break;
      index--;
    }
  }
  const keys = group.keys;
  for (let k = 0; k < keys.length; k++) if (keyEndsWith(text, start, end, keys[k].word) >= 0) return true;
  return false;
}

/** Kind of the key `text[start, end)` read lower case without '-', '_' and '.' (`API_Key` is `apikey`), compared in place. */
function keyKindOf(text: string, start: number, end: number): ContextKind | undefined {
  const group = CONTEXT_KEYS.get(keyTail(text, start, end));
  if (group === undefined) return undefined;
  for (const key of group.keys) {
    let at = keyEndsWith(text, start, end, key.word);
    if (at < 0) continue;
    if (key.suffix) return key.kind;
    while (at > start && isKeySeparator(text.charCodeAt(at - 1))) at--;
    if (at === start) return key.kind;
  }
  return undefined;
}

/** The last three letters of a key (read as `keyKindOf` does) packed into a number, or -1 when it ends otherwise. */
function keyTail(text: string, start: number, end: number): number {
  let tail = 0;
  let index = end;
  for (let count = 0; count < 3; count++) {
    while (index > start && isKeySeparator(text.charCodeAt(index - 1))) index--;
    if (index === start) return -1;
    const letter = (text.charCodeAt(--index) | 0x20) - 97;
    if (letter >>> 0 > 25) return -1;
    tail = tail * 32 + letter;
  }
  return tail;
}

/**
 * Where `word` (lower case letters) starts when the key `text[start, end)`, read as `keyKindOf`
 * does, ends with it; else -1. Key units are ASCII letters, digits, '-', '_', '.': only letters
 * fold to `word`'s letters under `| 0x20`.
 */
function keyEndsWith(text: string, start: number, end: number, word: string): number {
  let index = end;
  for (let w = word.length - 1; w >= 0; w--) {
    while (index > start && isKeySeparator(text.charCodeAt(index - 1))) index--;
    if (index === start || (text.charCodeAt(index - 1) | 0x20) !== word.charCodeAt(w)) return -1;
    index--;
  }
  return index;
}

/** '-', '_', '.': left out when a key is compared (a function declaration: `CONTEXT_KEYS` is built before a `const` here would be). */
function isKeySeparator(code: number): boolean {
  return code === 45 || code === 95 || code === 46;
}

/** Ends a context value: a quote (the opening one, or any when unquoted), ',', ';', '&', '}', ')' or ']'. */
function isDelimiter(code: number, quoted: number): boolean {
  if (quoted !== 0) return code === quoted;
  return code === QUOTE || code === APOSTROPHE || code === 44 || code === 59 || code === 38 || code === 125 || code === 41 || code === 93;
}

/** AWS secret access keys are 40 characters of base64 ([A-Za-z0-9/+]). */
function isAwsSecret(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (!isAlnum(code) && code !== SLASH && code !== 43) return false;
  }
  return true;
}

function hasDigit(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) if (isDigit(text.charCodeAt(index))) return true;
  return false;
}

/** Number of classes among lower case, upper case, digits and other printable characters. */
function classCount(text: string, start: number, end: number): number {
  let classes = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    classes |= isDigit(code) ? 1 : isUpper(code) ? 2 : isLower(code) ? 4 : 8;
  }
  return (classes & 1) + ((classes >> 1) & 1) + ((classes >> 2) & 1) + ((classes >> 3) & 1);
}

/** True when `text[start, end)` holds a digit, or a symbol other than a word's '-' and "'". */
function writtenOut(text: string, start: number, end: number): boolean {
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (isDigit(code) || !(isUpper(code) || isLower(code) || code === 45 || code === APOSTROPHE)) return true;
  }
  return false;
}

/**
 * Shannon entropy of `text[start, end)` in bits per character (printable ASCII only).
 *
 * @example
 * entropy('aaaa', 0, 4) // 0
 * entropy('abcd', 0, 4) // 2
 */
export function entropy(text: string, start: number, end: number): number {
  const counts = new Uint16Array(128);
  for (let index = start; index < end; index++) counts[text.charCodeAt(index) & 127]++;
  const length = end - start;
  let bits = 0;
  for (let code = 0; code < 128; code++) {
    const count = counts[code];
    if (count === 0) continue;
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Where the next '-----END ' at or after `from` is (-1: none), remembered between calls of one pass. */
interface FooterCache {
  from: number;
  at: number;
}

/**
 * End of the PEM private key block at `start` (its '-----BEGIN '), or -1; when `final` is
 * false, UNDECIDED while the block could still complete within MAX_PEM. The footer search is
 * shared through `cache`, so many headers without footers cost one pass, not one each.
 */
function pemEnd(text: string, start: number, final: boolean, cache: FooterCache): number {
  PEM_HEADER.lastIndex = start;
  const header = PEM_HEADER.exec(text);
  if (header === null) return !final && text.length - start < 40 && isHeaderPrefix(text, start) ? UNDECIDED : -1;
  const body = PEM_HEADER.lastIndex;
  if (!(cache.from >= 0 && body >= cache.from && (cache.at < 0 || cache.at >= body))) {
    cache.from = body;
    cache.at = text.indexOf('-----END ', body);
  }
  const at = cache.at;
  const footer = `-----END ${header[1]}-----`;
  if (at >= 0 && text.startsWith(footer, at)) return at + footer.length <= start + MAX_PEM ? at + footer.length : -1;
  if (at >= 0 && (at + footer.length <= text.length || !footer.startsWith(text.slice(at)))) return -1;
  // No footer yet: open while the block may still end within MAX_PEM.
  return !final && text.length < start + MAX_PEM ? UNDECIDED : -1;
}

/** True when `text[start..]` is a prefix of some private key header (the rest has not arrived). */
function isHeaderPrefix(text: string, start: number): boolean {
  const tail = text.slice(start);
  for (const label of ['PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY', 'DSA PRIVATE KEY', 'OPENSSH PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']) {
    if (`-----BEGIN ${label}-----`.startsWith(tail)) return true;
  }
  return false;
}
