import { describe, expect, it } from 'vitest';
import { createRedactor, defaultDetectors, detectors } from '../../src/index.js';
import { loadFixtures } from '../fixtures/load.js';
import { checkAllChunkings } from '../helpers/stream.js';

const types = (list: { type: string }[]) => list.map((detector) => detector.type);

describe('detector presets', () => {
  it('groups detectors by region and concern', () => {
    expect(types(detectors.uk())).toEqual(['UK_NINO', 'UK_NHS']);
    expect(types(detectors.eu())).toEqual(['ES_DNI', 'ES_NIE', 'IT_FISCAL_CODE', 'FR_NIR', 'DE_TAX_ID']);
    expect(types(detectors.us())).toEqual(['US_ITIN', 'US_BANK_ROUTING', 'US_PASSPORT', 'US_DRIVERS_LICENSE']);
    expect(types(detectors.canada())).toEqual(['CA_SIN']);
    expect(types(detectors.australia())).toEqual(['AU_TFN']);
    expect(types(detectors.india())).toEqual(['IN_AADHAAR', 'IN_PAN']);
    expect(types(detectors.brazil())).toEqual(['BR_CPF', 'BR_CNPJ']);
    expect(types(detectors.secrets())).toEqual(['SECRET']);
    expect(types(detectors.network())).toEqual(['MAC_ADDRESS', 'CRYPTO_WALLET', 'SWIFT_BIC']);
  });

  it('returns fresh detector objects on every call', () => {
    expect(detectors.uk()[0]).not.toBe(detectors.uk()[0]);
  });

  it('keeps SECRET (without generic values) and sensitive URLs in the defaults', () => {
    const redactor = createRedactor();
    expect(types(defaultDetectors())).toContain('SECRET');
    expect(types(defaultDetectors())).toContain('URL');
    expect(redactor.redact('key AKIAIOSFODNN7EXAMPLE, api_key=Zx8fK2pQ9mW4vB7nR3tY6uJ1').text).toBe('key [SECRET], api_key=Zx8fK2pQ9mW4vB7nR3tY6uJ1');
    expect(redactor.redact('see https://example.com/docs and https://x.io/r?token=9f8e7d6c5b4a3921').text).toBe('see https://example.com/docs and [URL]');
  });

  it('lists every detector once in all(), with the full SECRET set', () => {
    const all = detectors.all();
    const names = all.map((detector) => detector.name);
    expect(new Set(names).size).toBe(names.length);
    const redactor = createRedactor({ detectors: all });
    expect(redactor.redact('api_key=Zx8fK2pQ9mW4vB7nR3tY6uJ1').text).toBe('api_key=[SECRET]');
    for (const type of ['UK_NINO', 'IN_AADHAAR', 'BR_CNPJ', 'MAC_ADDRESS', 'CRYPTO_WALLET', 'PERSON', 'DATE_OF_BIRTH', 'URL', 'EMAIL']) expect(types(all)).toContain(type);
  });

  it('streams every line of test/fixtures/more-ids.txt like one-shot with all detectors', () => {
    const redactor = createRedactor({ detectors: detectors.all() });
    for (const fixture of loadFixtures().filter((f) => f.file === 'more-ids.txt')) checkAllChunkings(redactor, fixture.text, 2);
  });

  it('finds every labelled span of test/fixtures/more-ids.txt with all detectors', () => {
    const redactor = createRedactor({ detectors: detectors.all() });
    for (const fixture of loadFixtures().filter((f) => f.file === 'more-ids.txt')) {
      const found = redactor.find(fixture.text).map((f) => ({ type: f.type, start: f.start, end: f.end }));
      expect(found, `more-ids.txt:${fixture.line}`).toEqual(fixture.spans.map((s) => ({ type: s.type, start: s.start, end: s.end })));
    }
  });
});
