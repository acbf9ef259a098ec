import type { Finding, Operator } from '../types.js';

/** Options of `label`. */
export interface LabelOptions {
  /** Builds the replacement from the finding. Default: `` `[${finding.type}]` ``. */
  readonly format?: (finding: Finding) => string;
}

/**
 * Replaces each finding with its type in brackets: `[EMAIL]`. The default operator.
 *
 * @example
 * createRedactor({ operator: label() }).redact('mail a@b.io').text // 'mail [EMAIL]'
 * label({ format: (f) => `<${f.type.toLowerCase()}>` })          // '<email>'
 */
export function label(options: LabelOptions = {}): Operator {
  const format = options.format;
  if (format !== undefined && typeof format !== 'function') {
    throw new TypeError('label: options.format must be a function (finding) => string');
  }
  return { name: 'label', apply: format ? (_value, finding) => format(finding) : (_value, finding) => `[${finding.type}]` };
}
