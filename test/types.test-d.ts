import { describe, expectTypeOf, it } from 'vitest';
import {
  createRedactor,
  email,
  hash,
  label,
  mask,
  redact,
  remove,
  summarize,
  type Detector,
  type EntityType,
  type Finding,
  type Operator,
  type RedactResult,
  type RedactionStream,
  type RedactorOptions,
} from '../src/index.js';

describe('public types', () => {
  it('createRedactor takes optional, typed options', () => {
    expectTypeOf(createRedactor).parameter(0).toEqualTypeOf<RedactorOptions | undefined>();
    createRedactor({ operators: { CREDIT_CARD: mask({ keepLast: 4 }), MY_TYPE: (value) => value.length.toString() } });
    // @ts-expect-error minScore is a number
    createRedactor({ minScore: 'high' });
    // @ts-expect-error operators are objects or functions, not strings
    createRedactor({ operator: 'mask' });
  });

  it('redact returns text, findings and an optional error', () => {
    expectTypeOf(redact('x')).toEqualTypeOf<RedactResult>();
    expectTypeOf(redact('x').text).toBeString();
    expectTypeOf(redact('x').findings).toEqualTypeOf<readonly Finding[]>();
    expectTypeOf(redact('x').error).toEqualTypeOf<{ readonly code: string; readonly message: string } | undefined>();
    // @ts-expect-error text must be a string
    redact(42);
  });

  it('findings carry offsets, type, score and an optional value', () => {
    expectTypeOf<Finding['start']>().toBeNumber();
    expectTypeOf<Finding['type']>().toEqualTypeOf<EntityType>();
    expectTypeOf<Finding['value']>().toEqualTypeOf<string | undefined>();
    const custom: EntityType = 'MY_OWN_TYPE';
    const builtIn: EntityType = 'EMAIL';
    expectTypeOf(custom).toBeString();
    expectTypeOf(builtIn).toBeString();
  });

  it('operator and detector factories return plain typed values', () => {
    expectTypeOf(label()).toEqualTypeOf<Operator>();
    expectTypeOf(mask()).toEqualTypeOf<Operator>();
    expectTypeOf(remove()).toEqualTypeOf<Operator>();
    expectTypeOf(hash({ secret: 'sixteen-bytes-at-least' })).toEqualTypeOf<Operator>();
    expectTypeOf(email()).toEqualTypeOf<Detector>();
    // @ts-expect-error hash needs a secret
    hash({});
  });

  it('streams push and end strings', () => {
    const stream = createRedactor().stream();
    expectTypeOf(stream).toEqualTypeOf<RedactionStream>();
    expectTypeOf(stream.push).parameter(0).toBeString();
    expectTypeOf(stream.end()).toBeString();
    expectTypeOf(stream.pending).toBeNumber();
  });

  it('summaries hold counts only', () => {
    expectTypeOf(summarize([]).byType).toEqualTypeOf<Readonly<Record<string, number>>>();
  });
});
