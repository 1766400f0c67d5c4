import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { chargeToCnyMinor, roundMinor } from './amounts';
import { feeDays } from './fees';
import { periodDays, type DayRange, type Grain } from './period';
import type { CategoryChoice } from './report-query';
import { categoryFilter, ledgerRows, purchaseRows, rowsOf, serviceRows } from './sources';

import type { DrillMeasure } from './drill-down-measures';

export { drillMeasures, type DrillMeasure } from './drill-down-measures';
export const DRILL_PAGE_SIZE = 50;

/** One row behind a figure: a ledger row, a purchase order, an order's fees, a service charge or a parcel's services, or a reconciled day's fees. */
export type DrillRow = {
  source: 'ledger' | 'purchase_order' | 'order' | 'service_charge' | 'parcel' | 'reconciliation_run';
  id: number;
  reference: string;
  /** The order's number (an order's ledger rows, an order's fees, service charges), for its admin page; else null. */
  orderNumber: string | null;
  /** The parcel's number (a parcel's ledger rows and services); else null. */
  parcelNumber: string | null;
  at: string;
  amountMinor: number;
  currency: string;
  /** The row's CNY minor units as the report counts it (rounded here for display only). */
  cnyMinor: number;
  detail: string;
};

/** The days a period covers, within the report's range (a week or month may start before it). */
export function clip(period: string, grain: Grain, range: DayRange): DayRange {
  const days = periodDays(period, grain);
  return { from: days.from < range.from ? range.from : days.from, to: days.to > range.to ? range.to : days.to };
}

/**
 * The rows behind one figure (period × category × measure), oldest first, a page at a time. Each
 * list is the same SQL as the report's sum (sources.ts), filtered instead of grouped.
 */
export async function drillDown(
  db: Database,
  input: { days: DayRange; category: CategoryChoice; measure: DrillMeasure; page: number },
): Promise<{ rows: DrillRow[]; total: number }> {
  const { days, category, measure } = input;
  const offset = (input.page - 1) * DRILL_PAGE_SIZE;
  if (measure === 'fees') {
    if (category !== null && category !== 0) return { rows: [], total: 0 };
    const all = (await feeDays(db, days)).flatMap((d) =>
      Object.entries(d.fees).map(([currency, fee]) => ({ source: 'reconciliation_run' as const, id: d.runId, reference: `${d.day} ${d.gateway} (${d.source})`, orderNumber: null, parcelNumber: null, at: d.day, amountMinor: fee, currency, cnyMinor: 0, detail: d.gateway })),
    );
    return { rows: all.slice(offset, offset + DRILL_PAGE_SIZE), total: all.length };
  }
  const filter = categoryFilter(category);
  const page = async <T>(inner: SQL, extra: SQL = sql`1 = 1`) => {
    const [rows, [count]] = await Promise.all([
      rowsOf<T>(db, sql`SELECT * FROM (${inner}) t WHERE ${filter} AND ${extra} ORDER BY t.created_at, t.id LIMIT ${DRILL_PAGE_SIZE} OFFSET ${offset}`),
      rowsOf<{ n: number }>(db, sql`SELECT COUNT(*) AS n FROM (${inner}) t WHERE ${filter} AND ${extra}`),
    ]);
    return { rows, total: Number(count?.n ?? 0) };
  };
  const iso = (value: Date | string) => (value instanceof Date ? value.toISOString() : String(value));
  if (measure === 'revenue' || measure === 'refunds') {
    const found = await page<{ id: number; order_id: number | null; order_number: string | null; parcel_number: string | null; kind: string; gateway: string; transaction_id: string; amount_minor: string; currency: string; charge_rate: string; created_at: Date }>(
      ledgerRows(days),
      sql`t.kind = ${measure === 'revenue' ? 'charge' : 'refund'}`,
    );
    return {
      total: found.total,
      rows: found.rows.map((r) => ({ source: 'ledger', id: Number(r.id), reference: r.transaction_id, orderNumber: r.order_number, parcelNumber: r.parcel_number, at: iso(r.created_at), amountMinor: Number(r.amount_minor), currency: r.currency, cnyMinor: roundMinor(chargeToCnyMinor(r.amount_minor, r.currency, r.charge_rate)), detail: `${r.gateway} · ${r.kind} · 1 CNY = ${r.charge_rate} ${r.currency}` })),
    };
  }
  if (measure === 'upstream') {
    const found = await page<{ id: number; reference: string; upstream_order_id: string | null; created_at: Date; cny_minor: string }>(purchaseRows(days));
    return { total: found.total, rows: found.rows.map((r) => ({ source: 'purchase_order', id: Number(r.id), reference: r.reference, orderNumber: null, parcelNumber: null, at: iso(r.created_at), amountMinor: Number(r.cny_minor), currency: 'CNY', cnyMinor: Number(r.cny_minor), detail: r.upstream_order_id ?? '' })) };
  }
  const found = await page<{ source: 'order' | 'service_charge' | 'parcel'; id: number; reference: string; created_at: Date; cny_minor: string }>(serviceRows(days));
  return {
    total: found.total,
    rows: found.rows.map((r) => {
      const isParcel = r.source === 'parcel';
      const reference = r.source === 'service_charge' ? `#${r.id}` : r.reference;
      return { source: r.source, id: Number(r.id), reference, orderNumber: isParcel ? null : r.reference, parcelNumber: isParcel ? r.reference : null, at: iso(r.created_at), amountMinor: Number(r.cny_minor), currency: 'CNY', cnyMinor: Number(r.cny_minor), detail: r.source };
    }),
  };
}
