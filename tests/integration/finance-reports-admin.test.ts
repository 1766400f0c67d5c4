import { randomUUID } from 'node:crypto';
import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabases, databaseFor, type Database } from '@/db/client';
import { categories, fxRates, orderItems, orders, paymentLedger, products, reconciliationRuns } from '@/db/schema';
import { parcels } from '@/db/schema/parcels';
import { createUser } from '@/lib/auth/create-user';
import { getPage, signInOverHttp } from '../support/http-session';

// The running server's profit report: finance reads the page (chart, table), downloads the same
// numbers as CSV and opens the rows behind a figure; staff without payments:read are refused.
const base = process.env.FERRY_TEST_BASE_URL!;
let db: Database;
// A month of its own in the shared test database: a random one in 1990–2009.
const month = `${1990 + Math.floor(Math.random() * 20)}-0${1 + Math.floor(Math.random() * 9)}`;
const query = `from=${month}-01&to=${month}-28&grain=week&currency=CNY`;
const password = 'finance-password-1';
const finance = `finance-${randomUUID()}@ferry.test`;
const purchaser = `purchaser-${randomUUID()}@ferry.test`;
const tag = randomUUID().slice(0, 8);
const planted = { category: 0, product: 0, order: 0, ledger: [] as number[] };

beforeAll(async () => {
  expect(base, 'FERRY_TEST_BASE_URL is set by scripts/test.sh; run `npm test`').toBeTruthy();
  db = databaseFor(process.env.DATABASE_URL!);
  const [cat] = await db.insert(categories).values({ slug: `report-${tag}`, nameZh: `报表类目${tag}`, path: '/', depth: 0 }).$returningId();
  planted.category = cat!.id;
  await db.update(categories).set({ path: `/${cat!.id}/` }).where(eq(categories.id, cat!.id));
  const [product] = await db
    .insert(products)
    .values({ platform: '1688', sourceId: `report-${tag}`, sourceUrl: 'x', slug: `report-${tag}`, titleZh: 'p', attributesZh: [], categoryId: cat!.id, sellerId: 1, priceMinMinor: 1, priceMaxMinor: 1, weightGrams: 1, syncedAt: new Date(), isActive: 0 })
    .$returningId();
  planted.product = product!.id;
  const [order] = await db
    .insert(orders)
    .values({
      number: `FRA${tag}`, status: 'paid', checkoutToken: `report-admin-${tag}`, locale: 'en', shippingAddress: { name: 'A', line1: 'B', city: 'C', country: 'US', phone: '1' }, valueAddedServices: [],
      breakdownCny: { items: 10_000, domesticShipping: 0, serviceFee: 600, valueAddedServices: 0, codFee: 0, discount: 0 }, totalCnyMinor: 10_600,
      chargeCurrency: 'USD', chargeMinor: 1_484, chargeRate: '0.140000000000', rateSource: 'test', rateCapturedAt: new Date(), baseCurrency: 'USD', baseMinor: 1_484, baseRate: '0.14', gateway: 'sandbox', payToken: tag.padEnd(32, '0'), paidAt: new Date(`${month}-03T10:00:00Z`),
    })
    .$returningId();
  planted.order = order!.id;
  await db.insert(orderItems).values({ orderId: order!.id, skuId: 1, productId: product!.id, sellerId: 1, title: 't', attributes: [], quantity: 1, unitPriceCnyMinor: 10_000 });
  for (const [kind, amount, day] of [['charge', 1_484, '03'], ['charge', 701, '12'], ['refund', 333, '13']] as const) {
    const [row] = await db.insert(paymentLedger).values({ orderId: order!.id, gateway: 'sandbox', transactionId: `tx_report_${tag}_${day}`, kind, amountMinor: amount, currency: 'USD', createdAt: new Date(`${month}-${day}T08:00:00Z`) }).$returningId();
    planted.ledger.push(row!.id);
  }
  await createUser(db, { email: finance, password, role: 'finance' });
  await createUser(db, { email: purchaser, password, role: 'purchaser' });
});
afterAll(async () => {
  await db?.delete(paymentLedger).where(inArray(paymentLedger.id, planted.ledger));
  await db?.delete(orderItems).where(eq(orderItems.orderId, planted.order));
  await db?.delete(orders).where(eq(orders.id, planted.order));
  await db?.delete(products).where(eq(products.id, planted.product));
  await db?.delete(categories).where(eq(categories.id, planted.category));
  await closeDatabases();
});

const cnyOf = (html: string, measure: string) => Number(new RegExp(`data-total="range"[\\s\\S]*?data-measure="${measure}" data-cny="(-?\\d+)"`).exec(html)?.[1]);

describe('/admin/finance/reports', () => {
  it('shows finance the chart and the table, the same numbers as CSV, and the rows behind a figure', async () => {
    const cookie = await signInOverHttp(base, finance, password);
    const page = await getPage(base, `/en/admin/finance/reports?${query}`, cookie);
    expect(page.status).toBe(200);
    expect(page.html).toContain('data-testid="profit-chart"');
    // 1484 + 701 US cents at 1 CNY = 0.14 USD: 15,607.142… fen, rounded once; the refund 2,378.57… fen.
    expect(cnyOf(page.html, 'revenue')).toBe(15_607);
    expect(cnyOf(page.html, 'refunds')).toBe(2_379);
    expect(cnyOf(page.html, 'serviceFees')).toBe(600);
    // Gross profit is rounded once from the unrounded parts: within a fen of the rounded parts' difference.
    const parts = cnyOf(page.html, 'revenue') - cnyOf(page.html, 'refunds') - cnyOf(page.html, 'fees') - cnyOf(page.html, 'upstream');
    expect(Math.abs(cnyOf(page.html, 'profit') - parts)).toBeLessThanOrEqual(1);

    const csv = await fetch(`${base}/en/admin/finance/reports/export?${query}`, { headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const total = lines.at(-1)!.split(',');
    expect(total[3]).toBe('CNY');
    const measures = ['revenue', 'refunds', 'fees', 'upstream', 'serviceFees', 'profit'];
    expect(total.slice(4)).toEqual(measures.map((m) => (cnyOf(page.html, m) / 100).toFixed(2)));

    const weekOf3rd = /href="([^"]*\/admin\/finance\/reports\/rows\?[^"]*measure=revenue[^"]*)"/.exec(page.html)?.[1]?.replaceAll('&amp;', '&');
    expect(weekOf3rd).toBeTruthy();
    const rows = await getPage(base, weekOf3rd!, cookie);
    expect(rows.status).toBe(200);
    expect(rows.html).toContain(`tx_report_${tag}_03`);
    expect(rows.html).not.toContain(`tx_report_${tag}_12`);

    const chinese = await getPage(base, `/zh-CN/admin/finance/reports?${query}&category=${planted.category}`, cookie);
    expect(chinese.html).toContain('利润报表');
    expect(chinese.html).toContain(`报表类目${tag}`);
    expect(cnyOf(chinese.html, 'revenue')).toBe(15_607);
    // One category: no gateway fees; 15,607.142… − 2,378.571… = 13,228.571… fen → 13,229 (not 15,607 − 2,379 = 13,228).
    expect(cnyOf(chinese.html, 'profit')).toBe(13_229);
  });

  it('without a CNY rate for the reporting currency shows the CNY figures with a notice, and the CSV says so too', async () => {
    // The seeded FX store has every currency: SAR's rates are set aside for this test (and put back),
    // and a reconciled day of the month holds gateway fees in SAR, which cannot be converted either.
    const saved = await db.select().from(fxRates).where(and(eq(fxRates.base, 'CNY'), eq(fxRates.quote, 'SAR')));
    const [run] = await db.insert(reconciliationRuns).values({ day: `${month}-05`, gateway: 'sandbox', source: 'file', status: 'done', totals: JSON.stringify({ SAR: { grossMinor: 0, feeMinor: 425, mismatchedMinor: 0, movements: 1 } }) }).$returningId();
    await db.delete(fxRates).where(and(eq(fxRates.base, 'CNY'), eq(fxRates.quote, 'SAR')));
    try {
      const cookie = await signInOverHttp(base, finance, password);
      const sar = query.replace('currency=CNY', 'currency=SAR');
      const page = await getPage(base, `/en/admin/finance/reports?${sar}`, cookie);
      expect(page.status).toBe(200);
      expect(page.html).toMatch(/data-testid="report-notice" data-kind="no_rate" data-currency="SAR"[^>]*>No CNY→SAR rate is stored: figures are shown in CNY only\./);
      expect(page.html).toContain('data-kind="unconverted_fees" data-currency="SAR"');
      expect(cnyOf(page.html, 'revenue')).toBe(15_607);
      expect(cnyOf(page.html, 'fees')).toBe(0);
      const chinese = await getPage(base, `/zh-CN/admin/finance/reports?${sar}`, cookie);
      expect(chinese.status).toBe(200);
      expect(chinese.html).toContain('没有人民币→SAR 的汇率：只显示人民币金额。');

      const csv = await fetch(`${base}/en/admin/finance/reports/export?${sar}`, { headers: { cookie } });
      expect(csv.status).toBe(200);
      const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      const amountLines = lines.slice(1).filter((line) => !line.startsWith('Note,'));
      expect(amountLines.length).toBeGreaterThan(0);
      expect(amountLines.every((line) => line.split(',')[3] === 'CNY')).toBe(true);
      expect(lines.filter((line) => line.startsWith('Note,'))).toEqual([expect.stringContaining('No CNY→SAR rate is stored'), expect.stringContaining('are left out of gateway fees and gross profit')]);
    } finally {
      if (saved.length) await db.insert(fxRates).values(saved);
      await db.delete(reconciliationRuns).where(eq(reconciliationRuns.id, run!.id));
    }
  });

  it('shows parcels’ money as a Shipping row of its own, with its notice, its CSV line and its rows by parcel number', async () => {
    // A parcel paid by card (700 US cents at 1 CNY = 0.14 USD: 5,000 fen) and lighter when packed (140 cents back to the balance: 1,000 fen).
    const [parcel] = await db
      .insert(parcels)
      .values({
        number: `PR${tag}`, status: 'ready_to_dispatch', lineId: 1, lineCode: 'ems', shippingAddress: { name: 'A', line1: 'B', line2: null, city: 'C', region: null, postalCode: '1', country: 'US', phone: '1' }, services: [], goods: [],
        currency: 'USD', rate: '0.140000000000', rateSource: 'test', rateCapturedAt: new Date(), declaredValueCnyMinor: 0, estimateGrams: 1000, estimateChargeableGrams: 1000, estimateShippingCnyMinor: 5_000, estimateShippingMinor: 700,
        totalCnyMinor: 5_000, chargeMinor: 700, gateway: 'sandbox', gatewayPaymentId: `pi_parcel_${tag}`, payToken: `p${tag}`.padEnd(32, '0'), paidAt: new Date(`${month}-04T08:00:00Z`),
      })
      .$returningId();
    const ledger = await db
      .insert(paymentLedger)
      .values([
        { orderId: null, gateway: 'sandbox', transactionId: `pi_parcel_${tag}`, kind: 'charge', amountMinor: 700, currency: 'USD', createdAt: new Date(`${month}-04T08:00:00Z`) },
        { orderId: null, gateway: 'wallet', transactionId: `wallet:parcel_settlement:${parcel!.id}`, kind: 'refund', amountMinor: 140, currency: 'USD', createdAt: new Date(`${month}-04T09:00:00Z`) },
      ])
      .$returningId();
    try {
      const cookie = await signInOverHttp(base, finance, password);
      const page = await getPage(base, `/en/admin/finance/reports?${query}`, cookie);
      expect(page.status).toBe(200);
      const shippingRow = /<tr[^>]*data-category="shipping"[\s\S]*?<\/tr>/.exec(page.html)?.[0] ?? '';
      expect(shippingRow).toContain('Shipping (parcels)');
      expect(shippingRow).toContain('data-measure="revenue" data-cny="5000"');
      expect(shippingRow).toContain('data-measure="refunds" data-cny="1000"');
      expect(cnyOf(page.html, 'revenue')).toBe(15_607 + 5_000);
      expect(cnyOf(page.html, 'refunds')).toBe(2_379 + 1_000);
      expect(page.html).toMatch(/data-kind="no_carrier_cost"[^>]*>Shipping is parcels/);
      expect(page.html).toContain('<option value="shipping">Shipping (parcels)</option>');

      const only = await getPage(base, `/en/admin/finance/reports?${query}&category=shipping`, cookie);
      expect(cnyOf(only.html, 'revenue')).toBe(5_000);
      expect(cnyOf(only.html, 'profit')).toBe(4_000);
      const goods = await getPage(base, `/en/admin/finance/reports?${query}&category=${planted.category}`, cookie);
      expect(cnyOf(goods.html, 'revenue')).toBe(15_607);

      const csv = await fetch(`${base}/en/admin/finance/reports/export?${query}`, { headers: { cookie } });
      const lines = (await csv.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines.filter((l) => l.split(',')[2] === 'Shipping (parcels)').map((l) => l.split(',').slice(3, 6))).toEqual([['CNY', '50.00', '10.00']]);
      expect(lines.some((l) => l.startsWith('Note,') && l.includes('No carrier cost is recorded yet'))).toBe(true);

      const drill = /href="([^"]*\/admin\/finance\/reports\/rows\?[^"]*category=shipping[^"]*measure=refunds[^"]*)"/.exec(shippingRow)?.[1]?.replaceAll('&amp;', '&');
      expect(drill).toBeTruthy();
      const rows = await getPage(base, drill!, cookie);
      expect(rows.status).toBe(200);
      expect(rows.html).toContain(`data-parcel="PR${tag}"`);
      expect(rows.html).toContain(`Parcel PR${tag}`);
      expect(rows.html).toContain(`wallet:parcel_settlement:${parcel!.id}`);
      expect(rows.html).not.toContain(`pi_parcel_${tag}`);

      const chinese = await getPage(base, `/zh-CN/admin/finance/reports?${query}`, cookie);
      expect(chinese.html).toContain('运费（包裹）');
      expect(chinese.html).toContain('尚未记录承运商成本');
    } finally {
      await db.delete(paymentLedger).where(inArray(paymentLedger.id, ledger.map((r) => r.id)));
      await db.delete(parcels).where(eq(parcels.id, parcel!.id));
    }
  });

  it('refuses staff without payments:read, the CSV too', async () => {
    const cookie = await signInOverHttp(base, purchaser, password);
    expect((await getPage(base, `/en/admin/finance/reports?${query}`, cookie)).status).toBe(403);
    expect((await fetch(`${base}/en/admin/finance/reports/export?${query}`, { headers: { cookie } })).status).toBe(403);
    expect((await fetch(`${base}/en/admin/finance/reports/export?${query}`)).status).toBe(401);
  });
});
