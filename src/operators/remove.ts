import type { Operator } from '../types.js';

/**
 * Deletes each finding, leaving the surrounding text (and its spaces) as it was.
 *
 * @example
 * createRedactor({ operator: remove() }).redact('mail a@b.io now').text // 'mail  now'
 */
export function remove(): Operator {
  return { name: 'remove', apply: () => '' };
}
