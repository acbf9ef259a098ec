import { HAS_COLON, HAS_WWW, createScan } from '../scanner/scan.js';
import type { Detector, Finding } from '../types.js';

/** Options of `url`. */
export interface UrlOptions {
  /**
   * Report only URLs whose userinfo, path, query or fragment carries personal data or a
   * secret (a sensitive parameter name such as `email`, `token`, `key`, `password`; a value
   * holding an email address, a long number, a JWT or a prefixed API key; a password in the
   * userinfo). Default: true, so links in chat stay readable.
   */
  readonly sensitiveOnly?: boolean;
  /**
   * Report the sensitive parts only (query and fragment values, the userinfo password, path
   * segments holding an email address) instead of the whole URL, category `query`,
   * `userinfo` or `path`. Implies `sensitiveOnly`. Default: false.
   */
  readonly redactParts?: boolean;
  /** Score of a finding. Default: 0.97 (above EMAIL's 0.95, so a URL holding one is masked whole). */
  readonly score?: number;
}

/** Longest URL reported: browsers and CDNs commonly cap URLs at 2 KiB (RFC 9110 §4.1 recommends ≥ 8000 be accepted; longer ones are rare in text). */
const MAX_URL = 2048;
const MAX_SCHEME = 5; // 'https'

const COLON = 58;
const SLASH = 47;
const AT = 64;
const QUESTION = 63;
const HASH = 35;
const DOT = 46;
const EQUALS = 61;
const OPEN_PAREN = 40;
const CLOSE_PAREN = 41;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
const isLetter = (code: number): boolean => ((code | 0x20) - 97) >>> 0 <= 25;
const isAlnum = (code: number): boolean => isDigit(code) || isLetter(code);

/** RFC 3986 characters (unreserved, reserved, '%'): printable ASCII without space and `"<>\^`{|}`. */
function isUrlCode(code: number): boolean {
  if (code <= 32 || code >= 127) return false;
  return code !== 34 && code !== 60 && code !== 62 && code !== 92 && code !== 94 && code !== 96 && code !== 123 && code !== 124 && code !== 125;
}

/** Punctuation that ends a sentence rather than a URL when it comes last (`see https://x.io/a.`). */
const isTrailingPunctuation = (code: number): boolean =>
  code === DOT || code === 44 || code === 59 || code === COLON || code === 33 || code === QUESTION || code === 39 || code === 42;

/** Parameter names (lower case, without '-' and '_') whose values are personal data or secrets. */
const SENSITIVE_NAMES = new Set([
  'email', 'mail', 'emailaddress', 'user', 'username', 'login', 'phone', 'tel', 'mobile', 'ssn', 'dob', 'birthdate',
  'firstname', 'lastname', 'fullname', 'address', 'token', 'accesstoken', 'idtoken', 'refreshtoken', 'authtoken', 'key',
  'apikey', 'secret', 'clientsecret', 'password', 'pass', 'pwd', 'passwd', 'auth', 'authorization', 'code', 'session',
  'sessionid', 'sid', 'sig', 'signature', 'xamzsignature', 'xamzcredential', 'xamzsecuritytoken', 'credential', 'otp',
  'pin', 'card', 'cardnumber', 'iban', 'account', 'accountnumber',
]);
/** Names that are generic words too: their values count only when long enough to be a credential. */
const LONG_VALUE_NAMES = new Set(['code', 'key', 'sig', 'sid', 'session', 'auth']);
const LONG_VALUE = 16;
/** Values that are secrets whatever the parameter: JWTs and documented API key prefixes. */
const SECRET_VALUE = /eyJ|AKIA|ASIA|AIza|gh[pousr]_|github_pat_|glpat-|xox[abpr]-|[spr]k_live_|sk-/y;

/**
 * Finds URLs (`URL`): `http://`, `https://`, `ftp://`, `ftps://` and `www.` hosts, ending where
 * a character not allowed in a URL starts, without trailing sentence punctuation and without a
 * closing parenthesis or bracket that opened before the URL (`(see https://x.io/a_(b))`).
 * By default only URLs carrying personal data or secrets are reported; `redactParts` reports
 * just those parts. Anchored on the scanner's ':' positions plus a native search for `www.`.
 *
 * @example
 * createRedactor({ detectors: [url({ redactParts: true })] })
 *   .redact('reset: https://app.example.com/reset?token=9f8e7d6c5b4a3921&lang=en').text
 * // 'reset: https://app.example.com/reset?token=[URL]&lang=en'
 */
export function url(options: UrlOptions = {}): Detector {
  const redactParts = options.redactParts === true;
  const sensitiveOnly = redactParts || options.sensitiveOnly !== false;
  const score = options.score ?? 0.97;

  const report = (text: string, start: number, end: number, from: number, out: Finding[]): void => {
    if (!sensitiveOnly) {
      if (start >= from) out.push({ type: 'URL', start, end, score, detector: 'url' });
      return;
    }
    const parts: Finding[] = [];
    sensitiveParts(text, start, end, score, parts);
    if (parts.length === 0) return;
    if (redactParts) {
      for (const part of parts) if (part.start >= from) out.push(part);
    } else if (start >= from) out.push({ type: 'URL', start, end, score, detector: 'url' });
  };

  /** `hasWww`: the scan saw `www.` at or after `from` (HAS_WWW); without it, no search for one there. */
  const find = (text: string, from: number, colons: ArrayLike<number>, hasWww: boolean, out: Finding[]): void => {
    // Every start is judged alone (a URL inside another's query is reported too and loses to
    // the longer one when overlaps are resolved), so the answer never depends on where `from` is.
    const tryAt = (start: number): void => {
      const end = urlEnd(text, start);
      if (end >= 0) report(text, start, end, from, out);
    };
    // Parts of a URL that started before `from` may still be ahead: find where it started.
    let low = from;
    if (redactParts) {
      const floor = Math.max(0, from - MAX_URL);
      while (low > floor && isUrlCode(text.charCodeAt(low - 1))) low--;
      for (let at = text.indexOf('://', low); at >= 0 && at < from; at = text.indexOf('://', at + 1)) {
        const start = schemeStart(text, at);
        if (start >= 0) tryAt(start);
      }
      for (let at = text.indexOf('www.', low); at >= 0 && at < from; at = text.indexOf('www.', at + 1)) tryAt(at);
    }
    // Colons (schemes) and `www.` ahead, in text order.
    let colon = 0;
    let www = hasWww ? text.indexOf('www.', from) : -1;
    for (;;) {
      const nextColon = colon < colons.length ? colons[colon] : -1;
      if (nextColon < 0 && www < 0) break;
      if (nextColon >= 0 && (www < 0 || nextColon < www)) {
        colon++;
        if (text.charCodeAt(nextColon + 1) !== SLASH || text.charCodeAt(nextColon + 2) !== SLASH) continue;
        const start = schemeStart(text, nextColon);
        if (start >= 0) tryAt(start);
      } else {
        tryAt(www);
        www = text.indexOf('www.', www + 4);
      }
    }
  };

  return {
    name: 'url',
    type: 'URL',
    maxLength: MAX_URL,
    lookbehind: redactParts ? MAX_URL + 1 : MAX_SCHEME + 2,
    find(scan, out) {
      find(scan.text, scan.from, (scan.flags & HAS_COLON) !== 0 ? scan.colons : [], (scan.flags & HAS_WWW) !== 0, out);
    },
    pending(text, from) {
      // A URL is made of URL characters and is decided by the first unit that is not one:
      // only the trailing run of them is open.
      const end = text.length;
      const floor = Math.max(from, end - MAX_URL - 1);
      let run = end;
      while (run > floor && isUrlCode(text.charCodeAt(run - 1))) run--;
      if (run > floor || run === from) return run;
      // Longer than any URL: starts before `floor` are decided; hold from a finding crossing it.
      const found: Finding[] = [];
      const window = Math.max(from, floor - MAX_URL);
      const scan = createScan(text, window);
      find(text, window, scan.colons, (scan.flags & HAS_WWW) !== 0, found);
      let hold = floor;
      for (const finding of found) if (finding.start < hold && finding.end > floor) hold = finding.start;
      return hold;
    },
  };
}

/** Start of the scheme ending at the ':' at `colon` (http, https, ftp, ftps), or -1. */
function schemeStart(text: string, colon: number): number {
  let start = colon;
  while (start > 0 && colon - start < MAX_SCHEME + 1 && isLetter(text.charCodeAt(start - 1))) start--;
  if (start > 0 && (isAlnum(text.charCodeAt(start - 1)) || text.charCodeAt(start - 1) === 95)) return -1;
  const scheme = text.slice(start, colon).toLowerCase();
  return scheme === 'http' || scheme === 'https' || scheme === 'ftp' || scheme === 'ftps' ? start : -1;
}

/**
 * End of the URL starting at `start` (a scheme or `www.`), or -1 when no valid host follows.
 * Reads at most MAX_URL + 1 units from `start`.
 */
function urlEnd(text: string, start: number): number {
  let hostStart: number;
  if (text.charCodeAt(start) === 119 /* w */) {
    const before = start > 0 ? text.charCodeAt(start - 1) : 32;
    if (isUrlCode(before) && !(before === OPEN_PAREN || before === 39 || before === OPEN_BRACKET || before === 61 || before === 44 || before === 59)) return -1;
    hostStart = start;
  } else hostStart = text.indexOf('//', start) + 2;
  let end = hostStart;
  const ceiling = Math.min(text.length, start + MAX_URL + 1);
  while (end < ceiling && isUrlCode(text.charCodeAt(end))) end++;
  if (end - start > MAX_URL) return -1;
  // Trailing punctuation and unbalanced closing brackets belong to the sentence.
  for (;;) {
    const last = text.charCodeAt(end - 1);
    if (end > hostStart && isTrailingPunctuation(last)) end--;
    else if (last === CLOSE_PAREN && !balanced(text, start, end, OPEN_PAREN, CLOSE_PAREN)) end--;
    else if (last === CLOSE_BRACKET && !balanced(text, start, end, OPEN_BRACKET, CLOSE_BRACKET)) end--;
    else break;
  }
  return validHost(text, hostStart, end) ? end : -1;
}

/**
 * `text.indexOf` of one code unit, but only within [from, end): an unbounded search from every
 * candidate would read to the end of the text each time, quadratic on text packed with
 * near-miss URLs (the bench's `near-miss-urls` grew 95x from 100 kB to 1 MB before this).
 */
function indexWithin(text: string, code: number, from: number, end: number): number {
  for (let index = from; index < end; index++) if (text.charCodeAt(index) === code) return index;
  return -1;
}

/** Last index of one code unit within [from, end), or -1. */
function lastIndexWithin(text: string, code: number, from: number, end: number): number {
  for (let index = end - 1; index >= from; index--) if (text.charCodeAt(index) === code) return index;
  return -1;
}

/** True when `text[start, end)` closes no more brackets than it opens. */
function balanced(text: string, start: number, end: number, open: number, close: number): boolean {
  let depth = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code === open) depth++;
    else if (code === close) depth--;
  }
  return depth >= 0;
}

/** The authority's host is `localhost`, a bracketed IP literal, or dotted labels ending in a 2+ letter TLD or an IPv4 octet. */
function validHost(text: string, hostStart: number, end: number): boolean {
  let authorityEnd = hostStart;
  while (authorityEnd < end) {
    const code = text.charCodeAt(authorityEnd);
    if (code === SLASH || code === QUESTION || code === HASH) break;
    authorityEnd++;
  }
  const at = lastIndexWithin(text, AT, hostStart, authorityEnd);
  const host = at >= 0 ? at + 1 : hostStart;
  if (text.charCodeAt(host) === OPEN_BRACKET) return indexWithin(text, CLOSE_BRACKET, host, authorityEnd) > host + 2;
  let hostEnd = host;
  while (hostEnd < authorityEnd && text.charCodeAt(hostEnd) !== COLON) hostEnd++;
  const name = text.slice(host, hostEnd).toLowerCase();
  if (name === 'localhost') return true;
  const labels = name.split('.');
  if (labels.length < 2 || labels.some((label) => label.length === 0 || label.length > 63 || !/^[a-z0-9-]+$/.test(label))) return false;
  const tld = labels[labels.length - 1];
  return /^[a-z]{2,63}$/.test(tld) || (labels.length === 4 && labels.every((label) => /^\d{1,3}$/.test(label)));
}

/** Pushes the sensitive parts of the URL `text[start, end)` (see `UrlOptions`). */
function sensitiveParts(text: string, start: number, end: number, score: number, out: Finding[]): void {
  const hostStart = text.charCodeAt(start) === 119 ? start : text.indexOf('//', start) + 2;
  let authorityEnd = hostStart;
  while (authorityEnd < end && !'/?#'.includes(text[authorityEnd])) authorityEnd++;
  // Userinfo password (RFC 3986 §3.2.1 deprecates it for exactly this reason).
  const at = lastIndexWithin(text, AT, hostStart, authorityEnd);
  if (at >= 0) {
    const colon = indexWithin(text, COLON, hostStart, at);
    if (colon >= 0 && colon < at - 1) out.push({ type: 'URL', start: colon + 1, end: at, score, detector: 'url', category: 'userinfo' });
  }
  // Path segments holding an email address (`/users/jane@example.com/`, `%40` encoded too).
  let segment = authorityEnd;
  while (segment < end && text.charCodeAt(segment) === SLASH) {
    let segmentEnd = segment + 1;
    while (segmentEnd < end && !'/?#'.includes(text[segmentEnd])) segmentEnd++;
    if (segmentEnd > segment + 1 && holdsEmail(text, segment + 1, segmentEnd)) out.push({ type: 'URL', start: segment + 1, end: segmentEnd, score, detector: 'url', category: 'path' });
    segment = segmentEnd;
  }
  // Query and fragment parameters: name=value pairs split by '&' or ';'.
  let pair = segment;
  while (pair < end) {
    pair++; // past '?', '#', '&' or ';'
    let pairEnd = pair;
    while (pairEnd < end && !'&;#'.includes(text[pairEnd])) pairEnd++;
    const equals = indexWithin(text, EQUALS, pair, pairEnd);
    if (equals >= 0 && equals < pairEnd - 1) {
      const name = text.slice(pair, equals).toLowerCase().replace(/[-_.]|%5f/g, '');
      const valueLength = pairEnd - equals - 1;
      if (sensitiveValue(text, equals + 1, pairEnd, name, valueLength)) {
        out.push({ type: 'URL', start: equals + 1, end: pairEnd, score, detector: 'url', category: 'query' });
      }
    }
    pair = pairEnd;
  }
}

function sensitiveValue(text: string, start: number, end: number, name: string, length: number): boolean {
  if (SENSITIVE_NAMES.has(name) && length >= (LONG_VALUE_NAMES.has(name) ? LONG_VALUE : 3)) return true;
  if (holdsEmail(text, start, end)) return true;
  SECRET_VALUE.lastIndex = start;
  if (length >= 20 && SECRET_VALUE.test(text)) return true;
  // Nine or more digits in a row: an SSN, a card, a phone or an account number.
  let digits = 0;
  for (let index = start; index < end; index++) {
    digits = isDigit(text.charCodeAt(index)) ? digits + 1 : 0;
    if (digits >= 9) return true;
  }
  return false;
}

/** True when `text[start, end)` holds `local@domain.tld` (or `%40`). */
function holdsEmail(text: string, start: number, end: number): boolean {
  for (let index = start + 1; index < end; index++) {
    let after: number;
    if (text.charCodeAt(index) === AT) after = index + 1;
    else if (text.startsWith('%40', index)) after = index + 3;
    else continue;
    if (!isAlnum(text.charCodeAt(index - 1))) continue;
    const dot = indexWithin(text, DOT, after, end);
    if (dot > after && dot < end - 2 && isLetter(text.charCodeAt(dot + 1)) && isLetter(text.charCodeAt(dot + 2))) return true;
  }
  return false;
}
