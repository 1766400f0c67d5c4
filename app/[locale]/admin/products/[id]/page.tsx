import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { GoodsForm } from '@/components/admin/goods-form';
import { adminPaths } from '@/lib/admin/paths';
import { requireStaffPage } from '@/lib/auth/session';
import { getProductGoods } from '@/lib/catalog/goods/get-product-goods';
import { getDb } from '@/lib/db';
import { isLocale } from '@/lib/i18n/locales';
import type { ShippingGood } from '@/lib/shipping/goods';
import { setProductGoodsAction } from './actions';

type Props = { params: Promise<{ locale: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'admin' });
  return { title: `${t('goods.title')} · ${t('nav.brand')}` };
}

/**
 * A product's goods for shipping (`catalog:goods`): what the import read from the listing, what staff
 * set, and the form to set them. Every quote of the product, and of its ordered items the warehouse
 * has not marked, uses what this page shows as "quoted as".
 */
export default async function ProductGoodsPage({ params }: Props) {
  const { locale, id } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const productId = /^\d{1,15}$/.test(id) ? Number(id) : null;
  await requireStaffPage(locale, 'catalog:goods', productId ? adminPaths.product(locale, productId) : adminPaths.home(locale));
  if (productId === null) notFound();
  const product = await getProductGoods(getDb(), productId);
  if (!product) notFound();
  const [t, tGoods] = await Promise.all([getTranslations({ locale, namespace: 'admin.goods' }), getTranslations({ locale, namespace: 'admin.shippingLines.goods' })]);
  const words = (goods: readonly ShippingGood[] | null) => (goods === null ? '—' : goods.length === 0 ? t('none') : goods.map((good) => tGoods(good)).join(', '));
  return (
    <>
      <h1>
        <span className="admin-mono">#{product.id}</span> <span dir="auto" lang="zh-CN">{product.titleZh}</span>
      </h1>
      <p className="admin-hint">{t('productIntro')}</p>
      <dl className="admin-facts" data-testid="product-goods" data-goods={product.goods.join(' ')} data-overridden={product.override !== null}>
        <dt>{t('category')}</dt>
        <dd className="admin-mono" dir="ltr">
          {product.categorySlug}
        </dd>
        <dt>{t('detected')}</dt>
        <dd>{words(product.detected)}</dd>
        <dt>{t('staffSet')}</dt>
        <dd>{words(product.override)}</dd>
        <dt>{t('quotedAs')}</dt>
        <dd>
          <strong>{words(product.goods)}</strong>
        </dd>
      </dl>
      <GoodsForm action={setProductGoodsAction} hidden={{ locale, productId: String(product.id) }} checked={product.goods} resetLabel={product.override !== null ? t('useDetected') : null} testId="product-goods-form" />
    </>
  );
}
