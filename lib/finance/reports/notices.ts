import type { ProfitReport } from './build-report';

/**
 * What a report could not put in its figures for want of an FX rate, said the same way on the page
 * and in the CSV: the reporting currency without a CNY rate (figures in CNY only), and gateway fees
 * in a currency without one (left out of fees and gross profit).
 */
export type ReportNotice = { kind: 'no_rate'; currency: string } | { kind: 'unconverted_fees'; currency: string; amountMinor: number };

export function reportNotices(report: ProfitReport): ReportNotice[] {
  const notices: ReportNotice[] = [];
  if (report.reporting.currency !== 'CNY' && !report.reporting.rate) notices.push({ kind: 'no_rate', currency: report.reporting.currency });
  for (const fee of report.unconvertedFees) notices.push({ kind: 'unconverted_fees', currency: fee.currency, amountMinor: fee.amountMinor });
  return notices;
}
