import { toDecimalString } from '@/lib/money/money';
import type { IsoCurrencyCode } from '@/lib/money/currencies';
import type { Figures, Measure, ProfitReport, ReportRow } from './build-report';
import { measures } from './build-report';
import { toCsv } from './csv';
import { periodLabel } from './period';

/**
 * The report as CSV: one line per period × category and currency (CNY, then the reporting
 * currency), then each period's total and the range's total. Amounts are decimal strings in the
 * line's currency (`1234.50`), the same rounded figures the page shows. Without a CNY→reporting
 * rate the lines are CNY only; each of `labels.notes` (what the figures lack, worded by the caller
 * from notices.ts) follows as a line of its own: `labels.note` in the first column, the text in the
 * third, the rest empty, so every line keeps the header's columns. Parcels' money is a category line of
 * its own (`categoryName('shipping')`), so the columns stay those of every other category.
 */
export function profitReportCsv(report: ProfitReport, categoryName: (id: ReportRow['categoryId']) => string, labels: { total: string; note?: string; notes?: readonly string[] }): string {
  const header = ['period', 'period_start', 'category', 'currency', ...measures.map(snake)];
  const currencies: ('cny' | 'reporting')[] = report.reporting.rate && report.reporting.currency !== 'CNY' ? ['cny', 'reporting'] : ['cny'];
  const lines = (period: string, start: string, category: string, figures: Figures) =>
    currencies.map((which) => {
      const currency = (which === 'cny' ? 'CNY' : report.reporting.currency) as IsoCurrencyCode;
      return [period, start, category, currency, ...measures.map((m) => toDecimalString({ amountMinor: figures[m][which] ?? 0, currency }))];
    });
  const rows: (string | number)[][] = [header];
  for (const { period, total } of report.periods) {
    const label = periodLabel(period, report.grain);
    for (const row of report.rows.filter((r) => r.period === period)) rows.push(...lines(label, period, categoryName(row.categoryId), row.figures));
    rows.push(...lines(label, period, labels.total, total));
  }
  rows.push(...lines(labels.total, report.range.from, labels.total, report.total));
  for (const note of labels.notes ?? []) rows.push([labels.note ?? 'note', '', note, '', ...measures.map(() => '')]);
  return toCsv(rows);
}

function snake(measure: Measure): string {
  return { revenue: 'revenue', refunds: 'refunds', fees: 'gateway_fees', upstream: 'upstream_cost', serviceFees: 'service_fees', profit: 'gross_profit' }[measure];
}
