import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUM, OTHER, type Window, createTokenScan, scanHouse, scanToken } from '../../src/detectors/address-tokens.js';

const window = (text: string, end = text.length): Window => ({ text, lo: 0, end, touched: false, stream: true });

/** The end of the digit run starting at `start`. */
function runEnd(text: string, start: number): number {
  let end = start;
  while (/[0-9]/.test(text[end] ?? '')) end++;
  return end;
}

describe('address tokens', () => {
  it('takes a short digit run before a space or a sign as a number without reading it again', () => {
    const token = createTokenScan();
    const win = window('add 9 more');
    scanHouse(win, 4, 5, token);
    expect([token.kind, token.start, token.end, token.next, win.touched]).toEqual([NUM, 4, 5, 5, false]);
    scanHouse(window('at 10:30'), 3, 5, token);
    expect([token.kind, token.start, token.end]).toEqual([OTHER, 3, 8]);
  });

  it('records a read of the end when the run touches it, as scanToken does', () => {
    const token = createTokenScan();
    const win = window('at 12');
    scanHouse(win, 3, 5, token);
    expect([token.kind, token.end, win.touched]).toEqual([NUM, 5, true]);
  });

  it('reads a house number exactly as scanToken does', () => {
    const piece = fc.constantFrom('12', '3', '1234567', '221B', '3rd', '3/14', '4-123', '10:30', '1.5', '1,200', '12.', '5%', ' ', 'Main', 'é', '-', '/', ':', '.', ',', '\n', 'x4', '8:', '7,', '1.a', '9:x');
    fc.assert(
      fc.property(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.nat(40), (pieces, cut) => {
        const text = pieces.join('');
        for (let anchor = 0; anchor < text.length; anchor++) {
          if (!/[0-9]/.test(text[anchor]) || (anchor > 0 && /[0-9]/.test(text[anchor - 1]))) continue;
          const end = Math.min(text.length, anchor + 1 + (cut % 12));
          const fast = window(text, end);
          const slow = window(text, end);
          const a = createTokenScan();
          const b = createTokenScan();
          scanHouse(fast, anchor, runEnd(text, anchor), a);
          scanToken(slow, anchor, b);
          expect({ ...a, touched: fast.touched }).toEqual({ ...b, touched: slow.touched });
        }
      }),
      { numRuns: 2000 },
    );
  });
});
