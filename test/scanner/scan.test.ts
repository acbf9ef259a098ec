import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScan, HAS_ARMOUR, HAS_AT, HAS_COLON, HAS_DIGIT, HAS_DOT_SIGN, HAS_EQUALS, HAS_NEWLINE, HAS_PASS, HAS_WWW } from '../../src/scanner/scan.js';
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

  it('flags a mark exactly when a search from `from` finds one, and finds the same positions with marks about', () => {
    // Pieces too, so that marks overlap and follow one another ('.www.', 'ww.dot', '------').
    const units = ['1', '2', ' ', '@', ':', '=', '\n', '.', 'a', 'd', 'D', 'o', 'O', 't', 'T', 'w', '-', '\u00e9', 'www', '.w', 'do', '--', '.d', 'p', 'P', 's', 'S', 'W', 'pa', 'ss', 'pw', '.s', '.p'];
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...units), maxLength: 40 }), fc.nat(), fc.boolean(), (text, seed, probe) => {
        const from = text.length === 0 ? 0 : seed % (text.length + 1);
        const scan = probe && from === 0 ? createScan(text, 0, { at: -1 }) : createScan(text, from);
        const dotSign = /\.[a-zA-Z]|[dD][oO][tT]/g;
        dotSign.lastIndex = from;
        const expected =
          (dotSign.test(text) ? HAS_DOT_SIGN : 0) |
          (text.indexOf('www.', from) >= 0 ? HAS_WWW : 0) |
          (text.indexOf('-----', from) >= 0 ? HAS_ARMOUR : 0) |
          (text.indexOf('=', from) >= 0 ? HAS_EQUALS : 0) |
          (text.indexOf('\n', from) >= 0 ? HAS_NEWLINE : 0) |
          (/[pP](?:[aA][sS][sS]|[wW][dD])/.test(text.slice(from)) ? HAS_PASS : 0);
        expect(scan.flags & (HAS_DOT_SIGN | HAS_WWW | HAS_ARMOUR | HAS_EQUALS | HAS_NEWLINE | HAS_PASS)).toBe(expected);
        const runs = [...text.matchAll(/[0-9]+/g)].filter((m) => m.index! + m[0].length > from).flatMap((m) => [m.index!, m.index! + m[0].length]);
        expect([...scan.digitRuns]).toEqual(runs);
        expect([...scan.ats]).toEqual([...text.matchAll(/@/g)].map((m) => m.index).filter((at) => at! >= from));
        expect([...scan.colons]).toEqual([...text.matchAll(/:/g)].map((m) => m.index).filter((at) => at! >= from));
      }),
      { numRuns: 3000 },
    );
    expect(createScan('see www.example.com', 0).flags & (HAS_WWW | HAS_DOT_SIGN)).toBe(HAS_WWW | HAS_DOT_SIGN);
    expect(createScan('-----BEGIN', 0).flags & HAS_ARMOUR).toBe(HAS_ARMOUR);
    // The '.' of `www.` starts a dot sign; a dot sign's 'w' starts `www.`.
    expect(createScan('www.x', 0).flags & (HAS_WWW | HAS_DOT_SIGN)).toBe(HAS_WWW | HAS_DOT_SIGN);
    expect(createScan('.www.5', 0).flags & (HAS_WWW | HAS_DOT_SIGN)).toBe(HAS_WWW | HAS_DOT_SIGN);
    expect(createScan('a.dot', 3).flags & HAS_DOT_SIGN).toBe(0);
    // A dot sign's letter may start `pass`, and a '.' before `pwd` makes a dot sign of '.p' only.
    expect(createScan('x.pass', 0).flags & (HAS_PASS | HAS_DOT_SIGN)).toBe(HAS_PASS | HAS_DOT_SIGN);
    expect(createScan('my PASSWORD', 0).flags & (HAS_PASS | HAS_DOT_SIGN)).toBe(HAS_PASS);
    expect(createScan('a.s and a.d', 0).flags & (HAS_PASS | HAS_DOT_SIGN)).toBe(HAS_DOT_SIGN);
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
