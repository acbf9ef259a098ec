/**
 * Timing in turns, shared by the benches: bench/run.ts (fast tools, streams), bench/cold-start.ts
 * and bench/stream-ceiling.ts.
 */
import { do_not_optimize } from 'mitata';

/**
 * Median time (ns) of one call of each of `calls`, measured in turns: every round takes one
 * sample of each call, in an order rotated from round to round, until every call has
 * `minSamples` samples and the rounds have run `budget` ns in all. Two choices, both measured:
 * - In turns: load from other jobs on a shared machine drifts over seconds. Measured one after
 *   the other (mitata, 0.6 s each), the full default set and @redactpii/node saw different
 *   load, and their ratio moved from 0.72× to 1.12× between runs; in turns every call sees the
 *   same load.
 * - No forced GC: right after a `gc()` (mitata runs one before each sample) every tool runs
 *   slower, and not by the same factor: a pass over 300 clean messages took @redactpii/node
 *   1.04–1.23 ms after a forced GC against 0.56 ms without, and piiveil 0.83–1.16 against 0.70,
 *   which put the default set at 1.06–1.26× @redactpii/node instead of 0.80× (60 rounds in
 *   turns, medians). Collections happen as they would in a server, and count.
 * A sample repeats a call until it lasts about SAMPLE_NS.
 */
export function interleaved(calls: readonly (() => unknown)[], budget: number, minSamples: number): number[] {
  const repeats = calls.map((call) => {
    for (let k = 0; k < 20; k++) do_not_optimize(call()); // JIT warm-up
    const start = performance.now();
    do_not_optimize(call());
    const once = (performance.now() - start) * 1e6;
    return Math.max(1, Math.min(1000, Math.round(SAMPLE_NS / Math.max(once, 1))));
  });
  const samples: number[][] = calls.map(() => []);
  const stop = performance.now() + budget / 1e6;
  for (let round = 0; round < minSamples || performance.now() < stop; round++) {
    for (let turn = 0; turn < calls.length; turn++) {
      const index = (round + turn) % calls.length;
      const call = calls[index];
      const repeat = repeats[index];
      const start = performance.now();
      for (let k = 0; k < repeat; k++) do_not_optimize(call());
      samples[index].push(((performance.now() - start) * 1e6) / repeat);
    }
  }
  return samples.map((list) => median(list));
}

/** Length of one sample of `interleaved`, ns. */
const SAMPLE_NS = 5e6;

/** Median of `values` (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
