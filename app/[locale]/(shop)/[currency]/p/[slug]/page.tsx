import type { Metadata } from 'next';
import { notFound, permanentRedirect } from 'next/navigation';
import { Fragment } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Breadcrumbs } from '@/components/shop/breadcrumbs';
import { JsonLd } from '@/components/shop/json-ld';
import { ProductPurchase } from '@/components/shop/product-purchase';
import { WarehousePhotos } from '@/components/shop/warehouse-photos';
import { ProductShippingIsland } from '@/components/shop/shipping/product-shipping-island';
import { cartPaths } from '@/lib/cart/paths';
import { cachedCategoryTree, cachedProductDetail } from '@/lib/catalog/cached-reads';
import { parseProductSlug } from '@/lib/catalog/slug';
import type { ProductDetail } from '@/lib/catalog/types';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import type { Crumb } from '@/lib/seo/crumb';
import { localizedMetadata } from '@/lib/seo/alternates';
import { productJsonLd } from '@/lib/seo/product-structured-data';
import { absoluteUrl } from '@/lib/site-url';
import { mediaUrl, shopPaths } from '@/lib/shop/paths';
import { toDecimalString } from '@/lib/money';
import { cnyRange, displayPrice, formatCny, formatRate, formatRateDate, priceRange } from '@/lib/shop/price';
import { platformName } from '@/lib/suppliers/platform-name';
import { pageRate } from '@/lib/shop/rates';
import { Money } from '@/components/bidi/money';
import { isolate } from '@/lib/i18n/bidi';
import { cachedProductWarehousePhotos } from '@/lib/warehouse/photos/cached-product-photos';

type Params = { params: Promise<{ locale: string; currency: string; slug: string }> };

/** Only the translations the SKU selector shows travel to the browser. */
function specNames(product: ProductDetail): Record<string, string> {
  const names: Record<string, string> = {};
  for (const sku of product.skus) {
    for (const { name, value } of sku.attributes) {
      if (product.attributeNames[name]) names[name] = product.attributeNames[name];
      if (product.attributeNames[value]) names[value] = product.attributeNames[value];
    }
  }
  return names;
}

// Rendered on first visit per (locale, currency, product), then served from the ISR cache until the
// product's tag is revalidated (catalog sync) or an hour passes.
export const revalidate = 3600;
export const dynamicParams = true;
export function generateStaticParams() {
  return [];
}

async function load(params: Params['params']) {
  const { locale, currency, slug } = await params;
  const id = parseProductSlug(slug);
  if (!isLocale(locale) || id === null) notFound();
  const product = await cachedProductDetail(id, locale);
  if (!product) notFound();
  // Old or mistyped slugs land on the canonical one.
  if (product.slug !== slug) permanentRedirect(shopPaths.product(locale, product.slug));
  return { locale, currency, product };
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale, currency, product } = await load(params);
  const [t, rate] = await Promise.all([getTranslations({ locale, namespace: 'meta' }), pageRate(currency)]);
  const price = displayPrice(product.priceMinMinor, rate, locale);
  const description = t('productDescription', { title: product.title, price: price.text }).slice(0, 300);
  const image = product.images[0];
  return {
    title: `${product.title} | Ferry`,
    ...localizedMetadata(locale, (l) => shopPaths.product(l, product.slug), {
      title: product.title,
      description,
      images: image ? [{ url: absoluteUrl(mediaUrl(image.key, 800)), width: image.width, height: image.height, alt: product.title }] : [],
    }),
    other: { 'product:price:amount': toDecimalString(price.money), 'product:price:currency': price.money.currency },
  };
}

export default async function ProductPage({ params }: Params) {
  const { locale, currency, product } = await load(params);
  setRequestLocale(locale as Locale);
  const [t, tc, nav, tree, rate, platform, warehousePhotos] = await Promise.all([
    getTranslations({ locale, namespace: 'product' }),
    getTranslations({ locale, namespace: 'cartButton' }),
    getTranslations({ locale, namespace: 'nav' }),
    cachedCategoryTree(locale),
    pageRate(currency),
    platformName(locale, product.platform),
    cachedProductWarehousePhotos(product.id),
  ]);
  const category = tree.byId[product.categoryId];
  const crumbs: Crumb[] = [
    { name: nav('home'), href: shopPaths.home(locale) },
    ...(category?.pathIds ?? []).flatMap((id) => {
      const c = tree.byId[id];
      return c ? [{ name: c.name, href: shopPaths.category(locale, c.slug) }] : [];
    }),
  ];
  const url = absoluteUrl(shopPaths.product(locale, product.slug));
  const lowest = displayPrice(product.priceMinMinor, rate, locale);
  const tr = (zh: string) => product.attributeNames[zh] ?? zh;

  return (
    <article className="product" data-product-id={product.id}>
      <JsonLd data={productJsonLd(product, url, lowest.money, crumbs)} />
      <Breadcrumbs crumbs={crumbs} label={t('breadcrumbs')} current={product.title} />
      <ProductPurchase
        title={product.title}
        images={product.images.map((img, i) => ({ ...img, label: t('showPhoto', { n: i + 1 }) }))}
        skus={product.skus.map((s) => ({
          id: s.id,
          attributes: s.attributes,
          stock: s.stock,
          imagePosition: s.imagePosition,
          price: displayPrice(s.priceMinor, rate, locale).text,
          originalPrice: rate.currency === 'CNY' ? null : t('originalPrice', { price: isolate(formatCny(s.priceMinor, locale)) }),
          stockLabel: s.stock > 0 ? t('inStock', { count: String(s.stock) }) : t('outOfStock'),
        }))}
        names={specNames(product)}
        labels={{
          gallery: t('gallery'),
          selectOptions: t('selectOptions'),
          outOfStock: t('outOfStock'),
          addToCart: t('addToCart'),
          price: t('price'),
        }}
        cart={{
          locale,
          currency,
          href: cartPaths.cart(locale),
          labels: { quantity: tc('quantity'), adding: tc('adding'), added: tc('added'), viewCart: tc('viewCart') },
        }}
      >
        <h1 lang={product.titleLang.lang} dir="auto" data-translation-fallback={product.titleLang.isFallback ? 'en' : undefined}>
          {product.title}
        </h1>
        {product.titleLang.isFallback && (
          <p className="notice" role="note" data-testid="translation-fallback">
            {t('translationFallback')}
          </p>
        )}
        <p className="muted small">
          <span lang="zh-CN">{product.titleZh}</span>
          {' · '}
          {t('machineTranslated')}
        </p>
        <p className="price-range">
          <Money>{priceRange(product.priceMinMinor, product.priceMaxMinor, rate, locale)}</Money>
          {rate.currency !== 'CNY' && (
            <span className="muted">
              {' ('}
              <Money testId="price-range-cny">{cnyRange(product.priceMinMinor, product.priceMaxMinor, locale)}</Money>)
            </span>
          )}
        </p>
        {rate.currency !== 'CNY' && (
          <p className="muted small" data-testid="rate-note">
            {t('rateNote', { rate: formatRate(rate.rate, locale), currency: rate.currency, date: formatRateDate(rate.capturedAt, locale) })}
          </p>
        )}
        {/* The shopper's destination is theirs alone: estimated in the browser, so this page stays one cached render. */}
        <ProductShippingIsland locale={locale} currency={rate.currency} itemGrams={product.weightGrams} goods={product.goods} />
      </ProductPurchase>

      <div className="product-details">
        <section aria-labelledby="facts">
          <h2 id="facts">{t('specifications')}</h2>
          <dl className="facts">
            <dt>{t('seller')}</dt>
            <dd>
              <span lang="zh-CN">{product.seller.name}</span>
              {product.seller.location && <span className="muted small"> · {t('sellerLocation', { location: tr(product.seller.location) })}</span>}
            </dd>
            <dt>{t('weight')}</dt>
            <dd>{t('weightValue', { grams: product.weightGrams })}</dd>
            <dt>{t('domesticShipping')}</dt>
            <dd>{product.domesticShippingMinor === 0 ? t('free') : <Money>{displayPrice(product.domesticShippingMinor, rate, locale).text}</Money>}</dd>
            {product.attributesZh.map((a) => (
              <Fragment key={a.name}>
                <dt>
                  <bdi>{tr(a.name)}</bdi>
                </dt>
                <dd>
                  <bdi>{tr(a.value)}</bdi>
                </dd>
              </Fragment>
            ))}
            <dt>{t('source')}</dt>
            <dd>
              <a href={product.sourceUrl} rel="nofollow noopener" target="_blank">
                {t('viewSource', { platform })}
              </a>
            </dd>
          </dl>
          <p className="muted small">{t('sold', { count: product.salesCount })}</p>
        </section>
        {product.description && (
          <section aria-label={t('originalTitle')}>
            <p>{product.description}</p>
          </section>
        )}
      </div>
      <WarehousePhotos locale={locale} items={warehousePhotos} names={product.attributeNames} />
    </article>
  );
}
