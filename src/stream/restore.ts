import { PiiveilError } from '../errors.js';
import { restoreInto } from '../vault/restore-text.js';
import { type HasState, STATE, type VaultState } from '../vault/state.js';

/**
 * A synchronous restoring stream. For every chunking of a text,
 * `chunks.map(push).join('') + end()` equals `vault.restore` of the whole text.
 */
export interface RestoreStream {
  /** Adds a chunk; returns the restored text that is now final (possibly ''). */
  push(chunk: string): string;
  /** Ends the input; returns the rest. Further calls throw `STREAM_ENDED`. */
  end(): string;
  /** Code units received but not yet released: at most a possible partial token or surrogate. */
  readonly pending: number;
}

/**
 * Builds a restoring stream over vault state. Internal; `vault.restoreStream()` and
 * `restoreTransform(vault)` are the public faces.
 *
 * The buffer keeps one released character as context (a bare token or a surrogate must not
 * follow a letter or digit) and the held text. Each push runs the restore loop in its
 * non-final mode, which stops at the first position it cannot decide yet: the start of a token
 * or surrogate that may still be completing. That position is at most the longest token or
 * surrogate from the end, so held text is bounded, and a position is decided from the same
 * window in both modes, so the streamed output is the one-shot output.
 */
export function createRestoreStream(state: VaultState, json: boolean): RestoreStream {
  let buffer = '';
  /** Index in `buffer` where held text starts; `buffer[from - 1]` is context. */
  let from = 0;
  let ended = false;

  const run = (final: boolean): string => {
    const parts: string[] = [];
    const stop = restoreInto(state, buffer, from, final, json, parts);
    const keep = stop > 0 ? stop - 1 : 0;
    buffer = final ? '' : buffer.slice(keep);
    from = final ? 0 : stop - keep;
    return parts.length === 1 ? parts[0] : parts.join('');
  };

  const check = (): void => {
    if (ended) throw new PiiveilError('STREAM_ENDED', 'This restore stream has ended; create a new one with vault.restoreStream()');
  };

  return {
    push(chunk) {
      check();
      if (typeof chunk !== 'string') throw new TypeError(`push: chunk must be a string, got ${chunk === null ? 'null' : typeof chunk}`);
      if (chunk.length === 0) return '';
      buffer += chunk;
      return run(false);
    },
    end() {
      check();
      ended = true;
      return run(true);
    },
    get pending() {
      return buffer.length - from;
    },
  };
}

/**
 * A `{ push, end }` restorer of `vault` for stream adapters: `piiveil/web` and `piiveil/node`
 * wrap any such object as a `TransformStream` or a Node `Transform`, so a model's streamed
 * answer can be restored chunk by chunk.
 *
 * @example
 * const restorer = restoreTransform(vault)
 * let answer = ''
 * for await (const delta of modelStream) answer += restorer.push(delta)
 * answer += restorer.end()
 */
export function restoreTransform(vault: HasState, options: { readonly json?: boolean } = {}): { push(chunk: string): string; end(): string } {
  if (vault === null || typeof vault !== 'object' || !(STATE in vault)) throw new TypeError('restoreTransform: pass a vault made by createVault()');
  const stream = createRestoreStream(vault[STATE], options.json === true);
  return { push: (chunk) => stream.push(chunk), end: () => stream.end() };
}
