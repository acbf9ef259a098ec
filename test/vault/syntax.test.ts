import { describe, expect, it } from 'vitest';
import { NEED_MORE, NO_MATCH, type TokenMatch, matchToken, tokenPrefix } from '../../src/vault/syntax.js';

describe('tokenPrefix', () => {
  it.each([
    ['EMAIL', 'EMAIL'],
    ['US_SSN', 'US_SSN'],
    ['my-type', 'MY_TYPE'],
    ['  weird  type!! ', 'WEIRD_TYPE'],
    ['2fa', 'X2FA'],
    ['', 'X'],
    ['ÄÖ', 'X'],
    ['a'.repeat(60), 'A'.repeat(40)],
  ])('maps %j to %j', (type, prefix) => {
    expect(tokenPrefix(type)).toBe(prefix);
  });
});

describe('matchToken', () => {
  const match: TokenMatch = { end: 0, nameStart: 0, nameEnd: 0 };
  const run = (text: string, at: number, final = true) => {
    const end = matchToken(text, at, final, match);
    return end < 0 ? end : [end, text.slice(match.nameStart, match.nameEnd)];
  };

  it.each([
    ['[EMAIL_1]', 0, [9, 'EMAIL_1']],
    ['x [email_12] y', 2, [12, 'email_12']],
    ['[ EMAIL_1 ]', 0, [11, 'EMAIL_1']],
    ['[\tEMAIL_1  ]', 0, [12, 'EMAIL_1']],
    ['EMAIL_1', 0, [7, 'EMAIL_1']],
    ['`EMAIL_1`', 1, [8, 'EMAIL_1']],
    ['"US_SSN_3".', 1, [9, 'US_SSN_3']],
    ['[EMAIL_1', 1, [8, 'EMAIL_1']],
  ])('reads %j at %i', (text, at, expected) => {
    expect(run(text, at)).toEqual(expected);
  });

  it.each([
    ['[   EMAIL_1]', 0], // three spaces
    ['[EMAIL 1]', 0],
    ['[EMAIL-1]', 0],
    ['[EMAIL_01]', 0],
    ['[EMAIL_1', 0], // no closing bracket: only the bare name matches, at 1
    ['xEMAIL_1', 1], // inside a word
    ['EMAIL_1x', 0],
    ['EMAIL1', 0],
    ['_1', 0],
    ['[1_1]', 0],
    ['EMAIL_1234567890', 0], // ten digits
    [`${'A'.repeat(49)}_1`, 0], // longer than MAX_NAME (50)
  ])('rejects %j at %i', (text, at) => {
    expect(run(text, at)).toBe(NO_MATCH);
  });

  it.each([
    ['[', 0],
    ['[ ', 0],
    ['[EMAIL_1', 0],
    ['[EMAIL_1 ', 0],
    ['EMAIL_1', 0],
    ['hello', 0],
  ])('needs more text after %j when the text is not final', (text, at) => {
    expect(run(text, at, false)).toBe(NEED_MORE);
  });

  it('decides a word longer than any name without more text', () => {
    expect(run('A'.repeat(60), 0, false)).toBe(NO_MATCH);
  });
});
