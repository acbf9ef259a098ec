/**
 * Realistic fake values for `surrogate`: same type and format as the original, drawn from ranges
 * reserved for examples and fiction so a surrogate can never reach a real person. Each generator
 * takes the original and a source of random numbers (keyed by the vault seed, so deterministic
 * per vault) and returns a candidate, or undefined when it has no safe format for the value
 * (the operator then falls back to a token).
 */

/** Draws an integer in [0, bound). */
export type Random = (bound: number) => number;

/** Generators by entity type. */
export function fakeFor(type: string, value: string, random: Random): string | undefined {
  switch (type) {
    case 'EMAIL':
      return fakeEmail(random);
    case 'PHONE':
      return fakePhone(value, random);
    case 'CREDIT_CARD':
      return fakeCard(value, random);
    case 'IBAN':
      return fakeIban(value, random);
    case 'IP_ADDRESS':
      return fakeIp(value, random);
    case 'US_SSN':
      return fakeSsn(value, random);
    default:
      return undefined;
  }
}

// Gender-neutral first names, none a suffix of another, so one surrogate never ends inside another.
const NAMES = ['alex', 'blair', 'casey', 'drew', 'emery', 'finley', 'harper', 'jamie', 'kendall', 'logan', 'morgan', 'parker', 'quinn', 'riley', 'rowan', 'sage', 'taylor', 'avery', 'jordan', 'reese'];
// RFC 2606 §3: example.com, example.net and example.org are reserved for documentation.
const DOMAINS = ['example.com', 'example.net', 'example.org'];

/** `name.NNNN@example.org`: 20 names × 10 000 numbers × 3 reserved domains. */
function fakeEmail(random: Random): string {
  return `${NAMES[random(NAMES.length)]}.${digits(random, 4)}@${DOMAINS[random(DOMAINS.length)]}`;
}

// NANPA: 555-0100 through 555-0199 are reserved for fictional use in every area code.
const AREA_CODES = ['201', '202', '206', '212', '213', '303', '305', '312', '404', '415', '503', '512', '602', '617', '702', '713', '718', '801', '919', '971'];

/**
 * Keeps every non-digit of the original in place (`+`, spaces, dashes, parentheses) and writes
 * fictional digits: NANP numbers (10 digits, or 11 with country code 1) become
 * `AAA 555 01XX`, 7-digit local numbers `555 01XX`, UK numbers (`0` + 10 digits, or `44` +
 * 10) the Ofcom drama range `07700 900XXX`. Other numbering plans have no fictional range we
 * can fill with the same digit count, so they fall back to a token.
 */
function fakePhone(value: string, random: Random): string | undefined {
  const original = asciiDigits(value);
  const plus = value.trimStart().startsWith('+');
  const count = original.length;
  let fake: string | undefined;
  const nanp = `${AREA_CODES[random(AREA_CODES.length)]}55501${digits(random, 2)}`;
  if (count === 11 && original.startsWith('1')) fake = `1${nanp}`;
  else if (count === 10 && !plus && original.charCodeAt(0) >= 50) fake = nanp;
  else if (count === 7 && !plus) fake = `55501${digits(random, 2)}`;
  else if (count === 11 && !plus && original.startsWith('0')) fake = `07700900${digits(random, 3)}`;
  else if (count === 12 && original.startsWith('44')) fake = `447700900${digits(random, 3)}`;
  return fake === undefined ? undefined : writeDigits(value, fake);
}

/**
 * Test card prefixes published by payment processors (Stripe's test card list: 4242 4242…,
 * 5555 5555…, 2223 00…, 3782 82…, 3056 93…, 3566 00…, 6011 11…, 6200 00…), by the network
 * the original's leading digits name (ISO/IEC 7812 IIN ranges).
 */
function testPrefix(original: string): string | undefined {
  const two = Number(original.slice(0, 2));
  const four = Number(original.slice(0, 4));
  if (original.startsWith('4')) return '424242';
  if (two >= 51 && two <= 55) return '555555';
  if (four >= 2221 && four <= 2720) return '222300';
  if (two === 34 || two === 37) return '378282';
  if (two === 30 || two === 36 || two === 38) return '305693';
  if (two === 35) return '356600';
  if (original.startsWith('6011') || two === 64 || two === 65) return '601111';
  if (two === 62) return '620000';
  return undefined;
}

/**
 * Same network (a test prefix of it), same number of digits, same grouping and separators,
 * random middle digits and a valid Luhn check digit (ISO/IEC 7812-1 Annex B).
 */
function fakeCard(value: string, random: Random): string | undefined {
  const original = asciiDigits(value);
  const prefix = testPrefix(original);
  if (prefix === undefined || original.length < 12 || original.length > 19) return undefined;
  let body = prefix + digits(random, original.length - prefix.length - 1);
  body += luhnCheckDigit(body);
  return writeDigits(value, body);
}

function luhnCheckDigit(body: string): string {
  let sum = 0;
  for (let index = body.length - 1, double = true; index >= 0; index--, double = !double) {
    let digit = body.charCodeAt(index) - 48;
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

/**
 * Same country, same length, same letter/digit pattern and grouping as the original, random
 * account characters and check digits computed by ISO 7064 MOD 97-10 (ISO 13616), so the fake
 * passes format and checksum validation. Its bank code is random, so it names no real account.
 */
function fakeIban(value: string, random: Random): string | undefined {
  let compact = '';
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if (isAlnum(code)) compact += value[index];
  }
  if (compact.length < 8 || compact.length > 34 || !/^[A-Za-z]{2}[0-9]{2}/.test(compact)) return undefined;
  let bban = '';
  for (let index = 4; index < compact.length; index++) {
    const code = compact.charCodeAt(index);
    if ((code - 48) >>> 0 <= 9) bban += String(random(10));
    else bban += String.fromCharCode((code >= 97 ? 97 : 65) + random(26));
  }
  const country = compact.slice(0, 2);
  const check = 98 - mod97(`${bban}${country}00`);
  const fake = `${country}${check < 10 ? '0' : ''}${check}${bban}`;
  let out = '';
  let next = 0;
  for (let index = 0; index < value.length; index++) out += isAlnum(value.charCodeAt(index)) ? fake[next++] : value[index];
  return out;
}

/** ISO 7064 MOD 97-10 of an alphanumeric string, letters as 10..35, digit by digit. */
function mod97(text: string): number {
  let rest = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) | 0x20;
    const number = code >= 97 ? code - 87 : code - 48;
    rest = number >= 10 ? (rest * 100 + number) % 97 : (rest * 10 + number) % 97;
  }
  return rest;
}

// RFC 5737: TEST-NET-1, TEST-NET-2 and TEST-NET-3 are for documentation.
const TEST_NETS = ['192.0.2', '198.51.100', '203.0.113'];

/** IPv4 → a host of an RFC 5737 block; IPv6 → an address in 2001:db8::/32 (RFC 3849). */
function fakeIp(value: string, random: Random): string | undefined {
  if (/^[0-9]{1,3}(?:\.[0-9]{1,3}){3}$/.test(value)) return `${TEST_NETS[random(TEST_NETS.length)]}.${1 + random(254)}`;
  if (/^[0-9A-Fa-f:.]{2,45}$/.test(value) && value.includes(':')) {
    const group = (): string => (0x1000 + random(0xf000)).toString(16);
    return `2001:db8:${group()}:${group()}::${group()}`;
  }
  return undefined;
}

/**
 * Area 900–999 (SSA never assigns these as SSNs), group 01–49 (outside the IRS ITIN group ranges
 * 50–65, 70–88, 90–92 and 94–99, so it is no one's ITIN either), serial 0001–9999; the
 * original's separators are kept.
 */
function fakeSsn(value: string, random: Random): string | undefined {
  if (asciiDigits(value).length !== 9) return undefined;
  const group = 1 + random(49);
  const serial = 1 + random(9999);
  return writeDigits(value, `9${digits(random, 2)}${group < 10 ? '0' : ''}${group}${String(serial).padStart(4, '0')}`);
}

function digits(random: Random, count: number): string {
  let out = '';
  for (let index = 0; index < count; index++) out += String(random(10));
  return out;
}

function asciiDigits(value: string): string {
  let out = '';
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    if ((code - 48) >>> 0 <= 9) out += value[index];
  }
  return out;
}

/** `value` with its ASCII digits replaced, in order, by those of `fake` (same count). */
function writeDigits(value: string, fake: string): string {
  let out = '';
  let next = 0;
  for (let index = 0; index < value.length; index++) {
    const code = value.charCodeAt(index);
    out += (code - 48) >>> 0 <= 9 ? fake[next++] : value[index];
  }
  return out;
}

const isAlnum = (code: number): boolean => (code - 48) >>> 0 <= 9 || ((code | 0x20) - 97) >>> 0 <= 25;
