/**
 * Builds src/data/health-lexicon.ts from lexicon/health.tsv.
 *
 *   npx tsx scripts/build-health-lexicon.ts            # validate, check brands, write the module
 *   npx tsx scripts/build-health-lexicon.ts --check    # validate only; exit 1 if the module is stale
 *
 * The lexicon is written and reviewed by hand (see ../shared/notes/health-and-address.md); this
 * script only validates it, generates inflections and packs it. When Debian `wamerican` is
 * installed (`apt-get install wamerican` → /usr/share/dict/american-english, SCOWL licence), brand
 * names are checked against it: a T1 brand that is an ordinary lower-case English word fails the
 * build (drop it or make it T2). The word list is read at build time only and never shipped.
 *
 * `generateModule(tsv)` is pure, so a test regenerates the module in memory and compares it with
 * the committed file without needing the word list.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CATEGORIES = ['condition', 'mental_health', 'reproductive', 'medication', 'procedure'] as const;
export const CUE_KINDS = ['cue_before', 'cue_self', 'cue_after', 'anti'] as const;
export const TIERS = ['T1', 'T2', 'T3'] as const;
export const SOURCES = ['ICD10CM', 'FDA', 'DO', 'reviewed'] as const;
/** Phrases longer than this many tokens are rejected (the matcher's window is 6 tokens). */
export const MAX_TOKENS = 6;

export interface LexiconRow {
  readonly term: string;
  readonly category: string;
  readonly tier: string;
  readonly source: string;
  readonly line: number;
}

/** Parses the TSV; throws with every problem found (line numbers, never more than the term). */
export function parseLexicon(tsv: string): LexiconRow[] {
  const rows: LexiconRow[] = [];
  const errors: string[] = [];
  const seenTerms = new Map<string, number>();
  const seenCues = new Map<string, number>();
  let headerSeen = false;
  tsv.split('\n').forEach((raw, index) => {
    const line = index + 1;
    const text = raw.replace(/\r$/, '');
    if (text.trim() === '' || text.startsWith('#')) return;
    const cells = text.split('\t');
    if (!headerSeen) {
      headerSeen = true;
      if (cells.join('|') !== 'term|category|tier|source') errors.push(`line ${line}: header must be term, category, tier, source`);
      return;
    }
    if (cells.length !== 4) return void errors.push(`line ${line}: expected 4 tab-separated columns, got ${cells.length}`);
    const [term, category, tier, source] = cells.map((cell) => cell.trim());
    const isCue = (CUE_KINDS as readonly string[]).includes(category);
    if (!isCue && !(CATEGORIES as readonly string[]).includes(category)) errors.push(`line ${line}: unknown category "${category}"`);
    if (isCue ? tier !== '-' : !(TIERS as readonly string[]).includes(tier)) errors.push(`line ${line}: tier must be ${isCue ? '"-" for cues' : 'T1, T2 or T3'}`);
    if (!(SOURCES as readonly string[]).includes(source)) errors.push(`line ${line}: unknown source "${source}"`);
    const form = normalise(term, tier === 'T3');
    if (form === '' || !/^[a-zA-Z0-9' ]+$/.test(form)) errors.push(`line ${line}: "${term}" has characters the matcher cannot see (use letters, digits, ' - and spaces)`);
    if (form.split(' ').length > MAX_TOKENS) errors.push(`line ${line}: "${term}" has more than ${MAX_TOKENS} tokens`);
    if (tier === 'T3' && !/[A-Z]/.test(term)) errors.push(`line ${line}: T3 term "${term}" must contain an upper-case letter (it matches by exact case)`);
    const key = isCue ? `${category}:${form}` : tier === 'T3' ? `T3:${form}` : form;
    const seen = isCue ? seenCues : seenTerms;
    const first = seen.get(key);
    if (first !== undefined) errors.push(`line ${line}: "${term}" duplicates line ${first}`);
    else seen.set(key, line);
    rows.push({ term, category, tier, source, line });
  });
  if (!headerSeen) errors.push('missing header line');
  if (errors.length > 0) throw new Error(`lexicon/health.tsv is invalid:\n${errors.join('\n')}`);
  return rows;
}

/**
 * The form the matcher compares: NFKD with combining marks dropped (Sjögren → Sjogren), curly
 * apostrophes straightened, hyphens and runs of spaces collapsed to one space, lower case (T3 keeps
 * its case).
 */
export function normalise(term: string, keepCase = false): string {
  const folded = term
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\s-]+/g, ' ')
    .trim();
  return keepCase ? folded : folded.toLowerCase();
}

// Plurals are generated only for count nouns: a last word from this list or with one of these
// endings. Drug names, mass nouns (asthma, diabetes) and adjectives are left as written.
const COUNT_HEADS = new Set(
  ('attack stone ulcer pill shot patch test scan sore wart polyp lesion nodule spasm stent break episode clot fracture injury ' +
    'infection seizure migraine headache cramp tablet capsule injection drop blister rash wound appointment session transplant ' +
    'replacement implant graft abscess hernia stroke disorder disease syndrome condition blocker inhibitor agonist steroid ' +
    'supplement vitamin inhaler pump aid monitor spray cream tumor tumour cyst biopsy surgery therapy allergy pregnancy infusion ' +
    'bleed flare tear sprain bruise burn symptom illness problem issue vaccine booster reaction fever cough').split(' '),
);
const COUNT_ENDINGS = ['tomy', 'scopy', 'gram', 'ache', 'ist', 'ant', 'oid', 'statin', 'otic', 'iotic', 'lant', 'tic'];
const NO_PLURAL_ENDINGS = ['s', 'ed', 'ing', 'ous', 'al', 'ful', 'less', 'x'];

function plural(word: string): string | undefined {
  if (/\d/.test(word) || word.length < 3) return undefined;
  if (NO_PLURAL_ENDINGS.some((ending) => word.endsWith(ending))) return undefined;
  if (/[^aeiou]y$/.test(word)) return `${word.slice(0, -1)}ies`;
  if (/(ch|sh|z)$/.test(word)) return `${word}es`;
  return `${word}s`;
}

/** The -ic adjective of a condition noun, where English forms one regularly (anemia → anemic). */
const ADJECTIVE_EXCEPTIONS = new Set(['dementia', 'insomnia', 'hypochondria', 'psychosis', 'metastasis', 'mania', 'paranoia', 'phobia', 'hemophilia', 'haemophilia', 'kleptomania', 'pyromania', 'pneumonia', 'diagnosis', 'prognosis', 'sepsis', 'dialysis']);
function adjective(word: string): string | undefined {
  if (ADJECTIVE_EXCEPTIONS.has(word)) return undefined;
  if (word.endsWith('itis')) return `${word.slice(0, -4)}itic`;
  if (word.endsWith('osis')) return `${word.slice(0, -4)}otic`;
  if (word.endsWith('epsy')) return `${word.slice(0, -2)}tic`;
  if (word.endsWith('emia') || word.endsWith('aemia') || word.endsWith('exia') || word.endsWith('imia') || word.endsWith('renia')) return `${word.slice(0, -1)}c`;
  return undefined;
}

/** Normalised surface forms of one row: the term, its plural and -ic/-ed forms where sensible. */
export function inflect(row: LexiconRow): string[] {
  const base = normalise(row.term, row.tier === 'T3');
  const forms = [base];
  if (row.tier === 'T3') return forms;
  const words = base.split(' ');
  const last = words[words.length - 1];
  const head = words.slice(0, -1).join(' ');
  const withLast = (word: string) => (head === '' ? word : `${head} ${word}`);
  const brandOrGeneric = row.category === 'medication' && !COUNT_HEADS.has(last) && !COUNT_ENDINGS.some((ending) => last.endsWith(ending));
  if (!brandOrGeneric && (COUNT_HEADS.has(last) || COUNT_ENDINGS.some((ending) => last.endsWith(ending)))) {
    const form = plural(last);
    if (form !== undefined) forms.push(withLast(form));
  }
  if ((row.category === 'condition' || row.category === 'mental_health') && words.length === 1) {
    const form = adjective(last);
    if (form !== undefined) forms.push(form);
  }
  if (row.category === 'procedure' && words.length === 1 && last.endsWith('psy')) forms.push(`${last.slice(0, -1)}ied`);
  return forms;
}

/** Brand names (capitalised medication terms) checked against an English word list. */
export function checkBrands(rows: readonly LexiconRow[], wordList: string): { errors: string[]; warnings: string[] } {
  const lower = new Set<string>();
  const proper = new Set<string>();
  for (const word of wordList.split('\n')) {
    if (word === '') continue;
    if (word[0] === word[0].toLowerCase()) lower.add(word);
    else proper.add(word.toLowerCase());
  }
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const row of rows) {
    if (row.category !== 'medication' || !/^[A-Z]/.test(row.term)) continue;
    const key = normalise(row.term);
    if (row.tier === 'T1' && lower.has(key)) errors.push(`line ${row.line}: brand "${row.term}" is an ordinary English word: make it T2 or drop it`);
    else if (row.tier === 'T1' && proper.has(key)) warnings.push(`line ${row.line}: brand "${row.term}" is in the word list as a proper noun (kept T1; review)`);
  }
  return { errors, warnings };
}

const GROUP_ORDER = ['cue_before', 'cue_self', 'cue_after', 'anti'];

/** The generated TypeScript module for `tsv`. Pure: same input, same output. */
export function generateModule(tsv: string): string {
  const rows = parseLexicon(tsv);
  const groups = new Map<string, string[]>();
  const taken = new Set<string>();
  // Written forms first, so a generated inflection never overrides an entry of its own
  // (anemia T1 generates "anemic", which the lexicon lists as T2).
  for (const pass of [0, 1]) {
    for (const row of rows) {
      const isCue = row.tier === '-';
      const forms = isCue ? [normalise(row.term)] : inflect(row);
      const chosen = pass === 0 ? forms.slice(0, 1) : forms.slice(1);
      const group = isCue ? row.category : `${row.category}:${row.tier}`;
      for (const form of chosen) {
        const key = isCue ? `${row.category}:${form}` : row.tier === 'T3' ? `T3:${form}` : form;
        if (taken.has(key)) continue;
        taken.add(key);
        let list = groups.get(group);
        if (list === undefined) groups.set(group, (list = []));
        list.push(form);
      }
    }
  }
  const keys = [...groups.keys()].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  let maxForm = 0;
  let forms = 0;
  for (const key of keys) {
    for (const form of groups.get(key)!) {
      if (!key.startsWith('cue') && key !== 'anti') forms++;
      maxForm = Math.max(maxForm, form.length);
    }
  }
  const entries = rows.filter((row) => row.tier !== '-').length;
  const lines = [
    '// Generated by scripts/build-health-lexicon.ts from lexicon/health.tsv. Do not edit by hand:',
    '// edit the TSV and run `npx tsx scripts/build-health-lexicon.ts`.',
    '//',
    '// Source: the piiveil HEALTH lexicon, written and reviewed in this repository; term selection',
    '// cross-checked against ICD-10-CM (CDC/NCHS, public domain), the FDA NDC Directory (openFDA, CC0)',
    '// and the Human Disease Ontology (CC0). Licence: MIT (see NOTICE.md).',
    `// ${entries} entries, ${forms} surface forms.`,
    '',
    '/**',
    ' * Packed lexicon groups: `"<group>\\t<form>|<form>|..."`, group = `<category>:<tier>` for terms or',
    ' * `cue_before`, `cue_self`, `cue_after`, `anti` for context phrases. Forms are normalised (lower',
    ' * case except T3, one space between tokens). Split once, lazily, by the health detector.',
    ' */',
    'export const HEALTH_LEXICON: readonly string[] = [',
    ...keys.map((key) => `  ${JSON.stringify(`${key}\t${groups.get(key)!.join('|')}`)},`),
    '];',
    '',
    '/** Length of the longest form, in code units (before extra spaces in the text). */',
    `export const HEALTH_MAX_FORM_LENGTH = ${maxForm};`,
    '',
  ];
  return lines.join('\n');
}

function rank(group: string): number {
  const cue = GROUP_ORDER.indexOf(group);
  if (cue >= 0) return 100 + cue;
  const [category, tier] = group.split(':');
  return (CATEGORIES as readonly string[]).indexOf(category) * 4 + TIERS.indexOf(tier as 'T1');
}

const WORD_LIST = '/usr/share/dict/american-english';

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const tsvPath = join(root, 'lexicon/health.tsv');
  const outPath = join(root, 'src/data/health-lexicon.ts');
  const tsv = readFileSync(tsvPath, 'utf8');
  const rows = parseLexicon(tsv);
  if (existsSync(WORD_LIST)) {
    const { errors, warnings } = checkBrands(rows, readFileSync(WORD_LIST, 'utf8'));
    for (const warning of warnings) console.warn(`warning: ${warning}`);
    if (errors.length > 0) {
      console.error(errors.join('\n'));
      process.exit(1);
    }
    console.log(`brand check against ${WORD_LIST}: ${warnings.length} proper-noun matches to review, 0 ordinary words`);
  } else {
    console.log(`skipping the brand check: ${WORD_LIST} is absent (apt-get install wamerican)`);
  }
  const module = generateModule(tsv);
  if (process.argv.includes('--check')) {
    const current = existsSync(outPath) ? readFileSync(outPath, 'utf8') : '';
    if (current !== module) {
      console.error('src/data/health-lexicon.ts is stale: run npx tsx scripts/build-health-lexicon.ts');
      process.exit(1);
    }
    console.log('src/data/health-lexicon.ts is up to date');
    return;
  }
  writeFileSync(outPath, module);
  console.log(`wrote ${outPath} (${module.length} bytes, ${rows.length} rows)`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
