import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScan, HAS_AT, HAS_COLON, HAS_DIGIT } from '../../src/scanner/scan.js';
import { isDigit } from '../../src/scanner/char-class.js';

describe('createScan', () => {
  it('records digit runs, @ and : positions', () => {
    const scan = createScan('call 555-0100 or a@b.io at 10:30', 0);
    expect([...scan.digitRuns]).toEqual([5, 8, 9, 13, 27, 29, 30, 32]);
    expect([...scan.ats]).toEqual([18]);
    expect([...scan.colons]).toEqual([29]);
    expect(scan.flags & (HAS_DIGIT | HAS_AT | HAS_COLON)).toBe(HAS_DIGIT | HAS_AT | HAS_COLON);
  });

  it('walks back to the start of a digit run that began before `from`, at most 64 digits', () => {
    expect([...createScan('ab 12345 x', 5).digitRuns]).toEqual([3, 8]);
    const long = '9'.repeat(100);
    expect([...createScan(long, 90).digitRuns]).toEqual([26, 100]);
  });

  it('agrees with a regex for every string', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('1', '2', 'a', ' ', '@', ':', '＠', '-') }), (text) => {
        const scan = createScan(text, 0);
        const runs = [...text.matchAll(/[0-9]+/g)].flatMap((m) => [m.index!, m.index! + m[0].length]);
        expect([...scan.digitRuns]).toEqual(runs);
        expect([...scan.ats]).toEqual([...text.matchAll(/[@＠]/g)].map((m) => m.index));
        expect([...scan.colons]).toEqual([...text.matchAll(/:/g)].map((m) => m.index));
      }),
    );
  });

  it('notes the first code unit from U+00AD up in a probe, and finds the same positions with it', () => {
    const units = ['1', '2', 'a', ' ', '@', ':', '＠', '-', '\u00ac', '\u00ad', 'é', '€', '\u200b', '\ud835'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units) }), (text) => {
        const probe = { at: 99 };
        const scan = createScan(text, 0, probe);
        const plain = createScan(text, 0);
        expect(probe.at).toBe(text.search(/[\u00ad-\uffff]/));
        expect([...scan.digitRuns]).toEqual([...plain.digitRuns]);
        expect([...scan.ats]).toEqual([...plain.ats]);
        expect([...scan.colons]).toEqual([...plain.colons]);
        expect(scan.flags).toBe(plain.flags);
      }),
    );
    const probe = { at: 99 };
    createScan('price 5 € then \u200b', 0, probe);
    expect(probe.at).toBe(8);
  });
});

describe('isDigit', () => {
  it('is true for ASCII digits only, and false past the end of a text (NaN)', () => {
    const digits = Array.from({ length: 0x10000 }, (_, code) => code).filter((code) => isDigit(code));
    expect(digits).toEqual([48, 49, 50, 51, 52, 53, 54, 55, 56, 57]);
    expect(isDigit('12'.charCodeAt(2))).toBe(false);
  });
});
