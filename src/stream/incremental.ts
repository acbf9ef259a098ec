import { PiiveilError } from '../errors.js';
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
 * detector's `pending`, a scan, a render: about 100 ns) that dominates when chunks are LLM
 * tokens of 3 to 4 characters; checking every other token halves it (4-char chunks of chat:
 * 0.10× → 0.14× one-shot with only the email detector) and keeps what is held on clean prose
 * small (mean 4, 99th percentile 11 code units after each push).
 */
const MIN_CHECK = 8;

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
 * redacted exactly as the one-shot path would: detectors promise that nothing appended later
 * changes a finding that starts before that index, and overlap resolution only compares
 * overlapping findings, so a cut there is invisible in the output. Releasing later than
 * possible is always exact too, which is what lets the engine skip and space out checks.
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
  let buffer = '';
  /** Index in `buffer` where held (not yet emitted) text starts. */
  let heldFrom = 0;
  /** Offset of `buffer[0]` in the whole stream. */
  let base = 0;
  /** Held code units right after the last check, and code units received since. */
  let heldAfterCheck = 0;
  let sinceCheck = 0;
  let ended = false;
  let failed: PiiveilError | undefined;
  const findings: Finding[] = [];

  const fail = (error: unknown): never => {
    // Drop everything held: none of it may leave the stream unredacted.
    buffer = '';
    heldFrom = 0;
    failed = error instanceof PiiveilError ? error : new PiiveilError('DETECTOR_FAILED', 'Redaction failed inside a stream');
    throw failed;
  };

  const release = (until: number): string => {
    let output: string;
    let found: Finding[];
    try {
      found = pipeline.detect(buffer, heldFrom, until);
      output = pipeline.render(buffer, found, heldFrom, until, base);
    } catch (error) {
      return fail(error);
    }
    for (const finding of found) {
      const shifted = { ...finding, start: finding.start + base, end: finding.end + base };
      findings.push(pipeline.includeValues ? { ...shifted, value: buffer.slice(finding.start, finding.end) } : shifted);
    }
    const keepFrom = Math.max(0, until - pipeline.lookbehind);
    if (keepFrom > 0) {
      buffer = buffer.slice(keepFrom);
      base += keepFrom;
    }
    heldFrom = until - keepFrom;
    return output;
  };

  const check = (): void => {
    if (failed) throw failed;
    if (ended) throw new PiiveilError('STREAM_ENDED', 'This stream has ended; create a new one with redactor.stream()');
  };

  return {
    push(chunk) {
      check();
      if (typeof chunk !== 'string') {
        throw new TypeError(`push: chunk must be a string, got ${chunk === null ? 'null' : typeof chunk}; decode bytes first (TextDecoderStream, string_decoder)`);
      }
      if (chunk.length === 0) return '';
      buffer += chunk;
      sinceCheck += chunk.length;
      const held = buffer.length - heldFrom;
      // Detectors hold at most the trailing word while it is short, so a chunk without a word
      // boundary cannot release anything new: skip the check (most small chunks of prose).
      if (held < MIN_CHECK || (held < RELEASE_CHECK_LENGTH && !hasBoundary(chunk))) return '';
      if (sinceCheck * AMORTIZE < heldAfterCheck) return '';
      let until: number;
      try {
        until = pipeline.pending(buffer, heldFrom);
      } catch (error) {
        return fail(error);
      }
      // Never end the output between the halves of a surrogate pair: its low half may be in the
      // next chunk, and a lone half would turn into U+FFFD once encoded.
      if (until > heldFrom && isHighSurrogate(buffer.charCodeAt(until - 1))) until--;
      const output = until > heldFrom ? release(until) : '';
      heldAfterCheck = buffer.length - heldFrom;
      sinceCheck = 0;
      return output;
    },
    end() {
      check();
      ended = true;
      const output = buffer.length > heldFrom ? release(buffer.length) : '';
      buffer = '';
      heldFrom = 0;
      return output;
    },
    get pending() {
      return buffer.length - heldFrom;
    },
    get findings() {
      return findings;
    },
  };
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

const isHighSurrogate = (code: number): boolean => (code & 0xfc00) === 0xd800;
