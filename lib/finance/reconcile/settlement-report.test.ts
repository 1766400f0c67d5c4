import { describe, expect, it } from 'vitest';
import { csvRecords } from './csv-records';
import { SettlementReportError, settlementMovements } from './settlement-report';

async function movements(text: string, chunkSize = 7) {
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += chunkSize) chunks.push(text.slice(i, i + chunkSize));
  const out = [];
  for await (const m of settlementMovements(csvRecords(chunks))) out.push(m);
  return out;
}

describe('csvRecords', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, across chunk edges and CRLF', async () => {
    const records: string[][] = [];
    const text = '\ufeffa,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n,,\n';
    for (const size of [1, 3, 100]) {
      records.length = 0;
      const chunks = [];
      for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
      for await (const r of csvRecords(chunks)) records.push(r);
      expect(records).toEqual([['a', 'b', 'c'], ['x, y', 'say "hi"', 'two\nlines'], ['', '', '']]);
    }
  });
});

describe('settlementMovements', () => {
  it('finds columns by header name in any order, and turns major units into minor units by the currency', async () => {
    const csv = [
      'fee,reporting_category,gross,description,balance_transaction_id,currency,created_utc,payment_intent_id,charge_id,source_id,net',
      '0.88,charge,19.99,"Ferry order FR-1, two items",txn_1,usd,2026-12-06 10:15:42,pi_1,ch_1,ch_1,19.11',
      '0,refund,-1500,Refund,txn_2,jpy,2026-12-06 11:00:00,pi_2,ch_2,re_2,-1500',
      '0.000,charge,1.234,,txn_3,kwd,2026-12-06 23:59:59,pi_3,ch_3,ch_3,1.234',
    ].join('\n');
    const [usd, jpy, kwd] = await movements(csv);
    expect(usd).toMatchObject({ id: 'txn_1', category: 'charge', amountMinor: 1999, feeMinor: 88, currency: 'USD', presentment: { amountMinor: 1999, currency: 'USD' }, paymentIntentId: 'pi_1', chargeId: 'ch_1' });
    expect(usd!.createdAt.toISOString()).toBe('2026-12-06T10:15:42.000Z');
    expect(jpy).toMatchObject({ category: 'refund', amountMinor: -1500, currency: 'JPY', chargeId: 'ch_2', sourceId: 're_2' });
    expect(kwd).toMatchObject({ amountMinor: 1234, currency: 'KWD' });
  });

  it('uses the customer-facing amount when the gateway converted the payment', async () => {
    const csv = 'balance_transaction_id,created_utc,currency,gross,fee,reporting_category,customer_facing_amount,customer_facing_currency\ntxn_9,2026-12-06 01:00:00,usd,10.50,0.60,charge,1500,jpy\n';
    const [m] = await movements(csv);
    expect(m).toMatchObject({ amountMinor: 1050, currency: 'USD', presentment: { amountMinor: 1500, currency: 'JPY' } });
  });

  it('keeps categories it does not know', async () => {
    const csv = 'balance_transaction_id,created_utc,currency,gross,reporting_category\ntxn_1,2026-12-06 01:00:00,eur,-3.00,climate_order_purchase\n';
    expect((await movements(csv))[0]).toMatchObject({ category: 'climate_order_purchase', amountMinor: -300 });
  });

  it('refuses a report without the required columns, more decimals than the currency has, or a bad time', async () => {
    await expect(movements('balance_transaction_id,currency,gross\ntxn_1,usd,1.00\n')).rejects.toThrow(/created_utc, reporting_category/);
    await expect(movements('balance_transaction_id,created_utc,currency,gross,reporting_category\ntxn_1,2026-12-06 01:00:00,jpy,10.5,charge\n')).rejects.toThrow(SettlementReportError);
    await expect(movements('balance_transaction_id,created_utc,currency,gross,reporting_category\ntxn_1,yesterday,usd,10.5,charge\n')).rejects.toThrow(/line 2/);
    await expect(movements('')).rejects.toThrow(/empty/);
  });
});
