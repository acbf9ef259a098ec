import { ASCII_CLASS, EMAIL_LOCAL, LETTER, isWordCodeAt } from '../scanner/char-class.js';
import type { Detector } from '../types.js';

/** Options of `email`. */
export interface EmailOptions {
  /** Accept single-label domains (`user@localhost`, `root@server1`). Default: false. */
  readonly allowLocalDomains?: boolean;
  /** Score of a finding. Default: 0.95. */
  readonly score?: number;
}

// RFC 5321 §4.5.3.1: local part ≤ 64 octets, domain ≤ 255 (253 in text form), label ≤ 63.
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;
/** Longest span of text one '@' can decide: a local part, the '@', a domain and the character after. */
const REACH = MAX_LOCAL + 1 + MAX_DOMAIN + 1;

const AT = 64;
const FULLWIDTH_AT = 0xff20;
const DOT = 46;
const HYPHEN = 45;
const UNDERSCORE = 95;

/**
 * Finds email addresses: dot-atom local parts with plus tags, subdomains, long and IDN TLDs
 * (`jörg@bücher.de`). Rejects `@mentions`, `pkg@1.2.3` (numeric TLD), and single-label domains
 * such as `user@localhost` unless `allowLocalDomains` is set. Anchored on the scanner's '@'
 * positions, so text without '@' costs nothing here.
 *
 * @example
 * createRedactor({ detectors: [email()] }).redact('write to jane.doe+news@example.co.uk.').text
 * // 'write to [EMAIL].'
 */
export function email(options: EmailOptions = {}): Detector {
  const allowLocal = options.allowLocalDomains === true;
  const score = options.score ?? 0.95;
  return {
    name: 'email',
    type: 'EMAIL',
    maxLength: MAX_LOCAL + 1 + MAX_DOMAIN,
    lookbehind: MAX_LOCAL + 1,
    find(scan, out) {
      const { text, ats } = scan;
      for (let k = 0; k < ats.length; k++) {
        const match = matchAt(text, ats[k], allowLocal);
        if (match !== undefined && match.start >= scan.from) {
          out.push({ type: 'EMAIL', start: match.start, end: match.end, score, detector: 'email' });
        }
      }
    },
    pending(text, from) {
      // Everything before the trailing run of email characters is decided: an address is made
      // of those characters only, and the run ends at a character that bounds it.
      const end = text.length;
      let start = end;
      const limit = Math.max(from, end - REACH);
      // A high surrogate at the very end may become a letter (part of an IDN domain) once its
      // low half arrives, so it counts as an email character here.
      if (start > limit && isHighSurrogate(text.charCodeAt(start - 1))) start--;
      while (start > limit && isEmailCodeAt(text, start - 1)) start--;
      if (start > limit || start === from) return start;
      // The run is longer than one address can reach: text before `limit` is decided, but an
      // address found there may still cross `limit`; then hold from its start.
      let hold = limit;
      for (let at = Math.max(from, limit - MAX_DOMAIN - 1); at < limit; at++) {
        const code = text.charCodeAt(at);
        if (code !== AT && code !== FULLWIDTH_AT) continue;
        const match = matchAt(text, at, allowLocal);
        if (match !== undefined && match.start >= from && match.start < hold && match.end > limit) hold = match.start;
      }
      return hold;
    },
  };
}

/** The address around the '@' at `at`, or undefined. Reads at most REACH code units. */
function matchAt(text: string, at: number, allowLocal: boolean): { start: number; end: number } | undefined {
  // Local part: the maximal run of local-part characters before '@'.
  let start = at;
  const floor = at - MAX_LOCAL - 1;
  while (start > 0 && start > floor && isLocalCodeAt(text, start - 1)) start--;
  if (start === floor) return undefined; // longer than 64: not an address
  // Quotes, dashes and other atext symbols wrap addresses in chat; the address starts at the
  // first letter, digit or underscore.
  while (start < at && !isLocalStart(text, start)) start++;
  if (start === at || text.charCodeAt(at - 1) === DOT) return undefined;
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    if (before === AT || before === FULLWIDTH_AT) return undefined; // a@b@c
    // The password of 'scheme://user:password@host' (SECRET's url-password), not an address.
    if (before === COLON && isUrlUser(text, start - 1)) return undefined;
  }
  for (let index = start + 1; index < at; index++) {
    if (text.charCodeAt(index) === DOT && text.charCodeAt(index - 1) === DOT) return undefined;
  }
  // Domain: labels of letters, digits and hyphens separated by single dots.
  let end = at + 1;
  const ceiling = Math.min(text.length, at + 1 + MAX_DOMAIN + 1);
  while (end < ceiling && isDomainCodeAt(text, end)) end++;
  if (end === ceiling && end < text.length && isDomainCodeAt(text, end)) return undefined; // too long
  while (end > at + 1 && (text.charCodeAt(end - 1) === DOT || text.charCodeAt(end - 1) === HYPHEN)) end--;
  if (end < text.length) {
    const after = text.charCodeAt(end);
    // 'john@x.com_foo', 'a@b.c@d' are not addresses we can bound; '!', '?', quotes end one, and
    // so do underscores that close Markdown emphasis ('_jane@example.com_', '__…__').
    if (after === AT || after === FULLWIDTH_AT) return undefined;
    if (after === UNDERSCORE) {
      let next = end + 1;
      while (next < text.length && next - end <= 2 && text.charCodeAt(next) === UNDERSCORE) next++;
      if (next - end > 2 || (next < text.length && isWordCodeAt(text, next))) return undefined;
      // The same underscores opening the emphasis are no part of the local part.
      let lead = 0;
      while (lead < next - end && text.charCodeAt(start + lead) === UNDERSCORE) lead++;
      if (lead === next - end && start + lead < at && isLocalStart(text, start + lead)) start += lead;
    }
  }
  return validDomain(text, at + 1, end, allowLocal) ? { start, end } : undefined;
}

/**
 * True when the ':' at `colon` follows the user of a URL's userinfo: '//' then at most MAX_USER
 * characters other than '/', '@', ':' and blanks. Reads at most MAX_USER + 2 code units before
 * `colon`, within the detector's lookbehind (the local part starts right after `colon`).
 */
function isUrlUser(text: string, colon: number): boolean {
  const floor = Math.max(0, colon - MAX_USER);
  let index = colon;
  while (index > floor) {
    const code = text.charCodeAt(index - 1);
    if (code === SLASH || code === AT || code === COLON || code <= 32) break;
    index--;
  }
  return index >= 2 && text.charCodeAt(index - 1) === SLASH && text.charCodeAt(index - 2) === SLASH;
}

/** Longest URL user name `isUrlUser` walks back over. */
const MAX_USER = 32;
const SLASH = 47; // '/'
const COLON = 58; // ':'

function validDomain(text: string, start: number, end: number, allowLocal: boolean): boolean {
  if (end <= start) return false;
  let labels = 0;
  let labelStart = start;
  for (let index = start; index <= end; index++) {
    if (index < end && text.charCodeAt(index) !== DOT) continue;
    const length = index - labelStart;
    if (length === 0 || length > MAX_LABEL) return false;
    if (text.charCodeAt(labelStart) === HYPHEN || text.charCodeAt(index - 1) === HYPHEN) return false;
    labels++;
    if (index === end) break;
    labelStart = index + 1;
  }
  if (labels < 2) return allowLocal && labels === 1;
  // Top-level domain: letters only (2+), or an IDN A-label 'xn--…'.
  const tldLength = end - labelStart;
  if (tldLength >= 4 && text.startsWith('xn--', labelStart)) return true;
  if (tldLength < 2) return false;
  for (let index = labelStart; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 128 ? (ASCII_CLASS[code] & LETTER) === 0 : !isWordCodeAt(text, index) || (code - 0xff10) >>> 0 <= 9) return false;
  }
  return true;
}

function isLocalCodeAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 ? (ASCII_CLASS[code] & EMAIL_LOCAL) !== 0 : isWordCodeAt(text, index);
}

function isLocalStart(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 ? (ASCII_CLASS[code] & (LETTER | 1)) !== 0 || code === 95 : isWordCodeAt(text, index);
}

function isDomainCodeAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  if (code < 128) return code === DOT || code === HYPHEN || (((code | 0x20) - 97) >>> 0 <= 25) || (code - 48) >>> 0 <= 9;
  return isWordCodeAt(text, index);
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;

function isEmailCodeAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code === AT || code === FULLWIDTH_AT || isLocalCodeAt(text, index);
}
