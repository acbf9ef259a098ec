import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, email } from '../../src/index.js';
import { checkAllChunkings, cut, expectStreamEquivalent } from '../helpers/stream.js';

const redactor = createRedactor({ detectors: [email()] });
const spans = (text: string) => redactor.find(text).map((f) => text.slice(f.start, f.end));

describe('email', () => {
  const positives: [string, string[]][] = [
    ['mail me at jane.doe@example.com please', ['jane.doe@example.com']],
    ['jane+newsletter@mail.example.co.uk.', ['jane+newsletter@mail.example.co.uk']],
    ['Contact: <support@example.photography>', ['support@example.photography']],
    ['jörg@bücher.de hat geschrieben', ['jörg@bücher.de']],
    ['user@xn--80ak6aa92e.com today', ['user@xn--80ak6aa92e.com']],
    ['"quoted@example.org", (paren@example.org)', ['quoted@example.org', 'paren@example.org']],
    ['a@b.io,c_d@e-f.example.net;x.y@z.info', ['a@b.io', 'c_d@e-f.example.net', 'x.y@z.info']],
    ['mailto:someone@example.com', ['someone@example.com']],
    ['{"user":"o\'brien@example.ie"}', ["o'brien@example.ie"]],
    ['First.Last123@Sub.Domain.Example.COM!', ['First.Last123@Sub.Domain.Example.COM']],
    ['full-width at: jane＠example.com', ['jane＠example.com']],
    ['level=info email=wei.zhang+test@example.com user=42', ['wei.zhang+test@example.com']],
    ['GET /users/jane@example.com/profile', ['jane@example.com']],
    // Markdown emphasis: the underscores around an address are no part of it.
    ['write to _jane@example.com_ or __ops@example.org__.', ['jane@example.com', 'ops@example.org']],
    ['an address with its own leading underscore _jane@example.com', ['_jane@example.com']],
  ];
  for (const [text, expected] of positives) {
    it(`finds ${JSON.stringify(expected)} in ${JSON.stringify(text)}`, () => {
      expect(spans(text)).toEqual(expected);
      checkAllChunkings(redactor, text, 10);
    });
  }

  const negatives = [
    'install pkg@1.2.3 first',
    'ping @john and @jane-doe',
    'root@localhost is down',
    'a@b',
    'trailing dot.@example.com',
    'double..dot@example.com',
    '@example.com',
    'name@.com',
    'name@-example.com',
    'x@y.c',
    'a@b@c.com',
    'john@x.com_foo',
    'a@b.com___x and a@b.com__init',
    `${'a'.repeat(65)}@example.com`,
    'version 2.0@latest',
    'price: 5@3.99 each',
  ];
  for (const text of negatives) {
    it(`finds nothing in ${JSON.stringify(text.slice(0, 40))}`, () => {
      expect(spans(text)).toEqual([]);
      checkAllChunkings(redactor, text, 5);
    });
  }

  it("reads the password of a URL's userinfo as no address, and a user or mailto: as one", () => {
    // 'S3cr3t246@db.internal.example.com' is the password and host of the URL (SECRET's
    // url-password); since a finding inside a longer one drops out, read as an address it would
    // have hidden the SECRET finding it contains.
    expect(spans('postgres://app:S3cr3t246@db.internal.example.com/prod')).toEqual([]);
    expect(spans('https://jane@corp.com/x and mailto:jane@corp.com, email:bob@x.io')).toEqual(['jane@corp.com', 'jane@corp.com', 'bob@x.io']);
    expect(spans('ftp://very:long:pass@x.io')).toEqual(['pass@x.io']);
    checkAllChunkings(redactor, 'db postgres://app:S3cr3t246@db.internal.example.com/prod or jane@corp.com', 10);
  });

  it('accepts single-label domains when allowLocalDomains is set', () => {
    const local = createRedactor({ detectors: [email({ allowLocalDomains: true })] });
    expect(local.redact('root@localhost is down').text).toBe('[EMAIL] is down');
  });

  it('accepts a 64-character local part and rejects 65', () => {
    expect(spans(`${'a'.repeat(64)}@example.com`)).toHaveLength(1);
    expect(spans(`${'a'.repeat(65)}@example.com`)).toHaveLength(0);
  });

  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
  const address = fc
    .tuple(fc.stringMatching(/^[a-z0-9_]([a-z0-9_+-]{0,10}[a-z0-9_])?$/), fc.array(label, { minLength: 1, maxLength: 3 }), fc.stringMatching(/^[a-z]{2,10}$/))
    .map(([local, labels, tld]) => `${local}@${[...labels, tld].join('.')}`);
  const gap = fc.constantFrom(' ', '\n', ', ', ' (', ') ', '. ', ': ', ' "', '" ');
  const prose = fc.stringMatching(/^[A-Za-z ,.!?]{0,30}$/);

  it('always finds a valid address planted in prose, with its exact span', () => {
    fc.assert(
      fc.property(prose, gap, address, gap, prose, (before, open, value, close, after) => {
        const text = `${before}${open}${value}${close}${after}`;
        const start = before.length + open.length;
        const findings = redactor.find(text);
        expect(findings).toContainEqual(expect.objectContaining({ type: 'EMAIL', start, end: start + value.length }));
      }),
    );
  });

  it('finds nothing in text without an @', () => {
    fc.assert(fc.property(fc.string().map((s) => s.replace(/[@＠]/g, '')), (text) => {
      expect(redactor.find(text)).toEqual([]);
    }));
  });

  it('streams exactly for planted addresses under any chunking', () => {
    fc.assert(
      fc.property(prose, address, prose, fc.array(fc.nat({ max: 80 }), { maxLength: 8 }), (before, value, after, points) => {
        const text = `${before} ${value} ${after}`;
        expectStreamEquivalent(redactor, text, cut(text, points));
      }),
    );
  });

  it('holds an address whose domain may continue with an astral letter split across chunks', () => {
    const text = '😀jane@example.com𝒜𝒷 ok';
    expectStreamEquivalent(redactor, text, ['😀jane@example.com\ud835', '\udc9c𝒷 ok']);
    checkAllChunkings(redactor, text, 10);
  });

  it('stays linear on adversarial input', () => {
    const started = Date.now();
    for (const text of ['a.'.repeat(1e5) + '!', 'a'.repeat(1e6) + '@', '@'.repeat(1e6), 'a@'.repeat(5e5), 'a@b.'.repeat(2.5e5)]) redactor.find(text);
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
