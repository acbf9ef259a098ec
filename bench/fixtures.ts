/**
 * Seeded, deterministic corpora for the benchmarks (bench/run.ts), checked by
 * test/bench-fixtures.test.ts:
 *
 * - `cleanChat`: support and chat messages without personal data, 40–200 characters, full of
 *   the numbers a redactor must leave alone (order numbers, prices, dates, times, versions,
 *   quantities, ticket ids, @mentions).
 * - `denseChat`: messages carrying 1–3 planted values each (EMAIL, PHONE, CREDIT_CARD, US_SSN,
 *   IP_ADDRESS, IBAN), valid by the issuers' rules (Luhn, SSA, ISO 13616 mod-97), with the offset
 *   of every plant recorded.
 * - `adversarial`: inputs built to trigger super-linear behaviour in scanners and detectors.
 *
 * Same seed, same corpus: every generator draws from its own mulberry32 stream.
 * Every value is generated here (no data copied from elsewhere); phone numbers use the ranges
 * the regulators reserve for drama and examples where there is one (Ofcom 020 7946 0xxx,
 * 07700 900xxx), and invented local parts on common mail domains.
 */

/** A seeded pseudo-random generator in [0, 1): mulberry32 (Tommy Ettinger, public domain). */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;

const int = (random: Random, min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)];
const digits = (random: Random, count: number): string => {
  let out = '';
  for (let index = 0; index < count; index++) out += String(int(random, 0, 9));
  return out;
};
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

// ---------------------------------------------------------------------------------------------
// Clean chat

const PRODUCTS = ['router', 'headset', 'blender', 'desk lamp', 'keyboard', 'backpack', 'kettle', 'monitor', 'webcam', 'charger', 'coffee grinder', 'standing desk', 'air purifier', 'phone case', 'yoga mat'];
const APPS = ['the mobile app', 'the dashboard', 'the desktop client', 'the browser extension', 'the admin console', 'the API'];
const FEATURES = ['dark mode', 'export to CSV', 'two-step login', 'bulk upload', 'the search bar', 'auto-sync', 'offline mode', 'the calendar view'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TEAMS = ['@billing', '@support-team', '@ops', '@design', '@qa'];
const OPENERS = ['Hi there!', 'Hello,', 'Hey team,', 'Good morning.', 'Quick question:', 'Thanks for the update.', 'Sorry to bother you again.', 'Update:', ''];
const CLOSERS = ['Thanks!', 'Cheers.', 'Appreciate it.', 'Let me know.', 'Any ideas?', 'Talk soon.', ':)', ''];

/** Slot fillers: every one a short number or phrase that is not personal data. */
const SLOTS: Record<string, (random: Random) => string> = {
  product: (random) => pick(random, PRODUCTS),
  app: (random) => pick(random, APPS),
  feature: (random) => pick(random, FEATURES),
  team: (random) => pick(random, TEAMS),
  day: (random) => pick(random, WEEKDAYS),
  order: (random) => String(int(random, 10000, 999999)),
  ticket: (random) => `${pick(random, ['TCK', 'INC', 'REQ', 'BUG'])}-${int(random, 100, 99999)}`,
  price: (random) => pick(random, ['$', '€', '£'] as const) + `${int(random, 1, 1999)}.${pad(int(random, 0, 99), 2)}`,
  bigPrice: (random) => `$${int(random, 1, 9)},${pad(int(random, 0, 999), 3)}`,
  isoDate: (random) => `${int(random, 2019, 2026)}-${pad(int(random, 1, 12), 2)}-${pad(int(random, 1, 28), 2)}`,
  usDate: (random) => `${pad(int(random, 1, 12), 2)}/${pad(int(random, 1, 28), 2)}/${int(random, 2019, 2026)}`,
  textDate: (random) => `${pick(random, MONTHS)} ${int(random, 1, 28)}`,
  time: (random) => `${int(random, 1, 12)}:${pad(int(random, 0, 59), 2)} ${pick(random, ['am', 'pm', 'AM', 'PM'])}`,
  clock: (random) => `${pad(int(random, 0, 23), 2)}:${pad(int(random, 0, 59), 2)}`,
  version: (random) => `${int(random, 1, 19)}.${int(random, 0, 30)}.${int(random, 0, 99)}`,
  vversion: (random) => `v${int(random, 1, 9)}.${int(random, 0, 12)}`,
  count: (random) => String(int(random, 2, 48)),
  year: (random) => String(int(random, 2015, 2026)),
  percent: (random) => `${int(random, 5, 95)}%`,
  minutes: (random) => `${int(random, 2, 90)} minutes`,
  size: (random) => `${int(random, 1, 512)} ${pick(random, ['MB', 'GB', 'KB'])}`,
  dims: (random) => `${int(random, 10, 200)}x${int(random, 10, 200)} cm`,
};

/** Sentence templates of support/chat text; `{slot}` names a SLOTS filler. */
const CLEAN_TEMPLATES = [
  'My order {order} still says processing, it was placed on {isoDate}.',
  'The {product} I bought for {price} stopped working after {count} days.',
  'Can you move my delivery to {day} after {time}?',
  'We upgraded {app} to {version} and {feature} is gone.',
  'Ticket {ticket} was closed but the issue is back since {textDate}.',
  'I was charged {price} twice on {usDate}, please check.',
  'Is {feature} available in {vversion} or only in {version}?',
  'The meeting moved to {clock}, {team} please join the call.',
  'Refund of {price} for order {order} has not arrived yet.',
  'Build {version} fails on step {count} with exit code 1.',
  'Our plan renews on {textDate} for {bigPrice} a year, can we switch to monthly?',
  '{team} the export took {minutes} for {size}, is that normal?',
  'I have {count} main points about the new pricing page.',
  'The {product} box measures {dims}, will it fit in a locker?',
  'Sync is stuck at {percent} since {time} today.',
  'We have {count} seats but only {count} people logged in this month.',
  'Can I return the {product}? It arrived on {day} with a dent.',
  'Downgrading to {version} fixed it, {feature} works again.',
  'Store hours on {day} are {time} to {time}?',
  'The invoice for {year} shows {price} but the quote said {price}.',
  'Error 503 after login in {app}, started around {clock}.',
  'Please add {count} more licenses, same as last time.',
  'Shipping estimate says {textDate}, any chance for {day}?',
  'Battery on the {product} drops {percent} overnight.',
  'Version {vversion} of {app} crashes when I open {feature}.',
  'We are under pressure to ship by {textDate}, is {ticket} on track?',
  'The discount code took {percent} off but not on the {product}.',
  'Reset worked, thanks! Logged in at {clock}.',
  'Order {order} and order {order} should have shipped together.',
  'Checked again at {time}, still seeing the old price of {price}.',
];

/** Options of the corpus generators. */
export interface CorpusOptions {
  /** Number of messages. */
  readonly count?: number;
  /** Seed of the generator; the same seed gives the same corpus. */
  readonly seed?: number;
}

/** Smallest and largest length of a clean message, in UTF-16 code units. */
export const CLEAN_MIN_LENGTH = 40;
export const CLEAN_MAX_LENGTH = 200;

/**
 * Clean chat messages: support and chat text with prices, dates, times, versions, order and
 * ticket numbers, but no personal data. Lengths are in [40, 200].
 *
 * @example
 * cleanChat({ count: 2, seed: 1 }).length // 2
 */
export function cleanChat(options: CorpusOptions = {}): string[] {
  const random = createRandom(options.seed ?? 0xc1ea);
  const count = options.count ?? 500;
  const messages: string[] = [];
  while (messages.length < count) {
    const sentences = int(random, 1, 2);
    let text = pick(random, OPENERS);
    for (let index = 0; index < sentences; index++) text = join(text, fill(random, pick(random, CLEAN_TEMPLATES)));
    text = join(text, pick(random, CLOSERS));
    if (text.length >= CLEAN_MIN_LENGTH && text.length <= CLEAN_MAX_LENGTH) messages.push(text);
  }
  return messages;
}

function fill(random: Random, template: string): string {
  return template.replace(/\{(\w+)\}/g, (_, slot: string) => SLOTS[slot](random));
}

const join = (left: string, right: string): string => (left === '' ? right : right === '' ? left : `${left} ${right}`);

// ---------------------------------------------------------------------------------------------
// PII-dense chat

/** The planted types, as the entity type names of the library. */
export type PlantType = 'EMAIL' | 'PHONE' | 'CREDIT_CARD' | 'US_SSN' | 'IP_ADDRESS' | 'IBAN';

export const PLANT_TYPES: readonly PlantType[] = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'IBAN'];

/** One planted value: `text.slice(start, end) === value`. */
export interface Plant {
  readonly type: PlantType;
  readonly start: number;
  readonly end: number;
  readonly value: string;
}

/** A PII-dense message and where its planted values are. */
export interface DenseMessage {
  readonly text: string;
  readonly plants: readonly Plant[];
}

const FIRST = ['jane', 'omar', 'li', 'sofia', 'mateo', 'anna', 'kwame', 'priya', 'lukas', 'chloe', 'diego', 'yuki'];
const LAST = ['doe', 'haddad', 'wei', 'rossi', 'garcia', 'novak', 'mensah', 'iyer', 'becker', 'martin', 'silva', 'tanaka'];
const MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.co.uk', 'mailbox.org', 'acme-corp.io', 'web.de', 'proton.me', 'uni-example.edu'];
// North American area codes in service (NANPA), none of them 555 or N11.
const AREA_CODES = ['212', '206', '305', '312', '404', '415', '503', '617', '702', '713', '720', '917'];

const VALUE: Record<PlantType, (random: Random) => string> = {
  EMAIL(random) {
    const first = pick(random, FIRST);
    const last = pick(random, LAST);
    const local = pick(random, [`${first}.${last}`, `${first}${last}${int(random, 1, 99)}`, `${first}+orders`, `${first[0]}${last}`]);
    return `${local}@${pick(random, MAIL_DOMAINS)}`;
  },
  PHONE(random) {
    // NANP exchange: 2–9 then two digits, not N11 (service codes) and not 555 (fiction).
    let exchange = int(random, 200, 998);
    if (exchange % 100 === 11 || exchange === 555) exchange++;
    const line = digits(random, 4);
    const area = pick(random, AREA_CODES);
    switch (int(random, 0, 5)) {
      case 0:
        return `(${area}) ${exchange}-${line}`;
      case 1:
        return `${area}-${exchange}-${line}`;
      case 2:
        return `+1 ${area} ${exchange} ${line}`;
      case 3:
        return `+44 20 7946 0${digits(random, 3)}`; // Ofcom drama range
      case 4:
        return `07700 900${digits(random, 3)}`; // Ofcom drama range, mobile
      default:
        return `+49 30 ${int(random, 2, 9)}${digits(random, 7)}`; // Berlin, 8-digit subscriber
    }
  },
  CREDIT_CARD(random) {
    // ISO/IEC 7812 issuer prefixes and lengths: Visa 4 (16), Mastercard 51–55 and 2221–2720 (16),
    // Amex 34/37 (15), Discover 6011 (16).
    const kind = int(random, 0, 4);
    const prefix = [
      '4',
      String(int(random, 51, 55)),
      String(int(random, 2221, 2720)),
      pick(random, ['34', '37']),
      '6011',
    ][kind];
    const length = kind === 3 ? 15 : 16;
    const body = prefix + digits(random, length - 1 - prefix.length);
    const number = body + luhnDigit(body);
    const separator = pick(random, [' ', '-', '']);
    return kind === 3 ? [number.slice(0, 4), number.slice(4, 10), number.slice(10)].join(separator) : number.match(/.{4}/g)!.join(separator);
  },
  US_SSN(random) {
    // SSA: area 001–899 except 666, group 01–99, serial 0001–9999.
    let area = int(random, 1, 899);
    if (area === 666) area = 667;
    return `${pad(area, 3)}-${pad(int(random, 1, 99), 2)}-${pad(int(random, 1, 9999), 4)}`;
  },
  IP_ADDRESS(random) {
    if (random() < 0.2) return `2001:db8:${int(random, 1, 0xffff).toString(16)}::${int(random, 1, 0xffff).toString(16)}`;
    const first = pick(random, [10, 172, 192, int(random, 11, 223)]);
    const second = first === 192 ? 168 : int(random, 0, 255);
    return `${first}.${second}.${int(random, 0, 255)}.${int(random, 1, 254)}`;
  },
  IBAN(random) {
    // ISO 13616: country, two check digits, BBAN of the country's length.
    const country = pick(random, ['DE', 'GB', 'FR', 'NL'] as const);
    const letters = (count: number) => Array.from({ length: count }, () => String.fromCharCode(65 + int(random, 0, 25))).join('');
    const bban = { DE: () => digits(random, 18), GB: () => letters(4) + digits(random, 14), FR: () => digits(random, 23), NL: () => letters(4) + digits(random, 10) }[country]();
    const iban = country + ibanCheck(country, bban) + bban;
    return random() < 0.5 ? iban : iban.match(/.{1,4}/g)!.join(' ');
  },
};

const LEADS: Record<PlantType, readonly string[]> = {
  EMAIL: ['you can email me at ', 'my email is ', 'send it to ', 'contact: '],
  PHONE: ['call me on ', 'my number is ', 'phone: ', 'text me at '],
  CREDIT_CARD: ['my card is ', 'charge the card ', 'card number ', 'use '],
  US_SSN: ['my SSN is ', 'social security number ', 'SSN: '],
  IP_ADDRESS: ['the login came from ', 'my IP is ', 'server at ', 'blocked address '],
  IBAN: ['wire it to ', 'my IBAN is ', 'IBAN: ', 'account '],
};
const DENSE_OPENERS = ['Hi,', 'Hello team,', 'Update for the refund:', 'As requested,', 'Sure!', 'For the record,'];
const DENSE_JOINERS = [', and ', '. Also ', '; ', ' and '];
const DENSE_CLOSERS = ['. Thanks!', '.', ' - thanks for the help.', ', cheers'];

/**
 * PII-dense chat: each message carries 1–3 planted values of the six structured types, with
 * their offsets.
 *
 * @example
 * const [message] = denseChat({ count: 1, seed: 1 })
 * message.text.slice(message.plants[0].start, message.plants[0].end) === message.plants[0].value // true
 */
export function denseChat(options: CorpusOptions = {}): DenseMessage[] {
  const random = createRandom(options.seed ?? 0xde75e);
  const count = options.count ?? 300;
  const messages: DenseMessage[] = [];
  for (let index = 0; index < count; index++) {
    const plantCount = int(random, 1, 3);
    let text = `${pick(random, DENSE_OPENERS)} `;
    const plants: Plant[] = [];
    for (let k = 0; k < plantCount; k++) {
      if (k > 0) text += pick(random, DENSE_JOINERS);
      const type = pick(random, PLANT_TYPES);
      text += pick(random, LEADS[type]);
      const value = VALUE[type](random);
      plants.push({ type, start: text.length, end: text.length + value.length, value });
      text += value;
    }
    text += pick(random, DENSE_CLOSERS);
    messages.push({ text, plants });
  }
  return messages;
}

function luhnDigit(body: string): string {
  let sum = 0;
  for (let index = body.length - 1, double = true; index >= 0; index--, double = !double) {
    let digit = body.charCodeAt(index) - 48;
    if (double) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return String((10 - (sum % 10)) % 10);
}

function ibanCheck(country: string, bban: string): string {
  // ISO 13616 / ISO 7064 MOD 97-10: move the country code and '00' behind the BBAN, letters as
  // numbers (A = 10), check = 98 - (that number mod 97).
  const rearranged = bban + country + '00';
  let remainder = 0;
  for (const char of rearranged) {
    const code = char.charCodeAt(0);
    const value = code >= 65 ? String(code - 55) : char;
    for (const digit of value) remainder = (remainder * 10 + (digit.charCodeAt(0) - 48)) % 97;
  }
  return pad(98 - remainder, 2);
}

// ---------------------------------------------------------------------------------------------
// Adversarial inputs

/** One adversarial input: a name for the report and the text. */
export interface AdversarialInput {
  readonly name: string;
  readonly text: string;
}

/** Repeats `unit` to exactly `size` code units (cut at the end). */
const fillTo = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);

/** One random token of `size` word characters, built in blocks so 10 MB needs no 10 M-entry array. */
function hugeToken(size: number, seed: number): string {
  const random = createRandom(seed);
  const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-';
  const blocks: string[] = [];
  for (let done = 0; done < size; done += 4096) {
    let block = '';
    for (let index = 0; index < Math.min(4096, size - done); index++) block += alphabet[Math.floor(random() * alphabet.length)];
    blocks.push(block);
  }
  return blocks.join('');
}

/**
 * Builders of inputs of about `size` code units that make naive scanners and detectors
 * super-linear: long runs of the characters that trigger candidates (digits, '@', ':', '.'),
 * near-misses that a backtracking regex explores, one huge token, NUL bytes, lone surrogates,
 * and endless prefixes of addresses and health phrases. One at a time, so a 10 MB run holds one.
 */
export const ADVERSARIAL: readonly { readonly name: string; build(size: number, seed: number): string }[] = [
  { name: 'a-dot-pairs', build: (size) => 'a.'.repeat(Math.floor(size / 2)) + '!' },
  { name: 'a-run-then-at', build: (size) => 'a'.repeat(size) + '@' },
  { name: 'digit-run', build: (size) => '4'.repeat(size) },
  { name: 'digit-space', build: (size) => fillTo('1 ', size) },
  { name: 'digit-dash', build: (size) => fillTo('1-', size) },
  { name: 'digit-dot', build: (size) => fillTo('1.', size) },
  { name: 'at-run', build: (size) => '@'.repeat(size) },
  { name: 'colon-run', build: (size) => ':'.repeat(size) },
  { name: 'near-miss-emails', build: (size) => fillTo('jo.hn@exa_mple..c0m a@b@c.d @x. ', size) },
  { name: 'near-miss-urls', build: (size) => fillTo('http://exa mple..com/a?b=1&c=:: https:/x.y/', size) },
  { name: 'one-huge-token', build: hugeToken },
  { name: 'nul-bytes', build: (size) => fillTo('a\u00001\u0000@\u0000', size) },
  { name: 'lone-surrogates', build: (size) => fillTo('\ud800a\udc00 1\ud83d', size) },
  { name: 'house-numbers', build: (size) => fillTo('12 Main ', size) },
  { name: 'health-prefix', build: (size) => fillTo('type 2 chronic heart ', size) },
];

/**
 * Every adversarial input at about `size` code units (see `ADVERSARIAL`).
 *
 * @example
 * adversarial(1000).map((input) => input.name).includes('a-run-then-at') // true
 */
export function adversarial(size: number, seed = 0xbad): AdversarialInput[] {
  return ADVERSARIAL.map((input) => ({ name: input.name, text: input.build(size, seed) }));
}

/** Splits `text` into chunks of `size` code units (the last may be shorter). */
export function chunksOf(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let index = 0; index < text.length; index += size) chunks.push(text.slice(index, index + size));
  return chunks;
}
