'use client';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Pagination } from '@/components/shop/pagination';
import type { OrderStatus } from '@/db/schema/orders';
import { BoardFetchError, fetchOrderBoard } from '@/lib/admin/fetch-order-board';
import { formatAdminDateTime } from '@/lib/admin/format';
import { formatStoredMoney } from '@/lib/money';
import { AdminTime } from './admin-time';
import { orderFilterParams, type OrderBoardFilters } from '@/lib/admin/order-filters';
import { adminPaths } from '@/lib/admin/paths';
import { adminKeys, ORDER_BOARD_REFRESH_MS } from '@/lib/admin/query-keys';

type Props = { locale: string; filters: OrderBoardFilters; statuses: readonly OrderStatus[] };

/**
 * Status tabs with counts and one page of orders, refreshed every 10 s (and on focus) from
 * /api/admin/orders. The first render uses the server's prefetch (HydrationBoundary).
 */
export function OrdersBoard({ locale, filters, statuses }: Props) {
  const t = useTranslations('admin');
  const query = useQuery({
    queryKey: adminKeys.orderList(filters),
    queryFn: ({ signal }) => fetchOrderBoard(filters, signal),
    refetchInterval: ORDER_BOARD_REFRESH_MS,
    // The hydrated server data counts as fresh for a moment: no second fetch as the board mounts.
    staleTime: ORDER_BOARD_REFRESH_MS / 2,
    placeholderData: keepPreviousData,
  });
  const board = query.data;
  const hrefFor = (changes: Partial<OrderBoardFilters>) => adminPaths.orders(locale, orderFilterParams(filters, { page: 1, ...changes }));
  const allCount = board ? Object.values(board.counts).reduce((a, b) => a + b, 0) : 0;
  const sessionEnded = query.error instanceof BoardFetchError && (query.error.status === 401 || query.error.status === 403);

  return (
    <section className="admin-board" aria-labelledby="board-heading">
      <h2 id="board-heading" className="visually-hidden">
        {t('orders.results')}
      </h2>
      <nav className="admin-tabs" aria-label={t('orders.status')}>
        <ul role="list">
          <li>
            <Link href={hrefFor({ status: undefined })} aria-current={!filters.status ? 'page' : undefined} data-status="all">
              {t('orders.allStatuses')} <span className="admin-count">{allCount}</span>
            </Link>
          </li>
          {statuses.map((s) => (
            <li key={s}>
              <Link href={hrefFor({ status: s })} aria-current={filters.status === s ? 'page' : undefined} data-status={s}>
                {t(`status.${s}`)} <span className="admin-count">{board?.counts[s] ?? 0}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <div className="admin-board-status">
        <p className="small muted" role="status" data-testid="board-updated" suppressHydrationWarning>
          {query.isFetching ? t('orders.refreshing') : t('orders.updatedAt', { time: formatAdminDateTime(new Date(query.dataUpdatedAt)).slice(11) })}
        </p>
        <button type="button" className="admin-button admin-button-quiet" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {t('orders.refresh')}
        </button>
      </div>
      {query.isError && (
        <p className="admin-error" role="alert">
          {sessionEnded ? t('errors.unauthorized') : t('orders.refreshFailed')}
        </p>
      )}

      {board && board.rows.length === 0 && <p className="admin-empty">{t('orders.empty')}</p>}
      {board && board.rows.length > 0 && (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="orders-table">
            <thead>
              <tr>
                <th scope="col">{t('orders.number')}</th>
                <th scope="col">{t('orders.created')}</th>
                <th scope="col">{t('orders.customer')}</th>
                <th scope="col">{t('orders.status')}</th>
                <th scope="col" className="admin-num">{t('orders.total')}</th>
                <th scope="col" className="admin-num">{t('orders.totalCny')}</th>
                <th scope="col">{t('orders.gateway')}</th>
                <th scope="col">{t('orders.flagged')}</th>
              </tr>
            </thead>
            <tbody>
              {board.rows.map((row) => (
                <tr key={row.number} data-order={row.number} data-status={row.status}>
                  <td>
                    <Link href={adminPaths.order(locale, row.number)} className="admin-mono" dir="ltr">
                      {row.number}
                    </Link>
                  </td>
                  <td>
                    <AdminTime value={row.createdAt} />
                  </td>
                  <td className="admin-customer">
                    {row.email ? (
                      <span dir="ltr">{row.email}</span>
                    ) : row.partnerKeyId ? (
                      <>
                        {t('orders.partner', { name: row.partnerName ?? row.partnerKeyId })}
                        {row.externalRef && (
                          <span className="small muted">
                            {' '}
                            · <bdi>{row.externalRef}</bdi>
                          </span>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <span className={`admin-badge admin-status-${row.status}`}>{t(`status.${row.status}`)}</span>
                  </td>
                  <td className="admin-num">{formatStoredMoney(row.chargeMinor, row.chargeCurrency, locale)}</td>
                  <td className="admin-num">{formatStoredMoney(row.totalCnyMinor, 'CNY', locale)}</td>
                  <td>{t(`gateway.${row.gateway}`)}</td>
                  <td>
                    {row.hasFlaggedPayment && (
                      <span className="admin-flag" title={t('orders.flaggedTitle')} data-testid="flagged">
                        ⚑ {t('orders.flaggedMark')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {board && (
        <Pagination
          page={board.page}
          pages={Math.max(1, Math.ceil(board.total / board.pageSize))}
          hrefFor={(page) => adminPaths.orders(locale, orderFilterParams(filters, { page }))}
          labels={{
            nav: t('pagination.label'),
            previous: t('pagination.previous'),
            next: t('pagination.next'),
            pageOf: t('pagination.pageOf', { page: board.page, pages: Math.max(1, Math.ceil(board.total / board.pageSize)) }),
          }}
        />
      )}
    </section>
  );
}
