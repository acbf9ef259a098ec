import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLexicon } from '../../src/detectors/address-lexicon.js';
import { AddressParser } from '../../src/detectors/address-parser.js';
import {
  FORM,
  QUICK_LOWER,
  REFUSED,
  UNDECIDED,
  UNSURE,
  before,
  gluedBefore,
  mayBeHouse,
  mayStartAddress,
  quick as lastRead,
  quickVerdict,
  quickVerdictInStream,
  readQuick,
  readQuickInStream,
  ruledOut,
  settledForStream,
} from '../../src/detectors/address-screen.js';
import { ALNUM, DASHNUM, NUM, SLASHNUM, type Window, createTokenScan, scanToken } from '../../src/detectors/address-tokens.js';

const lex = addressLexicon();
const window = (text: string, anchor: number, stream: boolean): Window => ({
  text,
  lo: Math.max(0, anchor - 160),
  end: Math.min(text.length, anchor + 200),
  touched: false,
  stream,
});

/** What the parser says about the anchor: its match and whether it read the end of the text. */
function parse(text: string, anchor: number): { found: boolean; touched: boolean } {
  const win = window(text, anchor, true);
  const parser = new AddressParser(win, lex);
  parser.reset(anchor);
  return { found: parser.run() !== undefined, touched: win.touched };
}

const screen = (text: string, anchor: number): boolean => mayStartAddress(window(text, anchor, false), anchor, lex, createTokenScan(), createTokenScan());
const firstDigit = (text: string): number => text.search(/[0-9]/);

/** Words and numbers near house numbers in chat, addresses and their look-alikes. */
const pieces = [
  '12', '221B', '3rd', '3/14', '4-123', '10:30', '1.5', '1,200', '1999', '2024-01-05', '1234567', '75002', 'SW1A', '1AA',
  'Main', 'main', 'St', 'St.', 'Street', 'ave', 'Ave', 'Rd', 'Way', 'Close', 'close', 'The', 'the', 'County', 'Road', 'Route',
  'rue', 'de', 'la', 'Paix', 'bis', 'avenue', 'Hauptstraße', 'Berliner', 'Straße', 'Str.', 'Karl-Marx-Allee', 'Flat', 'Apt',
  'Unit', 'Suite', '#', 'P.O.', 'Box', 'box', 'PO', 'Post', 'Office', 'order', 'version', 'Jan', 'in', 'since', 'at', 'for',
  'UA', 'NY', 'ny', 'miles', 'days', 'more', 'points', 'after', 'login', 'shows', 'Springfield', 'IL', 'London', 'Paris',
  'Québec', 'İstanbul', 'Élysée', 'd’Orsay', '$', '%', '£', ',', '.', '-', '/', ':', '(', ')', '\n',
  '5a', '12x4', '3/', '4-', 'minutes', 'March', 'of', 'State', 'Route', 'ter', 'GB', '1.', '7,',
];
const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 14 }).chain((words) =>
  fc.array(fc.constantFrom(' ', ' ', '', ', ', '\n', '  '), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((word, k) => word + gaps[k]).join('')),
);

describe('address screen', () => {
  it('rules out the digit runs of ordinary chat', () => {
    for (const line of ['I have 3 main points', 'took 67 minutes for 295 GB', 'order 48213 shipped', 'at 10:30 today', 'it was $12.50', 'Error 503 after login in the app', 'since 2019 we moved', 'Jan 12 works']) {
      expect(screen(line, firstDigit(line))).toBe(false);
    }
  });

  it('lets every form of address through to the parser', () => {
    for (const line of ['12 Main Street', '4500 West 79th Street', '405, rue Sainte-Catherine', 'Hauptstraße 5, 10115 Berlin', 'P.O. Box 88', 'Flat 3, 12 High St', '2150 County Road 12', '586 W 207 St', '123 The Street', '8 bis avenue des Ternes']) {
      expect(screen(line, firstDigit(line))).toBe(true);
    }
  });

  it('rules out digit runs that are no house number from the characters after them', () => {
    const shaped = (line: string) => {
      const start = firstDigit(line);
      let end = start;
      while (/[0-9]/.test(line[end] ?? '')) end++;
      return mayBeHouse(line, start, end);
    };
    for (const line of ['at 10:30', 'at 10:', '1.5 kg', '1,200 people', 'the 3rd', '186x49 cm', '12kg', 'on 2024-01-05', 'on 05/12/2020', 'id 1234567']) expect(shaped(line)).toBe(false);
    for (const line of ['12 Main St', '221B Baker Street', '3/14 Smith St', '4-123 Rue', 'Box 12.', 'Box 12,', 'Flat 12', 'Unit 3/', 'Unit 3-4', 'Apt 12a', 'at 12.', '75%', '1. Main']) expect(shaped(line)).toBe(true);
  });

  it('rules out only digit runs the tokeniser reads as no house number', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (let anchor = 0; anchor < value.length; anchor++) {
          if (!/[0-9]/.test(value[anchor]) || (anchor > 0 && /[0-9]/.test(value[anchor - 1]))) continue;
          let end = anchor;
          while (/[0-9]/.test(value[end] ?? '')) end++;
          if (mayBeHouse(value, anchor, end)) continue;
          const token = createTokenScan();
          scanToken(window(value, anchor, false), anchor, token);
          expect([NUM, ALNUM, SLASHNUM, DASHNUM]).not.toContain(token.kind);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('sorts the word before the number', () => {
    const verdict = (line: string) => before(window(line, firstDigit(line), true), firstDigit(line), lex, createTokenScan());
    expect(verdict('order 12345')).toBe(REFUSED);
    expect(verdict('UA 1234 Park Avenue')).toBe(REFUSED);
    expect(verdict('in 1999 Main Street')).toBe(REFUSED);
    expect(verdict('Hauptstraße 5')).toBe(FORM);
    expect(verdict('Flat 3')).toBe(FORM);
    expect(verdict('P.O. Box 88')).toBe(FORM);
    expect(verdict('at 12 Main St')).toBe(UNDECIDED);
  });

  it('never rules out an anchor where the parser finds an address', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (let anchor = 0; anchor < value.length; anchor++) {
          if (!/[0-9]/.test(value[anchor]) || (anchor > 0 && /[0-9]/.test(value[anchor - 1]))) continue;
          if (parse(value, anchor).found) expect(screen(value, anchor)).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('settles the stream anchors of chat after the word after the number', () => {
    const settled = (line: string) => {
      const anchor = firstDigit(line);
      let end = anchor;
      while (/[0-9]/.test(line[end] ?? '')) end++;
      const results = [-1, end].map((known) => {
        const win = window(line, anchor, true);
        const result = settledForStream(win, anchor, lex, createTokenScan(), createTokenScan(), known);
        if (result) expect(parse(line, anchor)).toEqual({ found: false, touched: win.touched });
        return result;
      });
      expect(results[1]).toBe(results[0]);
      return results[0];
    };
    for (const line of ['after 8 days. The monitor I', 'stuck at 9% since', 'took 67 minutes for', 'add 9 more licenses', 'at 12, and then', 'on 12 March', 'at 10:3', 'it was 4.4.7']) expect(settled(line)).toBe(true);
    // Cut after a mark that may join the word to a letter still to come: the end was read.
    for (const line of ['add 9 more-', "took 9 days'", 'add 9 more lic', 'at 12,', 'at 12']) expect(settled(line)).toBe(true);
    // A lower-case first name word without a suffix among the names (read to the end or not).
    for (const line of ['Error 503 after login in the', 'invoice for 2017 shows £1034.31', 'after 2 da', 'Error 503 after lo', 'we need 12 green oak trees now', 'at 12 main', 'at 12 after login shows after login shows x', 'at 12 after login shows after login x', 'at 12 after login shows after login shows 5 x']) expect(settled(line)).toBe(true);
    for (const line of ['at 12 oak lane', 'at 12 green oak st', 'at 12 old 5 Rd']) expect(settled(line)).toBe(false);
    for (const line of ['at 12 The Street', 'at 12 us highway 5', 'at 12 bis rue de la Paix', 'at 12, rue de la Paix', 'Flat 3, 12 High St', 'at 12 Main', 'at 12 3rd']) expect(settled(line)).toBe(false);
  });

  it('settles a stream anchor only with the parser’s answer and reads, at every cut', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (let cut = 1; cut <= value.length; cut++) {
          const prefix = value.slice(0, cut);
          for (let anchor = 0; anchor < cut; anchor++) {
            if (!/[0-9]/.test(prefix[anchor]) || (anchor > 0 && /[0-9]/.test(prefix[anchor - 1]))) continue;
            // Without the run's end, and with it (the shortcuts that read from it).
            let end = anchor;
            while (/[0-9]/.test(prefix[end] ?? '')) end++;
            for (const known of [-1, end]) {
              const win = window(prefix, anchor, true);
              if (!settledForStream(win, anchor, lex, createTokenScan(), createTokenScan(), known)) continue;
              expect(parse(prefix, anchor)).toEqual({ found: false, touched: win.touched });
            }
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  describe('ruledOut', () => {
    const runEnd = (line: string, anchor: number) => {
      let end = anchor;
      while (/[0-9]/.test(line[end] ?? '')) end++;
      return end;
    };
    const quick = (line: string, anchor = firstDigit(line)) => {
      const win = window(line, anchor, false);
      return ruledOut(line, anchor, runEnd(line, anchor), win.lo, win.end, lex);
    };

    it('rules out the digit runs of clean chat on ASCII alone', () => {
      for (const line of ['Please add 32 more licenses', 'took 87% off', 'order 48213 still says processing, it', 'Error 503 after login in the app', 'took 45 minutes for', 'The invoice for 2019 shows £12.34', 'code 1. Cheers.', 'renews on Feb 12, any chance', 'since 2019 we moved', 'UA 1234 Park Avenue', 'at 12, and then']) {
        expect(quick(line)).toBe(true);
      }
    });

    it('leaves every form of address and every non-ASCII word to the full screen', () => {
      for (const line of ['12 Main Street', 'at 12 main street', '4500 West 79th Street', '405, rue Sainte-Catherine', 'Hauptstraße 5', 'Berliner Allee 5', 'P.O. Box 88', 'Flat 3, 12 High St', 'apt 12 more', '2150 County Road 12', '586 W 207 St', '123 The Street', '8 bis avenue des Ternes', 'Müller 12 more', 'at 12 café', 'at 12 O’Neil St']) {
        expect(quick(line)).toBe(false);
      }
    });

    it('sorts the ASCII word before the number as the parser does, reading no further', () => {
      const verdict = (line: string) => quickVerdict(line, firstDigit(line), runEnd(line, firstDigit(line)), 0, lex);
      expect(verdict('order 12345')).toBe(REFUSED);
      expect(verdict('Jan. 12')).toBe(REFUSED);
      expect(verdict('UA 1234 Park Avenue')).toBe(REFUSED);
      expect(verdict('in 1999 Main Street')).toBe(REFUSED);
      expect(verdict('in 2150 Main Street')).toBe(UNDECIDED);
      expect(verdict('at 12 Main St')).toBe(UNDECIDED);
      for (const line of ['Hauptstraße 5', 'Parkweg 5', 'Flat 3', 'apt 3', 'P.O. Box 88', 'Müller 12', 'at\u00a012']) expect(verdict(line)).toBe(UNSURE);
      fc.assert(
        fc.property(text, (value) => {
          for (let anchor = 0; anchor < value.length; anchor++) {
            if (!/[0-9]/.test(value[anchor]) || (anchor > 0 && /[0-9]/.test(value[anchor - 1]))) continue;
            const end = runEnd(value, anchor);
            if (end >= value.length || gluedBefore(value, anchor, 0)) continue;
            const quick = quickVerdict(value, anchor, end, Math.max(0, anchor - 160), lex);
            if (quick === UNSURE) continue;
            const win = window(value, anchor, true);
            expect(before(win, anchor, lex, createTokenScan())).toBe(quick);
            expect(win.touched).toBe(false);
          }
        }),
        { numRuns: 3000 },
      );
    });

    it('reads in its stream copies exactly as in its one-shot ones', () => {
      const read = (reader: typeof readQuick, value: string, pos: number, end: number) => {
        lastRead.touched = false;
        const kind = reader(value, pos, end, lex);
        return { kind, ...lastRead };
      };
      expect(read(readQuick, '12 more', 2, 7)).toMatchObject({ kind: QUICK_LOWER, next: 7, touched: true });
      expect(read(readQuickInStream, '12 more.', 2, 8)).toMatchObject({ kind: QUICK_LOWER, next: 8, touched: false });
      fc.assert(
        fc.property(text, fc.nat(200), (value, cut) => {
          const end = value.length === 0 ? 0 : 1 + (cut % value.length);
          for (let pos = 0; pos < end; pos++) {
            expect(read(readQuickInStream, value, pos, end)).toEqual(read(readQuick, value, pos, end));
            if (!/[0-9]/.test(value[pos]) || (pos > 0 && /[0-9]/.test(value[pos - 1]))) continue;
            const run = runEnd(value, pos);
            expect(quickVerdictInStream(value, pos, run, 0, lex)).toBe(quickVerdict(value, pos, run, 0, lex));
          }
        }),
        { numRuns: 2000 },
      );
    });

    it('rules out only anchors the full screen rules out', () => {
      fc.assert(
        fc.property(text, fc.nat(200), (value, lead) => {
          for (let anchor = 0; anchor < value.length; anchor++) {
            if (!/[0-9]/.test(value[anchor]) || (anchor > 0 && /[0-9]/.test(value[anchor - 1]))) continue;
            const end = runEnd(value, anchor);
            if (gluedBefore(value, anchor, 0) || !mayBeHouse(value, anchor, end)) continue;
            const win = window(value, anchor, false);
            // A window cut before the end of the text as well as one at its end.
            const cut = Math.min(win.end, anchor + (lead % 40) + end - anchor);
            if (ruledOut(value, anchor, end, win.lo, win.end, lex)) expect(screen(value, anchor)).toBe(false);
            if (ruledOut(value, anchor, end, win.lo, cut, lex)) expect(mayStartAddress({ ...win, end: cut }, anchor, lex, createTokenScan(), createTokenScan(), end)).toBe(false);
          }
        }),
        { numRuns: 3000 },
      );
    });
  });
});

