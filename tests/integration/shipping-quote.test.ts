import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { getLatestRates } from '@/lib/fx/store';
import { convert, money } from '@/lib/money';
import { rawRequest } from '../support/raw-http';

// GET /api/shipping/quote on the running server, over the demo lines the seed loaded (lib/demo/shipping-lines.ts).
const base = process.env.FERRY_TEST_BASE_URL!;
let db: Database;

beforeAll(() => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  db = databaseFor(process.env.DATABASE_URL!);
});
afterAll(async () => {
  await closeDatabases();
});

type Quote = { lineId: number; name: string; chargeableGrams: number; price: { amountMinor: number; currency: string }; priceCny: { amountMinor: number; currency: string }; days: { min: number; max: number } };
type Body = { quotes: Quote[]; unavailable: { lineId: number; name: string; reason: string; message: string }[] };

const parcel = 'weightGrams=1200&lengthCm=30&widthCm=20&heightCm=10';
async function quote(query: string) {
  const response = await fetch(`${base}/api/shipping/quote?${query}`);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Body & { error?: { code: string; message: string } } };
}
const byName = (body: Body, name: string) => body.quotes.find((q) => q.name === name);

describe('GET /api/shipping/quote', () => {
  it('quotes every line that takes the parcel, cheapest first, in the contract’s shape, and names the others’ reasons', async () => {
    const { status, headers, body } = await quote(`country=DE&${parcel}`);
    expect(status).toBe(200);
    expect(headers.get('cache-control')).toContain('public');
    expect(Object.keys(body).sort()).toEqual(['quotes', 'unavailable']);
    expect(Object.keys(body.quotes[0]!).sort()).toEqual(['chargeableGrams', 'days', 'lineId', 'name', 'price', 'priceCny']);
    // 1,200 g in 30×20×10: 1,200 g by volume on DHL's 5000 → 1,500 g; (180 + 2 × 45) × 1.185 = 319.95 yuan.
    expect(byName(body, 'DHL Express')).toMatchObject({ chargeableGrams: 1500, priceCny: { amountMinor: 31_995, currency: 'CNY' }, price: { amountMinor: 31_995, currency: 'CNY' }, days: { min: 3, max: 6 } });
    expect(byName(body, 'Economy Air')).toMatchObject({ chargeableGrams: 1500, priceCny: { amountMinor: 13_100 } });
    // The EU's tax-included line takes Germany: (95 + 2 × 38) × 1.05 = 179.55 yuan.
    expect(byName(body, 'EU Tax-Included Line')).toMatchObject({ priceCny: { amountMinor: 17_955 } });
    const prices = body.quotes.map((q) => q.priceCny.amountMinor);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    // Sea freight starts at 10 kg.
    expect(body.unavailable).toContainEqual(expect.objectContaining({ name: 'Sea Freight', reason: 'under_min_weight', message: expect.stringContaining('10 kg') }));
  });

  it('names a forbidden destination for lines that do not serve it, and goods a line refuses', async () => {
    const us = await quote(`country=US&${parcel}`);
    expect(us.body.unavailable).toContainEqual(expect.objectContaining({ name: 'EU Tax-Included Line', reason: 'destination_not_served', message: 'Does not deliver to US' }));
    const battery = await quote(`country=US&${parcel}&goods=battery`);
    expect(battery.status).toBe(200);
    expect(battery.body.quotes.map((q) => q.name)).toEqual(['Battery-Safe Air']);
    expect(battery.body.unavailable.filter((u) => u.reason === 'refused_goods').map((u) => u.name).sort()).toEqual(['China Post EMS', 'DHL Express', 'Economy Air', 'Sea Freight']);
    // Afghanistan is a country Ferry knows, but no demo line goes there: nothing to quote, every line says why.
    const nowhere = await quote(`country=AF&${parcel}`);
    expect(nowhere.status).toBe(200);
    expect(nowhere.body.quotes).toEqual([]);
    expect(nowhere.body.unavailable.length).toBeGreaterThanOrEqual(6);
    expect(new Set(nowhere.body.unavailable.map((u) => u.reason))).toEqual(new Set(['destination_not_served']));
  });

  it('converts each CNY price once to the asked currency at the stored rate, and names lines in the asked language', async () => {
    const { status, body } = await quote(`country=DE&${parcel}&currency=EUR&locale=zh-CN`);
    expect(status).toBe(200);
    const rate = (await getLatestRates(db)).rates.EUR!.rate;
    for (const q of body.quotes) {
      expect(q.price.currency).toBe('EUR');
      expect(q.price.amountMinor).toBe(convert(money(q.priceCny.amountMinor, 'CNY'), 'EUR', rate).amountMinor);
    }
    expect(body.quotes.map((q) => q.name)).toContain('DHL 国际快递');
    const yen = await quote(`country=JP&${parcel}&currency=JPY`);
    const jpy = (await getLatestRates(db)).rates.JPY!.rate;
    const dhl = yen.body.quotes.find((q) => q.priceCny.amountMinor === 31_995)!;
    expect(dhl.price).toEqual({ amountMinor: convert(money(31_995, 'CNY'), 'JPY', jpy).amountMinor, currency: 'JPY' });
  });

  it.each([
    ['no country', parcel],
    ['an unknown country', `country=XX&${parcel}`],
    ['a country nobody may ship to', `country=KP&${parcel}`],
    ['a lower-case country', `country=de&${parcel}`],
    ['no weight', 'country=DE&lengthCm=30&widthCm=20&heightCm=10'],
    ['a zero weight', 'country=DE&weightGrams=0&lengthCm=30&widthCm=20&heightCm=10'],
    ['a negative weight', 'country=DE&weightGrams=-1200&lengthCm=30&widthCm=20&heightCm=10'],
    ['a weight over 100 kg', 'country=DE&weightGrams=100001&lengthCm=30&widthCm=20&heightCm=10'],
    ['a fractional side', 'country=DE&weightGrams=1200&lengthCm=30.5&widthCm=20&heightCm=10'],
    ['a side over 300 cm', 'country=DE&weightGrams=1200&lengthCm=301&widthCm=20&heightCm=10'],
    ['an unsupported currency', `country=DE&${parcel}&currency=BTC`],
    ['unknown goods', `country=DE&${parcel}&goods=battery,uranium`],
    ['a parameter given twice', `country=DE&country=FR&${parcel}`],
  ])('answers 400 with a JSON error for %s', async (_, query) => {
    const { status, headers, body } = await quote(query);
    expect(status).toBe(400);
    expect(headers.get('cache-control')).toBe('no-store');
    expect(body.error?.code).toBe('bad_request');
    expect(body.error?.message).toMatch(/\w/);
    expect(body.quotes).toBeUndefined();
  });

  it('limits one address to 120 quotes a minute, then answers 429 with Retry-After', async () => {
    const localAddress = `127.${randomInt(1, 255)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
    const ask = () => rawRequest(base, { method: 'GET', path: `/api/shipping/quote?country=FR&${parcel}`, framing: 'content-length', localAddress });
    const statuses: number[] = [];
    for (let i = 0; i < 120; i++) statuses.push((await ask()).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.headers['retry-after']).toBe('60');
    expect(JSON.parse(refused.body)).toMatchObject({ error: { code: 'rate_limited' } });
  });
});
