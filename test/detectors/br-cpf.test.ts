import fc from 'fast-check';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { brCpf } from '../../src/detectors/br-cpf.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const digit = (body: string): number => {
  let sum = 0;
  for (let i = 0; i < body.length; i++) sum += Number(body[i]) * (body.length + 1 - i);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
};
const withChecks = (body: string): string => {
  const first = body + digit(body);
  return first + digit(first);
};
const body = stringOf(DIGITS, 9).filter((b) => !/^(\d)\1+$/.test(b));

detectorSuite('brCpf', {
  detector: () => brCpf(),
  positives: [
    ['a printed CPF', 'CPF ⟦111.444.777-35⟧'],
    ['a bare CPF after "CPF"', 'cpf: ⟦11144477735⟧.'],
  ],
  negatives: [
    ['a bare CPF without context', 'pedido 11144477735'],
    ['a wrong check digit', 'CPF 111.444.777-36'],
    ['repeated digits', 'CPF 111.111.111-11'],
  ],
  valid: body.map((b) => format(withChecks(b), 'DDD.DDD.DDD-DD')),
  invalid: fc.tuple(body, fc.integer({ min: 1, max: 9 })).map(([b, k]) => {
    const valid = withChecks(b);
    return format(valid.slice(0, 10) + ((Number(valid[10]) + k) % 10), 'DDD.DDD.DDD-DD');
  }),
});

describe('brCpf check digits', () => {
  it('agree with validator.js', () => {
    fc.assert(
      fc.property(body, (b) => {
        expect(validator.isTaxID(withChecks(b), 'pt-BR')).toBe(true);
      }),
    );
  });
});
