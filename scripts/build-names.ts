/**
 * Builds src/data/names.ts (first names, surnames, ambiguous words) for the PERSON detector.
 *
 *   npx tsx scripts/build-names.ts                       # read @faker-js/faker from node_modules
 *   npx tsx scripts/build-names.ts --faker /tmp/package  # or from an unpacked `npm pack @faker-js/faker`
 *   npx tsx scripts/build-names.ts --check               # exit 1 if the committed module is stale
 *
 * Source: the person name lists of @faker-js/faker (MIT licence, © 2022–2025 Faker contributors,
 * based on faker.js © 2011–2020 Marak Squires) for the locales in LOCALES: Western European,
 * Nordic, Polish, Portuguese and the English-speaking ones (US lists, which Faker derives from
 * US Census and SSA popular-name data, plus AU, IN, NG). Locales whose lists are mostly short
 * syllables that collide with English words (vi, id_ID, tr) are left out on purpose.
 *
 * The AMBIGUOUS list below is written and reviewed by hand: names that are also ordinary words
 * ("Will", "May", "Grace", "Mark"), places ("Paris", "Austin", "Georgia"), months and days,
 * brands and software ("Alexa", "Julia", "Travis"). The detector reports such a word only with
 * context ("Dear Grace", "Mr. Stone", "my name is May") or a surname after it. When Debian
 * `wamerican` is installed (/usr/share/dict/american-english, SCOWL licence), the script lists
 * the first names that are lower-case English words but not in AMBIGUOUS, for review; the word
 * list is read at build time only and nothing of it is shipped.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Faker locales read, in order. */
export const LOCALES = ['en', 'en_AU', 'en_IE', 'en_IN', 'en_NG', 'de', 'fr', 'es', 'es_MX', 'it', 'nl', 'pt_BR', 'pt_PT', 'pl', 'sv', 'da', 'nb_NO', 'fi'] as const;

/** Names that are also ordinary words, places, months, days or products: reported only with context. */
export const AMBIGUOUS = `
abbey ace ado afton jan feb mar apr jun jul aug sep sept oct nov dec agape ally anal aquiline arcade ascension astride ave boas conception coy desiderata elide fem feline moos pearl quarto sari violet maverick albino alexa alpha amber america among angel ant ante apollo april arch archer art asia
atlas august aura aurora austin autumn avalon baby bailey baker banks baron basil bay beau bell belle bent berry
beverly bill birdie bishop blaze bless blessing bloom blue bond brain brandy brook brooks brown buck bud buddy
buster cadence camden can cannon candy carmine carol cash chance chanel charity chase cherry chester christian
christmas clay cleveland clinton colt columbus comfort constant cook cooper coral cortana crystal curt daisy
dakota dale dallas darwin dawn day dean december dell delta denver destiny devon diamond dies dock dodo dolly
don drake drew dusty earl earnest easter ebony echo eddy else emerald england era essence eve even faith fanny
february fedora felicity fender fern fine fisher flip floor flora florence florida ford forest fortune foster
france franc frank freeman french friday gage garland garnet general genesis gentile georgia german gift
ginger glen glory golden grace grant gray green grey griffin guest gun gunner guru gust guy hale happy hardy
harley harmony haven hazel heath heather heaven hill holly honor honey hope houston hudson hunter idea imam
india indiana innocent ion iris irish ivory ivy jack jackson jade jail january jasmine jay jazz jet jewel job
jordan joy judge julia july june junior jupiter justice kale karma kent kenya kick kin king kitty lacy lance
lane laurel lean legend liberty lien lily lincoln line lion lone london lot lotus love loyal lucky luna lyric
mace madison magnolia major march mare margarita marina marine mark mars mart martial mason mate mats max
maxim may melody memphis mercedes mercy meta mete mica mile miles milan miller mine mink miracle misty modest
monday montana moon nail name naval nevada nick nil nine noble north nova november novella ocean october
octave olive opal oral orlando ova page palmer pansy paris parker parfait pat patience peace penny per phoenix
pie pierce pink pinkie pip piper pit poppy porter precious price prince princess promise prosper prudence
puck queen rain randy ransom raven ray reed rein rich richmond riff river robin rocky rod roman rose rosemary
rover royal ruby rusty rut sage said saint salem sally salvo sandy saturday savanna savannah september
serenity server sever shade sherry sierra siri sincere sister sky snow solomon sonny spring star sterling
stone storm sue summer sunday sunny swami sydney tad talon tea tesla thursday tiara tiffany ties till tine
toke tome tone tor tore toy trace travis trinity troy tuesday turner unique urban valentine valid van
vegas venus vesper victory vienna virginia vital viva wade wage walker ward warren washington wednesday
wellington west will willow winter wolf york yoga young
`;

interface Lists {
  readonly first: string[];
  readonly last: string[];
  readonly ambiguous: string[];
}

const WORD = /^[\p{Ll}][\p{Ll}'’-]*\p{Ll}$/u;

/** Lower-cased single-word names of at least 3 letters (2-letter entries are mostly syllables). */
function clean(values: unknown): string[] {
  const out: string[] = [];
  const all = Array.isArray(values) ? values : values !== null && typeof values === 'object' ? Object.values(values).flat() : [];
  for (const value of all) {
    if (typeof value !== 'string') continue;
    const word = value.normalize('NFC').toLowerCase().replace(/’/g, "'");
    if (word.length >= 3 && word.length <= 24 && WORD.test(word)) out.push(word);
  }
  return out;
}

async function readFaker(dir: string | undefined): Promise<{ first: Set<string>; last: Set<string> }> {
  const first = new Set<string>();
  const last = new Set<string>();
  for (const locale of LOCALES) {
    const url = dir === undefined ? `@faker-js/faker/locale/${locale}` : pathToFileURL(join(dir, 'dist', 'locale', `${locale}.js`)).href;
    const module = (await import(url)) as Record<string, { rawDefinitions?: { person?: { first_name?: unknown; last_name?: unknown } } }>;
    const faker = Object.values(module).find((value) => value?.rawDefinitions !== undefined);
    const person = faker?.rawDefinitions?.person;
    if (person === undefined) throw new Error(`build-names: locale ${locale} has no person definitions`);
    for (const name of clean(person.first_name)) first.add(name);
    for (const name of clean(person.last_name)) last.add(name);
  }
  return { first, last };
}

/** The lists the module holds, sorted (pure: a test can rebuild from the same input). */
export function buildLists(first: Iterable<string>, last: Iterable<string>): Lists {
  const ambiguous = [...new Set(AMBIGUOUS.split(/\s+/).filter(Boolean))].sort();
  return { first: [...new Set(first)].sort(), last: [...new Set(last)].sort(), ambiguous };
}

/**
 * Front coding: each word is the number of leading characters it shares with the previous word
 * (one digit, at most 9) followed by the rest, words separated by spaces. About 45 % smaller
 * than the plain list and decoded in one pass.
 */
export function pack(words: readonly string[]): string {
  let previous = '';
  const parts: string[] = [];
  for (const word of words) {
    let shared = 0;
    while (shared < 9 && shared < word.length && shared < previous.length && word[shared] === previous[shared]) shared++;
    parts.push(`${shared}${word.slice(shared)}`);
    previous = word;
  }
  return parts.join(' ');
}

export function generateModule(lists: Lists): string {
  return `// Generated by scripts/build-names.ts. Do not edit by hand: run \`npx tsx scripts/build-names.ts\`.
//
// Source: person name lists of @faker-js/faker (MIT licence, © 2022–2025 Faker contributors,
// based on faker.js © 2011–2020 Marak Squires), locales ${LOCALES.join(', ')}.
// AMBIGUOUS: written and reviewed by hand in scripts/build-names.ts (MIT, this repository).
// ${lists.first.length} first names, ${lists.last.length} surnames, ${lists.ambiguous.length} ambiguous words.

/** First names, lower case, front-coded (see \`pack\` in scripts/build-names.ts). */
export const FIRST_NAMES = ${JSON.stringify(pack(lists.first))};

/** Surnames, lower case, front-coded. */
export const SURNAMES = ${JSON.stringify(pack(lists.last))};

/** Names that are also ordinary words, places, months, days or products, lower case, front-coded. */
export const AMBIGUOUS_NAMES = ${JSON.stringify(pack(lists.ambiguous))};
`;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const fakerIndex = args.indexOf('--faker');
  const dir = fakerIndex >= 0 ? args[fakerIndex + 1] : undefined;
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const target = join(root, 'src', 'data', 'names.ts');
  const { first, last } = await readFaker(dir);
  const lists = buildLists(first, last);
  const module = generateModule(lists);
  const words = '/usr/share/dict/american-english';
  if (existsSync(words)) {
    const lower = new Set(readFileSync(words, 'utf8').split('\n').filter((word) => word !== '' && word === word.toLowerCase()));
    const ambiguous = new Set(lists.ambiguous);
    const review = lists.first.filter((name) => lower.has(name) && !ambiguous.has(name));
    console.log(`first names that are also lower-case English words, not in AMBIGUOUS (review): ${review.length}`);
    console.log(review.join(' '));
  }
  if (args.includes('--check')) {
    const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
    if (current !== module) {
      console.error('build-names: src/data/names.ts is stale; run npx tsx scripts/build-names.ts');
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(target, module);
  console.log(`wrote ${target}: ${lists.first.length} first names, ${lists.last.length} surnames, ${lists.ambiguous.length} ambiguous (${module.length} bytes)`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error: unknown) => {
    console.error(`build-names: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  });
}
