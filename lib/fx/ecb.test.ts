import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ecbProvider, parseEcbDaily } from './ecb';
import { getFxProvider } from './provider';
import { FxError } from './types';

const fixture = readFileSync(path.join(import.meta.dirname, 'fixtures/eurofxref-daily.xml'), 'utf8');

const envelope = (day: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>
<gesmes:Envelope xmlns:gesmes="http://www.gesmes.org/xml/2002-08-01" xmlns="http://www.ecb.int/vocabulary/2002-08-01/eurofxref">
  <gesmes:subject>Reference rates</gesmes:subject>
  <Cube>${day}</Cube>
</gesmes:Envelope>`;

describe('parseEcbDaily', () => {
  it('reads the daily feed with rates as the exact strings published', () => {
    const snapshot = parseEcbDaily(fixture);
    expect(snapshot.base).toBe('EUR');
    expect(snapshot.source).toBe('ecb');
    expect(snapshot.capturedAt.toISOString()).toBe('2025-11-14T15:00:00.000Z');
    expect(Object.keys(snapshot.rates)).toHaveLength(30);
    expect(snapshot.rates).toMatchObject({ USD: '1.1593', CNY: '8.2517', JPY: '179.54', KRW: '1698.42', ISK: '147.20' });
    // Trailing zeros survive: the parser never turned them into numbers.
    expect(Object.values(snapshot.rates).every((rate) => typeof rate === 'string')).toBe(true);
  });

  it('takes the newest day from a multi-day (history) feed', () => {
    const xml = envelope(`
      <Cube time='2025-11-14'><Cube currency='USD' rate='1.1593'/></Cube>
      <Cube time='2025-11-13'><Cube currency='USD' rate='1.1500'/></Cube>`);
    expect(parseEcbDaily(xml).rates).toEqual({ USD: '1.1593' });
  });

  const malformed: [string, string, RegExp][] = [
    ['an HTML error page', '<html><body>Service unavailable</body></html>', /unexpected shape at Envelope/],
    ['truncated XML', fixture.slice(0, 600), /not well-formed/],
    ['an empty body', '  \n', /empty/],
    ['a day without a date', envelope(`<Cube><Cube currency='USD' rate='1.1'/></Cube>`), /time/],
    ['a bad date', envelope(`<Cube time='14.11.2025'><Cube currency='USD' rate='1.1'/></Cube>`), /time must be YYYY-MM-DD/],
    ['a day without rates', envelope(`<Cube time='2025-11-14'></Cube>`), /Cube/],
    ['a non-decimal rate', envelope(`<Cube time='2025-11-14'><Cube currency='USD' rate='1,1593'/></Cube>`), /plain decimal/],
    ['a zero rate', envelope(`<Cube time='2025-11-14'><Cube currency='USD' rate='0.0000'/></Cube>`), /positive/],
    ['a lowercase code', envelope(`<Cube time='2025-11-14'><Cube currency='usd' rate='1.1'/></Cube>`), /ISO code/],
    [
      'a duplicated currency',
      envelope(`<Cube time='2025-11-14'><Cube currency='USD' rate='1.1'/><Cube currency='USD' rate='1.2'/></Cube>`),
      /USD twice/,
    ],
  ];
  it.each(malformed)('rejects %s with a clear error', (_, xml, message) => {
    expect(() => parseEcbDaily(xml)).toThrow(FxError);
    expect(() => parseEcbDaily(xml)).toThrow(message);
  });
});

describe('ecbProvider', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('fetches and parses the feed', async () => {
    const fetchMock = vi.fn(async () => new Response(fixture, { status: 200 }));
    vi.stubGlobal('fetch', fetchMock);
    const snapshot = await ecbProvider('https://ecb.test/eurofxref-daily.xml').fetchRates();
    expect(snapshot.rates.CNY).toBe('8.2517');
    expect(fetchMock).toHaveBeenCalledWith('https://ecb.test/eurofxref-daily.xml', expect.objectContaining({ signal: expect.any(AbortSignal) }));
  });

  it('reports HTTP failures as fx_feed_unavailable', async () => {
    vi.stubGlobal('fetch', async () => new Response('down', { status: 503 }));
    await expect(ecbProvider('https://ecb.test/x').fetchRates()).rejects.toMatchObject({ code: 'fx_feed_unavailable', message: /HTTP 503/ });
  });

  it('gives up after the timeout', async () => {
    vi.stubGlobal(
      'fetch',
      (_url: string, init: RequestInit) =>
        new Promise((_, reject) => init.signal?.addEventListener('abort', () => reject(init.signal?.reason))),
    );
    await expect(ecbProvider('https://ecb.test/x', { timeoutMs: 20 }).fetchRates()).rejects.toMatchObject({ code: 'fx_feed_unavailable' });
  });
});

describe('getFxProvider', () => {
  it('chooses the configured provider', () => {
    const url = 'https://ecb.test/x';
    expect(getFxProvider({ FX_PROVIDER: 'snapshot', ECB_DAILY_URL: url }).name).toBe('snapshot');
    expect(getFxProvider({ FX_PROVIDER: 'ecb', ECB_DAILY_URL: url }).name).toBe('ecb');
  });
});
