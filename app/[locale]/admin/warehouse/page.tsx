import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import type { ReactNode } from 'react';
import { AdminTime } from '@/components/admin/admin-time';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { getWarehouseBoard, type BoardSection } from '@/lib/warehouse/queries/get-warehouse-board';
import { StoredItemLine } from './_components/stored-item-line';

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('warehouse.title')} · ${t('nav.brand')}` };
}

/**
 * The warehouse board: a count per state with the first ten of each, linking to the screen where
 * the work is done (expected parcels, receiving, returns, the storage queue). Built for a phone in
 * the warehouse: one column of cards on a narrow screen. `inbound:read`: warehouse staff,
 * purchasers and admins (everyone with `orders:warehouse` has it too).
 */
export default async function WarehouseBoardPage({ params }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  await requireStaffPage(locale, 'inbound:read', adminPaths.warehouse(locale));
  const [board, t] = await Promise.all([getWarehouseBoard(getDb()), getTranslations({ locale, namespace: 'admin.warehouse' })]);

  const links: Record<BoardSection, string> = {
    expected: adminPaths.inbound(locale),
    late: adminPaths.inbound(locale, 'late'),
    arrived_today: adminPaths.receiving(locale),
    awaiting_photos: adminPaths.receiving(locale),
    awaiting_decision: adminPaths.orders(locale),
    returns: adminPaths.returns(locale),
    unclaimed: adminPaths.receiving(locale),
    expiring: adminPaths.warehouseStorage(locale, 'expiring'),
    expired: adminPaths.warehouseStorage(locale),
  };
  const warn = new Set<BoardSection>(['late', 'unclaimed', 'expired']);
  const parcelList = (list: typeof board.parcels.expected) =>
    list.map((p) => (
      <li key={p.id} data-testid="warehouse-parcel">
        <span className="admin-mono" dir="ltr">
          {p.trackingNumber}
        </span>
        {p.carrierName && <span dir="auto"> · {p.carrierName}</span>}
        <span className="admin-sub small muted">
          <span className="admin-mono" dir="ltr">
            {p.purchaseOrderReference}
          </span>{' '}
          · <AdminTime value={p.shippedAt} />
        </span>
      </li>
    ));
  const lists: Record<BoardSection, ReactNode[]> = {
    expected: parcelList(board.parcels.expected),
    late: parcelList(board.parcels.late),
    unclaimed: board.unclaimed.map((u) => (
      <li key={u.id} data-testid="warehouse-unclaimed">
        <span className="admin-mono" dir="ltr">
          {u.trackingNumber}
        </span>
        {u.weightGrams !== null && <span className="muted"> · {t('grams', { grams: u.weightGrams })}</span>}
        <span className="admin-sub small muted">
          <AdminTime value={u.createdAt} />
        </span>
      </li>
    )),
    arrived_today: board.items.arrived_today.map((i) => <StoredItemLine key={i.id} item={i} locale={locale} clock={null} />),
    awaiting_photos: board.items.awaiting_photos.map((i) => <StoredItemLine key={i.id} item={i} locale={locale} clock={null} />),
    awaiting_decision: board.items.awaiting_decision.map((i) => <StoredItemLine key={i.id} item={i} locale={locale} clock={null} />),
    returns: board.items.returns.map((i) => <StoredItemLine key={i.id} item={i} locale={locale} clock={null} />),
    expiring: board.items.expiring.map((i) => <StoredItemLine key={i.id} item={i} locale={locale} clock="left" />),
    expired: board.items.expired.map((i) => <StoredItemLine key={i.id} item={i} locale={locale} clock="over" />),
  };
  const order: BoardSection[] = ['expected', 'late', 'arrived_today', 'awaiting_photos', 'awaiting_decision', 'returns', 'unclaimed', 'expiring', 'expired'];

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted small">{t('intro', { days: board.lateAfterDays })}</p>
      <div className="admin-wh-grid">
        {order.map((section) => (
          <section key={section} className={`admin-wh-card${warn.has(section) && board.counts[section] > 0 ? ' admin-wh-warn' : ''}`} data-testid={`warehouse-section-${section}`} aria-labelledby={`wh-${section}`}>
            <h2 id={`wh-${section}`}>
              <Link href={links[section]}>{t(`sections.${section}`)}</Link>
              <span className="admin-wh-count" data-testid="warehouse-count">
                {board.counts[section]}
              </span>
            </h2>
            {lists[section].length === 0 ? <p className="muted small">{t('empty')}</p> : <ul>{lists[section]}</ul>}
            {board.counts[section] > lists[section].length && (
              <p className="small">
                <Link href={links[section]}>{t('more', { shown: lists[section].length, count: board.counts[section] })}</Link>
              </p>
            )}
          </section>
        ))}
      </div>
    </>
  );
}
