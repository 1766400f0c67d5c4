import 'server-only';
import { sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { getLatestRates } from '@/lib/fx/store';
import { isSupportedCurrency, type CurrencyCode } from '@/lib/money/currencies';
import { chargeToCnyMinor, cnyToReporting, exact, roundMinor, type Exact } from './amounts';
import { feeDays } from './fees';
import { periodsIn, periodStart, type DayRange, type Grain } from './period';
import { SHIPPING, type CategoryChoice } from './report-query';
import { bucket, categoryFilter, ledgerRows, purchaseRows, rowsOf, serviceRows } from './sources';

export const measures = ['revenue', 'refunds', 'fees', 'upstream', 'serviceFees', 'profit'] as const;
export type Measure = (typeof measures)[number];
export type Figure = { cny: number; reporting: number | null };
export type Figures = Record<Measure, Figure>;
/**
 * `categoryId` null: gateway fees (a day's fee is not by category) and orders without lines;
 * `shipping`: parcels' money (shipping, insurance and parcel services), which is no product's.
 */
export type ReportRow = { period: string; categoryId: number | null | typeof SHIPPING; figures: Figures };
export type ProfitReport = {
  range: DayRange;
  grain: Grain;
  category: CategoryChoice;
  reporting: { currency: CurrencyCode; rate: string | null; capturedAt: string | null };
  periods: { period: string; total: Figures }[];
  rows: ReportRow[];
  total: Figures;
  /** Reconciled (day, gateway) pairs in the range: fees are from these days only. */
  feeDaysReconciled: number;
  /**
   * Gateway fees in a currency the FX store has no CNY rate for, per currency: they cannot be put in
   * CNY, so they are left out of the fees and the gross profit, and the page and the CSV say so.
   */
  unconvertedFees: { currency: string; amountMinor: number }[];
};

type Grouped = { period: string; category_id: number | null; is_shipping: number | string; amount: string };
/** Rows of a period: no category (and the day's fees) first, then the categories by id, shipping last. */
const partOrder = (id: ReportRow['categoryId']) => (id === null ? -1 : id === SHIPPING ? Number.MAX_SAFE_INTEGER : id);

type Cell = Record<Exclude<Measure, 'profit'>, Exact>;
const emptyCell = (): Cell => ({ revenue: exact(), refunds: exact(), fees: exact(), upstream: exact(), serviceFees: exact() });

/**
 * The profit report of a range at a grain, optionally for one top-level category (0: no category).
 * Every measure is summed in SQL (GROUP BY period, category, and the currency and pinned rate the
 * rows must be converted with), then converted and added up unrounded, and rounded once per figure:
 *
 *   gross profit = revenue − refunds − gateway fees − upstream cost
 *
 * Service fees are part of revenue (the shopper paid them in the charge): shown, not subtracted.
 * Parcels' money is revenue and refunds of its own part (`shipping`); no carrier cost is known yet
 * (a line's prices are what the shopper pays, not what the carrier bills), so none is subtracted.
 * The reporting currency's figures convert the unrounded CNY at the FX store's newest CNY→currency
 * rate (orders pin a rate for their own charge currency, not for finance's). Gateway fees are in
 * the gateway's currencies and are converted to CNY at the same newest rates.
 *
 * A missing rate never fails the report: without a CNY→reporting rate the figures are CNY only
 * (`reporting.rate` and every `reporting` figure null), and fees in a currency without a rate are
 * listed in `unconvertedFees` instead of being guessed.
 */
export async function buildProfitReport(db: Database, input: { range: DayRange; grain: Grain; category: CategoryChoice; currency: CurrencyCode }): Promise<ProfitReport> {
  const { range, grain, category } = input;
  const filter = categoryFilter(category);
  const [ledger, purchases, services, fees, rates] = await Promise.all([
    rowsOf<Grouped & { kind: 'charge' | 'refund'; currency: string; charge_rate: string }>(
      db,
      sql`SELECT ${bucket(sql`t.created_at`, grain)} AS period, t.category_id, t.is_shipping, t.kind, t.currency, t.charge_rate, SUM(t.amount_minor) AS amount
          FROM (${ledgerRows(range)}) t WHERE ${filter} GROUP BY 1, 2, 3, 4, 5, 6`,
    ),
    rowsOf<Grouped>(
      db,
      sql`SELECT ${bucket(sql`t.created_at`, grain)} AS period, t.category_id, t.is_shipping, SUM(t.cny_minor) AS amount FROM (${purchaseRows(range)}) t WHERE ${filter} GROUP BY 1, 2, 3`,
    ),
    rowsOf<Grouped>(
      db,
      sql`SELECT ${bucket(sql`t.created_at`, grain)} AS period, t.category_id, t.is_shipping, SUM(t.cny_minor) AS amount FROM (${serviceRows(range)}) t WHERE ${filter} GROUP BY 1, 2, 3`,
    ),
    category === null ? feeDays(db, range) : Promise.resolve([]),
    getLatestRates(db),
  ]);

  const rateEntry = input.currency === 'CNY' ? { rate: '1', capturedAt: null } : rates.rates[input.currency];
  const cells = new Map<string, { period: string; categoryId: ReportRow['categoryId']; cell: Cell }>();
  const at = (period: string, categoryId: ReportRow['categoryId']) => {
    const key = `${period}|${categoryId ?? ''}`;
    let entry = cells.get(key);
    if (!entry) cells.set(key, (entry = { period, categoryId, cell: emptyCell() }));
    return entry.cell;
  };
  const partOf = (r: Grouped) => at(r.period, Number(r.is_shipping) ? SHIPPING : r.category_id === null ? null : Number(r.category_id));
  for (const r of ledger) {
    const cell = partOf(r);
    const cny = chargeToCnyMinor(r.amount, r.currency, r.charge_rate);
    if (r.kind === 'charge') cell.revenue = cell.revenue.plus(cny);
    else cell.refunds = cell.refunds.plus(cny);
  }
  for (const r of purchases) {
    const cell = partOf(r);
    cell.upstream = cell.upstream.plus(exact(r.amount));
  }
  for (const r of services) {
    const cell = partOf(r);
    cell.serviceFees = cell.serviceFees.plus(exact(r.amount));
  }
  const unconverted = new Map<string, number>();
  for (const day of fees) {
    const cell = at(periodStart(day.day, grain), null);
    for (const [currency, feeMinor] of Object.entries(day.fees)) {
      if (!feeMinor) continue;
      const rate = currency === 'CNY' ? '1' : isSupportedCurrency(currency) ? rates.rates[currency]?.rate : undefined;
      if (!rate) {
        unconverted.set(currency, (unconverted.get(currency) ?? 0) + feeMinor);
        continue;
      }
      cell.fees = cell.fees.plus(chargeToCnyMinor(feeMinor, currency, rate));
    }
  }

  const figures = (cell: Cell): Figures => {
    const profit = cell.revenue.minus(cell.refunds).minus(cell.fees).minus(cell.upstream);
    const one = (value: Exact): Figure => ({ cny: roundMinor(value), reporting: rateEntry ? roundMinor(cnyToReporting(value, input.currency, rateEntry.rate)) : null });
    return { revenue: one(cell.revenue), refunds: one(cell.refunds), fees: one(cell.fees), upstream: one(cell.upstream), serviceFees: one(cell.serviceFees), profit: one(profit) };
  };
  const add = (a: Cell, b: Cell): Cell => ({ revenue: a.revenue.plus(b.revenue), refunds: a.refunds.plus(b.refunds), fees: a.fees.plus(b.fees), upstream: a.upstream.plus(b.upstream), serviceFees: a.serviceFees.plus(b.serviceFees) });

  const sorted = [...cells.values()].sort((a, b) => a.period.localeCompare(b.period) || partOrder(a.categoryId) - partOrder(b.categoryId));
  const byPeriod = new Map(periodsIn(range, grain).map((p) => [p, emptyCell()]));
  let grand = emptyCell();
  for (const entry of sorted) {
    byPeriod.set(entry.period, add(byPeriod.get(entry.period) ?? emptyCell(), entry.cell));
    grand = add(grand, entry.cell);
  }
  return {
    range,
    grain,
    category,
    reporting: { currency: input.currency, rate: rateEntry?.rate ?? null, capturedAt: rateEntry?.capturedAt ?? null },
    periods: [...byPeriod.entries()].map(([period, cell]) => ({ period, total: figures(cell) })),
    rows: sorted.map((e) => ({ period: e.period, categoryId: e.categoryId, figures: figures(e.cell) })),
    total: figures(grand),
    feeDaysReconciled: fees.length,
    unconvertedFees: [...unconverted.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
  };
}
