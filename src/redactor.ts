import { defaultDetectors } from './detectors/defaults.js';
import { PiiveilError } from './errors.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import { createRedactionStream, type RedactionStream } from './stream/incremental.js';
import type { Detector, Finding, RedactResult, RedactorOptions } from './types.js';

/** A configured redactor: one-shot, find-only and streaming redaction with the same options. */
export interface Redactor {
  /** Redacts `text` in one go. */
  redact(text: string): RedactResult;
  /** Finds PII without building replacement text. */
  find(text: string): Finding[];
  /** A synchronous incremental redactor whose output equals `redact` of the whole input. */
  stream(): RedactionStream;
}

/**
 * Builds a redactor. Every option is optional; the defaults find every built-in entity type
 * and replace it with its label (`[EMAIL]`).
 *
 * @example
 * import { createRedactor, mask } from 'piiveil'
 * const redactor = createRedactor({ operators: { CREDIT_CARD: mask({ keepLast: 4 }) } })
 * redactor.redact('Card 4111 1111 1111 1111, mail jane@example.com').text
 * // 'Card **** **** **** 1111, mail [EMAIL]'
 */
export function createRedactor(options: RedactorOptions = {}): Redactor {
  return buildRedactor(options, defaultDetectors);
}

/**
 * `createRedactor` with the default detector list as a parameter, so that `piiveil/core` can
 * build redactors without binding (and bundling) every built-in detector. Internal.
 */
export function buildRedactor(options: RedactorOptions, defaults: () => readonly Detector[]): Redactor {
  const pipeline = createPipeline(options, defaults);
  return {
    redact: (text) => redactWith(pipeline, text),
    find(text) {
      checkText(text, 'find');
      return withValues(pipeline, text, pipeline.detect(text, 0, text.length));
    },
    stream: () => createRedactionStream(pipeline),
  };
}

let defaultRedactor: Redactor | undefined;

/**
 * Redacts `text` with the default redactor (every built-in detector, `label()` operator).
 *
 * @example
 * redact('Reach me at jane@example.com').text // 'Reach me at [EMAIL]'
 */
export function redact(text: string): RedactResult {
  defaultRedactor ??= createRedactor();
  return defaultRedactor.redact(text);
}

function redactWith(pipeline: Pipeline, text: string): RedactResult {
  checkText(text, 'redact');
  try {
    const findings = pipeline.detect(text, 0, text.length);
    return { text: pipeline.render(text, findings, 0, text.length), findings: withValues(pipeline, text, findings) };
  } catch (error) {
    if (!(error instanceof PiiveilError) || pipeline.onError === 'throw') throw error;
    return { text: pipeline.fallbackText, findings: [], error: { code: error.code, message: error.message } };
  }
}

function withValues(pipeline: Pipeline, text: string, findings: Finding[]): Finding[] {
  if (!pipeline.includeValues) return findings;
  return findings.map((finding) => ({ ...finding, value: text.slice(finding.start, finding.end) }));
}

export function checkText(text: unknown, where: string): asserts text is string {
  if (typeof text !== 'string') throw new TypeError(`${where}: text must be a string, got ${text === null ? 'null' : typeof text}`);
}
