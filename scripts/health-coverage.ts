/**
 * Reports everyday disease names from the Human Disease Ontology that the HEALTH lexicon lacks,
 * so reviewers can add them (with source "DO" and a tier chosen by hand).
 *
 *   npx tsx scripts/health-coverage.ts [path/to/HumanDO.tsv] [--all]
 *
 * Default path: ../shared/data/disease-ontology/HumanDO.tsv (relative to the repository root);
 * the script says so and exits 0 when the file is absent. "Everyday" means a label of 1–3 words
 * without digits, commas or parentheses (e.g. "common cold", not "1-chloro-2,4-dinitrobenzene
 * allergic contact dermatitis"); `--all` lists every missing label instead. The build never reads
 * this file: the lexicon stays a reviewed, hand-written list.
 *
 * Human Disease Ontology: CC0 1.0 (DiseaseOntology/HumanDiseaseOntology, DOreports/HumanDO.tsv).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflect, normalise, parseLexicon } from './build-health-lexicon.js';

/** Labels a reviewer is likely to meet in chat: short, no digits or punctuation beyond ' and -. */
export function isEverydayLabel(label: string): boolean {
  if (!/^[a-z' -]+$/i.test(label)) return false;
  const words = label.trim().split(/\s+/);
  return words.length >= 1 && words.length <= 3 && label.length <= 40;
}

/** DO labels (first column after the id) whose normalised form is not a lexicon form. */
export function missingLabels(doTsv: string, lexiconTsv: string, all = false): string[] {
  const known = new Set<string>();
  for (const row of parseLexicon(lexiconTsv)) {
    if (row.tier === '-') continue;
    for (const form of inflect(row)) known.add(form.toLowerCase());
  }
  const missing = new Set<string>();
  for (const line of doTsv.split('\n').slice(1)) {
    const label = line.split('\t')[1]?.replace(/^"|"$/g, '');
    if (label === undefined || label === '') continue;
    if (!all && !isEverydayLabel(label)) continue;
    const form = normalise(label);
    if (!known.has(form)) missing.add(label);
  }
  return [...missing].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
}

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const args = process.argv.slice(2);
  const path = args.find((arg) => !arg.startsWith('--')) ?? join(root, '../shared/data/disease-ontology/HumanDO.tsv');
  if (!existsSync(path)) {
    console.log(`health-coverage: ${path} not found; nothing to check (pass the path to HumanDO.tsv)`);
    return;
  }
  const missing = missingLabels(readFileSync(path, 'utf8'), readFileSync(join(root, 'lexicon/health.tsv'), 'utf8'), args.includes('--all'));
  for (const label of missing) console.log(label);
  console.error(`${missing.length} Disease Ontology labels missing from lexicon/health.tsv${args.includes('--all') ? '' : ' (1–3 words, no digits; --all for every label)'}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
