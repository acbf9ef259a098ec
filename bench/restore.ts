/**
 * Restore benchmarks (issue 4): one-shot `vault.restore` throughput against a trivial regex
 * restorer, and the cost of the restoring stream as a ratio to one-shot restore, on the seeded
 * corpora of bench/fixtures.ts.
 *
 *   npx tsx bench/restore.ts            full run
 *   npx tsx bench/restore.ts --quick    fewer samples
 *
 * bench/run.ts may import `restoreBench` and print its rows with the others.
 *
 * What is measured, per message (one call per model answer, as an LLM gateway does):
 * - the answers are the dense chat corpus tokenized by `createTokenizer(vault)` (1–3 tokens per
 *   message), or with `surrogate(vault)` (realistic fakes), and the clean chat corpus (nothing to
 *   restore: the common case for most of a long answer);
 * - baseline: `text.replace(/\[([A-Z][A-Z0-9_]*_[1-9][0-9]*)\]/g, lookup)`, the one-regex
 *   restorer most wrappers use (exact bracket form only, no streaming);
 * - stream: each answer through a fresh `vault.restoreStream()` in 32-, 4- and 1-char chunks.
 * Ratios are throughput ratios: above 1 means faster than the reference named in the row.
 */
import v8 from 'node:v8';
import vm from 'node:vm';
import { fileURLToPath } from 'node:url';
import { do_not_optimize, measure } from 'mitata';
import { createTokenizer, createVault, defaultDetectors, surrogate, type Vault } from '../src/index.js';
import { chunksOf, cleanChat, denseChat } from './fixtures.js';

v8.setFlagsFromString('--expose-gc');
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc');

/** One result row: a ratio and what it compares. */
export interface RestoreRow {
  readonly name: string;
  readonly ratio: number;
  readonly note: string;
}

async function median(fn: () => void, quick: boolean): Promise<number> {
  for (let index = 0; index < 20; index++) fn();
  const stats = await measure(fn, { gc, inner_gc: true, min_samples: quick ? 6 : 12, min_cpu_time: quick ? 150e6 : 600e6 } as Parameters<typeof measure>[1]);
  return stats.p50;
}

function regexRestorer(vault: Vault): (text: string) => string {
  const pattern = /\[([A-Z][A-Z0-9_]*_[1-9][0-9]*)\]/g;
  return (text) => text.replace(pattern, (match) => vault.lookup(match)?.value ?? match);
}

function restoreAll(restore: (text: string) => string, answers: readonly string[]): () => void {
  return () => {
    for (let index = 0; index < answers.length; index++) do_not_optimize(restore(answers[index]));
  };
}

function streamAll(vault: Vault, answers: readonly string[], size: number): () => void {
  const chunked = answers.map((answer) => chunksOf(answer, size));
  return () => {
    for (let index = 0; index < chunked.length; index++) {
      const stream = vault.restoreStream();
      const chunks = chunked[index];
      for (let k = 0; k < chunks.length; k++) do_not_optimize(stream.push(chunks[k]));
      do_not_optimize(stream.end());
    }
  };
}

/** Runs the restore measurements; returns one row per ratio. */
export async function restoreBench(options: { quick: boolean }): Promise<RestoreRow[]> {
  const quick = options.quick;
  const dense = denseChat({ count: quick ? 150 : 300 }).map((message) => message.text);
  const clean = cleanChat({ count: quick ? 250 : 500 });
  const vault = createVault({ seed: 'restore benchmark seed, fixed' });
  const tokenizer = createTokenizer(vault, { detectors: defaultDetectors() });
  const answers = dense.map((text) => tokenizer.redact(text).text);
  const surrogateVault = createVault({ seed: 'restore benchmark seed, fixed' });
  const surrogates = createTokenizer(surrogateVault, { detectors: defaultDetectors(), operator: surrogate(surrogateVault) });
  const surrogateAnswers = dense.map((text) => surrogates.redact(text).text);
  const chars = (list: readonly string[]) => list.reduce((sum, text) => sum + text.length, 0);
  const mbps = (list: readonly string[], ns: number) => ((chars(list) / ns) * 1e3).toFixed(0);

  // Correctness spot checks outside the timing.
  let mismatches = 0;
  for (const answer of [...answers, ...clean]) {
    for (const size of [1, 4, 32]) {
      const stream = vault.restoreStream();
      let out = '';
      for (const chunk of chunksOf(answer, size)) out += stream.push(chunk);
      if (out + stream.end() !== vault.restore(answer)) mismatches++;
    }
  }
  const lost = dense.filter((text, index) => vault.restore(answers[index]) !== text).length + dense.filter((text, index) => surrogateVault.restore(surrogateAnswers[index]) !== text).length;

  const regex = regexRestorer(vault);
  const restore = (text: string) => vault.restore(text);
  const oneShotTokens = await median(restoreAll(restore, answers), quick);
  const regexTokens = await median(restoreAll(regex, answers), quick);
  const oneShotClean = await median(restoreAll(restore, clean), quick);
  const regexClean = await median(restoreAll(regex, clean), quick);
  const oneShotSurrogates = await median(restoreAll((text) => surrogateVault.restore(text), surrogateAnswers), quick);
  const rows: RestoreRow[] = [
    { name: 'restore tokens / regex baseline', ratio: regexTokens / oneShotTokens, note: `${mbps(answers, oneShotTokens)} vs ${mbps(answers, regexTokens)} MB/s, ${answers.length} tokenized answers; ${lost} round-trip failures` },
    { name: 'restore clean chat / regex baseline', ratio: regexClean / oneShotClean, note: `${mbps(clean, oneShotClean)} vs ${mbps(clean, regexClean)} MB/s, ${clean.length} messages without tokens` },
    { name: 'restore surrogates / restore tokens', ratio: oneShotTokens / chars(answers) / (oneShotSurrogates / chars(surrogateAnswers)), note: `${mbps(surrogateAnswers, oneShotSurrogates)} MB/s on surrogate answers (${surrogateVault.size} surrogates in the trie)` },
  ];
  for (const size of [32, 4, 1]) {
    const streamed = await median(streamAll(vault, answers, size), quick);
    rows.push({ name: `restore stream ${size}-char chunks / one-shot`, ratio: oneShotTokens / streamed, note: `${mbps(answers, streamed)} MB/s; ${mismatches} stream/one-shot mismatches over 1-, 4-, 32-char chunkings` });
  }
  return rows;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await restoreBench({ quick: process.argv.includes('--quick') });
  for (const row of rows) console.log(`${row.name.padEnd(42)} ${row.ratio.toFixed(2).padStart(6)}×  ${row.note}`);
}
