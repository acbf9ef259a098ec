import { isWordCodeAt } from '../scanner/char-class.js';

/**
 * The context words of the PHONE detector (internal to phone.ts): a bare run of digits or an
 * untypical grouping is a phone number only after "call", "phone", "tel", "whatsapp", "number"
 * ... and never after "order", "invoice", "ref", "id" ... Separate because it is a word list
 * with its own reader, and the only part of the detector that looks at words; it looks only
 * before a number, so appending text never changes a finding.
 */

/** Context words are looked for this far before a number. */
export const CONTEXT_WINDOW = 32;

// Context words, lower case. The nearest listed word before a number decides.
const POSITIVE_WORDS = new Set([
  'call', 'calls', 'called', 'calling', 'caller', 'callback', 'phone', 'phones', 'phoned', 'telephone', 'tel', 'tél', 'tlf',
  'telefon', 'telefone', 'telefono', 'teléfono', 'téléphone', 'mobile', 'mobil', 'móvil', 'movil', 'mob', 'cell', 'cellphone',
  'cellular', 'celular', 'cellulare', 'text', 'texting', 'sms', 'whatsapp', 'fax', 'contact', 'reach', 'dial', 'ring',
  'landline', 'hotline', 'helpline', 'handy', 'portable', 'ph', 'message', 'messages', 'voicemail', 'pager',
]);
const NUMBER_WORDS = new Set(['number', 'nummer', 'numero', 'número', 'numéro', 'nr']);
const NEGATIVE_WORDS = new Set([
  'order', 'orders', 'invoice', 'inv', 'account', 'acct', 'tracking', 'ticket', 'case', 'ref', 'reference', 'serial', 'card',
  'customer', 'id', 'transaction', 'txn', 'confirmation', 'booking', 'policy', 'po', 'sku', 'zip', 'postal', 'postcode', 'pin',
  'otp', 'code', 'ssn', 'iban', 'routing', 'version', 'build', 'timestamp', 'epoch', 'ts', 'isbn', 'passport', 'mrn', 'item',
  'part', 'amount', 'total', 'price', 'balance', 'qty', 'quantity', 'year', 'date', 'time', 'pid', 'uid', 'uuid', 'hash',
  'seq', 'sequence', 'value', 'batch', 'model', 'lot', 'license', 'licence', 'vat', 'tax', 'member', 'employee', 'record',
  'port', 'error', 'status', 'release', 'page', 'room', 'flight', 'unit', 'suite', 'social', 'security', 'sin', 'nino', 'nhs',
  'aadhaar', 'pan', 'routing', 'swift', 'bic', 'sort', 'student', 'patient', 'tracking', 'identification', 'registration',
]);

/**
 * True when the nearest context word within CONTEXT_WINDOW before `start` is a phone word.
 *
 * @example
 * hasPhoneContext('call me at 4155550132', 11) // true
 * hasPhoneContext('order number 4155550132', 13) // false
 */
export function hasPhoneContext(text: string, start: number): boolean {
  const floor = Math.max(0, start - CONTEXT_WINDOW);
  let index = start;
  let pendingNumber = false;
  while (index > floor) {
    while (index > floor && !isLetterAt(text, index - 1)) index--;
    const wordEnd = index;
    while (index > floor && isLetterAt(text, index - 1)) index--;
    if (index === wordEnd) break;
    if (index === floor && floor > 0 && isLetterAt(text, floor - 1)) break; // cut by the window
    const word = text.slice(index, wordEnd).toLowerCase();
    if (pendingNumber) return !NEGATIVE_WORDS.has(word);
    if (NUMBER_WORDS.has(word)) {
      pendingNumber = true;
      continue;
    }
    if (POSITIVE_WORDS.has(word)) return true;
    if (NEGATIVE_WORDS.has(word)) return false;
  }
  return pendingNumber;
}

const isLetterAt = (text: string, index: number): boolean => {
  const code = text.charCodeAt(index);
  if (code < 128) return ((code | 0x20) - 97) >>> 0 <= 25;
  return !isDigitLike(code) && isWordCodeAt(text, index);
};

const isDigitLike = (code: number): boolean => (code - 0xff10) >>> 0 <= 9;
