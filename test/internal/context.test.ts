import { describe, expect, it } from 'vitest';
import { hasContextBefore } from '../../src/internal/context.js';

describe('hasContextBefore', () => {
  it('finds a whole word in the window, ignoring case', () => {
    expect(hasContextBefore('my SIN: 046 454 286', 8, 20, ['sin'])).toBe(true);
    expect(hasContextBefore('Routing number 021000021', 15, 40, ['routing'])).toBe(true);
  });
  it('ignores a word inside another word', () => {
    expect(hasContextBefore('business 046 454 286', 9, 20, ['sin'])).toBe(false);
    expect(hasContextBefore('sinus 046', 6, 20, ['sin'])).toBe(false);
  });
  it('ignores a word outside the window', () => {
    const text = `SIN ${'x'.repeat(50)} 046454286`;
    expect(hasContextBefore(text, text.length - 9, 40, ['sin'])).toBe(false);
  });
  it('checks the character before the window', () => {
    expect(hasContextBefore('xsin 1', 5, 4, ['sin'])).toBe(false);
  });
});
