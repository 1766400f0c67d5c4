import { describe, expect, it } from 'vitest';
import type { Figures, ProfitReport } from './build-report';
import { reportNotices } from './notices';
import { profitReportCsv } from './report-csv';
import { SHIPPING } from './report-query';

const fig = (cny: number, reporting: number | null = null) => ({ cny, reporting });
const figures = (revenue: number, refunds: number): Figures => ({
  revenue: fig(revenue),
  refunds: fig(refunds),
  fees: fig(0),
  upstream: fig(0),
  serviceFees: fig(0),
  profit: fig(revenue - refunds),
});
const report = (rows: ProfitReport['rows'], category: ProfitReport['category'] = null): ProfitReport => ({
  range: { from: '2026-11-01', to: '2026-11-30' },
  grain: 'month',
  category,
  reporting: { currency: 'CNY', rate: '1', capturedAt: null },
  periods: [{ period: '2026-11-01', total: figures(15_000, 700) }],
  rows,
  total: figures(15_000, 700),
  feeDaysReconciled: 0,
  unconvertedFees: [],
});
const name = (id: number | null | typeof SHIPPING) => (id === SHIPPING ? 'Shipping' : id === null ? 'None' : `cat ${id}`);

describe('the shipping part of the profit report', () => {
  const withShipping = report([
    { period: '2026-11-01', categoryId: 4, figures: figures(10_000, 0) },
    { period: '2026-11-01', categoryId: SHIPPING, figures: figures(5_000, 700) },
  ]);

  it('is a CSV line of its own under the same columns', () => {
    const lines = profitReportCsv(withShipping, name, { total: 'Total', notes: ['no carrier cost'] }).trimEnd().split('\r\n');
    expect(lines[0]).toBe('period,period_start,category,currency,revenue,refunds,gateway_fees,upstream_cost,service_fees,gross_profit');
    expect(lines).toContain('2026-11,2026-11-01,Shipping,CNY,50.00,7.00,0.00,0.00,0.00,43.00');
    expect(lines).toContain('2026-11,2026-11-01,Total,CNY,150.00,7.00,0.00,0.00,0.00,143.00');
    expect(lines.every((l) => l.split(',').length === 10)).toBe(true);
  });

  it('says no carrier cost is counted whenever shipping is in the report, and only then', () => {
    expect(reportNotices(withShipping)).toEqual([{ kind: 'no_carrier_cost' }]);
    expect(reportNotices(report([{ period: '2026-11-01', categoryId: 4, figures: figures(10_000, 0) }]))).toEqual([]);
    expect(reportNotices(report([], SHIPPING))).toEqual([{ kind: 'no_carrier_cost' }]);
  });
});
