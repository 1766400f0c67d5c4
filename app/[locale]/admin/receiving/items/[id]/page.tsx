import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { NextIntlClientProvider } from 'next-intl';
import { GoodsForm } from '@/components/admin/goods-form';
import { getMessages, getTranslations, setRequestLocale } from 'next-intl/server';
import { ADMIN_TIME_ZONE } from '@/lib/admin/format';
import { adminPaths } from '@/lib/admin/paths';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/session';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isLocale } from '@/lib/i18n/locales';
import { MAX_PHOTOS_PER_UPLOAD } from '@/lib/warehouse/photos/add-item-photos';
import { MAX_PHOTO_BYTES } from '@/lib/warehouse/photos/process-photo';
import { itemPhotoStates, signPhotos } from '@/lib/warehouse/photos/queries/item-photo-state';
import { getPhotoItem } from '@/lib/warehouse/queries/get-photo-item';
import { AdminPhotoGrid } from '@/components/admin/photo-grid';
import { PhotoUpload } from '@/components/admin/photo-upload';
import { QcNoteForm } from './photo-upload';
import { goodsEditableStatuses } from '@/lib/warehouse/set-item-goods';
import { setItemGoodsAction } from '../../actions';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('qcPhotos.title')} · ${t('nav.brand')}` };
}

/**
 * The QC photo screen (`orders:warehouse`), made for a phone in the warehouse: the item, whose it
 * is and where it is shelved, its photos so far against what the shopper is owed, the camera or a
 * folder of photos to upload, the measurement note, and its label. Photos are only written through
 * addItemPhotos (the upload route beside the admin API).
 */
export default async function ItemPhotosPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const itemId = /^\d{1,15}$/.test(id) ? Number(id) : null;
  const user = await requireStaffPage(locale, 'orders:warehouse', itemId ? adminPaths.receivingItem(locale, itemId) : adminPaths.receiving(locale));
  if (itemId === null) notFound();
  const [item, states] = await Promise.all([getPhotoItem(getDb(), itemId), itemPhotoStates(getDb(), [itemId])]);
  if (!item) notFound();
  const state = states.get(itemId)!;
  const photos = signPhotos(getEnv().FERRY_SECRET_KEY, state.photos);
  const [t, tItemGoods, tGoods, messages] = await Promise.all([
    getTranslations({ locale, namespace: 'admin.qcPhotos' }),
    getTranslations({ locale, namespace: 'admin.goods' }),
    getTranslations({ locale, namespace: 'admin.shippingLines.goods' }),
    getMessages({ locale }),
  ]);
  const goods = item.markedGoods ?? item.productGoods;
  const goodsWords = goods.length === 0 ? tItemGoods('none') : goods.map((good) => tGoods(good)).join(', ');
  const canPhotograph = ['in_warehouse', 'accepted', 'return_requested'].includes(item.status);
  const grams = item.weightGrams === null ? null : new Intl.NumberFormat(locale).format(item.weightGrams);
  return (
    <NextIntlClientProvider locale={locale} messages={{ admin: messages.admin }} timeZone={ADMIN_TIME_ZONE}>
      <p className="small">
        <Link href={adminPaths.receiving(locale)}>← {t('back')}</Link>
      </p>
      <h1 dir="auto">{item.title}</h1>
      <dl className="admin-facts" data-testid="photo-item" data-item={item.itemId}>
        {item.options && (
          <>
            <dt>{t('options')}</dt>
            <dd dir="auto">{item.options}</dd>
          </>
        )}
        <dt>{t('order')}</dt>
        <dd className="admin-mono" dir="ltr">
          {item.orderNumber} · ×{item.quantity}
        </dd>
        <dt>{t('shopper')}</dt>
        <dd className="admin-mono" dir="ltr">
          {item.shopperCode}
        </dd>
        <dt>{t('bin')}</dt>
        <dd className="admin-mono" dir="ltr">
          {item.bin ?? '—'}
        </dd>
        <dt>{t('weight')}</dt>
        <dd>{grams === null ? '—' : t('grams', { weight: grams })}</dd>
        {item.outcome && item.outcome !== 'complete' && (
          <>
            <dt>{t('found')}</dt>
            <dd data-testid="photo-item-outcome" data-outcome={item.outcome}>
              {t(`outcome.${item.outcome}`, { received: item.receivedQuantity ?? 0, count: item.quantity })}
              {item.receiptNote && (
                <>
                  : <q dir="auto">{item.receiptNote}</q>
                </>
              )}
            </dd>
          </>
        )}
      </dl>

      <section aria-labelledby="photos-heading" className="admin-panel">
        <h2 id="photos-heading">{t('photosTitle')}</h2>
        <p data-testid="photo-progress" data-photos={photos.length} data-allowance={state.allowance} className={photos.length >= state.allowance ? 'admin-ok' : undefined}>
          {t('progress', { photos: photos.length, allowance: state.allowance })}
        </p>
        {photos.length === 0 ? (
          <p className="admin-empty">{t('none')}</p>
        ) : (
          <AdminPhotoGrid photos={photos} altOf={(number) => t('photoAlt', { number })} testId="qc-photos" photoTestId="qc-photo" />
        )}
        {canPhotograph ? <PhotoUpload url={`/api/admin/items/${item.itemId}/photos`} maxBytes={MAX_PHOTO_BYTES} maxFiles={MAX_PHOTOS_PER_UPLOAD} /> : <p className="admin-notice">{t('notHere')}</p>}
      </section>

      {canPhotograph && <QcNoteForm itemId={item.itemId} note={item.qcNote} />}

      <section aria-labelledby="goods-heading" className="admin-panel" data-testid="item-goods" data-goods={goods.join(' ')} data-marked={item.markedGoods !== null}>
        <h2 id="goods-heading">{tItemGoods('title')}</h2>
        <p>
          <strong>{goodsWords}</strong> · {item.markedGoods === null ? tItemGoods('fromProduct') : tItemGoods('marked')}
          {can(user.role, 'catalog:goods') && (
            <>
              {' · '}
              <Link href={adminPaths.product(locale, item.productId)}>{tItemGoods('productLink')}</Link>
            </>
          )}
        </p>
        {goodsEditableStatuses.includes(item.status) ? (
          <>
            <p className="admin-hint">{tItemGoods('itemIntro')}</p>
            <GoodsForm action={setItemGoodsAction} hidden={{ locale, itemId: String(item.itemId) }} checked={goods} resetLabel={item.markedGoods !== null ? tItemGoods('useProduct') : null} testId="item-goods-form" />
          </>
        ) : (
          <p className="admin-notice">{tItemGoods('locked')}</p>
        )}
      </section>

      <p>
        <a href={`${adminPaths.receiving(locale)}/labels?items=${item.itemId}`} className="admin-button admin-button-quiet" data-testid="print-label">
          {t('printLabel')}
        </a>
      </p>
    </NextIntlClientProvider>
  );
}
