import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ukNhs, validNhs } from '../../src/detectors/uk-nhs.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const check = (body: string): number => {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i);
  const c = 11 - (sum % 11);
  return c === 11 ? 0 : c;
};
const body = stringOf(DIGITS, 9).filter((b) => check(b) !== 10 && b !== '000000000');
const layout = fc.constantFrom('DDD DDD DDDD', 'DDD-DDD-DDDD', 'DDDDDDDDDD');

detectorSuite('ukNhs', {
  detector: () => ukNhs(),
  lead: 'NHS number ',
  positives: [
    ['an NHS number from the Data Dictionary example', 'NHS no. ⟦943 476 5919⟧'],
    ['a contiguous NHS number', 'nhs: ⟦9434765919⟧.'],
    ['a dashed NHS number after "NHS number"', 'Patient NHS number is ⟦401-023-2137⟧ today'],
  ],
  negatives: [
    ['a valid number without context', 'call 943 476 5919 today'],
    ['a check digit of 10 (never issued)', 'NHS 123 456 7890'],
    ['a wrong check digit', 'NHS 943 476 5918'],
    ['a longer chain', 'NHS 943 476 5919 12'],
    ['a context word inside another word', 'chinhs 943 476 5919'],
  ],
  valid: fc.tuple(body, layout).map(([b, l]) => format(b + check(b), l)),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 }), layout).map(([b, k, l]) => format(b + ((check(b) + k) % 10), l)).filter((v) => !validNhs(v.replace(/\D/g, ''))),
});

describe('validNhs', () => {
  it('checks mod 11', () => {
    expect(validNhs('9434765919')).toBe(true);
    expect(validNhs('9434765918')).toBe(false);
  });
});
