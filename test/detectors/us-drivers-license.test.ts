import fc from 'fast-check';
import { usDriversLicense } from '../../src/detectors/us-drivers-license.js';
import { detectorSuite, DIGITS, stringOf, UPPER } from '../helpers/detector-suite.js';

detectorSuite('usDriversLicense', {
  detector: () => usDriversLicense(),
  lead: "driver's license ",
  positives: [
    ['a California licence', "driver's license ⟦D5512839⟧"],
    ['a nine-digit licence after "DL#"', 'DL# ⟦409372516⟧.'],
    ['a Florida-style licence', 'Driving licence: ⟦S53041287365⟧'.replace('S53041287365', 'S530412873651')],
  ],
  negatives: [
    ['a letter and digits without context', 'ticket D5512839'],
    ['six digits', "driver's license 551283"],
    ['a placeholder', 'license 00000000'],
  ],
  valid: fc.oneof(stringOf(DIGITS, 9), fc.tuple(stringOf(UPPER, 1), stringOf(DIGITS, 7)).map(([a, b]) => a + b)).filter((v) => !/^\D?(\d)\1+$/.test(v) && !'0123456789'.includes(v.replace(/^\D/, '')) && !'9876543210'.includes(v.replace(/^\D/, ''))),
  invalid: fc.oneof(stringOf(DIGITS, 6), stringOf(DIGITS, 11)),
});
