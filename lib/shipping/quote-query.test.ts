import { describe, expect, it } from 'vitest';
import { parseQuoteQuery } from './quote-query';

const base = 'country=US&weightGrams=1200&lengthCm=30&widthCm=20&heightCm=10';
const parse = (query: string) => parseQuoteQuery(new URLSearchParams(query));

describe('parseQuoteQuery', () => {
  it('reads the contract’s parameters, CNY and no goods by default', () => {
    expect(parse(base)).toEqual({
      ok: true,
      request: { country: 'US', grams: 1200, dims: { lengthCm: 30, widthCm: 20, heightCm: 10 }, goods: [], currency: 'CNY' },
    });
    const full = parse(`${base}&currency=EUR&goods=battery,liquid,battery&locale=ja&utm_source=x`);
    expect(full).toMatchObject({ ok: true, request: { currency: 'EUR', goods: ['battery', 'liquid'], locale: 'ja' } });
    expect(parse(`${base}&goods=`)).toMatchObject({ ok: true, request: { goods: [] } });
    expect(parse('country=FR&weightGrams=100000&lengthCm=300&widthCm=1&heightCm=1')).toMatchObject({ ok: true, request: { grams: 100_000 } });
  });

  it.each([
    ['a missing country', 'weightGrams=1200&lengthCm=30&widthCm=20&heightCm=10', 'country is required'],
    ['a lower-case country', base.replace('US', 'us'), 'country must be'],
    ['an unknown country', base.replace('US', 'XX'), 'country must be'],
    ['a country nobody ships to', base.replace('US', 'KP'), 'country must be'],
    ['a weight of zero', base.replace('1200', '0'), 'weightGrams must be a whole number'],
    ['a negative weight', base.replace('1200', '-5'), 'weightGrams must be'],
    ['a fractional weight', base.replace('1200', '1200.5'), 'weightGrams must be'],
    ['an exponent', base.replace('1200', '1e3'), 'weightGrams must be'],
    ['a weight over 100 kg', base.replace('1200', '100001'), 'weightGrams must be a whole number from 1 to 100000'],
    ['a huge number', base.replace('1200', '99999999999999999999'), 'weightGrams must be'],
    ['a side over 300 cm', base.replace('lengthCm=30', 'lengthCm=301'), 'lengthCm must be a whole number from 1 to 300'],
    ['a missing side', 'country=US&weightGrams=1200&lengthCm=30&widthCm=20', 'heightCm is required'],
    ['an unsupported currency', `${base}&currency=XYZ`, 'currency must be one of'],
    ['an unknown good', `${base}&goods=battery,plutonium`, 'Unknown goods: plutonium'],
    ['a repeated parameter', `${base}&country=FR`, 'country is given more than once'],
    ['an unknown locale', `${base}&locale=xx`, 'locale must be one of'],
  ])('refuses %s', (_, query, message) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toContain(message);
  });
});
