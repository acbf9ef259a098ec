import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cryptoWallet, validBase58Address, validBech32Address, validEip55 } from '../../src/detectors/crypto-wallet.js';
import { createRedactor } from '../../src/index.js';
import { detectorSuite } from '../helpers/detector-suite.js';

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const sha = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());

/** Base58check encoding, written independently of the detector (node:crypto, BigInt). */
function base58check(version: number, hash: Uint8Array): string {
  const payload = new Uint8Array([version, ...hash]);
  const check = sha(sha(payload)).subarray(0, 4);
  const bytes = new Uint8Array([...payload, ...check]);
  let value = BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
  let text = '';
  while (value > 0n) {
    text = ALPHABET[Number(value % 58n)] + text;
    value /= 58n;
  }
  for (const byte of bytes) {
    if (byte !== 0) break;
    text = `1${text}`;
  }
  return text;
}

const hash20 = fc.uint8Array({ minLength: 20, maxLength: 20 });
const btc = fc.tuple(fc.constantFrom(0, 5), hash20).map(([version, hash]) => base58check(version, hash));
const eth = fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => `0x${Buffer.from(b).toString('hex')}`);

detectorSuite('cryptoWallet', {
  detector: () => cryptoWallet(),
  positives: [
    ['a P2PKH address (Bitcoin wiki example)', 'send to ⟦1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2⟧'],
    ['a P2SH address', 'pay ⟦3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy⟧.'],
    ['the genesis address', '⟦1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa⟧ is famous'],
    ['a bech32 P2WPKH address', 'btc: ⟦bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq⟧'],
    ['a bech32 P2WSH address (BIP173)', '⟦bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3⟧'],
    ['a bech32m taproot address', 'taproot ⟦bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297⟧'],
    ['an EIP-55 address', 'eth ⟦0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed⟧'],
    ['a lower-case Ethereum address', 'to=⟦0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359⟧&x'],
  ],
  negatives: [
    ['a base58 address with a wrong checksum', 'send to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3'],
    ['a bech32 address with a wrong checksum', 'bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdr'],
    ['a mixed-case address failing EIP-55', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD'],
    ['a 64-hex transaction hash', '0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060'],
    ['a glued address', 'x1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
  ],
  valid: fc.oneof(btc, eth),
  invalid: fc.tuple(btc, fc.nat()).map(([address, at]) => {
    const index = 1 + (at % (address.length - 1));
    const next = ALPHABET[(ALPHABET.indexOf(address[index]) + 1) % 58];
    return address.slice(0, index) + next + address.slice(index + 1);
  }),
});

describe('cryptoWallet checks', () => {
  it('reports the category', () => {
    const found = createRedactor({ detectors: [cryptoWallet()] }).find('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    expect(found.map((f) => [f.category, f.score])).toEqual([['btc', 0.99], ['eth', 0.99]]);
  });
  it('validates the EIP-55 examples of the EIP', () => {
    for (const address of ['5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359', 'dbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', 'D1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb']) {
      expect(validEip55(address)).toBe(true);
      const letter = address.search(/[a-fA-F]/);
      const flipped = address[letter] === address[letter].toLowerCase() ? address[letter].toUpperCase() : address[letter].toLowerCase();
      expect(validEip55(address.slice(0, letter) + flipped + address.slice(letter + 1))).toBe(false);
    }
  });
  it('checks generated base58 addresses and rejects mixed-case bech32', () => {
    fc.assert(
      fc.property(btc, (address) => {
        expect(validBase58Address(address)).toBe(true);
      }),
    );
    expect(validBech32Address('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq'.toUpperCase())).toBe(true);
    expect(validBech32Address('bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdQ')).toBe(false);
  });
});
