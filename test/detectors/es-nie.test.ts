import fc from 'fast-check';
import { DNI_LETTERS } from '../../src/detectors/es-dni.js';
import { esNie } from '../../src/detectors/es-nie.js';
import { detectorSuite, DIGITS, format, stringOf } from '../helpers/detector-suite.js';

const letter = (prefix: string, digits: string): string => DNI_LETTERS[('XYZ'.indexOf(prefix) * 1e7 + Number(digits)) % 23];
const layout = fc.constantFrom('ADDDDDDDA', 'A-DDDDDDD-A', 'ADDDDDDD-A');

detectorSuite('esNie', {
  detector: () => esNie(),
  positives: [
    ['an X NIE', 'NIE ⟦X1234567L⟧'],
    ['a Y NIE with dashes', 'NIE ⟦Y-1234567-X⟧.'],
    ['a Z NIE', '⟦Z1234567R⟧ ok'],
  ],
  negatives: [
    ['a wrong letter', 'NIE X1234567A'],
    ['another first letter', 'ref A1234567L'],
  ],
  valid: fc.tuple(fc.constantFrom('X', 'Y', 'Z'), stringOf(DIGITS, 7), layout).map(([p, d, l]) => format(p + d + letter(p, d), l)),
  invalid: fc
    .tuple(fc.constantFrom('X', 'Y', 'Z'), stringOf(DIGITS, 7), fc.integer({ min: 1, max: 22 }), layout)
    .map(([p, d, k, l]) => format(p + d + DNI_LETTERS[(DNI_LETTERS.indexOf(letter(p, d)) + k) % 23], l)),
});
