/**
 * How fast could a stream be if detectors' `pending` cost nothing? An experiment behind the
 * README's "Why streams stay far from their targets", not a target of its own.
 *
 *   npm run bench:ceiling       (under a minute)
 *
 * Each message of the clean chat corpus goes through a fresh `redactor.stream()` in 4- and
 * 32-char chunks, three ways, timed in turns by `interleaved` (bench/in-turns.ts) as bench/run.ts
 * times its streams:
 * - real: the default detectors as they are;
 * - free `pending`: every detector's `pending` replays the answers it gave on the same pushes in
 *   a recording pass, so the stream releases exactly the same text at the same pushes and every
 *   `find` still runs, but `pending` costs one array read. (health and street-address lose the
 *   `find` memo their `pending` fills, so their `find` does its full work: this slightly
 *   overstates the cost of that row.)
 * - one-shot `redact` of each message, the reference of issue 3's ratios.
 *
 * Measured on 2026-11-23 (three runs, Node 20, esbuild bundle, 2-core shared machine): free
 * `pending` takes 4-char chunks from 0.12–0.13 to 0.23–0.24 of one-shot and 32-char chunks from
 * 0.17 to 0.31–0.32. A `pending` that costs nothing would at best come near the 4-char target
 * (0.25) and leave the 32-char one (0.5) out of reach: the `find` calls of each check plus the
 * engine's own work already cost about three times a one-shot redaction of the message.
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
function freePendingRedactor(chunked: readonly string[][]): { redactor: Redactor; reset: () => void } {
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
  const replaying: Detector[] = detectors.map((detector, index) => ({ ...detector, pending: () => replayed[index][cursors[index]++] }));
  const redactor = createRedactor({ detectors: replaying });
  // A replay out of step with the recording would release other text: check that it does not.
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
console.log(`clean chat, ${MESSAGES} messages, default detectors, a fresh stream per message; µs per message (ratio to one-shot)`);
for (const size of [4, 32]) {
  const chunked = messages.map((message) => chunksOf(message, size));
  const free = freePendingRedactor(chunked);
  const [once, streamed, freed] = interleaved(
    [
      () => {
        for (const message of messages) oneShot.redact(message);
      },
      streamPass(real, chunked),
      streamPass(free.redactor, chunked, free.reset),
    ],
    BUDGET,
    12,
  );
  const us = (ns: number) => (ns / MESSAGES / 1e3).toFixed(2);
  console.log(`${String(size).padStart(2)}-char chunks: one-shot ${us(once)} · stream ${us(streamed)} (${(once / streamed).toFixed(2)}) · stream, free pending ${us(freed)} (${(once / freed).toFixed(2)})`);
}
