import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import validator from 'validator';
import { itFiscalCode, validFiscalCode } from '../../src/detectors/it-fiscal-code.js';
import { detectorSuite, DIGITS, stringOf, UPPER } from '../helpers/detector-suite.js';

const ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
const value = (c: string) => (c <= '9' ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 65);
const checkLetter = (body: string): string => {
  let sum = 0;
  for (let i = 0; i < 15; i++) sum += i % 2 === 0 ? ODD[value(body[i])] : value(body[i]);
  return String.fromCharCode(65 + (sum % 26));
};
const day = fc.integer({ min: 1, max: 31 }).chain((d) => fc.constantFrom(d, d + 40)).map((d) => String(d).padStart(2, '0'));
const body = fc
  .tuple(stringOf(UPPER, 6), stringOf(DIGITS, 2), fc.constantFrom(...'ABCDEHLMPRST'), day, stringOf(UPPER, 1), stringOf(DIGITS, 3))
  .map((parts) => parts.join(''));

detectorSuite('itFiscalCode', {
  detector: () => itFiscalCode(),
  positives: [
    ['the textbook code of Mario Rossi', 'CF: ⟦RSSMRA85T10A562S⟧'],
    ['a woman born on the 41st (day + 40)', 'codice fiscale ⟦BNCLRA90A41F205I⟧.'],
  ],
  negatives: [
    ['a wrong check letter', 'CF RSSMRA85T10A562T'],
    ['an invalid month letter', 'CF RSSMRA85F10A562S'],
    ['lower case', 'cf rssmra85t10a562s'],
  ],
  valid: body.map((b) => b + checkLetter(b)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 25 })).map(([b, k]) => b + String.fromCharCode(65 + ((checkLetter(b).charCodeAt(0) - 65 + k) % 26))),
});

describe('validFiscalCode', () => {
  it('accepts every generated code and the validator.js example', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(validFiscalCode(b + checkLetter(b))).toBe(true);
      }),
    );
    // validator.js also checks name-letter patterns, so only real-looking codes compare.
    expect(validator.isTaxID('RSSMRA85T10A562S', 'it-IT')).toBe(true);
    expect(validFiscalCode('RSSMRA85T10A562S')).toBe(true);
  });
  it('accepts an omocodic code (digits replaced by L–V letters)', () => {
    const body = 'RSSMRA85T10A56NS'.slice(0, 15);
    expect(validFiscalCode(body + checkLetter(body))).toBe(true);
  });
});
