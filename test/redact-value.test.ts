import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRedactor, createTokenizer, createValueRedactor, createVault, email, PiiveilError, redactValue, type PathSegment } from '../src/index.js';

const MAIL = 'jane.doe@example.com';
const SSN = '536-22-8174';

function at(root: unknown, path: readonly PathSegment[]): unknown {
  let item = root;
  for (const key of path) item = item instanceof Map ? item.get(key) : (item as Record<string, unknown>)[key as string];
  return item;
}

describe('redactValue', () => {
  it('redacts every string at any depth and reports paths without values', () => {
    const input = { note: `mail ${MAIL}`, list: ['ok', { deep: [`ssn ${SSN}`] }], n: 42, ok: true, none: null };
    const snapshot = structuredClone(input);
    const { value, findings } = redactValue(input);
    expect(value).toEqual({ note: 'mail [EMAIL]', list: ['ok', { deep: ['ssn [US_SSN]'] }], n: 42, ok: true, none: null });
    expect(input).toEqual(snapshot);
    expect(findings.map((finding) => [finding.type, finding.path, finding.start, finding.end])).toEqual([
      ['EMAIL', ['note'], 5, 25],
      ['US_SSN', ['list', 1, 'deep', 0], 4, 15],
    ]);
    expect(JSON.stringify(findings)).not.toContain('jane');
  });

  it('puts values in findings only with includeValues', () => {
    const { findings } = redactValue({ a: `x ${MAIL}` }, { includeValues: true });
    expect(findings[0].value).toBe(MAIL);
  });

  it('returns the same string when nothing is found and copies containers', () => {
    const input = { a: 'clean text', b: [1, 2] };
    const { value } = redactValue(input);
    expect(value).not.toBe(input);
    expect(value.b).not.toBe(input.b);
    expect(value).toEqual(input);
  });

  it('redacts a string root', () => {
    expect(redactValue(`to ${MAIL}`).value).toBe('to [EMAIL]');
  });

  describe('key paths', () => {
    const record = () => ({
      password: 'hunter2',
      headers: { authorization: 'Bearer abc', Authorization: 'Bearer def', accept: '*/*' },
      session: { token: 't1', inner: { token: 't2' } },
      users: [
        { name: 'a', ssn: 'n/a', card: { token: 'c1' } },
        { name: 'b', ssn: 12 },
      ],
      'a.b': 'dotted',
      nested: { deeper: { password: 'p2' } },
    });

    it('replaces a top-level key, a nested key and only exact-case keys', () => {
      const { value, findings } = redactValue(record(), { paths: ['password', 'headers.authorization'] });
      expect(value.password).toBe('[REDACTED]');
      expect(value.headers).toEqual({ authorization: '[REDACTED]', Authorization: 'Bearer def', accept: '*/*' });
      expect(value.nested.deeper.password).toBe('p2');
      expect(findings).toEqual([
        { type: 'KEY_PATH', start: 0, end: 7, score: 1, detector: 'paths', rule: 'password', path: ['password'] },
        { type: 'KEY_PATH', start: 0, end: 10, score: 1, detector: 'paths', rule: 'headers.authorization', path: ['headers', 'authorization'] },
      ]);
    });

    it('matches * as exactly one key and [*] as any index', () => {
      const { value } = redactValue(record(), { paths: ['*.token', 'users[*].ssn'] });
      expect(value.session).toEqual({ token: '[REDACTED]', inner: { token: 't2' } });
      expect(value.users).toEqual([
        { name: 'a', ssn: '[REDACTED]', card: { token: 'c1' } },
        { name: 'b', ssn: '[REDACTED]' },
      ]);
    });

    it('matches ** at any depth, [n] by index and ["a.b"] as one key', () => {
      const { value } = redactValue(record(), { paths: ['**.password', '**.token', 'users[1].name', '["a.b"]'] });
      expect(value.password).toBe('[REDACTED]');
      expect(value.nested.deeper.password).toBe('[REDACTED]');
      expect(value.session).toEqual({ token: '[REDACTED]', inner: { token: '[REDACTED]' } });
      expect(value.users[1].name).toBe('[REDACTED]');
      expect(value.users[0].name).toBe('a');
      expect(value.users[0].card?.token).toBe('[REDACTED]');
      expect(value['a.b']).toBe('[REDACTED]');
    });

    it('replaces whole subtrees and any type, with a custom censor', () => {
      const { value } = redactValue(record(), { paths: ['headers', 'users[*].ssn'], censor: (_value, path) => `<${path.join('/')}>` });
      expect(value.headers).toBe('<headers>');
      expect(value.users[1].ssn).toBe('<users/1/ssn>');
    });

    it('applies a rule to a shared object reached first by another path', () => {
      const shared = { token: 'secret-one' };
      const { value } = redactValue({ a: shared, b: shared }, { paths: ['b.token'] });
      expect(value.a.token).toBe('secret-one');
      expect(value.b.token).toBe('[REDACTED]');
    });

    it('rejects malformed paths at construction, naming the rule', () => {
      for (const path of ['', 'a..b', 'a[', 'a[x]', 'a]b', '.a', 'a["x]', 'a[01]']) {
        expect(() => createValueRedactor({ paths: [path] }), path).toThrow(TypeError);
      }
      expect(() => createValueRedactor({ paths: ['a[b'] })).toThrow(/paths\[0\] "a\[b"/);
    });
  });

  describe('non-plain values', () => {
    class Account {
      constructor(
        readonly owner: string,
        readonly id: number,
      ) {}
      describe() {
        return this.owner;
      }
    }
    class Money {
      toJSON() {
        return `paid by ${MAIL}`;
      }
    }

    it('keeps dates, regexps, binary data and functions by reference', () => {
      const input = { when: new Date(0), re: /a@b\.io/, bytes: new Uint8Array([1, 2]), buffer: Buffer.from(MAIL), fn: () => MAIL };
      const { value } = redactValue(input);
      for (const key of Object.keys(input) as (keyof typeof input)[]) expect(value[key]).toBe(input[key]);
    });

    it('shows class instances as JSON.stringify would: own fields or toJSON()', () => {
      const { value } = redactValue({ account: new Account(MAIL, 7), price: new Money() });
      expect(value.account).toEqual({ owner: '[EMAIL]', id: 7 });
      expect(Object.getPrototypeOf(value.account)).toBe(Object.prototype);
      expect(value.price).toBe('paid by [EMAIL]');
    });

    it('copies errors with their prototype and redacts message, stack, cause and fields', () => {
      const cause = new Error(`cause ${MAIL}`);
      const error = Object.assign(new TypeError(`bad user ${MAIL}`, { cause }), { user: MAIL });
      const { value } = redactValue({ err: error });
      const copy = value.err;
      expect(copy).toBeInstanceOf(TypeError);
      expect(copy).not.toBe(error);
      expect(copy.message).toBe('bad user [EMAIL]');
      expect(copy.stack).toContain('bad user [EMAIL]');
      expect(copy.stack).not.toContain('jane');
      expect((copy.cause as Error).message).toBe('cause [EMAIL]');
      expect(copy.user).toBe('[EMAIL]');
      expect(Object.keys(copy)).toEqual(['user']);
      expect(error.message).toBe(`bad user ${MAIL}`);
    });

    it('walks Maps and Sets, or keeps them with collections: false', () => {
      const input = { map: new Map<unknown, unknown>([['owner', MAIL], [1, { x: MAIL }]]), set: new Set([MAIL, 'ok']) };
      const { value, findings } = redactValue(input, { paths: ['map.secret'] });
      expect([...value.map]).toEqual([['owner', '[EMAIL]'], [1, { x: '[EMAIL]' }]]);
      expect([...value.set]).toEqual(['[EMAIL]', 'ok']);
      expect(findings.map((finding) => finding.path)).toEqual([['map', 'owner'], ['map', 1, 'x'], ['set', 0]]);
      expect(input.map.get('owner')).toBe(MAIL);
      const kept = redactValue(input, { collections: false }).value;
      expect(kept.map).toBe(input.map);
    });
  });

  describe('cycles, depth and size', () => {
    it('copies a cyclic structure once, keeping the cycle', () => {
      const input: { name: string; self?: unknown; list: unknown[] } = { name: MAIL, list: [] };
      input.self = input;
      input.list.push(input, input.list);
      const { value, findings } = redactValue(input);
      expect(value.name).toBe('[EMAIL]');
      expect(value.self).toBe(value);
      expect(value.list[0]).toBe(value);
      expect(value.list[1]).toBe(value.list);
      expect(findings).toHaveLength(1);
    });

    it('fails closed past maxDepth with INPUT_TOO_LARGE, or throws with onError: throw', () => {
      let deep: unknown = { mail: MAIL };
      for (let level = 0; level < 10; level++) deep = { next: deep };
      const { value, error } = redactValue({ keep: 'ok', deep }, { maxDepth: 5 });
      expect(error?.code).toBe('INPUT_TOO_LARGE');
      expect(error?.message).not.toContain('jane');
      expect(JSON.stringify(value)).not.toContain('jane');
      expect(at(value, ['deep', 'next', 'next', 'next', 'next'])).toEqual({ next: '[REDACTED]' }); // depth 6 > maxDepth 5
      expect(value.keep).toBe('ok');
      expect(() => redactValue({ deep }, { maxDepth: 5, onError: 'throw' })).toThrow(PiiveilError);
      expect(redactValue({ deep }).error).toBeUndefined();
    });

    it('handles a 200 000-element array and a 10 000-deep chain within maxDepth errors', () => {
      const big = Array.from({ length: 200_000 }, (_, index) => (index % 1000 === 0 ? `m ${MAIL}` : index));
      const { value, findings } = redactValue(big);
      expect(value).toHaveLength(200_000);
      expect(findings).toHaveLength(200);
      expect(value[1000]).toBe('m [EMAIL]');
      let chain: unknown = 'end';
      for (let level = 0; level < 10_000; level++) chain = [chain];
      expect(redactValue(chain).error?.code).toBe('INPUT_TOO_LARGE');
    });

    it('reports a redactor failing closed as the result error', () => {
      const failing = createRedactor({
        detectors: [
          {
            name: 'broken',
            type: 'X',
            maxLength: 1,
            lookbehind: 0,
            find() {
              throw new Error('boom');
            },
            pending: (text) => text.length,
          },
        ],
      });
      const { value, error } = redactValue({ a: MAIL, b: 3 }, { redactor: failing });
      expect(value).toEqual({ a: '[REDACTED]', b: 3 });
      expect(error?.code).toBe('DETECTOR_FAILED');
    });
  });

  describe('mutate', () => {
    it('redacts in place and returns the same object', () => {
      const input = { a: MAIL, list: [MAIL], nested: { token: 'x' } };
      const { value } = redactValue(input, { mutate: true, paths: ['nested.token'] });
      expect(value).toBe(input);
      expect(input).toEqual({ a: '[EMAIL]', list: ['[EMAIL]'], nested: { token: '[REDACTED]' } });
    });

    it('never tokenizes a shared string twice when revisited under another rule', () => {
      const vault = createVault();
      const shared = { mail: MAIL, token: 't' };
      const input = { a: shared, b: shared };
      const { value } = redactValue(input, { mutate: true, paths: ['b.token'], redactor: createTokenizer(vault, { detectors: [email()] }) });
      expect(value.a.mail).toBe('[EMAIL_1]');
      expect(value.b.token).toBe('[REDACTED]');
      expect(vault.restore(value.a.mail)).toBe(MAIL);
    });
  });

  it('property: no injected address survives, shape and input are kept, paths lead to the finding', () => {
    const leaf = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.tuple(fc.string(), fc.constantFrom(MAIL, 'bob.smith@corp.io', 'x_y@mail.example.org'), fc.string()).map(([a, m, b]) => `${a} ${m} ${b}`),
    );
    const tree = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('node')), fc.dictionary(fc.string(), tie('node'))),
    })).node;
    const redactor = createRedactor({ detectors: [email()], includeValues: true });
    fc.assert(
      fc.property(tree, (input) => {
        const snapshot = JSON.stringify(input);
        const { value, findings } = redactValue(input, { redactor, includeValues: true });
        expect(JSON.stringify(input)).toBe(snapshot);
        const out = JSON.stringify(value);
        for (const address of [MAIL, 'bob.smith@corp.io', 'x_y@mail.example.org']) expect(out).not.toContain(address);
        for (const finding of findings) {
          const original = at(input, finding.path);
          expect(typeof original).toBe('string');
          expect((original as string).slice(finding.start, finding.end)).toBe(finding.value);
        }
        // Same shape: every key and array length survives.
        const shape = (item: unknown): unknown =>
          Array.isArray(item) ? item.map(shape) : item !== null && typeof item === 'object' ? Object.fromEntries(Object.entries(item).map(([k, v]) => [k, shape(v)])) : typeof item;
        expect(shape(value)).toEqual(shape(input));
      }),
      { numRuns: 300 },
    );
  });

  it('property: a path rule replaces exactly the values at matching paths', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ ssn: fc.string(), name: fc.string() })), (users) => {
        const { value, findings } = redactValue({ users }, { paths: ['users[*].ssn'], redactor: createRedactor({ detectors: [] }) });
        expect(value.users).toEqual(users.map((user) => ({ ssn: '[REDACTED]', name: user.name })));
        expect(findings.map((finding) => finding.path)).toEqual(users.map((_, index) => ['users', index, 'ssn']));
      }),
    );
  });
});
