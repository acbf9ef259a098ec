import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { STREET_SUFFIX_ROWS, STRONG_SUFFIXES, STRONG_WHEN_CAPITALISED } from '../../src/data/street-suffixes.js';

/** The MIT package `street-types` (the same Pub 28 C1 table), used here only as an oracle. */
const oracle = createRequire(import.meta.url)('street-types') as { suffix: string; abbrs: string[]; standardAbbr: string }[];

const ours = new Map<string, Set<string>>();
for (const row of STREET_SUFFIX_ROWS.split(';')) {
  const [head, rest] = row.split('|');
  const [primary, standard] = head.split(' ');
  ours.set(primary, new Set([primary, standard, ...rest.split(' ').filter((form) => form !== '')]));
}

describe('street suffix table (USPS Publication 28, Appendix C1)', () => {
  it('has the 206 primary names of the oracle', () => {
    expect(ours.size).toBe(206);
    expect([...ours.keys()].sort()).toEqual(oracle.map((row) => row.suffix.trim()).sort());
  });

  it('lists the same forms per primary name as street-types', () => {
    for (const row of oracle) {
      // Differences explained: the oracle's "ARCADE " and "CURVE " carry a stray trailing space
      // (trimmed here); otherwise the forms agree row by row.
      const primary = row.suffix.trim();
      const theirs = new Set([primary, row.standardAbbr, ...row.abbrs].map((form) => form.trim()));
      expect([...(ours.get(primary) ?? [])].sort(), primary).toEqual([...theirs].sort());
    }
  });

  it('only calls forms of the table strong (plus the British CLOSE)', () => {
    const all = new Set([...ours.values()].flatMap((forms) => [...forms]));
    for (const form of `${STRONG_SUFFIXES} ${STRONG_WHEN_CAPITALISED}`.split(' ')) {
      expect(all.has(form) || form === 'CLOSE', form).toBe(true);
    }
  });
});
