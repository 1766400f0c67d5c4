import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { AdminTime } from '@/components/admin/admin-time';
import { Pagination } from '@/components/shop/pagination';
import { listQuery } from '@/lib/admin/list-query';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import { inboundViews, listInboundParcels } from '@/lib/warehouse/queries/list-inbound-parcels';

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('inbound.title')} · ${t('nav.brand')}` };
}

const PAGE_SIZE = 50;
/** The 1688 listing a line was bought from: its page names the seller and opens their chat. */
const offerUrl = (platform: string, offerId: string) => (platform === '1688' ? `https://detail.1688.com/offer/${offerId}.html` : null);

/**
 * Parcels sellers sent that the warehouse expects, oldest shipment first, and the late ones
 * (setting `warehouse.inboundLateAfterDays`) with the seller to chase. `inbound:read`: warehouse
 * staff, purchasers (who chase sellers) and admins.
 */
export default async function AdminInboundPage({ params, searchParams }: Props) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const user = await requireStaffPage(locale, 'inbound:read', adminPaths.inbound(locale));
  const { view, page } = listQuery(await searchParams, inboundViews, 'expected');
  const [list, t, tAdmin] = await Promise.all([
    listInboundParcels(getDb(), { view, page, pageSize: PAGE_SIZE }),
    getTranslations({ locale, namespace: 'admin.inbound' }),
    getTranslations({ locale, namespace: 'admin' }),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const mayOpenPurchases = can(user.role, 'orders:purchase');

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="muted small">{t('intro')}</p>
      <p className="small" data-testid="inbound-late-rule">
        {t('lateRule', { days: list.lateAfterDays })}
      </p>
      <nav className="admin-tabs" aria-label={t('viewsLabel')}>
        <ul>
          {inboundViews.map((v) => (
            <li key={v}>
              <Link href={adminPaths.inbound(locale, v)} aria-current={v === view ? 'page' : undefined} data-testid={`inbound-view-${v}`}>
                {t(v === 'late' ? 'viewLate' : 'viewExpected', { count: list.counts[v] })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {list.items.length === 0 ? (
        <p className="admin-empty">{t(view === 'late' ? 'emptyLate' : 'emptyExpected')}</p>
      ) : (
        <div className="admin-table-wrap">
          <table className="admin-table" data-testid="inbound-table">
            <thead>
              <tr>
                <th scope="col">{t('tracking')}</th>
                <th scope="col">{t('carrier')}</th>
                <th scope="col">{t('purchaseOrder')}</th>
                <th scope="col">{t('lines')}</th>
                <th scope="col">{t('shippedAt')}</th>
                <th scope="col" className="admin-num">
                  {t('days')}
                </th>
                <th scope="col">{t('seller')}</th>
              </tr>
            </thead>
            <tbody>
              {list.items.map((parcel) => {
                const offer = parcel.lines.find((l) => l.offerId)?.offerId;
                const sellerLink = offer ? offerUrl(parcel.purchaseOrder.platform, offer) : null;
                return (
                  <tr key={parcel.id} data-testid="inbound-parcel" data-tracking={parcel.trackingNumber} data-late={parcel.isLate ? 'true' : 'false'}>
                    <td className="admin-mono" dir="ltr">
                      {parcel.trackingNumber}
                      {parcel.isLate && (
                        <span className="admin-sub">
                          <span className="admin-badge admin-inbound-late">{t('lateBadge')}</span>
                        </span>
                      )}
                    </td>
                    <td>
                      {parcel.carrierName ? <span dir="auto">{parcel.carrierName}</span> : <span className="muted">{t('unknown')}</span>}
                      {parcel.carrierCode && <span className="admin-sub small muted admin-mono">{parcel.carrierCode}</span>}
                    </td>
                    <td>
                      {mayOpenPurchases ? (
                        <Link href={adminPaths.purchaseOrder(locale, parcel.purchaseOrder.id)} className="admin-mono" dir="ltr">
                          {parcel.purchaseOrder.reference}
                        </Link>
                      ) : (
                        <span className="admin-mono" dir="ltr">
                          {parcel.purchaseOrder.reference}
                        </span>
                      )}
                      {parcel.purchaseOrder.upstreamOrderId && (
                        <span className="admin-sub small muted admin-mono" dir="ltr">
                          {parcel.purchaseOrder.platform} {parcel.purchaseOrder.upstreamOrderId}
                        </span>
                      )}
                    </td>
                    <td className="admin-wrap">
                      <ul className="admin-plain-list small">
                        {parcel.lines.map((line) => (
                          <li key={line.orderItemId}>
                            <Link href={adminPaths.order(locale, line.orderNumber)} className="admin-mono" dir="ltr">
                              {line.orderNumber}
                            </Link>{' '}
                            <span dir="auto">{line.title}</span> ×{line.quantity}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      <AdminTime value={parcel.shippedAt} />
                    </td>
                    <td className="admin-num" data-testid="inbound-days">
                      {parcel.daysSinceShipped ?? '—'}
                    </td>
                    <td className="admin-wrap">
                      <span dir="auto">{parcel.seller.name}</span>
                      {parcel.seller.nameEn && <span className="admin-sub small muted">{parcel.seller.nameEn}</span>}
                      <span className="admin-sub small muted" dir="auto">
                        {t('memberId', { id: parcel.seller.sourceId })}
                        {parcel.seller.location ? ` · ${parcel.seller.location}` : ''}
                      </span>
                      {sellerLink && (
                        <span className="admin-sub small">
                          <a href={sellerLink} target="_blank" rel="noopener noreferrer">
                            {t('openOffer')}
                          </a>
                        </span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={list.page}
        pages={pages}
        hrefFor={(p) => {
          const base = adminPaths.inbound(locale, view);
          return p > 1 ? `${base}${base.includes('?') ? '&' : '?'}page=${p}` : base;
        }}
        labels={{ nav: tAdmin('pagination.label'), previous: tAdmin('pagination.previous'), next: tAdmin('pagination.next'), pageOf: tAdmin('pagination.pageOf', { page: list.page, pages }) }}
      />
    </>
  );
}
