import Big from 'big.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '@/db/client';
import { categories, fxRates, orderItems, orders, paymentLedger, products, purchaseOrders, reconciliationRuns, serviceCharges } from '@/db/schema';
import { buildProfitReport, type ProfitReport } from '@/lib/finance/reports/build-report';
import { drillDown } from '@/lib/finance/reports/drill-down';
import { profitReportCsv } from '@/lib/finance/reports/report-csv';
import { createTestDatabase } from '../support/test-database';

// A month of planted money in two top-level categories (one through a subcategory), in CNY, USD,
// JPY and EUR at each order's own pinned rate: the report's figures must equal the ledger's and the
// purchase orders' sums exactly, its CSV must carry the same numbers, and a figure's drill-down must
// list exactly the rows behind it.
let database: Awaited<ReturnType<typeof createTestDatabase>>;
let db: Database;
const cat = { a: 0, a1: 0, b: 0 };
const ids = { charges: [] as number[], refunds: [] as number[], chargesA: [] as number[], pos: [] as number[] };
type Planted = { kind: 'charge' | 'refund'; amount: number; currency: string; rate: string; category: number; at: string };
const planted: Planted[] = [];
const range = { from: '2026-11-01', to: '2026-11-30' };
const D = (v: string | number) => new Big(v);
const exp = (c: string) => (c === 'JPY' ? 0 : 2);
const toCny = (p: Planted) => D(p.amount).div(D(p.rate)).times(D(10).pow(2 - exp(p.currency)));
const round = (v: Big) => Number(v.round(0, Big.roundHalfEven).toFixed(0));

async function order(n: number, currency: string, rate: string, lines: { product: number; qty: number; price: number }[], paidAt: string | null, fees = { serviceFee: 0, valueAddedServices: 0 }) {
  const items = lines.reduce((s, l) => s + l.qty * l.price, 0);
  const [row] = await db
    .insert(orders)
    .values({
      number: `FR${n}`, status: 'paid', checkoutToken: `report-${n}`, locale: 'en', shippingAddress: { name: 'A', line1: 'B', city: 'C', country: 'US', phone: '1' }, valueAddedServices: [],
      breakdownCny: { items, domesticShipping: 0, serviceFee: fees.serviceFee, valueAddedServices: fees.valueAddedServices, codFee: 0, discount: 0 }, totalCnyMinor: items,
      chargeCurrency: currency, chargeMinor: 0, chargeRate: rate, rateSource: 'test', rateCapturedAt: new Date(), baseCurrency: 'USD', baseMinor: 0, baseRate: '1', gateway: 'sandbox', payToken: `t${n}`.padEnd(32, '0'),
      paidAt: paidAt ? new Date(paidAt) : null,
    })
    .$returningId();
  const itemIds: number[] = [];
  for (const l of lines) {
    const [item] = await db.insert(orderItems).values({ orderId: row!.id, skuId: 1, productId: l.product, sellerId: 1, title: 't', attributes: [], quantity: l.qty, unitPriceCnyMinor: l.price }).$returningId();
    itemIds.push(item!.id);
  }
  return { id: row!.id, itemIds };
}

async function ledger(orderId: number | null, kind: 'charge' | 'refund', amount: number, currency: string, at: string, extra: { rate?: string; category?: number; status?: 'flagged'; count?: boolean } = {}) {
  const [row] = await db
    .insert(paymentLedger)
    .values({ orderId, userId: orderId ? null : 7, gateway: 'sandbox', transactionId: `tx_${planted.length}_${Math.random()}`, kind, amountMinor: amount, currency, status: extra.status ?? 'recorded', createdAt: new Date(at) })
    .$returningId();
  if (extra.count !== false) {
    planted.push({ kind, amount, currency, rate: extra.rate!, category: extra.category!, at });
    (kind === 'charge' ? ids.charges : ids.refunds).push(row!.id);
    if (kind === 'charge' && extra.category === cat.a) ids.chargesA.push(row!.id);
  }
  return row!.id;
}

beforeAll(async () => {
  database = await createTestDatabase('ferry_test_reports');
  db = database.db;
  const category = async (slug: string, parent: number | null) => {
    const [row] = await db.insert(categories).values({ slug, nameZh: slug === 'a' ? '服装, 鞋' : slug, path: '/', depth: parent ? 1 : 0, parentId: parent }).$returningId();
    const { eq } = await import('drizzle-orm');
    await db.update(categories).set({ path: parent ? `/${parent}/${row!.id}/` : `/${row!.id}/` }).where(eq(categories.id, row!.id));
    return row!.id;
  };
  cat.a = await category('a', null);
  cat.a1 = await category('a1', cat.a);
  cat.b = await category('b', null);
  const product = async (categoryId: number, n: number) =>
    (await db.insert(products).values({ platform: '1688', sourceId: `p${n}`, sourceUrl: 'x', slug: `p${n}`, titleZh: 'p', attributesZh: [], categoryId, sellerId: 1, priceMinMinor: 1, priceMaxMinor: 1, weightGrams: 1, syncedAt: new Date() }).$returningId())[0]!.id;
  const pA1 = await product(cat.a1, 1);
  const pB = await product(cat.b, 2);
  await db.insert(fxRates).values([
    { base: 'CNY', quote: 'USD', rate: '0.140000000000', source: 'test', capturedAt: new Date('2026-11-01T00:00:00Z') },
    { base: 'CNY', quote: 'USD', rate: '0.139000000000', source: 'test', capturedAt: new Date('2026-12-01T00:00:00Z') },
    { base: 'CNY', quote: 'EUR', rate: '0.130000000000', source: 'test', capturedAt: new Date('2026-12-01T00:00:00Z') },
  ]);

  const o1 = await order(1, 'CNY', '1.000000000000', [{ product: pA1, qty: 2, price: 5_000 }], '2026-11-03T10:00:00Z', { serviceFee: 300, valueAddedServices: 200 });
  const o2 = await order(2, 'USD', '0.138912000000', [{ product: pB, qty: 1, price: 9_999 }, { product: pA1, qty: 1, price: 100 }], '2026-11-03T23:59:59.999Z', { serviceFee: 500, valueAddedServices: 0 });
  const o3 = await order(3, 'JPY', '21.370000000000', [{ product: pA1, qty: 3, price: 1_001 }], '2026-11-10T00:00:00Z');
  const o4 = await order(4, 'EUR', '0.128300000000', [{ product: pB, qty: 1, price: 777 }], '2026-11-30T12:00:00Z', { serviceFee: 77, valueAddedServices: 11 });
  const o5 = await order(5, 'USD', '0.150000000000', [{ product: pA1, qty: 1, price: 3 }], null);

  await ledger(o1.id, 'charge', 10_500, 'CNY', '2026-11-01T00:00:00.000Z', { rate: '1', category: cat.a });
  await ledger(o2.id, 'charge', 1_459, 'USD', '2026-11-03T23:59:59.999Z', { rate: '0.138912000000', category: cat.b });
  await ledger(o3.id, 'charge', 6_417, 'JPY', '2026-11-10T00:00:00Z', { rate: '21.370000000000', category: cat.a });
  await ledger(o4.id, 'charge', 113, 'EUR', '2026-11-30T23:59:59.999Z', { rate: '0.128300000000', category: cat.b });
  // Three 1-cent charges at 1 CNY = 0.15 USD are 6.67 fen each: 20 fen rounded once, 21 rounded per row.
  for (const day of ['17', '18', '19']) await ledger(o5.id, 'charge', 1, 'USD', `2026-11-${day}T08:00:00Z`, { rate: '0.150000000000', category: cat.a });
  await ledger(o2.id, 'refund', 333, 'USD', '2026-11-11T05:00:00Z', { rate: '0.138912000000', category: cat.b });
  await ledger(o3.id, 'refund', 1_001, 'JPY', '2026-11-24T05:00:00Z', { rate: '21.370000000000', category: cat.a });
  // Not revenue: outside the range, flagged, a wallet top-up, a failure.
  await ledger(o1.id, 'charge', 99_999, 'CNY', '2026-10-31T23:59:59.999Z', { count: false });
  await ledger(o1.id, 'charge', 88_888, 'CNY', '2026-12-01T00:00:00.000Z', { count: false });
  await ledger(o2.id, 'charge', 5_000, 'USD', '2026-11-04T00:00:00Z', { status: 'flagged', count: false });
  await ledger(null, 'charge', 7_000, 'USD', '2026-11-04T00:00:00Z', { count: false });

  const po = async (ref: string, status: 'placed' | 'failed', at: string, amounts: { total?: number; goods?: number; freight?: number }, items: number[]) => {
    const [row] = await db
      .insert(purchaseOrders)
      .values({ reference: ref, platform: '1688', sellerId: 1, sellerSourceId: 's', status, expectedGoodsMinor: 1, previewGoodsMinor: amounts.goods ?? null, previewFreightMinor: amounts.freight ?? null, upstreamTotalMinor: amounts.total ?? null, placedAt: new Date(at) })
      .$returningId();
    const { inArray } = await import('drizzle-orm');
    await db.update(orderItems).set({ purchaseOrderId: row!.id }).where(inArray(orderItems.id, items));
    return row!.id;
  };
  ids.pos.push(await po('PO-A', 'placed', '2026-11-04T01:00:00Z', { total: 9_000 }, o1.itemIds));
  ids.pos.push(await po('PO-B', 'placed', '2026-11-05T01:00:00Z', { goods: 8_000, freight: 500 }, o2.itemIds));
  await po('PO-X', 'failed', '2026-11-05T01:00:00Z', { total: 1_000_000 }, o3.itemIds);
  await db.insert(serviceCharges).values([
    { orderId: o3.id, orderItemId: o3.itemIds[0]!, kind: 'qc_photos', quantity: 3, status: 'paid', amountCnyMinor: 600, chargeCurrency: 'JPY', chargeMinor: 128, paidAt: new Date('2026-11-12T00:00:00Z') },
    { orderId: o4.id, orderItemId: o4.itemIds[0]!, kind: 'qc_photos', quantity: 3, status: 'open', amountCnyMinor: 600, chargeCurrency: 'EUR', chargeMinor: 8 },
  ]);
  const totals = (fees: Record<string, number>) => JSON.stringify(Object.fromEntries(Object.entries(fees).map(([c, f]) => [c, { grossMinor: 0, feeMinor: f, mismatchedMinor: 0, movements: 1 }])));
  await db.insert(reconciliationRuns).values([
    { day: '2026-11-03', gateway: 'sandbox', source: 'api', status: 'done', totals: totals({ USD: 320 }) },
    { day: '2026-11-03', gateway: 'sandbox', source: 'file', status: 'done', totals: totals({ USD: 9_999 }) },
    { day: '2026-11-05', gateway: 'sandbox', source: 'file', status: 'done', totals: totals({ EUR: 50 }) },
    { day: '2026-11-06', gateway: 'sandbox', source: 'api', status: 'failed', totals: totals({ USD: 10_000 }) },
  ]);
}, 120_000);

afterAll(async () => {
  await database?.drop();
});

const sumOf = (filter: (p: Planted) => boolean) => planted.filter(filter).reduce((s, p) => s.plus(toCny(p)), D(0));
// Fees at the newest rates: 320 US cents at 0.139, 50 euro cents at 0.13.
const feesCny = D(320).div('0.139').plus(D(50).div('0.13'));

describe('profit report', () => {
  let report: ProfitReport;
  beforeAll(async () => {
    report = await buildProfitReport(db, { range, grain: 'month', category: null, currency: 'USD' });
  });

  it('equals the ledger’s and the purchase orders’ sums, rounded once', () => {
    const revenue = sumOf((p) => p.kind === 'charge');
    const refunds = sumOf((p) => p.kind === 'refund');
    expect(report.total.revenue.cny).toBe(round(revenue));
    expect(report.total.refunds.cny).toBe(round(refunds));
    expect(report.total.upstream.cny).toBe(9_000 + 8_500);
    expect(report.total.fees.cny).toBe(round(feesCny));
    expect(report.total.serviceFees.cny).toBe(300 + 200 + 500 + 77 + 11 + 600);
    const profit = revenue.minus(refunds).minus(feesCny).minus(17_500);
    expect(report.total.profit.cny).toBe(round(profit));
    expect(report.total.profit.reporting).toBe(round(profit.times('0.139')));
    expect(report.total.revenue.reporting).toBe(round(revenue.times('0.139')));
    expect(report.feeDaysReconciled).toBe(2);
    expect(report.periods).toHaveLength(1);
  });

  it('splits by top-level category (a subcategory counts toward its parent; an order toward its biggest line)', () => {
    const row = (id: number | null) => report.rows.find((r) => r.categoryId === id)!.figures;
    expect(row(cat.a).revenue.cny).toBe(round(sumOf((p) => p.kind === 'charge' && p.category === cat.a)));
    expect(row(cat.b).revenue.cny).toBe(round(sumOf((p) => p.kind === 'charge' && p.category === cat.b)));
    expect(row(cat.b).refunds.cny).toBe(round(sumOf((p) => p.kind === 'refund' && p.category === cat.b)));
    expect(row(cat.a).upstream.cny).toBe(9_000);
    expect(row(cat.b).upstream.cny).toBe(8_500);
    expect(row(null).fees.cny).toBe(round(feesCny));
    expect(report.rows.some((r) => r.categoryId === cat.a1)).toBe(false);
  });

  it('buckets by UTC day and ISO week, and filters one category', async () => {
    const days = await buildProfitReport(db, { range, grain: 'day', category: null, currency: 'USD' });
    expect(days.periods).toHaveLength(30);
    const day = (d: string) => days.periods.find((p) => p.period === d)!.total;
    expect(day('2026-11-01').revenue.cny).toBe(10_500);
    expect(day('2026-11-03').revenue.cny).toBe(round(D(1_459).div('0.138912')));
    expect(day('2026-11-04').revenue.cny).toBe(0);
    const third = await buildProfitReport(db, { range: { from: '2026-11-17', to: '2026-11-19' }, grain: 'month', category: null, currency: 'CNY' });
    expect(third.total.revenue.cny).toBe(20);
    const weeks = await buildProfitReport(db, { range, grain: 'week', category: null, currency: 'CNY' });
    expect(weeks.periods.map((p) => p.period)).toEqual(['2026-10-26', '2026-11-02', '2026-11-09', '2026-11-16', '2026-11-23', '2026-11-30']);
    expect(weeks.periods[0]!.total.revenue.cny).toBe(10_500); // Sunday 1 November is in the week of Monday 26 October
    const onlyB = await buildProfitReport(db, { range, grain: 'month', category: cat.b, currency: 'USD' });
    expect(onlyB.total.revenue.cny).toBe(round(sumOf((p) => p.kind === 'charge' && p.category === cat.b)));
    expect(onlyB.total.fees.cny).toBe(0);
  });

  it('exports the same numbers as CSV, decimal strings with their currency', () => {
    const csv = profitReportCsv(report, (id) => (id === cat.a ? '服装, 鞋' : String(id)), { total: 'Total' });
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('period,period_start,category,currency,revenue,refunds,gateway_fees,upstream_cost,service_fees,gross_profit');
    const total = lines.filter((l) => l.startsWith('Total,'));
    const cny = total.find((l) => l.split(',')[3] === 'CNY')!.split(',');
    const usd = total.find((l) => l.split(',')[3] === 'USD')!.split(',');
    const dec = (minor: number) => (minor < 0 ? '-' : '') + (Math.abs(minor) / 100).toFixed(2);
    expect(cny.slice(4)).toEqual([report.total.revenue.cny, report.total.refunds.cny, report.total.fees.cny, report.total.upstream.cny, report.total.serviceFees.cny, report.total.profit.cny].map(dec));
    expect(usd[9]).toBe(dec(report.total.profit.reporting!));
    expect(csv).toContain('"服装, 鞋"');
  });

  it('drills down to exactly the rows behind a figure', async () => {
    const all = await drillDown(db, { days: range, category: null, measure: 'revenue', page: 1 });
    expect(all.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...ids.charges].sort((a, b) => a - b));
    expect(all.total).toBe(ids.charges.length);
    const inA = await drillDown(db, { days: range, category: cat.a, measure: 'revenue', page: 1 });
    expect(inA.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...ids.chargesA].sort((a, b) => a - b));
    const refunds = await drillDown(db, { days: range, category: null, measure: 'refunds', page: 1 });
    expect(refunds.rows.map((r) => r.id).sort((a, b) => a - b)).toEqual([...ids.refunds].sort((a, b) => a - b));
    const upstream = await drillDown(db, { days: range, category: null, measure: 'upstream', page: 1 });
    expect(upstream.rows.map((r) => r.id)).toEqual(ids.pos);
    const fees = await drillDown(db, { days: range, category: null, measure: 'fees', page: 1 });
    expect(fees.rows.map((r) => `${r.reference} ${r.currency} ${r.amountMinor}`)).toEqual(['2026-11-03 sandbox (api) USD 320', '2026-11-05 sandbox (file) EUR 50']);
    const page2 = await drillDown(db, { days: range, category: null, measure: 'revenue', page: 2 });
    expect(page2.rows).toHaveLength(0);
  });
});
