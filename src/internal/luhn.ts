/**
 * The Luhn check (ISO/IEC 7812-1 Annex B, "mod 10"): the last digit of a payment card number
 * makes the weighted digit sum a multiple of 10. It catches every single-digit error and most
 * adjacent transpositions, which is why a random 16-digit number passes only one time in ten.
 */

/** Doubling a digit and summing the digits of the result, by table (2·7 = 14 → 1 + 4 = 5). */
const DOUBLED = [0, 2, 4, 6, 8, 1, 3, 5, 7, 9];

/**
 * True when the ASCII digits of `text` in `[start, end)` pass the Luhn check. Characters that
 * are not digits (separators such as ' ' and '-') are skipped, so a grouped card number can be
 * checked in place without building a string. A range without digits is not valid.
 *
 * @example
 * luhnValid('4111 1111 1111 1111', 0, 19) // true
 * luhnValid('4111 1111 1111 1112', 0, 19) // false
 */
export function luhnValid(text: string, start: number, end: number): boolean {
  let sum = 0;
  let digits = 0;
  for (let index = end - 1; index >= start; index--) {
    const digit = text.charCodeAt(index) - 48;
    if (digit >>> 0 > 9) continue;
    sum += (digits & 1) === 1 ? DOUBLED[digit] : digit;
    digits++;
  }
  return digits > 0 && sum % 10 === 0;
}

/**
 * The digit that, appended to the digits of `payload`, makes the whole pass the Luhn check.
 * Used to build valid numbers (tests, surrogates).
 *
 * @example
 * luhnCheckDigit('411111111111111') // 1
 */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  let digits = 0;
  for (let index = payload.length - 1; index >= 0; index--) {
    const digit = payload.charCodeAt(index) - 48;
    if (digit >>> 0 > 9) continue;
    // The check digit will sit at weight 1, so the payload's last digit is doubled.
    sum += (digits & 1) === 0 ? DOUBLED[digit] : digit;
    digits++;
  }
  return (10 - (sum % 10)) % 10;
}
