import type { Operator } from '../types.js';

/** Options of `mask`. */
export interface MaskOptions {
  /** The masking character. Default: `'*'`. */
  readonly char?: string;
  /** How many letters and digits to leave visible at the end. Default: 0. */
  readonly keepLast?: number;
  /** How many letters and digits to leave visible at the start. Default: 0. */
  readonly keepFirst?: number;
  /**
   * Keep separators (spaces, dashes, dots, '@', parentheses ...) so the shape survives:
   * `**** **** **** 1111`. When false every character is masked. Default: true.
   */
  readonly keepSeparators?: boolean;
}

/**
 * Replaces letters and digits of each finding with a mask character, optionally keeping the
 * first or last few, and keeping separators so the format stays recognisable.
 *
 * @example
 * const redactor = createRedactor({ operator: mask({ keepLast: 4 }) })
 * redactor.redact('card 4111 1111 1111 1111').text // 'card **** **** **** 1111'
 */
export function mask(options: MaskOptions = {}): Operator {
  const char = options.char ?? '*';
  const keepLast = options.keepLast ?? 0;
  const keepFirst = options.keepFirst ?? 0;
  const keepSeparators = options.keepSeparators ?? true;
  if (typeof char !== 'string' || char.length === 0) throw new TypeError('mask: options.char must be a non-empty string');
  for (const [name, value] of [['keepLast', keepLast], ['keepFirst', keepFirst]] as const) {
    if (!Number.isInteger(value) || value < 0) throw new RangeError(`mask: options.${name} must be a non-negative integer`);
  }
  return {
    name: 'mask',
    apply(value) {
      let maskable = 0;
      for (const symbol of value) if (!keepSeparators || isMaskable(symbol)) maskable++;
      let seen = 0;
      let out = '';
      for (const symbol of value) {
        if (keepSeparators && !isMaskable(symbol)) {
          out += symbol;
          continue;
        }
        out += seen < keepFirst || seen >= maskable - keepLast ? symbol : char;
        seen++;
      }
      return out;
    },
  };
}

const ALPHANUMERIC = /[\p{L}\p{N}\p{M}]/u;

function isMaskable(symbol: string): boolean {
  const code = symbol.charCodeAt(0);
  if (code < 128) return ((code | 0x20) - 97) >>> 0 <= 25 || (code - 48) >>> 0 <= 9;
  return ALPHANUMERIC.test(symbol);
}
