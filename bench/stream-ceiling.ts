/**
 * How fast could a stream be if detectors' `pending` cost nothing? An experiment behind the
 * README's "Why streams stay far from their targets", not a target of its own.
 *
 *   npm run bench:ceiling       (under a minute)
 *
 * Each message of the clean chat corpus goes through a fresh `redactor.stream()` in 4- and
 * 32-char chunks, three ways, timed in turns (medians, as bench/run.ts times the fast tools):
 * - real: the default detectors, each called through a wrapper that passes `find` and `pending`
 *   on (the wrapper costs about what the next row's replay does);
 * - free `pending`: every detector's `pending` replays the answers it gave on the same pushes in
 *   a recording pass, so the stream releases exactly the same text at the same pushes and every
 *   `find` still runs, but `pending` costs one array read. (health and street-address lose the
 *   `find` memo their `pending` fills, so their `find` does its full work: this slightly
 *   overstates the cost of that row.)
 * - one-shot `redact` of each message, the reference of issue 3's ratios.
 *
 * Measured on 2026-11-22 (two runs, Node 20, esbuild bundle, 2-core shared machine): free
 * `pending` takes 4-char chunks from 0.13 to 0.24–0.26 of one-shot and 32-char chunks from 0.18
 * to 0.33–0.34. A `pending` that costs nothing would just about meet the 4-char target (0.25)
 * and leave the 32-char one (0.5) out of reach: the `find` calls of each check plus the engine's
 * own work already cost about three times a one-shot redaction of the message.
 */
import { createRedactor, defaultDetectors, type Detector, type Redactor } from '../src/index.js';
import { chunksOf, cleanChat } from './fixtures.js';

const MESSAGES = 1500;
const ROUNDS = 25;

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
 */
function freePendingRedactor(chunked: readonly string[][]): { redactor: Redactor; reset: () => void } {
  const detectors = defaultDetectors();
  const answers: number[][] = detectors.map(() => []);
  const recording: Detector[] = detectors.map((detector, index) => ({
    ...detector,
    find: (scan, out) => detector.find(scan, out),
    pending: (text, from) => {
      const answer = detector.pending(text, from);
      answers[index].push(answer);
      return answer;
    },
  }));
  streamPass(createRedactor({ detectors: recording }), chunked)();
  const replayed = answers.map((list) => Int32Array.from(list));
  const cursors = new Int32Array(detectors.length);
  const replaying: Detector[] = detectors.map((detector, index) => ({
    ...detector,
    find: (scan, out) => detector.find(scan, out),
    pending: () => replayed[index][cursors[index]++],
  }));
  return { redactor: createRedactor({ detectors: replaying }), reset: () => cursors.fill(0) };
}

/** The default detectors behind wrappers that pass every call on. */
function wrappedRedactor(): Redactor {
  const detectors: Detector[] = defaultDetectors().map((detector) => ({
    ...detector,
    find: (scan, out) => detector.find(scan, out),
    pending: (text, from) => detector.pending(text, from),
  }));
  return createRedactor({ detectors });
}

/** Median ms per pass of each call, sampled in turns with the order rotated every round. */
function inTurns(calls: readonly (() => void)[]): number[] {
  for (const call of calls) for (let k = 0; k < 3; k++) call(); // JIT warm-up
  const samples: number[][] = calls.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (let turn = 0; turn < calls.length; turn++) {
      const index = (round + turn) % calls.length;
      const start = performance.now();
      calls[index]();
      samples[index].push(performance.now() - start);
    }
  }
  return samples.map((list) => list.sort((a, b) => a - b)[list.length >> 1]);
}

const oneShot = createRedactor();
const real = wrappedRedactor();
console.log(`clean chat, ${MESSAGES} messages, default detectors, a fresh stream per message; µs per message (ratio to one-shot)`);
for (const size of [4, 32]) {
  const chunked = messages.map((message) => chunksOf(message, size));
  const free = freePendingRedactor(chunked);
  const [once, streamed, freed] = inTurns([
    () => {
      for (const message of messages) oneShot.redact(message);
    },
    streamPass(real, chunked),
    streamPass(free.redactor, chunked, free.reset),
  ]);
  const us = (ms: number) => ((ms / MESSAGES) * 1e3).toFixed(2);
  console.log(`${String(size).padStart(2)}-char chunks: one-shot ${us(once)} · stream ${us(streamed)} (${(once / streamed).toFixed(2)}) · stream, free pending ${us(freed)} (${(once / freed).toFixed(2)})`);
}
