import fc from 'fast-check';
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import validator from 'validator';
import { describe, expect, it } from 'vitest';
import { cardValue, emailValue, ibanCheckDigits, ibanValue, ipv4Value, ipv6Value, luhnCheckDigit, phoneValue, plantedValue, ssnValue } from './values.js';

describe('values', () => {
  it('computes the Luhn digit of known test cards', () => {
    expect(luhnCheckDigit('411111111111111')).toBe(1);
    expect(luhnCheckDigit('555555555555444')).toBe(4);
    expect(luhnCheckDigit('37144963539843')).toBe(1);
  });

  it('computes the IBAN check digits of the ISO 13616 examples', () => {
    expect(ibanCheckDigits('DE', '370400440532013000')).toBe('89');
    expect(ibanCheckDigits('GB', 'WEST12345698765432')).toBe('82');
    expect(ibanCheckDigits('NL', 'ABNA0417164300')).toBe('91');
  });

  it('builds emails that validator accepts', () => {
    fc.assert(fc.property(emailValue, (value) => validator.isEmail(value)));
  });

  it('builds Luhn-valid card numbers', () => {
    fc.assert(fc.property(cardValue, (value) => validator.isCreditCard(value.replace(/[ -]/g, ''))));
  });

  it('builds SSNs inside the SSA rules', () => {
    fc.assert(
      fc.property(ssnValue, (value) => {
        const match = /^(\d{3})-(\d{2})-(\d{4})$/.exec(value);
        expect(match).not.toBeNull();
        const [, area, group, serial] = match!;
        expect(area === '000' || area === '666' || area >= '900').toBe(false);
        expect(group).not.toBe('00');
        expect(serial).not.toBe('0000');
      }),
    );
  });

  it('builds IBANs that validator accepts', () => {
    fc.assert(fc.property(ibanValue, (value) => validator.isIBAN(value.replace(/ /g, ''))));
  });

  it('builds phone numbers that libphonenumber-js accepts', () => {
    fc.assert(fc.property(phoneValue, (value) => isValidPhoneNumber(value, 'US')));
  });

  it('builds IPv4 and IPv6 addresses', () => {
    fc.assert(fc.property(ipv4Value, (value) => validator.isIP(value, 4)));
    fc.assert(fc.property(ipv6Value, (value) => validator.isIP(value, 6)));
  });

  it('tags every planted value with a built-in type', () => {
    fc.assert(fc.property(plantedValue, ({ type }) => ['EMAIL', 'CREDIT_CARD', 'US_SSN', 'IBAN', 'PHONE', 'IP_ADDRESS'].includes(type)));
  });
});
