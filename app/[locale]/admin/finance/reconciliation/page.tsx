import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { Pagination } from '@/components/shop/pagination';
import { listQuery } from '@/lib/admin/list-query';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { listReconciliationRuns, RUNS_PAGE_SIZE } from '@/lib/finance/reconcile/queries';
import { isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('reconciliation.title')} · ${t('nav.brand')}` };
}

const percent = (rate: string, locale: string) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(Number(rate));

/** The reconciled days (gateway API and imported reports), newest first, with counts and the rate. */
export default async function ReconciliationPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'payments:read', adminPaths.reconciliation(locale));
  const { page } = listQuery(await searchParams, ['all'], 'all');
  const [runs, t] = await Promise.all([listReconciliationRuns(getDb(), page), getTranslations({ locale, namespace: 'admin' })]);
  const pages = Math.max(1, Math.ceil(runs.total / RUNS_PAGE_SIZE));
  const state = { running: t('reconciliation.stateRunning'), done: t('reconciliation.stateDone'), failed: t('reconciliation.stateFailed') };
  return (
    <>
      <h1>{t('reconciliation.title')}</h1>
      <p className="muted">{t('reconciliation.intro')}</p>
      <h2>{t('reconciliation.count', { count: runs.total })}</h2>
      {runs.rows.length === 0 ? (
        <p className="admin-empty">{t('reconciliation.empty')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="reconciliation-runs">
            <thead>
              <tr>
                <th scope="col">{t('reconciliation.day')}</th>
                <th scope="col">{t('reconciliation.source')}</th>
                <th scope="col">{t('reconciliation.state')}</th>
                <th scope="col" className="admin-num">{t('reconciliation.movements')}</th>
                <th scope="col" className="admin-num">{t('reconciliation.matched')}</th>
                <th scope="col" className="admin-num">{t('reconciliation.differences')}</th>
                <th scope="col" className="admin-num">{t('reconciliation.open')}</th>
                <th scope="col" className="admin-num">{t('reconciliation.rate')}</th>
              </tr>
            </thead>
            <tbody>
              {runs.rows.map((run) => (
                <tr key={run.id} data-day={run.day} data-alert={run.isAlert ? 'true' : 'false'}>
                  <td>
                    <Link href={adminPaths.reconciliationRun(locale, run.id)} className="admin-mono" dir="ltr" aria-label={t('reconciliation.view', { day: run.day })}>
                      {run.day}
                    </Link>
                  </td>
                  <td>
                    {run.source === 'api' ? t('reconciliation.sourceApi') : t('reconciliation.sourceFile')} <span className="admin-sub small muted">{run.gateway}</span>
                  </td>
                  <td>
                    {state[run.status]}
                    {run.finishedAt && (
                      <span className="admin-sub small muted">
                        <AdminTime value={run.finishedAt} />
                      </span>
                    )}
                  </td>
                  <td className="admin-num">{run.movementCount}</td>
                  <td className="admin-num">{run.matchedCount}</td>
                  <td className="admin-num">{run.itemCount}</td>
                  <td className="admin-num">{run.openItems}</td>
                  <td className="admin-num">
                    {percent(run.mismatchRate, locale)}{' '}
                    <span className={`admin-badge ${run.isAlert ? 'admin-recon-alert' : 'admin-recon-ok'}`}>{run.isAlert ? t('reconciliation.alert') : t('reconciliation.noAlert')}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => `${adminPaths.reconciliation(locale)}${p > 1 ? `?page=${p}` : ''}`}
        labels={{ nav: t('pagination.label'), previous: t('pagination.previous'), next: t('pagination.next'), pageOf: t('pagination.pageOf', { page, pages }) }}
      />
    </>
  );
}
