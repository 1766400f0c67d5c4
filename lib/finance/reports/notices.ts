import type { ProfitReport } from './build-report';
import { SHIPPING } from './report-query';

/**
 * What a report's figures lack, said the same way on the page and in the CSV: the reporting currency
 * without a CNY rate (figures in CNY only), gateway fees in a currency without one (left out of fees
 * and gross profit), and, when parcels' shipping money is in the report, that no carrier cost is
 * (a shipping line's prices are what the shopper pays, not what the carrier bills the agent): the
 * shipping part's gross profit is before carrier costs.
 */
export type ReportNotice = { kind: 'no_rate'; currency: string } | { kind: 'unconverted_fees'; currency: string; amountMinor: number } | { kind: 'no_carrier_cost' };

export function reportNotices(report: ProfitReport): ReportNotice[] {
  const notices: ReportNotice[] = [];
  if (report.reporting.currency !== 'CNY' && !report.reporting.rate) notices.push({ kind: 'no_rate', currency: report.reporting.currency });
  for (const fee of report.unconvertedFees) notices.push({ kind: 'unconverted_fees', currency: fee.currency, amountMinor: fee.amountMinor });
  if (report.category === SHIPPING || report.rows.some((r) => r.categoryId === SHIPPING)) notices.push({ kind: 'no_carrier_cost' });
  return notices;
}
