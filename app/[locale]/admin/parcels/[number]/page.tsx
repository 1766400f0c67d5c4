import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { ParcelPackForm } from '@/components/admin/parcel-pack-form';
import { AdminPhotoGrid } from '@/components/admin/photo-grid';
import { PhotoUpload } from '@/components/admin/photo-upload';
import { ActionForm } from '@/components/parcels/action-form';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locales';
import { formatStoredMoney } from '@/lib/money';
import { isParcelPhotographable, parcelPhotoList } from '@/lib/parcels/parcel-photos';
import { findParcel, parcelItemRows } from '@/lib/parcels/queries';
import { MAX_PHOTOS_PER_UPLOAD } from '@/lib/warehouse/photos/add-item-photos';
import { MAX_PHOTO_BYTES } from '@/lib/warehouse/photos/process-photo';
import { signPhotos } from '@/lib/warehouse/photos/queries/item-photo-state';
import { dispatchParcelAction } from '../actions';

type Props = { params: Promise<{ locale: string; number: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, number } = await params;
  const t = await getTranslations({ locale, namespace: 'adminParcels' });
  return { title: `${t('parcel')} ${decodeURIComponent(number)} · Ferry` };
}

/**
 * One parcel for the warehouse: what to do with it (its services, the items by bin, the address it
 * goes to), the photos of the packed parcel with the camera to add more, and the next step: pack
 * (a rehearsal needs a photo first: the shopper sees them before paying) or dispatch.
 */
export default async function AdminParcelPage({ params }: Props) {
  const { locale, number: raw } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const number = decodeURIComponent(raw);
  const user = await requireStaffPage(locale, 'parcels:read', adminPaths.parcel(locale, number));
  const db = getDb();
  const parcel = await findParcel(db, number);
  if (!parcel) notFound();
  const [t, ts, items, stored, messages] = await Promise.all([
    getTranslations({ locale, namespace: 'adminParcels' }),
    getTranslations({ locale, namespace: 'parcels' }),
    parcelItemRows(db, [parcel.id]),
    parcelPhotoList(db, parcel.id),
    getMessages(),
  ]);
  const photos = signPhotos(getEnv().FERRY_SECRET_KEY, stored);
  const canPack = can(user.role, 'parcels:pack');
  const toPack = parcel.status === 'paid' || parcel.status === 'awaiting_rehearsal';
  const isRehearsal = parcel.status === 'awaiting_rehearsal';
  // What the warehouse still owes the shopper: photos before the rehearsal's price, or the paid photos before it leaves.
  const notice = isRehearsal ? t('rehearsalPhotos') : parcel.services.includes('packed_photos') && stored.length === 0 && isParcelPhotographable(parcel) ? t('photosOwed') : null;
  const address = parcel.shippingAddress;
  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin }} timeZone={ADMIN_TIME_ZONE}>
      <p>
        <Link href={adminPaths.parcels(locale)}>{t('back')}</Link>
      </p>
      <h1>
        {t('parcel')} <span dir="ltr">{parcel.number}</span>
      </h1>
      <dl className="admin-facts" data-testid="parcel-facts" data-status={parcel.status}>
        <dt>{ts('status')}</dt>
        <dd>{ts(`statuses.${parcel.status}`)}</dd>
        <dt>{t('line')}</dt>
        <dd>{parcel.lineCode}</dd>
        <dt>{ts('services')}</dt>
        <dd data-testid="parcel-services">{parcel.services.length > 0 ? parcel.services.map((s) => ts(`serviceNames.${s}`)).join(', ') : '—'}</dd>
        <dt>{ts('estimate')}</dt>
        <dd>{ts('chargeable', { grams: parcel.estimateChargeableGrams })}</dd>
        <dt>{t('price')}</dt>
        <dd data-testid="parcel-price">{formatStoredMoney(parcel.chargeMinor, parcel.currency, locale)}</dd>
        {parcel.packedWeightGrams !== null && (
          <>
            <dt>{t('packedAs')}</dt>
            <dd data-testid="parcel-packed">
              {t('packedFacts', { grams: parcel.packedWeightGrams, chargeable: parcel.packedChargeableGrams ?? 0, l: parcel.packedDims?.lengthCm ?? 0, w: parcel.packedDims?.widthCm ?? 0, h: parcel.packedDims?.heightCm ?? 0 })}
            </dd>
          </>
        )}
        <dt>{ts('address')}</dt>
        <dd dir="auto">
          {address.name}, {address.line1}
          {address.line2 ? `, ${address.line2}` : ''}, {address.postalCode ?? ''} {address.city}
          {address.region ? `, ${address.region}` : ''}, {address.country}
        </dd>
      </dl>

      <section aria-labelledby="parcel-items" className="admin-panel">
        <h2 id="parcel-items">{t('items')}</h2>
        <table className="admin-table" data-testid="parcel-items">
          <thead>
            <tr>
              <th scope="col">{t('bin')}</th>
              <th scope="col">{t('item')}</th>
              <th scope="col" className="admin-num">
                {t('weight')}
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.itemId}>
                <td className="admin-mono">{item.storageBin ?? '—'}</td>
                <td>
                  <span dir="ltr">{item.orderNumber}</span> · {item.title} × {item.quantity}
                </td>
                <td className="admin-num">{item.weightGrams ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="parcel-photos" className="admin-panel">
        <h2 id="parcel-photos">{t('photos')}</h2>
        {notice && <p className="admin-notice">{notice}</p>}
        {photos.length === 0 ? (
          <p className="admin-empty">{t('noPhotos')}</p>
        ) : (
          <AdminPhotoGrid photos={photos} altOf={(number) => t('photoAlt', { number })} testId="parcel-photos" photoTestId="parcel-photo" />
        )}
        {canPack && isParcelPhotographable(parcel) && <PhotoUpload url={`/api/admin/parcels/${encodeURIComponent(parcel.number)}/photos`} maxBytes={MAX_PHOTO_BYTES} maxFiles={MAX_PHOTOS_PER_UPLOAD} />}
      </section>

      {canPack && toPack && (
        <section aria-labelledby="parcel-pack" className="admin-panel">
          <h2 id="parcel-pack">{t('pack')}</h2>
          <ParcelPackForm locale={locale} number={parcel.number} labels={{ weight: t('weight'), dims: t('dims'), pack: isRehearsal ? t('packRehearsal') : t('pack') }} />
        </section>
      )}
      {canPack && parcel.status === 'ready_to_dispatch' && (
        <ActionForm action={dispatchParcelAction} className="admin-inline-form" testId="dispatch-form">
          <input type="hidden" name="locale" value={locale} />
          <input type="hidden" name="number" value={parcel.number} />
          <button type="submit">{t('dispatch')}</button>
        </ActionForm>
      )}
    </NextIntlClientProvider>
  );
}
