import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Pagination } from '@/components/shop/pagination';
import { ProductGrid } from '@/components/shop/product-grid';
import { SearchForm } from '@/components/shop/search-form';
import { cachedSearch } from '@/lib/catalog/cached-reads';
import { findProductBySource } from '@/lib/catalog/queries/find-product-by-source';
import { getDb } from '@/lib/db';
import { isLocale, type Locale } from '@/lib/i18n/locales';
import { shopPaths } from '@/lib/shop/paths';
import { platformName } from '@/lib/shop/platform-name';
import { pageRate } from '@/lib/shop/rates';
import { listingPageSize, parseSearchParams } from '@/lib/shop/listing-params';
import { looksLikeUrl, parseProductLink } from '@/lib/suppliers/parse-product-link';

type Props = {
  params: Promise<{ locale: string; currency: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const { q } = parseSearchParams(await searchParams);
  const t = await getTranslations({ locale, namespace: 'meta' });
  const nav = await getTranslations({ locale, namespace: 'nav' });
  // Result pages are for shoppers, not for the index.
  return { title: `${q ? t('searchTitle', { query: q }) : nav('search')} | Ferry`, robots: { index: false, follow: true } };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale, currency } = await params;
  if (!isLocale(locale)) return null;
  setRequestLocale(locale as Locale);
  const { q, page } = parseSearchParams(await searchParams);
  const [t, nav, listing, rate] = await Promise.all([
    getTranslations({ locale, namespace: 'search' }),
    getTranslations({ locale, namespace: 'nav' }),
    getTranslations({ locale, namespace: 'listing' }),
    pageRate(currency),
  ]);

  let linkMessage: string | null = null;
  if (looksLikeUrl(q)) {
    const link = parseProductLink(q);
    if (link) {
      const product = await findProductBySource(getDb(), link.platform, link.id);
      if (product) redirect(shopPaths.product(locale, product.slug));
      linkMessage = t('linkNotImported', { platform: await platformName(locale, link.platform) });
    } else {
      linkMessage = t('linkUnsupported');
    }
  }
  const results = q && !linkMessage ? await cachedSearch(q, locale, page, listingPageSize) : null;
  const pages = results ? Math.max(1, Math.ceil(results.total / listingPageSize)) : 1;

  return (
    <>
      <h1>{q && !linkMessage ? t('resultsFor', { query: q }) : t('title')}</h1>
      <SearchForm locale={locale} label={nav('search')} placeholder={nav('searchPlaceholder')} button={nav('searchButton')} defaultValue={q} id="page-search" isLandmark={false} />
      {linkMessage && (
        <p className="notice" role="status">
          {linkMessage}
        </p>
      )}
      {!q && <p className="muted">{t('enterQuery')}</p>}
      {results && results.total === 0 && <p role="status">{t('noResults', { query: q })}</p>}
      {results && results.total > 0 && (
        <>
          <p className="muted" data-testid="result-count">
            {listing('results', { count: results.total })}
          </p>
          <ProductGrid products={results.items} locale={locale} rate={rate} />
          <Pagination
            page={page}
            pages={pages}
            hrefFor={(p) => `${shopPaths.search(locale, q)}&page=${p}`}
            labels={{ nav: listing('pagination'), previous: listing('previous'), next: listing('next'), pageOf: listing('pageOf', { page, pages }) }}
          />
        </>
      )}
    </>
  );
}
