import fc from 'fast-check';
import { inPan } from '../../src/detectors/in-pan.js';
import { detectorSuite, DIGITS, stringOf, UPPER } from '../helpers/detector-suite.js';

detectorSuite('inPan', {
  detector: () => inPan(),
  positives: [
    ['a personal PAN', 'PAN: ⟦ABCPE1234F⟧'],
    ['a company PAN', 'company PAN ⟦AAACR5055K⟧.'],
  ],
  negatives: [
    ['an invalid holder type', 'PAN ABCDE1234F'],
    ['lower case', 'pan abcpe1234f'],
    ['a longer code', 'XABCPE1234F'],
    ['five digits', 'ABCPE12345F'],
  ],
  valid: fc.tuple(stringOf(UPPER, 3), fc.constantFrom(...'PCHABGJLFT'), stringOf(UPPER, 1), stringOf(DIGITS, 4), stringOf(UPPER, 1)).map((parts) => parts.join('')),
  invalid: fc.tuple(stringOf(UPPER, 3), fc.constantFrom(...'DEIKMNOQRSUVWXYZ'), stringOf(UPPER, 1), stringOf(DIGITS, 4), stringOf(UPPER, 1)).map((parts) => parts.join('')),
});
