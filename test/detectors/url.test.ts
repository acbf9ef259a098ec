import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { url } from '../../src/detectors/url.js';
import { createRedactor } from '../../src/index.js';
import { unmark } from '../helpers/marked.js';
import { checkAllChunkings, cut, expectStreamEquivalent } from '../helpers/stream.js';
import { detectorSuite, DIGITS, stringOf } from '../helpers/detector-suite.js';

const host = fc.tuple(stringOf('abcdefghijklmnopqrstuvwxyz', 5), fc.constantFrom('com', 'io', 'co.uk', 'example')).map(([a, b]) => `${a}.${b}`);
const token = stringOf(`abcdefABCDEF${DIGITS}`, 20);

detectorSuite('url (sensitive only)', {
  detector: () => url(),
  positives: [
    ['a URL with a token parameter', 'reset: ⟦https://app.example.com/reset?token=9f8e7d6c5b4a3921&lang=en⟧'],
    ['a URL with an email parameter', 'see ⟦http://x.io/?email=jane%40example.com#y⟧.'],
    ['a URL with a password', 'db ⟦https://admin:hunter2@db.example.com/x⟧ ok'],
    ['a URL with an email in its path', 'GET ⟦https://api.example.com/users/jane@example.com/profile⟧ HTTP/1.1'],
    ['a www URL with a key', '(⟦www.example.org/maps?key=AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe⟧)'],
    ['an S3 presigned URL', '⟦https://b.s3.amazonaws.com/f.pdf?X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240501&X-Amz-Signature=abc123def456⟧'],
    ['a URL with a long number in a value', 'open ⟦https://shop.example.com/track?ref=123456789012⟧ now'],
  ],
  negatives: [
    ['a plain link', 'see https://example.com/docs/intro.'],
    ['a link with harmless parameters', 'https://example.com/search?q=shoes&page=2'],
    ['a short code parameter', 'https://localhost:8080/?code=abc'],
    ['no scheme and no www', 'example.com/?token=abcdef1234567890abcd'],
    ['a scheme without a host', 'http:// nothing'],
  ],
  valid: fc.tuple(host, token).map(([h, t]) => `https://${h}/cb?access_token=${t}`),
  invalid: fc.tuple(host, token).map(([h, t]) => `https://${h}/cb?page=${t.slice(0, 3)}`),
});

detectorSuite('url (every URL)', {
  detector: () => url({ sensitiveOnly: false }),
  positives: [
    ['a URL before a period', 'see ⟦https://example.com/docs/intro⟧.'],
    ['a URL with balanced parentheses inside parentheses', '(see ⟦https://en.wikipedia.org/wiki/Foo_(bar)⟧) and ⟦www.example.org/page⟧, ok'],
    ['an FTP URL', '⟦ftp://files.example.com/a.txt⟧; next'],
    ['a URL in quotes', 'href="⟦https://example.com/?a=1&b=2⟧"'],
    ['an IPv4 host with a port', 'at ⟦http://192.168.1.10:8080/status⟧!'],
  ],
  negatives: [
    ['a made-up scheme', 'myapp://open/thing'],
    ['a www inside a word', 'awww.example.com'],
    ['a host without a TLD', 'http://intranet/x'],
  ],
  valid: fc.tuple(host, stringOf('abcdef0123/', 8)).map(([h, p]) => `https://${h}/${p}x`),
});

describe('url redactParts', () => {
  const redactor = createRedactor({ detectors: [url({ redactParts: true })] });
  it('reports only the sensitive values', () => {
    const { text, spans } = unmark('https://admin:⟦hunter2⟧@db.example.com/users/⟦jane@example.com⟧?token=⟦9f8e7d6c5b4a3921⟧&lang=en#id_token=⟦eyJhbGciOiJIUzI1NiJ9xyz⟧');
    const found = redactor.find(text);
    expect(found.map((f) => [f.start, f.end])).toEqual(spans);
    expect(found.map((f) => f.category)).toEqual(['userinfo', 'path', 'query', 'query']);
    checkAllChunkings(redactor, text, 20);
  });
  it('streams random URLs with parts cut anywhere like one-shot', () => {
    const part = fc.constantFrom('https://', 'www.', 'a.io', '/p', '?', '&', '#', 'token=', 'email=', 'j@x.io', 'abcdef1234567890xyz', ' ', ').', 'u:p@', '=');
    fc.assert(
      fc.property(fc.array(part, { maxLength: 16 }), fc.array(fc.nat(), { maxLength: 10 }), (parts, points) => {
        const text = parts.join('');
        expectStreamEquivalent(redactor, text, cut(text, points.map((p) => p % (text.length + 1))));
        expectStreamEquivalent(createRedactor({ detectors: [url()] }), text, cut(text, points.map((p) => p % (text.length + 1))));
      }),
      { numRuns: 300 },
    );
  });
  it('bounds what it holds in a line without spaces', () => {
    expect(url().pending('x'.repeat(50_000), 0)).toBeGreaterThan(50_000 - 2100);
  });
});
