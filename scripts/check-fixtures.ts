/**
 * Validates the labelled corpus in test/fixtures/ (or a directory given as the first argument):
 * every labelled value must be a valid value of its type, negative messages and the unlabelled
 * text of positive ones must not hide a valid value, files meant to be clean must have no
 * markup, and no message may appear twice. Exits 1 on any error; prints counts per file and type.
 *
 * Rules checked (each cited where it comes from):
 * - CREDIT_CARD: 12–19 digits, one separator style, Luhn (ISO/IEC 7812-1 annex B) and an issuer
 *   prefix/length rule (Visa, Mastercard incl. 2-series, Amex, Discover, JCB, Diners, UnionPay, Maestro
 *   as published by the networks).
 * - US_SSN: SSA rules (no area 000, 666 or 900–999, no group 00, no serial 0000; SSA "Social
 *   Security Number Randomization"), dashed or spaced; a bare 9-digit value only with "SSN" or
 *   "social security" in the message.
 * - IBAN: ISO 13616 country length and mod 97 = 1, and validator.js `isIBAN` (country BBAN shape).
 * - IP_ADDRESS: `net.isIP`.
 * - EMAIL: one `@`, dot-atom local part, a dotted domain whose TLD has letters (RFC 5322 shape).
 * - PHONE: 7–15 digits (E.164 maximum) in phone characters; warns (does not fail) when
 *   libphonenumber-js does not find it valid in any of the regions chat users come from.
 *
 * @example
 * // npx tsx scripts/check-fixtures.ts            # the committed corpus
 * // npx tsx scripts/check-fixtures.ts some/dir   # another directory in the same format
 */
import { isIP } from 'node:net';
import { isValidPhoneNumber, type CountryCode } from 'libphonenumber-js';
import validator from 'validator';
import { FIXTURES_DIR, loadFixtures, type Fixture } from '../test/fixtures/load.js';

const STRUCTURED = new Set(['EMAIL', 'PHONE', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'IBAN']);
const FUZZY = new Set(['HEALTH', 'STREET_ADDRESS']);
/** Files whose every line must be a negative message. */
const CLEAN_FILES = new Set(['everyday.txt', 'structured-negatives.txt']);
const PHONE_REGIONS: CountryCode[] = ['US', 'CA', 'GB', 'IE', 'DE', 'FR', 'ES', 'IT', 'NL', 'IN', 'AU', 'BR', 'MX', 'BE', 'CH', 'AT', 'SE', 'PL', 'PT', 'JP', 'SG', 'ZA', 'NZ'];

/** ISO 13616 IBAN lengths per country (SWIFT IBAN registry). */
const IBAN_LENGTH: Record<string, number> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, CH: 21, CR: 22,
  CY: 28, CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22,
  GE: 22, GI: 23, GL: 18, GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IS: 26, IT: 27, JO: 30,
  KW: 30, KZ: 20, LB: 28, LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27,
  MT: 31, MU: 30, NL: 18, NO: 15, PK: 24, PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24,
  SE: 24, SI: 19, SK: 24, SM: 27, TN: 24, TR: 26, UA: 29, VG: 24, XK: 20,
};

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Issuer prefix and length rules, as the card networks publish them. */
function issuerValid(digits: string): boolean {
  const n = digits.length;
  const p = (k: number) => Number(digits.slice(0, k));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa
  if ((p(2) >= 51 && p(2) <= 55) || (p(4) >= 2221 && p(4) <= 2720)) return n === 16; // Mastercard
  if (p(2) === 34 || p(2) === 37) return n === 15; // Amex
  if (p(4) === 6011 || p(2) === 65 || (p(3) >= 644 && p(3) <= 649)) return n >= 16 && n <= 19; // Discover
  if (p(4) >= 3528 && p(4) <= 3589) return n >= 16 && n <= 19; // JCB
  if ((p(3) >= 300 && p(3) <= 305) || p(4) === 3095 || p(2) === 36 || p(2) === 38 || p(2) === 39) return n >= 14 && n <= 19; // Diners
  if (p(2) === 62) return n >= 16 && n <= 19; // UnionPay
  if (p(2) === 50 || (p(2) >= 56 && p(2) <= 69)) return n >= 12 && n <= 19; // Maestro
  return false;
}

function ssnValid(value: string): boolean {
  const m = /^(\d{3})([- ]?)(\d{2})\2(\d{4})$/.exec(value);
  if (m === null) return false;
  const area = Number(m[1]);
  if (area === 0 || area === 666 || area >= 900) return false;
  if (m[3] === '00' || m[4] === '0000') return false;
  // Publicly misused or advertising values (SSA): never used as positives.
  const compact = m[1] + m[3] + m[4];
  return compact !== '078051120' && compact !== '219099999' && compact !== '123456789';
}

function mod97(iban: string): number {
  const moved = iban.slice(4) + iban.slice(0, 4);
  let rest = 0;
  for (const c of moved) {
    const code = c.charCodeAt(0);
    const value = code >= 65 ? code - 55 : code - 48;
    rest = value >= 10 ? (rest * 100 + value) % 97 : (rest * 10 + value) % 97;
  }
  return rest;
}

function ibanValid(value: string): boolean {
  const compact = value.replace(/ /g, '');
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(compact)) return false;
  if (IBAN_LENGTH[compact.slice(0, 2)] !== compact.length) return false;
  return mod97(compact) === 1 && validator.isIBAN(compact);
}

function emailShapeValid(value: string): boolean {
  const m = /^([\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*)@((?:[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?\.)+[\p{L}]{2,63})$/u.exec(value);
  return m !== null && m[1].length <= 64;
}

function phoneProblem(value: string): string | undefined {
  if (!/^\+?[\d ().-]+$/.test(value)) return 'characters other than digits, + ( ) . - and space';
  const digits = value.replace(/\D/g, '').length;
  if (digits < 7 || digits > 15) return `${digits} digits (E.164 allows 7 to 15)`;
  return undefined;
}

function phoneKnown(value: string): boolean {
  if (value.startsWith('+')) return isValidPhoneNumber(value);
  return PHONE_REGIONS.some((region) => isValidPhoneNumber(value, region));
}

function cardProblem(value: string): string | undefined {
  if (!/^\d+(?:([ -])\d+(?:\1\d+)*)?$/.test(value)) return 'mixed or unexpected separators';
  const digits = value.replace(/\D/g, '');
  if (digits.length < 12 || digits.length > 19) return `${digits.length} digits`;
  if (!luhnValid(digits)) return 'fails Luhn';
  if (!issuerValid(digits)) return 'no issuer prefix/length rule matches';
  return undefined;
}

/** Valid values hidden in text that is supposed to hold none of them (offsets into `text`). */
function hiddenValues(text: string): { type: string; start: number }[] {
  const hits: { type: string; start: number }[] = [];
  for (const m of text.matchAll(/(?<![\w.-])\d(?:[ -]?\d){11,18}(?!\w|[ .-]\d)/g)) {
    const digits = m[0].replace(/\D/g, '');
    if (luhnValid(digits) && issuerValid(digits) && cardProblem(m[0]) === undefined) hits.push({ type: 'CREDIT_CARD', start: m.index });
  }
  for (const m of text.matchAll(/(?<![\d-])\d{3}([- ])\d{2}\1\d{4}(?![\d-])/g)) {
    if (ssnValid(m[0])) hits.push({ type: 'US_SSN', start: m.index });
  }
  for (const m of text.matchAll(/(?<![\w.:])(?:\d{1,3}\.){3}\d{1,3}(?![\w.]|:\d)/g)) {
    const before = text.slice(Math.max(0, m.index - 9), m.index).toLowerCase();
    if (isIP(m[0]) !== 0 && !/(version |v|ver |build |release )$/.test(before)) hits.push({ type: 'IP_ADDRESS', start: m.index });
  }
  for (const m of text.matchAll(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g)) {
    if (ibanValid(m[0])) hits.push({ type: 'IBAN', start: m.index });
  }
  for (const m of text.matchAll(/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu)) {
    if (emailShapeValid(m[0])) hits.push({ type: 'EMAIL', start: m.index });
  }
  return hits;
}

/** Lower case, digits folded to 0, whitespace collapsed: two lines equal after this are near-duplicates. */
const shapeOf = (text: string) => text.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ').trim();

function check(fixtures: readonly Fixture[]) {
  const errors: string[] = [];
  const warnings: string[] = [];
  const counts = new Map<string, Map<string, number>>();
  const seen = new Map<string, string>();
  const shapes = new Map<string, string>();
  for (const fixture of fixtures) {
    const where = `${fixture.file}:${fixture.line}`;
    const perFile = counts.get(fixture.file) ?? new Map<string, number>();
    counts.set(fixture.file, perFile);
    const bump = (key: string) => perFile.set(key, (perFile.get(key) ?? 0) + 1);
    bump(fixture.spans.length === 0 ? '(negative messages)' : '(positive messages)');
    if (CLEAN_FILES.has(fixture.file) && fixture.spans.length > 0) errors.push(`${where}: labelled span in a file of negative messages`);
    const previous = seen.get(fixture.text);
    if (previous !== undefined) errors.push(`${where}: same message as ${previous}`);
    seen.set(fixture.text, where);
    const shape = shapeOf(fixture.text);
    const similar = shapes.get(shape);
    if (similar !== undefined && previous === undefined) warnings.push(`${where}: near-duplicate of ${similar}`);
    shapes.set(shape, where);

    let last = 0;
    let masked = '';
    for (const span of fixture.spans) {
      const value = fixture.text.slice(span.start, span.end);
      const at = `${where} ${span.type} at ${span.start}`;
      bump(span.type);
      masked += fixture.text.slice(last, span.start) + ' '.repeat(span.end - span.start);
      last = span.end;
      // Types without a value check here (PERSON, DATE_OF_BIRTH, SECRET, national IDs, ...) are
      // validated by their detectors' golden tests; here they only need an entity-type name.
      if (!/^[A-Z][A-Z0-9_]*$/.test(span.type)) errors.push(`${at}: entity type is not an UPPER_SNAKE name`);
      let problem: string | undefined;
      if (span.type === 'CREDIT_CARD') problem = cardProblem(value);
      else if (span.type === 'US_SSN') {
        if (!ssnValid(value)) problem = 'breaks the SSA rules or the format';
        else if (/^\d{9}$/.test(value) && !/\bssn\b|social security/i.test(fixture.text)) problem = 'bare 9 digits without SSN context';
      } else if (span.type === 'IBAN') {
        if (!ibanValid(value)) problem = 'wrong country length, mod 97 or BBAN shape';
      } else if (span.type === 'IP_ADDRESS') {
        if (isIP(value) === 0) problem = 'not an IP (net.isIP)';
      } else if (span.type === 'EMAIL') {
        if (!emailShapeValid(value)) problem = 'not an email shape';
      } else if (span.type === 'PHONE') {
        problem = phoneProblem(value);
        if (problem === undefined && !phoneKnown(value)) warnings.push(`${at}: not valid in libphonenumber-js for any listed region`);
      }
      if (problem !== undefined) errors.push(`${at}: ${problem}`);
    }
    masked += fixture.text.slice(last);
    for (const hit of hiddenValues(masked)) errors.push(`${where}: unlabelled valid ${hit.type} at ${hit.start}`);
  }
  return { errors, warnings, counts };
}

function main() {
  const dir = process.argv[2] ?? FIXTURES_DIR;
  const fixtures = loadFixtures(dir);
  const { errors, warnings, counts } = check(fixtures);
  for (const [file, perFile] of [...counts].sort()) {
    console.log(file);
    for (const [key, count] of [...perFile].sort()) console.log(`  ${key.padEnd(22)} ${count}`);
  }
  const totals = new Map<string, number>();
  for (const perFile of counts.values()) for (const [key, count] of perFile) totals.set(key, (totals.get(key) ?? 0) + count);
  console.log('total');
  for (const [key, count] of [...totals].sort()) console.log(`  ${key.padEnd(22)} ${count}`);
  for (const warning of warnings) console.log(`warning: ${warning}`);
  for (const error of errors) console.log(`error: ${error}`);
  console.log(`${fixtures.length} messages, ${errors.length} errors, ${warnings.length} warnings`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main();
