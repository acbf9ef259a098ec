import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, obfuscatedEmail } from '../../src/index.js';
import { unmark } from '../helpers/marked.js';
import { expectPendingContract } from '../helpers/pending.js';
import { checkAllChunkings, cut, expectStreamEquivalent, streamHolding } from '../helpers/stream.js';

const redactor = createRedactor({ detectors: [obfuscatedEmail()] });
const spans = (text: string) => redactor.find(text).map((finding) => [finding.start, finding.end]);

const positives: [string, string][] = [
  ['dots and at spelled out', 'write to ⟦jane dot doe at gmail dot com⟧ for the file'],
  ['bracketed (at) and (dot)', 'contact ⟦jane(at)example(dot)com⟧ today'],
  ['square-bracketed markers with spaces', 'reach me: ⟦jane [at] example [dot] org⟧'],
  ['curly and angle markers', '⟦dev_team{at}example{dot}io⟧ and ⟦bo <at> example <dot> net⟧'],
  ['a bare at before a provider with a literal dot', '⟦jane at gmail.com⟧ is my address'],
  ['a spaced @', 'send it to ⟦bob @ example.com⟧ please'],
  ['capitals', '⟦JANE AT OUTLOOK DOT COM⟧'],
  ['a dotted local part and a two-label TLD', 'mail ⟦j.smith42 at example dot co dot uk⟧'],
  ['a bare at after a context word', 'her email is ⟦mary at acme dot com⟧'],
  ['the address after "email me at"', 'email me at ⟦jane dot doe at gmail dot com⟧'],
  ['two addresses', 'both ⟦ann(at)example(dot)com⟧ and ⟦bo(at)example(dot)net⟧.'],
];

const negatives: [string, string][] = [
  ['a sentence with at and dot com', 'meet at home dot com is not an address'],
  ['a website after look at', 'look at google dot com for answers'],
  ['a company site after at', "I'm at booking.com until five"],
  ['a time', 'see you at 5 pm'],
  ['at the park', 'we were at the park at 3'],
  ['a dot com bubble', 'look at this dot com bubble'],
  ['a plain email (the email detector’s job)', 'mail jane@example.com'],
  ['an unknown TLD after a bare at', 'jane at example dot zz'],
  ['a bracketed marker without a domain', 'jane(at)home'],
  ['mismatched brackets', 'jane(at]example(dot)com'],
  ['a single-label domain', 'jane [at] localhost'],
  ['a hospital dot com campus', 'she works at the hospital dot com campus'],
];

describe('obfuscatedEmail', () => {
  for (const [title, marked] of positives) {
    it(`finds ${title}`, () => {
      const { text, spans: expected } = unmark(marked);
      expect(spans(text)).toEqual(expected);
      for (const finding of redactor.find(text)) expect([finding.type, finding.category]).toEqual(['EMAIL', 'obfuscated']);
      checkAllChunkings(redactor, text, 6);
      expectPendingContract(obfuscatedEmail(), text);
    });
  }
  for (const [title, text] of negatives) {
    it(`finds nothing in ${title}`, () => {
      expect(spans(text)).toEqual([]);
      checkAllChunkings(redactor, text, 3);
      expectPendingContract(obfuscatedEmail(), text);
    });
  }

  // [text, from, pending]: the ends of prose a stream check meets most, and partial addresses.
  const holds: [string, number, number][] = [
    ['hello wor', 0, 6], // the last word may be a local part
    ['hello world ', 0, 6], // ' ' may begin ' at '
    ['hello world.', 0, 6], // '.' may continue it (world.doe at …)
    ['is that so? ', 0, 12], // after '?' nothing can continue
    ["I'm", 0, 3], // a word after an apostrophe is no local part
    ['café', 0, 4], // nor one after a non-ASCII letter
    ['in 4.4.7', 0, 3], // a dotted local part
    ['hello world', 8, 8], // never before `from`
    ['meet at', 0, 0], // ' at' may be a marker: 'meet' is its local part
    ['write to jane at gm', 0, 9], // the domain runs into the end
    ['write to jane(at)gmail(dot)com.', 0, 9], // '.' may continue the domain
    ['jane [dot] do', 0, 0], // ' do' may become ' dot '… or a label after ' [dot] '
    [`x ${'a'.repeat(96)}`, 0, 2], // the longest local part
    [`x ${'a'.repeat(97)}`, 0, 99], // one longer: decided
  ];
  for (const [text, from, expected] of holds) {
    it(`holds ${JSON.stringify(text.length > 24 ? `${text.slice(0, 12)}…` : text)} from ${from} at ${expected}`, () => {
      expect(obfuscatedEmail().pending(text, from)).toBe(expected);
    });
  }

  it('scores bracketed markers above a bare at', () => {
    expect(redactor.find('jane(at)gmail(dot)com')[0].score).toBe(0.9);
    expect(redactor.find('jane at gmail dot com')[0].score).toBe(0.85);
  });

  const word = fc.stringMatching(/^[a-z]{2,8}$/);
  const at = fc.constantFrom('(at)', ' (at) ', '[at]', ' [at] ', '{at}', '<at>', ' @ ');
  const dot = fc.constantFrom('.', ' dot ', '(dot)', ' [dot] ');
  const tld = fc.constantFrom('com', 'org', 'net', 'io', 'de', 'co dot uk');
  /** An obfuscated address with a bracketed marker: local part, marker, domain label, dot, TLD. */
  const address = fc.tuple(word, fc.option(fc.tuple(dot, word), { nil: undefined }), at, word, dot, tld).map(([local, more, marker, domain, separator, top]) => {
    const head = more === undefined ? local : local + more[0] + more[1];
    return head + marker + domain + separator + top;
  });
  const before = fc.constantFrom('', 'mail ', 'see: ', '(', 'x\n', 'é ', '😀 ', '"');
  const after = fc.constantFrom('', ' ok', '!', ', then', ')', '\n', ' 😀', '"');

  it('finds every planted address with its exact span, and streams it like one-shot', () => {
    fc.assert(
      fc.property(before, address, after, fc.array(fc.nat(), { maxLength: 8 }), (head, value, tail, points) => {
        const text = head + value + tail;
        expect(spans(text)).toEqual([[head.length, head.length + value.length]]);
        expectStreamEquivalent(redactor, text, cut(text, points.map((point) => point % (text.length + 1))));
      }),
      { numRuns: 150 },
    );
  });

  it('keeps the pending contract at every prefix of planted addresses and marker soup', () => {
    const soup = fc.array(fc.constantFrom('jane', ' at ', ' dot ', '(at)', '(dot)', '.', ' ', 'gmail', 'com', 'x', '[', ']', '@'), { maxLength: 20 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.tuple(before, address, after).map(([a, b, c]) => a + b + c), soup), (text) => {
        expectPendingContract(obfuscatedEmail(), text);
      }),
      { numRuns: 80 },
    );
  });

  it('never starts a local part inside a dot marker (- <dot>jane at a.com)', () => {
    // Shrunk by test/fuzz/words.fuzz.ts: the first label, '-', had no letter or digit, and the
    // skip to the first one ran on through '<dot>', so 'dot>jane at a.com' was reported, and
    // pending('… - <dot>', 0) could not foresee a finding that starts inside the marker.
    expect(spans('type 2 diabetes - <dot>jane at a.com ')).toEqual([]);
    expect(spans('mail - <dot>jane at gmail dot com')).toEqual([]);
    expect(spans('mail -jane at gmail dot com')).toEqual([[6, 27]]);
    expectPendingContract(obfuscatedEmail(), 'type 2 diabetes - <dot>jane at a.com 😀 ');
  });

  it('holds a local part before a bracketed dot marker and its space (aaaaa[dot] )', () => {
    // Shrunk by test/fuzz/words.fuzz.ts: 'write to aaaaa[dot] ' was released as decided,
    // though 'me(at)aaaaaa dot aadot comm' may follow and make 'aaaaa[dot] me' a local part.
    expect(obfuscatedEmail().pending('write to aaaaa[dot] ', 0)).toBe(9);
    expect(obfuscatedEmail().pending('write to aaaaa(dot) ', 0)).toBe(9);
    expectPendingContract(obfuscatedEmail(), 'write to aaaaa[dot] me(at)aaaaaa dot aadot comm a at a dot com ');
    checkAllChunkings(redactor, 'write to jane{dot} doe(at)example(dot)com today', 20);
  });

  it('reports only the first of a chain of addresses whose domain is the next local part', () => {
    // Found by a random linear-time hunt (fuzz round 8): in 'jane [at] example [dot] comjane
    // [at] …' each domain is also the local part of the next address, so the addresses
    // overlapped one after the other; overlap resolution kept the longest, which depended on
    // text any distance ahead, and a stream held the whole input (200 k held of 200 k, 60× the
    // time for 10× the text).
    expect(spans('jane [at] example [dot] comjane [at] example [dot] comjane')).toEqual([[0, 31]]);
    expect(spans('a at gmail dot com dot a at gmail dot com dot a')).toEqual([[0, 18]]);
    expect(spans('mail x(at)y(dot)com(dot)x(at)y(dot)com')).toEqual([[5, 19]]);
    // An at marker before the local part whose own reading is no address leaves it alone.
    expect(spans('contact me at jane dot doe at gmail dot com')).toEqual([[14, 43]]);
    const chain = 'jane [at] example [dot] com'.repeat(400);
    const streamed = streamHolding(redactor, chain, 16);
    expect(streamed.text).toBe(redactor.redact(chain).text);
    expect(streamed.maxHeld).toBeLessThan(64);
    checkAllChunkings(redactor, 'mail jane [at] example [dot] comjane [at] example [dot] comjane', 30);
    expectPendingContract(obfuscatedEmail(), 'a at gmail dot com dot a at gmail dot com dot a at gmail');
    expectPendingContract(obfuscatedEmail(), 'x(at)y(dot)com(dot)x(at)y(dot)com(dot)x(at)y(dot)c');
  });

  it('streams marker soup like one-shot', () => {
    const soup = fc.array(fc.constantFrom('jane', ' at ', ' dot ', '(at)', '(dot)', '.', ' ', 'gmail', 'com', 'mail ', '\n'), { maxLength: 24 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, fc.array(fc.nat(), { maxLength: 8 }), (text, points) => {
        expectStreamEquivalent(redactor, text, cut(text, points.map((point) => point % (text.length + 1))));
      }),
      { numRuns: 100 },
    );
  });
});
