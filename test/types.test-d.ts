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
import type { Transform } from 'node:stream';
import { createRedactTransform, createTransform, type RedactTransformOptions } from '../src/adapters/node-stream.js';
import { redactStream, transformStream } from '../src/adapters/web-stream.js';
import { createRedactor as createCoreRedactor, type CoreRedactorOptions } from '../src/core.js';
import {
  creditCard,
  createTokenizer,
  createVault,
  health,
  iban,
  ipAddress,
  phone,
  restoreTransform,
  streetAddress,
  surrogate,
  tokenize,
  usSsn,
  type CreditCardOptions,
  type EmailOptions,
  type HealthOptions,
  type IbanOptions,
  type Incremental,
  type IpAddressOptions,
  type MaskOptions,
  type PhoneOptions,
  type Redactor,
  type RestoreStream,
  type StreetAddressOptions,
  type UsSsnOptions,
  type Vault,
  type VaultData,
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

describe('stream adapters', () => {
  it('piiveil/web wraps a redactor or any push/end object as a TransformStream of strings', () => {
    expectTypeOf(redactStream).parameter(0).toMatchTypeOf<{ stream(): Incremental }>();
    expectTypeOf(redactStream(createRedactor())).toEqualTypeOf<TransformStream<string, string>>();
    expectTypeOf(transformStream(createRedactor().stream())).toEqualTypeOf<TransformStream<string, string>>();
    expectTypeOf(transformStream(createVault().restoreStream())).toEqualTypeOf<TransformStream<string, string>>();
    // @ts-expect-error a redactor is not itself a stream: pass redactor.stream()
    transformStream(createRedactor());
  });

  it('piiveil/node returns a node:stream Transform with a typed output option', () => {
    expectTypeOf(createRedactTransform(createRedactor())).toEqualTypeOf<Transform>();
    expectTypeOf(createTransform(createRedactor().stream(), { output: 'buffer' })).toEqualTypeOf<Transform>();
    expectTypeOf<RedactTransformOptions['output']>().toEqualTypeOf<'string' | 'buffer' | undefined>();
    // @ts-expect-error output is 'string' or 'buffer'
    createRedactTransform(createRedactor(), { output: 'utf8' });
  });
});

describe('piiveil/core', () => {
  it('createRedactor requires its detectors and returns the same Redactor', () => {
    expectTypeOf(createCoreRedactor({ detectors: [email()] })).toEqualTypeOf<Redactor>();
    expectTypeOf<CoreRedactorOptions['detectors']>().toEqualTypeOf<readonly Detector[]>();
    // @ts-expect-error piiveil/core has no default detectors
    createCoreRedactor({});
    // @ts-expect-error nor a call without options
    createCoreRedactor();
  });
});

describe('vault types', () => {
  it('createVault takes optional options and round-trips through VaultData', () => {
    const vault = createVault({ seed: 'a seed of sixteen bytes', maxEntries: 10 });
    expectTypeOf(vault).toEqualTypeOf<Vault>();
    expectTypeOf(vault.toJSON()).toEqualTypeOf<VaultData>();
    expectTypeOf(createVault.fromJSON).parameter(0).toEqualTypeOf<VaultData | string>();
    expectTypeOf(vault.restore('x', { json: true })).toBeString();
    expectTypeOf(vault.restoreStream()).toEqualTypeOf<RestoreStream>();
    expectTypeOf(vault.lookup('[EMAIL_1]')).toEqualTypeOf<{ readonly type: EntityType; readonly value: string } | undefined>();
    // @ts-expect-error maxEntries is a number
    createVault({ maxEntries: '10' });
  });

  it('tokenize, surrogate and createTokenizer take a vault', () => {
    const vault = createVault();
    expectTypeOf(tokenize(vault)).toEqualTypeOf<Operator>();
    expectTypeOf(surrogate(vault, { attempts: 3 })).toEqualTypeOf<Operator>();
    expectTypeOf(createTokenizer(vault, { detectors: [email()] })).toEqualTypeOf<Redactor>();
    expectTypeOf(restoreTransform(vault).push).returns.toBeString();
    // @ts-expect-error tokenize needs a vault, not options
    tokenize({ seed: 'x' });
  });
});

describe('detector option objects', () => {
  it('every built-in detector factory takes an optional options object and returns a Detector', () => {
    expectTypeOf(email).parameter(0).toEqualTypeOf<EmailOptions | undefined>();
    expectTypeOf(creditCard).parameter(0).toEqualTypeOf<CreditCardOptions | undefined>();
    expectTypeOf(iban).parameter(0).toEqualTypeOf<IbanOptions | undefined>();
    expectTypeOf(usSsn).parameter(0).toEqualTypeOf<UsSsnOptions | undefined>();
    expectTypeOf(phone).parameter(0).toEqualTypeOf<PhoneOptions | undefined>();
    expectTypeOf(ipAddress).parameter(0).toEqualTypeOf<IpAddressOptions | undefined>();
    expectTypeOf(streetAddress).parameter(0).toEqualTypeOf<StreetAddressOptions | undefined>();
    expectTypeOf(health).parameter(0).toEqualTypeOf<HealthOptions | undefined>();
    for (const factory of [email, creditCard, iban, usSsn, phone, ipAddress, streetAddress, health]) expectTypeOf(factory()).toEqualTypeOf<Detector>();
  });

  it('option fields are typed', () => {
    email({ allowLocalDomains: true, score: 0.9 });
    usSsn({ requireContext: false });
    iban({ allowLowercase: true });
    phone({ regions: ['US', 'GB'] });
    health({ categories: ['condition', 'medication'], tiers: ['T1'] });
    expectTypeOf<MaskOptions['keepLast']>().toEqualTypeOf<number | undefined>();
    // @ts-expect-error score is a number
    email({ score: 'high' });
    // @ts-expect-error unknown health category
    health({ categories: ['astrology'] });
    // @ts-expect-error unknown option
    creditCard({ luhn: false });
  });
});
