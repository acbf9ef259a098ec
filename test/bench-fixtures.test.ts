import { describe, expect, it } from 'vitest';
import {
  CLEAN_MAX_LENGTH,
  CLEAN_MIN_LENGTH,
  PLANT_TYPES,
  adversarial,
  chunksOf,
  cleanChat,
  createRandom,
  denseChat,
  type Plant,
} from '../bench/fixtures.js';

// Validators written here from the standards, independent of the generators in bench/fixtures.ts
// and of the library's detectors, so a fixture bug cannot hide behind the code it measures.

/** Luhn (ISO/IEC 7812-1 annex B) over a string of digits. */
function luhnValid(number: string): boolean {
  let sum = 0;
  for (let index = 0; index < number.length; index++) {
    let digit = Number(number[number.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** ISO 13616 IBAN lengths of the countries the fixtures use (SWIFT IBAN registry). */
const IBAN_LENGTH: Record<string, number> = { DE: 22, GB: 22, FR: 27, NL: 18 };

/** ISO 7064 MOD 97-10 with BigInt: the rearranged IBAN, letters as 10–35, is 1 mod 97. */
function ibanValid(value: string): boolean {
  const compact = value.replace(/ /g, '');
  if (IBAN_LENGTH[compact.slice(0, 2)] !== compact.length) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  const numeric = rearranged.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  return /^\d+$/.test(numeric) && BigInt(numeric) % 97n === 1n;
}

/** SSA rules: area not 000, 666 or 900–999; group not 00; serial not 0000. */
function ssnValid(value: string): boolean {
  const match = /^(\d{3})-(\d{2})-(\d{4})$/.exec(value);
  if (!match) return false;
  const area = Number(match[1]);
  return area !== 0 && area !== 666 && area < 900 && match[2] !== '00' && match[3] !== '0000';
}

function ipValid(value: string): boolean {
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(value);
  if (v4) return v4.slice(1).every((octet) => Number(octet) <= 255 && String(Number(octet)) === octet);
  // IPv6: hex groups of 1–4, at most one '::', 8 groups when not compressed.
  if (!/^[0-9a-f:]+$/i.test(value) || value.split('::').length > 2) return false;
  const groups = value.split(':').filter((group) => group !== '');
  return groups.every((group) => group.length <= 4) && (value.includes('::') ? groups.length < 8 : groups.length === 8);
}

const CARD_RULES: readonly [RegExp, number][] = [
  [/^4/, 16], // Visa
  [/^5[1-5]/, 16], // Mastercard
  [/^(222[1-9]|22[3-9]\d|2[3-6]\d\d|27[01]\d|2720)/, 16], // Mastercard 2-series
  [/^3[47]/, 15], // Amex
  [/^6011/, 16], // Discover
];

function cardValid(value: string): boolean {
  if (!/^\d[\d -]*\d$/.test(value) || /[ -]{2}/.test(value)) return false;
  const number = value.replace(/[ -]/g, '');
  return luhnValid(number) && CARD_RULES.some(([prefix, length]) => prefix.test(number) && number.length === length);
}

function phoneValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  return /^(\+\d{1,3} |\(\d{3}\) |\d)[\d ()-]+\d$/.test(value) && digits.length >= 10 && digits.length <= 13;
}

const EMAIL_SHAPE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;

const VALID: Record<Plant['type'], (value: string) => boolean> = {
  EMAIL: (value) => new RegExp(`^${EMAIL_SHAPE.source}$`).test(value),
  PHONE: phoneValid,
  CREDIT_CARD: cardValid,
  US_SSN: ssnValid,
  IP_ADDRESS: ipValid,
  IBAN: ibanValid,
};

/** Runs of digits joined by at most one separator each: the shape of every numeric identifier. */
const DIGIT_GROUPS = /\d(?:[ .\-/]?\d)*/g;

describe('cleanChat', () => {
  const messages = cleanChat();

  it('gives the same corpus for the same seed and another for another seed', () => {
    expect(cleanChat({ count: 50, seed: 7 })).toEqual(cleanChat({ count: 50, seed: 7 }));
    expect(cleanChat({ count: 50, seed: 8 })).not.toEqual(cleanChat({ count: 50, seed: 7 }));
    expect(cleanChat({ count: 50 })).toEqual(messages.slice(0, 50));
  });

  it('keeps every message between 40 and 200 characters', () => {
    expect(messages).toHaveLength(500);
    for (const message of messages) {
      expect(message.length).toBeGreaterThanOrEqual(CLEAN_MIN_LENGTH);
      expect(message.length).toBeLessThanOrEqual(CLEAN_MAX_LENGTH);
    }
  });

  it('is varied chat text full of numbers, not one repeated line', () => {
    expect(new Set(messages).size).toBeGreaterThan(480);
    const withNumber = messages.filter((message) => /\d/.test(message)).length;
    expect(withNumber / messages.length).toBeGreaterThan(0.8);
    expect(messages.some((message) => /\d{4}-\d{2}-\d{2}/.test(message))).toBe(true); // ISO dates
    expect(messages.some((message) => /[$€£]\d+\.\d\d/.test(message))).toBe(true); // prices
    expect(messages.some((message) => /\d:\d\d/.test(message))).toBe(true); // times
    expect(messages.some((message) => /\d+\.\d+\.\d+/.test(message))).toBe(true); // versions
    expect(messages.some((message) => /@[a-z]/.test(message))).toBe(true); // @mentions
  });

  it('holds no email address', () => {
    for (const message of messages) expect(EMAIL_SHAPE.test(message), message).toBe(false);
  });

  it('holds no number long enough to be a card, phone, SSN or IBAN', () => {
    for (const message of messages) {
      for (const group of message.match(DIGIT_GROUPS) ?? []) {
        // 8 digits is a date (2024-03-05); 9 would be an SSN, 10+ a phone, 12+ a card.
        expect(group.replace(/\D/g, '').length, message).toBeLessThanOrEqual(8);
      }
      expect(/\+\d/.test(message), message).toBe(false); // no international prefix
    }
  });

  it('holds no dotted quad, SSN shape or IBAN shape', () => {
    for (const message of messages) {
      expect(/\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/.test(message), message).toBe(false);
      expect(/\d{3}[- ]\d{2}[- ]\d{4}/.test(message), message).toBe(false);
      expect(/\b[A-Z]{2}\d{2}[A-Z0-9]{10,}/.test(message), message).toBe(false);
    }
  });

  it('holds no health or street-address vocabulary', () => {
    const words = /\b(diagnos\w*|pregnan\w*|medication|insulin|therapy|street|st\.|avenue|ave|road|rd|blvd|lane|suite|apt|zip)\b/i;
    for (const message of messages) expect(words.test(message), message).toBe(false);
  });
});

describe('denseChat', () => {
  const messages = denseChat();

  it('gives the same corpus for the same seed and another for another seed', () => {
    expect(denseChat({ count: 40, seed: 3 })).toEqual(denseChat({ count: 40, seed: 3 }));
    expect(denseChat({ count: 40, seed: 4 })).not.toEqual(denseChat({ count: 40, seed: 3 }));
  });

  it('plants one to three values in every message, at the recorded offsets', () => {
    expect(messages).toHaveLength(300);
    for (const message of messages) {
      expect(message.plants.length).toBeGreaterThanOrEqual(1);
      expect(message.plants.length).toBeLessThanOrEqual(3);
      let previousEnd = 0;
      for (const plant of message.plants) {
        expect(message.text.slice(plant.start, plant.end)).toBe(plant.value);
        expect(plant.start).toBeGreaterThanOrEqual(previousEnd);
        previousEnd = plant.end;
        // A plant is bounded: no letter or digit glued to either side.
        expect(/[A-Za-z0-9]/.test(message.text[plant.start - 1] ?? ' '), message.text).toBe(false);
        expect(/[A-Za-z0-9]/.test(message.text[plant.end] ?? ' '), message.text).toBe(false);
      }
    }
  });

  it('plants only values valid by their standard (Luhn, SSA, mod-97, octets)', () => {
    for (const message of messages) {
      for (const plant of message.plants) expect(VALID[plant.type](plant.value), `${plant.type} ${plant.value}`).toBe(true);
    }
  });

  it('covers every type many times', () => {
    const counts = new Map<string, number>();
    for (const message of messages) for (const plant of message.plants) counts.set(plant.type, (counts.get(plant.type) ?? 0) + 1);
    for (const type of PLANT_TYPES) expect(counts.get(type) ?? 0, type).toBeGreaterThan(50);
  });
});

describe('the independent validators', () => {
  it('reject near-misses of each type', () => {
    expect(VALID.CREDIT_CARD('4111 1111 1111 1112')).toBe(false); // Luhn
    expect(VALID.CREDIT_CARD('4111 1111 1111 1111')).toBe(true);
    expect(VALID.US_SSN('666-12-3456')).toBe(false);
    expect(VALID.US_SSN('123-00-3456')).toBe(false);
    expect(VALID.IBAN('DE89 3704 0044 0532 0130 00')).toBe(true);
    expect(VALID.IBAN('DE89 3704 0044 0532 0130 01')).toBe(false);
    expect(VALID.IP_ADDRESS('256.1.1.1')).toBe(false);
    expect(VALID.IP_ADDRESS('2001:db8::1')).toBe(true);
    expect(VALID.EMAIL('pkg@1.2.3')).toBe(false);
    expect(VALID.PHONE('12345')).toBe(false);
  });
});

describe('adversarial', () => {
  it('builds every input at about the requested size, deterministically', () => {
    const inputs = adversarial(10_000);
    expect(inputs.length).toBeGreaterThanOrEqual(13);
    expect(new Set(inputs.map((input) => input.name)).size).toBe(inputs.length);
    for (const input of inputs) {
      expect(input.text.length, input.name).toBeGreaterThanOrEqual(10_000);
      expect(input.text.length, input.name).toBeLessThanOrEqual(10_001);
    }
    expect(adversarial(1000)).toEqual(adversarial(1000));
  });

  it('holds the shapes the issue names', () => {
    const byName = new Map(adversarial(1000).map((input) => [input.name, input.text]));
    expect(byName.get('a-dot-pairs')).toBe('a.'.repeat(500) + '!');
    expect(byName.get('a-run-then-at')).toBe('a'.repeat(1000) + '@');
    expect(byName.get('digit-run')).toMatch(/^\d{1000}$/);
    expect(byName.get('digit-space')).toBe('1 '.repeat(500));
    expect(byName.get('digit-dash')).toBe('1-'.repeat(500));
    expect(byName.get('digit-dot')).toBe('1.'.repeat(500));
    expect(byName.get('at-run')).toBe('@'.repeat(1000));
    expect(byName.get('colon-run')).toBe(':'.repeat(1000));
    expect(byName.get('one-huge-token')).toMatch(/^[\w-]{1000}$/);
    expect(byName.get('nul-bytes')).toContain('\u0000');
    // Lone surrogates: a high not followed by a low, or a low not preceded by a high.
    expect(byName.get('lone-surrogates')).toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    expect(byName.get('lone-surrogates')).toMatch(/(?<![\ud800-\udbff])[\udc00-\udfff]/);
  });
});

describe('chunksOf and createRandom', () => {
  it('chunks that join back to the text', () => {
    const text = cleanChat({ count: 1 })[0];
    const chunks = chunksOf(text, 4);
    expect(chunks.join('')).toBe(text);
    expect(chunks.slice(0, -1).every((chunk) => chunk.length === 4)).toBe(true);
  });

  it('draws the same stream for the same seed, in [0, 1)', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    for (let index = 0; index < 1000; index++) {
      const value = a();
      expect(value).toBe(b());
      expect(value >= 0 && value < 1).toBe(true);
    }
  });
});
