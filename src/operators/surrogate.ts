import { hmacSha256, utf8 } from '../internal/sha256.js';
import { hasNormalizable, normalizeText } from '../normalize.js';
import type { Operator } from '../types.js';
import { type Random, fakeFor } from '../vault/fakes.js';
import { type HasState, STATE, addSurrogate, surrogateOf, tokenFor } from '../vault/state.js';
import { isNameCode } from '../vault/syntax.js';

/** Options of `surrogate`. */
export interface SurrogateOptions {
  /** Candidates tried before falling back to a token when each collides. Default: 16. */
  readonly attempts?: number;
}

/**
 * Replaces each finding with a realistic fake of the same type and format, recorded in `vault`
 * so `vault.restore` puts the original back. Models handle a plausible address better than a
 * placeholder, and the fake can never reach anyone:
 *
 * | type          | surrogate                                                                  |
 * | ------------- | -------------------------------------------------------------------------- |
 * | `EMAIL`       | `name.NNNN@example.com/.net/.org` (RFC 2606 reserved domains)              |
 * | `PHONE`       | NANP `AAA-555-01XX` (fictional range), UK `07700 900XXX` (Ofcom drama)    |
 * | `CREDIT_CARD` | processor test prefix of the same network, same length and grouping, Luhn |
 * | `IBAN`        | same country, length and pattern, random account, valid MOD 97-10          |
 * | `IP_ADDRESS`  | RFC 5737 TEST-NET hosts, IPv6 in 2001:db8::/32 (RFC 3849)                  |
 * | `US_SSN`      | area 900–999, group 01–49 (never an SSN, never an ITIN)                     |
 *
 * Other types, phone numbers of other plans and values a generator cannot shape get a token
 * (`[PERSON_1]`) instead. A surrogate is a keyed function of the vault seed, the type and the
 * value (deterministic per vault, unpredictable without the seed) and is checked against every
 * original, token and surrogate of the vault and the text being redacted, retrying on a
 * collision, so restore never confuses it with real text.
 *
 * Use it through `createTokenizer(vault, { operator: surrogate(vault) })`, whose guard turns
 * any earlier surrogate quoted back in the input into a token.
 *
 * @example
 * const vault = createVault({ seed: 'a seed of sixteen bytes or more' })
 * const tokenizer = createTokenizer(vault, { operator: surrogate(vault), detectors: [email()] })
 * tokenizer.redact('Mail jane@corp.com').text // 'Mail riley.0382@example.net' (depends on the seed)
 */
export function surrogate(vault: HasState, options: SurrogateOptions = {}): Operator {
  if (vault === null || typeof vault !== 'object' || !(STATE in vault)) throw new TypeError('surrogate: pass a vault made by createVault()');
  const attempts = options.attempts ?? 16;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 1000) throw new RangeError('surrogate: options.attempts must be an integer from 1 to 1000');
  const state = vault[STATE];
  return {
    name: 'surrogate',
    apply(value, finding) {
      const type = finding.type;
      // Restore reads a surrogate only as a whole word; a finding glued to a letter or digit
      // (possible with custom detectors) gets a token, whose brackets delimit it anywhere.
      if (gluedToWord(state.input, state.inputOffset, state.inputFinal, value, finding.start, finding.end)) return tokenFor(state, type, value);
      const existing = surrogateOf(state, type, value);
      if (existing !== undefined) return existing;
      // The fake copies the value's separators and shape, so it is drawn from the value as the
      // detectors saw it (the normalised view: '０' → '0', U+2011 → '-', invisibles dropped). A
      // surrogate must read the same in that view: the guard scans the view, and a surrogate it
      // cannot see there could be quoted back and restored to the original.
      const shape = normalizeText(value)?.text ?? value;
      for (let attempt = 0; attempt < attempts; attempt++) {
        const candidate = fakeFor(type, shape, keyedRandom(state.seed, `${type}\u0000${value}\u0000${attempt}`));
        if (candidate === undefined || hasNormalizable(candidate)) break;
        if (addSurrogate(state, type, value, candidate)) return candidate;
      }
      return tokenFor(state, type, value);
    },
  };
}

/**
 * Random numbers from HMAC-SHA256(seed, message ‖ block): 16 bits per draw, a new block every
 * 16 draws. The modulo bias (< bound / 65 536) does not matter for fakes.
 */
function keyedRandom(seed: Uint8Array, message: string): Random {
  let block = 0;
  let bytes = hmacSha256(seed, utf8(`${message}\u0000${block}`));
  let offset = 0;
  return (bound) => {
    if (offset + 2 > bytes.length) {
      block++;
      bytes = hmacSha256(seed, utf8(`${message}\u0000${block}`));
      offset = 0;
    }
    const draw = (bytes[offset] << 8) | bytes[offset + 1];
    offset += 2;
    return draw % bound;
  };
}

/**
 * True when the input shows a letter, digit or `_` right before or after the finding, whose
 * offsets count from `offset` (a stream's position of `input[0]`). A finding that reaches the end
 * of input that is not final (a stream before `end()`) counts as glued: the next chunk may start
 * with a letter, and a token restores whatever follows it.
 */
function gluedToWord(input: string | undefined, offset: number, final: boolean, value: string, start: number, end: number): boolean {
  const from = start - offset;
  const to = end - offset;
  if (input === undefined || from < 0 || !input.startsWith(value, from) || to !== from + value.length) return false;
  if (to === input.length && !final) return true;
  return (from > 0 && isNameCode(input.charCodeAt(from - 1))) || (to < input.length && isNameCode(input.charCodeAt(to)));
}
