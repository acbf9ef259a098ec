import type { Finding, FindingsSummary } from './types.js';

/**
 * Counts findings per type for audit logs: types and numbers only, never values.
 *
 * @example
 * summarize(redact('a@b.io and c@d.io').findings) // { total: 2, byType: { EMAIL: 2 } }
 */
export function summarize(findings: readonly Finding[]): FindingsSummary {
  const byType: Record<string, number> = {};
  for (const finding of findings) byType[finding.type] = (byType[finding.type] ?? 0) + 1;
  return { total: findings.length, byType };
}
