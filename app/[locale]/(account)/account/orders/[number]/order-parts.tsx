import type { ReactNode } from 'react';
import Link from 'next/link';
import type { getTranslations } from 'next-intl/server';
import { Money } from '@/components/bidi/money';
import { specValues } from '@/lib/catalog/spec-names';
import type { OrderDetail } from '@/lib/orders/queries/get-order-detail';
import { mediaUrl, shopPaths } from '@/lib/shop/paths';
import { formatCny } from '@/lib/shop/price';
import type { OrderParcel } from '@/lib/warehouse/queries/list-order-parcels';
import type { ItemQc } from '@/lib/warehouse/queries/list-item-qc';
import { ItemStorage } from './item-storage';
import { ReceiptOutcome } from './receipt-outcome';

// The shopper's order page's parts: its lines, their parcels from the seller, the shipping address.

export function OrderItemRow({
  item,
  locale,
  remarkLabel,
  quantityText,
  itemState,
  children,
}: {
  item: OrderDetail['items'][number];
  locale: string;
  remarkLabel: string;
  quantityText: string;
  itemState: string | null;
  /** The item's QC panel, while it is in the warehouse or decided. */
  children?: ReactNode;
}) {
  return (
    <li className="order-item" data-testid="order-item" data-sku-id={item.skuId}>
      {item.imageKey ? (
        // eslint-disable-next-line @next/next/no-img-element
        <img src={mediaUrl(item.imageKey, 200)} width={64} height={64} alt="" loading="lazy" decoding="async" />
      ) : (
        <span className="order-item-image" aria-hidden="true" />
      )}
      <div>
        <p className="order-item-title" dir="auto">
          {item.slug ? <Link href={shopPaths.product(locale, item.slug)}>{item.title}</Link> : item.title}
        </p>
        {specValues(item.attributes) && (
          <p className="muted small order-item-options" dir="auto" data-testid="order-item-options">
            {specValues(item.attributes)}
          </p>
        )}
        <p className="small">
          {quantityText} ={' '}
          <strong>
            <Money>{formatCny(item.unitPriceCnyMinor * item.quantity, locale)}</Money>
          </strong>
        </p>
        {item.remark && (
          <p className="small">
            {remarkLabel}: <q dir="auto">{item.remark}</q>
          </p>
        )}
        {itemState && (
          <p className="small order-item-state" data-testid="order-item-state" data-state={item.fulfilmentStatus === 'upstream' ? item.purchaseStatus : item.fulfilmentStatus}>
            {itemState}
          </p>
        )}
        <ReceiptOutcome item={item} locale={locale} />
        <ItemStorage item={item} locale={locale} />
        {children}
      </div>
    </li>
  );
}

export type Translate = Awaited<ReturnType<typeof getTranslations<'orders'>>>;

/** A line's own news: its note is with our buyer, or it is in our warehouse (weighed). */
export function itemStateText(t: Translate, item: OrderDetail['items'][number], locale: string): string | null {
  if (item.fulfilmentStatus === 'in_warehouse') {
    return item.weightGrams ? t('itemInWarehouseWeighed', { weight: new Intl.NumberFormat(locale).format(item.weightGrams) }) : t('itemInWarehouse');
  }
  if (item.fulfilmentStatus === 'upstream' && item.purchaseStatus === 'review') return t('itemNoteWithBuyer');
  return null;
}

export type QcTranslate = Awaited<ReturnType<typeof getTranslations<'qc'>>>;

/**
 * An item's QC as the shopper reads it: the photos (thumbnails opening the large size; URLs signed
 * by the page), receiving's findings and the measurement note, then — while it waits in the
 * warehouse — the decision deadline and the three answers (`actions`), or what was decided.
 */
export function ItemQcPanel({
  item,
  qc,
  photos,
  t,
  when,
  morePhotosPrice,
  actions,
}: {
  item: OrderDetail['items'][number];
  qc: ItemQc;
  photos: { thumb: string; large: string }[];
  t: QcTranslate;
  when: (date: Date) => ReactNode;
  /** The open charge's price, formatted, when one waits to be paid. */
  morePhotosPrice: string | null;
  actions: ReactNode;
}) {
  const outcome = qc.receiptOutcome;
  return (
    <section className="qc-panel" data-testid="qc-panel" data-item-id={item.id} data-status={item.fulfilmentStatus} aria-label={t('title')}>
      {photos.length > 0 ? (
        <ul className="qc-photos" role="list" data-testid="qc-photos">
          {photos.map((photo, i) => (
            <li key={photo.thumb}>
              <a href={photo.large} target="_blank" rel="noopener" data-testid="qc-photo">
                {/* eslint-disable-next-line @next/next/no-img-element */}
                <img src={photo.thumb} width={96} height={96} alt={t('photoAlt', { number: i + 1, title: item.title })} loading="lazy" decoding="async" />
              </a>
            </li>
          ))}
        </ul>
      ) : (
        item.fulfilmentStatus === 'in_warehouse' && <p className="small muted">{t('noPhotosYet')}</p>
      )}
      {outcome && (
        <p className="small" data-testid="qc-receipt" data-outcome={outcome}>
          {outcome === 'short' ? t('receiptShort', { received: qc.receivedQuantity ?? 0, ordered: item.quantity }) : t(`receipt_${outcome}`)}
          {qc.receiptNote && (
            <>
              {' '}
              · <q dir="auto">{qc.receiptNote}</q>
            </>
          )}
        </p>
      )}
      {qc.qcNote && (
        <p className="small" data-testid="qc-note">
          {t('qcNote')}: <span dir="auto">{qc.qcNote}</span>
        </p>
      )}
      {item.fulfilmentStatus === 'in_warehouse' && (
        <>
          {qc.isWaitingForPhotos && <p className="small notice">{t('waitingForPhotos')}</p>}
          {qc.deadline && (
            <p className="small" data-testid="qc-deadline">
              {t('deadline')} {when(qc.deadline)}
            </p>
          )}
          {morePhotosPrice && <p className="small">{t('chargeOpen', { price: morePhotosPrice })}</p>}
          {actions}
        </>
      )}
      {item.fulfilmentStatus === 'accepted' && <p className="small" data-testid="qc-decided">{t(qc.decidedBy === 'auto' ? 'acceptedAuto' : 'acceptedShopper')}</p>}
      {item.fulfilmentStatus === 'return_requested' && (
        <p className="small" data-testid="qc-decided">
          {t('returnRequested')} <q dir="auto">{qc.returnReason}</q>
        </p>
      )}
      {item.fulfilmentStatus === 'returned' && (
        <p className="small" data-testid="qc-decided">
          {t('returned')} {qc.returnAnswer && <q dir="auto">{qc.returnAnswer}</q>}
        </p>
      )}
      {item.fulfilmentStatus === 'in_warehouse' && qc.returnAnswer && (
        <p className="small" data-testid="qc-return-refused">
          {t('returnRefused')} <q dir="auto">{qc.returnAnswer}</q>
        </p>
      )}
    </section>
  );
}

/** One parcel a seller sent to the warehouse: courier, domestic tracking number, when, and the shopper's items in it. */
export function ParcelRow({ parcel, items, when, t }: { parcel: OrderParcel; items: OrderDetail['items']; when: (date: Date) => ReactNode; t: Translate }) {
  const titles = parcel.orderItemIds.map((id) => items.find((item) => item.id === id)?.title).filter(Boolean);
  return (
    <li className="order-parcel" data-testid="order-parcel" data-tracking={parcel.trackingNumber} data-status={parcel.status}>
      <p>
        {t('parcelCarrier')}: <strong dir="auto">{parcel.carrierName ?? parcel.carrierCode ?? '—'}</strong> · {t('parcelTracking')}:{' '}
        <strong>
          <bdi dir="ltr" data-testid="order-parcel-tracking">
            {parcel.trackingNumber}
          </bdi>
        </strong>
      </p>
      <p className="small">
        {parcel.shippedAt && (
          <>
            {t('parcelShipped')} {when(parcel.shippedAt)} ·{' '}
          </>
        )}
        {t(parcel.status === 'received' ? 'parcelReceived' : 'parcelExpected')}
      </p>
      {titles.length > 0 && (
        <p className="small muted" dir="auto">
          {t('parcelItems')} {titles.join(' · ')}
        </p>
      )}
    </li>
  );
}

export function ShippingAddressBlock({ address, locale }: { address: OrderDetail['shippingAddress']; locale: string }) {
  const country = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' }).of(address.country) ?? address.country;
  const lines = [address.name, address.line1, address.line2, [address.postalCode, address.city].filter(Boolean).join(' '), address.region, country, address.phone];
  return (
    <address className="order-address" data-testid="order-address">
      {lines.filter(Boolean).map((line, i) => (
        <span key={i} dir="auto">
          {line}
          <br />
        </span>
      ))}
    </address>
  );
}
