import fc from 'fast-check';
import { macAddress } from '../../src/detectors/mac-address.js';
import { detectorSuite } from '../helpers/detector-suite.js';

const bytes = fc.uint8Array({ minLength: 6, maxLength: 6 }).filter((b) => !b.every((x) => x === 0) && !b.every((x) => x === 255));
const hex = (b: Uint8Array, upper: boolean) => [...b].map((x) => x.toString(16).padStart(2, '0')).map((x) => (upper ? x.toUpperCase() : x));
const print = ([b, style, upper]: [Uint8Array, number, boolean]): string => {
  const groups = hex(b, upper);
  if (style === 0) return groups.join(':');
  if (style === 1) return groups.join('-');
  const all = groups.join('');
  return `${all.slice(0, 4)}.${all.slice(4, 8)}.${all.slice(8)}`;
};

detectorSuite('macAddress', {
  detector: () => macAddress(),
  positives: [
    ['a colon MAC', 'client ⟦00:1A:2B:3C:4D:5E⟧ joined'],
    ['a dash MAC', 'hw ⟦00-1a-2b-3c-4d-5e⟧.'],
    ['a Cisco MAC', 'mac ⟦001a.2b3c.4d5e⟧'],
    ['a MAC after "mac:"', 'mac:⟦aa:bb:cc:dd:ee:f1⟧'],
    ['a MAC of letters with colons', 'bssid=⟦ab:cd:ef:ab:cd:ef⟧'],
  ],
  negatives: [
    ['seven groups', '00:1A:2B:3C:4D:5E:6F'],
    ['the broadcast address', 'ff:ff:ff:ff:ff:ff'],
    ['a time', 'at 12:30:45'],
    ['an IPv6 address', 'fe80::1a2b:3c4d:5e6f:7a8b'],
    ['glued to a word', 'x00:1A:2B:3C:4D:5E'],
  ],
  valid: fc.tuple(bytes, fc.integer({ min: 0, max: 2 }), fc.boolean()).map(print),
  invalid: fc.tuple(bytes, fc.boolean()).map(([b, upper]) => [...hex(b, upper), '7f'].join(':')),
});
