import type { ReactNode } from 'react';
import { isolate } from '@/lib/i18n/bidi';
import { formatStoredMoney } from '@/lib/money';
import type { OrderDetail } from '@/lib/orders/queries/get-order-detail';
import { signedPhotoUrl } from '@/lib/warehouse/photos/photo-urls';
import type { ItemQc as ItemQcFacts } from '@/lib/warehouse/queries/list-item-qc';
import { ItemQcPanel, type QcTranslate } from './order-parts';
import { QcButtons } from './qc-buttons';

/**
 * One item's QC on the shopper's order page: its photos signed for this shopper (400 px thumbnails
 * opening the 1600 px size), and the answers with their wording. "More photos" names the open
 * charge's price if one waits to be paid, else what a new request would cost now.
 */
export function ItemQc({
  item,
  qc,
  locale,
  orderNumber,
  newCharge,
  secretKey,
  t,
  when,
  wallet,
}: {
  item: OrderDetail['items'][number];
  qc: ItemQcFacts;
  locale: string;
  orderNumber: string;
  newCharge: { quantity: number; chargeMinor: number; chargeCurrency: string };
  secretKey: string;
  t: QcTranslate;
  when: (date: Date) => ReactNode;
  /** The shopper's balances and the wallet's wording: "pay from my balance" shows when one covers the charge. */
  wallet?: { balances: { currency: string; amountMinor: number }[]; pay: (balance: string) => string; insufficient: string };
}) {
  const charge = qc.openCharge ?? newCharge;
  const price = isolate(formatStoredMoney(charge.chargeMinor, charge.chargeCurrency, locale));
  const covering = charge.chargeMinor > 0 ? wallet?.balances.find((b) => b.currency === charge.chargeCurrency && b.amountMinor >= charge.chargeMinor) : undefined;
  return (
    <ItemQcPanel
      item={item}
      qc={qc}
      photos={qc.photoKeys.map((key) => ({ thumb: signedPhotoUrl(secretKey, key, '400'), large: signedPhotoUrl(secretKey, key, '1600') }))}
      t={t}
      when={when}
      morePhotosPrice={qc.openCharge ? price : null}
      actions={
        <QcButtons
          locale={locale}
          orderNumber={orderNumber}
          itemId={item.id}
          labels={{
            accept: t('accept'),
            morePhotos: t(qc.openCharge ? 'payMorePhotos' : 'morePhotos', { count: charge.quantity, price }),
            returnReason: t('returnReason'),
            returnButton: t('returnButton'),
            accepted: t('acceptedNotice'),
            returnRequested: t('returnNotice'),
            decided: t('alreadyDecided'),
            reasonRequired: t('reasonRequired'),
            reasonTooLong: t('reasonTooLong'),
            error: t('error'),
          }}
          wallet={covering && wallet ? { pay: wallet.pay(isolate(formatStoredMoney(covering.amountMinor, covering.currency, locale))), insufficient: wallet.insufficient } : undefined}
        />
      }
    />
  );
}
