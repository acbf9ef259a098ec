import fc from 'fast-check';

/**
 * fast-check generators of VALID personal data of every built-in type, for properties that plant
 * values in random text (`prefix + value + suffix`) and know the answer. Each value is built to be
 * valid by construction (checksums computed, number plans respected), never filtered, so
 * shrinking stays fast. test/helpers/values.test.ts checks them against validator and
 * libphonenumber-js.
 *
 * @example
 * fc.assert(fc.property(cardValue, (card) => redactor.redact(`paid with ${card}.`).findings.length === 1))
 */

/** A planted value and the entity type a detector should report for it. */
export interface PlantedValue {
  readonly type: string;
  readonly value: string;
}

const digits = (length: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length });
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const lowerAlnum = pick([...'abcdefghijklmnopqrstuvwxyz0123456789']);
const lowerAlpha = pick([...'abcdefghijklmnopqrstuvwxyz']);
const word = (alphabet: fc.Arbitrary<string>, min: number, max: number) =>
  fc.array(alphabet, { minLength: min, maxLength: max }).map((chars) => chars.join(''));

/**
 * Email addresses (RFC 5321 sizes): dot-atom local part with an optional plus tag, one to three
 * domain labels and a letters-only TLD: `ab.c9+news@mail.example.org`.
 */
export const emailValue: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(word(lowerAlnum, 1, 8), { minLength: 1, maxLength: 3 }),
    fc.option(word(lowerAlnum, 1, 6), { nil: undefined }),
    fc.array(word(lowerAlnum, 1, 10), { minLength: 1, maxLength: 3 }),
    word(lowerAlpha, 2, 6),
  )
  .map(([local, tag, labels, tld]) => `${local.join('.')}${tag === undefined ? '' : `+${tag}`}@${labels.join('.')}.${tld}`);

/** The Luhn check digit (ISO/IEC 7812-1 annex B) that completes `body`. */
export function luhnCheckDigit(body: string): number {
  let sum = 0;
  for (let index = body.length - 1, double = true; index >= 0; index--, double = !double) {
    let digit = body.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** Issuer prefixes (IIN ranges per the networks' published tables) and card lengths. */
const CARD_BRANDS = [
  { prefix: '4', length: 16, groups: [4, 4, 4, 4] }, // Visa
  { prefix: '51', length: 16, groups: [4, 4, 4, 4] }, // Mastercard 51-55
  { prefix: '55', length: 16, groups: [4, 4, 4, 4] },
  { prefix: '2221', length: 16, groups: [4, 4, 4, 4] }, // Mastercard 2-series 2221-2720
  { prefix: '34', length: 15, groups: [4, 6, 5] }, // American Express
  { prefix: '37', length: 15, groups: [4, 6, 5] },
  { prefix: '6011', length: 16, groups: [4, 4, 4, 4] }, // Discover
] as const;

/**
 * Payment card numbers with a valid Luhn digit and a real IIN prefix, written plain, in groups
 * separated by spaces, or by dashes: `4539 1488 0343 6467`, `3714-496353-98431`.
 */
export const cardValue: fc.Arbitrary<string> = fc
  .tuple(pick(CARD_BRANDS), digits(16), pick(['', ' ', '-']))
  .map(([brand, random, separator]) => {
    const body = brand.prefix + random.slice(0, brand.length - 1 - brand.prefix.length).join('');
    const number = body + luhnCheckDigit(body);
    if (separator === '') return number;
    const parts: string[] = [];
    let at = 0;
    for (const size of brand.groups) {
      parts.push(number.slice(at, at + size));
      at += size;
    }
    return parts.join(separator);
  });

/**
 * US Social Security numbers that SSA rules allow: area 001-899 except 666, group 01-99, serial
 * 0001-9999 (SSA, "Social Security Number Randomization", 2011), written `AAA-GG-SSSS`. Skips
 * the famous misused numbers 078-05-1120 and 219-09-9999 and the 123-45-6789 example.
 */
export const ssnValue: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 1, max: 898 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 9999 }))
  .map(([area, group, serial]) => {
    const a = area >= 666 ? area + 1 : area; // skip 666, still <= 899
    const text = `${pad(a, 3)}-${pad(group, 2)}-${pad(serial, 4)}`;
    return text === '078-05-1120' || text === '219-09-9999' || text === '123-45-6789' ? '234-56-7890' : text;
  });

/** BBAN layouts (ISO 13616 registry): `n` digits, `a` upper-case letters, `c` alphanumerics. */
const IBAN_LAYOUTS: Record<string, string> = {
  DE: 'n'.repeat(18),
  GB: 'aaaa' + 'n'.repeat(14),
  FR: 'n'.repeat(23),
  NL: 'aaaa' + 'n'.repeat(10),
  ES: 'n'.repeat(20),
  CH: 'n'.repeat(17),
  BE: 'n'.repeat(12),
};

/** ISO 7064 MOD 97-10 check digits of an IBAN (ISO 13616-1 §6). */
export function ibanCheckDigits(country: string, bban: string): string {
  const rearranged = `${bban}${country}00`;
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code <= 57 ? code - 48 : code - 55; // A=10 ... Z=35
    remainder = value > 9 ? (remainder * 100 + value) % 97 : (remainder * 10 + value) % 97;
  }
  return pad(98 - remainder, 2);
}

/**
 * IBANs of seven SEPA countries with correct length and MOD 97-10 check digits, compact or in
 * groups of four: `DE89 3704 0044 0532 0130 00`, `NL91ABNA0417164300`.
 */
export const ibanValue: fc.Arbitrary<string> = fc
  .tuple(pick(Object.keys(IBAN_LAYOUTS)), digits(24), fc.array(pick([...'ABCDEFGHIJKLMNOPQRSTUVWXYZ']), { minLength: 4, maxLength: 4 }), fc.boolean())
  .map(([country, random, letters, grouped]) => {
    let bban = '';
    let letter = 0;
    for (const [index, kind] of [...IBAN_LAYOUTS[country]].entries()) bban += kind === 'a' ? letters[letter++ % 4] : String(random[index]);
    const iban = `${country}${ibanCheckDigits(country, bban)}${bban}`;
    return grouped ? iban.replace(/(.{4})(?=.)/g, '$1 ') : iban;
  });

/**
 * Phone numbers valid under libphonenumber-js metadata: US/Canada (real area codes, exchange
 * 2xx-9xx), UK London (Ofcom drama range) and mobile, Germany (Berlin), France (mobile), in national and
 * international formats: `(415) 734-2671`, `+44 20 7946 0958`, `+33 6 12 34 56 78`.
 */
export const phoneValue: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 8 }), digits(8), pick(['212', '415', '617', '303', '206', '312', '646', '718']), fc.integer({ min: 2, max: 9 }))
  .map(([format, d, area, first]) => {
    const n = d.join('');
    // NANP exchange: first digit 2-9, and not N11 (North American Numbering Plan, ATIS-0300051).
    const exchange = `${first}${n[0] === '1' && n[1] === '1' ? '2' : n[0]}${n[1]}`;
    const line = n.slice(2, 6);
    switch (format) {
      case 0: return `(${area}) ${exchange}-${line}`;
      case 1: return `${area}-${exchange}-${line}`;
      case 2: return `+1 ${area} ${exchange} ${line}`;
      case 3: return `+1${area}${exchange}${line}`;
      case 4: return `+44 20 7946 0${n.slice(0, 3)}`; // Ofcom drama range 020 7946 0xxx
      case 5: return `+44 7400 ${n.slice(0, 6)}`; // UK mobile 07400
      case 6: return `+49 30 ${n}`; // Berlin, 8-digit subscriber
      case 7: return `+33 6 12 ${n.slice(0, 2)} ${n.slice(2, 4)} ${n.slice(4, 6)}`; // mobile 06 12 (06 9x is unallocated)
      default: return `${area}.${exchange}.${line}`;
    }
  });

/** Public-looking IPv4 addresses without leading zeros: first octet 11-223 (not 127). */
export const ipv4Value: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 11, max: 223 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 254 }))
  .map(([a, b, c, d]) => `${a === 127 ? 128 : a}.${b}.${c}.${d}`);

/**
 * IPv6 addresses (RFC 4291 §2.2): full eight groups, or with one run of zero groups compressed to
 * `::` (RFC 5952 §4.2), lower or upper case: `2001:db8:85a3::8a2e:370:7334`.
 */
export const ipv6Value: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(fc.integer({ min: 1, max: 0xffff }), { minLength: 8, maxLength: 8 }),
    fc.integer({ min: 0, max: 5 }),
    fc.integer({ min: 0, max: 3 }),
    fc.boolean(),
  )
  .map(([groups, zeroAt, zeroCount, upper]) => {
    const hex = groups.map((group) => group.toString(16));
    hex[0] = '2001'; // global unicast 2000::/3, so no detector mistakes it for a time or a ratio
    let text: string;
    if (zeroCount < 2 || zeroAt === 0) text = hex.join(':');
    else {
      const count = Math.min(zeroCount, 7 - zeroAt);
      text = `${hex.slice(0, zeroAt).join(':')}::${hex.slice(zeroAt + count).join(':')}`;
    }
    return upper ? text.toUpperCase() : text;
  });

/** Any planted value with its type. */
export const plantedValue: fc.Arbitrary<PlantedValue> = fc.oneof(
  emailValue.map((value) => ({ type: 'EMAIL', value })),
  cardValue.map((value) => ({ type: 'CREDIT_CARD', value })),
  ssnValue.map((value) => ({ type: 'US_SSN', value })),
  ibanValue.map((value) => ({ type: 'IBAN', value })),
  phoneValue.map((value) => ({ type: 'PHONE', value })),
  ipv4Value.map((value) => ({ type: 'IP_ADDRESS', value })),
  ipv6Value.map((value) => ({ type: 'IP_ADDRESS', value })),
);

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}
