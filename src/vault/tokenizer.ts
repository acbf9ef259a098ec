import { defaultDetectors } from '../detectors/defaults.js';
import { PiiveilError } from '../errors.js';
import { tokenize } from '../operators/tokenize.js';
import { createRedactor, type Redactor } from '../redactor.js';
import type { RedactionStream } from '../stream/incremental.js';
import type { RedactResult, RedactorOptions } from '../types.js';
import { vaultGuard } from './guard.js';
import { type HasState, STATE, type VaultState } from './state.js';

/**
 * Builds a redactor whose output `vault.restore` turns back into the input, exactly:
 * `vault.restore(tokenizer.redact(x).text) === x` for every string x.
 *
 * It is `createRedactor(options)` with two additions that round-tripping needs:
 * - the default operator is `tokenize(vault)` (pass `operator: surrogate(vault)` or per-type
 *   `operators` to change it; operators that are not reversible, like `mask`, lose the value);
 * - `vaultGuard(vault)` runs first, so text of the input that restore could replace (a user
 *   typing "[EMAIL_1]", a surrogate quoted back) is tokenized too instead of passing through.
 * While `redact` runs, new surrogates are also checked against the whole input. A full vault
 * makes `redact` fail closed with error code `VAULT_FULL` (or throw it with `onError: 'throw'`).
 *
 * Streams (`tokenizer.stream()`) restore exactly as well, with one documented limit: a
 * surrogate is checked against the text still buffered, not text the stream already released,
 * so text typed before a surrogate first exists that equals it would be restored too. Surrogates
 * are keyed by the vault's secret seed, so this needs a guess; tokens have no such limit.
 *
 * @example
 * const vault = createVault()
 * const tokenizer = createTokenizer(vault, { detectors: [email()] })
 * const { text } = tokenizer.redact('I typed [EMAIL_1] and mail a@b.io')
 * // 'I typed [[TOKEN_1]] and mail [EMAIL_1]'
 * vault.restore(text) // 'I typed [EMAIL_1] and mail a@b.io'
 */
export function createTokenizer(vault: HasState, options: RedactorOptions = {}): Redactor {
  if (vault === null || typeof vault !== 'object' || !(STATE in vault)) throw new TypeError('createTokenizer: pass a vault made by createVault()');
  if (options === null || typeof options !== 'object') throw new TypeError('createTokenizer: options must be an object (or omitted)');
  const state = vault[STATE];
  const detectors = [...(options.detectors ?? defaultDetectors())];
  const types = new Set<string>(['DENY']);
  for (const detector of detectors) if (detector !== null && typeof detector === 'object') types.add(detector.type);
  for (const entry of options.deny ?? []) if (entry !== null && typeof entry === 'object' && typeof entry.type === 'string') types.add(entry.type);
  for (const type of Object.keys(options.operators ?? {})) types.add(type);
  const redactor = createRedactor({
    ...options,
    detectors: [vaultGuard(vault, { types: [...types] }), ...detectors],
    operator: options.operator ?? tokenize(vault),
  });
  return {
    redact(text) {
      state.failure = undefined;
      state.input = text;
      state.inputOffset = 0;
      state.inputFinal = true;
      try {
        return reportFull(state, redactor.redact(text));
      } catch (error) {
        throw state.failure ?? error;
      } finally {
        state.input = undefined;
      }
    },
    find: (text) => redactor.find(text),
    stream: () => guardedStream(state, redactor.stream()),
  };
}

function reportFull(state: VaultState, result: RedactResult): RedactResult {
  if (result.error === undefined || state.failure === undefined) return result;
  return { ...result, error: { code: state.failure.code, message: state.failure.message } };
}

/**
 * The redactor's stream, reporting a full vault as `VAULT_FULL` rather than `OPERATOR_FAILED`,
 * and showing the operators the text around the findings they replace, as one-shot redaction
 * does: the text the stream still holds, one released character before it and the chunk being
 * pushed. `surrogate` needs it to check a new surrogate against that text and to give a token to
 * a finding glued to a word (restore reads a surrogate only as a whole word). The window is what
 * the stream holds plus one character, so it stays bounded like the stream.
 */
function guardedStream(state: VaultState, stream: RedactionStream): RedactionStream {
  let window = '';
  /** Position of `window[0]` in the whole stream. */
  let windowStart = 0;
  const run = (chunk: string | undefined, step: () => string): string => {
    state.failure = undefined;
    if (typeof chunk === 'string') window += chunk;
    state.input = window;
    state.inputOffset = windowStart;
    state.inputFinal = chunk === undefined;
    try {
      const output = step();
      // Findings still to come start at or after the first held unit; keep one unit before it.
      const keepFrom = windowStart + window.length - stream.pending - 1;
      if (keepFrom > windowStart) {
        window = window.slice(keepFrom - windowStart);
        windowStart = keepFrom;
      }
      return output;
    } catch (error) {
      throw error instanceof PiiveilError && state.failure !== undefined ? state.failure : error;
    } finally {
      state.input = undefined;
      state.inputOffset = 0;
      state.inputFinal = true;
      if (chunk === undefined) window = '';
    }
  };
  return {
    push: (chunk) => run(chunk, () => stream.push(chunk)),
    end: () => run(undefined, () => stream.end()),
    get pending() {
      return stream.pending;
    },
    get findings() {
      return stream.findings;
    },
  };
}
