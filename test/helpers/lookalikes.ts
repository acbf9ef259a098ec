/**
 * Look-alike forms of an ASCII digit `d`, all of which the normalised view folds back to `d`
 * (src/normalize.ts): full-width, Arabic-Indic, Extended Arabic-Indic, Devanagari, Thai, and the
 * astral Mathematical bold and monospace digits. Shared by the fuzz files that evade values.
 *
 * @example
 * DIGIT_FORMS[0](4) // '４'
 */
export const DIGIT_FORMS: readonly ((d: number) => string)[] = [
  (d) => String.fromCharCode(0xff10 + d),
  (d) => String.fromCharCode(0x660 + d),
  (d) => String.fromCharCode(0x6f0 + d),
  (d) => String.fromCharCode(0x966 + d),
  (d) => String.fromCharCode(0xe50 + d),
  (d) => String.fromCodePoint(0x1d7ce + d),
  (d) => String.fromCodePoint(0x1d7f6 + d),
];
