import type { Metadata } from 'next';
import Form from 'next/form';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ProfitChart } from '@/components/admin/profit-chart';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { buildProfitReport, measures, type Figures, type Measure } from '@/lib/finance/reports/build-report';
import { topCategories } from '@/lib/finance/reports/categories';
import { reportNotices } from '@/lib/finance/reports/notices';
import { grains, periodLabel } from '@/lib/finance/reports/period';
import { parseReportQuery, reportSearch, SHIPPING, type CategoryChoice, type ReportQuery } from '@/lib/finance/reports/report-query';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money/format';
import { SUPPORTED_CURRENCIES } from '@/lib/money/currencies';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('reports.title')} · ${t('nav.brand')}` };
}

const colors: Record<Measure, string> = { revenue: '#2563eb', refunds: '#d97706', fees: '#7c3aed', upstream: '#dc2626', serviceFees: '#0891b2', profit: '#16a34a' };

/** Profit per period and top-level category, in CNY and a reporting currency, each figure linked to the rows behind it. */
export default async function ProfitReportPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'payments:read', adminPaths.reports(locale));
  const t = await getTranslations({ locale, namespace: 'admin' });
  const query = parseReportQuery(await searchParams);
  const db = getDb();
  const cats = await topCategories(db, locale);
  if (!query) {
    return (
      <>
        <h1>{t('reports.title')}</h1>
        <p className="admin-empty" role="alert">
          {t('reports.invalid')}
        </p>
        <Link href={adminPaths.reports(locale)}>{t('reports.reset')}</Link>
      </>
    );
  }
  const report = await buildProfitReport(db, query);
  const names = new Map(cats.map((c) => [c.id, c.name]));
  const categoryName = (id: CategoryChoice) => (id === null || id === 0 ? t('reports.unallocated') : id === SHIPPING ? t('reports.shipping') : (names.get(id) ?? `#${id}`));
  const money = (minor: number, currency: string) => formatStoredMoney(minor, currency, locale);
  const drill = (period: string, categoryId: CategoryChoice | 'all', measure: Measure) =>
    adminPaths.reportRows(locale, reportSearch({ ...query, category: categoryId === 'all' ? query.category : (categoryId ?? 0) } satisfies ReportQuery, { period, measure }));
  const cell = (figures: Figures, measure: Measure, period: string, categoryId: CategoryChoice | 'all') => {
    const f = figures[measure];
    const body = (
      <>
        <span dir="ltr">{money(f.cny, 'CNY')}</span>
        {f.reporting !== null && query.currency !== 'CNY' && (
          <span className="admin-sub small muted" dir="ltr">
            {money(f.reporting, query.currency)}
          </span>
        )}
      </>
    );
    const linkable = measure !== 'profit' && f.cny !== 0 && !(measure === 'fees' && categoryId !== null && categoryId !== 'all');
    return (
      <td className="admin-num" key={measure} data-measure={measure} data-cny={f.cny}>
        {linkable ? (
          <Link href={drill(period, categoryId, measure)} aria-label={t('reports.drill', { measure: t(`reports.${measure}`), period: periodLabel(period, query.grain) })}>
            {body}
          </Link>
        ) : (
          body
        )}
      </td>
    );
  };
  const notices = reportNotices(report);
  const chartCurrency = query.currency !== 'CNY' && report.reporting.rate ? query.currency : 'CNY';
  const major = (minor: number) => minor / 10 ** (chartCurrency === 'JPY' ? 0 : 2);
  const chartSeries = (['revenue', 'refunds', 'upstream', 'profit'] as const).map((m) => ({
    key: m,
    label: t(`reports.${m}`),
    color: colors[m],
    values: report.periods.map((p) => major(chartCurrency === 'CNY' ? p.total[m].cny : (p.total[m].reporting ?? 0))),
  }));

  return (
    <>
      <h1>{t('reports.title')}</h1>
      <p className="muted">{t('reports.formula')}</p>
      <Form action={adminPaths.reports(locale)} className="admin-filters" role="search" aria-label={t('reports.filters')}>
        <label className="admin-field">
          <span>{t('reports.from')}</span>
          <input type="date" name="from" defaultValue={query.range.from} required />
        </label>
        <label className="admin-field">
          <span>{t('reports.to')}</span>
          <input type="date" name="to" defaultValue={query.range.to} required />
        </label>
        <label className="admin-field">
          <span>{t('reports.grain')}</span>
          <select name="grain" defaultValue={query.grain}>
            {grains.map((g) => (
              <option key={g} value={g}>
                {t(`reports.grains.${g}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="admin-field">
          <span>{t('reports.category')}</span>
          <select name="category" defaultValue={query.category === null ? '' : String(query.category)}>
            <option value="">{t('reports.allCategories')}</option>
            {cats.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
            <option value="0">{t('reports.unallocated')}</option>
            <option value={SHIPPING}>{t('reports.shipping')}</option>
          </select>
        </label>
        <label className="admin-field">
          <span>{t('reports.currency')}</span>
          <select name="currency" defaultValue={query.currency}>
            {SUPPORTED_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <div className="admin-filter-buttons">
          <button type="submit">{t('reports.show')}</button>
          <a href={adminPaths.reportExport(locale, reportSearch(query))} data-testid="report-export" download>
            {t('reports.export')}
          </a>
        </div>
      </Form>
      {notices.map((n) => {
        const currency = n.kind === 'no_carrier_cost' ? undefined : n.currency;
        return (
          <p key={`${n.kind}-${currency ?? ''}`} className="admin-notice" role="status" data-testid="report-notice" data-kind={n.kind} data-currency={currency}>
            {n.kind === 'no_rate'
              ? t('reports.noRate', { currency: n.currency })
              : n.kind === 'unconverted_fees'
                ? t('reports.unconvertedFees', { currency: n.currency, amount: money(n.amountMinor, n.currency) })
                : t('reports.noCarrierCost')}
          </p>
        );
      })}
      <p className="small muted">
        {report.reporting.rate && query.currency !== 'CNY' && <>{t('reports.rateNote', { currency: query.currency, rate: report.reporting.rate })} </>}
        {query.category === null ? t('reports.feesNote', { count: report.feeDaysReconciled }) : t('reports.feesByCategory')}
      </p>
      <h2>{t('reports.chart', { currency: chartCurrency })}</h2>
      <ProfitChart
        x={report.periods.map((p) => Date.parse(`${p.period}T00:00:00Z`) / 1000)}
        series={chartSeries}
        currency={chartCurrency}
        label={t('reports.chartLabel', { currency: chartCurrency })}
      />
      <div className="admin-table-wrap">
        <table className="admin-table" data-testid="profit-report">
          <caption className="small muted">{t('reports.tableCaption', { from: query.range.from, to: query.range.to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('reports.period')}</th>
              <th scope="col">{t('reports.category')}</th>
              {measures.map((m) => (
                <th scope="col" className="admin-num" key={m}>
                  {t(`reports.${m}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.periods.map(({ period, total }) => {
              const rows = report.rows.filter((r) => r.period === period);
              return [
                ...rows.map((r) => (
                  <tr key={`${period}-${r.categoryId ?? 'none'}`} data-period={period} data-category={r.categoryId ?? ''}>
                    <td className="admin-mono" dir="ltr">
                      {periodLabel(period, query.grain)}
                    </td>
                    <td>{categoryName(r.categoryId)}</td>
                    {measures.map((m) => cell(r.figures, m, period, r.categoryId))}
                  </tr>
                )),
                <tr key={`${period}-total`} data-period={period} data-total="period" className="admin-total-row">
                  <th scope="row" className="admin-mono" dir="ltr">
                    {periodLabel(period, query.grain)}
                  </th>
                  <td>
                    <strong>{t('reports.total')}</strong>
                  </td>
                  {measures.map((m) => cell(total, m, period, 'all'))}
                </tr>,
              ];
            })}
          </tbody>
          <tfoot>
            <tr data-total="range">
              <th scope="row">{t('reports.total')}</th>
              <td>{query.category === null ? t('reports.allCategories') : categoryName(query.category)}</td>
              {measures.map((m) => {
                const f = report.total[m];
                return (
                  <td className="admin-num" key={m} data-measure={m} data-cny={f.cny}>
                    <strong dir="ltr">{money(f.cny, 'CNY')}</strong>
                    {f.reporting !== null && query.currency !== 'CNY' && (
                      <span className="admin-sub small muted" dir="ltr">
                        {money(f.reporting, query.currency)}
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          </tfoot>
        </table>
      </div>
    </>
  );
}
