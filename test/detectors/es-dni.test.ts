import fc from 'fast-check';
import { DNI_LETTERS, esDni } from '../../src/detectors/es-dni.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const number = stringOf(DIGITS, 8).filter((n) => Number(n) > 0);
const layout = fc.constantFrom('DDDDDDDDA', 'DDDDDDDD-A', 'DDDDDDDD A', 'DD.DDD.DDD-A');

detectorSuite('esDni', {
  detector: () => esDni(),
  positives: [
    ['a DNI', 'DNI ⟦12345678Z⟧'],
    ['a dashed DNI', 'mi DNI es ⟦00000023-T⟧.'],
    ['a dotted DNI', 'NIF ⟦12.345.678-Z⟧'],
  ],
  negatives: [
    ['a wrong letter', 'DNI 12345678A'],
    ['lower case letter', 'DNI 12345678z'],
    ['nine digits and a letter', 'ref 123456789Z'],
    ['glued to a word', 'ref X12345678Z'],
  ],
  valid: fc.tuple(number, layout).map(([n, l]) => format(n + DNI_LETTERS[Number(n) % 23], l)),
  invalid: fc.tuple(number, fc.integer({ min: 1, max: 22 }), layout).map(([n, k, l]) => format(n + DNI_LETTERS[(Number(n) + k) % 23], l)),
});
