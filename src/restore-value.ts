import { restoreText } from './vault/restore-text.js';
import { type HasState, STATE, type VaultState } from './vault/state.js';

/** Options of `restoreValue`. */
export interface RestoreValueOptions {
  /**
   * Restore inside strings that hold JSON objects or arrays (tool-call arguments arrive as JSON
   * text), escaping each original for its string literal so the JSON stays valid. Default: true.
   */
  readonly parseJson?: boolean;
}

/**
 * Restores every string in a JSON-like value: strings, arrays and plain objects, to any depth.
 * Returns a new structure and never mutates the input; strings with nothing to restore are
 * returned as they were, and values that are not strings, arrays or plain objects (numbers,
 * dates, class instances) are kept by reference. Object keys are kept as they are. Cycles are
 * safe: a shared or cyclic object is copied once and the copy keeps the same shape.
 *
 * A string that parses as a JSON object or array is restored as JSON: originals are escaped for
 * the string literal they land in (`"` → `\"`), so `JSON.parse` of the result still works and the
 * formatting is kept.
 *
 * @example
 * const call = { name: 'send_mail', arguments: '{"to":"[EMAIL_1]","cc":["[EMAIL_2]"]}' }
 * restoreValue(call, vault)
 * // { name: 'send_mail', arguments: '{"to":"jane@corp.com","cc":["bob@corp.com"]}' }
 */
export function restoreValue<T>(value: T, vault: HasState, options: RestoreValueOptions = {}): T {
  if (vault === null || typeof vault !== 'object' || !(STATE in vault)) throw new TypeError('restoreValue: pass a vault made by createVault()');
  const state = vault[STATE];
  const parseJson = options.parseJson !== false;
  const copies = new Map<object, unknown>();

  const walk = (item: unknown): unknown => {
    if (typeof item === 'string') return parseJson ? restoreString(state, item) : restoreText(state, item, false);
    if (item === null || typeof item !== 'object') return item;
    const seen = copies.get(item);
    if (seen !== undefined) return seen;
    if (Array.isArray(item)) {
      const copy: unknown[] = new Array(item.length);
      copies.set(item, copy);
      for (let index = 0; index < item.length; index++) copy[index] = walk(item[index]);
      return copy;
    }
    const prototype = Object.getPrototypeOf(item);
    if (prototype !== Object.prototype && prototype !== null) return item;
    const copy: Record<string, unknown> = prototype === null ? Object.create(null) : {};
    copies.set(item, copy);
    for (const key of Object.keys(item)) copy[key] = walk((item as Record<string, unknown>)[key]);
    return copy;
  };
  return walk(value) as T;
}

function restoreString(state: VaultState, text: string): string {
  const first = firstNonSpace(text);
  if (first !== 123 && first !== 91) return restoreText(state, text, false); // '{', '['
  const escaped = restoreText(state, text, true);
  if (escaped === text) return text;
  try {
    JSON.parse(text);
  } catch {
    return restoreText(state, text, false); // not JSON: a plain string that starts with a bracket
  }
  try {
    JSON.parse(escaped);
    return escaped;
  } catch {
    // A token stood outside a string literal (say as a bare number): restore the parsed value.
    return JSON.stringify(restoreParsed(state, JSON.parse(text)));
  }
}

function restoreParsed(state: VaultState, item: unknown): unknown {
  if (typeof item === 'string') return restoreString(state, item);
  if (Array.isArray(item)) return item.map((element) => restoreParsed(state, element));
  if (item !== null && typeof item === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, element] of Object.entries(item)) copy[key] = restoreParsed(state, element);
    return copy;
  }
  return item;
}

function firstNonSpace(text: string): number {
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code !== 32 && code !== 9 && code !== 10 && code !== 13) return code;
  }
  return -1;
}
