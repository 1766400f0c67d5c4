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
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { EXPIRING_WITHIN_DAYS, listStoredItems, storageQueueViews } from '@/lib/warehouse/queries/list-stored-items';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('warehouse.storage.title')} · ${t('nav.brand')}` };
}

const PAGE_SIZE = 50;

/**
 * The storage queue: items past their free period (days over and the fee so far), and those whose
 * free period ends within 14 days; oldest arrival first. Nothing here is disposed of: staff decide
 * with the shopper. `inbound:read`, like the board.
 */
export default async function WarehouseStoragePage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'inbound:read', adminPaths.warehouseStorage(locale));
  const { view, page } = listQuery(await searchParams, storageQueueViews, 'expired');
  const db = getDb();
  const [list, other, t, tAdmin] = await Promise.all([
    listStoredItems(db, { view, page, pageSize: PAGE_SIZE }),
    listStoredItems(db, { view: view === 'expired' ? 'expiring' : 'expired', page: 1, pageSize: 1 }),
    getTranslations({ locale, namespace: 'admin.warehouse.storage' }),
    getTranslations({ locale, namespace: 'admin' }),
  ]);
  const counts = { [view]: list.total ?? 0, [view === 'expired' ? 'expiring' : 'expired']: other.total ?? 0 } as Record<(typeof storageQueueViews)[number], number>;
  const pages = Math.max(1, Math.ceil((list.total ?? 0) / PAGE_SIZE));
  const money = (fen: number) => formatStoredMoney(fen, 'CNY', locale);

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted small">{t('intro', { days: list.freeDays, fee: money(list.feePerDayFen) })}</p>
      <nav className="admin-tabs" aria-label={t('viewsLabel')}>
        <ul>
          {storageQueueViews.map((v) => (
            <li key={v}>
              <Link href={adminPaths.warehouseStorage(locale, v)} aria-current={v === view ? 'page' : undefined} data-testid={`storage-view-${v}`}>
                {t(v === 'expired' ? 'viewExpired' : 'viewExpiring', { count: counts[v], days: EXPIRING_WITHIN_DAYS })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.items.length === 0 ? (
        <p className="admin-empty">{t(view === 'expired' ? 'emptyExpired' : 'emptyExpiring')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="storage-table">
            <thead>
              <tr>
                <th scope="col">{t('order')}</th>
                <th scope="col">{t('item')}</th>
                <th scope="col">{t('bin')}</th>
                <th scope="col">{t('receivedAt')}</th>
                <th scope="col">{t('freeUntil')}</th>
                <th scope="col" className="admin-num">
                  {view === 'expired' ? t('daysOver') : t('daysLeft')}
                </th>
                {view === 'expired' && (
                  <th scope="col" className="admin-num">
                    {t('fee')}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {list.items.map((item) => (
                <tr key={item.id} data-testid="storage-item" data-item={item.id}>
                  <td>
                    <Link href={adminPaths.order(locale, item.orderNumber)} className="admin-mono" dir="ltr">
                      {item.orderNumber}
                    </Link>
                  </td>
                  <td className="admin-wrap">
                    <span dir="auto">{item.title}</span> ×{item.quantity}
                  </td>
                  <td className="admin-mono">{item.storageBin ?? '—'}</td>
                  <td>
                    <AdminTime value={item.receivedAt} />
                  </td>
                  <td>
                    <AdminTime value={item.storage.end} />
                  </td>
                  <td className="admin-num" data-testid="storage-days">
                    {view === 'expired' ? item.storage.daysOver : item.storage.daysLeft}
                  </td>
                  {view === 'expired' && (
                    <td className="admin-num" data-testid="storage-fee">
                      {money(item.storage.feeFen)}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page}
        pages={pages}
        hrefFor={(p) => {
          const base = adminPaths.warehouseStorage(locale, view);
          return p > 1 ? `${base}${base.includes('?') ? '&' : '?'}page=${p}` : base;
        }}
        labels={{ nav: tAdmin('pagination.label'), previous: tAdmin('pagination.previous'), next: tAdmin('pagination.next'), pageOf: tAdmin('pagination.pageOf', { page, pages }) }}
      />
    </>
  );
}
