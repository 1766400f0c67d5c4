import { isSupportedCurrency, type CurrencyCode } from '@/lib/money/currencies';
import { drillMeasures, type DrillMeasure } from './drill-down-measures';
import { isGrain, parseDay, parseRange, type DayRange, type Grain } from './period';

/**
 * The report's URL query, shared by the page, the CSV export and the drill-down:
 * `from`, `to` (UTC days, default the month so far), `grain` (day|week|month, default day),
 * `category` (a top-level category id; `0`: goods of no category; `shipping`: parcels' shipping money, which
 * belongs to no product category; absent for all), `currency` (the reporting
 * currency, default USD: converted at the FX store's newest CNY rate — the settings table holds
 * integers only, so the currency is chosen per view rather than stored).
 */
export const SHIPPING = 'shipping';
/** A top-level category id, `0` (goods of no category), `shipping` (parcels' money) or null (everything). */
export type CategoryChoice = number | null | typeof SHIPPING;
export type ReportQuery = { range: DayRange; grain: Grain; category: CategoryChoice; currency: CurrencyCode };
type Params = Record<string, string | string[] | undefined> | URLSearchParams;

const one = (params: Params, key: string): string | undefined => {
  const value = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
};

export function parseReportQuery(params: Params, now = new Date()): ReportQuery | null {
  const range = parseRange(one(params, 'from') || undefined, one(params, 'to') || undefined, now);
  const grain = one(params, 'grain') || 'day';
  const category = one(params, 'category');
  const currency = (one(params, 'currency') || 'USD').toUpperCase();
  if (!range || !isGrain(grain) || !isSupportedCurrency(currency)) return null;
  if (category && category !== SHIPPING && !/^\d{1,12}$/.test(category)) return null;
  return { range, grain, category: !category ? null : category === SHIPPING ? SHIPPING : Number(category), currency };
}

export function reportSearch(query: ReportQuery, extra: Record<string, string | number> = {}): string {
  const params = new URLSearchParams({ from: query.range.from, to: query.range.to, grain: query.grain, currency: query.currency });
  if (query.category !== null) params.set('category', String(query.category));
  for (const [k, v] of Object.entries(extra)) params.set(k, String(v));
  return params.toString();
}

/** The drill-down's own query: the report's, plus the period (its first day) and the measure. */
export function parseDrillQuery(params: Params, now = new Date()): (ReportQuery & { period: string; measure: DrillMeasure; page: number }) | null {
  const query = parseReportQuery(params, now);
  const period = parseDay(one(params, 'period'));
  const measure = one(params, 'measure');
  const page = Number(one(params, 'page') ?? '1');
  if (!query || !period || !drillMeasures.includes(measure as DrillMeasure) || !Number.isInteger(page) || page < 1 || page > 100_000) return null;
  return { ...query, period, measure: measure as DrillMeasure, page };
}
