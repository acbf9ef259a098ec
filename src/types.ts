import type { Scan } from './scanner/scan.js';

/**
 * The shapes every layer shares: findings, detectors, operators, options, results.
 * Plain data and plain functions only, so a user can list, replace or write any of them.
 */

/** Built-in entity type names (part of the API); users may add their own strings. */
export type BuiltInEntityType =
  | 'EMAIL'
  | 'PHONE'
  | 'CREDIT_CARD'
  | 'US_SSN'
  | 'IP_ADDRESS'
  | 'IBAN'
  | 'STREET_ADDRESS'
  | 'HEALTH'
  | 'URL'
  | 'PERSON'
  | 'DATE_OF_BIRTH'
  | 'SECRET';

/** An entity type: a built-in name or any string of the caller's. */
export type EntityType = BuiltInEntityType | (string & {});

/**
 * One region of text that holds personal data.
 * Offsets are UTF-16 code units into the text given to the redactor, `end` exclusive.
 */
export interface Finding {
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
  /** Confidence in [0, 1]; validated values score high, context-only matches lower. */
  readonly score: number;
  /** Name of the detector that produced the finding. */
  readonly detector: string;
  /** Sub-category where a detector has one (HEALTH: `condition`, `medication`, ...). */
  readonly category?: string;
  /** The matched text; present only when the caller asked for values (`includeValues: true`). */
  readonly value?: string;
}

/**
 * A detector turns text into findings. It is a plain object, so callers can write their own.
 *
 * Streaming relies on two promises a detector makes (property-tested for every built-in one):
 *
 * - `find(scan, out)` appends the findings of `scan.text` that start at or after `scan.from`,
 *   exactly those a scan from 0 would report there (in any order; overlaps are resolved later).
 *   It may read text before `scan.from`, but at most `lookbehind` code units of it.
 * - `pending(text, from)` returns the earliest index `p >= from` such that appending any text to
 *   `text` can neither add, remove nor change a finding that starts before `p`, and no such
 *   finding ends after `p`. `text.length` means nothing is undecided. The pipeline never
 *   passes text ending in the first half of a surrogate pair: it holds that half itself.
 *   It must cost about the length of the undecided tail, not of the whole text.
 */
export interface Detector {
  /** Unique name, reported in findings (`email`, `phone`, ...). */
  readonly name: string;
  /** The entity type of its findings. */
  readonly type: EntityType;
  /** Longest finding it can produce, in code units; bounds what a stream holds back. */
  readonly maxLength: number;
  /** Code units before `from` that `find` may read (context words, boundary checks). */
  readonly lookbehind: number;
  find(scan: Scan, out: Finding[]): void;
  pending(text: string, from: number): number;
}

/** Turns one finding into its replacement text. `value` is the original text of the finding. */
export type OperatorFunction = (value: string, finding: Finding) => string;

/** A named operator built by `label()`, `mask()`, `remove()`, `hash()` or written by a caller. */
export interface Operator {
  readonly name: string;
  readonly apply: OperatorFunction;
}

/** A deny-list entry: a literal always redacted, with the type to report. */
export interface DenyEntry {
  readonly value: string;
  readonly type?: EntityType;
}

/** Options of `createRedactor`; every field is optional. */
export interface RedactorOptions {
  /** Detectors to run. Default: `defaultDetectors()` (every built-in detector of the core). */
  readonly detectors?: readonly Detector[];
  /** Operator for every type without its own entry in `operators`. Default: `label()`. */
  readonly operator?: Operator | OperatorFunction;
  /** Operator per entity type, e.g. `{ CREDIT_CARD: mask({ keepLast: 4 }) }`. */
  readonly operators?: Readonly<Partial<Record<EntityType, Operator | OperatorFunction>>>;
  /** Values never redacted (exact match of the finding's text). */
  readonly allow?: readonly string[];
  /** Literal values always redacted (type `DENY` unless given). */
  readonly deny?: readonly (string | DenyEntry)[];
  /** Findings scoring below this are dropped. Default: 0. */
  readonly minScore?: number;
  /** Include each finding's text as `value` in results. Default: false. */
  readonly includeValues?: boolean;
  /**
   * What to do when a detector or operator throws. `'mask'` (default) replaces the whole input
   * with `fallbackText` and reports `error`; `'throw'` rethrows a `PiiveilError`.
   */
  readonly onError?: 'mask' | 'throw';
  /** Replacement for the whole unit when failing closed. Default: `[REDACTED]`. */
  readonly fallbackText?: string;
  /**
   * Detect values hidden behind invisible characters (zero-width space, soft hyphen, bidi
   * controls), non-ASCII decimal digits (`４１１１`, `٤١١١`) and full-width forms (`＠`).
   * Detectors then scan a normalised view; findings still refer to the original text and cover
   * the invisible characters inside a value. Costs one native regex test on text without such
   * characters. Default: true.
   */
  readonly normalize?: boolean;
  /**
   * Longest text one call may process, in UTF-16 code units (`redact`, `find`, and the text a
   * stream holds back at once, its context not counted). Longer input fails with `INPUT_TOO_LARGE`:
   * `redact` returns `fallbackText` (or throws with `onError: 'throw'`), `find` and streams
   * throw. Default: 16 Mi code units (32 MB). `Infinity` turns the check off.
   */
  readonly maxInputLength?: number;
}

/** What `redact` returns. */
export interface RedactResult {
  readonly text: string;
  readonly findings: readonly Finding[];
  /** Set when the redactor failed closed: `text` is then the fallback, never the input. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Counts for audits: types and numbers, never values. */
export interface FindingsSummary {
  readonly total: number;
  readonly byType: Readonly<Record<string, number>>;
}
