import { PiiveilError } from '../errors.js';
import type { Pipeline } from '../pipeline.js';
import type { Finding } from '../types.js';

/** Held text beyond which a stream checks for releasable text even inside one long word. */
const RELEASE_CHECK_LENGTH = 256;

/**
 * A synchronous incremental redactor. For every chunking of a text,
 * `chunks.map(push).join('') + end()` equals the one-shot `redact` of the whole text.
 */
export interface RedactionStream {
  /** Adds a chunk; returns the redacted text that is now final (possibly ''). */
  push(chunk: string): string;
  /** Ends the input; returns the rest. Further calls throw `STREAM_ENDED`. */
  end(): string;
  /** Code units received but not yet released. */
  readonly pending: number;
  /** Findings released so far, with offsets in the whole stream's coordinates. */
  readonly findings: readonly Finding[];
}

/**
 * Builds the streaming engine over a pipeline.
 *
 * The buffer holds some already-emitted text as context (at most the detectors' largest
 * `lookbehind`) followed by the held text. After each chunk the engine asks every detector how
 * far text is decided (`pending`) and releases everything before the earliest undecided index,
 * redacted exactly as the one-shot path would: detectors promise that nothing appended later
 * changes a finding that starts before that index, and overlap resolution only compares
 * overlapping findings, so a cut there is invisible in the output.
 */
export function createRedactionStream(pipeline: Pipeline): RedactionStream {
  let buffer = '';
  /** Index in `buffer` where held (not yet emitted) text starts. */
  let heldFrom = 0;
  /** Offset of `buffer[0]` in the whole stream. */
  let base = 0;
  let ended = false;
  let failed: PiiveilError | undefined;
  const findings: Finding[] = [];

  const release = (until: number): string => {
    let output: string;
    try {
      const found = pipeline.detect(buffer, heldFrom, until);
      output = pipeline.render(buffer, found, heldFrom, until);
      for (const finding of found) {
        const shifted = { ...finding, start: finding.start + base, end: finding.end + base };
        findings.push(pipeline.includeValues ? { ...shifted, value: buffer.slice(finding.start, finding.end) } : shifted);
      }
    } catch (error) {
      failed = error instanceof PiiveilError ? error : new PiiveilError('DETECTOR_FAILED', 'Redaction failed inside a stream');
      buffer = '';
      throw failed;
    }
    const keepFrom = Math.max(0, until - pipeline.lookbehind);
    buffer = buffer.slice(keepFrom);
    base += keepFrom;
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
      if (typeof chunk !== 'string') throw new TypeError(`push: chunk must be a string, got ${chunk === null ? 'null' : typeof chunk}`);
      if (chunk.length === 0) return '';
      buffer += chunk;
      // Detectors only ever hold the trailing word (or more), so a chunk without a word boundary
      // cannot release anything new; skipping the check then is safe and saves most of the work
      // on small chunks. A long held run is still checked, to keep memory bounded.
      if (!hasBoundary(chunk) && buffer.length - heldFrom < RELEASE_CHECK_LENGTH) return '';
      let until: number;
      try {
        until = pipeline.pending(buffer, heldFrom);
      } catch (error) {
        failed = error as PiiveilError;
        buffer = '';
        throw failed;
      }
      // Never cut between the halves of a surrogate pair.
      if (until > heldFrom && until < buffer.length && isHighSurrogate(buffer.charCodeAt(until - 1))) until--;
      return until > heldFrom ? release(until) : '';
    },
    end() {
      check();
      ended = true;
      const output = buffer.length > heldFrom ? release(buffer.length) : '';
      buffer = '';
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

function hasBoundary(chunk: string): boolean {
  for (let index = 0; index < chunk.length; index++) {
    const code = chunk.charCodeAt(index);
    // Anything but an ASCII letter or digit may end a word (spaces, punctuation, any non-ASCII).
    if (!(((code | 0x20) - 97) >>> 0 <= 25 || (code - 48) >>> 0 <= 9)) return true;
  }
  return false;
}

const isHighSurrogate = (code: number): boolean => code >= 0xd800 && code <= 0xdbff;
