/**
 * Accuracy of the default redactor, per entity type: `npm run eval [-- options]`.
 *
 * Scores the labelled corpus in test/fixtures/ (see test/fixtures/load.ts for the markup), or,
 * with `--cases <dir>`, a directory holding real-positive.jsonl and real-negative.jsonl
 * (`{ id, text, spans, source }` per line). Structured types are scored by exact span match;
 * HEALTH and STREET_ADDRESS, whose boundaries vary between labellers, by overlap (same type and
 * any overlap), with exact-match figures printed too. Types without a detector in the current
 * default set are listed as "no detector" rather than scored as recall 0.
 *
 * Options:
 *   --cases <dir>      score a real-cases directory instead of the fixtures
 *   --fixtures <dir>   score another fixtures directory (default test/fixtures)
 *   --types A,B        only these entity types (detectors and labels)
 *   --all              also run the opt-in detectors (PERSON, DATE_OF_BIRTH, national IDs, ...: detectors.all()), not only the defaults
 *   --misses           print false negatives and false positives (ids, offsets, types)
 *   --max-misses N     at most N misses per type and kind (default 20)
 *   --show-values      also print the values of misses (off by default: they may be PII)
 *   --min-f1 X         exit 1 if a scored type's F1 is below X (otherwise exit 0 always)
 *
 * @example
 * // npm run eval
 * // npm run eval -- --types EMAIL,PHONE --misses
 * // npm run eval -- --cases ../shared/corpora/real-cases --min-f1 0.95
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRedactor, defaultDetectors, detectors as presets, type Detector, type Finding } from '../src/index.js';
import { FIXTURES_DIR, loadFixtures } from '../test/fixtures/load.js';

/** Types whose span boundaries labellers disagree on: scored by overlap. */
const FUZZY = new Set(['HEALTH', 'STREET_ADDRESS']);
/** Display order; other types follow alphabetically. */
const ORDER = ['EMAIL', 'PHONE', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'IBAN', 'HEALTH', 'STREET_ADDRESS'];

interface Span {
  readonly type: string;
  readonly start: number;
  readonly end: number;
}

interface Sample {
  readonly id: string;
  /** Group for the negatives report (fixture file, or the cases file). */
  readonly group: string;
  readonly text: string;
  readonly spans: readonly Span[];
}

interface Options {
  cases?: string;
  fixtures: string;
  types?: Set<string>;
  misses: boolean;
  maxMisses: number;
  showValues: boolean;
  minF1?: number;
  all: boolean;
}

interface Miss {
  readonly sample: Sample;
  readonly span: Span;
  readonly detector?: string;
}

interface Score {
  gold: number;
  predicted: number;
  /** Gold spans matched. */
  tp: number;
  /** Predictions matching no gold span. */
  fp: number;
  /** Gold spans matched by no prediction. */
  fn: number;
  /** Predictions matching some gold span (differs from tp only under overlap matching). */
  matchedPredictions: number;
  fnList: Miss[];
  fpList: Miss[];
}

function parseArgs(argv: readonly string[]): Options {
  const options: Options = { fixtures: FIXTURES_DIR, misses: false, maxMisses: 20, showValues: false, all: false };
  const value = (index: number, flag: string): string => {
    const next = argv[index + 1];
    if (next === undefined || next.startsWith('--')) throw new Error(`${flag} needs a value`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--cases') options.cases = value(i++, arg);
    else if (arg === '--fixtures') options.fixtures = value(i++, arg);
    else if (arg === '--types') options.types = new Set(value(i++, arg).split(',').map((t) => t.trim().toUpperCase()).filter(Boolean));
    else if (arg === '--misses') options.misses = true;
    else if (arg === '--all') options.all = true;
    else if (arg === '--max-misses') options.maxMisses = Number(value(i++, arg));
    else if (arg === '--show-values') options.showValues = true;
    else if (arg === '--min-f1') options.minF1 = Number(value(i++, arg));
    else if (arg === '--help' || arg === '-h') {
      console.log('usage: npm run eval -- [--cases <dir>] [--fixtures <dir>] [--types A,B] [--all] [--misses [--max-misses N] [--show-values]] [--min-f1 X]');
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (see --help)`);
  }
  if (options.minF1 !== undefined && !(options.minF1 >= 0 && options.minF1 <= 1)) throw new Error('--min-f1 must be a number from 0 to 1');
  if (!(options.maxMisses >= 0)) throw new Error('--max-misses must be a number >= 0');
  return options;
}

function readJsonl(path: string, group: string): Sample[] {
  const samples: Sample[] = [];
  const lines = readFileSync(path, 'utf8').split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const record = JSON.parse(lines[i]) as { id: string; text: string; spans: Span[] };
    samples.push({ id: record.id, group, text: record.text, spans: record.spans });
  }
  return samples;
}

function loadSamples(options: Options): Sample[] {
  if (options.cases !== undefined) {
    return [
      ...readJsonl(join(options.cases, 'real-positive.jsonl'), 'real-positive.jsonl'),
      ...readJsonl(join(options.cases, 'real-negative.jsonl'), 'real-negative.jsonl'),
    ];
  }
  return loadFixtures(options.fixtures).map((f) => ({ id: `${f.file}:${f.line}`, group: f.file, text: f.text, spans: f.spans }));
}

const emptyScore = (): Score => ({ gold: 0, predicted: 0, tp: 0, fp: 0, fn: 0, matchedPredictions: 0, fnList: [], fpList: [] });
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const same = (a: Span, b: Span) => a.start === b.start && a.end === b.end;

/** Adds one message's gold and predicted spans of one type to `score`. */
function scoreSample(score: Score, sample: Sample, gold: readonly Span[], predicted: readonly Finding[], byOverlap: boolean): void {
  const match = byOverlap ? overlaps : same;
  score.gold += gold.length;
  score.predicted += predicted.length;
  for (const g of gold) {
    if (predicted.some((p) => match(g, p))) score.tp++;
    else {
      score.fn++;
      score.fnList.push({ sample, span: g });
    }
  }
  for (const p of predicted) {
    if (gold.some((g) => match(g, p))) score.matchedPredictions++;
    else {
      score.fp++;
      score.fpList.push({ sample, span: p, detector: p.detector });
    }
  }
}

const ratio = (num: number, den: number) => (den === 0 ? undefined : num / den);
const fmt = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));
const percent = (num: number, den: number) => (den === 0 ? '-' : `${((100 * num) / den).toFixed(2)} %`);

function figures(score: Score) {
  const precision = ratio(score.matchedPredictions, score.predicted);
  const recall = ratio(score.tp, score.gold);
  const f1 = precision === undefined || recall === undefined ? undefined : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function sortTypes(types: Iterable<string>): string[] {
  return [...new Set(types)].sort((a, b) => {
    const ia = ORDER.indexOf(a);
    const ib = ORDER.indexOf(b);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || a.localeCompare(b);
  });
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
  return rows.map((row) => row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join('  ')).join('\n');
}

function printMisses(type: string, kind: 'FN' | 'FP', misses: readonly Miss[], options: Options): void {
  if (misses.length === 0) return;
  console.log(`  ${type} ${kind} (${misses.length})`);
  for (const miss of misses.slice(0, options.maxMisses)) {
    let line = `    ${miss.sample.id} ${miss.span.start}-${miss.span.end}`;
    if (miss.detector !== undefined) line += ` by ${miss.detector}`;
    if (options.showValues) line += ` ${JSON.stringify(miss.sample.text.slice(miss.span.start, miss.span.end))} in ${JSON.stringify(miss.sample.text)}`;
    console.log(line);
  }
  if (misses.length > options.maxMisses) console.log(`    ... and ${misses.length - options.maxMisses} more`);
}

function main(): void {
  const options = parseArgs(process.argv.slice(2));
  /** Opt-in detectors that `--all` adds to the defaults (those not already among them). */
  const optIn: Detector[] = presets.all();
  const base = defaultDetectors();
  const pool = options.all ? [...base, ...optIn.filter((d) => !base.some((b) => b.name === d.name))] : base;
  const detectors = pool.filter((d) => options.types === undefined || options.types.has(d.type));
  const redactor = createRedactor({ detectors });
  const detected = new Set(detectors.map((d) => d.type as string));
  const wanted = (type: string) => options.types === undefined || options.types.has(type);
  const samples = loadSamples(options);

  const exact = new Map<string, Score>();
  const overlap = new Map<string, Score>();
  const negatives = new Map<string, { total: number; altered: number; misses: Miss[] }>();
  const crossType = new Map<string, number>();
  const scoreOf = (map: Map<string, Score>, type: string) => map.get(type) ?? map.set(type, emptyScore()).get(type)!;

  for (const sample of samples) {
    const result = redactor.redact(sample.text);
    const findings = result.findings;
    const gold = sample.spans.filter((s) => wanted(s.type));
    // A finding on a labelled value of a type this detector set cannot report (an NHS number
    // redacted as PHONE when UK_NHS is off) is PII redacted under another label: counted apart,
    // not as a false positive of its own type.
    const scored = findings.filter((f) => {
      const under = sample.spans.find((s) => !detected.has(s.type) && overlaps(s, f));
      if (under === undefined) return true;
      const key = `${f.type} on ${under.type}`;
      crossType.set(key, (crossType.get(key) ?? 0) + 1);
      return false;
    });
    const types = new Set([...gold.map((s) => s.type), ...scored.map((f) => f.type as string)]);
    for (const type of types) {
      const g = gold.filter((s) => s.type === type);
      const p = scored.filter((f) => f.type === type);
      scoreSample(scoreOf(exact, type), sample, g, p, false);
      scoreSample(scoreOf(overlap, type), sample, g, p, true);
    }
    if (sample.spans.length === 0) {
      const entry = negatives.get(sample.group) ?? negatives.set(sample.group, { total: 0, altered: 0, misses: [] }).get(sample.group)!;
      entry.total++;
      if (result.text !== sample.text) {
        entry.altered++;
        for (const f of findings) entry.misses.push({ sample, span: f, detector: f.detector });
      }
    }
  }

  const source = options.cases ?? options.fixtures;
  console.log(`piiveil accuracy on ${source} (${samples.length} messages)`);
  console.log(`default detectors${options.types ? ' (restricted)' : ''}: ${detectors.map((d) => `${d.name} (${d.type})`).join(', ') || 'none'}`);
  console.log('structured types: exact span match; HEALTH and STREET_ADDRESS: overlap match (exact also shown)\n');

  const rows = [['type', 'match', 'gold', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1']];
  const undetected: string[] = [];
  const belowMin: string[] = [];
  const allTypes = sortTypes([...exact.keys(), ...detected].filter(wanted));
  for (const type of allTypes) {
    const e = exact.get(type) ?? emptyScore();
    if (!detected.has(type)) {
      undetected.push(`${type} (${e.gold} gold spans)`);
      continue;
    }
    const kinds: ['overlap' | 'exact', Score][] = FUZZY.has(type)
      ? [['overlap', overlap.get(type) ?? emptyScore()], ['exact', e]]
      : options.cases !== undefined
        ? [['exact', e], ['overlap', overlap.get(type) ?? emptyScore()]]
        : [['exact', e]];
    kinds.forEach(([kind, score], index) => {
      const { precision, recall, f1 } = figures(score);
      rows.push([index === 0 ? type : '', kind, String(score.gold), String(score.tp), String(score.fp), String(score.fn), fmt(precision), fmt(recall), fmt(f1)]);
      if (index === 0 && options.minF1 !== undefined && score.gold > 0 && (f1 ?? 0) < options.minF1) belowMin.push(`${type} F1 ${fmt(f1)}`);
    });
  }
  console.log(table(rows));
  if (undetected.length > 0) console.log(`\nno detector in the default set: ${undetected.join(', ')}`);
  if (crossType.size > 0) {
    const parts = [...crossType].sort((a, b) => b[1] - a[1]).map(([key, count]) => `${key} ×${count}`);
    console.log(`\nfindings on labelled values of a type without a detector in this set (redacted under another label; not counted above): ${parts.join(', ')}`);
  }

  console.log('\nnegative messages altered (no labelled span, redacted text differs):');
  let total = 0;
  let altered = 0;
  const negativeRows = [['file', 'messages', 'altered', 'share']];
  for (const [group, entry] of [...negatives].sort(([a], [b]) => a.localeCompare(b))) {
    negativeRows.push([group, String(entry.total), String(entry.altered), percent(entry.altered, entry.total)]);
    total += entry.total;
    altered += entry.altered;
  }
  negativeRows.push(['all', String(total), String(altered), percent(altered, total)]);
  console.log(table(negativeRows));

  if (options.misses) {
    console.log(`\nmisses (at most ${options.maxMisses} per type and kind${options.showValues ? '' : '; values hidden, add --show-values'}):`);
    for (const type of allTypes) {
      if (!detected.has(type)) continue;
      const score = (FUZZY.has(type) ? overlap : exact).get(type);
      if (score === undefined) continue;
      printMisses(type, 'FN', score.fnList, options);
      printMisses(type, 'FP', score.fpList, options);
    }
    for (const [group, entry] of negatives) {
      if (entry.misses.length === 0) continue;
      console.log(`  findings in negatives of ${group}:`);
      printMisses('negatives', 'FP', entry.misses.map((m) => ({ ...m, detector: `${m.detector} (${m.span.type})` })), options);
    }
  }

  if (belowMin.length > 0) {
    console.log(`\nbelow --min-f1 ${options.minF1}: ${belowMin.join(', ')}`);
    process.exitCode = 1;
  }
}

try {
  main();
} catch (error) {
  // Usage and file errors: a message, not a stack (and never a fixture's text).
  console.error(`eval: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
