import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { Pagination } from '@/components/shop/pagination';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { topCategories } from '@/lib/finance/reports/categories';
import { clip, drillDown, DRILL_PAGE_SIZE, type DrillRow } from '@/lib/finance/reports/drill-down';
import { periodLabel } from '@/lib/finance/reports/period';
import { parseDrillQuery, reportSearch, SHIPPING } from '@/lib/finance/reports/report-query';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money/format';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('reports.rowsTitle')} · ${t('nav.brand')}` };
}

/** The rows behind one figure of the profit report: ledger rows (of orders and parcels), purchase orders, orders' fees, service charges, parcels' services or reconciled days. */
export default async function ProfitReportRowsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'payments:read', adminPaths.reports(locale));
  const query = parseDrillQuery(await searchParams);
  if (!query) notFound();
  const t = await getTranslations({ locale, namespace: 'admin' });
  const db = getDb();
  const days = clip(query.period, query.grain, query.range);
  const [found, cats] = await Promise.all([drillDown(db, { days, category: query.category, measure: query.measure, page: query.page }), topCategories(db, locale)]);
  const pages = Math.max(1, Math.ceil(found.total / DRILL_PAGE_SIZE));
  const category =
    query.category === null
      ? t('reports.allCategories')
      : query.category === 0
        ? t('reports.unallocated')
        : query.category === SHIPPING
          ? t('reports.shipping')
          : (cats.find((c) => c.id === query.category)?.name ?? `#${query.category}`);
  const sourceName: Record<DrillRow['source'], string> = {
    ledger: t('reports.sources.ledger'),
    purchase_order: t('reports.sources.purchaseOrder'),
    order: t('reports.sources.order'),
    service_charge: t('reports.sources.serviceCharge'),
    parcel: t('reports.sources.parcel'),
    reconciliation_run: t('reports.sources.reconciliationRun'),
  };
  const link = (row: DrillRow) => {
    if (row.source === 'purchase_order') return adminPaths.purchaseOrder(locale, row.id);
    if (row.source === 'reconciliation_run') return adminPaths.reconciliationRun(locale, row.id);
    // A parcel's ledger row: the money-movements screen finds it (and its wallet movement) by transaction id.
    if (row.source === 'ledger' && row.parcelNumber) return adminPaths.ledger(locale, new URLSearchParams({ view: 'payments', tx: row.reference }));
    return row.orderNumber ? adminPaths.order(locale, row.orderNumber) : null;
  };
  const back = adminPaths.reports(locale, reportSearch(query));
  return (
    <>
      <p>
        <Link href={back}>{t('reports.back')}</Link>
      </p>
      <h1>{t('reports.rowsTitle')}</h1>
      <p className="muted">
        {t('reports.rowsIntro', { measure: t(`reports.${query.measure}`), period: periodLabel(query.period, query.grain), from: days.from, to: days.to, category })}
      </p>
      <h2>{t('reports.rowsCount', { count: found.total })}</h2>
      {found.rows.length === 0 ? (
        <p className="admin-empty">{t('reports.rowsEmpty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="report-rows">
            <thead>
              <tr>
                <th scope="col">{t('reports.source')}</th>
                <th scope="col">{t('reports.reference')}</th>
                <th scope="col">{t('reports.at')}</th>
                <th scope="col" className="admin-num">{t('reports.amount')}</th>
                <th scope="col" className="admin-num">{t('reports.inCny')}</th>
                <th scope="col">{t('reports.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {found.rows.map((row) => {
                const href = link(row);
                return (
                  <tr key={`${row.source}-${row.id}-${row.currency}`} data-source={row.source} data-id={row.id} data-parcel={row.parcelNumber ?? undefined}>
                    <td>{sourceName[row.source]}</td>
                    <td className="admin-mono" dir="ltr">
                      {href ? <Link href={href}>{row.reference}</Link> : row.reference}
                      {row.parcelNumber && row.source === 'ledger' && <span className="admin-sub small muted">{t('reports.parcel', { number: row.parcelNumber })}</span>}
                    </td>
                    <td>{row.source === 'reconciliation_run' ? row.at : <AdminTime value={row.at} />}</td>
                    <td className="admin-num" dir="ltr">
                      {formatStoredMoney(row.amountMinor, row.currency, locale)}
                    </td>
                    <td className="admin-num" dir="ltr">
                      {row.source === 'reconciliation_run' ? '—' : formatStoredMoney(row.cnyMinor, 'CNY', locale)}
                    </td>
                    <td className="admin-mono small" dir="ltr">
                      {row.detail}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={query.page}
        pages={pages}
        hrefFor={(p) => adminPaths.reportRows(locale, reportSearch(query, { period: query.period, measure: query.measure, page: p }))}
        labels={{ nav: t('pagination.label'), previous: t('pagination.previous'), next: t('pagination.next'), pageOf: t('pagination.pageOf', { page: query.page, pages }) }}
      />
    </>
  );
}
