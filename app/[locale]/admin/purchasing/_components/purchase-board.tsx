'use client';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { AdminTime } from '@/components/admin/admin-time';
import { formatAdminDateTime } from '@/lib/admin/format';
import { formatStoredMoney } from '@/lib/money';
import { adminPaths } from '@/lib/admin/paths';
import { OUTCOME_UNKNOWN, parseFailure } from '@/lib/purchasing/failure-reason';
import type { BoardPurchaseOrder } from '@/lib/purchasing/queries/list-purchase-board';
import { SELLER_NOTE_MAX } from '@/lib/purchasing/seller-note';
import { fetchPurchaseBoard, PurchaseBoardFetchError, purchasingKeys, PURCHASING_BOARD_REFRESH_MS } from '@/lib/purchasing/query-keys';
import { PoHead, PoRow, Section } from './board-table';
import { FailureText } from './failure-text';
import { BuyNowForm, CancelForm, ReleaseNoteForm, RetryForm } from './purchase-action-forms';

const sectionIds = ['notes', 'queue', 'inProgress', 'awaitingShopper', 'failed', 'placed'] as const;

/**
 * The purchasing board: shoppers' notes to read, the queue per seller, purchase orders in progress, waiting for shoppers,
 * failed (with reason and actions) and recently placed; refreshed every 5 s from
 * /api/admin/purchasing (TanStack Query, hydrated from the page's prefetch).
 */
export function PurchaseBoard({ locale }: { locale: string }) {
  const t = useTranslations('purchasing');
  const query = useQuery({
    queryKey: purchasingKeys.board(),
    queryFn: ({ signal }) => fetchPurchaseBoard(signal),
    refetchInterval: PURCHASING_BOARD_REFRESH_MS,
    staleTime: PURCHASING_BOARD_REFRESH_MS / 2,
  });
  const board = query.data;
  const sessionEnded = query.error instanceof PurchaseBoardFetchError && (query.error.status === 401 || query.error.status === 403);
  const counts = board && { notes: board.notes.length, queue: board.queue.length, inProgress: board.inProgress.length, awaitingShopper: board.awaitingShopper.length, failed: board.failed.length, placed: board.placed.length };
  const money = (minor: number | null) => (minor === null ? '—' : formatStoredMoney(minor, 'CNY', locale));
  const poLink = (po: BoardPurchaseOrder) => (
    <Link href={adminPaths.purchaseOrder(locale, po.id)} className="admin-mono" dir="ltr">
      {po.reference}
    </Link>
  );

  return (
    <section className="admin-board" aria-labelledby="purchasing-board-heading" data-testid="purchasing-board">
      <h2 id="purchasing-board-heading" className="visually-hidden">
        {t('title')}
      </h2>
      <nav className="admin-tabs" aria-label={t('board.sections')}>
        <ul role="list">
          {sectionIds.map((id) => (
            <li key={id}>
              <a href={`#${id}`}>
                {t(`board.${id}`)} <span className="admin-count">{counts?.[id] ?? 0}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="admin-board-status">
        <p className="small muted" role="status" suppressHydrationWarning>
          {board && (board.isAuto ? t('board.autoOn') : t('board.autoOff'))}{' '}
          {query.isFetching ? t('board.refreshing') : t('board.updatedAt', { time: formatAdminDateTime(new Date(query.dataUpdatedAt)).slice(11) })}
        </p>
        <button type="button" className="admin-button admin-button-quiet" onClick={() => void query.refetch()} disabled={query.isFetching}>
          {t('board.refresh')}
        </button>
      </div>
      {query.isError && (
        <p className="admin-error" role="alert">
          {sessionEnded ? t('errors.unauthorized') : t('board.refreshFailed')}
        </p>
      )}

      {board && (
        <>
          <Section id="notes" title={t('board.notes')} empty={t('board.notesEmpty')} rows={board.notes.length}>
            <thead>
              <tr>
                <th scope="col">{t('notes.order')}</th>
                <th scope="col">{t('detail.item')}</th>
                <th scope="col" className="admin-num">{t('board.quantity')}</th>
                <th scope="col">{t('notes.shopperNote')}</th>
                <th scope="col">{t('notes.forSeller')}</th>
              </tr>
            </thead>
            <tbody>
              {board.notes.map((note) => (
                <tr key={note.itemId} data-item={note.itemId}>
                  <td>
                    <Link href={adminPaths.order(locale, note.orderNumber)} className="admin-mono" dir="ltr">
                      {note.orderNumber}
                    </Link>
                    <span className="admin-sub small muted">
                      <AdminTime value={note.paidAt} />
                    </span>
                  </td>
                  <td className="admin-wrap" lang="zh-CN">
                    {note.title}
                    <span className="admin-sub small muted">
                      {note.attributes.map((a) => a.value).join(' / ')} · {note.sellerName}
                    </span>
                  </td>
                  <td className="admin-num">{note.quantity}</td>
                  <td className="admin-wrap">
                    <blockquote lang={note.locale} dir="auto" className="admin-quote" data-testid="shopper-note">
                      {note.remark}
                    </blockquote>
                    <span className="admin-sub small muted">{t('notes.writtenIn', { locale: note.locale })}</span>
                  </td>
                  <td>
                    {/* Keyed by the draft's arrival (about a second after payment): the box then starts from it. */}
                    <ReleaseNoteForm key={note.machineDraft === null ? 'none' : 'draft'} locale={locale} itemId={note.itemId} draft={note.machineDraft} maxLength={SELLER_NOTE_MAX} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Section>

          <Section id="queue" title={t('board.queue')} empty={t('board.queueEmpty')} rows={board.queue.length}>
            <thead>
              <tr>
                <th scope="col">{t('board.seller')}</th>
                <th scope="col" className="admin-num">{t('board.lines')}</th>
                <th scope="col" className="admin-num">{t('board.quantity')}</th>
                <th scope="col" className="admin-num">{t('board.skus')}</th>
                <th scope="col" className="admin-num">{t('board.orders')}</th>
                <th scope="col" className="admin-num">{t('board.expected')}</th>
                <th scope="col">{t('board.oldestPaid')}</th>
                <th scope="col">{t('board.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {board.queue.map((group) => (
                <tr key={group.sellerId} data-seller={group.sellerId}>
                  <td lang="zh-CN">
                    {group.sellerName}
                    <span className="admin-sub small muted">{group.platform}</span>
                  </td>
                  <td className="admin-num">{group.lines}</td>
                  <td className="admin-num">{group.quantity}</td>
                  <td className="admin-num">{group.skus}</td>
                  <td className="admin-num">{group.orders}</td>
                  <td className="admin-num">{money(group.expectedGoodsMinor)}</td>
                  <td>
                    <AdminTime value={group.oldestPaidAt} />
                  </td>
                  <td>
                    <BuyNowForm locale={locale} sellerId={group.sellerId} />
                  </td>
                </tr>
              ))}
            </tbody>
          </Section>

          <Section id="inProgress" title={t('board.inProgress')} empty={t('board.inProgressEmpty')} rows={board.inProgress.length}>
            <PoHead t={t} extra={[t('board.status'), t('board.updated')]} />
            <tbody>
              {board.inProgress.map((po) => (
                <PoRow key={po.id} po={po} link={poLink(po)} money={money}>
                  <td>
                    <span className="admin-badge">{t(`status.${po.status}`)}</span>
                  </td>
                  <td>
                    <AdminTime value={po.updatedAt} />
                  </td>
                </PoRow>
              ))}
            </tbody>
          </Section>

          <Section id="awaitingShopper" title={t('board.awaitingShopper')} empty={t('board.awaitingEmpty')} rows={board.awaitingShopper.length}>
            <PoHead t={t} extra={[t('board.preview'), t('board.requests')]} />
            <tbody>
              {board.awaitingShopper.map((po) => (
                <PoRow key={po.id} po={po} link={poLink(po)} money={money}>
                  <td className="admin-num">{money(po.previewGoodsMinor)}</td>
                  <td className="admin-num">{po.openRequests}</td>
                </PoRow>
              ))}
            </tbody>
          </Section>

          <Section id="failed" title={t('board.failed')} empty={t('board.failedEmpty')} rows={board.failed.length}>
            <PoHead t={t} extra={[t('board.reason'), t('board.attempts'), t('board.actions')]} />
            <tbody>
              {board.failed.map((po) => (
                <PoRow key={po.id} po={po} link={poLink(po)} money={money}>
                  <td className="admin-wrap">
                    <FailureText lastError={po.lastError} reference={po.reference} attempts={po.attempts} />
                  </td>
                  <td className="admin-num">{po.attempts}</td>
                  <td>
                    <div className="admin-buttons">
                      <RetryForm locale={locale} purchaseOrderId={po.id} version={po.version} isOutcomeUnknown={parseFailure(po.lastError)?.code === OUTCOME_UNKNOWN} />
                      <CancelForm locale={locale} purchaseOrderId={po.id} version={po.version} />
                      <Link href={adminPaths.purchaseOrder(locale, po.id)} className="small">
                        {t('actions.markPurchasedLink')}
                      </Link>
                    </div>
                  </td>
                </PoRow>
              ))}
            </tbody>
          </Section>

          <Section id="placed" title={t('board.placed')} empty={t('board.placedEmpty')} rows={board.placed.length}>
            <PoHead t={t} extra={[t('board.upstreamOrder'), t('board.upstreamStatus'), t('board.placedAt'), t('board.placedBy')]} />
            <tbody>
              {board.placed.map((po) => (
                <PoRow key={po.id} po={po} link={poLink(po)} money={money}>
                  <td className="admin-mono" dir="ltr" data-testid="upstream-order-id">
                    {po.upstreamOrderId}
                  </td>
                  <td>{po.upstreamStatus ?? '—'}</td>
                  <td>
                    <AdminTime value={po.placedAt} />
                  </td>
                  <td>{po.placedBy === 'auto' ? t('board.byWorker') : t('board.byStaff', { id: po.placedBy ?? '—' })}</td>
                </PoRow>
              ))}
            </tbody>
          </Section>
        </>
      )}
    </section>
  );
}
