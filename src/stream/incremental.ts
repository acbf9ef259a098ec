import { PiiveilError } from '../errors.js';
import { FIRST_NORMALIZABLE } from '../normalize.js';
import type { Pipeline } from '../pipeline.js';
import type { Finding } from '../types.js';

/**
 * Held text from which a stream checks for releasable text even when a chunk has no word
 * boundary. Below it, a chunk made only of ASCII letters and digits cannot release anything a
 * detector holds for a trailing word, so the check is skipped (most 4-char chunks of chat).
 * 256 is comfortably above any word yet small next to the 64 KB chunks of a file stream.
 */
const RELEASE_CHECK_LENGTH = 256;

/**
 * A check costs about the held text (detectors' `pending` walks the undecided tail, the release
 * scans it once), so a stream waits for at least 1/AMORTIZE of the text held after the last
 * check to arrive before checking again. Each code unit then pays for at most AMORTIZE + 1 units
 * of re-reading, whatever the chunk size: a 10 MB digit run fed one character at a time stays
 * linear. 8 keeps clean prose unaffected: a trailing partial word (under 32 code units) is
 * re-checked on every 4-char chunk.
 */
const AMORTIZE = 8;

/**
 * Held code units below which a stream does not check at all. A check has a fixed cost (every
 * detector's `pending`, then every detector's `find` on the held text, a render): about 2 to 3 µs
 * with the default detectors, as much as the one-shot redaction of a whole 108-character chat
 * message (bench clean chat, esbuild bundle, after the speed pass of 2026-11-22).
 */
const MIN_CHECK = 12;

/**
 * Chunks shorter than this (LLM tokens of 3 to 5 characters) check only from MIN_TOKEN_CHECK
 * held code units: their stream pays the fixed cost of a check per few characters, so batching
 * a little more saves the most there. Measured on the bench's clean chat in 4-char chunks,
 * default detectors (issue 3 targets: mean held ≤ 12, 99th percentile ≤ 40):
 *
 *   threshold   checks per message   held after each push: mean / p99
 *   12          8.7                  6.5 / 18
 *   18          5.6                  9.5 / 21
 *   20          5.1                  10.2 / 23
 *
 * 18 cuts the checks by a third and keeps the mean 20% under its target, room for a detector
 * that holds a little more than today's. Larger chunks keep MIN_CHECK: each carries enough
 * text to pay for its check.
 */
const SMALL_CHUNK = 8;
const MIN_TOKEN_CHECK = 18;

/**
 * Anything that turns text arriving in chunks into text leaving in chunks, synchronously:
 * `redactor.stream()`, a restoring stream of a vault, or a caller's own. The stream adapters
 * (`redactIterable`, `piiveil/web`, `piiveil/node`) wrap any of them.
 */
export interface Incremental {
  /** Adds a chunk; returns the output that is now final (possibly ''). */
  push(chunk: string): string;
  /** Ends the input; returns the rest of the output. */
  end(): string;
}

/**
 * A synchronous incremental redactor. For every chunking of a text,
 * `chunks.map(push).join('') + end()` equals the one-shot `redact` of the whole text, and
 * `findings` equals its findings.
 */
export interface RedactionStream extends Incremental {
  /**
   * Adds a chunk; returns the redacted text that is now final (possibly ''). Never ends the
   * returned text between the two halves of a surrogate pair.
   * @throws PiiveilError `STREAM_ENDED` after `end()`; the stream's error after a failure
   * (`DETECTOR_FAILED`, `OPERATOR_FAILED`), again on every later call.
   */
  push(chunk: string): string;
  /** Ends the input; returns the rest. Further calls throw `STREAM_ENDED`. */
  end(): string;
  /** Code units received but not yet released. */
  readonly pending: number;
  /** Findings released so far, with offsets in the whole stream's coordinates. */
  readonly findings: readonly Finding[];
}

/**
 * Builds the streaming engine over a pipeline. Internal: callers get it from
 * `redactor.stream()`.
 *
 * The buffer holds some already-emitted text as context (at most the detectors' largest
 * `lookbehind`) followed by the held text. After a chunk the engine asks every detector how far
 * text is decided (`pending`) and releases everything before the earliest undecided index,
 * moved back to where the outcome of every overlap before it is decided (`releasableCut` in
 * src/resolve.ts), redacted exactly as the one-shot path would: detectors promise that nothing
 * appended later changes a finding that starts before that index, so a cut there is invisible
 * in the output. Releasing later than possible is always exact too, which is what lets the
 * engine skip and space out checks.
 *
 * Fail closed: when a detector or operator throws, the held text is dropped, the call throws a
 * `PiiveilError` (its message names the detector or operator, never the text), and every later
 * call throws the same error.
 *
 * @example
 * const stream = createRedactor().stream()
 * stream.push('mail jane@exa') // 'mail ' (the partial address is held)
 * stream.push('mple.com now')  // '[EMAIL] '
 * stream.end()                 // 'now'
 */
export function createRedactionStream(pipeline: Pipeline): RedactionStream {
  return new IncrementalRedaction(pipeline);
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]);

/**
 * The engine's state as one object with its methods on the prototype: a stream per chat message
 * is common (LLM replies, log lines), so creating one must cost one allocation, not a closure per
 * method (bench clean chat, one stream per message, email detector, under tsx: 32-char chunks
 * went from 0.18× to 0.49× one-shot, 4-char chunks from 0.07× to 0.18×).
 */
class IncrementalRedaction implements RedactionStream {
  private readonly pipeline: Pipeline;
  /** Context (already emitted, at most `lookbehind` code units) followed by the held text. */
  private buffer = '';
  /** Index in `buffer` where held (not yet emitted) text starts. */
  private heldFrom = 0;
  /** Offset of `buffer[0]` in the whole stream. */
  private base = 0;
  /** Held code units right after the last check, and code units received since. */
  private heldAfterCheck = 0;
  private sinceCheck = 0;
  /**
   * Index in `buffer` of the last code unit the normalised view could change (see
   * FIRST_NORMALIZABLE), or -1: chat text is mostly ASCII, and knowing that from each chunk
   * spares the pipeline a regex test of the whole buffer at every check.
   */
  private lastWide = -1;
  private ended = false;
  private failed: PiiveilError | undefined = undefined;
  private released: Finding[] | undefined = undefined;

  constructor(pipeline: Pipeline) {
    this.pipeline = pipeline;
  }

  get pending(): number {
    return this.buffer.length - this.heldFrom;
  }

  get findings(): readonly Finding[] {
    return this.released ?? NO_FINDINGS;
  }

  push(chunk: string): string {
    if (this.failed !== undefined || this.ended) this.refuse();
    if (typeof chunk !== 'string') {
      throw new TypeError(`push: chunk must be a string, got ${chunk === null ? 'null' : typeof chunk}; decode bytes first (TextDecoderStream, string_decoder)`);
    }
    if (chunk.length === 0) return '';
    const wide = lastWideIndex(chunk);
    if (wide >= 0) this.lastWide = this.buffer.length + wide;
    const buffer = this.buffer + chunk;
    this.buffer = buffer;
    this.sinceCheck += chunk.length;
    const held = buffer.length - this.heldFrom;
    // Detectors hold at most the trailing word while it is short, so a chunk without a word
    // boundary cannot release anything new: skip the check (most small chunks of prose).
    if (held < (chunk.length < SMALL_CHUNK ? MIN_TOKEN_CHECK : MIN_CHECK) || (held < RELEASE_CHECK_LENGTH && !hasBoundary(chunk))) return '';
    if (this.sinceCheck * AMORTIZE < this.heldAfterCheck) return '';
    let until: number;
    try {
      until = this.pipeline.pending(buffer, this.heldFrom, this.lastWide < 0);
    } catch (error) {
      return this.fail(error);
    }
    // Never end the output between the halves of a surrogate pair: its low half may be in the
    // next chunk, and a lone half would turn into U+FFFD once encoded.
    if (until > this.heldFrom && isHighSurrogate(buffer.charCodeAt(until - 1))) until--;
    const output = until > this.heldFrom ? this.release(until) : '';
    this.heldAfterCheck = this.buffer.length - this.heldFrom;
    this.sinceCheck = 0;
    return output;
  }

  end(): string {
    if (this.failed !== undefined || this.ended) this.refuse();
    this.ended = true;
    const output = this.buffer.length > this.heldFrom ? this.release(this.buffer.length) : '';
    this.buffer = '';
    this.heldFrom = 0;
    this.lastWide = -1;
    return output;
  }

  /** Emits `buffer[heldFrom, until)` redacted, keeping the context detectors read before `until`. */
  private release(until: number): string {
    const { pipeline, buffer, heldFrom, base } = this;
    const plain = this.lastWide < 0;
    let output: string;
    let found: Finding[];
    let keepFrom: number;
    try {
      found = pipeline.detect(buffer, heldFrom, until, plain);
      // Defence in depth: a detector that broke its `pending` promise would let a finding cross
      // the cut and leak its tail unredacted. Cut before it instead (it is released whole later);
      // each retry moves the cut back, so this ends.
      for (let crossing = crossingStart(found, until); crossing >= 0; crossing = crossingStart(found, until)) {
        until = crossing;
        if (until <= heldFrom) return '';
        found = pipeline.detect(buffer, heldFrom, until, plain);
      }
      // The context this text needs, read before any operator runs: an operator that runs the
      // same redactor again (a logging hook) changes what the pipeline reports for its own text.
      keepFrom = pipeline.contextStart(buffer, until);
      output = found.length === 0 ? buffer.slice(heldFrom, until) : pipeline.render(buffer, found, heldFrom, until, base);
    } catch (error) {
      return this.fail(error);
    }
    if (found.length > 0) {
      const released = (this.released ??= []);
      for (const finding of found) {
        const shifted = { ...finding, start: finding.start + base, end: finding.end + base };
        released.push(pipeline.includeValues ? { ...shifted, value: buffer.slice(finding.start, finding.end) } : shifted);
      }
    }
    if (keepFrom > 0) {
      this.buffer = buffer.slice(keepFrom);
      this.base = base + keepFrom;
      this.lastWide = this.lastWide >= keepFrom ? this.lastWide - keepFrom : -1;
      this.heldFrom = until - keepFrom;
    } else this.heldFrom = until;
    return output;
  }

  /** Drops everything held (none of it may leave unredacted) and throws, now and on every later call. */
  private fail(error: unknown): never {
    this.buffer = '';
    this.heldFrom = 0;
    this.failed = error instanceof PiiveilError ? error : new PiiveilError('DETECTOR_FAILED', 'Redaction failed inside a stream');
    throw this.failed;
  }

  private refuse(): never {
    throw this.failed ?? new PiiveilError('STREAM_ENDED', 'This stream has ended; create a new one with redactor.stream()');
  }
}

/** Start of the first finding that ends after `until`, or -1. */
function crossingStart(found: readonly Finding[], until: number): number {
  for (let index = 0; index < found.length; index++) if (found[index].end > until) return found[index].start;
  return -1;
}

/**
 * True when the chunk holds anything but ASCII letters and digits (a space, punctuation, any
 * non-ASCII), i.e. a place where a word may end. Walks from the end: in prose the last boundary
 * is a few characters back, so this usually reads 1 to 6 code units.
 */
function hasBoundary(chunk: string): boolean {
  for (let index = chunk.length - 1; index >= 0; index--) {
    const code = chunk.charCodeAt(index);
    if (!(((code | 0x20) - 97) >>> 0 <= 25 || (code - 48) >>> 0 <= 9)) return true;
  }
  return false;
}

/** Index of the last code unit of `chunk` from FIRST_NORMALIZABLE up, or -1. */
function lastWideIndex(chunk: string): number {
  for (let index = chunk.length - 1; index >= 0; index--) if (chunk.charCodeAt(index) >= FIRST_NORMALIZABLE) return index;
  return -1;
}

const isHighSurrogate = (code: number): boolean => (code & 0xfc00) === 0xd800;
