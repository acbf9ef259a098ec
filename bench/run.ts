/**
 * piiveil benchmarks: throughput against a baseline and npm peers, streaming cost and latency,
 * and growth on adversarial inputs, in ONE run on the same seeded corpora (bench/fixtures.ts).
 *
 *   npm run bench         full run (a few minutes on a 2-core machine)
 *   npm run bench:quick   CI run (well under 2 minutes): exits 1 when a target below fails
 *
 * Flags: --quick; --stream-growth=1e5,1e6 (sizes of the 1-char-chunk growth pair; default
 * 1e6,1e7 as issue 3 states in the full run, 1e5,1e6 in --quick to stay well under 2 minutes:
 * the ratio is 10 either way).
 *
 * What is measured (message by message: one call per chat message, as a logging hook or an LLM
 * gateway does):
 * - Throughput (MB/s of UTF-16 code units; the synchronous tools that run on the whole
 *   corpus: median of samples taken in turns, collections included, see `interleaved`; the
 *   slow peers: mitata, median of samples, GC outside samples) of
 *   piiveil with `defaultDetectors()` as it is at run time and with its structured-only subset
 *   (EMAIL, PHONE, CREDIT_CARD, US_SSN, IP_ADDRESS, IBAN), the trivial single-pass baseline
 *   `text.replace(/[0-9@]/g, '#')`, redact-pii 3.4.0 (`SyncRedactor`), @redactpii/node 1.0.17,
 *   @arcjet/redact 1.12.0 (async: each message awaited) and openredaction 1.1.5 (async). Slow
 *   peers run on the first messages of the same corpus (the row says how many); throughput is
 *   per code unit, so rows compare. Also, outside the timing: share of clean messages a tool
 *   alters and share of planted values it removes from the dense corpus.
 * - Cold start (bench/cold-start.ts): a fresh process imports the tool, builds a redactor and
 *   redacts one message; piiveil's default set against @redactpii/node, medians of processes
 *   run in turns. Information only: no issue states a target.
 * - Streaming: `redactor.stream()` per message fed in 4- and 32-char chunks, as a ratio to
 *   one-shot `redact` on the same corpus (the three sampled in turns); code units held
 *   (`stream.pending`) after each push.
 * - Growth: time at 1 MB / time at 100 kB for every adversarial input, one-shot; and the same
 *   ratio for a 10× size pair fed in 1-char chunks. Minimum over samples (noise from other
 *   processes only ever adds time, so the minimum is closest to the cost of the algorithm); both
 *   sizes get the same number of samples, each over the same amount of text (the small input is
 *   run 10 times per sample). A pair over 12× is measured again, up to 3 attempts, and the best
 *   kept (the growth table shows the attempt count in parentheses): load from other jobs pushes
 *   linear inputs to 15–20× on a shared machine, while a super-linear path shows ~100×.
 *
 * Targets (issue 2, 3, 5) and what --quick enforces. The full run compares with the issues'
 * targets. --quick is CI's regression gate: throughput on a shared, noisy machine varies between
 * runs, so it fails a throughput ratio only below a floor set well under what the code measures
 * today (2026-11-23, fast tools timed in turns without forced GC, 17-detector default set:
 * default 0.86–1.04× and structured 2.3–3.0× @redactpii/node, streams 0.10–0.16× one-shot); a drop
 * below a floor is a regression of about 2× or more. Some issue targets are missed today
 * (default set vs @redactpii/node, streaming ratios): the full run and the summary table say so.
 * Growth and latency are properties of the algorithms and are enforced as stated:
 *
 *   target                                              full    --quick fails below/above
 *   structured set vs @redactpii/node, clean chat        ≥ 2×    < 1.2×
 *   default set vs @redactpii/node, clean chat           ≥ 1.5×  < 0.4×
 *   structured set vs @arcjet/redact, clean              ≥ 100×  < 80×
 *   default set vs @arcjet/redact, clean                 ≥ 100×  < 30×
 *   stream 32-char chunks / one-shot, clean chat         ≥ 0.5   < 0.06
 *   stream 4-char chunks / one-shot, clean chat          ≥ 0.25  < 0.05
 *   held after each 4-char push, clean chat: mean / p99  ≤ 12 / ≤ 40 (same)
 *   one-shot growth 100 kB → 1 MB, every input          ≤ 12×   (same)
 *   1-char-chunk stream growth over a 10× size pair      ≤ 12×   (same)
 */
import { execSync } from 'node:child_process';
import os from 'node:os';
import v8 from 'node:v8';
import vm from 'node:vm';
import { do_not_optimize, measure } from 'mitata';
import { createRedactor, defaultDetectors, type Detector, type Redactor } from '../src/index.js';
import { coldStart } from './cold-start.js';
import { interleaved } from './in-turns.js';
import { complexityCheck } from './complexity.js';
import { ADVERSARIAL, chunksOf, cleanChat, denseChat, type DenseMessage } from './fixtures.js';

// mitata runs `gc()` before each sample when it exists, and otherwise allocates a 1 GB array
// to force one: expose the real one.
v8.setFlagsFromString('--expose-gc');
const gc: () => void = (globalThis as { gc?: () => void }).gc ?? vm.runInNewContext('gc');

const args = process.argv.slice(2);
const QUICK = args.includes('--quick');
const streamGrowthArg = args.find((arg) => arg.startsWith('--stream-growth='));
const STREAM_GROWTH = streamGrowthArg ? streamGrowthArg.slice('--stream-growth='.length).split(',').map(Number) : QUICK ? [1e5, 1e6] : [1e6, 1e7];
const ONE_SHOT_GROWTH = [1e5, 1e6];

const SETTINGS = QUICK
  ? { clean: 300, dense: 150, slowMessages: 25, cpuTime: 150e6, slowSamples: 3, growthSamples: 5, streamSamples: 2, coldRuns: 5 }
  : { clean: 500, dense: 300, slowMessages: 60, cpuTime: 600e6, slowSamples: 6, growthSamples: 9, streamSamples: 2, coldRuns: 9 };

// ---------------------------------------------------------------------------------------------
// Tools

interface Tool {
  readonly name: string;
  /** What the tool runs with (detector set, options). */
  readonly config: string;
  readonly redact: (text: string) => string | Promise<string>;
  readonly async: boolean;
  /** Runs on the first `slowMessages` messages only. */
  readonly slow: boolean;
}

const STRUCTURED_TYPES = new Set(['EMAIL', 'PHONE', 'CREDIT_CARD', 'US_SSN', 'IP_ADDRESS', 'IBAN']);
const names = (detectors: readonly Detector[]): string => detectors.map((detector) => detector.name).join(',');

const defaults = defaultDetectors();
const structured = defaults.filter((detector) => STRUCTURED_TYPES.has(detector.type));
// Issue 5 asks for throughput "with HEALTH and STREET_ADDRESS on" next to the structured set:
// this set is exactly that, so their cost shows apart from the default set's other additions.
const withHealthAddress = defaults.filter((detector) => STRUCTURED_TYPES.has(detector.type) || detector.type === 'HEALTH' || detector.type === 'STREET_ADDRESS');
const defaultRedactor = createRedactor();
const structuredRedactor = createRedactor({ detectors: structured });
const healthAddressRedactor = createRedactor({ detectors: withHealthAddress });
const DEFAULT_LABEL = `default[${names(defaults)}]`;
const STRUCTURED_LABEL = `structured[${names(structured)}]`;
const HEALTH_ADDRESS_LABEL = 'structured+health+street-address';

const BASELINE = 'baseline';
const REDACTPII_NODE = '@redactpii/node';
const ARCJET = '@arcjet/redact';

async function loadTools(): Promise<Tool[]> {
  const tools: Tool[] = [
    { name: 'piiveil', config: DEFAULT_LABEL, redact: (text) => defaultRedactor.redact(text).text, async: false, slow: false },
    { name: 'piiveil', config: STRUCTURED_LABEL, redact: (text) => structuredRedactor.redact(text).text, async: false, slow: false },
    { name: 'piiveil', config: HEALTH_ADDRESS_LABEL, redact: (text) => healthAddressRedactor.redact(text).text, async: false, slow: false },
    { name: BASELINE, config: "text.replace(/[0-9@]/g, '#')", redact: (text) => text.replace(/[0-9@]/g, '#'), async: false, slow: false },
  ];
  const peers: [string, string, () => Promise<Omit<Tool, 'name' | 'config'>>][] = [
    [
      REDACTPII_NODE,
      '1.0.17 new Redactor()',
      async () => {
        const { Redactor } = await import('@redactpii/node');
        const redactor = new Redactor();
        return { redact: (text) => redactor.redact(text), async: false, slow: false };
      },
    ],
    [
      ARCJET,
      '1.12.0 await redact(text)',
      async () => {
        const { redact } = await import('@arcjet/redact');
        return { redact: async (text) => (await redact(text))[0], async: true, slow: true };
      },
    ],
  ];
  if (!QUICK) {
    peers.push(
      [
        'redact-pii',
        '3.4.0 new SyncRedactor()',
        async () => {
          const { SyncRedactor } = await import('redact-pii');
          const redactor = new SyncRedactor();
          return { redact: (text) => redactor.redact(text), async: false, slow: true };
        },
      ],
      [
        'openredaction',
        '1.1.5 await new OpenRedaction().detect(text)',
        async () => {
          const { OpenRedaction } = await import('openredaction');
          const redactor = new OpenRedaction();
          return { redact: async (text) => (await redactor.detect(text)).redacted, async: true, slow: true };
        },
      ],
    );
  }
  for (const [name, config, load] of peers) {
    try {
      tools.push({ name, config, ...(await load()) });
    } catch (error) {
      console.log(`! ${name} unavailable (${(error as Error).message.split('\n')[0]}): its ratios are skipped`);
    }
  }
  return tools;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Throughput {
  readonly tool: Tool;
  readonly corpus: string;
  readonly messages: number;
  readonly chars: number;
  /** Median time of one pass over the messages, ns. */
  readonly median: number;
  readonly mbPerSecond: number;
  /** Clean corpus: share of messages changed. Dense corpus: share of planted values removed. */
  readonly accuracy: number;
}

/** Runs `fn` a few times first so every tool is measured after its JIT warm-up. */
async function warm(fn: () => unknown, budgetMs: number, maxCalls: number): Promise<void> {
  const stop = performance.now() + budgetMs;
  for (let calls = 0; calls < maxCalls && performance.now() < stop; calls++) await fn();
}

/**
 * Throughput of the fast tools (synchronous, run on the whole corpus) on one corpus, measured
 * in turns by `interleaved`: their ratios to each other are the ones the targets judge.
 */
function fastThroughputs(tools: readonly Tool[], corpus: string, messages: readonly string[], accuracies: readonly number[]): Throughput[] {
  const chars = messages.reduce((sum, message) => sum + message.length, 0);
  const calls = tools.map((tool) => {
    const redact = tool.redact;
    return () => {
      for (let index = 0; index < messages.length; index++) do_not_optimize(redact(messages[index]));
    };
  });
  const medians = interleaved(calls, SETTINGS.cpuTime * tools.length, 12);
  return tools.map((tool, k) => ({ tool, corpus, messages: messages.length, chars, median: medians[k], mbPerSecond: (chars / medians[k]) * 1e3, accuracy: accuracies[k] }));
}

async function throughput(tool: Tool, corpus: string, messages: readonly string[], accuracy: number): Promise<Throughput> {
  const subset = tool.slow ? messages.slice(0, SETTINGS.slowMessages) : messages;
  const chars = subset.reduce((sum, message) => sum + message.length, 0);
  const redact = tool.redact;
  const fn = tool.async
    ? async () => {
        for (let index = 0; index < subset.length; index++) do_not_optimize(await redact(subset[index]));
      }
    : () => {
        for (let index = 0; index < subset.length; index++) do_not_optimize(redact(subset[index]));
      };
  await warm(fn, tool.slow ? 300 : 200, tool.slow ? 2 : 50);
  const stats = await measure(fn, {
    gc,
    inner_gc: true,
    min_samples: tool.slow ? SETTINGS.slowSamples : 12,
    max_samples: tool.slow ? SETTINGS.slowSamples : 10_000,
    min_cpu_time: tool.slow ? 0 : SETTINGS.cpuTime,
  } as Parameters<typeof measure>[1]);
  const median = stats.p50;
  return { tool, corpus, messages: subset.length, chars, median, mbPerSecond: chars / median * 1e3, accuracy };
}

async function accuracyOn(tool: Tool, clean: readonly string[], dense: readonly DenseMessage[]): Promise<{ cleanAltered: number; denseRemoved: number }> {
  const cleanSet = tool.slow ? clean.slice(0, SETTINGS.slowMessages) : clean;
  const denseSet = tool.slow ? dense.slice(0, SETTINGS.slowMessages) : dense;
  let altered = 0;
  for (const message of cleanSet) if ((await tool.redact(message)) !== message) altered++;
  let planted = 0;
  let removed = 0;
  for (const message of denseSet) {
    const output = await tool.redact(message.text);
    for (const plant of message.plants) {
      planted++;
      if (!output.includes(plant.value)) removed++;
    }
  }
  return { cleanAltered: altered / cleanSet.length, denseRemoved: removed / planted };
}

/** One pass that streams each message in `size`-char chunks through a fresh stream. */
function streamEach(redactor: Redactor, messages: readonly string[], size: number): () => void {
  const chunked = messages.map((message) => chunksOf(message, size));
  return () => {
    for (let index = 0; index < chunked.length; index++) {
      const stream = redactor.stream();
      const chunks = chunked[index];
      for (let k = 0; k < chunks.length; k++) do_not_optimize(stream.push(chunks[k]));
      do_not_optimize(stream.end());
    }
  };
}

/** Equivalence spot check: streamed output equals one-shot output for every message. */
function streamMismatches(redactor: Redactor, messages: readonly string[], size: number): number {
  let mismatches = 0;
  for (const message of messages) {
    const stream = redactor.stream();
    let output = '';
    for (const chunk of chunksOf(message, size)) output += stream.push(chunk);
    output += stream.end();
    if (output !== redactor.redact(message).text) mismatches++;
  }
  return mismatches;
}

function heldAfterEachPush(redactor: Redactor, messages: readonly string[], size: number): { mean: number; p99: number; max: number } {
  const held: number[] = [];
  for (const message of messages) {
    const stream = redactor.stream();
    for (const chunk of chunksOf(message, size)) {
      stream.push(chunk);
      held.push(stream.pending);
    }
    stream.end();
  }
  held.sort((a, b) => a - b);
  const mean = held.reduce((sum, value) => sum + value, 0) / held.length;
  return { mean, p99: held[Math.floor(0.99 * (held.length - 1))], max: held[held.length - 1] };
}

/**
 * Growth timing: the minimum over `samples` samples of the time of one call, where each sample
 * makes `repeat` calls. The small input of a pair is repeated (size ratio) times per sample so
 * that both sizes get the same number of samples over the same amount of text: a minimum over
 * many short samples would be luckier than one over a few long ones and bias the ratio.
 */
function minTime(call: () => unknown, repeat: number, samples: number): number {
  call(); // warm-up (the JIT is already warm from the throughput section)
  let best = Infinity;
  for (let sample = 0; sample < samples; sample++) {
    gc();
    const start = performance.now();
    for (let k = 0; k < repeat; k++) do_not_optimize(call());
    best = Math.min(best, (performance.now() - start) * 1e6 / repeat);
  }
  return best;
}

const oneShot = (redactor: Redactor, text: string) => () => redactor.redact(text);

/**
 * Streams `text` one code unit per push. Chunks are cut as they are pushed (10 M pre-cut
 * one-character strings would take hundreds of MB); the cut costs the same per character at
 * every size, so it does not move the ratio.
 */
const oneCharStream = (redactor: Redactor, text: string) => () => {
  const stream = redactor.stream();
  for (let index = 0; index < text.length; index++) do_not_optimize(stream.push(text.charAt(index)));
  return stream.end();
};

// ---------------------------------------------------------------------------------------------
// Reporting

interface Target {
  readonly name: string;
  readonly value: number;
  readonly target: number;
  /** --quick limit. */
  readonly quick: number;
  readonly higherIsBetter: boolean;
  readonly unit: string;
}

const targets: Target[] = [];

function expect(name: string, value: number, target: number, quick: number, higherIsBetter: boolean, unit = '×'): void {
  targets.push({ name, value, target, quick, higherIsBetter, unit });
}

const passes = (value: number, limit: number, higherIsBetter: boolean): boolean => (higherIsBetter ? value >= limit : value <= limit);

function table(headers: readonly string[], rows: readonly (readonly string[])[]): void {
  const widths = headers.map((header, column) => Math.max(header.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => (column === 0 || column === 1 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  console.log(line(headers));
  console.log(widths.map((width) => '-'.repeat(width)).join('  '));
  for (const row of rows) console.log(line(row));
}

const fmt = (value: number, digits = 2): string => {
  if (!Number.isFinite(value)) return '-';
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(digits);
};
const ratio = (value: number): string => (Number.isFinite(value) ? (value >= 0.01 ? `${fmt(value)}×` : `${value.toExponential(1)}×`) : '-');
const percent = (value: number): string => `${(value * 100).toFixed(1)}%`;
const ms = (ns: number): string => `${fmt(ns / 1e6, 3)} ms`;
const size = (units: number): string => (units >= 1e6 ? `${units / 1e6} MB` : `${units / 1e3} kB`);

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = performance.now();
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  } catch {
    // not a git checkout
  }
  console.log(`piiveil bench${QUICK ? ' --quick' : ''} · ${new Date().toISOString()} · commit ${commit}`);
  console.log(`node ${process.version} · ${os.cpus()[0]?.model ?? 'cpu'} · ${os.cpus().length} cores · fast tools and streams: medians of samples taken in turns, GC included; slow peers: mitata`);
  console.log(`piiveil detector sets: ${DEFAULT_LABEL}, ${STRUCTURED_LABEL} and ${HEALTH_ADDRESS_LABEL} (the structured set with health and street-address)`);

  const clean = cleanChat({ count: SETTINGS.clean });
  const dense = denseChat({ count: SETTINGS.dense });
  const denseTexts = dense.map((message) => message.text);
  const tools = await loadTools();
  const corpora: [string, readonly string[]][] = QUICK ? [['clean', clean]] : [['clean', clean], ['dense', denseTexts]];
  const cleanChars = clean.reduce((sum, message) => sum + message.length, 0);
  const denseChars = denseTexts.reduce((sum, message) => sum + message.length, 0);
  console.log(`corpora: clean ${clean.length} messages (${cleanChars} chars)` + (QUICK ? '' : `, dense ${dense.length} messages (${denseChars} chars, ${dense.reduce((sum, message) => sum + message.plants.length, 0)} planted values)`));

  // Throughput ----------------------------------------------------------------------------------
  const accuracies = new Map<Tool, { cleanAltered: number; denseRemoved: number }>();
  for (const tool of tools) accuracies.set(tool, await accuracyOn(tool, clean, dense));
  const accuracyFor = (tool: Tool, corpus: string): number => (corpus === 'clean' ? accuracies.get(tool)!.cleanAltered : accuracies.get(tool)!.denseRemoved);
  const fast = tools.filter((tool) => !tool.async && !tool.slow);
  const results: Throughput[] = [];
  for (const [corpus, messages] of corpora) {
    results.push(...fastThroughputs(fast, corpus, messages, fast.map((tool) => accuracyFor(tool, corpus))));
    for (const tool of tools) if (!fast.includes(tool)) results.push(await throughput(tool, corpus, messages, accuracyFor(tool, corpus)));
  }
  const find = (name: string, config: string | undefined, corpus: string) =>
    results.find((result) => result.tool.name === name && (config === undefined || result.tool.config === config) && result.corpus === corpus);
  for (const [corpus] of corpora) {
    console.log(`\nThroughput, ${corpus} chat, message by message`);
    const baseline = find(BASELINE, undefined, corpus);
    const redactpii = find(REDACTPII_NODE, undefined, corpus);
    const arcjet = find(ARCJET, undefined, corpus);
    const structuredResult = find('piiveil', STRUCTURED_LABEL, corpus);
    table(
      ['tool', 'config', 'msgs', 'median/pass', 'MB/s', 'k msg/s', '×baseline', '×structured', `×${REDACTPII_NODE}`, `×${ARCJET}`, corpus === 'clean' ? 'msgs altered' : 'plants removed'],
      results
        .filter((result) => result.corpus === corpus)
        .map((result) => [
          result.tool.name,
          result.tool.config,
          String(result.messages),
          ms(result.median),
          fmt(result.mbPerSecond),
          fmt(result.messages / result.median * 1e6),
          ratio(result.mbPerSecond / (baseline?.mbPerSecond ?? NaN)),
          ratio(result.mbPerSecond / (structuredResult?.mbPerSecond ?? NaN)),
          ratio(result.mbPerSecond / (redactpii?.mbPerSecond ?? NaN)),
          ratio(result.mbPerSecond / (arcjet?.mbPerSecond ?? NaN)),
          percent(result.accuracy),
        ]),
    );
  }
  const cleanDefault = find('piiveil', DEFAULT_LABEL, 'clean')!;
  const cleanStructured = find('piiveil', STRUCTURED_LABEL, 'clean')!;
  const cleanRedactpii = find(REDACTPII_NODE, undefined, 'clean');
  const cleanArcjet = find(ARCJET, undefined, 'clean');
  if (cleanRedactpii) {
    expect(`clean: ${STRUCTURED_LABEL} vs ${REDACTPII_NODE} (issue 2)`, cleanStructured.mbPerSecond / cleanRedactpii.mbPerSecond, 2, 1.2, true);
    expect(`clean: ${DEFAULT_LABEL} vs ${REDACTPII_NODE} (issue 5)`, cleanDefault.mbPerSecond / cleanRedactpii.mbPerSecond, 1.5, 0.4, true);
  }
  if (cleanArcjet) {
    expect(`clean: ${STRUCTURED_LABEL} vs ${ARCJET} (issue 2)`, cleanStructured.mbPerSecond / cleanArcjet.mbPerSecond, 100, 80, true);
    expect(`clean: ${DEFAULT_LABEL} vs ${ARCJET} (issue 2)`, cleanDefault.mbPerSecond / cleanArcjet.mbPerSecond, 100, 30, true);
  }

  // Cold start ----------------------------------------------------------------------------------
  console.log(`\nCold start: a fresh process imports the tool, builds a redactor and redacts one message (medians of ${SETTINGS.coldRuns} processes each, in turns)`);
  const cold = coldStart('.bench', SETTINGS.coldRuns);
  const coldRedactpii = cold.find((row) => row.tool === REDACTPII_NODE);
  table(
    ['tool', 'import', 'redactor + first message', 'total', `×${REDACTPII_NODE}`],
    cold.map((row) => [row.tool, ms(row.load * 1e6), ms(row.first * 1e6), ms(row.total * 1e6), ratio((coldRedactpii?.total ?? NaN) / row.total)]),
  );

  // Streaming -----------------------------------------------------------------------------------
  console.log(`\nStreaming, ${DEFAULT_LABEL}, one stream per message, ratio to one-shot redact of the same corpus`);
  const streamRows: string[][] = [];
  for (const [corpus, messages] of corpora) {
    const chars = messages.reduce((sum, message) => sum + message.length, 0);
    // One-shot and both chunk sizes in turns, so that each ratio compares the same moments.
    const [oneShotMedian, ...streamMedians] = interleaved(
      [
        () => {
          for (let index = 0; index < messages.length; index++) do_not_optimize(defaultRedactor.redact(messages[index]));
        },
        streamEach(defaultRedactor, messages, 4),
        streamEach(defaultRedactor, messages, 32),
      ],
      SETTINGS.cpuTime * 3,
      12,
    );
    for (const [k, chunkSize] of [4, 32].entries()) {
      const median = streamMedians[k];
      const streamRatio = oneShotMedian / median;
      const mismatches = streamMismatches(defaultRedactor, messages, chunkSize);
      streamRows.push([`${chunkSize}-char chunks`, corpus, ms(median), fmt(chars / median * 1e3), ratio(streamRatio), String(mismatches)]);
      if (corpus === 'clean') expect(`clean: stream ${chunkSize}-char chunks / one-shot (issue 3)`, streamRatio, chunkSize === 4 ? 0.25 : 0.5, chunkSize === 4 ? 0.05 : 0.06, true);
      else expect(`dense: stream ${chunkSize}-char chunks / one-shot (issue 3)`, streamRatio, chunkSize === 4 ? 0.25 : 0.5, 0, true);
    }
  }
  // The same corpus as one long stream (an LLM answer, a log stream): one-shot of the joined
  // text against one stream over it. Information only; the targets are judged per message.
  const joined = clean.join('\n');
  const [joinedOneShot, ...joinedMedians] = interleaved([oneShot(defaultRedactor, joined), streamEach(defaultRedactor, [joined], 4), streamEach(defaultRedactor, [joined], 32)], SETTINGS.cpuTime * 3, 12);
  for (const [k, chunkSize] of [4, 32].entries()) {
    const median = joinedMedians[k];
    streamRows.push([`${chunkSize}-char chunks`, 'clean, one stream', ms(median), fmt(joined.length / median * 1e3), ratio(joinedOneShot / median), String(streamMismatches(defaultRedactor, [joined], chunkSize))]);
  }
  table(['mode', 'corpus', 'median/pass', 'MB/s', '×one-shot', 'outputs ≠ one-shot'], streamRows);

  const latencyRows: string[][] = [];
  for (const [corpus, messages] of corpora) {
    const held = heldAfterEachPush(defaultRedactor, messages, 4);
    latencyRows.push([corpus, fmt(held.mean), String(held.p99), String(held.max)]);
    if (corpus === 'clean') {
      expect('clean: mean code units held after each 4-char push (issue 3)', held.mean, 12, 12, false, ' chars');
      expect('clean: p99 code units held after each 4-char push (issue 3)', held.p99, 40, 40, false, ' chars');
    }
  }
  console.log(`\nLatency: code units held (stream.pending) after each 4-char push, ${DEFAULT_LABEL}`);
  table(['corpus', 'mean', 'p99', 'max'], latencyRows);

  // Growth --------------------------------------------------------------------------------------
  console.log(`\nGrowth, ${DEFAULT_LABEL}: one-shot ${size(ONE_SHOT_GROWTH[0])} → ${size(ONE_SHOT_GROWTH[1])}; 1-char chunks ${size(STREAM_GROWTH[0])} → ${size(STREAM_GROWTH[1])} (minimum over samples)`);
  const growthRows: string[][] = [];
  for (const input of ADVERSARIAL) {
    const name = input.name;
    const build = (units: number) => input.build(units, 0xbad);
    // Load from other processes can push a linear input past 12×; a super-linear one shows about
    // 100× at a 10× size step. So a pair over the limit is measured again (up to 3 attempts) and
    // the best attempt kept: a linear input passes at least once, a super-linear one never does.
    const measurePair = (run: (text: string) => () => unknown, sizes: readonly number[], samples: number, abortAbove: number) => {
      const repeat = Math.round(sizes[1] / sizes[0]);
      const smallRun = run(build(sizes[0]));
      const largeText = build(sizes[1]);
      const largeRun = run(largeText);
      let best = { small: Infinity, large: Infinity, attempts: 0 };
      for (let attempt = 1; attempt <= 3; attempt++) {
        const small = minTime(smallRun, repeat, samples);
        // A super-linear detector would take minutes at the larger size: stop at a clear failure.
        const large = small > abortAbove ? Infinity : minTime(largeRun, 1, samples);
        if (attempt === 1 || large / small < best.large / best.small) best = { small, large, attempts: 0 };
        best.attempts = attempt;
        if (large / small <= 12 || !Number.isFinite(large)) break;
      }
      return { ...best, length: largeText.length };
    };
    const one = measurePair((text) => oneShot(defaultRedactor, text), ONE_SHOT_GROWTH, SETTINGS.growthSamples, 1e9);
    const char = measurePair((text) => oneCharStream(defaultRedactor, text), STREAM_GROWTH, SETTINGS.streamSamples, 5e9);
    const [oneShotSmall, oneShotLarge, oneCharSmall, oneCharLarge] = [one.small, one.large, char.small, char.large];
    growthRows.push([
      name,
      ms(oneShotSmall),
      ms(oneShotLarge),
      ratio(oneShotLarge / oneShotSmall) + (one.attempts > 1 ? ` (${one.attempts})` : ''),
      fmt(one.length / oneShotLarge * 1e3),
      ms(oneCharSmall),
      ms(oneCharLarge),
      ratio(oneCharLarge / oneCharSmall) + (char.attempts > 1 ? ` (${char.attempts})` : ''),
      fmt(oneCharLarge / char.length, 0),
    ]);
    expect(`growth one-shot ${size(ONE_SHOT_GROWTH[0])}→${size(ONE_SHOT_GROWTH[1])}: ${name} (issue 2)`, oneShotLarge / oneShotSmall, 12, 12, false);
    expect(`growth 1-char stream ${size(STREAM_GROWTH[0])}→${size(STREAM_GROWTH[1])}: ${name} (issue 3)`, oneCharLarge / oneCharSmall, 12, 12, false);
  }
  table(
    ['input', `one-shot ${size(ONE_SHOT_GROWTH[0])}`, `${size(ONE_SHOT_GROWTH[1])}`, 'growth', 'MB/s', `1-char ${size(STREAM_GROWTH[0])}`, `${size(STREAM_GROWTH[1])}`, 'growth', 'ns/char'],
    growthRows,
  );

  // Per-detector complexity (bench/complexity.ts): every built-in detector alone on every
  // adversarial family, one-shot and in 16-char chunks; the worst ratio is the target.
  const complexity = complexityCheck({ gc, sizes: QUICK ? [2e3, 2e4] : [1e4, 1e5] });
  const worst = complexity.rows.reduce((a, b) => (b.ratio > a.ratio ? b : a));
  console.log(`\nComplexity per detector: ${complexity.rows.length} pairs (${complexity.rows.length / 2} detector × input), worst ${fmt(worst.ratio)}× (${worst.detector}, ${worst.input}, ${worst.mode})`);
  for (const row of complexity.failures) console.log(`  over 20×: ${row.detector} ${row.input} ${row.mode} ${fmt(row.ratio)}×`);
  expect('growth per detector, worst of every detector × adversarial input (issue 7)', worst.ratio, 20, 20, false);

  // Summary -------------------------------------------------------------------------------------
  console.log(`\nTargets${QUICK ? ' (--quick limits: regression floors for throughput ratios, see bench/run.ts; as stated for growth and latency)' : ''}`);
  let failed = 0;
  const summary = targets.map((target) => {
    const limit = QUICK ? target.quick : target.target;
    const ok = passes(target.value, limit, target.higherIsBetter);
    if (!ok) failed++;
    const sign = target.higherIsBetter ? '≥' : '≤';
    const by = ok ? '' : target.higherIsBetter ? `${fmt(limit / target.value)}× short` : `${fmt(target.value / limit)}× over`;
    return [ok ? 'PASS' : 'FAIL', target.name, `${fmt(target.value)}${target.unit}`, `${sign} ${limit}${target.unit}`, by];
  });
  table(['', 'target', 'measured', 'limit', 'miss'], summary);
  console.log(`\n${targets.length - failed}/${targets.length} targets met · ${((performance.now() - started) / 1000).toFixed(1)} s`);
  if (QUICK && failed > 0) process.exitCode = 1;
}

await main();
