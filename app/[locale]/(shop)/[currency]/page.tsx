import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { JsonLd } from '@/components/shop/json-ld';
import { LinkImportBox } from '@/components/shop/link-import-box';
import { ProductGrid } from '@/components/shop/product-grid';
import { cachedCategoryTree, cachedProductList } from '@/lib/catalog/cached-reads';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { supportedCurrencies } from '@/lib/money/currencies';
import { localizedMetadata } from '@/lib/seo/alternates';
import { absoluteUrl } from '@/lib/site-url';
import { capabilities, importableMarketplaces } from '@/lib/shop/capabilities';
import { shopPaths } from '@/lib/shop/paths';
import { pageRate } from '@/lib/shop/rates';

type Params = { params: Promise<{ locale: string; currency: string }> };

// Prerendered per locale and currency; route config must be a literal (= catalogRevalidateSeconds).
export const revalidate = 3600;
export function generateStaticParams() {
  return supportedCurrencies.map((currency) => ({ currency }));
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'meta' });
  const marketplaces = await importableMarketplaces(locale);
  const title = t('homeTitle', { marketplaces });
  const description = t('homeDescription');
  return { title: { absolute: title }, ...localizedMetadata(locale as Locale, shopPaths.home, { title, description }) };
}

export default async function HomePage({ params }: Params) {
  const { locale, currency } = await params;
  if (!isLocale(locale)) return null;
  setRequestLocale(locale);
  const [t, tree, featured, rate, marketplaces] = await Promise.all([
    getTranslations({ locale, namespace: 'home' }),
    cachedCategoryTree(locale),
    cachedProductList({ sort: 'popular', page: 1, pageSize: 12 }, locale),
    pageRate(currency),
    importableMarketplaces(locale),
  ]);
  return (
    <>
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'WebSite',
          name: 'Ferry',
          url: absoluteUrl(shopPaths.home(locale)),
          potentialAction: { '@type': 'SearchAction', target: `${absoluteUrl(`/${locale}/search`)}?q={query}`, 'query-input': 'required name=query' },
        }}
      />
      <section className="hero">
        <h1>{t('heroTitle')}</h1>
        <p>{t('heroText', { marketplaces })}</p>
        <LinkImportBox locale={locale} id="paste-link" hasHint={false} />
      </section>
      <section aria-labelledby="cats">
        <h2 id="cats">{t('shopByCategory')}</h2>
        <ul className="category-tiles" role="list">
          {tree.roots.map((id) => {
            const c = tree.byId[id]!;
            return (
              <li key={id}>
                <Link href={shopPaths.category(locale, c.slug)}>
                  <span>{c.name}</span>
                  <span className="muted small" lang="zh-CN">
                    {c.nameZh}
                  </span>
                </Link>
              </li>
            );
          })}
        </ul>
      </section>
      <section aria-labelledby="featured">
        <h2 id="featured">{t('featured')}</h2>
        <ProductGrid products={featured.items} locale={locale} rate={rate} eagerCount={2} />
      </section>
      <section aria-labelledby="steps" className="steps">
        <h2 id="steps">{t('steps')}</h2>
        <ol>
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          {/* Only the steps this shop carries out today (lib/shop/capabilities.ts). */}
          {capabilities.warehouseInspection && <li>{t('step3')}</li>}
          {capabilities.internationalShipping && <li>{t('step4')}</li>}
        </ol>
      </section>
    </>
  );
}
