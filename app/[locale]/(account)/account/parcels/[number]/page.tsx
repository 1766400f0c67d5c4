import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Money } from '@/components/bidi/money';
import { ActionForm } from '@/components/parcels/action-form';
import { accountPaths } from '@/lib/auth/paths';
import { requireUserOrRedirect } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import type { Locale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { parcelPhotoList } from '@/lib/parcels/parcel-photos';
import { findOwnParcel, parcelItemRows } from '@/lib/parcels/queries';
import { signPhotos } from '@/lib/warehouse/photos/queries/item-photo-state';
import { cancelParcelAction, payParcelByCardAction, payParcelFromWalletAction } from '../actions';

type Props = { params: Promise<{ locale: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  const t = await getTranslations({ locale, namespace: 'parcels' });
  return { title: `${t('number')} ${number} | Ferry` };
}

/** One of the shopper's parcels: status, estimate, items, the settlement after packing, and what to pay now. */
export default async function ParcelPage({ params }: Props) {
  const { locale, number } = await params;
  setRequestLocale(locale as Locale);
  const user = await requireUserOrRedirect(locale, accountPaths.parcel(locale, number));
  const db = getDb();
  const parcel = await findOwnParcel(db, { type: 'user', userId: user.id }, decodeURIComponent(number));
  if (!parcel) notFound();
  const [t, items, stored] = await Promise.all([getTranslations({ locale, namespace: 'parcels' }), parcelItemRows(db, [parcel.id]), parcelPhotoList(db, parcel.id)]);
  const photos = signPhotos(getEnv().FERRY_SECRET_KEY, stored);
  const isRehearsing = parcel.status === 'awaiting_rehearsal';
  // Packed for the rehearsal and not paid yet: the shopper sees what it really is before paying.
  const isRehearsed = parcel.status === 'awaiting_payment' && parcel.packedAt !== null;
  const money = (minor: number) => formatStoredMoney(minor, parcel.currency, locale);
  const isUnpaid = parcel.status === 'awaiting_payment';
  const isTopup = parcel.status === 'awaiting_topup';
  const hidden = (
    <>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="number" value={parcel.number} />
    </>
  );
  return (
    <>
      <p>
        <Link href={accountPaths.parcels(locale)}>{t('back')}</Link>
      </p>
      <h1>
        {t('number')} <span dir="ltr">{parcel.number}</span>
      </h1>
      <p data-testid="parcel-status" data-status={parcel.status}>
        {t('status')}: <strong>{t(`statuses.${parcel.status}`)}</strong>
      </p>
      <section className="account-panel" aria-labelledby="parcel-estimate">
        <h2 id="parcel-estimate">{t('estimate')}</h2>
        <p>{t('chargeable', { grams: parcel.estimateChargeableGrams })}</p>
        <p>
          {t('total')}: <Money testId="parcel-total">{money(parcel.chargeMinor)}</Money>
          {parcel.walletPartMinor > 0 && isUnpaid && (
            <>
              {' '}
              (<Money>{money(parcel.chargeMinor - parcel.walletPartMinor)}</Money>)
            </>
          )}
        </p>
        {parcel.services.length > 0 && (
          <p>
            {t('services')}: {parcel.services.map((s) => t(`serviceNames.${s}`)).join(', ')}
          </p>
        )}
      </section>
      {isRehearsing && (
        <p className="account-panel" role="status" data-testid="parcel-rehearsal">
          {t('rehearsalWaiting')}
        </p>
      )}
      {parcel.packedWeightGrams !== null && (
        <section className="account-panel" aria-labelledby="parcel-packed" data-testid="parcel-packed" data-rehearsed={isRehearsed}>
          <h2 id="parcel-packed">{t('packedTitle')}</h2>
          {isRehearsed && <p role="status">{t('rehearsedReview')}</p>}
          <p>{t('packedFacts', { grams: parcel.packedWeightGrams, chargeable: parcel.packedChargeableGrams ?? 0, l: parcel.packedDims?.lengthCm ?? 0, w: parcel.packedDims?.widthCm ?? 0, h: parcel.packedDims?.heightCm ?? 0 })}</p>
          {isRehearsed && <p>{t('rehearsedEstimate', { grams: parcel.estimateChargeableGrams })}</p>}
        </section>
      )}
      {photos.length > 0 && (
        <section aria-labelledby="parcel-photos">
          <h2 id="parcel-photos">{t('photos')}</h2>
          <ul className="qc-photos" role="list" data-testid="parcel-photos">
            {photos.map((photo, i) => (
              <li key={photo.id}>
                <a href={photo.largeUrl} target="_blank" rel="noopener" data-testid="parcel-photo">
                  {/* eslint-disable-next-line @next/next/no-img-element -- signed, expiring private URLs: not for the image optimizer */}
                  <img src={photo.thumbUrl} width={96} height={96} alt={t('photoAlt', { number: i + 1 })} loading="lazy" decoding="async" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      {parcel.settlementAction && !parcel.services.includes('rehearsal') ? (
        <section className="account-panel" aria-labelledby="parcel-settlement" data-testid="parcel-settlement" data-action={parcel.settlementAction}>
          <h2 id="parcel-settlement">{t('settlement')}</h2>
          {parcel.packedChargeableGrams !== null && <p>{t('chargeable', { grams: parcel.packedChargeableGrams })}</p>}
          {parcel.settlementAction === 'topup' && isTopup && <p role="status">{t('topupDue', { amount: money(parcel.settlementMinor ?? 0) })}</p>}
          {parcel.settlementAction === 'refund' && <p role="status">{t('refunded', { amount: money(parcel.settlementMinor ?? 0) })}</p>}
          {parcel.settlementAction !== 'refund' && !isTopup && <p>{t(`settlementActions.${parcel.settlementAction}`)}</p>}
        </section>
      ) : null}
      {(isUnpaid || isTopup || isRehearsing) && (
        <section className="account-panel parcel-pay" data-testid="parcel-pay">
          {!isRehearsing && (
            <>
              <ActionForm action={payParcelByCardAction} testId="parcel-pay-card">
                {hidden}
                <button type="submit" className="primary">
                  {t('payCard')}
                </button>
              </ActionForm>
              <ActionForm action={payParcelFromWalletAction} testId="parcel-pay-wallet">
                {hidden}
                <button type="submit">{t('payWallet')}</button>
              </ActionForm>
            </>
          )}
          {isUnpaid && parcel.walletPartMinor === 0 && (
            <ActionForm action={payParcelFromWalletAction} testId="parcel-pay-wallet-part">
              {hidden}
              <input type="hidden" name="part" value="1" />
              <button type="submit">{t('payWalletPart')}</button>
            </ActionForm>
          )}
          {(isUnpaid || isRehearsing) && (
            <ActionForm action={cancelParcelAction} testId="parcel-cancel">
              {hidden}
              <button type="submit">{t('cancel')}</button>
            </ActionForm>
          )}
        </section>
      )}
      <section aria-labelledby="parcel-items">
        <h2 id="parcel-items">{t('items')}</h2>
        <ul data-testid="parcel-items">
          {items.map((item) => (
            <li key={item.itemId}>
              <span dir="ltr">{item.orderNumber}</span> · {item.title} × {item.quantity}
            </li>
          ))}
        </ul>
      </section>
      {parcel.trackingNumber && (
        <p>
          {t('tracking')}: <span dir="ltr">{parcel.trackingNumber}</span> ({parcel.carrier})
        </p>
      )}
    </>
  );
}
