import { ASCII_CLASS, HEX, isWordCodeAt } from '../scanner/char-class.js';
import { HAS_COLON, HAS_DIGIT } from '../scanner/scan.js';
import type { Detector, Finding } from '../types.js';

/** Options of `ipAddress`. */
export interface IpAddressOptions {
  /** Find IPv4 addresses. Default: true. */
  readonly ipv4?: boolean;
  /** Find IPv6 addresses. Default: true. */
  readonly ipv6?: boolean;
  /** Score of a finding. Default: 0.9. */
  readonly score?: number;
}

// RFC 4291 §2.2 text forms: 8 groups × 4 hex digits + 7 colons = 39; with a trailing dotted quad
// (6 groups, 6 colons, 15) = 45. A zone id (RFC 4007 §11) adds '%' and an interface name.
const MAX_IPV6 = 45;
const MAX_ZONE = 15;
/** Longest run of hex digits, ':' and '.' that can still hold one address (plus a stray ':' or '.' at each end). */
const MAX_SPAN = MAX_IPV6 + 2;
/** Words that make a dotted quad a version number, looked for this far before it. */
const CONTEXT_WINDOW = 16;

const DOT = 46; // '.'
const COLON = 58; // ':'
const HYPHEN = 45; // '-'
const SLASH = 47; // '/'
const PERCENT = 37; // '%'
const UNDERSCORE = 95; // '_'
const ZERO = 48; // '0'

/**
 * Finds IPv4 addresses (four decimal octets 0–255) and IPv6 addresses (full, `::`-compressed,
 * IPv4-mapped `::ffff:192.0.2.1`, zone ids `fe80::1%eth0`). A port (`10.0.0.1:8080`) or prefix
 * length (`/24`) after an address is left out of the finding.
 *
 * - IPv4 octets with a leading zero (`010.0.0.1`) are rejected: `inet_aton` reads them as octal
 *   and RFC 3986 §3.2.2 `dec-octet` excludes them, so they have no single meaning to defend.
 * - A dotted quad is a version, not an address, when a letter is glued to it (`v1.2.3.4`),
 *   a word or digit follows a dash (`1.2.3.4-beta`), it has more than four parts (`1.2.3.4.5`),
 *   it follows `name/` (`curl/7.1.2.3`), or a version word is just before it (`version 1.2.3.4`).
 * - IPv6 must have two colons or more, hex groups of 1–4 digits, at most one `::`, and a decimal
 *   digit somewhere unless it has four groups or more: so `std::io`, `a::b`, times (`10:30:00`),
 *   ratios (`1:2:3:4`) and MAC addresses (`00:1A:2B:3C:4D:5E`, six groups without `::`) are not
 *   addresses.
 *
 * IPv4 is anchored on the scanner's digit runs and IPv6 on its colons; each candidate reads a
 * bounded span.
 *
 * @example
 * createRedactor({ detectors: [ipAddress()] }).redact('from 192.168.1.20:443 and fe80::1%eth0').text
 * // 'from [IP_ADDRESS]:443 and [IP_ADDRESS]'
 */
export function ipAddress(options: IpAddressOptions = {}): Detector {
  const findV4 = options.ipv4 !== false;
  const findV6 = options.ipv6 !== false;
  const score = options.score ?? 0.9;
  const push = (out: Finding[], start: number, end: number): void => {
    out.push({ type: 'IP_ADDRESS', start, end, score, detector: 'ip-address' });
  };
  return {
    name: 'ip-address',
    type: 'IP_ADDRESS',
    maxLength: MAX_IPV6 + 1 + MAX_ZONE,
    // A span, or a version word before a dotted quad; and the zone id and address before an
    // IPv6 address (`inPreviousZone`).
    lookbehind: MAX_ZONE + 2 + MAX_SPAN + CONTEXT_WINDOW + 2,
    find(scan, out) {
      const { text, from } = scan;
      if (findV4 && (scan.flags & HAS_DIGIT) !== 0) {
        const runs = scan.digitRuns;
        for (let index = 0; index + 6 < runs.length; index += 2) {
          // Fast path from the offsets alone: an address is four runs of 1–3 digits, each one
          // code unit (its '.') after the previous (see `matchV4`), which the runs of chat text
          // are not (4.1 runs per cleanChat message of bench/fixtures.ts, 0.4 of them followed
          // by a run one unit on, as in prices '£1368.07' and versions '4.4.74'; none passes
          // all four): checked before reading any code unit.
          const end = runs[index + 1];
          if (runs[index] < from || runs[index + 2] !== end + 1 || !dottedQuadShaped(runs, index)) continue;
          if (text.charCodeAt(end) !== DOT) continue;
          const addressEnd = matchV4(text, runs, index);
          if (addressEnd > 0) push(out, runs[index], addressEnd);
        }
      }
      if (findV6 && (scan.flags & HAS_COLON) !== 0) {
        const colons = scan.colons;
        let spanEnd = -1;
        for (let k = 0; k < colons.length; k++) {
          const colon = colons[k];
          if (colon < spanEnd) continue;
          // The last colon has no other to make an address with (see the fast path below),
          // and no later colon needs its span's end: most messages have one colon, none two.
          if (k + 1 === colons.length) break;
          // The span of hex digits, ':' and '.' around this colon: its end first.
          spanEnd = colon + 1;
          while (spanEnd < text.length && isSpanCode(text.charCodeAt(spanEnd))) spanEnd++;
          // Fast path: `validV6` needs two colons in the address, and no earlier listed colon
          // is in this span (its span would have covered this one; colons before `from` are
          // only in addresses that start before it), so a span without the next colon holds
          // none to report: clock times, 'Note: …' (0.8 colons per cleanChat message of
          // bench/fixtures.ts, none of them with another in its span). Tested before the walk
          // back to the span's start, which only an address needs.
          if (colons[k + 1] >= spanEnd) continue;
          let start = colon;
          while (start > 0 && colon - start <= MAX_SPAN && isSpanCode(text.charCodeAt(start - 1))) start--;
          if (colon - start > MAX_SPAN || spanEnd - start > MAX_SPAN) continue;
          const match = matchV6(text, start, spanEnd);
          if (match !== undefined && match.start >= from && !inPreviousZone(text, match.start)) push(out, match.start, match.end);
        }
      }
    },
    pending(text, from) {
      const end = text.length;
      // A zone id being typed: '…::1%et'.
      let zone = end;
      while (zone > from && end - zone <= MAX_ZONE && isZoneCode(text.charCodeAt(zone - 1))) zone--;
      const zoned = zone > from && text.charCodeAt(zone - 1) === PERCENT;
      let tail = zoned ? zone - 1 : end;
      // '1.2.3.4-' may become '1.2.3.4-beta' (a version): the dash is part of the undecided tail.
      if (tail === end && tail > from && (text.charCodeAt(tail - 1) === HYPHEN || text.charCodeAt(tail - 1) === SLASH)) tail--;
      let start = tail;
      while (start > from && tail - start <= MAX_SPAN && isSpanCode(text.charCodeAt(start - 1))) start--;
      // Nothing address-like before the tail. After a '%' with no address before it, the
      // characters that looked like a zone id may themselves start one ('%2' + '001:db8::1').
      // Without a '%', `zone` means nothing: after a trailing dash only the dash is held (an
      // address before '…1-4--' ends before it and is decided).
      if (start === tail) return zoned ? zone : tail;
      if (tail - start <= MAX_SPAN) return zonedAddressStart(text, from, start);
      // A span longer than any IPv6 address: no IPv6 in it; an IPv4 near its end may still change.
      let hold = end - 20;
      for (let at = hold - 16; at < hold; at++) {
        if (at > 0 && isDigit(text.charCodeAt(at)) && !isDigit(text.charCodeAt(at - 1))) {
          const v4 = matchV4At(text, at);
          if (v4 > hold) {
            hold = at;
            break;
          }
        }
      }
      return Math.max(from, hold);
    },
  };
}

/**
 * `start` of a trailing span, or the start of the address before it when the span begins inside
 * that address's zone id: in 'fe80::1%eth0fe80:' the span '0fe80:' is undecided, but the finding
 * 'fe80::1%eth0fe80' (its zone stops at the ':') is decided and must not cross the hold.
 */
function zonedAddressStart(text: string, from: number, start: number): number {
  let zone = start;
  while (zone > from && start - zone <= MAX_ZONE && isZoneCode(text.charCodeAt(zone - 1))) zone--;
  if (zone === from || text.charCodeAt(zone - 1) !== PERCENT) return start;
  let address = zone - 1;
  while (address > from && zone - 1 - address <= MAX_SPAN && isSpanCode(text.charCodeAt(address - 1))) address--;
  if (address === zone - 1) return start;
  // That address may itself start in the zone id of a finding before it, which crosses it.
  const owner = zoneOwner(text, address, from);
  return owner >= 0 && zoneOwner(text, owner, from) < 0 ? owner : address;
}

/**
 * True when digit runs `index`..`index + 6` (flat pairs, four runs) have the layout of a dotted
 * quad: each of 1–3 digits (an octet), each after the previous with one code unit between.
 * `matchV4` requires both, so a false here proves no address without reading the text.
 */
function dottedQuadShaped(runs: ArrayLike<number>, index: number): boolean {
  return (
    runs[index + 1] - runs[index] <= 3 &&
    runs[index + 3] - runs[index + 2] <= 3 &&
    runs[index + 4] === runs[index + 3] + 1 &&
    runs[index + 5] - runs[index + 4] <= 3 &&
    runs[index + 6] === runs[index + 5] + 1 &&
    runs[index + 7] - runs[index + 6] <= 3
  );
}

/** End of the IPv4 address whose first octet is digit run `index` (flat pairs), or -1. */
function matchV4(text: string, runs: ArrayLike<number>, index: number): number {
  for (let part = 0; part < 4; part++) {
    const start = runs[index + 2 * part];
    const end = runs[index + 2 * part + 1];
    if (!octet(text, start, end)) return -1;
    if (part < 3 && (runs[index + 2 * part + 2] !== end + 1 || text.charCodeAt(end) !== DOT)) return -1;
  }
  const start = runs[index];
  const end = runs[index + 7];
  return boundedV4(text, start, end) ? end : -1;
}

/** `matchV4` without the scanner: reads the four octets from `start`. */
function matchV4At(text: string, start: number): number {
  let at = start;
  for (let part = 0; part < 4; part++) {
    const octetStart = at;
    while (at < text.length && at - octetStart < 4 && isDigit(text.charCodeAt(at))) at++;
    if (!octet(text, octetStart, at) || (at < text.length && isDigit(text.charCodeAt(at)))) return -1;
    if (part < 3) {
      if (text.charCodeAt(at) !== DOT) return -1;
      at++;
    }
  }
  return boundedV4(text, start, at) ? at : -1;
}

/** 0–255 without a leading zero. */
function octet(text: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 1 || length > 3) return false;
  if (length > 1 && text.charCodeAt(start) === ZERO) return false;
  let value = 0;
  for (let index = start; index < end; index++) value = value * 10 + text.charCodeAt(index) - 48;
  return value <= 255;
}

function boundedV4(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const before = text.charCodeAt(start - 1);
    if (before === DOT || before === UNDERSCORE || isWordCodeAt(text, start - 1)) return false; // 1.1.2.3.4, v1.2.3.4
    if ((before === SLASH || before === HYPHEN) && start > 1 && isLetterAt(text, start - 2)) return false; // curl/7.1.2.3
  }
  if (end < text.length) {
    const after = text.charCodeAt(end);
    if (after === UNDERSCORE || isWordCodeAt(text, end)) return false; // 1.2.3.4a
    if ((after === DOT || after === HYPHEN) && end + 1 < text.length && isWordCodeAt(text, end + 1)) return false; // 1.2.3.4.5, 1.2.3.4-beta
  }
  return !versionWordBefore(text, start);
}

const VERSION_WORDS = new Set(['version', 'ver', 'v', 'build', 'release', 'rev', 'revision', 'firmware', 'fw', 'sdk', 'kernel', 'patch', 'tag']);

/** The word right before `start` (across spaces, ':' or '=') is a version word. */
function versionWordBefore(text: string, start: number): boolean {
  const floor = Math.max(0, start - CONTEXT_WINDOW);
  let index = start;
  while (index > floor && (text.charCodeAt(index - 1) === 32 || text.charCodeAt(index - 1) === COLON || text.charCodeAt(index - 1) === 61)) index--;
  const wordEnd = index;
  while (index > floor && isLetterAt(text, index - 1)) index--;
  if (index === wordEnd || (index === floor && floor > 0 && isLetterAt(text, floor - 1))) return false;
  return VERSION_WORDS.has(text.slice(index, wordEnd).toLowerCase());
}

/**
 * True when the IPv6 address starting at `start` begins inside the zone id of an address before
 * it: in 'fe80::1%eth0-fe80::1%eth0-…' the zone 'eth0-fe80' of each address runs into the next
 * one. Such addresses overlapped one after the other without end, overlap resolution kept every
 * other one counting from the first, and a stream held the whole input to know which. Only the
 * first of a chain is reported.
 */
const inPreviousZone = (text: string, start: number): boolean => zoneOwner(text, start, 0) >= 0;

/**
 * Start of the address before `start` whose zone id covers `start`, read without the rule of
 * `inPreviousZone` (one step back, bounded: a zone id of at most MAX_ZONE units, '%', a span of
 * at most MAX_SPAN, none of it before `floor`), or -1.
 */
function zoneOwner(text: string, start: number, floor: number): number {
  let zone = start;
  while (zone > floor && start - zone <= MAX_ZONE && isZoneCode(text.charCodeAt(zone - 1))) zone--;
  if (zone === floor || text.charCodeAt(zone - 1) !== PERCENT) return -1;
  const spanEnd = zone - 1;
  let spanStart = spanEnd;
  while (spanStart > floor && spanEnd - spanStart <= MAX_SPAN && isSpanCode(text.charCodeAt(spanStart - 1))) spanStart--;
  if (spanStart === spanEnd || spanEnd - spanStart > MAX_SPAN) return -1;
  const owner = matchV6(text, spanStart, spanEnd);
  return owner !== undefined && owner.end > start ? owner.start : -1;
}

/** The IPv6 address in the span [spanStart, spanEnd) of hex digits, ':' and '.', with its zone id. */
function matchV6(text: string, spanStart: number, spanEnd: number): { start: number; end: number } | undefined {
  let start = spanStart;
  let end = spanEnd;
  // A lone ':' before or after belongs to the sentence ('IP:2001:db8::1', 'at fe80::1:').
  if (text.charCodeAt(start) === COLON && text.charCodeAt(start + 1) !== COLON) start++;
  while (end > start && text.charCodeAt(end - 1) === DOT) end--;
  if (end - start > 1 && text.charCodeAt(end - 1) === COLON && text.charCodeAt(end - 2) !== COLON) end--;
  if (end - start > MAX_IPV6 || !validV6(text, start, end)) return undefined;
  if (start > 0 && isGlued(text, start - 1)) return undefined; // std::io, x::1
  // Zone id: '%' and an interface name or number (RFC 4007 §11.2).
  if (end === spanEnd && end < text.length && text.charCodeAt(end) === PERCENT) {
    let zoneEnd = end + 1;
    while (zoneEnd < text.length && zoneEnd - end <= MAX_ZONE && isZoneCode(text.charCodeAt(zoneEnd))) zoneEnd++;
    if (zoneEnd - end > MAX_ZONE) return undefined;
    while (zoneEnd > end + 1 && (text.charCodeAt(zoneEnd - 1) === DOT || text.charCodeAt(zoneEnd - 1) === HYPHEN)) zoneEnd--;
    if (zoneEnd > end + 1) end = zoneEnd;
  }
  if (end < text.length && isGlued(text, end)) return undefined;
  return { start, end };
}

/** RFC 4291 §2.2 text form, IPv4-mapped tail allowed (§2.5.5). */
function validV6(text: string, start: number, end: number): boolean {
  let groups = 0;
  let compressed = false;
  let digits = false;
  let colons = 0;
  let index = start;
  if (text.charCodeAt(index) === COLON) {
    if (text.charCodeAt(index + 1) !== COLON) return false;
    compressed = true;
    colons += 2;
    index += 2;
    if (index === end) return false; // '::' alone
  }
  while (index < end) {
    const groupStart = index;
    while (index < end && index - groupStart < 5 && isHex(text.charCodeAt(index))) {
      if (isDigit(text.charCodeAt(index))) digits = true;
      index++;
    }
    if (index < end && text.charCodeAt(index) === DOT) {
      // Dotted quad: must be the last part, after at most six groups.
      if (matchV4At(text, groupStart) !== end || groups > 6) return false;
      groups += 2;
      digits = true;
      index = end;
      break;
    }
    const length = index - groupStart;
    if (length === 0 || length > 4) return false;
    groups++;
    if (index === end) break;
    if (text.charCodeAt(index) !== COLON) return false;
    index++;
    colons++;
    if (text.charCodeAt(index) === COLON) {
      if (compressed) return false;
      compressed = true;
      colons++;
      index++;
    }
  }
  if (colons < 2) return false;
  if (compressed ? groups > 7 : groups !== 8) return false;
  return digits || groups >= 4;
}

const isDigit = (code: number): boolean => (code - 48) >>> 0 <= 9;
const isHex = (code: number): boolean => code < 128 && (ASCII_CLASS[code] & HEX) !== 0;

/**
 * Units of an address span (hex digits, ':', '.') and of a zone id (letters, digits, '_', '.',
 * '-') as bits of one table: `pending` walks the last word of every stream check with these,
 * one load per unit instead of a chain of comparisons.
 */
const SPAN_UNIT = 1;
const ZONE_UNIT = 2;
const UNITS: Uint8Array = /* #__PURE__ */ (() => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code++) {
    if (isHex(code) || code === COLON || code === DOT) table[code] |= SPAN_UNIT;
    if (isHex(code) || ((code | 0x20) - 97) >>> 0 <= 25 || code === UNDERSCORE || code === DOT || code === HYPHEN) table[code] |= ZONE_UNIT;
  }
  return table;
})();
const isSpanCode = (code: number): boolean => code < 128 && (UNITS[code] & SPAN_UNIT) !== 0;
const isZoneCode = (code: number): boolean => code < 128 && (UNITS[code] & ZONE_UNIT) !== 0;
const isLetterAt = (text: string, index: number): boolean => ((text.charCodeAt(index) | 0x20) - 97) >>> 0 <= 25;
/** A letter, digit or underscore glued to the address makes it part of a word. */
const isGlued = (text: string, index: number): boolean => text.charCodeAt(index) === UNDERSCORE || isWordCodeAt(text, index);
