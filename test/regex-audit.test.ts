import { describe, expect, it } from 'vitest';
import { findRegexes, stale, unlisted } from '../scripts/regex-audit.js';

describe('regex audit', () => {
  it('finds regex literals and RegExp calls in src/', () => {
    const sites = findRegexes();
    expect(sites.some((site) => site.file === 'src/scanner/scan.ts' && site.pattern === '/[0-9@:=\\n\\uff20]|\\.[a-zA-Z]|[dD][oO][tT]|www\\.|-----|[pP](?:[aA][sS][sS]|[wW][dD])/g')).toBe(true);
    expect(sites.some((site) => site.file === 'src/detectors/phone.ts' && site.pattern.startsWith('new RegExp('))).toBe(true);
  });

  it('lists every regex of src/ in docs/regex-audit.md under its file', () => {
    expect(unlisted().map((site) => `${site.file}:${site.line} ${site.pattern}`)).toEqual([]);
  });

  it('lists no regex that its file no longer has', () => {
    expect(stale()).toEqual([]);
  });
});
