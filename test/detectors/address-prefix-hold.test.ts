import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLexicon } from '../../src/detectors/address-lexicon.js';
import { prefixHold, prefixHoldByWalk } from '../../src/detectors/address-prefix-hold.js';

const hold = (text: string, floor = 0): number => prefixHold(text, floor, addressLexicon(), new Int32Array(8));

describe('prefixHold', () => {
  it('holds a trailing word still being typed from its start', () => {
    expect(hold('the monitor I')).toBe(12);
    expect(hold('at the flat')).toBe(7);
    expect(hold('see the Str')).toBe(8);
  });

  it('holds the post-office words before a box from the first of them', () => {
    expect(hold('send it to P.O. Bo')).toBe(11);
    expect(hold('send to PO box ')).toBe(8);
    expect(hold('mail to Post Offi')).toBe(8);
    expect(hold('mail to Post Offices')).toBe(13); // no longer the start of "office"
  });

  it('holds a capitalised trailing word from before it when it may still become a German street type', () => {
    // "Berliner Stra" may become "Berliner Straße 12": the adjective is held with it.
    expect(hold('meet at Berliner Stra')).toBe(8);
    expect(hold('meet at Berliner Straß')).toBe(8);
    expect(hold('meet at Berliner Al')).toBe(8);
    // Past every type's start ("Service", "Strand"): only the word itself.
    expect(hold('meet at Berliner Service')).toBe(17);
    expect(hold('meet at Berliner Strand')).toBe(17);
    expect(hold('meet at berliner stra')).toBe(17); // lower case: not a German name
  });

  it('holds a complete unit word or German street word that may still get its number', () => {
    expect(hold('ship to Suite ')).toBe(8);
    expect(hold('ship to suite, ')).toBe(8);
    expect(hold('order 5 dept ')).toBe(8);
    expect(hold('meet at Hauptstraße ')).toBe(8);
    expect(hold('meet at Berliner Straße ')).toBe(8);
    expect(hold('meet at Berliner ')).toBe(8);
  });

  it('releases complete ordinary words and text ending in a number or a sign', () => {
    expect(hold('we have 3 days. ')).toBe(16);
    expect(hold('it was 4.4.7')).toBe(12);
    expect(hold('any ideas?')).toBe(10);
    expect(hold('Dept of Transport ')).toBe(18);
  });

  it('decides the usual ASCII tails of chat as the general walk does', () => {
    expect(hold('it stopped wor')).toBe(11); // a lower-case word still being typed
    expect(hold('it stopped box')).toBe(11); // 'b': read by the walk
    expect(hold('on the desk ')).toBe(12);
    expect(hold('40 days. :)')).toBe(11);
    expect(hold('ship to apt. ')).toBe(8); // a unit word
    expect(hold(`at ${'x'.repeat(41)}`)).toBe(44); // longer than any word the machine reads
    expect(hold('Thanks for the update. Than')).toBe(23); // a capital no German type starts with
    expect(hold('Thanks for the update. Stra')).toBe(23); // "Straße" may follow
    expect(hold('see you at 8:56 AM ')).toBe(19);
    expect(hold('ship to PO pob')).toBe(8); // "pob" starts no longer post-office word but is one
    expect(hold('the issue is b')).toBe(13); // "box" may follow, after a word that is none
    expect(hold('ship to P.O. Bo')).toBe(8);
    expect(hold('Sync is stuck. Berliner Stra')).toBe(15);
    expect(hold('Sync is stuck. Order Stra')).toBe(15); // "Order" ends like an adjective
    expect(hold('Sync is stuck. Thanks Stra')).toBe(22);
    expect(hold('Sync is stuck.\u00a0Stra')).toBe(15);
    expect(hold('it was on pa')).toBe(10);
    expect(hold('Sync is stuck. Thanks ')).toBe(22);
    expect(hold('Sync is stuck. Order ')).toBe(15); // ends like a German adjective ("Order Straße")
    expect(hold('Sync is stuck. Berliner ')).toBe(15); // "Berliner Straße 5" may follow
    expect(hold('seeing the old price of £')).toBe(25); // a currency sign is no word
    expect(hold('Refund of €')).toBe(11);
    expect(hold('it was placed on 2025-10-')).toBe(25); // a hyphen after a digit joins no word
    expect(hold('o ship by Mar 20, is TCK-')).toBe(21); // a hyphen after a letter may join one
    expect(hold('Hi there! Is auto-sy')).toBe(13);
    expect(hold('Hi there! @support-t')).toBe(11);
    expect(hold('Hi there! Is pre-bo')).toBe(13); // a compound starting with 'p': the walk decides
    expect(hold('Good morning. Store ')).toBe(14); // looked up (its letters and length pass the filter), then held as an adjective
    expect(hold('ync is stuck at 9% since ')).toBe(25);
    expect(hold('ship it to Unit ')).toBe(11); // a unit word holds from its start
    expect(hold('ship to PO box ')).toBe(8);
    // Words, marks, separators, capitals, non-ASCII letters and blanks, digits, at every floor.
    const piece = fc.constantFrom('a', 'z', 'P', 'o', 'b', 'S', 'x', 'e', 'r', 'box', 'po', 'flat', 'apt', 'suite', 'Stra', 'Berliner', 'Straße', 'ß', 'T', 'Than', 'The', 'pob', 'Pob', 'pa', 'offi', 'bo', 'Gass', 'Order', 'AM', 'Weg', 'Hauptweg', 'Allee', 'Box', 'PO', 'Flat', 'Apt', 'Dept', 'Please', 'Store', 'Let', 'since', 'Unit', 'unit', 'TCK', 'auto', 'pre', '@', '£', '€', '¥', 'é', '’', "'", '-', ' ', '  ', '.', ',', '\n', '\u00a0', '\u2003', '1', '!', '?', ':)', 'x'.repeat(39));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), (pieces, at) => {
        const text = pieces.join('');
        const floor = at % (text.length + 1);
        expect(hold(text, floor), JSON.stringify(text) + ' ' + floor).toBe(prefixHoldByWalk(text, floor, addressLexicon(), new Int32Array(8)));
      }),
      { numRuns: 3000 },
    );
  });

  it('reads nothing before the floor', () => {
    expect(hold('ship to Suite ', 10)).toBe(14);
  });
});
