import Big from 'big.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { fxRates, orderItems, orders, paymentLedger, reconciliationRuns } from '@/db/schema';
import { buildProfitReport } from '@/lib/finance/reports/build-report';
import { reportNotices } from '@/lib/finance/reports/notices';
import { profitReportCsv } from '@/lib/finance/reports/report-csv';
import { createTestDatabase } from '../support/test-database';

// The FX store knows CNY→EUR only. Finance asks for the report in USD (no rate) over a month whose
// reconciled days hold USD and EUR gateway fees: the report is built in CNY, says the reporting
// currency has no rate, leaves the USD fees out (listed, not guessed) and the CSV does the same.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
const range = { from: '2026-11-01', to: '2026-11-30' };
const round = (v: Big) => Number(v.round(0, Big.roundHalfEven).toFixed(0));

beforeAll(async () => {
  database = await createTestDatabase('ferry_test_reports_norate');
  db = database.db;
  await db.insert(fxRates).values({ base: 'CNY', quote: 'EUR', rate: '0.130000000000', source: 'test', capturedAt: new Date('2026-11-01T00:00:00Z') });
  const [order] = await db
    .insert(orders)
    .values({
      number: 'FR261103-NRATE1', status: 'paid', checkoutToken: 'report-norate', locale: 'en', shippingAddress: { name: 'A', line1: 'B', city: 'C', country: 'US', phone: '1' }, valueAddedServices: [],
      breakdownCny: { items: 10_000, domesticShipping: 0, serviceFee: 0, valueAddedServices: 0, codFee: 0, discount: 0 }, totalCnyMinor: 10_000,
      chargeCurrency: 'USD', chargeMinor: 1_400, chargeRate: '0.140000000000', rateSource: 'test', rateCapturedAt: new Date(), baseCurrency: 'USD', baseMinor: 1_400, baseRate: '0.14', gateway: 'sandbox', payToken: 'norate'.padEnd(32, '0'), paidAt: new Date('2026-11-03T10:00:00Z'),
    })
    .$returningId();
  await db.insert(orderItems).values({ orderId: order!.id, skuId: 1, productId: 1, sellerId: 1, title: 't', attributes: [], quantity: 1, unitPriceCnyMinor: 10_000 });
  await db.insert(paymentLedger).values([
    { orderId: order!.id, gateway: 'sandbox', transactionId: 'pi_norate', kind: 'charge', amountMinor: 1_400, currency: 'USD', createdAt: new Date('2026-11-03T10:00:00Z') },
    { orderId: order!.id, gateway: 'sandbox', transactionId: 'ch_norate:280', kind: 'refund', amountMinor: 280, currency: 'USD', createdAt: new Date('2026-11-04T10:00:00Z') },
  ]);
  const totals = (fees: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(fees).map(([c, f]) => [c, { grossMinor: 0, feeMinor: f, mismatchedMinor: 0, movements: 1 }])));
  await db.insert(reconciliationRuns).values([
    { day: '2026-11-03', gateway: 'sandbox', source: 'api', status: 'done', totals: totals({ USD: 71, EUR: 13 }) },
    { day: '2026-11-04', gateway: 'sandbox', source: 'api', status: 'done', totals: totals({ USD: 30 }) },
  ]);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

describe('a profit report without an FX rate', () => {
  it('is built in CNY, says the reporting currency has no rate, and lists the fees it could not convert', async () => {
    const report = await buildProfitReport(db, { range, grain: 'month', category: null, currency: 'USD' });
    expect(report.reporting).toMatchObject({ currency: 'USD', rate: null });
    // 1,400 and 280 US cents at the order's pinned 0.14: 10,000 and 2,000 fen.
    expect(report.total.revenue).toEqual({ cny: 10_000, reporting: null });
    expect(report.total.refunds).toEqual({ cny: 2_000, reporting: null });
    // Only the EUR fee has a rate (13 euro cents at 0.13 = 100 fen); the USD fees are listed, not counted.
    expect(report.total.fees.cny).toBe(round(new Big(13).div('0.13')));
    expect(report.total.profit.cny).toBe(10_000 - 2_000 - 100);
    expect(report.unconvertedFees).toEqual([{ currency: 'USD', amountMinor: 101 }]);
    expect(reportNotices(report)).toEqual([
      { kind: 'no_rate', currency: 'USD' },
      { kind: 'unconverted_fees', currency: 'USD', amountMinor: 101 },
    ]);
  });

  it('reports in a currency that has a rate while still listing the fees that have none', async () => {
    const report = await buildProfitReport(db, { range, grain: 'day', category: null, currency: 'EUR' });
    expect(report.reporting.rate).toBe('0.13');
    expect(report.total.revenue.reporting).toBe(1_300);
    expect(reportNotices(report)).toEqual([{ kind: 'unconverted_fees', currency: 'USD', amountMinor: 101 }]);
  });

  it('exports CNY lines only, each keeping the header’s columns, and a note line per missing rate', async () => {
    const report = await buildProfitReport(db, { range, grain: 'month', category: null, currency: 'USD' });
    const csv = profitReportCsv(report, () => 'All', { total: 'Total', note: 'Note', notes: ['No CNY→USD rate', 'USD fees left out'] });
    const lines = csv.trimEnd().split('\r\n').map((line) => line.split(','));
    expect(lines[0]).toHaveLength(10);
    expect(lines.every((fields) => fields.length === 10)).toBe(true);
    const amounts = lines.slice(1).filter((fields) => fields[0] !== 'Note');
    expect(new Set(amounts.map((fields) => fields[3]))).toEqual(new Set(['CNY']));
    expect(amounts.at(-1)).toEqual(['Total', '2026-11-01', 'Total', 'CNY', '100.00', '20.00', '1.00', '0.00', '0.00', '79.00']);
    expect(lines.slice(-2)).toEqual([
      ['Note', '', 'No CNY→USD rate', '', '', '', '', '', '', ''],
      ['Note', '', 'USD fees left out', '', '', '', '', '', '', ''],
    ]);
  });
});
