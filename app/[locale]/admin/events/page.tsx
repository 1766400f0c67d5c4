import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { RetryDeliveryForm } from '@/components/admin/retry-delivery-form';
import { Pagination } from '@/components/shop/pagination';
import { listQuery } from '@/lib/admin/list-query';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { MAX_ATTEMPTS } from '@/lib/events/backoff';
import { deliveryViews, listDeliveries } from '@/lib/events/queries/list-deliveries';
import { isLocale } from '@/lib/i18n/locales';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('deliveries.title')} · ${t('nav.brand')}` };
}

const PAGE_SIZE = 50;

/**
 * The event relay's deliveries to subscribers (shopper emails first): what is retrying and why,
 * what died after its last attempt, and what was delivered. `events:read`; "Retry" needs `events:retry`.
 */
export default async function AdminEventsPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireStaffPage(locale, 'events:read', adminPaths.events(locale));
  const { view, page } = listQuery(await searchParams, deliveryViews, 'failing');
  const [list, t, tAdmin] = await Promise.all([
    listDeliveries(getDb(), { view, page, pageSize: PAGE_SIZE }),
    getTranslations({ locale, namespace: 'admin.deliveries' }),
    getTranslations({ locale, namespace: 'admin' }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const mayRetry = can(user.role, 'events:retry');

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted small">{t('intro', { attempts: MAX_ATTEMPTS })}</p>
      {list.summary.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="events-summary">
            <thead>
              <tr>
                <th scope="col">{t('subscriber')}</th>
                <th scope="col" className="admin-num">{t('counts.pending')}</th>
                <th scope="col" className="admin-num">{t('counts.retrying')}</th>
                <th scope="col" className="admin-num">{t('counts.dead')}</th>
                <th scope="col" className="admin-num">{t('counts.doneToday')}</th>
              </tr>
            </thead>
            <tbody>
              {list.summary.map((s) => (
                <tr key={s.subscriber} data-subscriber={s.subscriber}>
                  <td className="admin-mono">{s.subscriber}</td>
                  <td className="admin-num">{s.pending}</td>
                  <td className="admin-num">{s.retrying}</td>
                  <td className="admin-num">{s.dead}</td>
                  <td className="admin-num">{s.done}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="admin-tabs" aria-label={t('viewsLabel')}>
        <ul>
          {deliveryViews.map((v) => (
            <li key={v}>
              <Link href={adminPaths.events(locale, v)} aria-current={v === view ? 'page' : undefined}>
                {t(`views.${v}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.rows.length === 0 ? (
        <p className="admin-empty">{t(`empty.${view}`)}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="events-table">
            <thead>
              <tr>
                <th scope="col">{t('event')}</th>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('subscriber')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col" className="admin-num">{t('attempts')}</th>
                <th scope="col">{t('when')}</th>
                <th scope="col">{t('lastError')}</th>
                {mayRetry && <th scope="col">{t('action')}</th>}
              </tr>
            </thead>
            <tbody>
              {list.rows.map((d) => (
                <tr key={d.id} data-delivery={d.id} data-status={d.status}>
                  <td>
                    <span className="admin-mono">{d.eventType}</span>
                    <span className="admin-sub small muted">
                      #{d.eventId} · <AdminTime value={d.createdAt} />
                    </span>
                  </td>
                  <td>
                    {d.orderNumber ? (
                      <Link href={adminPaths.order(locale, d.orderNumber)} className="admin-mono" dir="ltr">
                        {d.orderNumber}
                      </Link>
                    ) : (
                      <span className="admin-mono" dir="ltr">
                        {d.subjectType} {d.subjectId}
                      </span>
                    )}
                  </td>
                  <td className="admin-mono">{d.subscriber}</td>
                  <td>
                    <span className={`admin-badge admin-delivery-${d.status}`}>{t(`statuses.${d.isRunning ? 'running' : d.status === 'pending' && d.lastError ? 'retrying' : d.status}`)}</span>
                  </td>
                  <td className="admin-num">
                    {d.attempts}/{MAX_ATTEMPTS}
                  </td>
                  <td>
                    {d.status === 'done' && d.deliveredAt ? (
                      <AdminTime value={d.deliveredAt} />
                    ) : d.status === 'pending' ? (
                      <>
                        <span className="small muted">{t('next')} </span>
                        <AdminTime value={d.nextAttemptAt} />
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="admin-wrap">{d.lastError && <span className="small admin-error-text">{d.lastError}</span>}</td>
                  {mayRetry && <td>{(d.status === 'dead' || (d.status === 'pending' && !d.isRunning)) && <RetryDeliveryForm locale={locale} deliveryId={d.id} />}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={list.page}
        pages={pages}
        hrefFor={(p) => {
          const base = adminPaths.events(locale, view);
          return p > 1 ? `${base}${base.includes('?') ? '&' : '?'}page=${p}` : base;
        }}
        labels={{ nav: tAdmin('pagination.label'), previous: tAdmin('pagination.previous'), next: tAdmin('pagination.next'), pageOf: tAdmin('pagination.pageOf', { page: list.page, pages }) }}
      />
    </>
  );
}
