import { randomUUID } from 'node:crypto';
import Big from 'big.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fxRates, paymentLedger } from '@/db/schema';
import { parcels, type ParcelRow } from '@/db/schema/parcels';
import { shippingLines } from '@/db/schema/shipping';
import { createUser } from '@/lib/auth/create-user';
import { buildProfitReport, type ProfitReport } from '@/lib/finance/reports/build-report';
import { drillDown } from '@/lib/finance/reports/drill-down';
import { reportNotices } from '@/lib/finance/reports/notices';
import { profitReportCsv } from '@/lib/finance/reports/report-csv';
import { SHIPPING, type CategoryChoice } from '@/lib/finance/reports/report-query';
import { getLatestRates } from '@/lib/fx/store';
import { cancelParcel } from '@/lib/parcels/cancel-parcel';
import { createParcel, type CreateParcelInput } from '@/lib/parcels/create-parcel';
import { packParcel } from '@/lib/parcels/pack-parcel';
import { payParcelFromWallet } from '@/lib/parcels/pay-from-wallet';
import { creditWallet } from '@/lib/wallet/entries';
import { createCheckoutWorld, type CheckoutWorld } from '../support/checkout-fixtures';
import { acceptedItems, parcelPaidEvent } from '../support/parcel-fixtures';
import { deliverWebhook } from '../support/purchasing-world';

// Parcels' money in the profit report, moved by the real code paths (the card webhook, the wallet,
// packing, cancelling): a parcel paid by card, one from the wallet, a top-up after packing heavier, a
// settlement refund after packing lighter, and a wallet part returned when an unpaid parcel is
// cancelled. Each writes a ledger row in CNY and the reporting currency; the report's shipping part
// and its totals change by exactly those amounts at the parcel's pinned rate (rounded once), goods'
// rows do not change, the CSV carries the same figures, and the drill-down lists the rows by parcel.
let world: CheckoutWorld;
let shopper: { id: number; email: string };
let lineId: number;
let usdRate: string;
const D = (v: string | number) => new Big(v);
const round = (v: Big) => Number(v.round(0, Big.roundHalfEven).toFixed(0));
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const range = { from: day(-1), to: day(1) };
const report = (category: CategoryChoice = null) => buildProfitReport(world.db, { range, grain: 'month', category, currency: 'USD' });
const actor = () => ({ type: 'user' as const, id: shopper.id, label: shopper.email });

/** Every parcel movement the test made, with the ledger row it must have written. */
type Moved = { kind: 'charge' | 'refund'; amountMinor: number; parcel: ParcelRow; transactionId: string };
const moved: Moved[] = [];
const exactCny = (m: Moved) => D(m.amountMinor).div(D(m.parcel.rate)); // EUR and CNY both have two decimals
const sumOf = (kind: Moved['kind']) => moved.filter((m) => m.kind === kind).reduce((s, m) => s.plus(exactCny(m)), D(0));

const input = (itemIds: number[], services: CreateParcelInput['services'] = []): CreateParcelInput => ({
  owner: { type: 'user', userId: shopper.id },
  itemIds,
  lineId,
  address: { name: 'Ana Ruiz', line1: 'Calle Mayor 1', line2: null, city: 'Madrid', region: null, postalCode: '28013', country: 'ES', phone: '+34911234567' },
  services,
  currency: 'EUR',
  gateway: 'sandbox',
  actor: actor(),
});
const parcelRow = async (id: number) => (await world.db.select().from(parcels).where(eq(parcels.id, id)))[0]!;

/** What orders' ledger rows add up to, unrounded (the goods' side, computed here without the report). */
async function goodsExact(kind: 'charge' | 'refund'): Promise<Big> {
  const [rows] = (await world.db.execute(sql`
    SELECT l.amount_minor AS amount, o.charge_rate AS rate FROM payment_ledger l JOIN orders o ON o.id = l.order_id
    WHERE l.status = 'recorded' AND l.kind = ${kind} AND l.created_at >= ${`${range.from} 00:00:00`} AND l.created_at < ${`${day(2)} 00:00:00`}`)) as unknown as [{ amount: string; rate: string }[]];
  return rows.reduce((s, r) => s.plus(D(r.amount).div(D(r.rate))), D(0));
}

let parcelCard: ParcelRow;
let parcelWallet: ParcelRow;
let parcelCancelled: ParcelRow;
let before: ProfitReport;

beforeAll(async () => {
  world = await createCheckoutWorld('ferry_test_report_parcels', 6);
  shopper = await createUser(world.db, { email: `report-parcel-${randomUUID()}@ferry.test`, password: 'correct horse battery', role: 'customer' });
  const [ems] = await world.db.select({ id: shippingLines.id }).from(shippingLines).where(eq(shippingLines.code, 'ems'));
  lineId = ems!.id;
  usdRate = (await getLatestRates(world.db)).rates.USD!.rate;
  // Every order (the goods' money) is placed before the snapshot; creating a parcel moves no money.
  parcelCard = await createParcel(world.db, input(await acceptedItems(world, shopper, 2, 400), ['reinforced_packing']));
  parcelWallet = await createParcel(world.db, input(await acceptedItems(world, shopper, 2, 1400), ['packed_photos']));
  parcelCancelled = await createParcel(world.db, input(await acceptedItems(world, shopper, 1, 400)));
  before = await report();
}, 180_000);
afterAll(async () => world?.close());

async function expectShippingFigures() {
  const revenue = sumOf('charge');
  const refunds = sumOf('refund');
  const shipping = await report(SHIPPING);
  expect(shipping.total.revenue).toEqual({ cny: round(revenue), reporting: round(revenue.times(usdRate)) });
  expect(shipping.total.refunds).toEqual({ cny: round(refunds), reporting: round(refunds.times(usdRate)) });
  expect(shipping.total.upstream.cny).toBe(0);
  expect(shipping.total.fees.cny).toBe(0);
  expect(shipping.total.profit).toEqual({ cny: round(revenue.minus(refunds)), reporting: round(revenue.minus(refunds).times(usdRate)) });
  return shipping;
}

/** The movement's ledger row: recorded once, no order, in CNY and the reporting currency at the parcel's rate. */
async function expectLedgerRow(m: Moved) {
  const rows = await world.db.select().from(paymentLedger).where(and(eq(paymentLedger.transactionId, m.transactionId), eq(paymentLedger.kind, m.kind)));
  expect(rows).toHaveLength(1);
  expect(rows[0]).toMatchObject({ orderId: null, status: 'recorded', amountMinor: m.amountMinor, currency: 'EUR', cnyMinor: round(exactCny(m)), reportingCurrency: 'USD' });
  expect(rows[0]!.reportingMinor).toBeGreaterThan(0);
}

async function record(m: Moved) {
  moved.push(m);
  await expectLedgerRow(m);
  await expectShippingFigures();
}

describe('parcels in the profit report', () => {
  it('counts nothing for parcels before they take money', async () => {
    expect(before.rows.some((r) => r.categoryId === SHIPPING)).toBe(false);
    expect(reportNotices(before).some((n) => n.kind === 'no_carrier_cost')).toBe(false);
    const shipping = await report(SHIPPING);
    expect(shipping.total.revenue.cny).toBe(0);
    expect(shipping.total.serviceFees.cny).toBe(0);
  });

  it('a parcel paid by card is shipping revenue', async () => {
    const intentId = `pi_${randomUUID()}`;
    expect(await deliverWebhook(world, parcelPaidEvent(parcelCard, { intentId }))).toBe('parcel_paid');
    await record({ kind: 'charge', amountMinor: parcelCard.chargeMinor, parcel: parcelCard, transactionId: intentId });
  });

  it('a parcel paid from the wallet is shipping revenue', async () => {
    await creditWallet(world.db, 'adjustment', { userId: shopper.id, currency: 'EUR', amountMinor: parcelWallet.chargeMinor, source: `test:${randomUUID()}`, actor: actor() });
    expect((await payParcelFromWallet(world.db, { userId: shopper.id, number: parcelWallet.number, actor: actor() })).outcome).toBe('paid');
    await record({ kind: 'charge', amountMinor: parcelWallet.chargeMinor, parcel: parcelWallet, transactionId: `wallet:parcel:${parcelWallet.id}` });
  });

  it('a wallet part paid and returned when the unpaid parcel is cancelled is revenue and its refund', async () => {
    const part = Math.floor(parcelCancelled.chargeMinor / 3);
    await creditWallet(world.db, 'adjustment', { userId: shopper.id, currency: 'EUR', amountMinor: part, source: `test:${randomUUID()}`, actor: actor() });
    expect(await payParcelFromWallet(world.db, { userId: shopper.id, number: parcelCancelled.number, actor: actor(), allowPart: true })).toMatchObject({ outcome: 'part_paid', walletMinor: part });
    await record({ kind: 'charge', amountMinor: part, parcel: parcelCancelled, transactionId: `wallet:parcel:${parcelCancelled.id}` });
    await cancelParcel(world.db, { number: parcelCancelled.number, owner: { type: 'user', userId: shopper.id }, actor: actor() });
    await record({ kind: 'refund', amountMinor: part, parcel: parcelCancelled, transactionId: `wallet:parcel:${parcelCancelled.id}` });
  });

  it('the top-up after packing heavier, paid by card, is shipping revenue', async () => {
    const packed = await packParcel(world.db, { number: parcelCard.number, weightGrams: 2400, dims: { lengthCm: 30, widthCm: 20, heightCm: 10 }, actor: actor() });
    expect(packed).toMatchObject({ status: 'awaiting_topup', settlementAction: 'topup' });
    const intentId = `pi_${randomUUID()}`;
    expect(await deliverWebhook(world, parcelPaidEvent(packed, { charge: 'topup', amount: packed.settlementMinor!, intentId }))).toBe('parcel_topup_paid');
    await record({ kind: 'charge', amountMinor: packed.settlementMinor!, parcel: parcelCard, transactionId: intentId });
  });

  it('the settlement refund to the wallet after packing lighter is a shipping refund', async () => {
    const packed = await packParcel(world.db, { number: parcelWallet.number, weightGrams: 1000, dims: { lengthCm: 20, widthCm: 15, heightCm: 10 }, actor: actor() });
    expect(packed).toMatchObject({ settlementAction: 'refund', settlementStatus: 'refunded' });
    await record({ kind: 'refund', amountMinor: packed.settlementMinor!, parcel: parcelWallet, transactionId: `wallet:parcel_settlement:${parcelWallet.id}` });
  });

  it('adds exactly the parcels’ money to the totals and gross profit; goods’ rows do not move', async () => {
    const after = await report();
    const [goodsRevenue, goodsRefunds] = [await goodsExact('charge'), await goodsExact('refund')];
    const [shipRevenue, shipRefunds] = [sumOf('charge'), sumOf('refund')];
    expect(before.total.revenue.cny).toBe(round(goodsRevenue));
    expect(after.total.revenue).toEqual({ cny: round(goodsRevenue.plus(shipRevenue)), reporting: round(goodsRevenue.plus(shipRevenue).times(usdRate)) });
    expect(after.total.refunds.cny).toBe(round(goodsRefunds.plus(shipRefunds)));
    const profit = goodsRevenue.plus(shipRevenue).minus(goodsRefunds).minus(shipRefunds);
    expect(after.total.profit).toEqual({ cny: round(profit), reporting: round(profit.times(usdRate)) });
    // The shipping row is the shipping report; every other row is what it was.
    const shippingRows = after.rows.filter((r) => r.categoryId === SHIPPING);
    expect(shippingRows.map((r) => r.figures)).toEqual([(await expectShippingFigures()).total]);
    expect(after.rows.filter((r) => r.categoryId !== SHIPPING)).toEqual(before.rows);
    // Shipping is no product's category, and not "no category" either.
    const categoryId = before.rows.find((r) => typeof r.categoryId === 'number')!.categoryId as number;
    expect((await report(categoryId)).total).toEqual(before.rows.find((r) => r.categoryId === categoryId)!.figures);
    expect((await report(0)).total.revenue.cny).toBe(0);
    expect(reportNotices(after)).toContainEqual({ kind: 'no_carrier_cost' });
  });

  it('shows parcels’ services as the shipping part’s service fees (the cancelled parcel was never paid)', async () => {
    const [card, wallet] = [await parcelRow(parcelCard.id), await parcelRow(parcelWallet.id)];
    expect(card.servicesCnyMinor + wallet.servicesCnyMinor).toBeGreaterThan(0);
    expect((await report(SHIPPING)).total.serviceFees.cny).toBe(card.servicesCnyMinor + wallet.servicesCnyMinor);
    const services = await drillDown(world.db, { days: range, category: SHIPPING, measure: 'serviceFees', page: 1 });
    expect(services.rows.map((r) => [r.source, r.parcelNumber, r.cnyMinor]).sort()).toEqual(
      [
        ['parcel', card.number, card.servicesCnyMinor],
        ['parcel', wallet.number, wallet.servicesCnyMinor],
      ].sort(),
    );
  });

  it('exports the shipping line in the CSV with the same figures, in CNY and USD', async () => {
    const after = await report();
    const shipping = after.rows.find((r) => r.categoryId === SHIPPING)!.figures;
    const csv = profitReportCsv(after, (id) => (id === SHIPPING ? 'Shipping' : String(id)), { total: 'Total' });
    const lines = csv.trimEnd().split('\r\n').map((l) => l.split(','));
    const dec = (minor: number) => (minor < 0 ? '-' : '') + (Math.abs(minor) / 100).toFixed(2);
    const order = ['revenue', 'refunds', 'fees', 'upstream', 'serviceFees', 'profit'] as const;
    expect(lines.find((l) => l[2] === 'Shipping' && l[3] === 'CNY')!.slice(4)).toEqual(order.map((m) => dec(shipping[m].cny)));
    expect(lines.find((l) => l[2] === 'Shipping' && l[3] === 'USD')!.slice(4)).toEqual(order.map((m) => dec(shipping[m].reporting!)));
  });

  it('drills down to the parcels’ ledger rows, each with its parcel number', async () => {
    const ids = async (kind: Moved['kind']) => {
      const rows = await world.db
        .select({ id: paymentLedger.id, tx: paymentLedger.transactionId })
        .from(paymentLedger)
        .where(and(inArray(paymentLedger.transactionId, moved.filter((m) => m.kind === kind).map((m) => m.transactionId)), eq(paymentLedger.kind, kind)));
      return rows.map((r) => ({ id: r.id, parcelNumber: moved.find((m) => m.transactionId === r.tx)!.parcel.number })).sort((a, b) => a.id - b.id);
    };
    for (const [measure, kind] of [['revenue', 'charge'], ['refunds', 'refund']] as const) {
      const drilled = await drillDown(world.db, { days: range, category: SHIPPING, measure, page: 1 });
      expect(drilled.rows.map((r) => ({ id: r.id, parcelNumber: r.parcelNumber })).sort((a, b) => a.id - b.id)).toEqual(await ids(kind));
      expect(drilled.rows.every((r) => r.source === 'ledger' && r.orderNumber === null)).toBe(true);
      // Every category: the same parcel rows among the orders'.
      const all = await drillDown(world.db, { days: range, category: null, measure, page: 1 });
      expect(all.rows.filter((r) => r.parcelNumber !== null).map((r) => r.id).sort((a, b) => a - b)).toEqual((await ids(kind)).map((r) => r.id));
    }
    const goodsOnly = await drillDown(world.db, { days: range, category: 0, measure: 'revenue', page: 1 });
    expect(goodsOnly.rows.some((r) => r.parcelNumber !== null)).toBe(false);
  });

  it('without a reporting rate a parcel’s ledger row still carries its CNY amount, and the report counts it', async () => {
    const parcel = await createParcel(world.db, input(await acceptedItems(world, shopper, 1, 400)));
    const shippingBefore = sumOf('charge');
    await world.db.delete(fxRates).where(and(eq(fxRates.base, 'CNY'), eq(fxRates.quote, 'USD')));
    const intentId = `pi_${randomUUID()}`;
    expect(await deliverWebhook(world, parcelPaidEvent(parcel, { intentId }))).toBe('parcel_paid');
    const [row] = await world.db.select().from(paymentLedger).where(eq(paymentLedger.transactionId, intentId));
    expect(row).toMatchObject({ orderId: null, status: 'recorded', cnyMinor: round(D(parcel.chargeMinor).div(D(parcel.rate))), reportingMinor: null });
    moved.push({ kind: 'charge', amountMinor: parcel.chargeMinor, parcel, transactionId: intentId });
    const shipping = await report(SHIPPING);
    expect(shipping.total.revenue).toEqual({ cny: round(sumOf('charge')), reporting: null });
    expect(sumOf('charge').gt(shippingBefore)).toBe(true);
  });
});
