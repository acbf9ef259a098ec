import fc from 'fast-check';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { brCnpj } from '../../src/detectors/br-cnpj.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const WEIGHTS = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const digit = (body: string): number => {
  let sum = 0;
  const offset = 13 - body.length;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * WEIGHTS[i + offset];
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
};
const withChecks = (body: string): string => {
  const first = body + digit(body);
  return first + digit(first);
};
const body = stringOf(DIGITS, 12).filter((b) => !/^(\d)\1+$/.test(b));

detectorSuite('brCnpj', {
  detector: () => brCnpj(),
  positives: [
    ['a printed CNPJ', 'CNPJ ⟦11.222.333/0001-81⟧'],
    ['a bare CNPJ after "CNPJ"', 'CNPJ: ⟦11222333000181⟧'],
  ],
  negatives: [
    ['a bare CNPJ without context', 'id 11222333000181'],
    ['a wrong check digit', 'CNPJ 11.222.333/0001-82'],
  ],
  valid: body.map((b) => format(withChecks(b), 'DD.DDD.DDD/DDDD-DD')),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 })).map(([b, k]) => {
    const valid = withChecks(b);
    return format(valid.slice(0, 13) + ((Number(valid[13]) + k) % 10), 'DD.DDD.DDD/DDDD-DD');
  }),
});

describe('brCnpj check digits', () => {
  it('agree with validator.js', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(validator.isTaxID(withChecks(b), 'pt-BR')).toBe(true);
      }),
    );
  });
});
