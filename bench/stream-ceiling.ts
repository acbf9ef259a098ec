/**
 * How fast could a stream be if detectors' `pending` cost nothing, or if detectors cost nothing
 * at all? An experiment behind the README's "Why two targets are missed", not a target of its own.
 *
 *   npm run bench:ceiling       (under a minute)
 *
 * Each message of the clean chat corpus goes through a fresh `redactor.stream()` in 4- and
 * 32-char chunks, timed in turns by `interleaved` (bench/in-turns.ts) as bench/run.ts
 * times its streams:
 * - real: the default detectors as they are;
 * - free `pending`: every detector's `pending` replays the answers it gave on the same pushes in
 *   a recording pass, so the stream releases exactly the same text at the same pushes and every
 *   `find` still runs, but `pending` costs one array read. (health and street-address lose the
 *   `find` memo their `pending` fills, so their `find` does its full work: this slightly
 *   overstates the cost of that row.)
 * - one-shot `redact` of each message, the reference of issue 3's ratios;
 * - the engine alone: the same detectors with a `find` that finds nothing, one-shot and streamed
 *   with the replayed `pending` (clean chat has no findings, so the outputs are the same): what
 *   a stream would cost if detectors cost nothing at all. Its ratio bounds what any detector
 *   work can reach with this engine.
 *
 * Measured on 2026-11-23 at 32c471d (three runs, Node 20, esbuild bundle, 2-core shared
 * machine), ratios to one-shot:
 *
 *   chunks   stream   free pending   engine alone (one-shot 0.48–0.50 µs of 1.70–1.81)
 *   4-char   0.10     0.19–0.20      0.36–0.38
 *   32-char  0.14     0.25–0.27      0.53–0.57
 *
 * A `pending` that costs nothing leaves both targets (0.25, 0.5) missed. The engine alone
 * bounds any detector work: detectors that cost in a stream only what their one-shot `find`
 * costs (about 1.25 µs a message) would give at most about 0.30 at 4-char chunks and 0.38 at
 * 32-char chunks. The 32-char target needs the engine's own cost per check cut as well.
 */
import { createRedactor, defaultDetectors, type Detector, type Redactor } from '../src/index.js';
import { chunksOf, cleanChat } from './fixtures.js';
import { interleaved } from './in-turns.js';

const MESSAGES = 1500;
/** Time budget of each chunk size's measurement, ns (bench/run.ts gives its stream trio 1.8 s). */
const BUDGET = 3e9;

const messages = cleanChat({ count: MESSAGES });

/** One pass that streams each message in its chunks through a fresh stream. */
function streamPass(redactor: Redactor, chunked: readonly string[][], beforePass: () => void = () => {}): () => void {
  return () => {
    beforePass();
    for (const chunks of chunked) {
      const stream = redactor.stream();
      for (const chunk of chunks) stream.push(chunk);
      stream.end();
    }
  };
}

/**
 * A redactor whose detectors' `pending` replays the answers of a recording pass over the same
 * chunks. Valid only for passes identical to the recording one, which is what `reset` is for.
 * Only `pending` is replaced (no detector's `find` reads `this`), so the two stream rows differ
 * by the cost of `pending` alone.
 */
function freePendingRedactor(chunked: readonly string[][], freeFind = false): { redactor: Redactor; reset: () => void } {
  const detectors = defaultDetectors();
  const answers: number[][] = detectors.map(() => []);
  const recording: Detector[] = detectors.map((detector, index) => ({
    ...detector,
    pending: (text, from) => {
      const answer = detector.pending(text, from);
      answers[index].push(answer);
      return answer;
    },
  }));
  const expected = outputs(createRedactor({ detectors: recording }), chunked);
  const replayed = answers.map((list) => Int32Array.from(list));
  const cursors = new Int32Array(detectors.length);
  const replaying: Detector[] = detectors.map((detector, index) => ({
    ...detector,
    pending: () => replayed[index][cursors[index]++],
    ...(freeFind ? { find: () => {} } : {}),
  }));
  const redactor = createRedactor({ detectors: replaying });
  // A replay out of step with the recording would release other text: check that it does not
  // (clean chat has no findings, so a `find` that finds nothing releases the same output too).
  if (outputs(redactor, chunked).some((output, index) => output !== expected[index])) throw new Error('the replayed stream differs from the recorded one');
  cursors.fill(0);
  return { redactor, reset: () => cursors.fill(0) };
}

/** Each message's streamed output. */
function outputs(redactor: Redactor, chunked: readonly string[][]): string[] {
  return chunked.map((chunks) => {
    const stream = redactor.stream();
    let output = '';
    for (const chunk of chunks) output += stream.push(chunk);
    return output + stream.end();
  });
}

const oneShot = createRedactor();
const real = createRedactor();
// The engine alone: the same 17 detectors with a `find` that finds nothing (clean chat has no
// findings, so every output is the same) and, in the streams below, a replayed `pending`.
const engineOnly = createRedactor({ detectors: defaultDetectors().map((detector) => ({ ...detector, find: () => {} })) });
console.log(`clean chat, ${MESSAGES} messages, default detectors, a fresh stream per message; µs per message (ratio to one-shot)`);
for (const size of [4, 32]) {
  const chunked = messages.map((message) => chunksOf(message, size));
  const free = freePendingRedactor(chunked);
  const bare = freePendingRedactor(chunked, true);
  const [once, streamed, freed, onceBare, streamedBare] = interleaved(
    [
      () => {
        for (const message of messages) oneShot.redact(message);
      },
      streamPass(real, chunked),
      streamPass(free.redactor, chunked, free.reset),
      () => {
        for (const message of messages) engineOnly.redact(message);
      },
      streamPass(bare.redactor, chunked, bare.reset),
    ],
    BUDGET,
    12,
  );
  const us = (ns: number) => (ns / MESSAGES / 1e3).toFixed(2);
  const of = (ns: number) => `${us(ns)} (${(once / ns).toFixed(2)})`;
  console.log(`${String(size).padStart(2)}-char chunks: one-shot ${us(once)} · stream ${of(streamed)} · stream, free pending ${of(freed)} · engine alone: one-shot ${us(onceBare)}, stream ${of(streamedBare)}`);
}
