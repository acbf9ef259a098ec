import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLexicon } from '../../src/detectors/address-lexicon.js';
import { AddressParser } from '../../src/detectors/address-parser.js';
import { FORM, REFUSED, UNDECIDED, before, mayStartAddress, settledForStream } from '../../src/detectors/address-screen.js';
import { type Window, createTokenScan } from '../../src/detectors/address-tokens.js';

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

  it('settles a stream anchor only with the parser’s answer and reads, at every cut', () => {
    fc.assert(
      fc.property(text, (value) => {
        for (let cut = 1; cut <= value.length; cut++) {
          const prefix = value.slice(0, cut);
          for (let anchor = 0; anchor < cut; anchor++) {
            if (!/[0-9]/.test(prefix[anchor]) || (anchor > 0 && /[0-9]/.test(prefix[anchor - 1]))) continue;
            const win = window(prefix, anchor, true);
            if (!settledForStream(win, anchor, lex, createTokenScan(), createTokenScan())) continue;
            expect(parse(prefix, anchor)).toEqual({ found: false, touched: win.touched });
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
