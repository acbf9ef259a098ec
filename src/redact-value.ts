import { PiiveilError } from './errors.js';
import { createRedactor } from './redactor.js';
import type { Finding, RedactResult } from './types.js';

/** One step of a path into a value: an object or Map key, or an array index. */
export type PathSegment = string | number;

/** A finding inside a value: where (`path`), and for strings the span inside that string. */
export interface ValueFinding extends Omit<Finding, 'value'> {
  /** Keys and indexes from the root to the string (or the whole value a path rule replaced). */
  readonly path: readonly PathSegment[];
  /** The path rule that replaced the whole value (`users[*].ssn`); absent for detector findings. */
  readonly rule?: string;
  /** The matched text; present only with `includeValues: true` (and for path rules on strings). */
  readonly value?: string;
}

/** Options of `redactValue` and `createValueRedactor`; every field is optional. */
export interface RedactValueOptions {
  /** Redacts each string. Default: the default redactor (every built-in detector, `label()`). */
  readonly redactor?: { redact(text: string): RedactResult };
  /**
   * Key-path rules whose whole value is replaced by `censor`, without looking at it: `password`
   * (a top-level key), `headers.authorization`, `*.token` (`*` is any one key or index),
   * `users[*].ssn`, `items[0].note`, `**.password` (`**` is any number of keys, so any depth),
   * `["key.with.dots"]`. Paths start at the root, as in pino's `redact.paths`. Keys match
   * exactly (case-sensitive). Default: none.
   */
  readonly paths?: readonly string[];
  /** What a path rule puts in place of the value. Default: `'[REDACTED]'`. */
  readonly censor?: string | ((value: unknown, path: readonly PathSegment[]) => unknown);
  /**
   * Deepest nesting of objects, arrays, Maps and Sets walked (the root is depth 0). A container
   * deeper than this fails closed: with `onError: 'mask'` (default) it is replaced by
   * `fallbackText` and the result carries `error` with code `INPUT_TOO_LARGE`; with
   * `onError: 'throw'` a `PiiveilError` of that code is thrown. Default: 100.
   */
  readonly maxDepth?: number;
  readonly onError?: 'mask' | 'throw';
  /** Replacement for a subtree that could not be redacted. Default: `'[REDACTED]'`. */
  readonly fallbackText?: string;
  /** Walk Map values and Set elements (Map keys are kept). Default: true. */
  readonly collections?: boolean;
  /** Put each finding's text in `value`. Default: false. */
  readonly includeValues?: boolean;
  /** Redact in place instead of returning a copy. Default: false. */
  readonly mutate?: boolean;
}

/** What `redactValue` returns. */
export interface RedactValueResult<T> {
  /** The redacted value: a copy unless `mutate: true`. Path rules may change a field's type. */
  readonly value: T;
  readonly findings: readonly ValueFinding[];
  /** Set when part of the value failed closed (a too-deep subtree, a redactor failure). */
  readonly error?: { readonly code: string; readonly message: string };
}

/** A compiled `redactValue`: parse the options once, redact many values (a logger's hot path). */
export interface ValueRedactor {
  redact<T>(value: T): RedactValueResult<T>;
}

const KEY = 0;
const ANY = 1;
const DEEP = 2;
interface Segment {
  readonly kind: typeof KEY | typeof ANY | typeof DEEP;
  readonly key: string;
}
interface Rule {
  readonly source: string;
  readonly segments: readonly Segment[];
}

const DEFAULT_MAX_DEPTH = 100;
const NO_STATES: readonly number[] = [];

/**
 * Builds a reusable value redactor: the options (path rules above all) are checked and compiled
 * once. `redactValue(value, options)` is `createValueRedactor(options).redact(value)`.
 *
 * @example
 * import { createValueRedactor } from 'piiveil'
 * const values = createValueRedactor({ paths: ['password', 'headers.authorization'] })
 * values.redact({ user: 'jane@corp.com', password: 'hunter2' }).value
 * // { user: '[EMAIL]', password: '[REDACTED]' }
 */
export function createValueRedactor(options: RedactValueOptions = {}): ValueRedactor {
  if (options === null || typeof options !== 'object') throw new TypeError('redactValue: options must be an object (or omitted)');
  const redactor = options.redactor ?? createRedactor();
  if (redactor === null || typeof redactor !== 'object' || typeof redactor.redact !== 'function') {
    throw new TypeError('redactValue: options.redactor must be a redactor made by createRedactor() or createTokenizer()');
  }
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isInteger(maxDepth) || maxDepth < 0) throw new RangeError('redactValue: options.maxDepth must be a non-negative integer');
  const censor = options.censor ?? '[REDACTED]';
  if (typeof censor !== 'string' && typeof censor !== 'function') throw new TypeError('redactValue: options.censor must be a string or a function (value, path) => replacement');
  const rules = (options.paths ?? []).map(parsePath);
  const settings: Settings = {
    redactor,
    rules,
    censor,
    maxDepth,
    throwOnError: options.onError === 'throw',
    fallbackText: options.fallbackText ?? '[REDACTED]',
    collections: options.collections !== false,
    includeValues: options.includeValues === true,
    mutate: options.mutate === true,
  };
  const rootStates: number[] = [];
  for (let index = 0; index < rules.length; index++) rootStates.push(index, 0);
  return { redact: (value) => run(settings, rootStates, value) };
}

/**
 * Redacts every string in a JSON-like value (objects, arrays, Maps and Sets, to any depth) with
 * the redactor's detectors, and replaces whole values at key paths (`password`, `*.token`,
 * `users[*].ssn`). Returns `{ value, findings }`; the input is not changed unless `mutate: true`.
 *
 * What is walked: plain objects, arrays, Maps and Sets (shared and cyclic objects are copied once,
 * so the copy keeps the shape); `Error`s (copied with their prototype, so `instanceof` still
 * works: `message`, `stack`, `cause` and own properties are redacted); other class instances as
 * `JSON.stringify` would show them: the result of `toJSON()` if they have one, otherwise a plain
 * object of their own enumerable properties (with `mutate: true`, their properties in place).
 * Kept as they are: numbers and other primitives, functions, `Date`, `RegExp`, binary data
 * (`ArrayBuffer`, `Uint8Array`, `Buffer`), promises and weak collections. Object keys are kept.
 *
 * @example
 * import { redactValue } from 'piiveil'
 * const { value, findings } = redactValue(
 *   { users: [{ mail: 'jane@corp.com', ssn: 'unknown' }], token: 'abc' },
 *   { paths: ['token', 'users[*].ssn'] },
 * )
 * // value: { users: [{ mail: '[EMAIL]', ssn: '[REDACTED]' }], token: '[REDACTED]' }
 * // findings[0].path: ['users', 0, 'mail']
 */
export function redactValue<T>(value: T, options: RedactValueOptions = {}): RedactValueResult<T> {
  return createValueRedactor(options).redact(value);
}

interface Settings {
  readonly redactor: { redact(text: string): RedactResult };
  readonly rules: readonly Rule[];
  readonly censor: string | ((value: unknown, path: readonly PathSegment[]) => unknown);
  readonly maxDepth: number;
  readonly throwOnError: boolean;
  readonly fallbackText: string;
  readonly collections: boolean;
  readonly includeValues: boolean;
  readonly mutate: boolean;
}

function run<T>(settings: Settings, rootStates: readonly number[], root: T): RedactValueResult<T> {
  const { redactor, rules, maxDepth, mutate } = settings;
  const findings: ValueFinding[] = [];
  const path: PathSegment[] = [];
  let error: { code: string; message: string } | undefined;
  /** Copies made (or objects visited when mutating), per object and rule state. */
  const done = new Map<object, Map<string, unknown>>();

  const fail = (code: 'INPUT_TOO_LARGE', message: string): string => {
    if (settings.throwOnError) throw new PiiveilError(code, message);
    error ??= { code, message };
    return settings.fallbackText;
  };

  const redactString = (text: string): string => {
    if (text.length === 0) return text;
    const result = redactor.redact(text);
    if (result.error !== undefined) error ??= { code: result.error.code, message: result.error.message };
    for (const finding of result.findings) {
      const { value: _value, ...rest } = finding;
      findings.push(settings.includeValues ? { ...rest, path: path.slice(), value: text.slice(finding.start, finding.end) } : { ...rest, path: path.slice() });
    }
    return result.text;
  };

  const censorValue = (item: unknown, rule: Rule): unknown => {
    const end = typeof item === 'string' ? item.length : 0;
    const finding: ValueFinding = { type: 'KEY_PATH', start: 0, end, score: 1, detector: 'paths', rule: rule.source, path: path.slice() };
    findings.push(settings.includeValues && typeof item === 'string' ? { ...finding, value: item } : finding);
    return typeof settings.censor === 'string' ? settings.censor : settings.censor(item, path.slice());
  };

  /** Walks `item`, whose rule states are `states`; `fresh` is false when revisiting in place. */
  const walk = (item: unknown, states: readonly number[], depth: number, fresh: boolean): unknown => {
    if (states.length > 0) {
      const rule = matchedRule(rules, states);
      if (rule !== undefined) return censorValue(item, rule);
    }
    if (typeof item === 'string') return fresh ? redactString(item) : item;
    if (item === null || typeof item !== 'object') return item;
    const kind = kindOf(item, settings.collections);
    if (kind === OPAQUE) return item;
    if (depth > maxDepth) return fail('INPUT_TOO_LARGE', `redactValue: value nested deeper than maxDepth (${maxDepth})`);

    const stateKey = states.length === 0 ? '' : states.join(',');
    let byState = done.get(item);
    const earlier = byState?.get(stateKey);
    if (earlier !== undefined) return earlier;
    if (byState === undefined) done.set(item, (byState = new Map()));
    // In place, strings already redacted under another rule state must not be redacted twice
    // (a tokenizer would tokenize its own tokens); only the new path rules still apply.
    const redactStrings = fresh && (!mutate || byState.size === 0);

    const child = (value: unknown, key: PathSegment): unknown => {
      path.push(key);
      const result = walk(value, states.length === 0 ? NO_STATES : step(rules, states, String(key)), depth + 1, redactStrings);
      path.pop();
      return result;
    };

    if (kind === ARRAY) {
      const array = item as unknown[];
      const copy: unknown[] = mutate ? array : new Array(array.length);
      byState.set(stateKey, copy);
      for (let index = 0; index < array.length; index++) copy[index] = child(array[index], index);
      return copy;
    }
    if (kind === MAP) {
      const map = item as Map<unknown, unknown>;
      const copy = mutate ? map : new Map<unknown, unknown>();
      byState.set(stateKey, copy);
      for (const [key, value] of [...map]) copy.set(key, child(value, typeof key === 'number' ? key : String(key)));
      return copy;
    }
    if (kind === SET) {
      const set = item as Set<unknown>;
      const values = [...set];
      const copy = mutate ? set : new Set<unknown>();
      byState.set(stateKey, copy);
      if (mutate) copy.clear();
      for (let index = 0; index < values.length; index++) copy.add(child(values[index], index));
      return copy;
    }
    if (kind === ERROR) {
      const source = item as Error & Record<string, unknown>;
      const copy = mutate ? source : (Object.create(Object.getPrototypeOf(source)) as Record<string, unknown>);
      byState.set(stateKey, copy);
      for (const key of ERROR_KEYS) {
        const descriptor = Object.getOwnPropertyDescriptor(source, key);
        if (descriptor === undefined) continue;
        // `stack` is an accessor in some engines: read it and store the redacted text as data.
        Object.defineProperty(copy, key, { value: child(source[key], key), writable: true, enumerable: descriptor.enumerable === true, configurable: true });
      }
      for (const key of Object.keys(source)) if (!ERROR_KEYS.includes(key)) copy[key] = child(source[key], key);
      return copy;
    }
    // Plain objects, and class instances as JSON.stringify would show them.
    const source = item as Record<string, unknown>;
    if (kind === INSTANCE && !mutate && typeof source.toJSON === 'function') {
      const json: unknown = source.toJSON();
      if (json !== source) {
        const result = walk(json, states, depth + 1, fresh);
        byState.set(stateKey, result);
        return result;
      }
    }
    const copy: Record<string, unknown> = mutate ? source : Object.getPrototypeOf(source) === null ? Object.create(null) : {};
    byState.set(stateKey, copy);
    for (const key of Object.keys(source)) copy[key] = child(source[key], key);
    return copy;
  };

  const value = walk(root, rootStates, 0, true) as T;
  return error === undefined ? { value, findings } : { value, findings, error };
}

const ERROR_KEYS: readonly string[] = ['name', 'message', 'stack', 'cause', 'errors'];

const PLAIN = 0;
const ARRAY = 1;
const MAP = 2;
const SET = 3;
const ERROR = 4;
const INSTANCE = 5;
const OPAQUE = 6;

function kindOf(item: object, collections: boolean): number {
  if (Array.isArray(item)) return ARRAY;
  const prototype = Object.getPrototypeOf(item);
  if (prototype === Object.prototype || prototype === null) return PLAIN;
  if (item instanceof Map) return collections ? MAP : OPAQUE;
  if (item instanceof Set) return collections ? SET : OPAQUE;
  if (item instanceof Error) return ERROR;
  if (
    item instanceof Date ||
    item instanceof RegExp ||
    item instanceof ArrayBuffer ||
    ArrayBuffer.isView(item) ||
    item instanceof Promise ||
    item instanceof WeakMap ||
    item instanceof WeakSet
  ) {
    return OPAQUE;
  }
  return INSTANCE;
}

/** The rule states after stepping into child `key` (pairs `rule, position`, no duplicates). */
function step(rules: readonly Rule[], states: readonly number[], key: string): readonly number[] {
  let next: number[] | undefined;
  const add = (rule: number, position: number): void => {
    next ??= [];
    for (let index = 0; index < next.length; index += 2) if (next[index] === rule && next[index + 1] === position) return;
    next.push(rule, position);
  };
  for (let index = 0; index < states.length; index += 2) {
    const rule = states[index];
    const segments = rules[rule].segments;
    // `**` matches zero or more keys: try every position it can stand for.
    for (let position = states[index + 1]; position < segments.length; position++) {
      const segment = segments[position];
      if (segment.kind === DEEP) {
        add(rule, position);
        continue;
      }
      if (segment.kind === ANY || segment.key === key) add(rule, position + 1);
      break;
    }
  }
  return next ?? NO_STATES;
}

/** The first rule that has matched the whole path (trailing `**` match nothing too). */
function matchedRule(rules: readonly Rule[], states: readonly number[]): Rule | undefined {
  for (let index = 0; index < states.length; index += 2) {
    const segments = rules[states[index]].segments;
    let position = states[index + 1];
    while (position < segments.length && segments[position].kind === DEEP) position++;
    if (position === segments.length) return rules[states[index]];
  }
  return undefined;
}

const DOT = 46; // '.'
const OPEN = 91; // '['
const CLOSE = 93; // ']'
const QUOTE = 34; // '"'
const APOSTROPHE = 39; // "'"

/** Parses `a.b[*].c`, `["x.y"]`, `**.password` into segments; throws TypeError naming the rule. */
function parsePath(source: unknown, index: number): Rule {
  if (typeof source !== 'string' || source.length === 0) throw new TypeError(`redactValue: paths[${index}] must be a non-empty string like 'headers.authorization'`);
  const bad = (why: string): TypeError => new TypeError(`redactValue: paths[${index}] "${source}" ${why}`);
  const segments: Segment[] = [];
  const push = (key: string, bracketed: boolean): void => {
    if (!bracketed && key === '**') segments.push({ kind: DEEP, key });
    else if (key === '*') segments.push({ kind: ANY, key });
    else segments.push({ kind: KEY, key });
  };
  let position = 0;
  while (position < source.length) {
    const code = source.charCodeAt(position);
    if (code === OPEN) {
      const quote = source.charCodeAt(position + 1);
      if (quote === QUOTE || quote === APOSTROPHE) {
        const close = source.indexOf(String.fromCharCode(quote), position + 2);
        if (close < 0 || source.charCodeAt(close + 1) !== CLOSE) throw bad('has an unclosed quoted key: write ["key"]');
        segments.push({ kind: KEY, key: source.slice(position + 2, close) });
        position = close + 2;
      } else {
        const close = source.indexOf(']', position + 1);
        const inner = close < 0 ? '' : source.slice(position + 1, close);
        if (inner !== '*' && !/^(?:0|[1-9][0-9]{0,15})$/.test(inner)) throw bad('has a bracket that is not [*], [number] or ["key"]');
        push(inner, true);
        position = close + 1;
      }
    } else {
      if (segments.length > 0) {
        if (code !== DOT) throw bad('needs a dot between keys');
        position++;
      }
      let end = position;
      while (end < source.length && source.charCodeAt(end) !== DOT && source.charCodeAt(end) !== OPEN) {
        if (source.charCodeAt(end) === CLOSE) throw bad('has a ] without [');
        end++;
      }
      if (end === position) throw bad('has an empty key');
      push(source.slice(position, end), false);
      position = end;
    }
  }
  return { source, segments };
}
